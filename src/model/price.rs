//! A price as Pasar states it: the amount quoted, its PPN rule, both amounts exact to the sen,
//! and a range's upper end.

use rust_decimal::Decimal;

/// A rupiah price with its VAT treatment stated, and whether the marketplace quoted it exactly.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Price {
    /// The amount as the marketplace quoted it.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Whether `amount` includes PPN.
    pub includes_vat: bool,
    /// The PPN rate in percent applied to this offer (`11` effective, `0` for non-PKP sellers).
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_rate: Decimal,
    /// The PPN rate the marketplace stated (`12`), before a `[pricing] rules` entry mapped it to
    /// the effective `vat_rate`; equal to it when no rule applied, and 0 when no PPN applies.
    #[serde(with = "rust_decimal::serde::str")]
    pub nominal_vat_rate: Decimal,
    /// Which PPN rule the amounts follow.
    pub vat_basis: VatBasis,
    /// The regulation behind a stated-to-effective rate rule, when one applied.
    pub vat_rule: Option<std::sync::Arc<str>>,
    /// The amount without PPN, exact to the sen.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount_excluding_vat: Decimal,
    /// The amount with PPN, exact to the sen.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount_including_vat: Decimal,
    /// The text the marketplace sent, when it sent text.
    pub raw: Option<String>,
    /// Whether `amount` is the amount quoted: false for a compact display form (`Rp 150rb`),
    /// the lower bound of a range, or a separator read by policy (`AMBIGUOUS_SEPARATOR`).
    pub exact: bool,
    /// A range's upper bound (`Rp 100rb - Rp 120rb`: `amount` is its lower bound), split as the
    /// amount is; `None` for a single amount.
    pub range_max: Option<RangeMax>,
}

impl Price {
    /// The lowest and highest the price may be, including PPN or excluding it: a range's two
    /// ends, or the amount twice.
    pub fn bounds(&self, excluding_vat: bool) -> (Decimal, Decimal) {
        let low = if excluding_vat { self.amount_excluding_vat } else { self.amount_including_vat };
        let high = self
            .range_max
            .as_ref()
            .map_or(low, |max| if excluding_vat { max.excluding_vat } else { max.including_vat });
        (low, high)
    }
}

/// The upper bound of a price quoted as a range, with and without PPN.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RangeMax {
    /// As quoted, on the same PPN basis as the price's `amount`.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Without PPN, exact to the sen.
    #[serde(with = "rust_decimal::serde::str")]
    pub excluding_vat: Decimal,
    /// With PPN, exact to the sen.
    #[serde(with = "rust_decimal::serde::str")]
    pub including_vat: Decimal,
}

/// Which PPN rule an offer's amounts follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum, serde::Serialize, serde::Deserialize)]
pub enum VatBasis {
    /// PPN applies and the quoted amount includes it.
    Included,
    /// PPN applies and the quoted amount excludes it.
    Excluded,
    /// The seller is not PKP (pengusaha kena pajak), so it charges no PPN.
    NotPkp,
    /// The goods carry no PPN (basic staples and other goods freed from it).
    Exempt,
    /// A regional tax (PBJT, pajak barang dan jasa tertentu, e.g. on catering) applies instead
    /// of PPN, so no PPN is charged.
    Pbjt,
    /// The marketplace states a PPN rate of 0 without saying why (usually a seller that is not
    /// PKP, on a marketplace that cannot say so).
    ZeroRate,
}

impl VatBasis {
    /// Whether the offer carries PPN at all.
    pub fn charges_vat(self) -> bool {
        matches!(self, Self::Included | Self::Excluded)
    }
}
