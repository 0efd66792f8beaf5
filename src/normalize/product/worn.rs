//! What the title of something worn (clothes, shoes, diapers, helmets) says of its size
//! (review38m R38m-5): `Kaos K123 Hitam XL` and `… L`, or `Sepatu Safety Kings KWD 805 Size 42`
//! and `… Size 43`, were one group, the size a one-sided word or a number beside the shared code.

use super::lex::Tok;

/// Words naming something worn, whose `S`, `M` and `L` are sizes (elsewhere they are units and
/// abbreviations: `1 M`, `5 L`).
#[rustfmt::skip]
pub(super) const WORN: &[&str] = &[
    "kaos", "kaus", "tshirt", "kemeja", "shirt", "baju", "blus", "blouse", "celana", "jaket", "jacket", "rompi",
    "seragam", "uniform", "pdh", "pdl", "polo", "jersey", "sweater", "hoodie", "rok", "jas", "wearpack",
    "coverall", "piyama", "daster", "popok", "diaper", "diapers", "helm", "sarung", "sepatu", "shoes", "sandal",
    "sendal", "boots", "boot", "sneakers", "pantofel",
];

/// Footwear, whose number after `Size` or last in its title is a size.
const SHOES: &[&str] = &["sepatu", "shoes", "sandal", "sendal", "boots", "boot", "sneakers", "pantofel"];

/// Sizes written as letters.
pub(super) const LETTER_SIZES: &[&str] = &["xs", "s", "m", "l", "xl", "xxl", "xxxl", "xxxxl", "xxxxxl"];

/// Words labelling the size after them; elsewhere noise.
pub(super) const SIZE_LABELS: &[&str] = &["size", "ukuran", "uk", "sz"];

/// Whether a title is of something worn, and of footwear.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Worn {
    #[default]
    No,
    Clothing,
    Shoe,
}

impl Worn {
    pub(super) fn read(toks: &[Tok]) -> Self {
        let has = |words: &[&str]| toks.iter().any(|t| words.contains(&t.text.as_str()));
        if has(SHOES) {
            Self::Shoe
        } else if has(WORN) {
            Self::Clothing
        } else {
            Self::No
        }
    }
}

/// A number a shoe's size can be, children's to the largest (`Pantofel K88 40`).
pub(super) fn shoe_size(number: &str) -> bool {
    number.parse::<u32>().is_ok_and(|n| (18..=50).contains(&n))
}
