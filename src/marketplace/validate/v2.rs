//! The rules of format 2's keys: which keys need `format = 2`, flags and value tables, the PPN
//! inclusion stated somewhere, and stated-to-effective rate rules.

use super::problem::Problems;
use super::rules::is_percent;
use crate::marketplace::definition::{FieldMap, FieldSpec, FirstCursor, Pagination, Pricing, ResponseSpec};
use crate::normalize::availability::WORDS;

/// The format versions this gateway reads.
pub(super) const FORMATS: &[u32] = &[1, 2];

/// What a file uses of format 2, by key path.
pub(super) fn v2_keys(
    fields: Option<&FieldMap>,
    pricing: Option<&Pricing>,
    response: Option<&ResponseSpec>,
    pagination: Option<&Pagination>,
) -> Vec<&'static str> {
    let mut used: Vec<&'static str> =
        fields.map(|f| new_fields(f).filter(|(_, s)| s.is_some()).map(|(n, _)| n).collect()).unwrap_or_default();
    // A format 1 flag reads `true`, `"ya"` and `1` only; naming its own true values is format 2's.
    if fields.and_then(|f| f.bbi.as_ref()).is_some_and(|spec| spec.true_values().is_some()) {
        used.push("fields.bbi.true_values");
    }
    if pricing.is_some_and(|p| !p.rules.is_empty()) {
        used.push("pricing.rules");
    }
    if response.is_some_and(|r| r.total_approximate) {
        used.push("response.total_approximate");
    }
    if pagination.is_some_and(|p| p.first_cursor != FirstCursor::Absent) {
        used.push("pagination.first_cursor");
    }
    used
}

/// Format 2's fields, with their key paths.
fn new_fields(f: &FieldMap) -> impl Iterator<Item = (&'static str, Option<&FieldSpec>)> {
    [
        ("fields.includes_vat", f.includes_vat.as_ref()),
        ("fields.vendor_pkp", f.vendor_pkp.as_ref()),
        ("fields.vat_exempt", f.vat_exempt.as_ref()),
        ("fields.regional_tax", f.regional_tax.as_ref()),
        ("fields.brand", f.brand.as_ref()),
        ("fields.model", f.model.as_ref()),
        ("fields.pack_quantity", f.pack_quantity.as_ref()),
        ("fields.base_unit", f.base_unit.as_ref()),
        ("fields.availability", f.availability.as_ref()),
        ("fields.min_order", f.min_order.as_ref()),
        ("fields.seller_url", f.seller_url.as_ref()),
        ("fields.seller_rating", f.seller_rating.as_ref()),
    ]
    .into_iter()
}

/// `format` itself, and format 2's keys in a file that does not declare it.
pub(super) fn check_format(format: u32, used: &[&str], problems: &mut Problems<'_>) {
    if !FORMATS.contains(&format) {
        problems.add("format", format!("`{format}` is not a format this gateway reads; expected 1 or 2"));
        return;
    }
    if format == 1 {
        for key in used {
            problems.add(key, "needs `format = 2` at the top of the file (adapters/README.md §12)");
        }
    }
}

/// `true_values` only on flags, `values` only on availability and only to Pasar's words.
pub(super) fn check_vocabularies(f: &FieldMap, problems: &mut Problems<'_>) {
    const FLAGS: &[&str] = &["includes_vat", "vendor_pkp", "vat_exempt", "regional_tax", "bbi"];
    let all = f.entries();
    for (name, spec) in all {
        let Some(spec) = spec else { continue };
        if spec.true_values().is_some() && !FLAGS.contains(&name) {
            problems.add(
                &format!("fields.{name}.true_values"),
                format!("only flags take true_values: {}", FLAGS.join(", ")),
            );
        }
        if spec.true_values().is_some_and(<[String]>::is_empty) {
            problems.add(&format!("fields.{name}.true_values"), "must list at least one value");
        }
        if spec.values().is_some() && name != "availability" {
            problems.add(&format!("fields.{name}.values"), "only availability takes a table of values");
        }
        for (from, to) in spec.values().into_iter().flatten() {
            if !WORDS.contains(&to.as_str()) {
                problems.add(
                    &format!("fields.{name}.values.{from}"),
                    format!("`{to}` is not one of: {}", WORDS.join(", ")),
                );
            }
        }
    }
}

/// PPN inclusion stated somewhere, and rate rules that are percentages, each stated rate once.
pub(super) fn check_vat(pricing: &Pricing, fields: Option<&FieldMap>, problems: &mut Problems<'_>) {
    if pricing.includes_vat.is_none() && fields.is_some_and(|f| f.includes_vat.is_none()) {
        problems.add(
            "pricing.includes_vat",
            "missing: say whether prices include PPN here, or per offer with `[fields] includes_vat`",
        );
    }
    for (i, rule) in pricing.rules.iter().enumerate() {
        for (key, text) in [("stated", &rule.stated), ("effective", &rule.effective)] {
            if !is_percent(text) {
                problems.add(
                    &format!("pricing.rules[{i}].{key}"),
                    format!("`{text}` must be a percentage between 0 and 100"),
                );
            }
        }
        if rule.regulation.trim().is_empty() {
            problems.add(&format!("pricing.rules[{i}].regulation"), "name the regulation, e.g. \"PMK 131/2024\"");
        }
        let same = |r: &&crate::marketplace::definition::RateRuleSpec| rate(&r.stated) == rate(&rule.stated);
        if pricing.rules[..i].iter().any(|r| same(&r)) {
            problems.add(&format!("pricing.rules[{i}].stated"), format!("`{}` has a rule already", rule.stated));
        }
    }
}

fn rate(text: &str) -> Option<rust_decimal::Decimal> {
    text.trim().parse::<rust_decimal::Decimal>().ok().map(|d| d.normalize())
}
