//! Unit prices too far below the rest of their product to be a price: a ream listed at Rp 100
//! beside reams at Rp 55.000 (a placeholder, "harga nego"), or a pack read larger than it is.
//! Counted, one such listing was the group's cheapest, the buyer page's headline and the
//! survey's lowest price, and four of them halved an HPS median (review33w W33-2). A price is
//! weighed only against offers of the same product in the same pack (the unit as named, and its
//! size): across packs a tenth may be a misread pack on the other side (three strips of ten
//! sachets read as one piece each outvoted the sachet sold alone, review33m N3), and a product
//! that is cheap everywhere is never judged. Judged against the median of all the others,
//! placeholders that were half of a product's offers were the median they were weighed against:
//! four folders at Rp 100 beside two at Rp 5.000 made every figure Rp 100 (review33m N4).

use super::Uncounted;
use crate::model::Offer;
use rust_decimal::Decimal;

/// A unit price under this fraction of the median of the others is left out.
const FLOOR_DIVISOR: u32 = 10;

/// Other counted offers needed before one is judged by their median: against a single other,
/// which of the two is wrong cannot be told (unless one is a stand-in).
const MIN_OTHERS: usize = 2;

/// The pack an offer is sold in: the unit as the marketplace names it, and its size.
pub(super) fn pack_of(offer: &Offer) -> (String, Option<Decimal>) {
    (offer.unit.name.as_deref().unwrap_or_default().trim().to_lowercase(), offer.unit.quantity.map(|q| q.normalize()))
}

/// Whether the offer's price as listed is an amount sellers type where the price is given on
/// request (see [`stand_in_amount`]).
pub(super) fn is_stand_in(offer: &Offer) -> bool {
    offer.price.as_ref().is_some_and(|p| stand_in_amount(p.amount))
}

/// Rp 11 to Rp 1.000 written as a power of ten (Rp 100, Rp 1.000) or as one digit repeated
/// (Rp 11, Rp 999): what sellers type where a marketplace demands a number. Rp 500 or Rp 750 is
/// a price a cheap good may have, and Rp 1 to Rp 10 is never read as a price at all.
fn stand_in_amount(amount: Decimal) -> bool {
    if amount.fract() != Decimal::ZERO || amount < Decimal::from(11) || amount > Decimal::from(1000) {
        return false;
    }
    let digits = amount.trunc().normalize().to_string();
    digits.trim_end_matches('0') == "1" || digits.chars().all(|c| digits.starts_with(c))
}

/// Leaves out (`FarBelowOthers`) each counted unit price under a tenth of the median of the
/// other counted ones in the same pack (`packs`, one per verdict), and each whose listed price is
/// a stand-in (`stand_ins`) under a tenth of the median of the pack's counted offers that are not.
/// Every price is weighed against the same others, never against a set the judging has already
/// thinned.
pub(super) fn judge(
    verdicts: &mut [Result<Decimal, Uncounted>],
    packs: &[(String, Option<Decimal>)],
    stand_ins: &[bool],
) {
    let mut seen: Vec<&(String, Option<Decimal>)> = Vec::new();
    for pack in packs {
        if !seen.contains(&pack) {
            seen.push(pack);
            let same: Vec<usize> = (0..packs.len()).filter(|&i| &packs[i] == pack).collect();
            judge_within(verdicts, &same, stand_ins);
        }
    }
}

/// [`judge`] over the verdicts at `members`, offers of one pack. Stand-ins never vote on the
/// median they are weighed against, so they are found however many they are; when they leave a
/// single counted offer, it is left out too (`BesidePlaceholders`): alone it cannot be told from
/// a misread pack (four sachets at Rp 1.000 beside a renceng read as one piece).
fn judge_within(verdicts: &mut [Result<Decimal, Uncounted>], members: &[usize], stand_ins: &[bool]) {
    let counted_at = |i: &usize| verdicts[*i].as_ref().ok().copied();
    let mut counted: Vec<Decimal> = members.iter().filter_map(counted_at).collect();
    let mut real: Vec<Decimal> = members.iter().filter(|&&i| !stand_ins[i]).filter_map(counted_at).collect();
    counted.sort();
    real.sort();
    let real_median = super::median(&real);
    let mut stand_ins_out = false;
    for &i in members {
        let verdict = &mut verdicts[i];
        let Ok(price) = *verdict else { continue };
        let tenth_under = |median: Decimal| price * Decimal::from(FLOOR_DIVISOR) < median;
        if stand_ins[i] && real_median.is_some_and(tenth_under) {
            *verdict = Err(Uncounted::FarBelowOthers);
            stand_ins_out = true;
        } else if counted.len() > MIN_OTHERS
            && median_without(&counted, counted.partition_point(|p| *p < price)).is_some_and(tenth_under)
        {
            *verdict = Err(Uncounted::FarBelowOthers);
        }
    }
    let left: Vec<usize> = members.iter().copied().filter(|&i| verdicts[i].is_ok()).collect();
    if let [lone] = left[..]
        && stand_ins_out
    {
        verdicts[lone] = Err(Uncounted::BesidePlaceholders);
    }
}

