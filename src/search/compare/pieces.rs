//! Counts of unnamed pieces, read in the unit their group names. `Amplop … 1 Pak isi 100` says
//! a hundred of something and is read as 100 `pcs`; when another offer of the same product
//! states that count in the group's unit (`Pak isi 100 Lembar`), the hundred are its sheets and
//! the offer is counted with them. `Dus isi 12` of hand sanitizer beside `Dus (12 Botol)` is
//! the same rule, met already because a bottle is a piece (see [`policy::comparable_unit`]).
//!
//! Precision before recall: a count is never read in a measure (`Dus isi 20` of sugar beside
//! `1 Dus (20 x 1 Kg)` is not 20 kg), nor in a unit no offer states it in (`Karton isi 48` of
//! tissues holds 48 paks of 250 sheets, not 48 sheets).

use super::{base_unit, confident};
use crate::model::Offer;
use crate::normalize::unit::is_count_unit;
use crate::search::policy;
use rust_decimal::Decimal;

/// In each group (`members`), the pieces whose count another offer states in the group's count
/// unit take that unit.
pub(super) fn name(offers: &mut [Offer], members: &[Vec<usize>]) {
    for group in members {
        let Some(unit) = base_unit(group.iter().map(|&i| &offers[i])).map(str::to_string) else { continue };
        if unit == "pcs" || !is_count_unit(&unit) {
            continue;
        }
        let stated: Vec<Decimal> = group
            .iter()
            .map(|&i| &offers[i])
            .filter(|o| confident(o).is_some() && policy::comparable_unit(o) == Some(unit.as_str()))
            .filter_map(|o| o.unit.quantity)
            .collect();
        for &i in group {
            let offer = &mut offers[i];
            let piece = offer.unit.base_unit.as_deref() == Some("pcs") && confident(offer).is_some();
            if piece && offer.unit.quantity.is_some_and(|q| stated.contains(&q)) {
                offer.unit.base_unit = Some(unit.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::offer;
    use super::super::{Uncounted, group};
    use crate::model::Offer;
    use crate::search::policy::Facts;
    use rust_decimal::Decimal;

    fn pack(id: &str, per_unit: i64, base: &str, quantity: u32) -> Offer {
        let (mut offer, _) = offer(id, per_unit, base, true, true);
        // One product: the reading of the unit is what is under test.
        offer.title = "Paperline Putih 110 Polos".into();
        offer.unit.quantity = Some(Decimal::from(quantity));
        offer
    }

    #[test]
    fn pieces_whose_count_another_offer_states_in_the_groups_unit_are_counted_in_it() {
        let offers = vec![
            pack("box-500-lembar", 250, "lembar", 500),
            pack("pak-100-lembar", 264, "lembar", 100),
            pack("box-2500-lembar", 245, "lembar", 2500),
            pack("pak-isi-100", 257, "pcs", 100),
            // 48 of what the group never says: not sheets.
            pack("karton-isi-48", 16_000, "pcs", 48),
        ];
        let groups = group(offers, None, &Facts::default());
        assert_eq!(groups.len(), 1);
        let counted: Vec<&str> = groups[0].counted().iter().map(|(o, _)| o.source_id.as_str()).collect();
        assert_eq!(counted, ["box-2500-lembar", "box-500-lembar", "pak-isi-100", "pak-100-lembar"]);
        assert_eq!(groups[0].uncounted, [(Uncounted::OtherUnit, 1)]);
    }

    #[test]
    fn a_count_of_pieces_is_never_read_in_a_measure() {
        let mut offers = vec![pack("dus-20-kg", 17_000, "kg", 20), pack("dus-isi-20", 16_500, "pcs", 20)];
        offers.push(pack("kemasan-1-kg", 17_500, "kg", 1));
        let groups = group(offers, None, &Facts::default());
        let counted: Vec<&str> = groups[0].counted().iter().map(|(o, _)| o.source_id.as_str()).collect();
        assert_eq!(counted, ["dus-20-kg", "kemasan-1-kg"]);
    }
}
