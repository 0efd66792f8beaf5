//! Where a title names its maker. A maker whose name is a word the matcher knows (`Max`
//! staplers, `Sinar` or `Baja` boards) reads no brand, and such a title met another maker's
//! product (`Stapler Max HD-10 No 10` / `Stapler Joyko HD-10 No 10`, review32m M3, review31 R5).
//! Taking known words for makers is what review31 R0–R3 reverted: every generic word became a
//! maker. So the place is evidence only against a title that names a maker: when the other
//! title names none and has, where the first names its maker, a word of its own, the two are
//! not known to be one product.

use super::lex::{Class, Tok};
use super::phrases::{kind_ending_at, kind_starting_at};
use super::vocab;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// Where a title names its maker, or the words of a title naming none with what comes before
/// each. No part of what a key says of the product: keys equal but for it are one product
/// (`Sidu HVS A4` and `HVS A4 Sidu`), so it is left out of comparing and hashing keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct Place {
    /// A title naming its maker: what comes before and after the maker's name.
    pub(super) maker: Option<Beside>,
    /// A title naming none: each word it keeps that a maker's name could be, with what comes
    /// before and after it.
    pub(super) words: Vec<(String, Beside)>,
    /// Words of a dictionary standing where a brand is read (`Map Kancing Folio`): no brand, yet
    /// a title with others there names another maker (`brands_apart`).
    pub(super) in_dictionary: Option<String>,
    /// The words of a model's line written right after its code (`variants::lines`).
    pub(super) lines: Vec<String>,
    /// The names of its model's series around a number (`series`).
    pub(super) series: Series,
    /// The words the key keeps and its colours, in the title's order (`added`).
    pub(super) said: Vec<String>,
}

/// What a title writes of its series (`series`): (`slim`, `3`) for a number after a word,
/// (`315`, `tank`, `ink`) for a code after two words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Series {
    pub(super) numbered: Vec<(String, String)>,
    pub(super) lined: Vec<[String; 3]>,
}

/// What comes before and after a name: a word, or `#` and the kind when a wording of it is
/// there (`Papan Tulis Sinar` and `Whiteboard Snowman` both name the maker after the board).
/// Nothing at the ends: a last word (`… Original Japan`, `… Stapler Kecil`) is no maker's place
/// more than any other, except right after the model code (`Stapler HD-10 Max`, `place_apart`).
pub(super) type Beside = [Option<String>; 2];

impl Place {
    /// The place of the maker named by `toks[named]` (the title's tokens before brand or kind is
    /// taken out), or with no maker named, of each word `kept` says the key kept.
    pub(super) fn read(toks: &[Tok], named: Option<Range<usize>>, kept: impl Fn(&str) -> bool) -> Self {
        if let Some(name) = named {
            return Self { maker: Some(beside(toks, name)), ..Self::default() };
        }
        // `Kecil`, `Halus` say what the product is like, wherever they stand (review35m M35-5).
        let maker_like =
            |t: &Tok| t.class == Class::Word && t.text.len() >= 3 && kept(&t.text) && !vocab::quality(&t.text);
        let words =
            (0..toks.len()).filter(|&i| maker_like(&toks[i])).map(|i| (toks[i].text.clone(), beside(toks, i..i + 1)));
        Self { words: words.collect(), ..Self::default() }
    }
}

fn beside(toks: &[Tok], name: Range<usize>) -> Beside {
    let before = name
        .start
        .checked_sub(1)
        .map(|end| kind_ending_at(toks, end).map_or_else(|| toks[end].text.clone(), |kind| format!("#{kind}")));
    let after = toks
        .get(name.end)
        .map(|t| kind_starting_at(toks, name.end).map_or_else(|| t.text.clone(), |kind| format!("#{kind}")));
    [before, after]
}

impl Place {
    /// An order on places, for choosing among keys equal but for their place.
    pub(super) fn order(&self, other: &Self) -> Ordering {
        (&self.maker, &self.words).cmp(&(&other.maker, &other.words))
    }
}

impl PartialEq for Place {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Place {}

impl PartialOrd for Place {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Place {
    fn cmp(&self, _: &Self) -> Ordering {
        Ordering::Equal
    }
}

impl Hash for Place {
    fn hash<H: Hasher>(&self, _: &mut H) {}
}
