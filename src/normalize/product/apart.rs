//! What a title says about markers and their boards that keeps it apart from another title,
//! whatever else the two share (review25b F4, review26b F9, review26e E2, E5, E6, E9).
//!
//! Four attempts at marker kinds (a class each title is sorted into) each merged products in a
//! new place, because a title that fell into the wrong class met that class's products. These
//! are splits instead: two titles that say incompatible things never group, and nothing here
//! ever brings two titles together, so a misreading costs a match, never makes one.
//!
//! - The marker's type: `permanent` against `whiteboard`/`white board`/`board marker`/`papan
//!   tulis` and against a negated permanent (`Non Permanent`, `Tidak Permanen`, `Bukan Spidol
//!   Permanent`); `OHP` (also `OHP-F`, `OHPM`) against whiteboard and against a permanent marker
//!   that does not say OHP (`OHP Permanent` pens meet only each other). A title naming a marker
//!   (`spidol`, `marker`) and no type is taken for the usual whiteboard marker only as far as
//!   splits go: it is kept apart from permanent and OHP ones. Two titles stating the same types
//!   never split on them (`… untuk Whiteboard dan OHP` meets its twin, nothing else).
//! - What is sold: an eraser, refill ink, the board itself, or another product of a marker maker
//!   (glue, tape, a stamp pad, a label, a drawing or correction pen, a highlighter, a paint marker,
//!   a holder, a set of colours (`Warna isi 12`), a bag, OHP film, chalk, a cleaner) is kept apart
//!   from a title without it when that title is about markers (a type or `spidol`/`marker`).
//!   Ink is what is sold when the title starts with it, states a volume, names no marker, puts
//!   `refill`/`ink` right after `marker`, or pairs two ink words (`Refill Tinta`); `Spidol …
//!   Permanen Tinta Tahan Air`, `… Bisa Refill` are markers; `Spidol … Refill` may be either and
//!   groups only with its like (a denied product word, `Tanpa Penghapus`, `Non Refill`, is not
//!   that product). The board is a title saying whiteboard or papan and none of marker, eraser,
//!   ink or another product; what follows a bonus word (`+`, `Gratis`, `Free`, `dengan`) is what
//!   comes with a board that states its size or comes with an eraser or markers.
//! - Boards: a chalkboard (`Black Board`, `Papan (Tulis) Kapur/Hitam`, outside a marker's title)
//!   never meets a whiteboard or an untyped marker; a two-sided board (`Hitam Putih`) is a type of
//!   its own; a board stating its size (sides of 20 cm or more) never meets a board-word title
//!   stating none, which may be a marker written without `spidol`.

use super::lex::Tok;

/// What a title says, as bits; see the module's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Says(u16);

const PERMANENT: u16 = 1;
const NOT_PERMANENT: u16 = 1 << 1;
const WHITEBOARD: u16 = 1 << 2;
const OHP: u16 = 1 << 3;
/// `spidol`, `marker`: what makes a title one about markers.
const MARKER: u16 = 1 << 4;
const ERASER: u16 = 1 << 5;
const INK: u16 = 1 << 6;
const BOARD: u16 = 1 << 7;
const OTHER: u16 = 1 << 8;
/// `refill`/`isi ulang` in a marker's title, neither clearly the ink nor clearly the marker.
const REFILL: u16 = 1 << 9;
/// A chalkboard (`Black Board`, `Papan Tulis Kapur`): never a whiteboard (review27 G5).
const BLACKBOARD: u16 = 1 << 10;
/// A board read with its size (`60 x 90 cm`): a board-word title stating none may be a marker
/// written without `spidol` (`Snowman Whiteboard Biru`), so the two never meet (review27 G11).
const SIZED: u16 = 1 << 11;

