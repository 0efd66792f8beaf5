//! Unit prices too far below the rest of their product to be a price: a ream listed at Rp 100
//! beside reams at Rp 55.000 (a placeholder, "harga nego"), or a pack read larger than it is.
//! Counted, one such listing was the group's cheapest, the buyer page's headline and the
//! survey's lowest price, and four of them halved an HPS median (review33w W33-2). A price is
//! weighed only against offers of the same product in the same pack (the pack its unit field
//! names, and its size): across packs a tenth may be a misread pack on the other side (three
//! strips of ten sachets read as one piece each outvoted the sachet sold alone, review33m N3),
//! and a product that is cheap everywhere is never judged. Where the prices far below are as many
//! as those above them, the numbers cannot tell which side is wrong: four folders at Rp 100 beside
//! two at Rp 5.000 (placeholders) look like four sachets at Rp 1.000 beside two strips read as
//! single pieces (real prices), so such a pack states no figure at all (review33m N4, review35m
//! M35-3, review36 R36-2).

use super::Uncounted;
use crate::model::Offer;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Prices more than this many times apart are not one product's price in one pack.
const GAP: u32 = 10;

/// The pack an offer is sold in, as read: its base unit and size, whatever the writing (`Rim`,
/// `1 Rim`, `RIM (500 lbr)` and `Pcs` beside `Kertas A4 500 lembar` are 500 lembar, `Buah` and
/// `Pcs` one pcs, a `Strip` is no `Sachet`; review36 R36-1, review36b R36b-4: a placeholder alone
/// in its writing was never judged).
pub(super) fn pack_of(offer: &Offer) -> (String, Option<Decimal>) {
    (offer.unit.base_unit.clone().unwrap_or_default(), offer.unit.quantity.map(|q| q.normalize()))
}

/// Whether two prices are more than [`GAP`] times apart: not one product's price in one pack.
pub fn far_apart(a: Decimal, b: Decimal) -> bool {
    a.min(b) * Decimal::from(GAP) < a.max(b)
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

/// Judges the counted unit prices of each pack (`packs`, one per verdict) apart from every other
/// pack's (see [`judge_pack`]). A product whose counted prices are all token amounts is left out
/// whole by [`leave_out_if_only_token_amounts`].
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
            judge_pack(verdicts, &same, stand_ins);
        }
    }
}

/// Splits one pack's counted prices at their lowest gap of more than [`GAP`] times, and weighs
/// the side below against the side above by how many offers each holds:
/// - fewer below: they are placeholders or misread packs (`FarBelowOthers`), and the side above
///   is judged the same way in turn;
/// - more below, one of them not a stand-in amount (Rp 1.100 beside three at Rp 1.000): the low
///   side is real and the prices far above are counted as written, save a stand-in amount that
///   agrees with no real price below ([`leave_out_lone_stand_ins`]);
/// - otherwise which side is the product's price cannot be told, and the pack states no figure:
///   stand-ins below are `FarBelowOthers` and the prices above `BesidePlaceholders`; with a real
///   price below (envelopes at Rp 500 beside as many at Rp 6.000, a laptop at Rp 10.000 beside one
///   at Rp 8.650.000) both sides are `PricesApart` (review36 R36-2, R36-8).
fn judge_pack(verdicts: &mut [Result<Decimal, Uncounted>], members: &[usize], stand_ins: &[bool]) {
    let mut counted: Vec<(Decimal, usize)> =
        members.iter().filter_map(|&i| verdicts[i].as_ref().ok().map(|&price| (price, i))).collect();
    counted.sort();
    let mut rest = &counted[..];
    while let Some(gap) = rest.windows(2).position(|w| far_apart(w[0].0, w[1].0)) {
        let (below, above) = rest.split_at(gap + 1);
        let only_stand_ins = below.iter().all(|&(_, i)| stand_ins[i]);
        let (low, high) = match below.len().cmp(&above.len()) {
            Ordering::Less => (Uncounted::FarBelowOthers, None),
            Ordering::Greater if !only_stand_ins => {
                if leave_out_lone_stand_ins(verdicts, below, stand_ins) {
                    judge_pack(verdicts, members, stand_ins);
                }
                return;
            }
            _ if only_stand_ins => (Uncounted::FarBelowOthers, Some(Uncounted::BesidePlaceholders)),
            _ => (Uncounted::PricesApart, Some(Uncounted::PricesApart)),
        };
        below.iter().for_each(|&(_, i)| verdicts[i] = Err(low));
        if let Some(high) = high {
            above.iter().for_each(|&(_, i)| verdicts[i] = Err(high));
            return;
        }
        rest = above;
    }
}

