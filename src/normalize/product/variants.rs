//! Words that make another product of one maker and model (review36b R36b-3): a small and a
//! large one (`Stapler Kecil HD-10` / `Stapler Besar HD-10`, which their shared model code made
//! one); and part of a maker's name, which is not that maker (R36b-2).

use super::ProductKey;
use super::added;
use super::category::category;
use super::lex::{Class, Tok};
use super::names;
use super::ratings;
use super::series;
use super::similar::related;
use super::tables;
use super::worn::{LETTER_SIZES, WORN};

/// Words for a product's size: two titles stating different ones are different products.
const SIZE_WORDS: &[&str] = &["kecil", "sedang", "besar"];

/// Clothing sizes of the `XL` family, likewise (review37m R37m-5: `Kaos XL` / `Kaos 2XL`).
const CLOTHING_SIZES: &[&str] = &["xs", "xl", "xxl", "xxxl", "xxxxl", "xxxxxl"];

/// What keeps `a` and `b` apart, as (what, one side, other side).
pub(super) fn apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(&'static str, Vec<&'a str>, Vec<&'a str>)> {
    sizes(a, b, SIZE_WORDS)
        .or_else(|| sizes(a, b, CLOTHING_SIZES))
        // `S`, `M`, `L` are sizes only on something worn (R38m-5: `Kaos K123 L` met `… XL`).
        .or_else(|| sizes(a, b, LETTER_SIZES).filter(|_| worn(a) && worn(b)))
        .map(|(x, y)| ("size", x, y))
        .or_else(|| ["value", "voltage"].into_iter().find_map(|what| rated(a, b, what)))
        .or_else(|| set(a, b).map(|(x, y)| ("contents", x, y)))
        .or_else(|| ratings::apart(a, b).map(|(x, y)| ("rating", x, y)))
        .or_else(|| added::apart(a, b).map(|y| ("variant", vec!["plain"], y)))
        .or_else(|| added::apart(b, a).map(|x| ("variant", x, vec!["plain"])))
        .or_else(|| line(a, b).or_else(|| series::apart(a, b)).map(|(x, y)| ("line", x, y)))
        .or_else(|| high_yield(a, b).or_else(|| high_yield(b, a).map(|(y, x)| (x, y))).map(|(x, y)| ("yield", x, y)))
}

/// A high-yield `XL` code of one title whose standard code the other states, with no code of the
/// other related to the `XL` one: `680xl` against `680` beside a printer's `2135` both write
/// (review38m R38m-6: the shared printer's model related the two titles' codes).
fn high_yield<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    let models = |k: &'a ProductKey| k.specs.iter().map(String::as_str).filter(|s| category(s) == "model");
    let xl = models(a).find(|x| {
        let standard = x.strip_suffix("xl").filter(|s| s.contains(|c: char| c.is_ascii_digit()));
        standard.is_some_and(|s| models(b).any(|y| related(s, y)) && !models(b).any(|y| related(x, y)))
    })?;
    let standard = xl.strip_suffix("xl")?;
    Some((vec![xl], models(b).filter(|y| related(standard, y)).collect()))
}

/// Words naming a line of one model number: `iPhone 13 Pro Max`, `Galaxy S23 Ultra`, `S23 FE`,
/// `iPhone 15 Plus` (`S23+` reads `plus`), `Galaxy A14 5G` (its network: the `4G` one is the
/// model a title naming none means).
const LINE_WORDS: &[&str] = &["pro", "ultra", "mini", "lite", "plus", "fe", "5g"];

/// The words of a model's line written right after its code (`13 Pro Max`, `S23 Ultra`), sorted:
/// elsewhere they name something else (`HP 410A … LaserJet Pro M452` is the printer's line).
/// `Max` is a line only after `Pro`: alone it is as often the stapler's maker. `Plus` before a
/// word other than a line's or a colour is what comes with the product (`L3110 + Tinta`), and
/// `Mini` right before a code is its line too (`Stapler Mini HD-10`, review38m R38m-8).
pub(super) fn lines(toks: &[Tok]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut after_code = false;
    for (at, tok) in toks.iter().enumerate() {
        let next = toks.get(at + 1);
        let named = |t: &Tok| LINE_WORDS.contains(&t.text.as_str()) || tables::colour(&t.text).is_some();
        let item = tok.is("plus") && next.is_some_and(|n| n.class == Class::Word && !named(n));
        let line = LINE_WORDS.contains(&tok.text.as_str()) || (tok.is("max") && out.iter().any(|w| w == "pro"));
        let before_code = tok.is("mini") && next.is_some_and(|n| n.class == Class::Code);
        if (after_code && line && !item) || before_code {
            out.push(tok.text.clone());
        } else {
            after_code = tok.class != Class::Word;
        }
    }
    out.sort();
    out
}