/// The median of ascending `sorted` without its element at `skip`.
fn median_without(sorted: &[Decimal], skip: usize) -> Option<Decimal> {
    let n = sorted.len().checked_sub(1).filter(|&n| n > 0)?;
    let at = |i: usize| if i < skip { sorted[i] } else { sorted[i + 1] };
    Some(if n % 2 == 1 { at(n / 2) } else { (at(n / 2 - 1) + at(n / 2)) / Decimal::TWO })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn judged(prices: &[Decimal]) -> Vec<Result<Decimal, Uncounted>> {
        let packs = vec![("rim".to_string(), Some(dec!(500))); prices.len()];
        let mut verdicts: Vec<Result<Decimal, Uncounted>> = prices.iter().map(|&p| Ok(p)).collect();
        judge(&mut verdicts, &packs, &vec![false; prices.len()]);
        verdicts
    }

    #[test]
    fn a_sachet_sold_alone_is_not_weighed_against_strips_read_as_single_pieces() {
        let packs =
            [("pcs", 1), ("pcs", 1), ("pcs", 1), ("sachet", 1)].map(|(n, q)| (n.to_string(), Some(Decimal::from(q))));
        let mut verdicts = vec![Ok(dec!(14000)), Ok(dec!(14200)), Ok(dec!(14500)), Ok(dec!(1400))];
        judge(&mut verdicts, &packs, &[false; 4]);
        assert!(verdicts.iter().all(Result::is_ok), "{verdicts:?}");
    }

    #[test]
    fn a_ream_at_rp_100_beside_reams_at_rp_55_000_is_left_out_of_the_figures() {
        let verdicts = judged(&[dec!(110), dec!(112), dec!(0.2), dec!(114), dec!(116), dec!(118)]);
        assert_eq!(verdicts[2], Err(Uncounted::FarBelowOthers));
        assert_eq!(verdicts.iter().filter(|v| v.is_ok()).count(), 5);
    }

    #[test]
    fn several_placeholders_are_each_weighed_against_all_the_others() {
        // Rp 11, 100, 999 and 1.000 a ream of 500 beside four real reams.
        let prices = [dec!(0.022), dec!(0.2), dec!(1.998), dec!(2), dec!(110), dec!(112), dec!(114), dec!(116)];
        let left_out = judged(&prices).iter().filter(|v| v.is_err()).count();
        assert_eq!(left_out, 4);
    }

    #[test]
    fn a_price_a_ninth_of_the_others_or_a_pair_far_apart_is_counted() {
        assert!(judged(&[dec!(100), dec!(100), dec!(12)]).iter().all(Result::is_ok));
        assert!(judged(&[dec!(100), dec!(1)]).iter().all(Result::is_ok));
    }

    /// Listed prices of one pack of pieces (unit price = listed price), judged.
    fn listed(prices: &[i64]) -> Vec<Result<Decimal, Uncounted>> {
        let packs = vec![("pcs".to_string(), Some(Decimal::ONE)); prices.len()];
        let stand_ins: Vec<bool> = prices.iter().map(|&p| stand_in_amount(Decimal::from(p))).collect();
        let mut verdicts: Vec<Result<Decimal, Uncounted>> = prices.iter().map(|&p| Ok(Decimal::from(p))).collect();
        judge(&mut verdicts, &packs, &stand_ins);
        verdicts
    }

    #[test]
    fn placeholders_that_are_most_of_a_pack_are_left_out_and_the_real_prices_stay() {
        // Map Plastik Bantex Kancing Biru Folio (review33m N4).
        let verdicts = listed(&[100, 100, 100, 100, 5000, 5200]);
        assert_eq!(verdicts[..4], [Err(Uncounted::FarBelowOthers); 4]);
        assert_eq!(verdicts[4..], [Ok(dec!(5000)), Ok(dec!(5200))]);
    }

    #[test]
    fn a_placeholder_beside_a_single_real_price_leaves_the_pack_without_a_figure() {
        let far = Err(Uncounted::FarBelowOthers);
        assert_eq!(listed(&[100, 5000]), [far, Err(Uncounted::BesidePlaceholders)]);
        assert_eq!(listed(&[1000, 1000, 1000, 24_000])[3], Err(Uncounted::BesidePlaceholders));
        assert!(listed(&[1000, 1000, 1000, 24_000]).iter().all(Result::is_err));
    }

    #[test]
    fn a_cheap_good_whose_offers_agree_keeps_every_price_even_at_a_round_amount() {
        assert!(listed(&[500, 500, 520]).iter().all(Result::is_ok));
        assert!(listed(&[1000, 1000, 1100, 1200]).iter().all(Result::is_ok));
        assert!(listed(&[100, 100, 100]).iter().all(Result::is_ok));
    }

    #[test]
    fn one_price_far_above_the_rest_leaves_them_all_counted_as_before() {
        assert!(listed(&[110, 112, 114, 116, 1500]).iter().all(Result::is_ok));
        assert!(listed(&[100, 110, 112, 1500]).iter().all(Result::is_ok));
    }

    #[test]
    fn stand_in_amounts_are_powers_of_ten_and_one_digit_repeated_up_to_rp_1000() {
        let stand_in = |n: &str| stand_in_amount(n.parse().expect("decimal"));
        assert!(["11", "99", "100", "100.00", "999", "1000"].into_iter().all(stand_in));
        assert!(!["10", "500", "750", "101", "1100", "2000", "100.5"].into_iter().any(stand_in));
    }

    #[test]
    fn the_median_without_one_element_skips_exactly_that_one() {
        let sorted = [dec!(1), dec!(2), dec!(3), dec!(10)];
        assert_eq!(median_without(&sorted, 0), Some(dec!(3)));
        assert_eq!(median_without(&sorted, 3), Some(dec!(2)));
        assert_eq!(median_without(&[dec!(1), dec!(2), dec!(4)], 1), Some(dec!(2.5)));
        assert_eq!(median_without(&[dec!(1)], 0), None);
    }
}
