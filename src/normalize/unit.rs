//! Pack sizes: how many base units an offer's price buys, and how sure that is.
//!
//! Marketplaces state the pack in a unit field (`"Rim"`, `"Lusin"`, `"box isi 12"`), in the title
//! (`"box isi 12"`, `"dus 24 botol"`, `"(500 lbr)"`, `"Box 5 Rim"`), or both. Reading it lets a
//! rim and a box of five rim be compared per sheet. The rules, in the order they apply:
//!
//! - A unit field that states a size by itself (`Rim`, `Lusin`, `Pcs`, `box isi 12`) wins over
//!   the title; a title that states another size makes the reading not confident. A piece
//!   (`Pcs`, `Buah`) beside a title counting what no piece is (`Kertas A4 500 lembar`, `isi 25
//!   kantong`) is one pack of that count ([`piece_holds`]).
//! - A unit field naming a container of unstated size (`Dus`, `Box`, `Karton`) takes the size the
//!   title states for that container; when the title states none, or states it for another
//!   container, the size is unknown — never one.
//! - With no unit field the title decides; when it says nothing, the size is unknown: one piece
//!   was once assumed (not confident), but a client reading `unitPrice` without its basis took
//!   the guess for a stated figure (review39n R39n-3).
//! - A count of packs written with `x` multiplies them (`2 x 1/2 Rim`, `Rim x 2`); one not read
//!   for sure (`2 Pack 1/2 Rim`, `1 Rim x 5 Box`) leaves the size unknown ([`multiple`]).
//! - A part before a pack word is that part of it when it makes a whole count (`1/2 Rim`,
//!   `Setengah Rim`, `0,5 Rim`: 250 lembar; `1/2 Lusin`: 6 pcs); one that does not (`1/3 Rim`),
//!   or that may not stand alone (`1 1/2 Rim`), leaves the size unknown, never the whole pack, as
//!   does a title stating a part of the unit field's pack ([`part`]). After a ream's word the
//!   part is read too (`Rim (1/2)`, `Rim isi 1/2`), when nothing but the statement's end follows.
//!   A part beside another count of its pack (`1/2 Rim 500 lembar`, `1/2 Dus isi 24`) leaves
//!   the size unknown: the listing does not say which the price is for.
//! - A model code is never a count: `C600`, `BP-338`, `V-5` and `BG-12` stay whole words, so
//!   `"Pulpen C600 (Lusin isi 12 Pcs)"` is twelve pens, not 7 200.
//! - An explicit `isi N` outranks every other statement, and `isi N` of things whose size is not
//!   stated (`Karton isi 40 Box`, `isi 3 Kue`) leaves the size unknown.
//! - A count naming no unit after a pack that may hold packs (`Karton isi 40`, `Box isi 12`:
//!   box, dus, karton, bal, krat, slop, koli, also written `Ktn`, `Bx`, `Ball`, `Doos`, `Slof`) is
//!   read as pieces here, but an offer is never priced by
//!   it alone: [`hold_bare_count`] leaves its size unknown, and `compare` counts it only when
//!   another offer of the product names the same pack and count (`1 Dus (12 Botol)`).
//! - Unless the volume of each item says what it counts (`Air Mineral 600 ml Dus isi 24`, or a
//!   unit field `Dus isi 24` beside `Air Mineral 600 ml`: 24 botol), where nothing else in the title could be counted ([`sized`] says when).

use crate::model::{PackDerivation, Unit};
use rust_decimal::Decimal;

/// Packs whose size is fixed by their name.
const FIXED_PACKS: &[(&str, &str, u32)] =
    &[("rim", "lembar", 500), ("lusin", "pcs", 12), ("kodi", "pcs", 20), ("gross", "pcs", 144), ("gros", "pcs", 144)];

/// Words for one countable thing, mapped to the base unit name used across marketplaces.
const BASE_UNITS: &[(&str, &str)] = &[
    ("lembar", "lembar"),
    ("lbr", "lembar"),
    ("sheet", "lembar"),
    ("sheets", "lembar"),
    ("botol", "botol"),
    ("btl", "botol"),
    ("pcs", "pcs"),
    ("pc", "pcs"),
    ("buah", "pcs"),
    ("bh", "pcs"),
    ("biji", "pcs"),
    ("unit", "unit"),
    ("sachet", "sachet"),
    // A tea bag: `Teh Celup ... isi 25 Kantong` counts bags, and names what a bare `isi 25` of
    // the same box counts (review25b F6). Never compared with pieces (see `policy::comparable_unit`).
    ("kantong", "kantong"),
    ("kantung", "kantong"),
    ("kotak", "kotak"),
    ("porsi", "porsi"),
    ("galon", "galon"),
    ("stel", "stel"),
    ("kg", "kg"),
    ("hari", "hari"),
    ("m2", "m2"),
];

