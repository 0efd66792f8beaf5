//! When a unit field of one piece (`Pcs`, `Buah`) is one pack of what the title counts
//! (review36b R36b-4: `Kertas A4 500 lembar` and `Kertas A4 100 lembar`, both `Pcs` at one price,
//! were one product at one unit price).
//!
//! Read only where the count can be nothing but the piece's content, because each wider reading
//! priced something wrongly and confidently (review37m R37m-1, R37m-2): a backpack's `3 kantong`
//! are pockets, a rice cooker's `10 porsi` servings, a notebook's `38 lembar` its pages, a
//! printer's `baki 100 lembar` its tray, a stapler's `kapasitas 20 lembar` what it staples; and
//! `5 Rim @500 lembar` or `24 pack x 250 lembar` count packs of the count. So: sheets of paper
//! or tissue, or tea bags, named as such; no tool, book or capacity word; no second pack.

use super::lexicon::{base_unit, fixed_pack, is_pack_word, number};
use super::{CONTAINERS, Statement};

/// What a piece may hold, with words one of which its title must have.
const CONTENTS: &[(&str, &[&str])] = &[
    (
        "lembar",
        &[
            "kertas", "hvs", "paper", "tissue", "tisu", "tissu", "kalkir", "amplop", "label", "stiker", "sticker",
            "origami",
        ],
    ),
    ("kantong", &["teh", "tea", "celup"]),
];

/// Tools that work on a number of sheets at a time, and bound things whose sheets are their
/// pages (`Buku Tulis Sidu 38 lembar` is one book, bought and priced as one).
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
    "cutter",
    "pemotong",
    "jilid",
    "buku",
    "book",
    "notebook",
    "bloknot",
    "blocknote",
    "bloknote",
    "notes",
    // Note pads: a pak holds several, each of the sheets its title counts (review38m R38m-2:
    // `Post-it 653 100 lembar` by the Pak was Rp 540 a sheet, one pad's sheets for the pak).
    "notepad",
    "memo",
    "postit",
    // `Post-it` is read as `post` and `it`.
    "post",
    "sticky",
    "kwitansi",
    "nota",
    "agenda",
    "diary",
    "album",
    "kalender",
    "holder",
    "ordner",
    "file",
];

/// Words that say the number after them is what a tool bears, not what a pack holds.
const CAPACITY_WORDS: &[&str] = &["kapasitas", "kap", "maks", "maksimal", "max", "maximum", "hingga", "sampai", "s/d"];

/// Whether a unit field of one piece (`field` `quantity` 1) is one pack of the `held` base unit
/// the title counts, `title` lowered and split into `words`. Anything else leaves the reading
/// unsure, as a title stating another size than the unit field always did.
pub(super) fn piece_holds(field: &str, quantity: u32, held: &str, title: &str, words: &[&str]) -> bool {
    field == "pcs"
        && quantity == 1
        && names_content(held, words)
        && !states_capacity(words)
        && !counts_packs(title, words)
}

/// Whether the title names what a piece of `held` holds (`kertas` for sheets, `teh` for bags).
fn names_content(held: &str, words: &[&str]) -> bool {
    CONTENTS.iter().any(|(unit, names)| *unit == held && words.iter().any(|w| names.contains(w)))
}

/// Whether a title states a capacity: it names a sheet tool or a book, or a capacity word stands
/// right before a number (`kapasitas 20`, `max 20`; not the maker `Max` before a model `HD-10`).
fn states_capacity(words: &[&str]) -> bool {
    words.iter().any(|w| SHEET_TOOLS.contains(w))
        || words.windows(2).any(|pair| CAPACITY_WORDS.contains(&pair[0]) && starts_with_digit(pair[1]))
}

/// Whether a title counts packs of what it counts: a pack word (`rim`, `pak`, `box`, `kotak`),
/// or a multiplier (`@`, `x`, `x5`, `×`).
fn counts_packs(title: &str, words: &[&str]) -> bool {
    let multiplier = |w: &str| w == "x" || w.strip_prefix('x').is_some_and(starts_with_digit);
    title.contains(['@', '×', '*']) || words.iter().any(|&w| is_pack_word(w) || w == "kotak" || multiplier(w))
}

fn starts_with_digit(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a unit field naming a container stands beside a title counting sheets not said of it
/// (`in_title`) that are not what it holds (review37m R37m-11): a box, dus or karton holds packs,
/// so a ream's sheets or fewer beside it are one inner pack's (`Kertas HVS A4 500 lembar` by the
/// `Box` is one ream of a box of reams, `Tissue Paseo 250 lembar` by the `Karton` one pack of
/// many); a pak is the inner pack (`Tisu Wajah 200 Sheets`, `Kertas Foto 20 lembar`), save a pak
/// of books (`Buku Tulis Sidu 38 lembar`: one book's pages). Said of the container (`Box isi 500
/// lembar`, `Pak 100 lembar`), or more than a ream (`Box` beside `(2500 lbr)`), the count is what
/// it holds.
pub(super) fn counts_inner_sheets(field_words: &[&str], title_words: &[&str], in_title: Option<Statement>) -> bool {
    let Some(Statement::Size { base: "lembar", quantity, container: None, .. }) = in_title else { return false };
    let ream = fixed_pack("rim").map_or(0, |(_, size)| size);
    let counted_at = title_words
        .windows(2)
        .position(|pair| number(pair[0]) == Some(quantity) && base_unit(pair[1]) == Some("lembar"));
    let Some(at) = counted_at else { return false };
    let bare = at == 0 || title_words[at - 1] != "isi";
    // `isi 500 lembar` says what a ream holds as often as a box: only a container named before
    // the count makes it the box's (review38m R38m-3: reams and boxes of reams, each `isi 500
    // lembar`, had a median of Rp 326 a lembar against Rp 110 for the reams).
    let said_of_container = title_words[..at].iter().any(|w| CONTAINERS.contains(w) && *w != "pak");
    match field_words.first() {
        Some(&"pak") => bare && states_capacity(title_words),
        Some(own) if CONTAINERS.contains(own) => !said_of_container && quantity <= ream && sold_in_packs(title_words),
        _ => false,
    }
}

/// Whether a title names paper or tissue, which a box holds in reams or packs; not envelopes,
/// labels or stickers, whose box holds the count (`Jaya Amplop Kabinet Coklat (500 lbr)` by the
/// `Box` is 500 envelopes: the sandbox's PaDi listings, read so before R37m-11's rule).
fn sold_in_packs(words: &[&str]) -> bool {
    const PACKED: &[&str] = &["kertas", "hvs", "paper", "tissue", "tisu", "tissu", "kalkir"];
    const COUNTED: &[&str] = &["amplop", "envelope", "label", "stiker", "sticker"];
    words.iter().any(|w| PACKED.contains(w)) && !words.iter().any(|w| COUNTED.contains(w))
}
