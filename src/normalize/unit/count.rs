//! The count a pack reading rests on, for compare to weigh across offers: whether a word names
//! what it counts (`Dus (12 Botol)`) or it is taken for pieces (`Dus isi 12`).

use super::{
    Bottles, CONTAINERS, FIXED_PACKS, Statement, field_reading, lowered, lowered_title, parse, title_statement, words,
};
use crate::model::{PackDerivation, Unit};
use rust_decimal::Decimal;

/// Why an offer read from a bare count after a box, dus or karton has no pack size: the seller
/// counted something without naming it, and a karton of masks holds boxes (review25b F3).
pub const BARE_PACK_COUNT: &str = "the count after the box, dus or karton names no unit (as 'isi 40 pcs' would): \
                                   it may count inner packs, not pieces, so the pack size is unknown";

/// A pack reading's count as compare weighs it across offers (see `search::compare::pieces`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackCount {
    /// The pack word the count is said of, in one spelling (`Karton isi 40`: `dus`).
    pub pack: Option<&'static str>,
    /// How many base units.
    pub quantity: u32,
    /// The base unit a word names (`Dus (12 Botol)`: `botol`); `None` when the count names none
    /// and is taken for pieces (`Dus isi 12`).
    pub named: Option<&'static str>,
    /// Whether the unit field stated it (`box isi 12`), not the title.
    pub in_field: bool,
    /// How the pack word was written when the one spelling joins words sellers keep apart:
    /// `karton`, `kardus` and `dus` are all `dus`, but a `Karton isi 50` of boxes beside a `Dus
    /// isi 50 pcs` of masks is no confirmation (review25b). `None` when none, or several, are
    /// written.
    pub written: Option<&'static str>,
}

/// Packs that hold other packs as often as pieces: their bare count (`Karton isi 40` of boxes
/// of masks, `Box isi 12` of pens or of boxes of pens) does not say which.
const PACKS_OF_PACKS: &[&str] = &["box", "dus", "bal", "krat", "slop", "koli"];

impl PackCount {
    /// Whether the count names no unit and follows a pack that may hold packs.
    pub fn may_count_packs(&self) -> bool {
        self.named.is_none() && self.pack.is_some_and(|p| PACKS_OF_PACKS.contains(&p))
    }
}

/// The count [`super::parse_unit`] reads from the unit field or else the title, with the pack word it
/// is said of (the title's, or the unit field's container word).
pub fn pack_count(unit_field: Option<&str>, title: &str) -> Option<PackCount> {
    pack_count_read(unit_field, title, Bottles::Read)
}

pub(super) fn pack_count_read(unit_field: Option<&str>, title: &str, bottles: Bottles) -> Option<PackCount> {
    let field = unit_field.map(|f| lowered(f.trim())).unwrap_or_default();
    let title = lowered_title(title, unit_field);
    let field_words = words(&field);
    let own = field_words.first().copied().filter(|w| CONTAINERS.contains(w));
    let read = |statement: Option<Statement<'_>>, in_field| match statement? {
        Statement::Size { base, quantity, container, named } => {
            let pack = container.or(own).and_then(pack_word);
            let written = if in_field { written(&field) } else { written(&title).or_else(|| written(&field)) };
            Some(PackCount { pack, quantity, named: named.then_some(base), in_field, written })
        }
        Statement::Unsized | Statement::Part(_) => None,
    };
    let title_words = words(&title);
    match field_reading(&field_words, &title_words, bottles) {
        Some(size @ Statement::Size { .. }) => read(Some(size), true),
        _ => read(title_statement(&field, &title, &title_words, bottles), false),
    }
}

/// Which of the outer packs the one spelling joins `text` writes: a karton (`karton`, `ctn`,
/// `ktn`), a kardus, or a dus (`dus`, `dos`, `doos`); `None` when it writes none, or more than
/// one. A kardus is the cardboard shipping carton (`1 Kardus isi 40 Box`), not the inner dus a
/// `Dus isi 40 pcs` of masks is (review26b F3), so each confirms only its own word.
fn written(text: &str) -> Option<&'static str> {
    let mut found = None;
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        let family = match token {
            "karton" | "carton" | "cartons" | "cartoon" | "ctn" | "ktn" => "karton",
            "kardus" => "kardus",
            "dus" | "dos" | "doos" | "dusan" => "dus",
            _ => continue,
        };
        if found.is_some_and(|f| f != family) {
            return None;
        }
        found = Some(family);
    }
    found
}

/// The one spelling of a pack word, borrowed from the tables.
fn pack_word(word: &str) -> Option<&'static str> {
    CONTAINERS.iter().copied().chain(FIXED_PACKS.iter().map(|p| p.0)).find(|w| *w == word)
}

/// An offer's pack as it may be shown on its own: a reading that rests on a bare count after a
/// pack that may hold packs (`Masker ... Karton isi 40`: 40 boxes, not 40 masks) has no known
/// size, so no unit price is given for it. `compare` reads it again with [`held_reading`] and
/// counts it when another offer of the product names that pack and count.
pub fn hold_bare_count(unit: Unit, unit_field: Option<&str>, title: &str) -> Unit {
    if !pack_count(unit_field, title).is_some_and(|count| rests_on(&unit, &count)) {
        return unit;
    }
    Unit { base_unit: None, quantity: None, confident: false, note: Some(BARE_PACK_COUNT), ..unit }
}

/// The reading [`hold_bare_count`] held back, with the count it rests on; `None` when the unit
/// field and title give none. A count after the volume of each bottle is read bare here, as
/// `compare` weighs it (see [`super::per_bottle`]).
pub fn held_reading(unit_field: Option<&str>, title: &str) -> Option<(Unit, PackCount)> {
    let unit = parse(unit_field, title, Bottles::Bare);
    let count = pack_count_read(unit_field, title, Bottles::Bare)?;
    rests_on(&unit, &count).then_some((unit, count))
}

/// Whether the reading is that bare count taken for pieces: the same number, from the same place.
fn rests_on(unit: &Unit, count: &PackCount) -> bool {
    let stated = unit.derivation == PackDerivation::Stated;
    count.may_count_packs()
        && unit.base_unit.as_deref() == Some("pcs")
        && unit.quantity == Some(Decimal::from(count.quantity))
        && stated == count.in_field
}