/// The base unit a word names (`"LBR"` → `lembar`), when it is one of the known ones.
pub(crate) fn base_unit_name(word: &str) -> Option<&'static str> {
    let word = word.trim().to_lowercase();
    BASE_UNITS.iter().find(|(w, _)| *w == word).map(|(_, base)| *base)
}

/// Base units that are measures: `"1 kg"` restates the unit rather than counting a pack.
const MEASURES: &[&str] = &["unit", "kg", "hari", "m2"];

/// Whether a base unit is a measure (`kg`, `m2`), never what a count of pieces counts.
pub fn is_measure(base: &str) -> bool {
    MEASURES.contains(&base)
}

/// Words for a container holding an unstated number of base units.
const CONTAINERS: &[&str] = &[
    "box", "dus", "karton", "pak", "pack", "pax", "bungkus", "set", "paket", "renceng", "ikat", "slop", "bal", "krat",
    "koli",
];

/// Containers that hold other containers, so a count of them is a count of packs (`1 Karton
/// (48 Pak)`, `isi 3 pak`) and multiplies a size stated before it (`200 Sheet`). Not `koli`:
/// after a count it is mostly how many parcels a shipment goes in (`isi 4 pcs Kirim 2 Koli`).
const OUTER: &[&str] = &["box", "dus", "pak", "bungkus", "renceng", "bal", "krat", "slop", "ikat"];

/// Words sellers put after a pack statement that say nothing about it (`"Pak isi 10 Ready Stock"`).
const FILLERS: &[&str] = &["ready", "stock", "stok", "original", "ori", "murah", "promo", "new", "baru", "garansi"];

/// Largest count read as a pack size; beyond it a number is a code or a typo.
const MAX_COUNT: u32 = 100_000;

/// A size stated in the title or the unit field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Statement<'a> {
    /// `quantity` of `base`, said of `container` when a container word introduced it; `named`
    /// when a word names the base unit (`isi 12 pcs`), not when it is taken for pieces (`isi 12`).
    Size { base: &'static str, quantity: u32, container: Option<&'a str>, named: bool },
    /// A count of things whose own size is not stated (`Karton isi 40 Box`): no size.
    Unsized,
    /// A part of a pack not read exactly (`1/3 Rim`, `1 1/2 Rim`), or a multiple of one not read
    /// (`2 Pack 1/2 Rim`): no size, never the whole pack; with the note saying why.
    Part(&'static str),
}

/// Why a part of a pack gives no size ([`part`]).
const PART_UNREAD: &str = "a part of a pack is stated that is not read as a whole count (as '1/2 rim' is): \
                           the pack size is unknown";

/// Why a multiple of a pack gives no size ([`multiple`]).
const MULTIPLE_UNREAD: &str = "a count of packs is stated beside a pack (as '2 pack 1/2 rim' or '1 rim x 5 box') \
                               that is not read for sure: the pack size is unknown";

/// Why a part of a pack beside another count of it gives no size ([`part::against`]).
const PART_CONFLICT: &str = "a part of a pack is stated beside another count of it (as '1/2 rim 500 lembar' or \
                             '1/2 dus isi 24'): which the price is for is not said, so the pack size is unknown";

/// Why a piece beside a title counting things of unstated size is not sure (`Buku Tulis isi 10
/// buku` or `Snack Box 100 kotak isi 3 kue` by the `Pcs`): the price may be for all of them.
const UNSIZED: &str = "the title counts things whose size it does not state: the price may be for all of them";

/// Why a container beside a title counting sheets not said of it has no size ([`held`]).
const INNER_SHEETS: &str = "the title counts the sheets of one pack, ream or book inside, not how many the container \
                            holds: the pack size is unknown";

/// Why a title stating a part of the unit field's pack leaves the size unknown: the listing does
/// not say which of the two the price is for.
const PART_OF_FIELD: &str = "the title states a part of the pack the unit field names (as '1/2 rim' of a 'Rim'): \
                             the pack size is unknown";

/// Reads the pack from the unit field and the title.
pub fn parse_unit(unit_field: Option<&str>, title: &str) -> Unit {
    parse(unit_field, title, Bottles::Read)
}

/// Whether a bare count after the volume of each bottle is read as that many bottles
/// ([`sized`]): for an offer standing alone; `compare` weighs it as any bare count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bottles {
    Read,
    Bare,
}

