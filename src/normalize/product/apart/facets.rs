//! The facets a title states (see [`FACETS`]), chalk sticks and pencils (named by no marker or
//! board word), and what a board-word title stating no size shows of a board: the readings behind
//! `apart.rs`'s splits that are not the marker's or the board's own words.

use super::super::boards::{board_word, coloured, named};
use super::super::lex::{Class, Tok};
use super::bits::*;

/// Words before a facet's word that deny it (`Non Magnetic`).
const NEGATIONS: &[&str] = &["non", "tidak", "tdk", "bukan", "tanpa", "no", "without"];

/// The facets `toks` (a title, or what it says before a bonus word) state: two faces (`2 Sisi`,
/// `Dua Muka`, `Bolak Balik`, `Bolak-Balik`, `Double Side`, `2 Face`), glass, a magnet (`Non Magnetic` is the
/// plain board), a count of colours, green (said of a chalkboard only), colours and no dust
/// (said of chalk only).
pub(super) fn facets(toks: &[Tok]) -> u32 {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    let double = (0..toks.len()).any(|i| {
        matches!(
            (word(i), word(i + 1)),
            ("2" | "dua" | "double" | "two", "sisi" | "muka" | "side" | "sided" | "sides" | "face" | "faces")
                | ("bolak", "balik")
        ) || matches!(word(i), "bolak-balik" | "bolakbalik")
    });
    let glass = toks.iter().any(|t| matches!(t.text.as_str(), "kaca" | "glass" | "glassboard"));
    let magnetic = (0..toks.len()).any(|i| {
        let denied = i.checked_sub(1).is_some_and(|j| NEGATIONS.contains(&word(j)));
        matches!(word(i), "magnet" | "magnetic" | "magnetik" | "magnetis") && !denied
    });
    // Two colours or more counted: `1 Warna` is one marker's.
    let set = (0..toks.len()).any(|i| {
        let colours = matches!(word(i + 1), "warna" | "color" | "colors" | "colour" | "colours");
        let counted = toks[i].class == Class::Num && word(i).parse::<u32>().is_ok_and(|n| n >= 2);
        colours && counted
    });
    let green = toks.iter().any(|t| matches!(t.text.as_str(), "hijau" | "green" | "greenboard"));
    // Said of chalk only (see FACETS): `Kapur Tulis Warna`, `Kapur Tulis Anti Debu`.
    let coloured = toks.iter().any(|t| matches!(t.text.as_str(), "warna" | "berwarna" | "colour" | "color" | "colors"));
    let dustless = (0..toks.len()).any(|i| {
        matches!(word(i), "dustless" | "dustfree")
            || (matches!(word(i), "anti" | "bebas" | "tanpa" | "non" | "low") && matches!(word(i + 1), "debu" | "dust"))
    });
    [
        (double, DOUBLE),
        (glass, GLASS),
        (magnetic, MAGNETIC),
        (set, SET),
        (green, GREEN),
        (coloured, COLOURED_CHALK),
        (dustless, DUSTLESS),
    ]
    .iter()
    .fold(0, |bits, &(yes, bit)| if yes { bits | bit } else { bits })
}

/// [`STAND`] for a board on legs or wheels (`Kaki`, `Standing`, `Stand Roda`, `Beroda`), read over
/// the whole title: `Whiteboard + Kaki` and `Whiteboard with Stand` sell the stand with the board
/// (review28e N2). A flip chart stands whatever it says (`Flip Chart Stand` is every flip chart).
/// `Tanpa Kaki` / `Non Kaki` says there is none (review29c P3).
pub(super) fn stand(toks: &[Tok], bits: u32) -> u32 {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    let stands = (0..toks.len()).any(|i| {
        let denied = i.checked_sub(1).is_some_and(|j| NEGATIONS.contains(&word(j)));
        matches!(word(i), "kaki" | "stand" | "standing" | "roda" | "beroda") && !denied
    });
    if stands && bits & FLIPCHART == 0 { STAND } else { 0 }
}

