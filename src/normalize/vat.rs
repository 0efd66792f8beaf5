//! PPN (Indonesian VAT): the one place its rules live.
//!
//! Since 1 January 2025 the nominal PPN rate is 12 % (UU 7/2021 "HPP", Pasal 7), but PMK
//! 131/2024 sets the tax base (DPP) of ordinary, non-luxury goods and services at 11/12 of the
//! price, so the tax actually charged is 11 % of the price. Luxury goods (PPnBM) pay the full
//! 12 %. Sellers that are not PKP (pengusaha kena pajak, mostly usaha mikro/kecil under the
//! Rp4,8 miliar turnover threshold) charge no PPN at all. Marketplaces quote either gross or net
//! prices; the adapter file says which and at what effective rate.

use super::rupiah::round_sen;
use rust_decimal::Decimal;

/// An amount split into its net and gross forms, each exact to the sen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VatSplit {
    /// Without PPN.
    pub excluding: Decimal,
    /// With PPN.
    pub including: Decimal,
}

/// Splits a quoted amount into net and gross at `rate` percent, rounding half-up to the sen.
///
/// Returns `None` when the rate is outside 0–100 or the arithmetic would overflow: a price the
/// gateway cannot compute exactly is reported, never approximated.
pub fn split(amount: Decimal, includes_vat: bool, rate: Decimal) -> Option<VatSplit> {
    if rate < Decimal::ZERO || rate > Decimal::ONE_HUNDRED {
        return None;
    }
    let factor = Decimal::ONE.checked_add(rate.checked_div(Decimal::ONE_HUNDRED)?)?;
    let (excluding, including) =
        if includes_vat { (amount.checked_div(factor)?, amount) } else { (amount, amount.checked_mul(factor)?) };
    // Normalised so equal amounts print alike ("47508", not "47508.00").
    Some(VatSplit { excluding: round_sen(excluding).normalize(), including: round_sen(including).normalize() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_net_price_gains_eleven_percent() {
        let s = split(dec!(55000), false, dec!(11)).expect("in range");
        assert_eq!((s.excluding, s.including), (dec!(55000), dec!(61050)));
    }

    #[test]
    fn a_gross_price_loses_exactly_its_ppn() {
        let s = split(dec!(61050), true, dec!(11)).expect("in range");
        assert_eq!((s.excluding, s.including), (dec!(55000), dec!(61050)));
    }

    #[test]
    fn a_gross_price_that_does_not_divide_rounds_half_up_to_the_sen() {
        let s = split(dec!(1250000), true, dec!(11)).expect("in range");
        assert_eq!(s.excluding, dec!(1126126.13));
    }

    #[test]
    fn a_non_pkp_seller_charges_no_ppn() {
        let s = split(dec!(18000), false, Decimal::ZERO).expect("in range");
        assert_eq!((s.excluding, s.including), (dec!(18000), dec!(18000)));
    }

    #[test]
    fn an_impossible_rate_or_overflow_gives_no_number() {
        assert_eq!(split(dec!(1), false, dec!(101)), None);
        assert_eq!(split(dec!(-1), false, dec!(-5)), None);
        assert_eq!(split(Decimal::MAX, false, dec!(11)), None);
    }
}