/// The title's pack statement. A bare count is read by the volume of each bottle only when the
/// unit field, if any, is the title's own pack word: a unit field `karton` (or `karton isi 2
/// dus`) on a `Dus isi 24` title may be two of those dus (review29b J5).
fn title_statement<'a>(field: &str, title_lower: &str, words: &[&'a str], bottles: Bottles) -> Option<Statement<'a>> {
    let field = field.trim();
    let own_pack = field.is_empty()
        || (field.bytes().all(|b| b.is_ascii_alphabetic())
            && title_lower.split(|c: char| !c.is_alphanumeric()).any(|word| word == field));
    match bottles {
        Bottles::Read if own_pack => statement(words),
        _ => read::statement(words),
    }
}

/// What the unit field states ([`field_statement`]); a bare count there is read by the volume of
/// each bottle the title states ([`sized::in_field`]) where a title's would be.
fn field_reading<'a>(field_words: &[&'a str], title_words: &[&'a str], bottles: Bottles) -> Option<Statement<'a>> {
    let read = field_statement(field_words)?;
    Some(match bottles {
        Bottles::Read => sized::in_field(read, field_words, title_words),
        Bottles::Bare => read,
    })
}

/// Whether the offer's pack is read from the volume of each bottle before a bare count (`Air
/// Mineral 600 ml Dus isi 24`): `compare` confirms and weighs it against the product's other
/// offers as any bare count (review29b J0: a dus priced as one bottle was its group's cheapest).
pub fn per_bottle(unit_field: Option<&str>, title: &str) -> bool {
    let named = |bottles| count::pack_count_read(unit_field, title, bottles).and_then(|count| count.named);
    // Only a count the bottles name can have been read so: most titles are read once.
    matches!(named(Bottles::Read), Some("botol" | "pcs")) && named(Bottles::Bare).is_none()
}

fn parse(unit_field: Option<&str>, title: &str, bottles: Bottles) -> Unit {
    let field = unit_field.map(str::trim).filter(|u| !u.is_empty()).map(str::to_lowercase);
    let name = field.clone();
    let title_lower = lowered_title(title, unit_field);
    let title_words = words(&title_lower);
    let in_title = title_statement(field.as_deref().unwrap_or_default(), &title_lower, &title_words, bottles);
    let Some(field) = field else {
        return match in_title {
            Some(Statement::Size { base, quantity, .. }) => known(name, base, quantity, PackDerivation::Title, None),
            Some(Statement::Unsized) => unknown(name, "the title counts things whose size it does not state"),
            Some(Statement::Part(note)) => unknown(name, note),
            None => Unit {
                name,
                base_unit: None,
                quantity: None,
                derivation: PackDerivation::Assumed,
                confident: false,
                note: Some("neither a unit field nor the title states the pack"),
            },
        };
    };
    let field_lower = lowered(&field);
    let field_words = words(&field_lower);
    match field_reading(&field_words, &title_words, bottles) {
        Some(Statement::Size { base, quantity, container, .. }) => {
            let disagrees = matches!(in_title, Some(Statement::Size { quantity: q, .. }) if q != quantity);
            match in_title {
                Some(Statement::Part(note)) => unknown(name, note),
                Some(Statement::Size { base: held, quantity: count, .. })
                    if piece_holds(base, quantity, held, &title_lower, &title_words) =>
                {
                    known(name, held, count, PackDerivation::Title, None)
                }
                Some(Statement::Unsized) if quantity == 1 => {
                    known(name, base, 1, PackDerivation::Stated, Some(UNSIZED))
                }
                _ if disagrees && part::states_part(&title_words) => unknown(name, PART_OF_FIELD),
                _ if part_of_field_container(container, &field_words, &title_words) => unknown(name, PART_OF_FIELD),
                _ => {
                    let note = disagrees.then_some("the title states another pack size than the unit field");
                    known(name, base, quantity, PackDerivation::Stated, note)
                }
            }
        }
        Some(Statement::Part(note)) => unknown(name, note),
        Some(Statement::Unsized) | None if held::counts_inner_sheets(&field_words, &title_words, in_title) => {
            unknown(name, INNER_SHEETS)
        }
        Some(Statement::Unsized) | None => {
            let pouch = pouch_of_bags(&field_words, &title_words);
            from_container(name, &field, &field_words, in_title, pouch)
        }
    }
}

/// Whether the title states a part of the container the unit field counts (`Dus isi 24` beside
/// `1/2 Dus`) and the unit field does not.
fn part_of_field_container(container: Option<&str>, field_words: &[&str], title_words: &[&str]) -> bool {
    container.is_some_and(|c| part::of_container(title_words, c) && !part::of_container(field_words, c))
}

/// The pack sizes the unit field and the title each state by themselves, to check a stated pack
/// quantity against: a unit field of a fixed size (`Lusin` 12, `Rim` 500, `Kodi` 20) and a
/// title stating a size (`Box isi 5 Rim`: 2,500). A base unit (`pcs`) or a word of no size
/// (`Box`, `Karung`, `orang-bulan`) states none: a pack quantity is what says how many it holds.
pub fn sizes_stated(unit_field: Option<&str>, title: &str) -> (Option<Decimal>, Option<Decimal>) {
    let size = |statement: Option<Statement<'_>>| match statement {
        Some(Statement::Size { quantity, .. }) if quantity > 1 => Some(Decimal::from(quantity)),
        _ => None,
    };
    let field = unit_field.map(|field| lowered(field.trim()));
    let in_field = field.as_deref().and_then(|field| size(field_statement(&words(field))));
    let title = lowered_title(title, unit_field);
    let in_title = title_statement(field.as_deref().unwrap_or_default(), &title, &words(&title), Bottles::Read);
    (in_field, size(in_title))
}

