//! The words packs are written in: counts, base units, fixed packs and containers, and the
//! mark between statements. What reading a statement (`read.rs`), its parts (`part.rs`) and its
//! multiples (`multiple.rs`) all look up.

use super::{BASE_UNITS, CONTAINERS, FIXED_PACKS, MAX_COUNT};

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
