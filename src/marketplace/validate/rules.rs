//! The rules serde cannot express: ids, URLs, secrets named not written, placeholders, pointers,
//! value formats per field, rates, limits and pushable filters.

use super::problem::Problems;
use crate::marketplace::definition::{
    Auth, FieldMap, FilterSpec, Limits, Method, Pagination, PaginationKind, Pricing, RequestSpec, ResponseSpec,
    ValueFormat,
};
use crate::marketplace::freshness::window_problems;
use crate::telemetry::masked::masked_url;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

const PLACEHOLDERS: &[&str] = &["query", "page", "page_size", "offset", "cursor"];

pub(super) fn check_id(id: &str, problems: &mut Problems<'_>) {
    let well_formed = !id.is_empty()
        && id.len() <= 40
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !well_formed {
        problems.add("id", format!("`{id}` must be 1-40 lowercase letters, digits or `-`, starting with a letter"));
    }
}

pub(super) fn check_base_url(url: &str, problems: &mut Problems<'_>) {
    if let Some(refusal) = base_url_refusal(url) {
        problems.add("base_url", refusal);
    }
}

/// Why `url` cannot be a marketplace's base URL, in the file or as an operator's override.
pub(crate) fn base_url_refusal(url: &str) -> Option<String> {
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
            if u.query().is_some() || u.fragment().is_some() {
                Some("must not carry a query or fragment; put parameters in [request.query]".into())
            } else if !u.username().is_empty() || u.password().is_some() {
                // a client would send them as Basic credentials: a secret written in a file.
                Some("must not carry a user name or password; name their environment variables in [auth]".into())
            } else {
                None
            }
        }
        Ok(_) => Some(format!("`{}` must be an http(s) URL with a host", masked_url(url))),
        Err(e) => Some(format!("`{}` is not a URL ({e})", masked_url(url))),
    }
}

pub(super) fn check_auth(auth: &Auth, problems: &mut Problems<'_>) {
    if let Auth::ApiKeyHeader { header, .. } = auth
        && axum::http::HeaderName::from_str(header).is_err()
    {
        problems.add("auth.header", format!("`{header}` is not a valid HTTP header name"));
    }
    for (key, var) in auth.secrets() {
        if !is_env_name(var) {
            problems.add(key, not_an_env_name(var));
        }
    }
}

/// The refusal of a value where a variable's name belongs, which never quotes it: it is most
/// often the secret itself, and the refusal reaches the public `/readyz` (review40o R40o-12).
fn not_an_env_name(value: &str) -> String {
    let length = value.chars().count();
    format!(
        "is not an environment variable name (A-Z, 0-9, _; {length} characters given): name the variable, not the secret"
    )
}

fn is_env_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn check_request(req: &RequestSpec, problems: &mut Problems<'_>) {
    if !req.path.starts_with('/') {
        problems.add("request.path", "must start with `/`");
    }
    if req.method == Method::Get && req.body.is_some() {
        problems.add("request.body", "a GET request cannot have a body; use [request.query] or method = \"POST\"");
    }
    if req.method == Method::Post && req.body.is_none() {
        problems.add("request.body", "a POST search needs a JSON body template");
    }
    for (name, value) in &req.query {
        check_placeholders(&format!("request.query.{name}"), value, problems);
    }
    if let Some(body) = &req.body {
        for (path, text) in body_strings(body, "request.body") {
            check_placeholders(&path, &text, problems);
        }
    }
    for (name, value) in &req.headers {
        let key = format!("request.headers.{name}");
        if axum::http::HeaderName::from_str(name).is_err() {
            problems.add(&key, "not a valid HTTP header name");
        }
        if name.eq_ignore_ascii_case("authorization") {
            problems.add(&key, "credentials belong in [auth], named by environment variable");
        }
        if axum::http::HeaderValue::from_str(value).is_err() {
            problems.add(&key, "not a valid HTTP header value");
        }
    }
    if !uses_placeholder(req, "query") {
        problems.add("request", "no parameter carries `{query}`, so every search would return the same items");
    }
}

fn check_placeholders(key: &str, text: &str, problems: &mut Problems<'_>) {
    for name in placeholders(text) {
        if !PLACEHOLDERS.contains(&name) {
            problems.add(key, format!("unknown placeholder `{{{name}}}`; known: {}", PLACEHOLDERS.join(", ")));
        }
    }
}

/// Names inside `{…}` in a template string.
pub(crate) fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

/// Every string in a body template with its key path.
pub(super) fn body_strings(table: &toml::Table, prefix: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (key, value) in table {
        let path = format!("{prefix}.{key}");
        match value {
            toml::Value::String(s) => out.push((path, s.clone())),
            toml::Value::Table(t) => out.extend(body_strings(t, &path)),
            _ => {}
        }
    }
    out
}

/// Whether the request carries `{name}` in a query parameter or the body.
pub(crate) fn uses_placeholder(request: &RequestSpec, name: &str) -> bool {
    let in_query = request.query.values().any(|v| placeholders(v).any(|p| p == name));
    let in_body = request
        .body
        .as_ref()
        .is_some_and(|b| body_strings(b, "").iter().any(|(_, v)| placeholders(v).any(|p| p == name)));
    in_query || in_body
}

