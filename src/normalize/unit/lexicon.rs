//! The words packs are written in: counts, base units, fixed packs and containers, and the
//! mark between statements. What reading a statement (`read.rs`), its parts (`part.rs`) and its
//! multiples (`multiple.rs`) all look up.

use super::{BASE_UNITS, CONTAINERS, FIXED_PACKS, MAX_COUNT, MEASURES};

/// Where one statement of a title ends and another begins.
pub(super) const BOUNDARY: &str = "|";

pub(super) fn number(word: &str) -> Option<u32> {
    if !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|n| (1..=MAX_COUNT).contains(n))
}

pub(super) fn base_unit(word: &str) -> Option<&'static str> {
    BASE_UNITS.iter().find(|(w, _)| *w == word).map(|(_, base)| *base)
}

pub(super) fn fixed_pack(word: &str) -> Option<(&'static str, u32)> {
    FIXED_PACKS.iter().find(|(w, _, _)| *w == word).map(|(_, base, size)| (*base, *size))
}

pub(super) fn is_pack_word(word: &str) -> bool {
    CONTAINERS.contains(&word) || fixed_pack(word).is_some()
}

/// Base units a piece may be (`policy::comparable_unit` counts a bottle and a sachet as pieces).
const PIECES: &[&str] = &["pcs", "botol", "sachet"];

/// Whether a unit field of one piece (`field` `quantity` 1: `Pcs`, `Buah`) is one pack of the
/// base unit a title counts (`held`): sheets, tea bags or boxes are no pieces, so `Kertas A4 500
/// lembar` says what the piece holds, not another size of it (review36b R36b-4: a ream and a
/// pack of 100 sheets were one product at one price). A title counting pieces (`isi 12 pcs`,
/// `Dus 24 Botol`) leaves it unsure whether the price is for one or for the pack, and a measure
/// (`Beras 5 kg`, a scale's `150 kg`) may be what the piece weighs or bears.
///
/// A tool's title counts the sheets it works on, not what it holds (`Stapler HD-10 kapasitas 20
/// lembar`, `Paper Shredder 10 lembar`), and a book's its pages: read as a pack, a stapler or a
/// notebook would be priced per sheet. A title naming such a thing, or a capacity word right
/// before a number, stays unsure.
pub(super) fn piece_holds(field: &str, quantity: u32, held: &str, title_words: &[&str]) -> bool {
    field == "pcs"
        && quantity == 1
        && !PIECES.contains(&held)
        && !MEASURES.contains(&held)
        && !states_capacity(title_words)
}

/// Tools that work on a number of sheets at a time, and bound things whose sheets are their
/// pages (`Buku Tulis Sidu 38 lembar` is one book, bought and priced as one), which their titles
/// state.
const SHEET_TOOLS: &[&str] = &[
    "stapler",
    "staplers",
    "hekter",
    "shredder",
    "penghancur",
    "perforator",
    "pelubang",
    "pembolong",
    "punch",
    "laminator",
    "laminating",
    "buku",
    "book",
    "notebook",
    "bloknot",
    "blocknote",
    "notes",
    "kwitansi",
    "nota",
    "agenda",
    "diary",
    "album",
];

/// Words that say the number after them is what a tool bears, not what a pack holds.
const CAPACITY_WORDS: &[&str] = &["kapasitas", "kap", "maks", "maksimal", "max", "maximum", "hingga", "sampai", "s/d"];

/// Whether a title states a capacity: it names a sheet tool, or a capacity word stands right
/// before a number (`kapasitas 20`, `max 20`; not the maker `Max` before a model `HD-10`).
fn states_capacity(title_words: &[&str]) -> bool {
    let starts_with_digit = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    title_words.iter().any(|w| SHEET_TOOLS.contains(w))
        || title_words.windows(2).any(|pair| CAPACITY_WORDS.contains(&pair[0]) && starts_with_digit(pair[1]))
}