/// The unit field names a container or a word of its own: the title gives its size, if it can.
/// `pouch`: the unit field is a pouch of bags, not one ([`pouch_of_bags`]).
fn from_container(
    name: Option<String>,
    field: &str,
    field_words: &[&str],
    in_title: Option<Statement<'_>>,
    pouch: bool,
) -> Unit {
    let own = field_words.first().copied().unwrap_or_default();
    let is_container = CONTAINERS.contains(&own) || field_words.contains(&"isi") || pouch;
    match in_title {
        Some(Statement::Size { base, quantity, container, .. }) if container.is_none_or(|c| c == own) => {
            known(name, base, quantity, PackDerivation::Title, None)
        }
        Some(Statement::Size { .. }) => unknown(name, "the title states the size of another pack than the unit field"),
        Some(Statement::Unsized) => unknown(name, "the title counts things whose size it does not state"),
        Some(Statement::Part(note)) => unknown(name, note),
        None if is_container => unknown(name, "the unit is a container and nothing states how much it holds"),
        // `Roll 50 m`: a count or size Pasar does not read is not a unit of its own.
        None if field_words.len() > 1 && field_words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) => {
            unknown(name, "the unit field states a size that is not read")
        }
        // A unit of its own (`orang-bulan`, `ream`): the price is for one of it.
        None => Unit {
            base_unit: Some(field.to_string()),
            quantity: Some(Decimal::ONE),
            derivation: PackDerivation::Stated,
            confident: true,
            note: None,
            name,
        },
    }
}

/// A unit field `Kantong` on tea bags (`Teh Celup Walini`, Rp9.000) is the seller's pouch of
/// them, not one bag priced beside per-bag prices (review26b F8); elsewhere it is one kantong.
fn pouch_of_bags(field_words: &[&str], title_words: &[&str]) -> bool {
    field_words.first().and_then(|w| base_unit_name(w)) == Some("kantong") && title_words.contains(&"celup")
}

fn known(
    name: Option<String>,
    base: &str,
    quantity: u32,
    derivation: PackDerivation,
    note: Option<&'static str>,
) -> Unit {
    Unit {
        name,
        base_unit: Some(base.to_string()),
        quantity: Some(Decimal::from(quantity)),
        derivation,
        confident: note.is_none(),
        note,
    }
}

fn unknown(name: Option<String>, note: &'static str) -> Unit {
    Unit {
        name,
        base_unit: None,
        quantity: None,
        derivation: PackDerivation::Title,
        confident: false,
        note: Some(note),
    }
}

mod count;
mod held;
mod lexicon;
mod multiple;
mod part;
mod read;
mod sized;

pub use count::{BARE_PACK_COUNT, PackCount, held_reading, hold_bare_count, pack_count};
use held::piece_holds;
#[cfg(test)]
use lexicon::{base_unit, fixed_pack};
use read::{field_statement, lowered, lowered_title, words};
use sized::statement;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bottles;
#[cfg(test)]
mod tests_containers;
#[cfg(test)]
mod tests_multiples;
#[cfg(test)]
mod tests_packs;
#[cfg(test)]
mod tests_part_conflicts;
#[cfg(test)]
mod tests_parts;
#[cfg(test)]
mod tests_pieces;
