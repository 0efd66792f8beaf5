//! Which of a group's unit prices its figures count: confident, in the base unit most offers
//! share, exact where any is, and plausible beside the rest of their pack ([`plausible`]).

use super::plausible;
use super::{Uncounted, policy};
use crate::model::{Offer, UnitPrice};
use crate::search::policy::Explanation;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The median of ascending `sorted` values as spreadsheets compute it (Excel's and LibreOffice's
/// MEDIAN): the middle value, or the mean of the two middle values for an even count; exact.
/// The one definition for the API and the price survey. Written without trailing zeros, as
/// every other amount is (`"1570.1875"`, not `"1570.18750"`).
pub fn median(sorted: &[Decimal]) -> Option<Decimal> {
    let n = sorted.len();
    let middle = match n {
        0 => return None,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO,
    };
    Some(middle.normalize())
}

/// Whether an offer is listed at an amount sellers type where the price is given on request
/// (Rp 100, Rp 999): what a reader is told of such an offer left out of its product's figures.
pub fn listed_at_stand_in(offer: &Offer) -> bool {
    plausible::is_stand_in(offer)
}

/// The offers whose unit prices may be compared, with those prices including PPN: confident
/// (never an assumed or conflicting pack size), in the base unit most of them share (a price per
/// sheet is not compared with one per pack), and exact when any of them is exact, so an
/// approximate `Rp 150rb` never beats an exact price.
pub(super) fn comparable(offers: &[(Offer, Option<Explanation>)]) -> Vec<(&Offer, Decimal)> {
    classify(offers).into_iter().filter_map(|(offer, verdict)| verdict.ok().map(|price| (offer, price))).collect()
}

/// Each offer with its comparable unit price including PPN, or why it has none (see [`comparable`]).
pub(super) fn classify(offers: &[(Offer, Option<Explanation>)]) -> Vec<(&Offer, Result<Decimal, Uncounted>)> {
    let base = base_of(offers.iter().map(|(o, _)| o));
    let in_base = |o: &Offer| base == Some(policy::comparable_unit(o));
    let any_exact = offers.iter().any(|(o, _)| in_base(o) && confident(o).is_some_and(|u| u.price.exact));
    let verdict = |o: &Offer| match confident(o) {
        None => Err(Uncounted::NoConfidentPack),
        Some(_) if !in_base(o) => Err(Uncounted::OtherUnit),
        Some(u) if any_exact && !u.price.exact => Err(Uncounted::Approximate),
        Some(u) => Ok(u.price.amount_including_vat),
    };
    let mut verdicts: Vec<Result<Decimal, Uncounted>> = offers.iter().map(|(o, _)| verdict(o)).collect();
    let stand_ins: Vec<bool> = offers.iter().map(|(o, _)| plausible::is_stand_in(o)).collect();
    // A price needs another to be judged against: a group of one needs no pack names read.
    if verdicts.iter().filter(|v| v.is_ok()).count() > 1 {
        let packs: Vec<(String, Option<Decimal>)> = offers.iter().map(|(o, _)| plausible::pack_of(o)).collect();
        plausible::judge(&mut verdicts, &packs, &stand_ins);
    }
    let tokens: Vec<bool> = offers.iter().map(|(o, _)| plausible::is_token_amount(o)).collect();
    plausible::leave_out_if_only_token_amounts(&mut verdicts, &tokens);
    offers.iter().map(|(o, _)| o).zip(verdicts).collect()
}

/// The base unit most of the offers with a confident unit price share (a bottle is a piece: see
/// [`policy::comparable_unit`]); `None` when none has one, `Some(None)` when most state no base
/// unit.
fn base_of<'a>(offers: impl Iterator<Item = &'a Offer>) -> Option<Option<&'a str>> {
    let mut bases: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for offer in offers.filter(|o| confident(o).is_some()) {
        *bases.entry(policy::comparable_unit(offer)).or_default() += 1;
    }
    bases.into_iter().max_by_key(|&(_, n)| n).map(|(base, _)| base)
}

/// The base unit a group's unit prices are counted in, as [`classify`] counts them.
pub(super) fn base_unit<'a>(offers: impl Iterator<Item = &'a Offer>) -> Option<&'a str> {
    base_of(offers).flatten()
}

/// The offer's unit price when it is confident.
fn confident(offer: &Offer) -> Option<&UnitPrice> {
    offer.unit_price.as_ref().filter(|u| u.confident)
}