/// The marker's types.
const TYPES: u16 = PERMANENT | NOT_PERMANENT | WHITEBOARD | OHP | BLACKBOARD;
/// A marker named with no type: split from permanent and OHP markers only.
const UNTYPED: u16 = 1 << 15;
/// Types that never meet, either way round.
const NEVER: &[(u16, u16)] = &[
    (PERMANENT, WHITEBOARD),
    (PERMANENT, NOT_PERMANENT),
    (OHP, WHITEBOARD),
    (OHP, PERMANENT),
    // An OHP pen is non-permanent too, but a marker that says only that is not one (review27 G2).
    (OHP, NOT_PERMANENT),
    (BLACKBOARD, WHITEBOARD),
    // `Spidol Kapur` is a liquid-chalk marker, not the chalkboard (review27c H2).
    (BLACKBOARD, UNTYPED),
    (PERMANENT, UNTYPED),
    (OHP, UNTYPED),
];
/// What is sold other than a marker.
const PRODUCTS: &[(u16, &str, &str)] = &[
    (ERASER, "eraser", "no eraser"),
    (INK, "ink", "no ink"),
    (REFILL, "refill or refillable", "no refill"),
    (BOARD, "board", "no board"),
    (OTHER, "other product", "marker"),
];
/// What makes a title one about markers, for the products to be kept apart from.
const CONTEXT: u16 = TYPES | MARKER;

/// Words of another product a marker maker sells (`Lem`, `Double Tape`, `Stamp Pad`).
#[rustfmt::skip]
const OTHER_WORDS: &[&str] = &[
    "lem", "glue", "tape", "selotip", "isolasi", "lakban", "stamp", "stempel", "bantalan", "label", "tas", "drawing",
    "kapur", "cleaner", "pembersih", "correction", "koreksi", "tipex", "tippex", "highlighter", "paint", "holder",
    "tempat", "transparansi", "warna",
];

/// Words after which a title says what comes with the product (`Whiteboard 60 x 90 + Penghapus`,
/// `Gratis Penghapus dan Spidol`), not what it is.
const BONUS: &[&str] = &["+", "gratis", "free", "bonus", "plus", "dengan", "with", "termasuk", "include", "includes"];

impl Says {
    /// What `toks` (a title's tokens, in order) say. A board read before a bonus word is a board
    /// whatever comes with it (review27 G4: such boards were read as erasers, and met them).
    pub(super) fn read(toks: &[Tok]) -> Self {
        // Only a board stating its size, or one sold with an eraser or markers: a marker written
        // without `spidol` reads as a board word too, and `+ Refill` after it is part of what it
        // sells (review27c H6, review27d I3).
        if let Some(cut) = toks.iter().position(|t| BONUS.contains(&t.text.as_str())) {
            let extras = toks[cut + 1..]
                .iter()
                .any(|t| matches!(t.text.as_str(), "penghapus" | "eraser" | "spidol" | "marker" | "markers"));
            let (head, sized) = (Self::scan(&toks[..cut]), sized(toks));
            if head.0 & BOARD != 0 && (sized || extras) {
                return Self(head.0 | if sized { SIZED } else { 0 });
            }
        }
        Self::scan(toks)
    }

    fn scan(toks: &[Tok]) -> Self {
        let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
        let mut bits = 0;
        let mut board_word = false;
        for i in 0..toks.len() {
            bits |= match word(i) {
                "permanent" | "permanen" | "permanant" | "permanet" | "parmanent" if negated(toks, i) => NOT_PERMANENT,
                "permanent" | "permanen" | "permanant" | "permanet" | "parmanent" => PERMANENT,
                "nonpermanent" | "nonpermanen" => NOT_PERMANENT,
                "whiteboard" => WHITEBOARD,
                "white" if word(i + 1) == "board" => WHITEBOARD,
                _ if chalkboard(toks, i) => BLACKBOARD,
                // Both faces: its own type, apart from either one-sided board (review27f J1).
                _ if two_sided(toks, i) => BLACKBOARD | WHITEBOARD,
                "papan" if word(i + 1) == "tulis" => WHITEBOARD,
                "board" if word(i + 1) == "marker" => WHITEBOARD,
                // `Marker Board` is the English name of a whiteboard, not a marker (review27 G12).
                "marker" if word(i + 1) == "board" => 0,
                "spidol" | "marker" | "markers" => MARKER,
                "penghapus" | "eraser" if denied(toks, i) => 0,
                "penghapus" | "eraser" => ERASER,
                w if is_ohp(w) => OHP,
                w if OTHER_WORDS.contains(&w) => OTHER,
                _ => 0,
            };
            board_word |= matches!(word(i), "whiteboard" | "papan" | "markerboard")
                || (matches!(word(i), "white" | "marker") && word(i + 1) == "board")
                || chalkboard(toks, i);
        }
        let ink = (0..toks.len()).fold(0, |ink, i| ink | ink_at(toks, i, bits & MARKER != 0));
        bits |= if ink & INK != 0 { INK } else { ink };
        if board_word && bits & (MARKER | ERASER | INK | REFILL | OTHER) == 0 {
            bits |= BOARD | if sized(toks) { SIZED } else { 0 };
        }
        Self(bits)
    }

