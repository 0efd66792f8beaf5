//! Whether two keys are apart by where their titles name the maker (see `place.rs`).

use super::ProductKey;
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
    let makers = |beside: &Beside| match &a.place.maker {
        Some(maker) => beside.iter().flatten().any(|w| maker.iter().flatten().any(|m| m == w)),
        None => beside.iter().flatten().any(|w| *w == kind || has(w)),
    };
    b.place.words.iter().find(|(word, beside)| makers(beside) && !has(word)).map(|(word, _)| (brand, word.as_str()))
}
