//! The rules of `[transactions]` and `[transaction_totals]` (adapters/README.md §13).

use super::problem::Problems;
use super::rules::{body_strings, check_pointer, is_percent, placeholders};
use crate::marketplace::definition::{FieldSpec, Method, PaginationKind, RequestSpec, ValueFormat};
use crate::marketplace::ledger_def::{PAYMENT_WORDS, STATUS_WORDS, TotalsSpec, TransactionsSpec};

const PLACEHOLDERS: &[&str] = &["buyer", "from", "to", "year", "page", "page_size", "offset", "cursor"];

pub(super) fn check_transactions(t: &TransactionsSpec, problems: &mut Problems<'_>) {
    check_request("transactions.request", &t.request, problems);
    let needed = match t.pagination.kind {
        PaginationKind::Page => "page",
        PaginationKind::Offset => "offset",
        PaginationKind::Cursor => "cursor",
    };
    if !uses(&t.request, needed) {
        problems.add(
            "transactions.pagination.kind",
            format!("paging by {needed} but no request parameter carries `{{{needed}}}`"),
        );
    }
    if t.pagination.kind == PaginationKind::Cursor && t.response.next_cursor.is_none() {
        problems.add("transactions.response.next_cursor", "cursor pagination needs a pointer to the next cursor");
    }
    if !(1..=1000).contains(&t.pagination.max_page_size) {
        problems.add("transactions.pagination.max_page_size", "must be between 1 and 1000");
    }
    check_pointer("transactions.response.items", &t.response.items, problems);
    for (key, pointer) in [("total", &t.response.total), ("next_cursor", &t.response.next_cursor)] {
        if let Some(p) = pointer {
            check_pointer(&format!("transactions.response.{key}"), p, problems);
        }
    }
    for (name, spec) in t.fields.entries() {
        if let Some(spec) = spec {
            check_field(&format!("transactions.fields.{name}"), name, spec, problems);
        }
    }
    check_words("transactions.fields.status.values", Some(&t.fields.status), STATUS_WORDS, problems);
    check_words("transactions.fields.payment_method.values", t.fields.payment_method.as_ref(), PAYMENT_WORDS, problems);
    if !is_percent(&t.pricing.vat_rate) {
        problems.add("transactions.pricing.vat_rate", "must be a percentage between 0 and 100, e.g. \"11\"");
    }
    if t.pricing.includes_vat.is_none() && t.fields.includes_vat.is_none() {
        problems.add(
            "transactions.pricing.includes_vat",
            "say whether amounts include PPN, here or per entry with `fields.includes_vat`",
        );
    }
}

pub(super) fn check_totals(t: &TotalsSpec, problems: &mut Problems<'_>) {
    check_request("transaction_totals.request", &t.request, problems);
    let r = &t.response;
    for (name, spec) in [
        ("amount_including_vat", &r.amount_including_vat),
        ("amount_excluding_vat", &r.amount_excluding_vat),
        ("count", &r.count),
    ] {
        check_field(&format!("transaction_totals.response.{name}"), "amount", spec, problems);
    }
}

fn check_request(prefix: &str, req: &RequestSpec, problems: &mut Problems<'_>) {
    if !req.path.starts_with('/') {
        problems.add(&format!("{prefix}.path"), "must start with `/`");
    }
    match (req.method, &req.body) {
        (Method::Get, Some(_)) => problems.add(&format!("{prefix}.body"), "a GET request cannot have a body"),
        (Method::Post, None) => problems.add(&format!("{prefix}.body"), "a POST request needs a JSON body template"),
        _ => {}
    }
    let mut strings: Vec<(String, String)> =
        req.query.iter().map(|(k, v)| (format!("{prefix}.query.{k}"), v.clone())).collect();
    if let Some(body) = &req.body {
        strings.extend(body_strings(body, &format!("{prefix}.body")));
    }
    for (key, text) in &strings {
        for name in placeholders(text).filter(|n| !PLACEHOLDERS.contains(n)) {
            problems.add(key, format!("unknown placeholder `{{{name}}}`; known: {}", PLACEHOLDERS.join(", ")));
        }
    }
    let carries = |name: &str| strings.iter().any(|(_, v)| placeholders(v).any(|p| p == name));
    if !carries("buyer") {
        problems.add(prefix, "no parameter carries `{buyer}`, so every buyer would get the same ledger");
    }
    if !(carries("year") || (carries("from") && carries("to"))) {
        problems.add(prefix, "the period must be sent: `{year}`, or both `{from}` and `{to}`");
    }
}

fn uses(req: &RequestSpec, name: &str) -> bool {
    req.query.values().any(|v| placeholders(v).any(|p| p == name))
        || req
            .body
            .as_ref()
            .is_some_and(|b| body_strings(b, "").iter().any(|(_, v)| placeholders(v).any(|p| p == name)))
}

fn check_field(key: &str, name: &str, spec: &FieldSpec, problems: &mut Problems<'_>) {
    use ValueFormat as F;
    check_pointer(&format!("{key}.pointer"), spec.pointer(), problems);
    let allowed: &[ValueFormat] = match name {
        "amount" => &[F::IdrText, F::IdrTextEn, F::IntegerRupiah, F::DecimalString, F::Number],
        "vat_rate" | "tkdn" => &[F::PercentText, F::Number, F::DecimalString],
        "item_count" => &[F::Number, F::DecimalString],
        "includes_vat" | "vendor_pkp" | "vat_exempt" => &[F::Boolean],
        _ => &[F::Text],
    };
    if let Some(format) = spec.format().filter(|f| !allowed.contains(f)) {
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        problems.add(
            &format!("{key}.format"),
            format!("`{}` cannot be used for {name}; allowed: {}", format.name(), names.join(", ")),
        );
    }
}

fn check_words(key: &str, spec: Option<&FieldSpec>, words: &[&str], problems: &mut Problems<'_>) {
    let Some(values) = spec.and_then(FieldSpec::values) else { return };
    for (theirs, ours) in values {
        if !words.contains(&ours.as_str()) {
            problems.add(&format!("{key}.{theirs}"), format!("`{ours}` is not one of: {}", words.join(", ")));
        }
    }
}
