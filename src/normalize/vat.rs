//! PPN (Indonesian VAT): the one place its rules live.
//!
//! Since 1 January 2025 the nominal PPN rate is 12 % (UU 7/2021 "HPP", Pasal 7), but PMK
//! 131/2024 sets the tax base (DPP) of ordinary, non-luxury goods and services at 11/12 of the
//! price, so the tax actually charged is 11 % of the price. Luxury goods (PPnBM) pay the full
//! 12 %. Sellers that are not PKP (pengusaha kena pajak, mostly usaha mikro/kecil under the
//! Rp4,8 miliar turnover threshold) charge no PPN at all. Marketplaces quote either gross or net
//! prices; the adapter file says which and at what effective rate.

use super::rupiah::round_sen;
use crate::model::{VatBasis, WibDate};
use rust_decimal::Decimal;
use std::sync::Arc;

/// What an adapter file says about the PPN of all its prices (`[pricing]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VatPolicy {
    /// Whether prices include PPN, when the file states it for all; a per-offer flag wins.
    pub includes_vat: Option<bool>,
    /// The rate in percent when an offer states none.
    pub rate: Decimal,
    /// Stated rates mapped to effective ones (`12` → `11` under PMK 131/2024).
    pub rules: Vec<RateRule>,
}

impl VatPolicy {
    /// The rate charged on an offer that states none: the file's rate after its rules.
    pub fn default_effective(&self) -> Decimal {
        self.rules.iter().find(|r| r.stated == self.rate).map_or(self.rate, |r| r.effective)
    }
}

/// One `[[pricing.rules]]` entry: a stated (nominal) rate and the rate actually charged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateRule {
    /// The rate as the marketplace states it, percent.
    pub stated: Decimal,
    /// The rate charged on the price, percent.
    pub effective: Decimal,
    /// The regulation that makes it so, as the file names it.
    pub regulation: Arc<str>,
}

/// What one offer states about its PPN; `None` where it states nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stated {
    /// Whether the quoted amount includes PPN (a per-offer flag or a hint in the price text).
    pub includes_vat: Option<bool>,
    /// The PPN rate, percent, as stated.
    pub rate: Option<Decimal>,
    /// Whether a rate was sent that cannot be read: where PPN applies, its rate is then unknown.
    pub rate_unreadable: bool,
    /// Whether the seller is PKP.
    pub pkp: Option<bool>,
    /// Whether the goods are freed from PPN.
    pub exempt: Option<bool>,
    /// Whether a regional tax (PBJT) applies instead of PPN.
    pub regional_tax: Option<bool>,
}

/// The PPN rule an offer's amounts follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Treatment {
    /// Which rule applied.
    pub basis: VatBasis,
    /// Whether the quoted amount includes PPN (as stated; moot when no PPN applies).
    pub includes_vat: bool,
    /// The stated rate, percent (0 when no PPN applies).
    pub nominal: Decimal,
    /// The rate charged on the price, percent.
    pub effective: Decimal,
    /// The regulation of the rate rule that applied.
    pub rule: Option<Arc<str>>,
}

/// Decides an offer's PPN from what it states and the file's policy. In order: goods freed from
/// PPN, a regional tax instead of PPN, a seller that is not PKP, then the stated rate (mapped by
/// the rules). `None` when PPN applies but nothing says whether the amount includes it: the
/// gateway then computes no amounts rather than guess.
pub fn treatment(policy: &VatPolicy, stated: Stated) -> Option<Treatment> {
    let includes_vat = stated.includes_vat.or(policy.includes_vat);
    let none = |basis| {
        Some(Treatment {
            basis,
            includes_vat: includes_vat.unwrap_or(true),
            nominal: Decimal::ZERO,
            effective: Decimal::ZERO,
            rule: None,
        })
    };
    if stated.exempt == Some(true) {
        return none(VatBasis::Exempt);
    }
    if stated.regional_tax == Some(true) {
        return none(VatBasis::Pbjt);
    }
    if stated.pkp == Some(false) {
        return none(VatBasis::NotPkp);
    }
    let nominal = stated.rate.unwrap_or(policy.rate);
    let rule = policy.rules.iter().find(|r| r.stated == nominal);
    let effective = rule.map_or(nominal, |r| r.effective);
    if effective.is_zero() {
        return none(VatBasis::ZeroRate);
    }
    let includes_vat = includes_vat?;
    Some(Treatment {
        basis: if includes_vat { VatBasis::Included } else { VatBasis::Excluded },
        includes_vat,
        nominal,
        effective,
        rule: rule.map(|r| Arc::clone(&r.regulation)),
    })
}

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

