//! The `[transactions]` and `[transaction_totals]` sections of an adapter file: a buyer's
//! purchases over a period, and (where the API gives them) its totals directly.
//!
//! adapters/README.md §13 is the specification. The request, paging, response and pricing
//! tables are the search's own types, so they are written and checked the same way.

use super::parts::{FieldSpec, Pagination, Pricing, RequestSpec, ResponseSpec};
use serde::Deserialize;

/// `[transactions]`: one page of a buyer's transactions in a period.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransactionsSpec {
    /// The request; placeholders `{buyer}`, `{from}`, `{to}`, `{year}` plus the paging ones.
    pub request: RequestSpec,
    /// How the ledger is paged.
    pub pagination: Pagination,
    /// Where the entries, their count and the next cursor are.
    pub response: ResponseSpec,
    /// Each entry's fields.
    pub fields: TransactionFields,
    /// PPN of the amounts, as `[pricing]` for offers.
    pub pricing: Pricing,
}

/// A ledger entry's fields. `id`, `date`, `buyer`, `amount`, `status` and `vendor_name` are
/// required.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransactionFields {
    /// Transaction id.
    pub id: FieldSpec,
    /// Date or timestamp (WIB unless it carries an offset).
    pub date: FieldSpec,
    /// The buyer's Kemendagri code.
    pub buyer: FieldSpec,
    /// The buyer's work unit.
    pub satker: Option<FieldSpec>,
    /// Amount paid.
    pub amount: FieldSpec,
    /// Per-entry flag: whether the amount includes PPN.
    pub includes_vat: Option<FieldSpec>,
    /// Per-entry PPN rate as stated.
    pub vat_rate: Option<FieldSpec>,
    /// Whether the seller is PKP.
    pub vendor_pkp: Option<FieldSpec>,
    /// Whether the goods are freed from PPN.
    pub vat_exempt: Option<FieldSpec>,
    /// Status word (`values` maps it to `completed`, `cancelled`, `in_progress`).
    pub status: FieldSpec,
    /// Payment method word (`values` maps it to `virtual_account`, `bank_transfer`,
    /// `government_card`, `cash_management`, `other`).
    pub payment_method: Option<FieldSpec>,
    /// Number of items.
    pub item_count: Option<FieldSpec>,
    /// TKDN percent of the goods, where certified.
    pub tkdn: Option<FieldSpec>,
    /// Seller account id.
    pub vendor_id: Option<FieldSpec>,
    /// Seller name.
    pub vendor_name: FieldSpec,
    /// Seller NPWP.
    pub vendor_npwp: Option<FieldSpec>,
    /// Seller scale.
    pub vendor_scale: Option<FieldSpec>,
    /// Seller location.
    pub vendor_region: Option<FieldSpec>,
    /// Seller legal form, when apart from the name.
    pub vendor_legal_form: Option<FieldSpec>,
}

impl TransactionFields {
    /// Every mapping with its name as the file spells it.
    pub fn entries(&self) -> [(&'static str, Option<&FieldSpec>); 19] {
        [
            ("id", Some(&self.id)),
            ("date", Some(&self.date)),
            ("buyer", Some(&self.buyer)),
            ("satker", self.satker.as_ref()),
            ("amount", Some(&self.amount)),
            ("includes_vat", self.includes_vat.as_ref()),
            ("vat_rate", self.vat_rate.as_ref()),
            ("vendor_pkp", self.vendor_pkp.as_ref()),
            ("vat_exempt", self.vat_exempt.as_ref()),
            ("status", Some(&self.status)),
            ("payment_method", self.payment_method.as_ref()),
            ("item_count", self.item_count.as_ref()),
            ("tkdn", self.tkdn.as_ref()),
            ("vendor_id", self.vendor_id.as_ref()),
            ("vendor_name", Some(&self.vendor_name)),
            ("vendor_npwp", self.vendor_npwp.as_ref()),
            ("vendor_scale", self.vendor_scale.as_ref()),
            ("vendor_region", self.vendor_region.as_ref()),
            ("vendor_legal_form", self.vendor_legal_form.as_ref()),
        ]
    }
}

/// `[transaction_totals]`: one buyer's totals for a period in one call.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalsSpec {
    /// The request; placeholders `{buyer}`, `{from}`, `{to}`, `{year}`.
    pub request: RequestSpec,
    /// Where the totals are.
    pub response: TotalsResponse,
}

/// Pointers to the totals of completed transactions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalsResponse {
    /// Total including PPN.
    pub amount_including_vat: FieldSpec,
    /// Total excluding PPN.
    pub amount_excluding_vat: FieldSpec,
    /// Number of completed transactions.
    pub count: FieldSpec,
}

/// Statuses a `values` table may map to.
pub const STATUS_WORDS: &[&str] = &["completed", "cancelled", "in_progress"];
/// Payment methods a `values` table may map to.
pub const PAYMENT_WORDS: &[&str] = &["virtual_account", "bank_transfer", "government_card", "cash_management", "other"];
