//! The bits a title's [`Says`](super::Says) holds and the tables of what never meets: the
//! vocabulary of `apart.rs`'s rules, apart from the reading.

pub(super) const PERMANENT: u32 = 1;
pub(super) const NOT_PERMANENT: u32 = 1 << 1;
pub(super) const WHITEBOARD: u32 = 1 << 2;
pub(super) const OHP: u32 = 1 << 3;
/// `spidol`, `marker`: what makes a title one about markers.
pub(super) const MARKER: u32 = 1 << 4;
pub(super) const ERASER: u32 = 1 << 5;
pub(super) const INK: u32 = 1 << 6;
pub(super) const BOARD: u32 = 1 << 7;
pub(super) const OTHER: u32 = 1 << 8;
/// `refill`/`isi ulang` in a marker's title, neither clearly the ink nor clearly the marker.
pub(super) const REFILL: u32 = 1 << 9;
/// A chalkboard (`Black Board`, `Papan Tulis Kapur`): never a whiteboard (review27 G5).
pub(super) const BLACKBOARD: u32 = 1 << 10;
/// A board read with its size (`60 x 90 cm`): a board-word title stating none may be a marker
/// written without `spidol` (`Snowman Whiteboard Biru`), so the two never meet (review27 G11).
/// On a title about markers or erasers too: a size there is a board's (review27c H4).
pub(super) const SIZED: u32 = 1 << 11;
/// A board stating no size, named one by a word no marker's title has (`Kecil`, `Ukuran`,
/// `Papan`): never with a board-word title without such a word (review27c H5).
pub(super) const NAMED: u32 = 1 << 12;
/// A board-word title stating no size with a colour other than the board's white, what a marker's
/// title states (`Surya Whiteboard Hitam`): never with one stating none (review27c H5).
pub(super) const COLOURED: u32 = 1 << 13;
/// A board-word title stating no size with a model code (`Wulan Whiteboard BG-12`), what a
/// marker's title states: never with one stating none (review28c K2).
pub(super) const CODED: u32 = 1 << 26;

/// A cork or notice board (`Papan Gabus`, `Papan Pengumuman`, `Cork Board`): no whiteboard
/// (review27c `kayu`: with their sizes read alike, the whiteboards met the cork boards).
pub(super) const CORKBOARD: u32 = 1 << 14;

/// An eraser for pencils (`Penghapus Karet`, `Eraser Pensil`): never a whiteboard's (brief 28).
pub(super) const PENCIL: u32 = 1 << 16;

/// A board written on both faces (`2 Sisi`, `Dua Muka`, `Bolak Balik`, `Double Side`): never
/// meets a board saying one face or none (brief 28).
pub(super) const DOUBLE: u32 = 1 << 17;
/// A glass board (`Kaca`, `Glass Board`, `Glassboard`): a whiteboard, never a plain one (brief 28).
pub(super) const GLASS: u32 = 1 << 18;
/// A set of colours (`4 Colors 1 set`, `Set 4 Warna`, `Isi 4 Warna`): never one marker (brief 28).
pub(super) const SET: u32 = 1 << 19;
/// A green chalkboard (`Green Board`, `Papan Tulis Hijau`): never a black one (brief 28).
pub(super) const GREEN: u32 = 1 << 21;
/// A board on legs or wheels (`Kaki`, `Standing`, `Stand Roda`): never a board without (review28e N2).
pub(super) const STAND: u32 = 1 << 22;
/// A magnetic board (`Magnetic`, `Magnet`, not `Non Magnetic`): never a plain one (review28e N2).
pub(super) const MAGNETIC: u32 = 1 << 23;
/// Chalk sticks (`Kapur Tulis …`): no board, no chalk marker, no eraser (review28e N1, N3).
pub(super) const CHALK: u32 = 1 << 24;
/// What holds chalk sticks (`Tempat Kapur`, `Kotak Kapur`): never the sticks (review29c P6).
pub(super) const CHALK_HOLDER: u32 = 1 << 27;
/// Coloured chalk (`Kapur Tulis Warna`, `Kapur Berwarna`): never the white (review29c P8).
pub(super) const COLOURED_CHALK: u32 = 1 << 28;
/// Dustless chalk (`Anti Debu`, `Dustless`): never the plain (review29c P8).
pub(super) const DUSTLESS: u32 = 1 << 29;
/// What holds markers (`Tempat Spidol`, `Marker Holder`): one that sticks to the board is
/// another product than one that stands on a desk (review30b Q3).
pub(super) const MARKER_HOLDER: u32 = 1 << 30;
/// A pencil (`Pensil 2B`, `Pensil 2B + Penghapus`): never an eraser (review28e N5).
pub(super) const PENCIL_SOLD: u32 = 1 << 25;
/// What two titles differ in that no type or size tells, as (bit, what both titles must be,
/// name, name without it): two boards (naming one or stating a board's size), two markers.
pub(super) type Facet = (u32, u32, &'static str, &'static str);
pub(super) const FACETS: &[Facet] = &[
    (DOUBLE, BOARD | SIZED, "double-sided", "single-sided"),
    (GLASS, BOARD | SIZED, "glass", "not glass"),
    (STAND, BOARD | SIZED, "on a stand", "no stand"),
    (MAGNETIC, BOARD | SIZED, "magnetic", "not magnetic"),
    (SET, CONTEXT, "set of colours", "one colour"),
    (GREEN, BLACKBOARD, "green chalkboard", "black chalkboard"),
    (COLOURED_CHALK, CHALK, "coloured chalk", "white chalk"),
    (DUSTLESS, CHALK, "dustless chalk", "plain chalk"),
    (MAGNETIC, MARKER_HOLDER, "magnetic", "not magnetic"),
];

