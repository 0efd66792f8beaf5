//! What decides a match: decisive conflicts, and a similarity for everything else.
//!
//! A conflict is a decisive spec both titles state with different values (sizes, grammage,
//! capacities, model codes of different families, different colours), or a brand or kind both
//! name differently. Everything else is weighed: words, brand, specs and model codes are
//! features weighted by their inverse document frequency over the set being compared, and
//! [`similarity`] compares what the two titles share with what only one of them says.

use super::ProductKey;
use super::amounts;
use super::category::{ORIGIN_COMPATIBLE, REFILL_ONLY, category};
use super::place_apart;
use super::tables;
use super::variants;
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
fn same_value(a: &str, b: &str) -> bool {
    let bare = |s: &str| s.trim_end_matches(char::is_alphabetic).len();
    a == b || a.strip_prefix("rp") == Some(b) || b.strip_prefix("rp") == Some(a) || {
        let (na, nb) = (bare(a), bare(b));
        na > 0 && ((na < a.len() && a[..na] == *b) || (nb < b.len() && b[..nb] == *a))
    }
}

/// Whether one key names its maker where the other, naming none, has a word of its own, or two
/// naming none each have a word of their own in one place.
pub(super) fn makers_apart(a: &ProductKey, b: &ProductKey) -> bool {
    place_apart::apart(a, b).is_some() || place_apart::apart(b, a).is_some() || place_apart::words_apart(a, b).is_some()
}

/// Whether two keys name different makers: different brands, or a maker where the other has a
/// word of its own.
pub(super) fn makers_differ(a: &ProductKey, b: &ProductKey) -> bool {
    brands_apart(a, b).is_some() || makers_apart(a, b)
}

/// The brands of two keys naming different ones. A brand read from a title's words (`Copylas`)
/// may be a word of the other title that names its brand elsewhere; it conflicts only when
/// neither title has the other's. Dictionary words where a brand is read count as one here
/// only: `Kertas HVS Natural` is no brand's, and not Copylas's paper either.
fn brands_apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(&'a str, &'a str)> {
    let joined = |brand: &str| brand.to_lowercase().replace([' ', '-'], "");
    // Every word of it: `Sinar Jaya` is not named by a title that has `sinar` of `Sinar Dunia`.
    let names = |k: &ProductKey, brand: &str| {
        let words = brand.to_lowercase();
        words.split([' ', '-']).all(|w| k.tokens.iter().any(|t| t == w)) || k.tokens.contains(&joined(brand))
    };
    let maker = |k: &'a ProductKey| k.brand.as_deref().or(k.place.in_dictionary.as_deref());
    let (x, y) = (maker(a)?, maker(b)?);
    (joined(x) != joined(y) && !names(a, y) && !names(b, x)).then_some((x, y))
}

