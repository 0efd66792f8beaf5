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

/// Ways of writing one container, mapped to one of them.
const CONTAINER_SPELLINGS: &[(&str, &str)] = &[("pack", "pak"), ("pax", "pak"), ("dos", "dus"), ("doos", "dus")];

/// The pack a unit field names, as one word whatever its writing: `Rim`, `1 Rim`, `RIM (500 lbr)`
/// and `Rim 500 Lembar` are `rim`, `Buah` and `Pcs` are `pcs`, `Pack` is `pak`: the first word
/// that is a fixed pack, a base unit or a container. A field naming none of them is itself,
/// lowered and trimmed, so `strip` stays apart from `sachet`.
pub fn pack_word(unit_field: &str) -> String {
    let lower = unit_field.trim().to_lowercase();
    let known = lower.split(|c: char| !c.is_alphanumeric()).find_map(|word| {
        let word = CONTAINER_SPELLINGS.iter().find(|(w, _)| *w == word).map_or(word, |(_, one)| *one);
        let pack = fixed_pack(word).is_some() || CONTAINERS.contains(&word);
        base_unit(word).or(pack.then_some(word))
    });
    known.map_or_else(|| lower.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::pack_word;

    #[test]
    fn a_pack_written_in_several_ways_is_one_word() {
        for field in ["Rim", "1 Rim", "RIM (500 lbr)", "Rim 500 Lembar", " rim "] {
            assert_eq!(pack_word(field), "rim", "{field}");
        }
        assert_eq!(pack_word("Buah"), "pcs");
        assert_eq!(pack_word("PCS"), "pcs");
        assert_eq!(pack_word("Pack isi 10"), "pak");
        assert_eq!(pack_word("Box isi 12 Pcs"), "box");
    }

    #[test]
    fn a_unit_field_naming_no_known_pack_is_itself_and_other_packs_stay_apart() {
        assert_eq!(pack_word("Strip"), "strip");
        assert_eq!(pack_word("Sachet"), "sachet");
        assert_eq!(pack_word(" Roll  Besar "), "roll  besar");
        assert_eq!(pack_word(""), "");
        assert_ne!(pack_word("Dus"), pack_word("Box"));
    }
}
