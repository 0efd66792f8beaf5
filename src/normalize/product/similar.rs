//! What decides a match beyond conflicts ([`conflicts`](super::conflicts)): a similarity.
//!
//! A conflict is a decisive spec both titles state with different values (sizes, grammage,
//! capacities, model codes of different families, different colours), or a brand or kind both
//! name differently. Everything else is weighed here: words, brand, specs and model codes are
//! features weighted by their inverse document frequency over the set being compared, and
//! [`similarity`] compares what the two titles share with what only one of them says.

use super::ProductKey;
use super::category::category;
use std::collections::HashMap;

/// Pairs at or above this similarity (and without conflicts) are the same product.
pub(super) const THRESHOLD: f64 = 0.5;

/// Weight of what only the longer-winded title says (one-sided detail is usually just detail).
const ONE_SIDED: f64 = 0.3;

/// Weight of what each title says and the other does not (`ayam bakar` / `ayam goreng`),
/// unless they share a distinctive model code (`Canon G2010 Ink Tank` / `Printer Canon Pixma
/// G2010`), which says which product it is whatever else the titles describe.
const TWO_SIDED: f64 = 8.0;

/// How much a feature of each sort counts, before its rarity.
fn factor(sort: Sort) -> f64 {
    match sort {
        Sort::Word => 1.0,
        Sort::Spec => 1.5,
        Sort::Brand | Sort::Model => 2.0,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Word,
    Brand,
    Spec,
    Model,
}

/// Document frequencies of features over a set of keys.
pub(super) struct Idf {
    items: f64,
    df: HashMap<String, u32>,
}

impl Idf {
    /// Frequencies over `keys`, each key counted as many times as it appears.
    pub(super) fn new<'a>(keys: impl IntoIterator<Item = &'a ProductKey>) -> Self {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut items = 0usize;
        for key in keys {
            items += 1;
            let mut seen: Vec<String> = features(key).into_iter().map(|(name, _)| name).collect();
            seen.sort();
            seen.dedup();
            for name in seen {
                *df.entry(name).or_default() += 1;
            }
        }
        Self { items: items as f64, df }
    }

    fn weight(&self, name: &str, sort: Sort) -> f64 {
        let df = self.df.get(name).copied().unwrap_or(1).max(1);
        factor(sort) * (1.0 + self.items / f64::from(df)).ln()
    }
}

/// Every feature of a key with its name in the frequency table. Colours are left out: a colour
/// on one side only says nothing against a match, and two different colours are a conflict.
fn features(key: &ProductKey) -> Vec<(String, Sort)> {
    let mut out: Vec<(String, Sort)> = words(key).into_iter().map(|w| (format!("w:{w}"), Sort::Word)).collect();
    if let Some(brand) = &key.brand {
        out.push((format!("b:{brand}"), Sort::Brand));
    }
    for spec in &key.specs {
        match category(spec) {
            "colour" => {}
            "model" => out.push((format!("s:{spec}"), Sort::Model)),
            _ => out.push((format!("s:{spec}"), Sort::Spec)),
        }
    }
    out
}

