//! Decisive conflicts between two product keys: what keeps them apart whatever else they share
//! (a spec both state with different values, a brand or kind both name differently, a maker, an
//! origin, a variant, contents, a face value). [`similar`](super::similar) weighs the rest.

use super::ProductKey;
use super::amounts;
use super::category::{ORIGIN_COMPATIBLE, REFILL_ONLY, category};
use super::place_apart;
use super::similar::{related, same_value};
use super::tables;
use super::variants;

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
    parts_differ || !x.iter().any(|p| y.iter().any(|q| related(p, q))) || other_of_series(x, y)
}

/// The letters of a code of letters then digits (`gen` of `gen4`, `g` of `g5`).
fn series(code: &str) -> Option<&str> {
    let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = code.len() - letters.len();
    (digits > 0 && !letters.is_empty() && letters.bytes().all(|b| b.is_ascii_alphabetic())).then_some(letters)
}

/// Two titles each stating a code of one series the other does not relate to (`ThinkPad E14 Gen
/// 4` / `Gen 5`, `Odyssey G5 27` / `G7 27`): other models, whatever else they share (review37m
/// R37m-7: `gen4` and `gen5` were apart only as text, and the shared `e14` related the titles).
/// Not when both share a code of that series: a list of printers an ink fits (`L120 L360` /
/// `L360 L310`) names some of them.
fn other_of_series(x: &[&str], y: &[&str]) -> bool {
    let unrelated = |p: &str, other: &[&str]| !other.iter().any(|q| related(p, q));
    let shared = |s: &str| x.iter().any(|p| series(p) == Some(s) && !unrelated(p, y));
    x.iter()
        .filter(|p| unrelated(p, y))
        .filter_map(|p| series(p))
        .any(|s| !shared(s) && y.iter().any(|q| series(q) == Some(s) && unrelated(q, x)))
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
