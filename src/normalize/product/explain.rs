//! Explaining a match: which words and specs agree and what conflicts.

use super::conflicts;
use super::similar::{self, Idf};
use super::{MatchExplanation, ProductKey};

/// Why two keys are or are not the same product, judged on these two titles alone.
///
/// Conflicts are decisive specs both state differently (`"size A4 ≠ F4"`, `"grammage 70gsm ≠
/// 80gsm"`, `"model 85a, ce285a ≠ 83a, cf283a"`), or a brand or kind both name differently. The
/// score weighs the rest, with the pair itself as the set the frequencies are taken over, so
/// `group` of just these two keys puts them together exactly when `same` is true.
pub fn explain(a: &ProductKey, b: &ProductKey) -> MatchExplanation {
    explain_in(a, b, &Idf::new([a, b]))
}

/// [`explain`] with frequencies taken over a larger set.
pub(super) fn explain_in(a: &ProductKey, b: &ProductKey, idf: &Idf) -> MatchExplanation {
    let conflicts: Vec<String> = conflicts::conflicts(a, b)
        .into_iter()
        .map(|(what, x, y)| format!("{what} {} ≠ {}", shown(&what, &x), shown(&what, &y)))
        .collect();
    let (wa, wb) = (similar::words(a), similar::words(b));
    let matched_tokens: Vec<String> =
        wa.iter().filter(|w| similar::word_in(w, &wa, &wb)).map(|w| (*w).to_string()).collect();
    let matched_specs = common(&a.specs, &b.specs);
    let score = similar::similarity(a, b, idf);
    MatchExplanation {
        same: conflicts.is_empty() && score >= similar::THRESHOLD,
        matched_tokens,
        matched_specs,
        conflicts,
        score,
    }
}

/// Items in both sorted lists.
fn common(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|x| b.binary_search(x).is_ok()).cloned().collect()
}

fn shown(category: &str, values: &[&str]) -> String {
    let joined = values.join(", ");
    if category == "size" { joined.to_uppercase() } else { joined }
}
