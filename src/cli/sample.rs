//! `pasar check --sample RESPONSE.json ADAPTER.toml`: a saved marketplace response read through
//! an adapter file, each offer printed as Pasar would normalise it with every field's source
//! pointer and every issue, so a pointer that matches nothing is found before production.
//!
//! Errors (exit 1): the file or the response cannot be read, an item is skipped (a required field
//! missing), or a mapped field matches no item at all. Issues on offers (an ambiguous region, a
//! compact price) are data, printed but not errors.

use crate::marketplace::definition::AdapterDefinition;
use crate::marketplace::registry::check_file;
use crate::marketplace::{MarketplaceError, read_page};
use crate::model::{MarketplaceId, Offer, Price};
use crate::normalize::offer::normalize_offer;
use async_graphql::resolver_utils::EnumType;
use serde_json::{Value, json};
use std::path::Path;
use std::process::ExitCode;

/// What a sample gave: the offers as JSON, how many items each mapped field was found in, and
/// the errors.
#[derive(Debug)]
pub struct SampleReport {
    /// The marketplace id and the adapter's format version.
    pub marketplace: String,
    /// The adapter file's format version.
    pub format: u32,
    /// Items in the response.
    pub items: usize,
    /// Each normalised offer, as JSON.
    pub offers: Vec<Value>,
    /// Each mapped field with its pointer and the number of items it was found in.
    pub coverage: Vec<(&'static str, String, usize)>,
    /// What makes the check fail.
    pub errors: Vec<String>,
}

/// Runs the check and prints the report (as JSON with `json`); exit 1 on any error.
pub(super) fn check_sample(response: &Path, adapter: &Path, json: bool) -> ExitCode {
    let report = match sample(response, adapter) {
        Ok(report) => report,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            return ExitCode::FAILURE;
        }
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report.to_json()).unwrap_or_default());
    } else {
        print!("{}", report.to_text());
    }
    if report.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Reads `response` through the adapter file at `adapter`.
