//! Punctuation the display drops, dropped before reading too.
//!
//! A display name holds only words and balanced, non-empty brackets, with no commas and no loose
//! `&`, `-`, `/` or `+` at either end. Whatever the display drops must not stand between the
//! readers and a legal form in the first reading either, or the display would read differently:
//! `"PT ( PT Maju"` would show `"PT PT Maju"`, which reads as `"PT Maju"`. So brackets are balanced
//! before reading, the edges are trimmed, and the readers step over commas and loose marks.

use super::forms;
use super::lex::Item;

/// Whether an item is a comma or a word without a letter or digit (`&`, `-`, `/`, `+`).
pub(super) fn is_loose(item: &Item) -> bool {
    match item {
        Item::Comma => true,
        Item::Word(word) => !word.has_content(),
        Item::Open | Item::Close => false,
    }
}

/// The modifiers [`balance`] took out of brackets.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Modifiers {
    /// A `(Tbk)` was taken out.
    pub(super) tbk: bool,
    /// A `(Persero)` was taken out.
    pub(super) persero: bool,
}

/// Balances brackets the way the display does, and takes out the bracketed modifiers that the
/// display moves to the end.
///
/// Drops brackets never closed or never opened, commas inside brackets, empty bracket pairs and
/// pairs holding only the koperasi `kind` (`"(KPRI)"`). A pair holding only `Tbk` or `Persero` is
/// taken out and noted in `modifiers` when given, else only its brackets go (`"(Tbk)"` reads as
/// `"Tbk"`). A pair emptied that way may empty the pair around it (`"((Tbk))"`).
pub(super) fn balance(items: Vec<Item>, kind: Option<&str>, mut modifiers: Option<&mut Modifiers>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut open: Vec<usize> = Vec::new();
    for item in items {
        match item {
            Item::Open => {
                open.push(out.len());
                out.push(Item::Open);
            }
            Item::Comma if !open.is_empty() => {}
            Item::Close => {
                let Some(at) = open.pop() else { continue };
                match &out[at + 1..] {
                    [] => out.truncate(at),
                    [Item::Word(word)] if kind == Some(word.text.as_str()) => out.truncate(at),
                    [Item::Word(word)] if forms::is_tbk(&word.text) || forms::is_persero(&word.text) => {
                        if let Some(modifiers) = modifiers.as_deref_mut() {
                            modifiers.tbk |= forms::is_tbk(&word.text);
                            modifiers.persero |= forms::is_persero(&word.text);
                            out.truncate(at);
                        } else {
                            out.remove(at);
                        }
                    }
                    _ => out.push(Item::Close),
                }
            }
            other => out.push(other),
        }
    }
    if open.is_empty() {
        return out;
    }
    // Drop the brackets that were never closed, in one pass.
    let mut unclosed = open.into_iter().peekable();
    out.into_iter().enumerate().filter(|(at, _)| unclosed.next_if_eq(at).is_none()).map(|(_, item)| item).collect()
}

/// Drops commas and loose marks at the end.
pub(super) fn trim_end(items: &mut Vec<Item>) {
    while items.last().is_some_and(is_loose) {
        items.pop();
    }
}

/// [`balance`]s the brackets and drops commas and loose marks at both ends. Bracketed modifiers
/// are taken out only when some name is left (the `kind` is one): `"(Persero)"` alone reads as
/// `"Persero"` alone, a name.
pub(super) fn tidy(items: Vec<Item>, kind: Option<&str>, modifiers: &mut Modifiers) -> Vec<Item> {
    let mut taken = Modifiers::default();
    let balanced = balance(items.clone(), kind, Some(&mut taken));
    let mut items = if kind.is_some() || balanced.iter().any(Item::has_content) {
        modifiers.tbk |= taken.tbk;
        modifiers.persero |= taken.persero;
        balanced
    } else {
        balance(items, kind, None)
    };
    trim_end(&mut items);
    let lead = items.iter().take_while(|item| is_loose(item)).count();
    items.drain(..lead);
    items
}

#[cfg(test)]
mod tests {
    use super::super::lex::lex;
    use super::*;

    fn tidied(raw: &str) -> (Vec<Item>, Modifiers) {
        let mut modifiers = Modifiers::default();
        (tidy(lex(raw), Some("KPRI"), &mut modifiers), modifiers)
    }

    #[test]
    fn unmatched_and_empty_brackets_go_the_way_the_display_drops_them() {
        assert_eq!(tidied("( PT ( Maju )").0, lex("PT (Maju)"));
        assert_eq!(tidied("PT ) Maju (").0, lex("PT Maju"));
        assert_eq!(tidied("PT ( , ( ) ) PT Maju").0, lex("PT PT Maju"));
        assert_eq!(tidied("PT (&) Maju").0, lex("PT (&) Maju"));
        assert_eq!(tidied("PT (Maju, Jaya)").0, lex("PT (Maju Jaya)"));
    }

    #[test]
    fn bracketed_modifiers_and_the_kind_are_taken_out_even_when_nested() {
        let none = Modifiers::default();
        assert_eq!(tidied("PT Maju (Tbk)"), (lex("PT Maju"), Modifiers { tbk: true, ..none }));
        assert_eq!(tidied("PT (Persero (, Tbk)) Maju"), (lex("PT Maju"), Modifiers { tbk: true, persero: true }));
        assert_eq!(tidied("KPRI (KPRI) Maju (KSU)"), (lex("KPRI Maju (KSU)"), none));
    }

    #[test]
    fn commas_and_loose_marks_go_at_the_edges_only() {
        assert_eq!(tidied(", - PT, Maju & / ,").0, lex("PT, Maju"));
        assert_eq!(tidied("& , -").0, Vec::new());
    }

    #[test]
    fn deep_or_long_punctuation_is_linear() {
        let deep = "(".repeat(200_000) + "Maju" + &")".repeat(100_000) + &",".repeat(100_000);
        assert_eq!(tidied(&deep).0, lex(&("(".repeat(100_000) + "Maju" + &")".repeat(100_000))));
        let empty = "(,".repeat(100_000) + &")".repeat(100_000);
        assert_eq!(tidied(&empty).0, Vec::new());
    }
}