pub(super) fn check_pagination(
    request: &RequestSpec,
    pagination: &Pagination,
    response: Option<&ResponseSpec>,
    problems: &mut Problems<'_>,
) {
    let needed = match pagination.kind {
        PaginationKind::Page => "page",
        PaginationKind::Offset => "offset",
        PaginationKind::Cursor => "cursor",
    };
    if !uses_placeholder(request, needed) {
        problems.add("pagination.kind", format!("paging by {needed} but no request parameter carries `{{{needed}}}`"));
    }
    if pagination.kind == PaginationKind::Cursor && response.is_some_and(|r| r.next_cursor.is_none()) {
        problems.add("response.next_cursor", "cursor pagination needs a pointer to the next cursor");
    }
    if !(1..=1000).contains(&pagination.max_page_size) {
        problems.add("pagination.max_page_size", "must be between 1 and 1000");
    }
}

pub(super) fn check_response(response: &ResponseSpec, problems: &mut Problems<'_>) {
    check_pointer("response.items", &response.items, problems);
    for (key, pointer) in [("response.total", &response.total), ("response.next_cursor", &response.next_cursor)] {
        if let Some(p) = pointer {
            check_pointer(key, p, problems);
        }
    }
}

/// RFC 6901: empty, or `/`-separated tokens where `~` is only followed by `0` or `1`.
pub(super) fn check_pointer(key: &str, pointer: &str, problems: &mut Problems<'_>) {
    let bad_escape = pointer.split('~').skip(1).any(|rest| !rest.starts_with(['0', '1']));
    if !(pointer.is_empty() || pointer.starts_with('/')) || bad_escape {
        problems.add(key, format!("`{pointer}` is not a JSON pointer (RFC 6901), e.g. \"/seller/name\""));
    }
}

/// The value formats a field accepts.
fn allowed_formats(name: &str) -> &'static [ValueFormat] {
    use ValueFormat as F;
    match name {
        "price" => &[F::IdrText, F::IdrTextEn, F::IntegerRupiah, F::DecimalString, F::Number],
        "vat_rate" | "tkdn" | "bmp" => &[F::PercentText, F::Number, F::DecimalString],
        "stock" | "pack_quantity" | "min_order" => &[F::Number, F::DecimalString],
        "seller_rating" => &[F::Number, F::DecimalString],
        "bbi" | "includes_vat" | "vendor_pkp" | "vat_exempt" | "regional_tax" => &[F::Boolean],
        _ => &[F::Text],
    }
}

pub(super) fn check_fields(f: &FieldMap, problems: &mut Problems<'_>) {
    for (name, spec) in f.entries() {
        let Some(spec) = spec else { continue };
        check_pointer(&format!("fields.{name}.pointer"), spec.pointer(), problems);
        let allowed = allowed_formats(name);
        if let Some(format) = spec.format().filter(|fmt| !allowed.contains(fmt)) {
            let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
            problems.add(
                &format!("fields.{name}.format"),
                format!("`{}` cannot be used for {name}; allowed: {}", format.name(), names.join(", ")),
            );
        }
    }
}

/// A percentage between 0 and 100 written as a decimal string.
pub(super) fn is_percent(text: &str) -> bool {
    Decimal::from_str(text.trim()).is_ok_and(|rate| rate >= Decimal::ZERO && rate <= Decimal::ONE_HUNDRED)
}

pub(super) fn check_pricing(pricing: &Pricing, problems: &mut Problems<'_>) {
    if !is_percent(&pricing.vat_rate) {
        problems.add(
            "pricing.vat_rate",
            format!("`{}` must be a percentage between 0 and 100, e.g. \"11\"", pricing.vat_rate),
        );
    }
}

pub(super) fn check_limits(limits: &Limits, problems: &mut Problems<'_>) {
    if limits.timeout.is_some_and(|t| t.is_zero() || t.as_secs() > 120) {
        problems.add("limits.timeout", "must be more than 0 and at most 120s");
    }
    if limits.concurrency == Some(0) {
        problems.add("limits.concurrency", "must be at least 1");
    }
    if limits.max_response_bytes.is_some_and(|b| b < 1024) {
        problems.add("limits.max_response_bytes", "must be at least 1024");
    }
    let windows = window_problems(limits.cache_ttl, limits.stale_while_revalidate, limits.stale_if_error);
    for (name, reason) in windows {
        problems.add(&format!("limits.{name}"), reason);
    }
}

pub(super) fn check_filters(filters: &BTreeMap<String, FilterSpec>, problems: &mut Problems<'_>) {
    use crate::marketplace::definition::PUSHABLE_FILTERS;
    for (name, spec) in filters {
        if !PUSHABLE_FILTERS.contains(&name.as_str()) {
            problems.add(&format!("filters.{name}"), format!("unknown filter; known: {}", PUSHABLE_FILTERS.join(", ")));
        }
        if spec.param.trim().is_empty() {
            problems.add(&format!("filters.{name}.param"), "must name the marketplace's parameter");
        }
        if spec.includes_vat && !name.ends_with("_price") {
            problems.add(&format!("filters.{name}.includes_vat"), "only price filters have a PPN basis");
        }
    }
}
