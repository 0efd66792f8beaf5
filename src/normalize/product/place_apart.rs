//! Whether two keys are apart by where their titles name the maker (see `place.rs`).

use super::ProductKey;
use super::category::category;
use super::place::Beside;

/// The maker `a` names and the word `b`, which names none, has in its place (next to what is
/// next to the maker: `Stapler Max` and `Joyko Stapler` name their makers beside the stapler) and
/// `a` has not. When `a`'s maker is stated by its marketplace and its title names none, any place
/// beside what `a`'s title says may be the maker's: `Isi Staples Max No 10` has `max` there, and
/// nothing else tells it from Joyko's `Isi Staples No 10`.
pub(super) fn apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(&'a str, &'a str)> {
    if b.brand.is_some() || b.place.words.is_empty() {
        return None;
    }
    let brand = a.brand.as_deref()?;
    let has = |word: &str| {
        a.tokens.iter().any(|t| t == word)
            || a.specs.iter().any(|s| s.starts_with(word))
            || a.kind.split(' ').any(|k| k == word)
            || brand.split(' ').any(|w| w.eq_ignore_ascii_case(word))
    };
    let kind = format!("#{}", a.kind);
    // `Stapler HD-10 Max`: the last word, right after the model code, is where sellers name the
    // maker too (review37m R37m-8: the title met Kenko's `Kenko Stapler HD-10`).
    let after_code = |beside: &Beside| {
        let code = |w: &String| {
            let part = w.contains(|c: char| c.is_ascii_digit()) && w.contains(|c: char| c.is_ascii_alphabetic());
            part && b.specs.iter().any(|s| s == w && category(s) == "model")
        };
        beside[1].is_none() && beside[0].as_ref().is_some_and(code)
    };
    let makers = |beside: &Beside| match &a.place.maker {
        _ if after_code(beside) => true,
        Some(maker) => beside.iter().flatten().any(|w| maker.iter().flatten().any(|m| m == w)),
        None => beside.iter().flatten().any(|w| *w == kind || has(w)),
    };
    b.place.words.iter().find(|(word, beside)| makers(beside) && !has(word)).map(|(word, _)| (brand, word.as_str()))
}

/// Two titles naming no brand, each with a word of its own right after the same word, where a
/// maker is named after what the product is: `Stapler Max HD-10` and `Stapler Smart HD-10` name
/// two makers by dictionary words, and a title naming none joined them both into one group
/// (review35m M35-6). The words, as (`a`'s, `b`'s).
pub(super) fn words_apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(&'a str, &'a str)> {
    if a.brand.is_some() || b.brand.is_some() {
        return None;
    }
    let own = |word: &str, other: &ProductKey| !other.tokens.iter().any(|t| t == word) && !said(other, word);
    let near = |x: &Beside, y: &Beside| x[0].is_some() && x[0] == y[0];
    a.place.words.iter().filter(|(word, _)| own(word, b)).find_map(|(word, beside)| {
        let other = b.place.words.iter().find(|(theirs, at)| own(theirs, a) && near(beside, at))?;
        Some((word.as_str(), other.0.as_str()))
    })
}

/// Whether `key` says `word` other than among its words: in a model code (`maxhd10`) or its kind.
fn said(key: &ProductKey, word: &str) -> bool {
    key.specs.iter().any(|s| s.starts_with(word)) || key.kind.split(' ').any(|k| k == word)
}
