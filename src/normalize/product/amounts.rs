//! Amounts of rupiah in a title (`rp10000`): a face value or a price, which a title does not
//! tell apart (review35m M35-1, M35-2). Two titles stating different amounts are different
//! products. A title with two (`Materai 6000 Rp 10rb`: its face value and its price) is not
//! known to be either, so it meets only a title stating the same two.

use super::ProductKey;
use super::category::category;
use super::tables;

/// The amount a spec states: rupiah (`rp10000`), or a bare round thousand (`Meterai 10000`),
/// how a face value is written without `Rp`.
fn amount(spec: &str) -> Option<&str> {
    if category(spec) == "face value" {
        return spec.strip_prefix("rp");
    }
    tables::round_thousand(spec).then_some(spec)
}

/// Whether a key states an amount.
pub(super) fn states(key: &ProductKey) -> bool {
    !stated(key).is_empty()
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
    let specs = |v: Vec<(&'a str, &'a str)>| v.into_iter().map(|(_, s)| s).collect::<Vec<_>>();
    // `Voucher Belanja 100` beside `… 100rb`: a bare number below a thousand is not the amount
    // in thousands, and a figure other than the amount (review36).
    if x.is_empty() != y.is_empty() {
        let figures = |k: &'a ProductKey, v: Vec<_>| if v.is_empty() { below_thousand(k) } else { specs(v) };
        let (p, q) = (figures(a, x), figures(b, y));
        return (!p.is_empty() && !q.is_empty()).then_some((p, q));
    }
    let differ = x.len() != y.len() || x.iter().zip(&y).any(|((p, _), (q, _))| p != q);
    (!x.is_empty() && !y.is_empty() && differ).then(|| (specs(x), specs(y)))
}

/// The bare numbers below a thousand a key states (`100` of `Voucher Belanja 100`).
fn below_thousand(key: &ProductKey) -> Vec<&str> {
    let small = |s: &&str| s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|n| n < 1000);
    key.specs.iter().map(String::as_str).filter(small).collect()
}

/// Two specs stating one amount (`150000`, `rp150000`).
pub(super) fn alike(a: &str, b: &str) -> bool {
    amount(a).is_some() && amount(a) == amount(b)
}

/// An amount spec as a title shows it: whether it is rupiah, and the number grouped in thousands
/// (`rp150000` → `(true, "150.000")`, `20000` → `(false, "20.000")`); `None` for any other spec.
pub fn grouped_amount(spec: &str) -> Option<(bool, String)> {
    let rupiah = category(spec) == "face value";
    let number = if rupiah { &spec[2..] } else { amount(spec)? };
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let mut out = String::new();
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    Some((rupiah, out))
}