/// The words of the kind and the remaining words: a kind on one side (`kertas hvs`) still
/// shares its words with the other (`Kertas A4 70 gram`).
pub(super) fn words(key: &ProductKey) -> Vec<&str> {
    let mut out: Vec<&str> =
        key.kind.split(' ').filter(|w| !w.is_empty()).chain(key.tokens.iter().map(String::as_str)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two model codes name one model: equal, or the shorter (at least three characters,
/// two of them digits) written inside the longer, as a short code is inside its part number
/// (`85a` in `ce285a`, `325` in `crg325`, `664` in `t6641`), or one the number before the
/// other's hyphen (`10` and `10-1m`).
pub(super) fn related(a: &str, b: &str) -> bool {
    if a == b || head(a) == Some(b) || head(b) == Some(a) {
        return true;
    }
    // `PG-810XL` is the high-yield cartridge, another product than `PG-810` (review36b R36b-3).
    if a.ends_with("xl") != b.ends_with("xl") {
        return false;
    }
    // `HD-10D` is another stapler than `HD-10`: a letter after a code's last digit (review37m
    // R37m-7); `85A` in `CE285A` has letters before it.
    if lettered_after(a, b) || lettered_after(b, a) {
        return false;
    }
    fn unhyphenated(s: &str) -> std::borrow::Cow<'_, str> {
        if s.contains('-') { s.replace('-', "").into() } else { s.into() }
    }
    let (a, b) = (unhyphenated(a), unhyphenated(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    short == long
        || (short.len() >= 3 && short.chars().filter(char::is_ascii_digit).count() >= 2 && long.contains(&**short))
}

/// Whether `long` is `short`, a code of letters then digits, with one letter after it.
fn lettered_after(short: &str, long: &str) -> bool {
    long.strip_prefix(short).is_some_and(|rest| rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_alphabetic()))
        && short.starts_with(|c: char| c.is_ascii_alphabetic())
        && short.ends_with(|c: char| c.is_ascii_digit())
}

/// The number before a hyphen in a code (`10` in `10-1m`).
pub(super) fn head(code: &str) -> Option<&str> {
    code.split_once('-').map(|(head, _)| head).filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a word of one title (`own` its words) is in the other title (`other` its words),
/// written whole or joined differently: `soklin` is `so klin`, `datatraveler` is `data traveler`.
pub(super) fn word_in(word: &str, own: &[&str], other: &[&str]) -> bool {
    let has = |w: &str| other.binary_search(&w).is_ok();
    if has(word) {
        return true;
    }
    let split = (2..word.len().saturating_sub(1))
        .filter(|&at| word.is_char_boundary(at))
        .any(|at| has(&word[..at]) && has(&word[at..]));
    split
        || own.iter().filter(|v| **v != word).any(|v| {
            other.iter().any(|o| {
                o.len() == word.len() + v.len()
                    && ((o.starts_with(word) && o.ends_with(v)) || (o.starts_with(v) && o.ends_with(word)))
            })
        })
}

/// What a key says that the other does not, by weight.
#[derive(Default)]
struct Alone {
    /// Words of the title other than its kind's: detail that can tell products apart.
    words: f64,
    /// Kind, brand, specs and model codes the other title does not state: a title often
    /// leaves them out (`Flashdisk …`, `… CZ50`, `… 4 METER`).
    left_out: f64,
}

/// A key read for comparing: its words, its specs with their categories and its features
/// with their weights, worked out once however many keys it is compared with.
pub(super) struct Prepared<'a> {
    key: &'a ProductKey,
    words: Vec<&'a str>,
    specs: Vec<(&'a str, &'static str)>,
    /// (value, sort, weight, whether it is a word of the kind only).
    features: Vec<(String, Sort, f64, bool)>,
}

impl<'a> Prepared<'a> {
    pub(super) fn new(key: &'a ProductKey, idf: &Idf) -> Self {
        let features = features(key)
            .into_iter()
            .map(|(name, sort)| {
                let weight = idf.weight(&name, sort);
                let value = name[2..].to_string();
                let kind_word =
                    sort == Sort::Word && key.kind.split(' ').any(|k| k == value) && !key.tokens.contains(&value);
                (value, sort, weight, kind_word)
            })
            .collect();
        let specs = key.specs.iter().map(|s| (s.as_str(), category(s))).collect();
        Self { key, words: words(key), specs, features }
    }

    fn models(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.specs.iter().filter(|(_, c)| *c == "model").map(|(s, _)| *s)
    }
}

/// Weight of `key`'s features the other key shares, and of those it does not.
fn side(key: &Prepared, other: &Prepared) -> (f64, Alone) {
    let (mut shared, mut alone) = (0.0, Alone::default());
    for (value, sort, weight, kind_word) in &key.features {
        let value = value.as_str();
        let matched = match sort {
            Sort::Word => word_in(value, &key.words, &other.words),
            Sort::Brand => other.key.brand.as_deref() == Some(value),
            Sort::Model => {
                other.specs.iter().any(|(s, c)| (*c == "model" && related(value, s)) || same_value(value, s))
            }
            Sort::Spec => other.specs.iter().any(|(s, _)| same_value(value, s)),
        };
        if matched {
            shared += weight;
        } else if *sort == Sort::Word && !kind_word {
            alone.words += weight;
        } else {
            alone.left_out += weight;
        }
    }
    (shared, alone)
}

/// Similarity from 0 to 1 under the frequencies `idf`: shared weight against one-sided weight,
/// where detail on both sides counts far more than detail on one side.
pub(super) fn similarity(a: &ProductKey, b: &ProductKey, idf: &Idf) -> f64 {
    similarity_of(&Prepared::new(a, idf), &Prepared::new(b, idf))
}

/// [`similarity`] of two prepared keys.
pub(super) fn similarity_of(a: &Prepared, b: &Prepared) -> f64 {
    if a.key == b.key {
        return 1.0;
    }
    let ((sa, ua), (sb, ub)) = (side(a, b), side(b, a));
    let shared = (sa + sb) / 2.0;
    if shared <= 0.0 {
        return 0.0;
    }
    let (ta, tb) = (ua.words + ua.left_out, ub.words + ub.left_out);
    // Only words on both sides are two-sided detail: a spec or code one title leaves out is not
    // a different product.
    let both = ua.words.min(ub.words);
    let two_sided = if shares_distinctive_model(a, b) { ONE_SIDED } else { TWO_SIDED };
    shared / (shared + ONE_SIDED * (ta.max(tb) + ta.min(tb) - both) + two_sided * both)
}

/// A model code of three characters or more, two of them digits, on both sides (related).
fn shares_distinctive_model(a: &Prepared, b: &Prepared) -> bool {
    let distinctive = |s: &&str| s.len() >= 3 && s.chars().filter(char::is_ascii_digit).count() >= 2;
    a.models().filter(distinctive).any(|x| b.models().filter(distinctive).any(|y| related(x, y)))
}

/// Two specs with the same value; a number without a unit equals one with (`60x90` and
/// `60x90cm`, `3/4` and `3/4"`), and a round amount one in rupiah (`10000`, `rp10000`).
pub(super) fn same_value(a: &str, b: &str) -> bool {
    let bare = |s: &str| s.trim_end_matches(char::is_alphabetic).len();
    a == b || a.strip_prefix("rp") == Some(b) || b.strip_prefix("rp") == Some(a) || {
        let (na, nb) = (bare(a), bare(b));
        na > 0 && ((na < a.len() && a[..na] == *b) || (nb < b.len() && b[..nb] == *a))
    }
}
