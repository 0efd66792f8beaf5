//! Reading legal forms and modifiers off the front, the end and the middle of a name.

use super::forms::{self, Form};
use super::lex::{Item, has_content};
use crate::model::LegalForm;

/// What was read off the name so far.
#[derive(Default)]
pub(super) struct Found {
    pub(super) prefix: Option<Form>,
    pub(super) suffix: Option<Form>,
    pub(super) tbk: bool,
    pub(super) persero: bool,
}

/// Index of the first word with content, skipping leading commas and lone `&`/`-`.
fn first_word(items: &[Item]) -> Option<usize> {
    let at = items.iter().position(|item| match item {
        Item::Comma => false,
        Item::Word(word) => word.has_content(),
        Item::Open | Item::Close => true,
    })?;
    matches!(items[at], Item::Word(_)).then_some(at)
}

/// Whether `items[at..]` starts with `( <word> )` where the word passes `test`.
fn paren_word_at(items: &[Item], at: usize, test: impl Fn(&str) -> bool) -> bool {
    matches!(items.get(at..at + 3), Some([Item::Open, Item::Word(word), Item::Close]) if test(&word.text))
}

/// Reads a legal form at the front, with a koperasi kind and `(Persero)` after it.
pub(super) fn take_prefix(items: &mut Vec<Item>, found: &mut Found) {
    let Some(start) = first_word(items) else { return };
    let Some((mut form, len)) = forms::form_at(items, start, false) else { return };
    let mut end = start + len;
    if form.form == LegalForm::Koperasi
        && form.kind.is_none()
        && let Some((kind, len)) = forms::koperasi_kind_at(items, end)
    {
        form.kind = Some(kind);
        end += len;
    }
    if let Some(kind) = form.kind
        && paren_word_at(items, end, |word| word == kind)
    {
        end += 3;
    }
    // A repeated form: `"PT. PT MAJU"`.
    while let Some((again, len)) = forms::form_at(items, end, false) {
        if again.form != form.form || (again.kind.is_some() && again.kind != form.kind) {
            break;
        }
        end += len;
    }
    let mut persero = false;
    if form.form == LegalForm::Pt {
        if paren_word_at(items, end, forms::is_persero) {
            persero = true;
            end += 3;
        } else if items.get(end).and_then(Item::word).is_some_and(forms::is_persero) && has_content(&items[end + 1..]) {
            persero = true;
            end += 1;
        }
    }
    if has_content(&items[end..]) || form.kind.is_some() {
        items.drain(..end);
        found.prefix = Some(form);
        found.persero |= persero;
    }
}

/// Reads forms and modifiers off the end, one at a time, while some name is left before them.
pub(super) fn take_suffixes(items: &mut Vec<Item>, found: &mut Found) {
    // Items are only cut off the end, so the first word with content stays where it is.
    let Some(first_content) = items.iter().position(Item::has_content) else {
        return;
    };
    loop {
        while matches!(items.last(), Some(Item::Comma)) {
            items.pop();
        }
        let end = items.len();
        let (start, form, tbk, persero) = match items.last() {
            Some(Item::Close) => {
                let Some(open) = items[..end - 1].iter().rposition(|item| *item == Item::Open) else { break };
                let inner = &items[open + 1..end - 1];
                match inner {
                    [Item::Word(word)] if forms::is_tbk(&word.text) => (open, None, true, false),
                    [Item::Word(word)] if forms::is_persero(&word.text) => (open, None, false, true),
                    _ => match forms::form_at(inner, 0, false) {
                        Some((form, len)) if len == inner.len() => (open, Some(form), false, false),
                        _ => break,
                    },
                }
            }
            Some(Item::Word(word)) if forms::is_tbk(&word.text) => (end - 1, None, true, false),
            Some(Item::Word(word)) if forms::is_persero(&word.text) => (end - 1, None, false, true),
            Some(Item::Word(_)) => {
                let after_comma = |len: usize| end > len && items[end - len - 1] == Item::Comma;
                let suffix = forms::form_ending_at(items, end, false)
                    .filter(|(_, len)| after_comma(*len))
                    .or_else(|| forms::form_ending_at(items, end, true));
                match suffix {
                    Some((form, len)) => (end - len, Some(form), false, false),
                    None => break,
                }
            }
            _ => break,
        };
        if let Some(form) = form {
            let known = found.prefix.or(found.suffix);
            if known.is_some_and(|known| known.form != form.form) {
                break;
            }
        }
        if start <= first_content {
            break;
        }
        items.truncate(start);
        found.tbk |= tbk;
        found.persero |= persero;
        if let Some(form) = form {
            found.suffix = found.suffix.or(Some(form));
        }
    }
}

/// Takes `(Persero)`, `(Tbk)` and a repeated koperasi kind (`"(KPRI)"`) out of the middle.
pub(super) fn take_inner_modifiers(items: &mut Vec<Item>, found: &mut Found, kind: Option<&str>) {
    let mut kept = Vec::with_capacity(items.len());
    let mut at = 0;
    while at < items.len() {
        if paren_word_at(items, at, forms::is_persero) {
            found.persero = true;
        } else if paren_word_at(items, at, forms::is_tbk) {
            found.tbk = true;
        } else if !kind.is_some_and(|kind| paren_word_at(items, at, |word| word == kind)) {
            kept.push(items[at].clone());
            at += 1;
            continue;
        }
        at += 3;
    }
    *items = kept;
}
