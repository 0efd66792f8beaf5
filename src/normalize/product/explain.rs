//! Explaining a match: which words and specs agree and what conflicts.

use super::similar::{self, Idf};
use super::tables::{self, Dimension};
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
    let conflicts: Vec<String> = similar::conflicts(a, b)
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

/// Paper and sheet sizes written as codes.
pub(super) const SIZE_CODES: &[&str] =
    &["a0", "a1", "a2", "a3", "a4", "a5", "a6", "b4", "b5", "f4", "q4", "legal", "letter", "aa", "aaa", "kabinet"];

/// What a spec is about, to say what conflicts.
pub(super) fn category(spec: &str) -> &'static str {
    if SIZE_CODES.contains(&spec) {
        return "size";
    }
    if spec.starts_with('+') {
        return "included";
    }
    if tables::COLOURS.iter().any(|(_, c)| *c == spec) {
        return "colour";
    }
    if spec.strip_prefix("rp").is_some_and(|amount| amount.chars().all(|c| c.is_ascii_digit() || c == '.')) {
        return "face value";
    }
    if is_cpu(spec) {
        return "processor";
    }
    let suffix = spec.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == 'x');
    if suffix.len() < spec.len()
        && let Some((_, _, dimension)) = tables::UNITS.iter().find(|(_, canonical, _)| *canonical == suffix)
    {
        return match dimension {
            Dimension::Grammage => "grammage",
            Dimension::Mass => "weight",
            Dimension::Volume => "volume",
            Dimension::Storage => "storage",
            Dimension::Length => "dimension",
            Dimension::Capacity => "capacity",
            Dimension::Brightness => "brightness",
            Dimension::Screen => "screen",
            Dimension::Ply => "ply",
            Dimension::Sheets => "sheets",
            Dimension::Power => "power",
            Dimension::Drawers => "drawers",
            Dimension::Doors => "doors",
            Dimension::Tiers => "tiers",
            Dimension::Ports => "ports",
        };
    }
    if spec.contains('x') && spec.chars().all(|c| c.is_ascii_digit() || c == '.' || c == 'x') {
        return "dimension";
    }
    "model"
}

/// `i3`, `i5`, `i7`, `i9`: a processor class, which no other spec of a laptop repeats.
pub(super) fn is_cpu(spec: &str) -> bool {
    matches!(spec, "i3" | "i5" | "i7" | "i9")
}
