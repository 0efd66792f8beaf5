//! What an electrical good is rated for, stated in sorts no title converts (review38m kit,
//! `Kabel 220V 2 A` / `Kabel 220V 2x1.5`): a current in amperes, a power in watts, a cable's
//! conductors (`2x1.5`, two of 1.5 mm²). A cable of 2 A and one of 2 × 1.5 mm² (made for some
//! 16 A) shared only the cable and the mains' `220v`, and each rating was one-sided detail.

use super::ProductKey;
use super::category::category;
use super::similar::related;
use super::tables;

/// The sorts of rating a key states.
fn sorts(key: &ProductKey) -> Vec<&'static str> {
    let cable = key.tokens.iter().chain(std::iter::once(&key.kind)).any(|t| matches!(t.as_str(), "kabel" | "cable"));
    let mut out: Vec<&'static str> = key
        .specs
        .iter()
        .filter_map(|s| match category(s) {
            _ if amperes(s) => Some("current"),
            "power" => Some("power"),
            "dimension" if cable && s.contains('x') => Some("conductors"),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `2a`, `1.5a`: a current (read so beside a voltage, `reader::values`).
fn amperes(spec: &str) -> bool {
    spec.strip_suffix('a').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// Two titles each rating the good in a sort the other states none of, with no model code
/// related between them: (`a`'s sorts, `b`'s).
pub(super) fn apart(a: &ProductKey, b: &ProductKey) -> Option<(Vec<&'static str>, Vec<&'static str>)> {
    let (x, y) = (sorts(a), sorts(b));
    let own = |p: &[&str], q: &[&str]| p.iter().any(|s| !q.contains(s));
    // A shared rating (`220v`) relates no two models (R37m-6).
    let models = |k: &ProductKey| {
        let model = |s: &&String| category(s) == "model" && !amperes(s) && tables::electrical_spec(s).is_none();
        k.specs.iter().filter(model).cloned().collect::<Vec<_>>()
    };
    let shared = models(a).iter().any(|p| models(b).iter().any(|q| related(p, q)));
    (own(&x, &y) && own(&y, &x) && !x.iter().any(|s| y.contains(s)) && !shared).then_some((x, y))
}
