//! The count a pack reading rests on, for compare to weigh across offers: whether a word names
//! what it counts (`Dus (12 Botol)`) or it is taken for pieces (`Dus isi 12`).

use super::{CONTAINERS, FIXED_PACKS, Statement, field_statement, lowered, statement, words};

/// A pack reading's count as compare weighs it across offers (see `search::compare::pieces`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackCount {
    /// The pack word the count is said of, in one spelling (`Karton isi 40`: `dus`).
    pub pack: Option<&'static str>,
    /// How many base units.
    pub quantity: u32,
    /// The base unit a word names (`Dus (12 Botol)`: `botol`); `None` when the count names none
    /// and is taken for pieces (`Dus isi 12`).
    pub named: Option<&'static str>,
    /// Whether the unit field stated it (`box isi 12`), not the title.
    pub in_field: bool,
}

/// Packs that hold other packs as often as pieces: their bare count (`Karton isi 40` of boxes
/// of masks, `Box isi 12` of pens or of boxes of pens) does not say which.
const PACKS_OF_PACKS: &[&str] = &["box", "dus", "bal", "krat", "slop"];

impl PackCount {
    /// Whether the count names no unit and follows a pack that may hold packs.
    pub fn may_count_packs(&self) -> bool {
        self.named.is_none() && self.pack.is_some_and(|p| PACKS_OF_PACKS.contains(&p))
    }
}

/// The count [`parse_unit`] reads from the unit field or else the title, with the pack word it
/// is said of (the title's, or the unit field's container word).
pub fn pack_count(unit_field: Option<&str>, title: &str) -> Option<PackCount> {
    let field = unit_field.map(|f| lowered(f.trim())).unwrap_or_default();
    let field_words = words(&field);
    let own = field_words.first().copied().filter(|w| CONTAINERS.contains(w));
    let read = |statement: Option<Statement<'_>>, in_field| match statement? {
        Statement::Size { base, quantity, container, named } => {
            let pack = container.or(own).and_then(pack_word);
            Some(PackCount { pack, quantity, named: named.then_some(base), in_field })
        }
        Statement::Unsized => None,
    };
    match field_statement(&field_words) {
        Some(size @ Statement::Size { .. }) => read(Some(size), true),
        _ => read(statement(&words(&lowered(title))), false),
    }
}

/// The one spelling of a pack word, borrowed from the tables.
fn pack_word(word: &str) -> Option<&'static str> {
    CONTAINERS.iter().copied().chain(FIXED_PACKS.iter().map(|p| p.0)).find(|w| *w == word)
}
