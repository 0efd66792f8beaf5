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
//! - What is sold: an eraser (`Penghapus`, `Hapusan`), refill ink, the board itself, or another
//!   product of a marker maker (glue, tape, a stamp pad, a label, a drawing or correction pen, a
//!   highlighter, a paint marker, a holder, a set of colours (`Warna isi 12`), a bag, OHP film,
//!   chalk, a cleaner, a whiteboard sticker) is kept apart from a title without it when that
//!   title is about markers (a type or `spidol`/`marker`).
//!   Ink is what is sold when the title starts with it, states a volume, names no marker, puts
//!   `refill`/`ink` right after `marker`, or pairs two ink words (`Refill Tinta`); `Spidol …
//!   Permanen Tinta Tahan Air`, `… Bisa Refill` are markers; `Spidol … Refill` may be either and
//!   groups only with its like (a denied product word, `Tanpa Penghapus`, `Non Refill`, is not
//!   that product). The board is a title saying whiteboard or papan and none of marker, eraser,
//!   ink or another product; what follows a bonus word (`+`, `Gratis`, `Free`, `dengan`) is what
//!   comes with a board that states its size or comes with an eraser or markers; a gift named
//!   first (`Free Spidol Whiteboard … 60 x 90 cm`) comes with the board after it when that states
//!   its size, and the key reads that board alone.
//! - Boards: a chalkboard (`Black Board`, `Green Board`, `Papan (Tulis) Kapur/Hitam/Hijau`,
//!   outside a marker's title) never meets a whiteboard (a glass board, `Glass Board`, `Papan
//!   Kaca`, is one; so is a `Dry Erase Board`) or an untyped marker; a cork or notice board
//!   (`Papan Gabus`, `Papan Pengumuman`) never meets a whiteboard or a chalkboard; a flip chart
//!   (`Flip Chart`, `Flipchart`, whatever its face) never meets any of them; a two-sided board
//!   (`Hitam Putih`) is a type of its own. An eraser for pencils (`Penghapus Karet`, `Eraser
//!   Pensil`) never meets a whiteboard's or an untyped marker, and no eraser meets a pencil
//!   (`Pensil 2B`, `Pensil 2B + Penghapus`: named before the eraser word) (review28e N5). Chalk
//!   sticks (`Kapur Tulis`, `Kapur Snowman Putih`: `kapur` or `chalk` in a title naming no
//!   marker or eraser, and no board unless it starts with the chalk or names the board after
//!   `untuk`/`for`/`buat`: `Chalk … for Blackboard`) never meet a board, a marker, a typed eraser
//!   or what holds them (`Tempat Kapur`, `Kotak Kapur`), whoever the maker; `Liquid Chalk` and
//!   `Kapur Cair` are chalk markers (review28e N1, N3, review29c P6).
//! - Facets (brief 28): of two boards, one written on both faces (`2 Sisi`, `Dua Muka`, `Bolak
//!   Balik`, `Double Side`, `2 Face`) never meets one that does not say so, a glass board never a
//!   plain one, one on a stand (`Kaki`, `Standing`, `Stand Roda`, also after `+`/`with`) or a
//!   magnetic one (not `Non Magnetic`) never one that does not say so, a green chalkboard never a
//!   black one, coloured (`Warna`) or dustless (`Anti Debu`) chalk never the plain (review29c
//!   P8); of two titles about markers, a set of colours (`4 Colors`, `Set 4 Warna`) never a
//!   single marker; of two marker holders, a magnetic one never a plain one (review30b Q3).
//! - A board's size (two sides of 20 cm or more: `60 x 90`, `60 cm x 90 cm`, `60×90`, `60*90`,
//!   `1,2 x 2,4 m`) never meets a title about markers or boards stating none. Of board-word
//!   titles stating no size, those with a word only a board's title has (`Kecil`, `Ukuran`,
//!   `Papan`, `Kaki`) and those with a colour other than white (a marker's: `Surya Whiteboard
//!   Hitam`) or a model code (`Wulan Whiteboard BG-12`, review28c K2) each meet only their like:
//!   a marker written without `spidol` looks like a board, and nothing else tells the two apart
//!   (review27c H5).

