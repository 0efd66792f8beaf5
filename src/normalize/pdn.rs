//! Domestic-content tiers of Perpres 46/2025 Pasal 66 (amending Perpres 16/2018).
//!
//! For industrial products the regulation sets a cascade: (a) if any domestic product (PDN) has
//! TKDN + BMP ≥ 40 %, buy PDN with TKDN ≥ 25 %; (b) else PDN with TKDN ≥ 25 %; (c) else PDN with a
//! lower certified TKDN; (d) else PDN registered in SIINAS. An offer's tier is where it sits on
//! that ladder; which tier a *group* of offers must buy from depends on the best tier present.

use rust_decimal::Decimal;

/// Where an offer sits on the PDN cascade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, async_graphql::Enum)]
pub enum PdnTier {
    /// TKDN + BMP ≥ 40 % (which, with BMP at most 15 %, implies TKDN ≥ 25 %): tier (a).
    TkdnBmp40,
    /// TKDN ≥ 25 % but TKDN + BMP below 40 %: tier (b).
    Tkdn25,
    /// A certified TKDN below 25 %: tier (c).
    TkdnCertified,
    /// No TKDN stated: domestic origin cannot be shown from the offer (tier (d) needs SIINAS).
    NoTkdn,
}

const FORTY: Decimal = Decimal::from_parts(40, 0, 0, false, 0);
const TWENTY_FIVE: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// TKDN plus BMP, when TKDN is known (an absent BMP counts as 0), at most 100: both are shares
/// of one product's value, and a TKDN of 100 with a BMP of 10 read 110 % (review39n R39n-11).
pub fn tkdn_plus_bmp(tkdn: Option<Decimal>, bmp: Option<Decimal>) -> Option<Decimal> {
    tkdn.map(|t| (t + bmp.unwrap_or_default()).min(HUNDRED))
}

/// The tier of one offer.
pub fn tier(tkdn: Option<Decimal>, bmp: Option<Decimal>) -> PdnTier {
    match (tkdn, tkdn_plus_bmp(tkdn, bmp)) {
        (Some(t), Some(sum)) if sum >= FORTY && t >= TWENTY_FIVE => PdnTier::TkdnBmp40,
        (Some(t), _) if t >= TWENTY_FIVE => PdnTier::Tkdn25,
        (Some(t), _) if t > Decimal::ZERO => PdnTier::TkdnCertified,
        _ => PdnTier::NoTkdn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn tiers_follow_the_thresholds_of_pasal_66() {
        let cases = [
            (Some(dec!(45.5)), None, PdnTier::TkdnBmp40),
            (Some(dec!(30)), Some(dec!(10)), PdnTier::TkdnBmp40),
            (Some(dec!(25)), Some(dec!(15)), PdnTier::TkdnBmp40),
            (Some(dec!(30)), Some(dec!(9.99)), PdnTier::Tkdn25),
            (Some(dec!(25)), None, PdnTier::Tkdn25),
            (Some(dec!(24.99)), Some(dec!(15)), PdnTier::TkdnCertified),
            (Some(dec!(0.01)), None, PdnTier::TkdnCertified),
            (Some(dec!(0)), Some(dec!(15)), PdnTier::NoTkdn),
            (None, Some(dec!(15)), PdnTier::NoTkdn),
            (None, None, PdnTier::NoTkdn),
        ];
        for (tkdn, bmp, expected) in cases {
            assert_eq!(tier(tkdn, bmp), expected, "{tkdn:?} + {bmp:?}");
        }
    }

    #[test]
    fn bmp_counts_only_alongside_a_tkdn() {
        assert_eq!(tkdn_plus_bmp(None, Some(dec!(15))), None);
        assert_eq!(tkdn_plus_bmp(Some(dec!(30)), None), Some(dec!(30)));
        assert_eq!(tkdn_plus_bmp(Some(dec!(100)), Some(dec!(10))), Some(dec!(100)), "a share is at most 100 %");
        assert_eq!(tkdn_plus_bmp(Some(dec!(92.5)), Some(dec!(7.5))), Some(dec!(100)));
        assert_eq!(tkdn_plus_bmp(Some(dec!(30)), Some(dec!(12.5))), Some(dec!(42.5)));
    }
}