/// [`CHALK`] for chalk sticks: `kapur` or `chalk` in a title naming no marker or eraser, and no
/// board either, unless the title starts with the chalk (`Kapur Tulis … Papan Tulis`, `Chalk …
/// for Blackboard`) or names the board after `untuk`/`for`/`buat` (what the chalk is for): the
/// sticks, whoever the maker (review28e N1, N3, review29c P6). [`CHALK_HOLDER`] for what holds
/// them, named first (`Tempat Kapur`, `Kotak Kapur`, `Chalk Holder`).
pub(super) fn chalk(toks: &[Tok], bits: u32, board: bool) -> u32 {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    let Some(at) = toks.iter().position(|t| matches!(t.text.as_str(), "kapur" | "chalk")) else { return 0 };
    if bits & (MARKER | ERASER) != 0 {
        return 0;
    }
    let holder = (at == 1 && matches!(word(0), "tempat" | "kotak" | "wadah"))
        || (at == 0 && matches!(word(1), "holder" | "tempat"));
    let first = at == 0 && word(1) != "board";
    let boards = (0..toks.len()).find(|&i| board_word(toks, i));
    let for_board = boards.is_some_and(|b| (at..b).any(|i| matches!(word(i), "untuk" | "for" | "buat")));
    match () {
        _ if holder => CHALK_HOLDER,
        _ if !board || first || for_board => CHALK,
        _ => 0,
    }
}

/// [`MARKER_HOLDER`] for what holds markers (`Tempat Spidol`, `Marker Holder`, `Rak Spidol`): a
/// title about markers naming a holder, which is already never a marker (`OTHER_WORDS`).
pub(super) fn marker_holder(toks: &[Tok], bits: u32) -> u32 {
    let holder = toks.iter().any(|t| matches!(t.text.as_str(), "tempat" | "holder" | "wadah" | "rak"));
    if holder && bits & MARKER != 0 { MARKER_HOLDER } else { 0 }
}

/// `bits` with what an eraser word means beside a pencil: [`PENCIL_SOLD`] for a pencil named
/// before any eraser word and not right before one (`Pensil 2B + Penghapus`; `Pencil Eraser` is
/// the eraser), whose eraser is then a gift; else [`PENCIL`] for an eraser of pencils (`Karet`
/// is its rubber) (review28e N5).
pub(super) fn pencils(toks: &[Tok], bits: u32) -> u32 {
    let position = |words: &[&str]| toks.iter().position(|t| words.contains(&t.text.as_str()));
    let pencil = position(&["pensil", "pencil"]);
    let eraser = position(&["penghapus", "eraser", "hapusan", "hapus"]);
    let sold = pencil.is_some_and(|p| eraser.is_none_or(|e| p + 1 < e)) && bits & MARKER == 0;
    let rubber = position(&["karet", "rubber"]).is_some() || pencil.is_some();
    if sold {
        (bits & !(ERASER | PENCIL)) | PENCIL_SOLD
    } else if bits & ERASER != 0 && rubber {
        bits | PENCIL
    } else {
        bits
    }
}

/// What a board-word title shows of a board: its size, else its naming words, its colour and a
/// model code (`Wulan Whiteboard BG-12` is a marker's: review28c K2).
pub(super) fn board_bits(toks: &[Tok], sized: bool) -> u32 {
    let bit = |yes: bool, bit: u32| if yes { bit } else { 0 };
    let code = |t: &Tok| {
        let digits = t.text.chars().filter(char::is_ascii_digit).count();
        t.class == Class::Code && digits >= 2 && t.text.chars().any(|c| c.is_ascii_alphabetic())
    };
    if sized {
        return SIZED;
    }
    bit(named(toks), NAMED) | bit(coloured(toks), COLOURED) | bit(toks.iter().any(code), CODED)
}
