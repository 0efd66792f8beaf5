//! Bare counts after a pack word (`Dus isi 12`, `1 Pak isi 100`), read in the unit the product's
//! other offers name for that same pack and count.
//!
//! The pack reader takes a count that names no unit for pieces. After a box, a karton or a bal
//! that is a guess: `Karton isi 40` of masks holds 40 boxes of 50, and counting it as 40 masks
//! gives Rp24.500 per mask in a group at Rp500 (review 25 R5). Precision before recall: the
//! normaliser gives such an offer no pack size (`unit::hold_bare_count`, so `search` shows no
//! unit price for it), and compare reads the count again and counts it only when another offer
//! of the product states the same pack word with the same count and its unit (`Dus isi 12` of hand sanitizer beside `1 Dus (12 Botol)`): the same
//! dus, the same twelve. Otherwise its size is unknown and it is left out of the figures
//! (`NO_CONFIDENT_PACK`, with a note). A count equal to another offer's count in another pack
//! (`Box isi 5` of rims beside `isi 5 Lembar`) confirms nothing (review 25 R4), and a confirmed
//! count whose price per unit would be more than three times the confirming offers' median, or
//! under a third of it, is left out all the same: `Box isi 25` at Rp170.000 beside `isi 25
//! Kantong` at Rp7.000 holds 25 boxes (review26b F5).
//!
//! A count the normaliser reads by the volume of each bottle (`Air Mineral 600 ml Dus isi 24`,
//! priced so when it stands alone) is confirmed and weighed here as any bare count.
//!
//! The same confirmation names the pieces of a pak (`1 Pak isi 100` envelopes beside `Pak isi
//! 100 Lembar` are sheets); a pak's bare count stays pieces when nothing names it, a pak being
//! the inner pack. A count is never read in a measure (`Dus isi 20` of sugar beside `1 Dus (20 x
//! 1 Kg)` is not 20 kg).

use crate::model::{Offer, Unit};
use crate::normalize::offer::per_base_unit;
use crate::normalize::unit::{BARE_PACK_COUNT, PackCount, held_reading, is_measure, pack_count, per_bottle};
use rust_decimal::Decimal;

/// Why a bare count after a pack that may hold packs is left out.
const UNCONFIRMED: &str = "the count after the box, dus or karton names no unit and no other offer of this product \
                           states that pack and count with one: it may count inner packs, not pieces";

/// Why a bare count another offer confirms is left out all the same: priced as that many packs.
const PRICED_AS_PACKS: &str = "the count after the box, dus or karton names no unit; another offer of this product states \
                               that pack and count with one, but at this price it would cost far more per unit than \
                               there: it likely counts inner packs, not pieces";

/// Why a bare count another offer confirms is left out all the same: priced far under them, which
/// inner packs would not explain (review27b G9).
const PRICED_FAR_BELOW: &str = "the count after the box, dus or karton names no unit; another offer of this product \
                                states that pack and count with one, but at this price it would cost far less per \
                                unit than there: the price or the count may be wrong";

/// How far a restored unit price may be from the confirming offers' median, either way: a `Box
/// isi 25` at Rp170.000 beside `isi 25 Kantong` at Rp7.000 is 25 boxes, not 25 bags (review26b F5).
const PEER_FACTOR: u32 = 3;

/// In each group (`members`), reads each bare count in the unit another offer names for the same
/// pack and count, or leaves its size unknown when it may count packs.
pub(super) fn read(offers: &mut [Offer], members: &[Vec<usize>]) {
    for group in members {
        // Read by the volume of each bottle: weighed as a bare count, never a confirmation.
        let bottled: Vec<bool> = group.iter().map(|&i| per_bottle(field(&offers[i]), &offers[i].title)).collect();
        let counts: Vec<Option<PackCount>> =
            group.iter().zip(&bottled).map(|(&i, &bottled)| count_of(&offers[i], bottled)).collect();
        for ((&i, count), &bottled) in group.iter().zip(&counts).zip(&bottled) {
            if let Some((unit, held)) = held(&offers[i], bottled) {
                match confirmed(held, &counts) {
                    Some(base) => {
                        let peers = peer_prices(held, group, &counts, offers);
                        restore(&mut offers[i], unit, base);
                        if let Some(why) = far_from_peers(&offers[i], &peers) {
                            unknown(&mut offers[i]);
                            offers[i].unit.note = Some(why);
                        }
                    }
                    None => unknown(&mut offers[i]),
                }
                continue;
            }
            let Some(count) = count.filter(|c| c.named.is_none()) else { continue };
            match confirmed(count, &counts) {
                Some(base) => offers[i].unit.base_unit = Some(base.to_string()),
                None if count.may_count_packs() => unknown(&mut offers[i]),
                None => {}
            }
        }
    }
}

