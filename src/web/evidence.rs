//! Which of a product's offers a reader sees first where only some are shown: the survey's
//! default rows (`top`) and the buyer page's cards before "show more". One rule for both, so a
//! product whose figures leave every offer out shows what split it, not only its placeholders
//! (review36 R36-9: four folders at Rp 100 filled the three rows; Rp 5.000 and Rp 5.200 were hidden).

use crate::model::Offer;
use crate::search::{Uncounted, far_apart, listed_at_stand_in};

/// Positions into `offers` (in page order), in the order they are picked: the counted offers;
/// then, of those left out, one for each reason and each side of a split (prices more than ten
/// times apart: Rp 100 placeholders and the Rp 5.000 beside them, both sides of `PRICES_APART`),
/// a side listed at a stand-in amount (Rp 100, Rp 1.000) after the others, so one row shows a
/// real price where the product has one (review37m R37m-12: `top=1` showed only the Rp 100);
/// then the rest. Each part keeps the page's order.
pub fn picked_first(offers: &[&Offer], why: impl Fn(&Offer) -> Option<Uncounted>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offers.len()).filter(|&i| why(offers[i]).is_none()).collect();
    let mut sides: Vec<usize> = Vec::new();
    for (i, offer) in offers.iter().enumerate() {
        let Some(reason) = why(offer) else { continue };
        if !sides.iter().any(|&j| why(offers[j]) == Some(reason) && !apart(offer, offers[j])) {
            sides.push(i);
        }
    }
    sides.sort_by_key(|&i| listed_at_stand_in(offers[i]));
    order.extend(sides);
    let rest: Vec<usize> = (0..offers.len()).filter(|i| !order.contains(i)).collect();
    order.extend(rest);
    order
}

/// Whether the two offers' unit prices lie on two sides of a split; an offer with no confident
/// unit price is on no side (the survey's `unit_price`, read here directly: the survey picks its
/// rows with this file).
fn apart(a: &Offer, b: &Offer) -> bool {
    a.confident_unit_price().zip(b.confident_unit_price()).is_some_and(|(x, y)| far_apart(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PackDerivation, UnitPrice};
    use rust_decimal::Decimal;

    /// Offers at these unit prices, each with why it is left out (`None`: counted).
    fn picked(listed: &[(i64, Option<Uncounted>)]) -> Vec<usize> {
        let offers: Vec<Offer> = listed.iter().enumerate().map(|(i, &(amount, _))| at(i, amount)).collect();
        let refs: Vec<&Offer> = offers.iter().collect();
        let why = |o: &Offer| listed[offers.iter().position(|x| std::ptr::eq(x, o)).expect("listed")].1;
        picked_first(&refs, why)
    }

    fn at(i: usize, amount: i64) -> Offer {
        let mut offer = Offer::sample(&i.to_string());
        let mut price = offer.price.clone().expect("the sample has a price");
        (price.amount, price.amount_including_vat) = (Decimal::from(amount), Decimal::from(amount));
        offer.price = Some(price.clone());
        offer.unit_price = Some(UnitPrice { price, derivation: PackDerivation::Stated, confident: true });
        offer
    }

    #[test]
    fn counted_offers_come_first_then_one_of_each_side_of_a_split_then_the_rest() {
        let (far, apart) = (Some(Uncounted::FarBelowOthers), Some(Uncounted::PricesApart));
        let envelopes = [(500, apart), (550, apart), (600, apart), (6000, apart), (6500, apart), (6600, apart)];
        assert_eq!(picked(&envelopes), [0, 3, 1, 2, 4, 5]);
        let counted = [(100, far), (100, far), (5000, None), (5200, None), (5300, None)];
        assert_eq!(picked(&counted), [2, 3, 4, 0, 1]);
    }

    #[test]
    fn a_real_price_beside_placeholders_is_picked_before_them_for_any_number_of_rows() {
        // review37m R37m-12: with top=1 the one row was a folder at Rp 100, "harga contoh".
        let (far, beside) = (Some(Uncounted::FarBelowOthers), Some(Uncounted::BesidePlaceholders));
        let folders = [(100, far), (100, far), (100, far), (100, far), (5000, beside), (5200, beside)];
        assert_eq!(picked(&folders), [4, 0, 1, 2, 3, 5]);
        let sachets = [(1000, far), (1000, far), (12_000, beside), (13_000, beside)];
        assert_eq!(picked(&sachets), [2, 0, 1, 3]);
    }
}
