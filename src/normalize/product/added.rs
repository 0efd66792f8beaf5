//! A word one title adds after the words both write (review36b R36b-3, review37m R37m-7): `Kopi
//! Kapal Api Special` / `… Special Mix`, `Susu Kental Manis Bendera` / `… Bendera Emas`, `Mouse
//! Logitech Pro` / `… Pro X` name another variant of one line. The added word was one-sided
//! detail, which weighs little, and a one-sided colour (`Emas`) none at all.

use super::ProductKey;
use super::category::category;
use super::food;
use super::lex::{Class, Tok};
use super::similar::{related, same_value};
use super::tables;
use super::vocab;

/// The words a title (`toks`, whole) opens with, up to its first number or code, noise left out:
/// the name of what it is (`kopi kapal api special`, `mouse logitech pro x`).
pub(super) fn read(toks: &[Tok]) -> Vec<String> {
    let words = toks.iter().take_while(|t| t.class == Class::Word);
    words.filter(|t| !tables::NOISE.contains(&t.text.as_str())).map(|t| tables::synonym(&t.text).to_string()).collect()
}

/// Words naming a variant of a line (`Bendera Emas`, `Kapal Api Special Mix`), whatever else two
/// titles share: a colour (`emas`) or a word that elsewhere says little.
const VARIANT_WORDS: &[&str] = &["emas", "gold", "silver", "perak", "platinum", "mix"];

/// The words `b`'s name adds after all of `a`'s, where `a`'s name stops (`Special` / `Special
/// Mix`, `Bendera 370 gr` / `Bendera Emas 370 gr`), when one of them is a word or colour `b`
/// keeps and `a` does not write, and it is a variant's word or nothing else says the two are one
/// product: no spec of one is the other's, no model code related to one of the other's. A shared
/// code or measure says which product it is whatever a title adds (`Beras Topi Koki 5kg` /
/// `… Premium 5 KG`, the devset's one product).
pub(super) fn apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<Vec<&'a str>> {
    let (x, y) = (&a.place.said, &b.place.said);
    if x.is_empty() || !y.starts_with(x) {
        return None;
    }
    let added: Vec<&str> = y[x.len()..].iter().map(String::as_str).filter(|w| keeps(b, w) && !writes(a, w)).collect();
    let variant = added.iter().any(|w| VARIANT_WORDS.contains(w));
    // A word the matcher knows says what the product is or is like (`Hapusan Whiteboard Kayu
    // Magnet`, most such erasers are): detail, not a name.
    let named = added.iter().any(|w| !vocab::known(w));
    (!added.is_empty() && (variant || (named && !shares_spec(a, b)))).then_some(added)
}

/// Whether a key keeps `word` among its words or as its colour or flavour.
fn keeps(key: &ProductKey, word: &str) -> bool {
    let colour = tables::colour(word).or_else(|| food::flavour(word));
    key.tokens.iter().any(|t| t == word) || colour.is_some_and(|c| key.specs.iter().any(|s| s == c))
}

/// Whether a key writes `word` anywhere: among its words, specs or its kind's.
fn writes(key: &ProductKey, word: &str) -> bool {
    keeps(key, word) || key.specs.iter().any(|s| s == word) || key.kind.split(' ').any(|k| k == word)
}

/// Whether a spec of one key is one of the other's, a length the first of the other's size
/// (`100cm`, `100x60 cm`), or a model code related to one.
fn shares_spec(a: &ProductKey, b: &ProductKey) -> bool {
    let model = |s: &str| category(s) == "model";
    let length_of = |p: &str, q: &str| {
        let number = p.trim_end_matches(char::is_alphabetic);
        !number.is_empty() && q.starts_with(&format!("{number}x"))
    };
    a.specs.iter().any(|p| {
        b.specs
            .iter()
            .any(|q| same_value(p, q) || length_of(p, q) || length_of(q, p) || (model(p) && model(q) && related(p, q)))
    })
}
