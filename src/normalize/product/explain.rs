//! Explaining a match: which words and specs agree and what conflicts.

use super::tables::{self, Dimension};
use super::{MatchExplanation, ProductKey};
use std::collections::BTreeMap;

/// Why two keys are or are not the same product.
///
/// They are the same when nothing conflicts: same kind, same brand, same specs and same words.
/// Specs are compared per kind of spec, so the conflict says what differs (`"size A4 ≠ F4"`,
/// `"grammage 70gsm ≠ 80gsm"`, `"model 85a, ce285a ≠ 83a, cf283a"`).
pub fn explain(a: &ProductKey, b: &ProductKey) -> MatchExplanation {
    let mut conflicts = Vec::new();
    if a.kind != b.kind {
        conflicts.push(format!("kind {} ≠ {}", or_unknown(&a.kind), or_unknown(&b.kind)));
    }
    match (&a.brand, &b.brand) {
        (Some(x), Some(y)) if x != y => conflicts.push(format!("brand {x} ≠ {y}")),
        (Some(x), None) | (None, Some(x)) => conflicts.push(format!("brand {x} ≠ none")),
        _ => {}
    }
    let (sa, sb) = (by_category(&a.specs), by_category(&b.specs));
    let categories: std::collections::BTreeSet<&str> = sa.keys().chain(sb.keys()).copied().collect();
    for category in categories {
        let (x, y) = (sa.get(category), sb.get(category));
        if x != y {
            let show = |v: Option<&Vec<&str>>| v.map_or_else(|| "none".to_string(), |v| shown(category, v));
            conflicts.push(format!("{category} {} ≠ {}", show(x), show(y)));
        }
    }
    let only = |x: &[String], y: &[String]| -> Vec<String> { x.iter().filter(|t| !y.contains(t)).cloned().collect() };
    let (ta, tb) = (only(&a.tokens, &b.tokens), only(&b.tokens, &a.tokens));
    if !ta.is_empty() || !tb.is_empty() {
        let show = |v: &[String]| if v.is_empty() { "none".to_string() } else { v.join(" ") };
        conflicts.push(format!("words {} ≠ {}", show(&ta), show(&tb)));
    }
    let matched_specs = common(&a.specs, &b.specs);
    let matched_tokens = common(&a.tokens, &b.tokens);
    let score = 0.2 * f64::from(u8::from(a.kind == b.kind))
        + 0.2 * f64::from(u8::from(a.brand == b.brand))
        + 0.35 * jaccard(matched_specs.len(), a.specs.len(), b.specs.len())
        + 0.25 * jaccard(matched_tokens.len(), a.tokens.len(), b.tokens.len());
    MatchExplanation { same: conflicts.is_empty(), matched_tokens, matched_specs, conflicts, score }
}

fn or_unknown(kind: &str) -> &str {
    if kind.is_empty() { "unknown" } else { kind }
}

/// Items in both sorted lists.
fn common(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|x| b.binary_search(x).is_ok()).cloned().collect()
}

fn jaccard(both: usize, a: usize, b: usize) -> f64 {
    let union = a + b - both;
    if union == 0 { 1.0 } else { both as f64 / union as f64 }
}

fn by_category(specs: &[String]) -> BTreeMap<&'static str, Vec<&str>> {
    let mut out: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    for spec in specs {
        out.entry(category(spec)).or_default().push(spec);
    }
    out
}

fn shown(category: &str, values: &[&str]) -> String {
    let joined = values.join(", ");
    if category == "size" { joined.to_uppercase() } else { joined }
}

/// Paper and sheet sizes written as codes.
pub(super) const SIZE_CODES: &[&str] =
    &["a0", "a1", "a2", "a3", "a4", "a5", "a6", "b4", "b5", "f4", "q4", "legal", "letter"];

/// What a spec is about, to say what conflicts.
pub(super) fn category(spec: &str) -> &'static str {
    if SIZE_CODES.contains(&spec) {
        return "size";
    }
    if tables::COLOURS.iter().any(|(_, c)| *c == spec) {
        return "colour";
    }
    if spec.strip_prefix("rp").is_some_and(|amount| amount.chars().all(|c| c.is_ascii_digit() || c == '.')) {
        return "face value";
    }
    if spec.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return "number";
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
        };
    }
    if spec.contains('x') && spec.chars().all(|c| c.is_ascii_digit() || c == '.' || c == 'x') {
        return "dimension";
    }
    "model"
}
