//! Reading legal forms and modifiers off the front and the end of a name.
//!
//! The form at the front is found first, but taken only when some name follows it. Forms and
//! modifiers are then read off the end while some name is left between them and the front form.
//! Last, whatever the display writes right after the form in front (a koperasi kind, `(KPRI)`,
//! the same form again, `Persero` after `PT`) is read the way a reader of the display reads it;
//! this runs for a form read off the end or given by the hint too, because the display writes
//! every form in front (`"Persero Maju PT"` shows `"PT Maju (Persero)"`, not `"PT Persero Maju"`).
//!
//! A "name" here is a word with a letter or digit; a koperasi kind is a name of its own (`"KSU"`).
//! Bracketed `(Tbk)` and `(Persero)` are already out (see [`super::tidy::balance`]).

use super::forms::{self, Form};
use super::lex::Item;
use super::tidy;
use crate::model::LegalForm;

/// What was read off the name so far.
#[derive(Default)]
pub(super) struct Found {
    pub(super) prefix: Option<Form>,
    pub(super) suffix: Option<Form>,
    pub(super) tbk: bool,
    pub(super) persero: bool,
}

/// Whether `items[at..]` starts with `( <word> )` where the word passes `test`.
fn paren_word_at(items: &[Item], at: usize, test: impl Fn(&str) -> bool) -> bool {
    matches!(items.get(at..at.saturating_add(3)), Some([Item::Open, Item::Word(word), Item::Close]) if test(&word.text))
}

/// The legal form at the very front, with its length in items, when a name follows it or it is
/// a koperasi kind (`"KPRI"`): `"PT"` alone is a name, not an empty PT.
pub(super) fn front_form(items: &[Item]) -> Option<(Form, usize)> {
    let (form, len) = forms::form_at(items, 0, false)?;
    (form.kind.is_some() || items[len..].iter().any(Item::has_content)).then_some((form, len))
}

/// Reads forms and modifiers off the end, one at a time, while some name is left between them
/// and the `front` form.
pub(super) fn take_suffixes(items: &mut Vec<Item>, found: &mut Found, front: Option<(Form, usize)>) {
    let (known, from) = front.map_or((None, 0), |(form, len)| (Some(form), len));
    let mut kind = known.and_then(|form| form.kind);
    // Items are only cut off the end, so the first name word stays where it is.
    let first_name = items.iter().skip(from).position(Item::has_content).map(|at| at + from);
    loop {
        tidy::trim_end(items);
        let end = items.len();
        let (start, form, tbk, persero) = match items.last() {
            Some(Item::Close) => {
                let Some(open) = items[..end - 1].iter().rposition(|item| *item == Item::Open) else { break };
                let inner = &items[open + 1..end - 1];
                match forms::form_at(inner, 0, false) {
                    Some((form, len)) if len == inner.len() => (open, Some(form), false, false),
                    _ => break,
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
        // Another form, or another koperasi kind, is part of the name (`"CV Maju Jaya, PT"`).
        if let Some(form) = form
            && (known.or(found.suffix).is_some_and(|known| known.form != form.form)
                || kind.zip(form.kind).is_some_and(|(kind, other)| kind != other))
        {
            break;
        }
        let name_left = match kind {
            Some(_) => start >= from,
            None => first_name.is_some_and(|first| first < start),
        };
        if !name_left {
            break;
        }
        items.truncate(start);
        found.tbk |= tbk;
        found.persero |= persero;
        if let Some(form) = form {
            kind = kind.or(form.kind);
            found.suffix = Some(found.suffix.map_or(form, |first| Form { kind: first.kind.or(form.kind), ..first }));
        }
    }
}

/// Reads, at the front of `items`, what a reader of the display takes as following `form`
/// written in front, and drops it: a koperasi kind (`"Serba Usaha"`, `"KSU"`), the kind again in
/// brackets (`"(KSU)"`), the same form again (`"PT. PT"`, `"Fa., Fa."`) and, after `PT`, a bare
/// `Persero`. Commas and loose marks between them are stepped over, since the display drops
/// them. A repeated form or a bare `Persero` is taken only while a name follows it (`"PT PT"` is
/// a PT named `"PT"`). Returns the koperasi kind, if any.
pub(super) fn take_followers(items: &mut Vec<Item>, found: &mut Found, mut form: Form) -> Option<&'static str> {
    let last_name = items.iter().rposition(Item::has_content);
    let name_from = |at: usize| last_name.is_some_and(|last| last >= at);
    let mut end = 0;
    loop {
        let at = end + items[end..].iter().take_while(|item| tidy::is_loose(item)).count();
        if form.form == LegalForm::Koperasi
            && form.kind.is_none()
            && let Some((kind, len)) = forms::koperasi_kind_at(items, at)
        {
            form.kind = Some(kind);
            end = at + len;
        } else if form.kind.is_some_and(|kind| paren_word_at(items, at, |word| word == kind)) {
            end = at + 3;
        } else if let Some((again, len)) = forms::form_at(items, at, false)
            && again.form == form.form
            && (form.kind.is_none() || again.kind.is_none() || again.kind == form.kind)
            && (form.kind.or(again.kind).is_some() || name_from(at + len))
        {
            form.kind = form.kind.or(again.kind);
            end = at + len;
        } else if form.form == LegalForm::Pt
            && items.get(at).and_then(Item::word).is_some_and(forms::is_persero)
            && name_from(at + 1)
        {
            found.persero = true;
            end = at + 1;
        } else {
            break;
        }
    }
    items.drain(..end);
    form.kind
}
