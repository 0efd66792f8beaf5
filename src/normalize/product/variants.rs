//! Words that make another product of one maker and model (review36b R36b-3): a small and a
//! large one (`Stapler Kecil HD-10` / `Stapler Besar HD-10`, which their shared model code made
//! one).

use super::ProductKey;

/// Words for a product's size: two titles stating different ones are different products.
const SIZE_WORDS: &[&str] = &["kecil", "sedang", "besar"];

/// What keeps `a` and `b` apart, as (what, one side, other side).
pub(super) fn apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(&'static str, Vec<&'a str>, Vec<&'a str>)> {
    sizes(a, b).map(|(x, y)| ("size", x, y))
}

fn sizes<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    let said =
        |k: &'a ProductKey| k.tokens.iter().map(String::as_str).filter(|t| SIZE_WORDS.contains(t)).collect::<Vec<_>>();
    let (x, y) = (said(a), said(b));
    (!x.is_empty() && !y.is_empty() && x != y).then_some((x, y))
}