const HPP: WibDate = WibDate { year: 2022, month: 4, day: 1 };
const LUXURY_TWELVE: WibDate = WibDate { year: 2025, month: 2, day: 1 };

/// The PPN rate charged on `date` (WIB), percent, for a file whose rate (after its rules) is
/// `file_rate`: 10 % until 31 March 2022, 11 % from 1 April 2022 (UU 7/2021 "HPP"), still 11 %
/// from 2025 (12 % on a DPP of 11/12, PMK 131/2024), and 12 % from 1 February 2025 only where
/// the file charges 12 (luxury goods; January 2025 was a transition at 11 %). A file charging no
/// PPN is taken at its word; any other rate of the file (a 10 never updated) was in force on no
/// date after March 2022, so the date's ordinary rate applies (review39n R39n-2).
pub fn rate_on(date: WibDate, file_rate: Decimal) -> Decimal {
    if file_rate.is_zero() {
        return Decimal::ZERO;
    }
    if date < HPP {
        Decimal::TEN
    } else if date >= LUXURY_TWELVE && file_rate == Decimal::from(12) {
        file_rate
    } else {
        Decimal::from(11)
    }
}

/// Whether `rate` (percent, charged) was in force on `date` (WIB) for a file whose rate (after
/// its rules) is `file_rate`: the ordinary rate of the date ([`rate_on`] of 11), or the rate of
/// the date for the file's goods (12 from February 2025 on a file of luxury goods). An entry
/// stating another keeps it, as the seller charged it, but is flagged.
pub fn in_force_on(date: WibDate, rate: Decimal, file_rate: Decimal) -> bool {
    rate == rate_on(date, Decimal::from(11)) || rate == rate_on(date, file_rate)
}

/// Why the rate `treatment` charges on a listing read today is one no law has in force, if it
/// is: since 1 February 2025 only 11 % (ordinary goods) and 12 % (luxury goods) are. A 12 is
/// questioned only where the file's own rate is not 12, since a file of 12 without the 12→11
/// rule declares luxury goods (adapters/README.md §8) (review39n R39n-6).
pub fn not_in_force_today(policy: &VatPolicy, treatment: &Treatment) -> Option<String> {
    if !matches!(treatment.basis, VatBasis::Included | VatBasis::Excluded) {
        return None;
    }
    let (rate, file, twelve) = (treatment.effective, policy.default_effective(), Decimal::from(12));
    if !in_force_today(rate) {
        return Some(format!(
            "PPN of {rate} % is in force on no date since 1 April 2022 (11 %; 12 % on luxury goods); the price is \
             split at it as the listing states"
        ));
    }
    (rate == twelve && file != twelve).then(|| {
        format!(
            "12 % is charged on luxury goods only, other goods pay 11 % (12 % on a DPP of 11/12, PMK 131/2024), \
             and this marketplace's own rate is {file} %; the price is split at 12 % as the listing states"
        )
    })
}

