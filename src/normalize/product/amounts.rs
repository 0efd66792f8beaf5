//! Amounts of rupiah in a title (`rp10000`): a face value or a price, which a title does not
//! tell apart (review35m M35-1, M35-2). Two titles stating different amounts are different
//! products. A title with two (`Materai 6000 Rp 10rb`: its face value and its price) is not
//! known to be either, so it meets only a title stating the same two.

use super::ProductKey;
use super::category::category;

/// The amount a spec states: rupiah (`rp10000`), or a bare round thousand (`Meterai 10000`),
/// how a face value is written without `Rp`.
fn amount(spec: &str) -> Option<&str> {
    if category(spec) == "face value" {
        return spec.strip_prefix("rp");
    }
    let round = spec.len() >= 4 && spec.ends_with("000") && !spec.starts_with('0');
    (round && spec.bytes().all(|b| b.is_ascii_digit())).then_some(spec)
}

/// The specs stating each amount of a key, one per amount, by amount.
fn stated(key: &ProductKey) -> Vec<(&str, &str)> {
    let mut out: Vec<(&str, &str)> = key.specs.iter().filter_map(|s| amount(s).map(|a| (a, s.as_str()))).collect();
    out.sort_unstable();
    out.dedup_by_key(|(a, _)| *a);
    out
}

/// The specs of two keys that state different amounts. Only where one of them states rupiah:
/// two bare numbers are left to the model codes they are read as.
pub(super) fn apart<'a>(a: &'a ProductKey, b: &'a ProductKey) -> Option<(Vec<&'a str>, Vec<&'a str>)> {
    let rupiah = |k: &ProductKey| k.specs.iter().any(|s| category(s) == "face value");
    if !rupiah(a) && !rupiah(b) {
        return None;
    }
    let (x, y) = (stated(a), stated(b));
    let differ = x.len() != y.len() || x.iter().zip(&y).any(|((p, _), (q, _))| p != q);
    let specs = |v: Vec<(&'a str, &'a str)>| v.into_iter().map(|(_, s)| s).collect();
    (!x.is_empty() && !y.is_empty() && differ).then(|| (specs(x), specs(y)))
}