mod bits;
mod facets;

use super::boards::{board_named, board_word, chalkboard, sized, two_sided};
use super::lex::{Class, Tok};
use bits::*;
use facets::{board_bits, chalk, facets, marker_holder, pencils, stand};

/// What a title says, as bits; see the module's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Says(u32);

impl Says {
    /// What `toks` (a title's tokens, in order) say. A board read before a bonus word is a board
    /// whatever comes with it (review27 G4: such boards were read as erasers, and met them).
    pub(super) fn read(toks: &[Tok]) -> Self {
        let sized = sized(toks);
        let Self(bits) = Self::gift_first(toks, sized)
            .or_else(|| Self::before_bonus(toks, sized))
            .unwrap_or_else(|| Self::scan(toks, sized));
        Self(bits | stand(toks, bits))
    }

    /// The board read before the bonus word: only a board stating its size, or one sold with an
    /// eraser or markers; a marker written without `spidol` reads as a board word too, and
    /// `+ Refill` after it is part of what it sells (review27c H6, review27d I3).
    fn before_bonus(toks: &[Tok], sized: bool) -> Option<Self> {
        let cut = toks.iter().position(|t| BONUS.contains(&t.text.as_str()))?;
        let extras = toks[cut + 1..].iter().any(|t| EXTRAS.contains(&t.text.as_str()));
        let head = Self::scan(&toks[..cut], sized);
        (head.0 & BOARD != 0 && (sized || extras)).then_some(head)
    }

    /// The board named after its gift (see [`gift`]).
    fn gift_first(toks: &[Tok], sized: bool) -> Option<Self> {
        let at = gift(toks);
        (at > 0).then(|| Self::scan(&toks[at..], sized))
    }

    fn scan(toks: &[Tok], sized: bool) -> Self {
        let word = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
        let mut bits = 0;
        for i in 0..toks.len() {
            bits |= match word(i) {
                "permanent" | "permanen" | "permanant" | "permanet" | "parmanent" if negated(toks, i) => NOT_PERMANENT,
                "permanent" | "permanen" | "permanant" | "permanet" | "parmanent" => PERMANENT,
                "nonpermanent" | "nonpermanen" => NOT_PERMANENT,
                "whiteboard" => WHITEBOARD,
                "white" if word(i + 1) == "board" => WHITEBOARD,
                // `Dry Erase Board` is the whiteboard's English name (brief 28).
                "erase" if word(i + 1) == "board" => WHITEBOARD,
                _ if chalkboard(toks, i) => BLACKBOARD,
                // Both faces: its own type, apart from either one-sided board (review27f J1).
                _ if two_sided(toks, i) => BLACKBOARD | WHITEBOARD,
                "papan" if word(i + 1) == "tulis" => WHITEBOARD,
                // A glass board is a whiteboard, never a Green Board (review27c H9).
                "glassboard" => WHITEBOARD,
                "papan" if word(i + 1) == "kaca" => WHITEBOARD,
                "glass" | "kaca" if word(i + 1) == "board" => WHITEBOARD,
                "board" if word(i + 1) == "marker" => WHITEBOARD,
                // `Marker Board` is the English name of a whiteboard, not a marker (review27 G12).
                "marker" if word(i + 1) == "board" => 0,
                "flipchart" => FLIPCHART,
                "flip" if word(i + 1) == "chart" => FLIPCHART,
                "spidol" | "marker" | "markers" => MARKER,
                // `Liquid Chalk`, `Kapur Cair`: a chalk marker, not the sticks (review29c P6).
                "liquid" if word(i + 1) == "chalk" => MARKER | OTHER,
                "kapur" if word(i + 1) == "cair" => MARKER | OTHER,
                // `Mudah Hapus`, `Tidak Bisa Hapus`: what the ink or the board does (review28c K4).
                "hapus" if matches!(i.checked_sub(1).map_or("", word), "mudah" | "bisa" | "dapat" | "dpt") => 0,
                "penghapus" | "eraser" | "hapusan" | "hapus" if denied(toks, i) => 0,
                "penghapus" | "eraser" | "hapusan" | "hapus" => ERASER,
                "gabus" | "cork" | "corkboard" | "pengumuman" | "mading" if board_named(toks) => CORKBOARD,
                w if is_ohp(w) => OHP,
                w if OTHER_WORDS.contains(&w) => OTHER,
                _ => 0,
            };
        }
        bits = pencils(toks, bits);
        bits |= facets(toks) | marker_holder(toks, bits);
        let ink = (0..toks.len()).fold(0, |ink, i| ink | ink_at(toks, i, bits & MARKER != 0));
        bits |= if ink & INK != 0 { INK } else { ink };
        let board = (0..toks.len()).any(|i| board_word(toks, i));
        let chalk = chalk(toks, bits, board);
        // Chalk naming the board it is for is the chalk, never that board (review29c P6).
        if chalk != 0 {
            bits = (bits & !(WHITEBOARD | BLACKBOARD | CORKBOARD | FLIPCHART)) | chalk;
        }
        if board && chalk == 0 && bits & (MARKER | ERASER | INK | REFILL | OTHER) == 0 {
            bits |= BOARD | board_bits(toks, sized);
        } else if sized && bits & (CONTEXT | ERASER) != 0 {
            bits |= SIZED;
        }
        Self(bits)
    }