    /// What keeps two titles apart, as (what, one side, other side); `None` when nothing does.
    pub(super) fn apart(self, other: Self) -> Option<(String, Vec<&'static str>, Vec<&'static str>)> {
        let (a, b) = (self.types(), other.types());
        let never =
            |x: u16, y: u16| NEVER.iter().any(|&(p, q)| (x & p != 0 && y & q != 0) || (x & q != 0 && y & p != 0));
        if a != b && never(a, b) {
            return Some(("marker".to_string(), type_names(a), type_names(b)));
        }
        let board = |s: Self| s.0 & BOARD != 0;
        if board(self) && board(other) && (self.0 ^ other.0) & SIZED != 0 {
            let shown = |s: Self| vec![if s.0 & SIZED != 0 { "board with its size" } else { "no size" }];
            return Some(("product".to_string(), shown(self), shown(other)));
        }
        PRODUCTS.iter().find_map(|&(product, name, not)| {
            let (x, y) = (self.0 & product != 0, other.0 & product != 0);
            let without = if x { other.0 } else { self.0 };
            let shown = |has: bool| vec![if has { name } else { not }];
            (x != y && without & CONTEXT != 0).then(|| ("product".to_string(), shown(x), shown(y)))
        })
    }

    /// Whether the title states a permanent or OHP marker and not a whiteboard one, or sells
    /// something else than a marker (`Tas Spidol`, `Tinta Spidol`).
    pub(super) fn other_than_whiteboard(self) -> bool {
        let typed = self.0 & (PERMANENT | OHP) != 0 && self.0 & WHITEBOARD == 0;
        typed || self.0 & (ERASER | INK | REFILL | OTHER) != 0
    }

    /// The types stated, or [`UNTYPED`] for a marker named without one.
    fn types(self) -> u16 {
        match self.0 & TYPES {
            0 if self.0 & MARKER != 0 => UNTYPED,
            types => types,
        }
    }
}

fn type_names(types: u16) -> Vec<&'static str> {
    let names = [
        (PERMANENT, "permanent"),
        (NOT_PERMANENT, "non-permanent"),
        (WHITEBOARD, "whiteboard"),
        (OHP, "ohp"),
        (BLACKBOARD, "blackboard"),
        (UNTYPED, "untyped"),
    ];
    names.iter().filter(|(bit, _)| types & bit != 0).map(|(_, name)| *name).collect()
}

/// `Non Permanent`, `Tidak Permanen`, `Bukan Spidol Permanent`: a negation before the word,
/// with at most a `spidol`/`marker` between.
fn negated(toks: &[Tok], at: usize) -> bool {
    let before = |back: usize| at.checked_sub(back).map(|i| toks[i].text.as_str());
    let negation = |w: Option<&str>| matches!(w, Some("non" | "tidak" | "tdk" | "bukan" | "bkn" | "not"));
    negation(before(1)) || (matches!(before(1), Some("spidol" | "marker")) && negation(before(2)))
}

/// `60 x 90 cm`, `60x90`: two numbers joined by `x`.
fn sized(toks: &[Tok]) -> bool {
    // A board's side is 20 cm or more; `3 x 20 ml` counts bottles (review27d I2).
    let side = |text: &str| {
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<u32>().is_ok_and(|n| n >= 20)
    };
    let measure = |at: usize| {
        !toks.get(at).is_some_and(|t| matches!(t.text.as_str(), "ml" | "cc" | "gr" | "g" | "liter" | "ltr"))
    };
    let joined = |(i, t): (usize, &Tok)| {
        t.text.split_once('x').is_some_and(|(a, b)| !a.is_empty() && side(a) && side(b) && !b.ends_with("ml"))
            && measure(i + 1)
    };
    toks.iter().enumerate().any(joined)
        || toks
            .windows(3)
            .enumerate()
            .any(|(i, w)| side(&w[0].text) && w[1].text == "x" && side(&w[2].text) && measure(i + 3))
}