/// Two titles sharing a model code naming other lines of it, one of them maybe none: `iPhone 13
/// Pro Max`, `iPhone 13 Pro` and `iPhone 13` are three phones (review37m R37m-7: the word was
/// one-sided detail beside the shared code and storage).
fn line<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    let models = |k: &'a ProductKey| k.specs.iter().map(String::as_str).filter(|s| category(s) == "model");
    if !models(a).any(|x| models(b).any(|y| x == y)) {
        return None;
    }
    let said = |k: &'a ProductKey| {
        let words: Vec<&str> = k.place.lines.iter().map(String::as_str).collect();
        if words.is_empty() { vec!["plain"] } else { words }
    };
    let (x, y) = (said(a), said(b));
    (x != y).then_some((x, y))
}

/// Goods sold alone and as a set of the two: the nut and the bolt.
const SETS: &[[&str; 2]] = &[["mur", "baut"]];

/// A set of two goods (`Mur Baut M8`) and one of them alone (`Baut M8 x 20`): the set is another
/// product (review37m R37m-9: with the bolt's length a spec since 935ac6d, the one-sided `mur`
/// weighed too little to keep them apart).
fn set<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    let named = |k: &'a ProductKey, pair: &[&str; 2]| {
        k.tokens.iter().map(String::as_str).filter(|t| pair.contains(t)).collect::<Vec<_>>()
    };
    SETS.iter().find_map(|pair| {
        let (x, y) = (named(a, pair), named(b, pair));
        (!x.is_empty() && !y.is_empty() && x.len() != y.len()).then_some((x, y))
    })
}

/// A resistor's or capacitor's value, or a voltage rating, both titles state and differ in: each
/// is another part, whatever else the titles share (review37m R37m-3: as model codes, a shared
/// `1%`, `100uf` or `16v` made `1kohm`/`10kohm` or `16v`/`50v` one model). One title may leave
/// a value out (`Kapasitor 100nF` / `… 100nF 50V`).
fn rated<'a>(
    a: &'a ProductKey,
    b: &'a ProductKey,
    what: &'static str,
) -> Option<(&'static str, Vec<&'a str>, Vec<&'a str>)> {
    let stated = |k: &'a ProductKey| {
        k.specs.iter().map(String::as_str).filter(|s| tables::electrical_spec(s) == Some(what)).collect::<Vec<_>>()
    };
    let (x, y) = (stated(a), stated(b));
    let within = |p: &[&str], q: &[&str]| p.iter().all(|v| q.contains(v));
    (!x.is_empty() && !y.is_empty() && !within(&x, &y) && !within(&y, &x)).then_some((what, x, y))
}

/// Whether a key is of something worn, by its words and kind (`worn`).
fn worn(key: &ProductKey) -> bool {
    key.kind.starts_with("seragam") || key.tokens.iter().any(|t| WORN.contains(&t.as_str()))
}

fn sizes<'a>(a: &'a ProductKey, b: &'a ProductKey, words: &[&str]) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    let said =
        |k: &'a ProductKey| k.tokens.iter().map(String::as_str).filter(|t| words.contains(t)).collect::<Vec<_>>();
    let (x, y) = (said(a), said(b));
    (!x.is_empty() && !y.is_empty() && x != y).then_some((x, y))
}

/// A title naming no brand that writes some, not all, of the words of the other's known brand
/// (`Kopi Kapal Kecil` beside Kapal Api, `Semen Roda` beside Tiga Roda, `Air Mineral Minerale`
/// beside Le Minerale): not that brand, and so not known to be its product (review36b R36b-2:
/// once `Kecil` was no maker's word, the title joined Kapal Api). The brand and the words.
pub(super) fn part_of_brand<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(&'a str, Vec<&'a str>)> {
    // A brand read from a title's words (`Amplp Kenari`) is no name a maker is known by.
    let known = |brand: &&str| names::BRANDS.iter().any(|(name, _)| name == brand);
    let brand = a.brand.as_deref().filter(|_| b.brand.is_none()).filter(known)?;
    let lower = brand.to_lowercase();
    let words: Vec<&str> = lower.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let written: Vec<&'a str> = b.tokens.iter().map(String::as_str).filter(|t| words.contains(t)).collect();
    (words.len() >= 2 && !written.is_empty() && written.len() < words.len()).then_some((brand, written))
}