/// A flip chart (`Flip Chart`, `Flipchart`): never a whiteboard, on a stand or not, though its
/// face may be one (`Flipchart Whiteboard`) (brief 28).
pub(super) const FLIPCHART: u32 = 1 << 20;

/// The marker's and the board's types, and the eraser's.
pub(super) const TYPES: u32 =
    PERMANENT | NOT_PERMANENT | WHITEBOARD | OHP | BLACKBOARD | CORKBOARD | PENCIL | FLIPCHART | CHALK | CHALK_HOLDER;
/// A marker named with no type: split from permanent and OHP markers only.
pub(super) const UNTYPED: u32 = 1 << 15;
/// Types that never meet, either way round.
pub(super) const NEVER: &[(u32, u32)] = &[
    (PERMANENT, WHITEBOARD),
    (PERMANENT, NOT_PERMANENT),
    (OHP, WHITEBOARD),
    (OHP, PERMANENT),
    // An OHP pen is non-permanent too, but a marker that says only that is not one (review27 G2).
    (OHP, NOT_PERMANENT),
    (BLACKBOARD, WHITEBOARD),
    // `Spidol Kapur` is a liquid-chalk marker, not the chalkboard (review27c H2).
    (BLACKBOARD, UNTYPED),
    (CORKBOARD, WHITEBOARD),
    (CORKBOARD, BLACKBOARD),
    (PERMANENT, UNTYPED),
    (OHP, UNTYPED),
    (PENCIL, WHITEBOARD),
    (PENCIL, BLACKBOARD),
    (PENCIL, UNTYPED),
    (FLIPCHART, WHITEBOARD),
    (FLIPCHART, BLACKBOARD),
    (FLIPCHART, CORKBOARD),
    (CHALK, (TYPES | UNTYPED) & !CHALK),
    (CHALK_HOLDER, (TYPES | UNTYPED) & !CHALK_HOLDER),
];
/// What is sold other than a marker, and what the title without it must say for the two to
/// split (a marker's or a board's words, for most).
pub(super) const PRODUCTS: &[(u32, u32, &str, &str)] = &[
    (ERASER, CONTEXT, "eraser", "no eraser"),
    (INK, CONTEXT, "ink", "no ink"),
    (REFILL, CONTEXT, "refill or refillable", "no refill"),
    (BOARD, CONTEXT, "board", "no board"),
    (OTHER, CONTEXT, "other product", "marker"),
    (PENCIL_SOLD, ERASER | CHALK, "pencil", "no pencil"),
];
/// What makes a title one about markers, for the products to be kept apart from.
pub(super) const CONTEXT: u32 = TYPES | MARKER;

/// Words of another product a marker maker sells (`Lem`, `Double Tape`, `Stamp Pad`), or of one
/// sold for a board (`Sticker Whiteboard`: no board, though as large).
#[rustfmt::skip]
pub(super) const OTHER_WORDS: &[&str] = &[
    "lem", "glue", "tape", "selotip", "isolasi", "lakban", "stamp", "stempel", "bantalan", "label", "tas", "drawing",
    "kapur", "cleaner", "pembersih", "correction", "koreksi", "tipex", "tippex", "highlighter", "paint", "holder",
    "tempat", "transparansi", "warna", "sticker", "stiker", "sheet", "vinyl",
];

/// Words after which a title says what comes with the product (`Whiteboard 60 x 90 + Penghapus`,
/// `Gratis Penghapus dan Spidol`), not what it is.
pub(super) const BONUS: &[&str] =
    &["+", "gratis", "free", "bonus", "plus", "dengan", "with", "termasuk", "include", "includes"];

/// What comes with a board: an eraser, markers.
pub(super) const EXTRAS: &[&str] = &["penghapus", "hapusan", "eraser", "spidol", "marker", "markers"];

/// The names of the types in `types`, as conflicts show them.
pub(super) fn type_names(types: u32) -> Vec<&'static str> {
    let names = [
        (PERMANENT, "permanent"),
        (NOT_PERMANENT, "non-permanent"),
        (WHITEBOARD, "whiteboard"),
        (OHP, "ohp"),
        (BLACKBOARD, "blackboard"),
        (CORKBOARD, "corkboard"),
        (PENCIL, "pencil eraser"),
        (FLIPCHART, "flip chart"),
        (CHALK, "chalk sticks"),
        (CHALK_HOLDER, "chalk holder"),
        (UNTYPED, "untyped"),
    ];
    names.iter().filter(|(bit, _)| types & bit != 0).map(|(_, name)| *name).collect()
}