    /// What keeps two titles apart, as (what, one side, other side); `None` when nothing does.
    pub(super) fn apart(self, other: Self) -> Option<(String, Vec<&'static str>, Vec<&'static str>)> {
        let (a, b) = (self.types(), other.types());
        let never =
            |x: u32, y: u32| NEVER.iter().any(|&(p, q)| (x & p != 0 && y & q != 0) || (x & q != 0 && y & p != 0));
        if a != b && never(a, b) {
            return Some(("marker".to_string(), type_names(a), type_names(b)));
        }
        if let Some(facet) = self.facet(other) {
            return Some(facet);
        }
        // A size against none on a title about markers or boards; an unsized board's words.
        let sized = |s: Self| s.0 & SIZED != 0;
        let bare = if sized(self) { other } else { self };
        let one_sized = sized(self) != sized(other) && bare.0 & (CONTEXT | ERASER | BOARD) != 0;
        if one_sized || (self.0 & other.0 & BOARD != 0 && self.shown() != other.shown()) {
            return Some(("product".to_string(), self.shown_names(), other.shown_names()));
        }
        PRODUCTS.iter().find_map(|&(product, context, name, not)| {
            let (x, y) = (self.0 & product != 0, other.0 & product != 0);
            let without = if x { other.0 } else { self.0 };
            let shown = |has: bool| vec![if has { name } else { not }];
            (x != y && without & context != 0).then(|| ("product".to_string(), shown(x), shown(y)))
        })
    }

    /// A facet (see [`FACETS`]) one title states and the other does not, both titles being of
    /// what the facet is said of (a board whatever comes with it, a marker).
    fn facet(self, other: Self) -> Option<(String, Vec<&'static str>, Vec<&'static str>)> {
        let differs = |&&(bit, among, _, _): &&Facet| {
            (self.0 ^ other.0) & bit != 0 && self.0 & among != 0 && other.0 & among != 0
        };
        let &(bit, _, name, not) = FACETS.iter().find(differs)?;
        let shown = |s: Self| vec![if s.0 & bit != 0 { name } else { not }];
        Some(("facet".to_string(), shown(self), shown(other)))
    }

    /// What a title shows of a board: its size, else a word naming a board, a colour, a model code.
    fn shown(self) -> u32 {
        if self.0 & SIZED != 0 { SIZED } else { self.0 & (NAMED | COLOURED | CODED) }
    }