/// Whether a file's rate (after its rules) is one in force today: 0 (no PPN), 11 (ordinary
/// goods) or 12 (luxury goods). `pasar check` warns of any other.
pub fn in_force_today(rate: Decimal) -> bool {
    rate.is_zero() || rate == Decimal::from(11) || rate == Decimal::from(12)
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

    fn pmk_131() -> VatPolicy {
        VatPolicy {
            includes_vat: Some(false),
            rate: dec!(11),
            rules: vec![RateRule { stated: dec!(12), effective: dec!(11), regulation: "PMK 131/2024".into() }],
        }
    }

    #[test]
    fn a_stated_twelve_percent_is_charged_at_eleven_under_pmk_131_2024() {
        let t = treatment(&pmk_131(), Stated { rate: Some(dec!(12)), ..Stated::default() }).expect("known");
        assert_eq!((t.basis, t.nominal, t.effective), (VatBasis::Excluded, dec!(12), dec!(11)));
        assert_eq!(t.rule.as_deref(), Some("PMK 131/2024"));
        let s = split(dec!(1000000), t.includes_vat, t.effective).expect("in range");
        assert_eq!(s.including, dec!(1110000), "not 1 120 000: 12 % on a DPP of 11/12");
    }

    #[test]
    fn a_rate_no_rule_names_is_taken_as_stated() {
        let t = treatment(&pmk_131(), Stated { rate: Some(dec!(11)), ..Stated::default() }).expect("known");
        assert_eq!((t.nominal, t.effective, t.rule), (dec!(11), dec!(11), None));
    }

    #[test]
    fn a_per_offer_flag_wins_over_the_files_constant() {
        let t = treatment(&pmk_131(), Stated { includes_vat: Some(true), ..Stated::default() }).expect("known");
        assert_eq!((t.basis, t.includes_vat), (VatBasis::Included, true));
    }

    #[test]
    fn exempt_goods_then_regional_tax_then_non_pkp_sellers_charge_no_ppn() {
        let all = Stated {
            exempt: Some(true),
            regional_tax: Some(true),
            pkp: Some(false),
            rate: Some(dec!(12)),
            ..Stated::default()
        };
        let basis = |s: Stated| treatment(&pmk_131(), s).map(|t| (t.basis, t.effective, t.nominal));
        assert_eq!(basis(all), Some((VatBasis::Exempt, dec!(0), dec!(0))));
        assert_eq!(basis(Stated { exempt: Some(false), ..all }), Some((VatBasis::Pbjt, dec!(0), dec!(0))));
        let seller_only = Stated { exempt: None, regional_tax: Some(false), ..all };
        assert_eq!(basis(seller_only), Some((VatBasis::NotPkp, dec!(0), dec!(0))));
        let pkp = Stated { pkp: Some(true), ..seller_only };
        assert_eq!(basis(pkp), Some((VatBasis::Excluded, dec!(11), dec!(12))));
    }

    #[test]
    fn a_stated_rate_of_zero_says_no_ppn_without_a_reason() {
        let t = treatment(&pmk_131(), Stated { rate: Some(dec!(0)), ..Stated::default() }).expect("known");
        assert_eq!((t.basis, t.effective), (VatBasis::ZeroRate, dec!(0)));
    }

    #[test]
    fn ppn_without_a_stated_inclusion_gives_no_treatment_rather_than_a_guess() {
        let policy = VatPolicy { includes_vat: None, ..pmk_131() };
        assert_eq!(treatment(&policy, Stated::default()), None);
        let exempt = treatment(&policy, Stated { exempt: Some(true), ..Stated::default() });
        assert_eq!(exempt.map(|t| t.basis), Some(VatBasis::Exempt), "no PPN: inclusion is moot");
    }

    #[test]
    fn a_rate_is_in_force_on_a_date_only_as_the_law_then_stood_for_the_files_goods() {
        let on = |y, m, d| WibDate { year: y, month: m, day: d };
        let in_force = |date, rate, file| in_force_on(date, rate, file);
        assert!(in_force(on(2022, 3, 31), dec!(10), dec!(11)) && !in_force(on(2022, 3, 31), dec!(11), dec!(11)));
        assert!(in_force(on(2022, 4, 1), dec!(11), dec!(11)) && !in_force(on(2022, 4, 1), dec!(10), dec!(11)));
        assert!(!in_force(on(2023, 6, 1), dec!(12), dec!(11)), "ordinary goods in 2023");
        assert!(!in_force(on(2023, 6, 1), dec!(12), dec!(12)), "luxury goods paid 11 % in 2023");
        assert!(!in_force(on(2024, 6, 1), dec!(10), dec!(10)), "a file never updated");
        assert!(!in_force(on(2025, 1, 31), dec!(12), dec!(12)), "January 2025 was a transition at 11 %");
        assert!(in_force(on(2025, 2, 1), dec!(12), dec!(12)) && in_force(on(2025, 2, 1), dec!(11), dec!(12)));
        assert!(!in_force(on(2025, 2, 1), dec!(12), dec!(11)), "12 % only on a file of luxury goods");
    }

    #[test]
    fn an_impossible_rate_or_overflow_gives_no_number() {
        assert_eq!(split(dec!(1), false, dec!(101)), None);
        assert_eq!(split(dec!(-1), false, dec!(-5)), None);
        assert_eq!(split(Decimal::MAX, false, dec!(11)), None);
    }
}
