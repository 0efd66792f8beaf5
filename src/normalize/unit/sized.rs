//! A bare count after a per-item size: `Air Mineral 600 ml Dus isi 24`, `Gula Pasir 1 kg Dus isi
//! 20`, `Tisu 250 Sheet Karton isi 48`. The size says what the count counts, so the pack is that
//! many items of that size (24 bottles, 20 kg, 12,000 sheets), not inner packs (review26b F4).

use super::read::{self, base_unit, number};
use super::{CONTAINERS, MEASURES, Statement};

/// Volumes an item's size is written in, in millilitres each.
const VOLUMES: &[(&str, u32)] =
    &[("ml", 1), ("l", 1000), ("lt", 1000), ("ltr", 1000), ("liter", 1000), ("litre", 1000), ("liters", 1000)];

/// Vessels of a liquid other than a bottle: items sized by volume in a title naming one are pieces
/// (`Air Mineral Gelas 220 ml Dus isi 48` holds 48 cups, not bottles).
const VESSELS: &[&str] =
    &["gelas", "cup", "cups", "kaleng", "can", "cans", "pouch", "kotak", "sachet", "saset", "jerigen", "tube", "galon"];

/// Most litres or kilograms one pack of sized items holds: a dus or karton a person carries.
/// Beyond it the size is the whole pack's (`Permen 1 kg Dus isi 300` is 300 sweets, not 300 kg).
const MAX_CONTENT: u32 = 60;

/// What one counted item is, as the title sizes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    /// `600 ml`, `1 Liter`: millilitres in one bottle.
    Volume(u32),
    /// `1 kg`: kilograms in one bag.
    Kilograms(u32),
    /// `250 Sheet`, `10 Sachet`: base units in one pack.
    Counted(&'static str, u32),
}

/// The pack statement in the words ([`read::statement`]), a bare count after a per-item size read
/// as so many items of that size.
pub(super) fn statement<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    read::statement(words).map(|read| per_item(words, read))
}

/// The statement read again when it is a bare count (`Dus isi 24`, `Dus 24`) after exactly one
/// per-item size; otherwise as it was.
fn per_item<'a>(words: &[&'a str], read: Statement<'a>) -> Statement<'a> {
    let Statement::Size { quantity, container, named: false, .. } = read else { return read };
    let Some(at) = count_at(words, quantity) else { return read };
    let mut items = (0..at).filter_map(|i| item(&words[i..at]));
    let (Some(item), None) = (items.next(), items.next()) else { return read };
    let size = |base, quantity| Statement::Size { base, quantity, container, named: true };
    match item {
        Item::Volume(ml) if ml.checked_mul(quantity).is_some_and(|all| all <= MAX_CONTENT * 1000) => {
            let vessel = words.iter().any(|w| VESSELS.contains(w));
            size(if vessel { "pcs" } else { "botol" }, quantity)
        }
        Item::Kilograms(kg) => match kg.checked_mul(quantity).filter(|all| *all <= MAX_CONTENT) {
            Some(all) => size("kg", all),
            None => read,
        },
        // `Masker 50 pcs Box isi 50` says the same count twice.
        Item::Counted(base, each) if each == quantity => size(base, quantity),
        Item::Counted(base, each) => each.checked_mul(quantity).map_or(read, |all| size(base, all)),
        Item::Volume(_) => read,
    }
}

/// Where the bare count begins: its `isi` or its pack word.
fn count_at(words: &[&str], quantity: u32) -> Option<usize> {
    (0..words.len().saturating_sub(1))
        .find(|&i| (words[i] == "isi" || CONTAINERS.contains(&words[i])) && number(words[i + 1]) == Some(quantity))
}

/// The item size the words begin with: `600 ml`, `600ml`, `1 kg`, `250 sheet`.
fn item(words: &[&str]) -> Option<Item> {
    let first = *words.first()?;
    let (count, unit) = match number(first) {
        Some(n) => (n, *words.get(1)?),
        None => {
            let split = first.find(|c: char| !c.is_ascii_digit()).filter(|at| *at > 0)?;
            let (digits, unit) = first.split_at(split);
            (number(digits)?, unit)
        }
    };
    if unit == "pc" {
        // `AIO 3 PC` is a computer, as in `counted_base_units`.
        return None;
    }
    if let Some((_, ml)) = VOLUMES.iter().find(|(word, _)| *word == unit) {
        return count.checked_mul(*ml).map(Item::Volume);
    }
    match base_unit(unit)? {
        "kg" => Some(Item::Kilograms(count)),
        base if MEASURES.contains(&base) => None,
        base => Some(Item::Counted(base, count)),
    }
}