/// On the low side of a split counted as real, leaves out (`FarBelowOthers`) each stand-in
/// amount more than [`AGREE`] times below the side's cheapest real price, and says whether it
/// left any out: the split says the low side may hold placeholders, and such a stand-in agrees
/// with no price there (a folder at Rp 100 beside Rp 500 and Rp 550 over Rp 6.500: review37m
/// R37m-10), where Rp 1.000 beside Rp 1.100 is the product's price typed round and stays counted.
/// Left out, it casts no vote: the caller judges the pack again without it.
fn leave_out_lone_stand_ins(
    verdicts: &mut [Result<Decimal, Uncounted>],
    low: &[(Decimal, usize)],
    stand_ins: &[bool],
) -> bool {
    let Some(&(cheapest_real, _)) = low.iter().find(|&&(_, i)| !stand_ins[i]) else { return false };
    let lone: Vec<usize> = low
        .iter()
        .filter(|&&(price, i)| stand_ins[i] && price * Decimal::from(AGREE) < cheapest_real)
        .map(|&(_, i)| i)
        .collect();
    lone.iter().for_each(|&i| verdicts[i] = Err(Uncounted::FarBelowOthers));
    !lone.is_empty()
}

/// How many times below a real price a stand-in amount may lie and still be read as that price
/// typed round (Rp 1.000 for Rp 1.100, Rp 100 for Rp 150): one product's prices in one pack
/// from different sellers lie well within twice each other in every set reviewed.
const AGREE: u32 = 2;

/// Whether the offer is listed at a stand-in amount of at most Rp 100 (Rp 11, Rp 99, Rp 100):
/// less than anything a procurement marketplace sells alone costs, where Rp 1.000 is a real
/// price of a pencil or an eraser.
pub(super) fn is_token_amount(offer: &Offer) -> bool {
    offer.price.as_ref().is_some_and(|p| stand_in_amount(p.amount) && p.amount <= Decimal::ONE_HUNDRED)
}