    fn shown_names(self) -> Vec<&'static str> {
        let names =
            [(SIZED, "board with its size"), (NAMED, "named a board"), (COLOURED, "colour"), (CODED, "model code")];
        let shown: Vec<&str> = names.iter().filter(|(bit, _)| self.shown() & bit != 0).map(|(_, n)| *n).collect();
        if shown.is_empty() { vec!["no size"] } else { shown }
    }

    /// Whether the title states the whiteboard type (`Whiteboard`, `Papan Tulis`, `Board Marker`).
    pub(super) fn whiteboard_stated(self) -> bool {
        self.0 & WHITEBOARD != 0
    }

    /// What both titles state.
    pub(super) fn common(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }

    /// Whether the title states a permanent or OHP marker and not a whiteboard one, or sells
    /// something else than a marker (`Tas Spidol`, `Tinta Spidol`).
    pub(super) fn other_than_whiteboard(self) -> bool {
        let typed = self.0 & (PERMANENT | OHP) != 0 && self.0 & WHITEBOARD == 0;
        typed || self.0 & (ERASER | INK | REFILL | OTHER) != 0
    }

    /// The types stated, or [`UNTYPED`] for a marker named without one. An OHP pen saying "Non
    /// Permanent" says what every OHP pen is (review27c H11: it was split from those that do not);
    /// a whiteboard marker also for OHP keeps it (its wordings have not been seen to be one).
    fn types(self) -> u32 {
        match self.0 & TYPES {
            0 if self.0 & MARKER != 0 => UNTYPED,
            types if types & (OHP | WHITEBOARD) == OHP => types & !NOT_PERMANENT,
            // A flip chart's whiteboard is its face, not another board.
            types if types & FLIPCHART != 0 => types & !WHITEBOARD,
            types => types,
        }
    }
}

/// How many words at the start of `toks` name a board's gift (`Free Spidol`, `Gratis 2 Spidol dan
/// Penghapus`) before the board, a board stating its size; 0 when there is none (review27c H4:
/// read as the marker and the eraser, such boards met them). The size alone decides: `Gratis
/// Penghapus Whiteboard Magnet` may be the eraser.
pub(super) fn gift(toks: &[Tok]) -> usize {
    let gift = |t: &Tok| {
        t.class == Class::Num
            || EXTRAS.contains(&t.text.as_str())
            || matches!(t.text.as_str(), "dan" | "and" | "plus" | "pcs")
    };
    if !toks.first().is_some_and(|t| BONUS.contains(&t.text.as_str())) || !sized(toks) {
        return 0;
    }
    let at = 1 + toks[1..].iter().take_while(|t| gift(t)).count();
    let board = at > 1 && board_word(toks, at) && Says::scan(&toks[at..], true).0 & BOARD != 0;
    if board { at } else { 0 }
}

/// `Non Permanent`, `Tidak Permanen`, `Bukan Spidol Permanent`: a negation before the word,
/// with at most a `spidol`/`marker` between.
fn negated(toks: &[Tok], at: usize) -> bool {
    let before = |back: usize| at.checked_sub(back).map(|i| toks[i].text.as_str());
    let negation = |w: Option<&str>| matches!(w, Some("non" | "tidak" | "tdk" | "bukan" | "bkn" | "not"));
    negation(before(1)) || (matches!(before(1), Some("spidol" | "marker")) && negation(before(2)))
}

/// `Tanpa Penghapus`, `Non Refill`, `Tidak Perlu Refill`: the product word at `at` is denied,
/// and names what the listing is not (review27 G3). `Gratis`/`Free` (included) is no denial.
fn denied(toks: &[Tok], at: usize) -> bool {
    let before = |back: usize| at.checked_sub(back).map_or("", |i| toks[i].text.as_str());
    let negation = |w: &str| matches!(w, "non" | "tanpa" | "tidak" | "tdk" | "bukan" | "bkn" | "no" | "without");
    negation(before(1))
        || (matches!(before(1), "perlu" | "pakai" | "usah" | "ada" | "termasuk" | "include") && negation(before(2)))
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
fn ink_at(toks: &[Tok], at: usize, marker: bool) -> u32 {
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