pub fn sample(response: &Path, adapter: &Path) -> Result<SampleReport, Vec<String>> {
    let text =
        std::fs::read_to_string(adapter).map_err(|e| vec![format!("{}: cannot read ({e})", adapter.display())])?;
    let definition = check_file(adapter, &text).map_err(|ps| ps.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let body = std::fs::read(response).map_err(|e| vec![format!("{}: cannot read ({e})", response.display())])?;
    Ok(report(&definition, &body))
}

/// The report of `body` read through `definition`.
pub fn report(definition: &AdapterDefinition, body: &[u8]) -> SampleReport {
    let mut errors = Vec::new();
    let items: Vec<Value> = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|json| json.pointer(&definition.response.items).and_then(Value::as_array).cloned())
        .unwrap_or_default();
    let coverage: Vec<(&'static str, String, usize)> = definition
        .fields
        .entries()
        .into_iter()
        .filter_map(|(name, spec)| spec.map(|s| (name, s.pointer().to_string())))
        .map(|(name, pointer)| {
            let found = items.iter().filter(|item| item.pointer(&pointer).is_some_and(|v| !v.is_null())).count();
            (name, pointer, found)
        })
        .collect();
    let id = MarketplaceId::new(definition.id.clone());
    let offers = match read_page(definition, body) {
        Ok(page) => {
            errors.extend(page.skipped.iter().map(|reason| format!("an item was skipped: {reason}")));
            if !items.is_empty() {
                for (name, pointer, found) in &coverage {
                    if *found == 0 {
                        errors
                            .push(format!("`fields.{name}` = \"{pointer}\" matches none of the {} items", items.len()));
                    }
                }
            }
            page.items.iter().map(|raw| offer_json(&normalize_offer(&id, raw))).collect()
        }
        Err(e) => {
            // The error is worded for a marketplace ("sent a response that …"); here the
            // response is a file.
            let reason = match &e {
                MarketplaceError::BadResponse { reason } => reason.clone(),
                other => other.to_string(),
            };
            errors.push(format!("the response cannot be read: {reason}"));
            Vec::new()
        }
    };
    SampleReport {
        marketplace: definition.id.clone(),
        format: definition.format,
        items: items.len(),
        offers,
        coverage,
        errors,
    }
}

impl SampleReport {
    /// The report for scripts and CI.
    pub fn to_json(&self) -> Value {
        let coverage: serde_json::Map<String, Value> = self
            .coverage
            .iter()
            .map(|(name, pointer, found)| ((*name).to_string(), json!({ "pointer": pointer, "found": found })))
            .collect();
        json!({
            "marketplace": self.marketplace,
            "format": self.format,
            "items": self.items,
            "offers": self.offers,
            "coverage": coverage,
            "errors": self.errors,
        })
    }

    /// The report for people: each offer with its fields' pointers, then coverage and errors.
    pub fn to_text(&self) -> String {
        let pointer = |name: &str| {
            self.coverage.iter().find(|(n, _, _)| *n == name).map_or_else(|| "-".to_string(), |(_, p, _)| p.clone())
        };
        let mut out = format!(
            "{} (format {}): {} item(s), {} offer(s)\n",
            self.marketplace,
            self.format,
            self.items,
            self.offers.len()
        );
        for offer in &self.offers {
            out += &format!("\n{}\n", offer["id"].as_str().unwrap_or_default());
            let Value::Object(fields) = offer else { continue };
            for (key, value) in fields.iter().filter(|(k, _)| !matches!(k.as_str(), "id" | "issues")) {
                let source = SOURCES.iter().find(|(k, _)| *k == key).map_or(String::new(), |(_, fields)| {
                    fields.iter().map(|f| pointer(f)).filter(|p| p != "-").collect::<Vec<_>>().join(" ")
                });
                out += &format!("  {key:<14} {source:<28} {value}\n");
            }
            for issue in offer["issues"].as_array().into_iter().flatten() {
                out += &format!("  issue          {} {}: {}\n", issue["field"], issue["code"], issue["message"]);
            }
        }
        out += "\ncoverage (items where each mapped field was found):\n";
        for (name, pointer, found) in &self.coverage {
            out += &format!("  {name:<18} {pointer:<28} {found}/{}\n", self.items);
        }
        if self.errors.is_empty() {
            out += "\nno errors\n";
        } else {
            out += &format!("\n{} error(s):\n", self.errors.len());
            for error in &self.errors {
                out += &format!("  {error}\n");
            }
        }
        out
    }
}

/// Which adapter fields each printed offer field comes from.
const SOURCES: &[(&str, &[&str])] = &[
    ("title", &["title"]),
    ("url", &["url"]),
    ("price", &["price", "includes_vat", "vat_rate", "vendor_pkp", "vat_exempt", "regional_tax"]),
    ("unit", &["unit", "pack_quantity", "base_unit"]),
    ("brand", &["brand"]),
    ("model", &["model"]),
    ("availability", &["availability"]),
    ("minOrder", &["min_order"]),
    ("stock", &["stock"]),
    ("tkdn", &["tkdn"]),
    ("bmp", &["bmp"]),
    ("bbi", &["bbi"]),
    ("seller", &["vendor_id", "vendor_name", "seller_url", "seller_rating"]),
    ("vendor", &["vendor_name", "vendor_legal_form", "vendor_npwp", "vendor_scale", "vendor_region"]),
];

fn price_json(price: &Price) -> Value {
    json!({
        "amount": price.amount.to_string(),
        "includesVat": price.includes_vat,
        "vatBasis": graphql_name(price.vat_basis),
        "nominalVatRate": price.nominal_vat_rate.to_string(),
        "vatRate": price.vat_rate.to_string(),
        "vatRule": price.vat_rule.as_deref(),
        "amountExcludingVat": price.amount_excluding_vat.to_string(),
        "amountIncludingVat": price.amount_including_vat.to_string(),
    })
}

fn offer_json(offer: &Offer) -> Value {
    let text = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string());
    let vendor = &offer.vendor;
    // The offer's issues hold its vendor's already, as the API gives them.
    let issues: Vec<Value> =
        offer.issues.iter().map(|i| json!({ "field": i.field, "code": i.code, "message": i.message })).collect();
    json!({
        "id": offer.gateway_id(),
        "title": offer.title,
        "url": offer.url,
        "price": offer.price.as_ref().map(price_json),
        "unit": { "name": offer.unit.name, "quantity": text(offer.unit.quantity), "baseUnit": offer.unit.base_unit,
                  "derivation": graphql_name(offer.unit.derivation), "confident": offer.unit.confident },
        "brand": offer.brand,
        "model": offer.model,
        "availability": offer.availability.and_then(graphql_name),
        "minOrder": offer.min_order,
        "stock": offer.stock,
        "tkdn": text(offer.tkdn),
        "bmp": text(offer.bmp),
        "bbi": offer.bbi,
        "seller": { "id": offer.seller.id, "name": offer.seller.name, "url": offer.seller.url,
                    "rating": text(offer.seller.rating) },
        "vendor": { "name": vendor.name, "legalForm": graphql_name(vendor.legal_form), "npwp": vendor.npwp,
                    "scale": graphql_name(vendor.scale), "location": vendor.location, "region": vendor.region_code },
        "issues": issues,
    })
}

/// An enum value as the GraphQL API spells it (`PT`, `NOT_PKP`), not as Rust does (`Pt`), so
/// scripts see one spelling.
fn graphql_name<E: EnumType + PartialEq + Copy>(value: E) -> Option<&'static str> {
    E::items().iter().find(|item| item.value == value).map(|item| item.name)
}