/// The reading the normaliser held back from the offer (a bare count after a box, dus or
/// karton has no size on its own), with its count; only a confident one is worth confirming. A
/// count read by the volume of each bottle is weighed so too: priced as one bottle or as ten dus
/// it would be the group's cheapest or dearest (review29b J0).
fn held(offer: &Offer, bottled: bool) -> Option<(Unit, PackCount)> {
    if offer.unit.note != Some(BARE_PACK_COUNT) && !bottled {
        return None;
    }
    let (unit, count) = held_reading(field(offer), &offer.title)?;
    unit.confident.then_some((unit, count))
}

/// The unit field as the offer keeps it.
fn field(offer: &Offer) -> Option<&str> {
    offer.unit.name.as_deref()
}

/// The confident unit prices of the offers of `group` whose count confirms `bare`.
fn peer_prices(bare: PackCount, group: &[usize], counts: &[Option<PackCount>], offers: &[Offer]) -> Vec<Decimal> {
    let mut prices: Vec<Decimal> = group
        .iter()
        .zip(counts)
        .filter(|(_, c)| c.is_some_and(|c| c.named.is_some() && c.pack == bare.pack && c.quantity == bare.quantity))
        .filter_map(|(&i, _)| offers[i].unit_price.as_ref().map(|u| u.price.amount))
        .collect();
    prices.sort_unstable();
    prices
}

/// Why the offer's restored unit price is left out: beyond [`PEER_FACTOR`] of the peers' median,
/// above or below (or nothing to weigh it by); `None` when it is near them.
fn far_from_peers(offer: &Offer, peers: &[Decimal]) -> Option<&'static str> {
    let (Some(price), Some(median)) = (offer.unit_price.as_ref().map(|u| u.price.amount), peers.get(peers.len() / 2))
    else {
        return Some(PRICED_AS_PACKS);
    };
    let factor = Decimal::from(PEER_FACTOR);
    if price > *median * factor {
        Some(PRICED_AS_PACKS)
    } else if price * factor < *median {
        Some(PRICED_FAR_BELOW)
    } else {
        None
    }
}

/// The held-back reading, in the unit the confirming offer names, and its unit price.
fn restore(offer: &mut Offer, unit: Unit, base: &str) {
    offer.unit = Unit { base_unit: Some(base.to_string()), name: std::mem::take(&mut offer.unit.name), ..unit };
    offer.unit_price = offer.price.as_ref().and_then(|price| per_base_unit(price, &offer.unit));
}

/// The count the offer's pack was read from, when its unit price is confident and the reading
/// is that count (a marketplace's own pack quantity is its statement, not the title's).
fn count_of(offer: &Offer, bottled: bool) -> Option<PackCount> {
    let unit = &offer.unit;
    if bottled || !unit.confident || !offer.unit_price.as_ref().is_some_and(|u| u.confident) {
        return None;
    }
    let count = pack_count(field(offer), &offer.title)?;
    let stated = unit.derivation == crate::model::PackDerivation::Stated;
    let same = unit.quantity == Some(Decimal::from(count.quantity)) && stated == count.in_field;
    let base = unit.base_unit.as_deref();
    let read = if count.named.is_none() { base == Some("pcs") } else { base == count.named };
    (same && read).then_some(count)
}

/// The one unit the other offers name for this pack word and count; never a measure.
fn confirmed(bare: PackCount, counts: &[Option<PackCount>]) -> Option<&'static str> {
    let mut named = counts
        .iter()
        .flatten()
        .filter(|c| bare.pack.is_some() && c.pack == bare.pack && c.quantity == bare.quantity)
        // A karton and a dus are one spelling to the pack reader, not the same pack to a seller.
        .filter(|c| bare.pack != Some("dus") || (bare.written.is_some() && c.written == bare.written))
        .filter_map(|c| c.named);
    let first = named.next()?;
    (named.all(|n| n == first) && !is_measure(first)).then_some(first)
}

/// Leaves the pack size unknown, as the pack reader does for `Karton isi 40 Box`.
fn unknown(offer: &mut Offer) {
    offer.unit.base_unit = None;
    offer.unit.quantity = None;
    offer.unit.confident = false;
    offer.unit.note = Some(UNCONFIRMED);
    offer.unit_price = None;
}

#[cfg(test)]
pub(super) mod tests;
