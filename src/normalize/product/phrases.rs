//! The brand and kind tables' phrases indexed by their first word, and the kinds a wording
//! names at a place in a title: what reading a key (`key.rs`) and placing its maker
//! (`place.rs`) both look up.

use super::lex::Tok;
use super::names;
use super::reader::matches;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A table of names with its phrases indexed by their first word.
pub(super) type Table = &'static [(&'static str, &'static [&'static str])];

/// For each first word, the (entry, phrase) pairs starting with it, so a position is tried
/// against its few phrases instead of the whole table.
fn index(table: Table) -> HashMap<&'static str, Vec<(usize, &'static str)>> {
    let mut out: HashMap<&'static str, Vec<(usize, &'static str)>> = HashMap::new();
    for (entry, (_, phrases)) in table.iter().enumerate() {
        for phrase in *phrases {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            out.entry(first).or_default().push((entry, phrase));
        }
    }
    out
}

pub(super) static BRANDS: LazyLock<HashMap<&'static str, Vec<(usize, &'static str)>>> =
    LazyLock::new(|| index(names::BRANDS));
pub(super) static KINDS: LazyLock<HashMap<&'static str, Vec<(usize, &'static str)>>> =
    LazyLock::new(|| index(names::KINDS));

/// The kind a wording ending at `end` names (`papan tulis` of `Papan Tulis Sinar`).
pub(super) fn kind_ending_at(toks: &[Tok], end: usize) -> Option<&'static str> {
    (end.saturating_sub(MAX_WORDING)..=end).find_map(|at| {
        let phrases = KINDS.get(toks[at].text.as_str())?;
        phrases
            .iter()
            .find(|(_, p)| matches(toks, at, p) == Some(end + 1 - at))
            .map(|&(entry, _)| names::KINDS[entry].0)
    })
}

/// The kind a wording starting at `at` names (`papan tulis` of `Sinar Papan Tulis`).
pub(super) fn kind_starting_at(toks: &[Tok], at: usize) -> Option<&'static str> {
    let phrases = KINDS.get(toks[at].text.as_str())?;
    phrases.iter().find(|(_, p)| matches(toks, at, p).is_some()).map(|&(entry, _)| names::KINDS[entry].0)
}

/// Words in the longest wording of a kind (`printer tinta isi ulang`).
const MAX_WORDING: usize = 4;
