//! Reading and checking adapter files: every problem, with its file and key path.
//!
//! serde stops at the first error, so each top-level section is deserialised on its own and the
//! rules serde cannot express (pointers, placeholders, formats per field) are checked after. A
//! user fixing a file sees all of its problems at once, not one per run.

mod ledger;
mod lines;
mod probe;
mod problem;
mod rules;
mod v2;

pub use lines::{line_col, line_of_key};
pub use problem::Problem;
use problem::Problems;
pub(crate) use rules::{base_url_refusal, uses_placeholder};

use super::definition::{
    AdapterDefinition, Auth, FieldMap, FilterSpec, Limits, Pagination, Pricing, ProbeSpec, RequestSpec, ResponseSpec,
};
use super::ledger_def::{TotalsSpec, TransactionsSpec};
use rules::{
    check_auth, check_base_url, check_fields, check_filters, check_id, check_limits, check_pagination, check_pricing,
    check_request, check_response,
};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;

const SECTIONS: &[&str] = &[
    "format",
    "id",
    "name",
    "base_url",
    "enabled",
    "auth",
    "request",
    "pagination",
    "response",
    "fields",
    "pricing",
    "filters",
    "limits",
    "transactions",
    "transaction_totals",
    "probe",
];
const REQUIRED: &[&str] = &["id", "name", "base_url", "request", "pagination", "response", "fields", "pricing"];

/// Parses and checks one adapter file's text; `file` is only used in the problems, each at the
/// line of its key.
pub fn parse_definition(file: &Path, text: &str) -> Result<AdapterDefinition, Vec<Problem>> {
    checked_definition(file, text).map_err(|found| found.into_iter().map(|p| p.located(text)).collect())
}

fn checked_definition(file: &Path, text: &str) -> Result<AdapterDefinition, Vec<Problem>> {
    let mut problems = Problems::new(file);
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(e) => {
            let mut problem = Problem::new(file, "", format!("not valid TOML: {}", e.message().trim()));
            problem.line = e.span().map(|span| line_col(text, span.start).0);
            return Err(vec![problem]);
        }
    };
    let sections = read_sections(&table, &mut problems);
    check_rules(&sections, &mut problems);
    if !problems.is_empty() {
        return Err(problems.into_list());
    }
    serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
        problems.add(&e.path().to_string(), e.inner().message().to_string());
        problems.into_list()
    })
}

/// Every section that could be read on its own; rules run on what is there.
#[derive(Default)]
struct Sections {
    format: Option<u32>,
    id: Option<String>,
    name: Option<String>,
    base_url: Option<String>,
    auth: Option<Auth>,
    request: Option<RequestSpec>,
    pagination: Option<Pagination>,
    response: Option<ResponseSpec>,
    fields: Option<FieldMap>,
    pricing: Option<Pricing>,
    filters: Option<BTreeMap<String, FilterSpec>>,
    limits: Option<Limits>,
    transactions: Option<TransactionsSpec>,
    totals: Option<TotalsSpec>,
    probe: Option<ProbeSpec>,
}

/// Deserialises every top-level section on its own so one bad section hides no other.
fn read_sections(table: &toml::Table, problems: &mut Problems<'_>) -> Sections {
    for key in table.keys().filter(|k| !SECTIONS.contains(&k.as_str())) {
        problems.add(key, format!("unknown key; expected one of: {}", SECTIONS.join(", ")));
    }
    for key in REQUIRED.iter().filter(|k| !table.contains_key(**k)) {
        problems.add(key, "missing required key");
    }
    section::<bool>(table, "enabled", problems);
    Sections {
        format: section(table, "format", problems),
        id: section(table, "id", problems),
        name: section(table, "name", problems),
        base_url: section(table, "base_url", problems),
        auth: section(table, "auth", problems),
        request: section(table, "request", problems),
        pagination: section(table, "pagination", problems),
        response: section(table, "response", problems),
        fields: section(table, "fields", problems),
        pricing: section(table, "pricing", problems),
        filters: section(table, "filters", problems),
        limits: section(table, "limits", problems),
        transactions: section(table, "transactions", problems),
        totals: section(table, "transaction_totals", problems),
        probe: section(table, "probe", problems),
    }
}

fn section<T: DeserializeOwned>(table: &toml::Table, key: &str, problems: &mut Problems<'_>) -> Option<T> {
    let value = table.get(key)?;
    serde_path_to_error::deserialize::<_, T>(value.clone())
        .map_err(|e| {
            let inner = e.path().to_string();
            let path = if inner == "." || inner.is_empty() { key.to_string() } else { format!("{key}.{inner}") };
            problems.add(&path, e.into_inner().message().to_string());
        })
        .ok()
}

/// The rules the types cannot express.
fn check_rules(s: &Sections, problems: &mut Problems<'_>) {
    if let Some(id) = &s.id {
        check_id(id, problems);
    }
    if s.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        problems.add("name", "must not be empty");
    }
    if let Some(url) = &s.base_url {
        check_base_url(url, problems);
    }
    if let Some(auth) = &s.auth {
        check_auth(auth, problems);
    }
    if let Some(request) = &s.request {
        check_request(request, problems);
        if let Some(pagination) = &s.pagination {
            check_pagination(request, pagination, s.response.as_ref(), problems);
        }
    }
    if let Some(response) = &s.response {
        check_response(response, problems);
    }
    if let Some(fields) = &s.fields {
        check_fields(fields, problems);
        v2::check_vocabularies(fields, problems);
    }
    if let Some(pricing) = &s.pricing {
        check_pricing(pricing, problems);
        v2::check_vat(pricing, s.fields.as_ref(), problems);
    }
    let used = v2::v2_keys(s.fields.as_ref(), s.pricing.as_ref(), s.response.as_ref(), s.pagination.as_ref());
    v2::check_format(s.format.unwrap_or(1), &used, problems);
    if let Some(limits) = &s.limits {
        check_limits(limits, problems);
    }
    if let Some(filters) = &s.filters {
        check_filters(filters, problems);
    }
    if let Some(transactions) = &s.transactions {
        ledger::check_transactions(transactions, problems);
    }
    if let Some(totals) = &s.totals {
        ledger::check_totals(totals, problems);
    }
    if let Some(spec) = &s.probe {
        probe::check_probe(spec, problems);
    }
}