/// What conflicts between two keys, as (what, one side, other side); empty when nothing does.
pub(super) fn conflicts<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Vec<(String, Vec<&'a str>, Vec<&'a str>)> {
    let mut out = Vec::new();
    if let Some((what, x, y)) = a.says.apart(b.says) {
        out.push((what, x, y));
    }
    if !a.kind.is_empty() && !b.kind.is_empty() && a.kind != b.kind {
        out.push(("kind".to_string(), vec![a.kind.as_str()], vec![b.kind.as_str()]));
    }
    if let Some((x, y)) = brands_apart(a, b) {
        let what = if a.brand.is_some() && b.brand.is_some() { "brand" } else { "maker" };
        out.push((what.to_string(), vec![x], vec![y]));
    }
    if let Some((x, y)) = place_apart::apart(a, b) {
        out.push(("maker".to_string(), vec![x], vec![y]));
    } else if let Some((y, x)) = place_apart::apart(b, a) {
        out.push(("maker".to_string(), vec![x], vec![y]));
    } else if let Some((x, y)) = place_apart::words_apart(a, b) {
        out.push(("maker".to_string(), vec![x], vec![y]));
    }
    if let Some((brand, part)) = variants::part_of_brand(a, b) {
        out.push(("maker".to_string(), vec![brand], part));
    } else if let Some((brand, part)) = variants::part_of_brand(b, a) {
        out.push(("maker".to_string(), part, vec![brand]));
    }
    if let Some((what, x, y)) = variants::apart(a, b) {
        out.push((what.to_string(), x, y));
    }
    // A title that says nothing of its origin is the maker's own: a compatible toner is never
    // the original, and a refill without its gallon never the one sold with it.
    let compatible = |k: &ProductKey| k.specs.iter().any(|s| s == ORIGIN_COMPATIBLE);
    if compatible(a) != compatible(b) {
        let said = |k: &ProductKey| if compatible(k) { "compatible" } else { "original" };
        out.push(("origin".to_string(), vec![said(a)], vec![said(b)]));
    }
    // A desk with a drawer unit (`1/2 Biro`) is not the plain desk, nor one with another.
    let variant =
        |k: &'a ProductKey| k.specs.iter().filter(|s| category(s) == "variant").map(String::as_str).collect::<Vec<_>>();
    if variant(a) != variant(b) {
        let shown = |k: &'a ProductKey| if variant(k).is_empty() { vec!["plain"] } else { variant(k) };
        out.push(("variant".to_string(), shown(a), shown(b)));
    }
    let refill = |k: &ProductKey| k.specs.iter().any(|s| s == REFILL_ONLY);
    let with =
        |k: &'a ProductKey| k.specs.iter().filter(|s| s.starts_with('+')).map(String::as_str).collect::<Vec<_>>();
    if (refill(a) && !with(b).is_empty()) || (refill(b) && !with(a).is_empty()) {
        let shown = |k: &'a ProductKey| if refill(k) { vec![REFILL_ONLY] } else { with(k) };
        out.push(("contents".to_string(), shown(a), shown(b)));
    }
    if let Some((x, y)) = amounts::apart(a, b) {
        out.push(("face value".to_string(), x, y));
    }
    let (sa, sb) = (by_category(&a.specs), by_category(&b.specs));
    for (what, x) in &sa {
        let Some(y) = sb.get(what).filter(|_| !matches!(*what, "variant" | "face value")) else { continue };
        let clash = match *what {
            // A shared electrical value or rating relates no two models (review37m R37m-6:
            // `12V 1.5A` met `12V 2A` on the `12v`); [`variants`] weighs the values themselves.
            "model" => {
                let plain = |v: &[&'a str]| {
                    v.iter().copied().filter(|s| tables::electrical_spec(s).is_none()).collect::<Vec<_>>()
                };
                let (px, py) = (plain(x), plain(y));
                models_clash(x, y) || (!px.is_empty() && !py.is_empty() && models_clash(&px, &py))
            }
            // RAM and storage: one title may leave one out, but never states another.
            // Two titles that both say what the offer includes say all of it (`dengan Sopir` is
            // not `dengan Sopir dan BBM`).
            "colour" | "included" => x != y,
            // Otherwise one title may leave a value out (RAM or storage, a length), never state
            // another: `8GB 512GB` and `512GB` agree, `8GB 512GB` and `16GB 512GB` do not.
            // `120 cm` is the length of `120x60 cm`.
            "dimension" => {
                let within =
                    |p: &[&str], q: &[&str]| p.iter().all(|v| q.iter().any(|w| same_value(v, w) || length_of(v, w)));
                !(within(x, y) || within(y, x))
            }
            _ => {
                let within = |p: &[&str], q: &[&str]| p.iter().all(|v| q.iter().any(|w| same_value(v, w)));
                !(within(x, y) || within(y, x))
            }
        };
        if clash {
            out.push((what.to_string(), x.clone(), y.clone()));
        }
    }
    out
}

/// Whether two titles' model codes name other models. Part numbers (letters and two digits or
/// more: `tk1114`, `jv100`) are the strongest identity: when both titles give one, one of each
/// must be related, whatever a looser number (`160`) shares.
fn models_clash(x: &[&str], y: &[&str]) -> bool {
    let part =
        |v: &&str| v.chars().any(|c| c.is_ascii_alphabetic()) && v.chars().filter(char::is_ascii_digit).count() >= 2;
    let (px, py): (Vec<&str>, Vec<&str>) =
        (x.iter().copied().filter(part).collect(), y.iter().copied().filter(part).collect());
    let parts_differ = !px.is_empty() && !py.is_empty() && !px.iter().any(|p| py.iter().any(|q| related(p, q)));
    parts_differ || !x.iter().any(|p| y.iter().any(|q| related(p, q)))
}

/// Whether a single length (`120cm`) is the first measure of a size (`120x60`, `120x60cm`) in
/// the same unit or none.
fn length_of(length: &str, size: &str) -> bool {
    let number = |s: &str| s.trim_end_matches(char::is_alphabetic).to_string();
    let unit = |s: &str| s[number(s).len()..].to_string();
    let Some((first, _)) = size.split_once('x') else { return false };
    !length.contains('x') && number(length) == first && (unit(size).is_empty() || unit(size) == unit(length))
}

fn by_category(specs: &[String]) -> std::collections::BTreeMap<&'static str, Vec<&str>> {
    let mut out: std::collections::BTreeMap<&'static str, Vec<&str>> = std::collections::BTreeMap::new();
    for spec in specs {
        out.entry(category(spec)).or_default().push(spec);
    }
    out
}
