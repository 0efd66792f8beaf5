//! Unit prices too far below the rest of their product to be a price: a ream listed at Rp 100
//! beside reams at Rp 55.000 (a placeholder, "harga nego"), or a pack read larger than it is.
//! Counted, one such listing was the group's cheapest, the buyer page's headline and the
//! survey's lowest price, and four of them halved an HPS median (review33w W33-2). A price is
//! weighed only against offers of the same product in the same pack (the unit as named, and its
//! size): across packs a tenth may be a misread pack on the other side (three strips of ten
//! sachets read as one piece each outvoted the sachet sold alone, review33m N3), and a product
//! that is cheap everywhere is never judged.

use super::Uncounted;
use crate::model::Offer;
use rust_decimal::Decimal;

/// A unit price under this fraction of the median of the others is left out.
const FLOOR_DIVISOR: u32 = 10;

/// Other counted offers needed before one is judged: against a single other, which of the two is
/// wrong cannot be told.
pub(super) const MIN_OTHERS: usize = 2;

/// The pack an offer is sold in: the unit as the marketplace names it, and its size.
pub(super) fn pack_of(offer: &Offer) -> (String, Option<Decimal>) {
    (offer.unit.name.as_deref().unwrap_or_default().trim().to_lowercase(), offer.unit.quantity.map(|q| q.normalize()))
}

/// Leaves out (`FarBelowOthers`) each counted unit price under a tenth of the median of the
/// other counted ones in the same pack (`packs`, one per verdict). Every price is weighed against
/// the same others, never against a set the judging has already thinned.
pub(super) fn judge(verdicts: &mut [Result<Decimal, Uncounted>], packs: &[(String, Option<Decimal>)]) {
    let mut seen: Vec<&(String, Option<Decimal>)> = Vec::new();
    for pack in packs {
        if !seen.contains(&pack) {
            seen.push(pack);
            let same: Vec<usize> = (0..packs.len()).filter(|&i| &packs[i] == pack).collect();
            judge_within(verdicts, &same);
        }
    }
}

/// [`judge`] over the verdicts at `members`, offers of one pack.
fn judge_within(verdicts: &mut [Result<Decimal, Uncounted>], members: &[usize]) {
    let mut counted: Vec<Decimal> = members.iter().filter_map(|&i| verdicts[i].as_ref().ok().copied()).collect();
    if counted.len() <= MIN_OTHERS {
        return;
    }
    counted.sort();
    for &i in members {
        let verdict = &mut verdicts[i];
        let Ok(price) = *verdict else { continue };
        let at = counted.partition_point(|p| *p < price);
        if let Some(median) = median_without(&counted, at)
            && price * Decimal::from(FLOOR_DIVISOR) < median
        {
            *verdict = Err(Uncounted::FarBelowOthers);
        }
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
        judge(&mut verdicts, &packs);
        verdicts
    }

    #[test]
    fn a_sachet_sold_alone_is_not_weighed_against_strips_read_as_single_pieces() {
        let packs =
            [("pcs", 1), ("pcs", 1), ("pcs", 1), ("sachet", 1)].map(|(n, q)| (n.to_string(), Some(Decimal::from(q))));
        let mut verdicts = vec![Ok(dec!(14000)), Ok(dec!(14200)), Ok(dec!(14500)), Ok(dec!(1400))];
        judge(&mut verdicts, &packs);
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

    #[test]
    fn the_median_without_one_element_skips_exactly_that_one() {
        let sorted = [dec!(1), dec!(2), dec!(3), dec!(10)];
        assert_eq!(median_without(&sorted, 0), Some(dec!(3)));
        assert_eq!(median_without(&sorted, 3), Some(dec!(2)));
        assert_eq!(median_without(&[dec!(1), dec!(2), dec!(4)], 1), Some(dec!(2.5)));
        assert_eq!(median_without(&[dec!(1)], 0), None);
    }
}