/// `Tanpa Penghapus`, `Non Refill`, `Tidak Perlu Refill`: the product word at `at` is denied,
/// and names what the listing is not (review27 G3). `Gratis`/`Free` (included) is no denial.
fn denied(toks: &[Tok], at: usize) -> bool {
    let before = |back: usize| at.checked_sub(back).map_or("", |i| toks[i].text.as_str());
    let negation = |w: &str| matches!(w, "non" | "tanpa" | "tidak" | "tdk" | "bukan" | "bkn" | "no" | "without");
    negation(before(1))
        || (matches!(before(1), "perlu" | "pakai" | "usah" | "ada" | "termasuk" | "include") && negation(before(2)))
}

/// A chalkboard word at `at`: `blackboard`, `Black Board`, `Chalk Board`, `Green Board`,
/// `Papan Kapur`, `Papan (Tulis) Hitam`.
fn chalkboard(toks: &[Tok], at: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    match word(at) {
        "blackboard" | "chalkboard" | "greenboard" => true,
        "black" | "chalk" | "green" => word(at + 1) == "board",
        // `Spidol Papan Tulis Hitam` is a black whiteboard marker (review27d I1); `Papan Tulis
        // Hitam Putih` is a two-sided board (I4).
        "papan" if !about_markers(toks) => matches!(word(face(toks, at)), "kapur" | "hitam") && !two_sided(toks, at),
        _ => false,
    }
}

/// `Papan Tulis Hitam Putih`, `Papan Tulis Putih Hitam`: a board with a black and a white face.
fn two_sided(toks: &[Tok], at: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    let face = face(toks, at);
    word(at) == "papan"
        && !about_markers(toks)
        && matches!((word(face), word(face + 1)), ("hitam", "putih" | "white") | ("putih", "hitam"))
}

/// Where the word after `Papan (Tulis)` at `at` is.
fn face(toks: &[Tok], at: usize) -> usize {
    at + if toks.get(at + 1).is_some_and(|t| t.text == "tulis") { 2 } else { 1 }
}

/// Whether the title names a marker (`spidol`, `marker`, but not the `Marker Board`).
pub(super) fn about_markers(toks: &[Tok]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        matches!(t.text.as_str(), "spidol" | "markers")
            || (t.text == "marker" && toks.get(i + 1).is_none_or(|n| n.text != "board"))
    })
}

/// `OHP`, and an OHP pen's tip written onto it (`OHP-F` is read `ohpf`).
fn is_ohp(word: &str) -> bool {
    word.strip_prefix("ohp").is_some_and(|tip| matches!(tip, "" | "s" | "f" | "m" | "ef" | "b"))
}

/// What the ink word at `at` (if any) says is sold: [`INK`] when first in the title, with a
/// volume, in a title naming no marker, `refill`/`ink` right after `marker`/`spidol`, or two ink
/// words together (`Refill Tinta`); else [`REFILL`] for `refill`/`isi ulang` elsewhere in a
/// marker's title (`Spidol … Refill` may be the marker or its refill), and nothing for `tinta`/`ink`
/// there (`Tinta Tahan Air` is the marker's) or after `bisa` (`Bisa Refill`: a refillable marker).
fn ink_at(toks: &[Tok], at: usize, marker: bool) -> u16 {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    let ink = |i: usize| match word(i) {
        "tinta" | "ink" | "refill" | "refil" | "reffil" => true,
        "isi" => word(i + 1) == "ulang",
        _ => false,
    };
    // `Tinta Tahan Air`, `Tinta Cepat Kering`: what a marker's ink does (review27 G8).
    // A bottle states its volume (review27c H7).
    let volume = toks.iter().any(|t| matches!(t.text.as_str(), "ml" | "cc" | "liter" | "ltr"));
    let property = !volume
        && matches!(word(at), "tinta" | "ink")
        && matches!(word(at + 1), "tahan" | "cepat" | "anti" | "waterproof");
    if !ink(at) || (at > 0 && matches!(word(at - 1), "bisa" | "dapat" | "dpt" | "can")) || denied(toks, at) || property
    {
        return 0;
    }
    let after_marker = at > 0 && matches!(word(at - 1), "marker" | "spidol") && word(at) != "tinta";
    let paired = ink(at + 1) || (at > 0 && ink(at - 1));
    match word(at) {
        _ if at == 0 || volume || !marker || after_marker || paired => INK,
        "tinta" | "ink" => 0,
        _ => REFILL,
    }
}