/// Leaves out (`FarBelowOthers`) every counted price when each is listed at a token amount
/// (`tokens`, see [`is_token_amount`]): three folders at Rp 100 agree only on the amount sellers
/// type for "ask us", and the product's lowest price was then Rp 100 (review35m M35-8). One price
/// at another amount keeps them all; a product sold at Rp 1.000 everywhere keeps its figures.
pub(super) fn leave_out_if_only_token_amounts(verdicts: &mut [Result<Decimal, Uncounted>], tokens: &[bool]) {
    let mut counted = (0..verdicts.len()).filter(|&i| verdicts[i].is_ok()).peekable();
    if counted.peek().is_some() && counted.all(|i| tokens[i]) {
        verdicts.iter_mut().filter(|v| v.is_ok()).for_each(|v| *v = Err(Uncounted::FarBelowOthers));
    }
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
    fn several_placeholders_are_left_out_together_beside_more_real_prices() {
        // Rp 11, 100, 999 and 1.000 a ream of 500 beside five real reams.
        let prices =
            [dec!(0.022), dec!(0.2), dec!(1.998), dec!(2), dec!(110), dec!(112), dec!(114), dec!(116), dec!(118)];
        let verdicts = judged(&prices);
        assert_eq!(verdicts[..4], [Err(Uncounted::FarBelowOthers); 4]);
        assert!(verdicts[4..].iter().all(Result::is_ok), "{verdicts:?}");
        // Beside as many real reams, which side is wrong cannot be told.
        assert!(judged(&prices[..8]).iter().all(|v| *v == Err(Uncounted::PricesApart)));
    }

    #[test]
    fn a_price_a_ninth_of_the_others_is_counted_and_a_pair_far_apart_states_no_figure() {
        assert!(judged(&[dec!(100), dec!(100), dec!(12)]).iter().all(Result::is_ok));
        assert_eq!(judged(&[dec!(100), dec!(1)]), [Err(Uncounted::PricesApart); 2]);
    }

    #[test]
    fn prices_as_many_on_each_side_of_a_tenfold_gap_state_no_figure_placeholders_or_not() {
        let (far, beside, apart) =
            (Err(Uncounted::FarBelowOthers), Err(Uncounted::BesidePlaceholders), Err(Uncounted::PricesApart));
        // review36 R36-2: sachets two and two, materai three and three, pencils two beside one.
        assert_eq!(listed(&[1000, 1000, 12_000, 13_000]), [far, far, beside, beside]);
        assert_eq!(listed(&[100, 100, 100, 11_000, 11_500, 12_000]), [far, far, far, beside, beside, beside]);
        assert_eq!(listed(&[1000, 1000, 25_000]), [far, far, beside]);
        // Envelopes at Rp 500 beside as many at Rp 6.000, a laptop at Rp 10.000 beside one (R36-8).
        assert_eq!(listed(&[500, 550, 6000, 6500]), [apart; 4]);
        assert_eq!(listed(&[10_000, 8_650_000]), [apart; 2]);
    }

    #[test]
    fn real_prices_outnumbering_one_far_above_are_counted_with_it() {
        assert!(listed(&[1200, 1300, 25_000]).iter().all(Result::is_ok));
    }

    /// Listed prices of one pack of pieces (unit price = listed price), judged as a group's are.
    fn listed(prices: &[i64]) -> Vec<Result<Decimal, Uncounted>> {
        let packs = vec![("pcs".to_string(), Some(Decimal::ONE)); prices.len()];
        let stand_ins: Vec<bool> = prices.iter().map(|&p| stand_in_amount(Decimal::from(p))).collect();
        let mut verdicts: Vec<Result<Decimal, Uncounted>> = prices.iter().map(|&p| Ok(Decimal::from(p))).collect();
        judge(&mut verdicts, &packs, &stand_ins);
        let tokens: Vec<bool> = prices.iter().zip(&stand_ins).map(|(&p, &s)| s && p <= 100).collect();
        leave_out_if_only_token_amounts(&mut verdicts, &tokens);
        verdicts
    }

    #[test]
    fn placeholders_as_many_as_the_prices_above_them_leave_the_pack_without_a_figure() {
        let (far, beside) = (Err(Uncounted::FarBelowOthers), Err(Uncounted::BesidePlaceholders));
        // Map Plastik Bantex Kancing Biru Folio (review33m N4): four placeholders, two prices.
        let verdicts = listed(&[100, 100, 100, 100, 5000, 5200]);
        assert_eq!(verdicts[..4], [far; 4]);
        assert_eq!(verdicts[4..], [beside; 2]);
        // The same numbers as four sachets at Rp 1.000 beside two strips read as single pieces
        // (review35m M35-3): Rp 12.000 is no more the sachet's price than Rp 100 is the folder's.
        assert!(listed(&[1000, 1000, 1000, 1000, 12_000, 13_000]).iter().all(Result::is_err));
        assert_eq!(listed(&[100, 5000]), [far, beside]);
        assert!(listed(&[100, 100, 100, 1500]).iter().all(Result::is_err));
    }

    #[test]
    fn placeholders_fewer_than_the_prices_above_them_are_left_out_and_the_prices_stay() {
        let verdicts = listed(&[100, 100, 5000, 5200, 5300]);
        assert_eq!(verdicts[..2], [Err(Uncounted::FarBelowOthers); 2]);
        assert!(verdicts[2..].iter().all(Result::is_ok), "{verdicts:?}");
    }

    #[test]
    fn a_stand_in_far_below_the_real_prices_of_a_split_low_side_is_never_the_cheapest() {
        // review37m R37m-10 (t43_standin): the stand-in is left out and casts no vote, so what is
        // left is judged as if it were not there: two beside two far above state no figure (sx0,
        // sx3, sx4), more below are counted (sx2, sx5); without a split (sx1) nothing is judged.
        let (far, apart) = (Err(Uncounted::FarBelowOthers), Err(Uncounted::PricesApart));
        assert_eq!(listed(&[100, 500, 550, 6500, 6600]), [far, apart, apart, apart, apart]);
        assert_eq!(listed(&[1000, 5000, 5500, 65_000, 66_000]), [far, apart, apart, apart, apart]);
        assert_eq!(listed(&[100, 900, 950, 12_000, 12_500]), [far, apart, apart, apart, apart]);
        for prices in [&[100, 500, 550, 6500][..], &[100, 500, 550, 600, 6500, 6600]] {
            let verdicts = listed(prices);
            assert!(verdicts[0] == far && verdicts[1..].iter().all(Result::is_ok), "{prices:?}: {verdicts:?}");
        }
        assert!(listed(&[100, 500, 550]).iter().all(Result::is_ok));
    }

    #[test]
    fn a_real_price_among_the_low_ones_keeps_them_counted_beside_a_dear_one() {
        // Three sachets at Rp 1.000 and one at Rp 1.100 beside one strip read as a piece.
        assert!(listed(&[1000, 1000, 1000, 1100, 24_000]).iter().all(Result::is_ok));
        assert!(listed(&[100, 100, 150, 55_000]).iter().all(Result::is_ok));
    }

    #[test]
    fn a_product_listed_only_at_stand_in_amounts_states_no_price() {
        // Three folders at Rp 100, or one (review35m M35-8); an unread price stays as it was.
        for stand_ins in [vec![true; 3], vec![true]] {
            let mut verdicts = vec![Ok(dec!(100)); stand_ins.len()];
            leave_out_if_only_token_amounts(&mut verdicts, &stand_ins);
            assert!(verdicts.iter().all(|v| *v == Err(Uncounted::FarBelowOthers)), "{verdicts:?}");
        }
        let mut verdicts = vec![Ok(dec!(100)), Err(Uncounted::NoConfidentPack)];
        leave_out_if_only_token_amounts(&mut verdicts, &[true, false]);
        assert_eq!(verdicts, [Err(Uncounted::FarBelowOthers), Err(Uncounted::NoConfidentPack)]);
    }

    #[test]
    fn a_product_listed_at_rp_1000_everywhere_keeps_its_figures() {
        assert!(listed(&[1000, 1000, 1000]).iter().all(Result::is_ok));
        assert!(listed(&[100, 100, 100]).iter().all(|v| *v == Err(Uncounted::FarBelowOthers)));
    }

    #[test]
    fn one_price_that_is_no_stand_in_keeps_a_products_stand_in_amounts_counted() {
        let mut verdicts = vec![Ok(dec!(1000)), Ok(dec!(1000)), Ok(dec!(1100))];
        leave_out_if_only_token_amounts(&mut verdicts, &[true, true, false]);
        assert!(verdicts.iter().all(Result::is_ok), "{verdicts:?}");
        let mut none: Vec<Result<Decimal, Uncounted>> = vec![Err(Uncounted::OtherUnit)];
        leave_out_if_only_token_amounts(&mut none, &[false]);
        assert_eq!(none, [Err(Uncounted::OtherUnit)]);
    }

    #[test]
    fn a_cheap_good_whose_offers_agree_keeps_every_price_even_at_a_round_amount() {
        assert!(listed(&[500, 500, 520]).iter().all(Result::is_ok));
        assert!(listed(&[1000, 1000, 1100, 1200]).iter().all(Result::is_ok));
        assert!(listed(&[100, 100, 110]).iter().all(Result::is_ok));
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
}
