//! GraphQL views of an offer's price (with its PPN rule) and of the listing's seller account.

use crate::model::{Price, Seller, VatBasis};
use crate::normalize::rupiah::format_rupiah;
use async_graphql::Object;
use rust_decimal::Decimal;

/// A price in rupiah, with and without PPN when known (never guessed); `exact` says whether the
/// marketplace quoted it as a firm amount.
#[Object(serial)]
impl Price {
    /// The amount as quoted by the marketplace, in rupiah.
    async fn amount(&self) -> Decimal {
        self.amount
    }
    /// Whether `amount` is the amount quoted. False for a compact display form (`Rp 150rb` is
    /// read as 150000, a rounded figure), the lower bound of a range, or a separator read by
    /// policy (issue `AMBIGUOUS_SEPARATOR`): show such a price as approximate (a range's upper
    /// end is `rangeMax`).
    async fn exact(&self) -> bool {
        self.exact
    }
    /// Always `"IDR"`.
    async fn currency(&self) -> &str {
        "IDR"
    }
    /// Whether `amount` includes PPN, as stated. When no PPN applies (`vatBasis` other than
    /// `INCLUDED`/`EXCLUDED`) both amounts equal `amount` whatever it says.
    async fn includes_vat(&self) -> bool {
        self.includes_vat
    }
    /// Effective PPN rate charged on the price, percent: `11` for ordinary goods since 2025
    /// (12 % on a DPP of 11/12, PMK 131/2024), `0` when no PPN applies (see `vatBasis`).
    async fn vat_rate(&self) -> Decimal {
        self.vat_rate
    }
    /// The PPN rate the marketplace stated, percent (`12`); differs from `vatRate` when an
    /// adapter rule maps a stated rate to the effective one (`vatRule` names it). `0`, like
    /// `vatRate`, when no PPN applies (`NOT_PKP`, `EXEMPT`, `PBJT`), whatever the listing stated.
    async fn nominal_vat_rate(&self) -> Decimal {
        self.nominal_vat_rate
    }
    /// Which PPN rule the amounts follow.
    async fn vat_basis(&self) -> VatBasis {
        self.vat_basis
    }
    /// The regulation of the stated-to-effective rate rule that applied (`"PMK 131/2024"`);
    /// null when the stated rate was charged as is.
    async fn vat_rule(&self) -> Option<&str> {
        self.vat_rule.as_deref()
    }
    /// Amount without PPN, exact to the sen, rounded half-up.
    async fn amount_excluding_vat(&self) -> Decimal {
        self.amount_excluding_vat
    }
    /// Amount with PPN, exact to the sen, rounded half-up.
    async fn amount_including_vat(&self) -> Decimal {
        self.amount_including_vat
    }
    /// The upper end of a price quoted as a range (`Rp 100rb - Rp 120rb`), as quoted, on the
    /// same PPN basis as `amount` (then the lower end); null for a single amount.
    async fn range_max(&self) -> Option<Decimal> {
        self.range_max.as_ref().map(|max| max.amount)
    }
    /// The range's upper end without PPN, exact to the sen; null for a single amount.
    async fn range_max_excluding_vat(&self) -> Option<Decimal> {
        self.range_max.as_ref().map(|max| max.excluding_vat)
    }
    /// The range's upper end with PPN, exact to the sen; null for a single amount.
    async fn range_max_including_vat(&self) -> Option<Decimal> {
        self.range_max.as_ref().map(|max| max.including_vat)
    }
    /// `amount` written Indonesian style, `"Rp1.250.000"`.
    async fn formatted(&self) -> String {
        format_rupiah(self.amount)
    }
    /// What the marketplace sent.
    async fn raw(&self) -> Option<&str> {
        self.raw.as_deref()
    }
}

/// A seller account on one marketplace, as the listing states it.
#[Object(name = "SellerAccount", serial)]
impl Seller {
    /// The account id on the marketplace, when stated.
    async fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    /// The name as the listing writes it.
    async fn name(&self) -> &str {
        &self.name
    }
    /// Link to the seller's page (http or https only).
    async fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    /// The rating as the marketplace states it (its own scale, often 0–5).
    async fn rating(&self) -> Option<Decimal> {
        self.rating
    }
}
