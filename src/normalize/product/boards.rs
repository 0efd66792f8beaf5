//! What a title says of a board: its size however written, the words that name a board, its
//! faces and kinds (review27 G5, G11, review27c H5). Splits in [`super::apart`] use these.

use super::lex::{Class, Tok};
use super::tables::{self, Dimension};

/// Words of a board's title no marker's title has: its size in words, what holds or frames it.
#[rustfmt::skip]
const BOARD_WORDS: &[&str] = &[
    "papan", "kecil", "sedang", "besar", "jumbo", "mini", "ukuran", "uk", "size", "kaki", "stand", "standing",
    "gantung", "dinding", "magnet", "magnetic", "magnetik", "kaca", "glass", "bingkai", "frame", "aluminium",
    "alumunium", "lipat",
];

/// A chalkboard word at `at`: `blackboard`, `Black Board`, `Chalk Board`, `Green Board`,
/// `Papan Kapur`, `Papan (Tulis) Hitam`.
pub(super) fn chalkboard(toks: &[Tok], at: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    match word(at) {
        "blackboard" | "chalkboard" | "greenboard" => true,
        // `Black Board Marker` is a black board marker, a whiteboard's (review27c H10).
        "black" => word(at + 1) == "board" && word(at + 2) != "marker",
        "chalk" | "green" => word(at + 1) == "board",
        // `Spidol Papan Tulis Hitam` is a black whiteboard marker (review27d I1); `Papan Tulis
        // Hitam Putih` is a two-sided board (I4).
        // `Papan Tulis Hijau` is the green chalkboard (brief 28: it met the whiteboards).
        "papan" if !about_markers(toks) => {
            matches!(word(face(toks, at)), "kapur" | "hitam" | "hijau" | "green") && !two_sided(toks, at)
        }
        _ => false,
    }
}

/// `Papan Tulis Hitam Putih`, `Papan Tulis Putih Hitam`: a board with a black and a white face.
pub(super) fn two_sided(toks: &[Tok], at: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    let face = face(toks, at);
    word(at) == "papan"
        && !about_markers(toks)
        && matches!((word(face), word(face + 1)), ("hitam", "putih" | "white") | ("putih", "hitam"))
}

/// A word naming a board at `at`: `whiteboard`, `papan`, `markerboard`, `White/Marker/Glass/
/// Dry Erase Board`, a chalkboard, a flip chart (`Flipchart`, `Flip Chart`).
pub(super) fn board_word(toks: &[Tok], at: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    matches!(word(at), "whiteboard" | "papan" | "markerboard" | "corkboard" | "mading" | "glassboard" | "flipchart")
        || (word(at) == "flip" && word(at + 1) == "chart")
        || (matches!(word(at), "white" | "marker" | "cork" | "glass" | "kaca" | "erase") && word(at + 1) == "board")
        || chalkboard(toks, at)
}

/// Whether the title names a board at all (`Papan Gabus`, `Cork Board`), where `gabus` is cork,
/// not the styrofoam.
pub(super) fn board_named(toks: &[Tok]) -> bool {
    toks.iter().any(|t| matches!(t.text.as_str(), "papan" | "board" | "corkboard" | "mading"))
}

/// Whether a word of the title names a board and no marker (`Kecil`, `Ukuran`, `Papan`).
pub(super) fn named(toks: &[Tok]) -> bool {
    toks.iter().any(|t| BOARD_WORDS.contains(&t.text.as_str()))
}

/// Whether the title states a colour other than white that is not a board's face
/// (`Black Board`, `Papan Tulis Hitam`, `Hitam Putih`).
pub(super) fn coloured(toks: &[Tok]) -> bool {
    let word = |i: Option<usize>| i.and_then(|i| toks.get(i)).map_or("", |t| t.text.as_str());
    let face = |i: usize| {
        let papan = |back: usize| word(i.checked_sub(back)) == "papan";
        papan(1) || (papan(2) && word(i.checked_sub(1)) == "tulis")
    };
    let ink = |i: usize| {
        let colour = tables::colour(word(Some(i)));
        let after_face = i.checked_sub(1).is_some_and(|j| face(j) && tables::colour(word(Some(j))).is_some());
        colour.is_some_and(|c| c != "putih") && word(Some(i + 1)) != "board" && !face(i) && !after_face
    };
    (0..toks.len()).any(ink)
}

/// Where the word after `Papan (Tulis)` at `at` is.
fn face(toks: &[Tok], at: usize) -> usize {
    at + if toks.get(at + 1).is_some_and(|t| t.text == "tulis") { 2 } else { 1 }
}

/// `60 x 90 cm`, `60x90`, `60 cm x 90 cm`, `60×90` (read `60 x 90`), `600 x 900 mm`, `1,2 x 2,4 m`:
/// two sides of 20 cm or more; `3 x 20 ml` counts bottles (review27d I2), `15 x 5 cm` is an eraser.
pub(super) fn sized(toks: &[Tok]) -> bool {
    sides(toks).windows(3).any(|w| match *w {
        [Side::Length(a, unit_a), Side::Times, Side::Length(b, unit_b)] => {
            // A unit written once is both sides' (`60 x 90 cm`).
            let board = |n: f64, unit: Option<f64>| n * unit.or(unit_a).or(unit_b).unwrap_or(1.0) >= 20.0;
            board(a, unit_a) && board(b, unit_b)
        }
        _ => false,
    })
}

/// A piece of a size: a number with its length unit (centimetres per unit), if any, or `x`.
#[derive(Clone, Copy)]
enum Side {
    Length(f64, Option<f64>),
    Times,
    Other,
}

/// The title's numbers with their length units and its `x`s, whether written apart (`60 cm x 90`)
/// or in one code (`60x90cm`, `60cmx90cm`).
fn sides(toks: &[Tok]) -> Vec<Side> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < toks.len() {
        let (text, next) = (toks[at].text.as_str(), toks.get(at + 1).map_or("", |t| t.text.as_str()));
        match toks[at].class {
            Class::Num => {
                let unit = tables::unit(next).is_some();
                out.push(side(text, if unit { next } else { "" }));
                at += usize::from(unit);
            }
            Class::Code if text.contains('x') => {
                for (i, piece) in text.split('x').enumerate() {
                    out.extend((i > 0).then_some(Side::Times));
                    let digits = piece.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(piece.len());
                    out.push(side(&piece[..digits], &piece[digits..]));
                }
            }
            _ => out.push(if text == "x" { Side::Times } else { Side::Other }),
        }
        at += 1;
    }
    out
}

/// A number with the unit written after it: a length, or [`Side::Other`] for another measure.
fn side(number: &str, unit: &str) -> Side {
    let per_cm = match tables::unit(unit) {
        Some(("mm", Dimension::Length)) => Some(0.1),
        Some(("m", Dimension::Length)) => Some(100.0),
        Some((_, Dimension::Length)) => Some(1.0),
        Some(_) => return Side::Other,
        None => None,
    };
    number.parse().map_or(Side::Other, |n| Side::Length(n, per_cm))
}

/// Whether the title names a marker (`spidol`, `marker`, but not the `Marker Board`).
pub(super) fn about_markers(toks: &[Tok]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        matches!(t.text.as_str(), "spidol" | "markers")
            || (t.text == "marker" && toks.get(i + 1).is_none_or(|n| n.text != "board"))
    })
}
