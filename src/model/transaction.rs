//! A buyer's purchase on a marketplace, read from its transaction ledger.

use super::{Issue, VendorRecord};
use rust_decimal::Decimal;

/// What became of a transaction. Only completed ones count towards spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum, serde::Serialize, serde::Deserialize)]
pub enum TransactionStatus {
    /// Delivered and paid (or payable): counts as spending.
    Completed,
    /// Cancelled or refused: never counted.
    Cancelled,
    /// Ordered, not yet completed: not counted yet.
    InProgress,
    /// A status the adapter file does not map: not counted, and reported.
    Unknown,
}

/// How the buyer paid.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, async_graphql::Enum, serde::Serialize, serde::Deserialize,
)]
pub enum PaymentMethod {
    /// A virtual account number for this order.
    VirtualAccount,
    /// An ordinary bank transfer.
    BankTransfer,
    /// The government credit card (Kartu Kredit Pemerintah, KKP).
    GovernmentCard,
    /// The Pemda's bank cash-management system (CMS), paying SP2D directly.
    CashManagement,
    /// Stated, but none of the above.
    Other,
    /// Not stated.
    Unknown,
}

/// A calendar date in WIB (UTC+7): a Pemda's fiscal year is a calendar year in WIB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct WibDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl std::fmt::Display for WibDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An amount with and without PPN, as offer prices give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Amount {
    /// With PPN.
    pub including_vat: Decimal,
    /// Without PPN.
    pub excluding_vat: Decimal,
}

impl Amount {
    /// Both amounts added.
    pub fn plus(self, other: Self) -> Self {
        Self {
            including_vat: self.including_vat + other.including_vat,
            excluding_vat: self.excluding_vat + other.excluding_vat,
        }
    }
}

/// One transaction as Pasar serves it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Transaction {
    /// The marketplace's transaction id.
    pub id: String,
    /// When it was made, in WIB.
    pub date: WibDate,
    /// The buyer's Kemendagri code (`"35.71"`), as the marketplace states it.
    pub buyer: String,
    /// The buyer's work unit (satker / perangkat daerah).
    pub satker: Option<String>,
    /// The seller.
    pub vendor: VendorRecord,
    /// The amount paid; `None` when it could not be read exactly (never guessed).
    pub amount: Option<Amount>,
    /// Completed, cancelled, …
    pub status: TransactionStatus,
    /// How it was paid.
    pub payment_method: PaymentMethod,
    /// Number of items (lines) ordered, when stated.
    pub item_count: Option<u32>,
    /// The goods' TKDN in percent, when stated; `Some` means certified.
    pub tkdn: Option<Decimal>,
    /// Whether the marketplace says anything about TKDN (an empty value says "none").
    pub tkdn_known: bool,
    /// What the entry states that a reader must see though it changes no figure: a PPN rate not
    /// in force on its date (`VAT_RATE_NOT_IN_FORCE`, kept as the seller's evidence).
    #[serde(default)]
    pub issues: Vec<Issue>,
}

impl Transaction {
    /// Rough heap size, for memory budgets: the struct, its text and allocator overhead.
    pub fn estimated_bytes(&self) -> usize {
        let text = self.id.len() + self.buyer.len() + self.satker.as_ref().map_or(0, String::len);
        let issues: usize = self.issues.iter().map(|i| 64 + i.message.len()).sum();
        std::mem::size_of::<Self>() + 64 + text + issues + self.vendor.text_bytes()
    }
}
