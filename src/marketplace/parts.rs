//! The tables an adapter file uses more than once (the search and `[transactions]`): a request,
//! its paging, where things are in a response, one field mapping, and PPN.

use crate::normalize::raw::ValueFormat;
use serde::Deserialize;
use std::collections::BTreeMap;

/// HTTP method of the search request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Method {
    /// Parameters in the query string.
    #[serde(rename = "GET")]
    Get,
    /// A JSON body.
    #[serde(rename = "POST")]
    Post,
}

/// The search request; string values may hold the placeholders `{query}`, `{page}`,
/// `{page_size}`, `{offset}` and `{cursor}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestSpec {
    /// `GET` or `POST`.
    pub method: Method,
    /// Path joined to the base URL.
    pub path: String,
    /// Query-string parameters.
    #[serde(default)]
    pub query: BTreeMap<String, String>,
    /// JSON body template (POST only).
    pub body: Option<toml::Table>,
    /// Extra static headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
}

/// How the marketplace pages its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaginationKind {
    /// 1-based page numbers.
    Page,
    /// 0-based item offsets.
    Offset,
    /// An opaque cursor returned with each page.
    Cursor,
}

/// Paging settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pagination {
    /// Page, offset or cursor.
    pub kind: PaginationKind,
    /// The largest page the marketplace serves.
    pub max_page_size: u32,
    /// What `{cursor}` is on the first page (format 2; cursor pagination).
    #[serde(default)]
    pub first_cursor: FirstCursor,
}

/// What `{cursor}` becomes on the first page of a cursor walk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirstCursor {
    /// A query parameter that is exactly `"{cursor}"` is left out; in a body it is `null`.
    #[default]
    Absent,
    /// The empty string, in a query string (`cursor=`) and in a body (`""`).
    Empty,
}

/// Where things are in the response body (RFC 6901 JSON pointers).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseSpec {
    /// Pointer to the array of items (`""` for a top-level array).
    pub items: String,
    /// Pointer to the total number of matches, when the marketplace reports it.
    pub total: Option<String>,
    /// Pointer to the next-page cursor (cursor pagination).
    pub next_cursor: Option<String>,
    /// Whether `total` is rounded or estimated by the marketplace ("about 1,230"): never shown
    /// as exact (format 2).
    #[serde(default)]
    pub total_approximate: bool,
}

/// One field mapping: a pointer, optionally with a value format, a list of values meaning
/// "true" (flags) or a table of values to Pasar's words (availability).
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "FieldSpecRepr")]
pub struct FieldSpec {
    pointer: String,
    format: Option<ValueFormat>,
    true_values: Option<Vec<String>>,
    values: Option<BTreeMap<String, String>>,
}

/// How a field mapping may be written: `"/ptr"` or `{ pointer = "/ptr", format = "idr_text" }`.
/// Not `#[serde(untagged)]`: it answers any mistake inside the table (a misspelt key, a missing
/// `pointer`) with the same sentence, where this names the key.
enum FieldSpecRepr {
    Pointer(String),
    Detailed(DetailedSpec),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetailedSpec {
    pointer: String,
    format: Option<String>,
    true_values: Option<Vec<String>>,
    values: Option<BTreeMap<String, String>>,
}

impl<'de> Deserialize<'de> for FieldSpecRepr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Written;
        impl<'de> serde::de::Visitor<'de> for Written {
            type Value = FieldSpecRepr;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a JSON pointer such as \"/price\", or a table { pointer = \"/price\", format = \"idr_text\" }",
                )
            }

            fn visit_str<E: serde::de::Error>(self, pointer: &str) -> Result<FieldSpecRepr, E> {
                Ok(FieldSpecRepr::Pointer(pointer.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<FieldSpecRepr, A::Error> {
                DetailedSpec::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(FieldSpecRepr::Detailed)
            }
        }
        deserializer.deserialize_any(Written)
    }
}

impl TryFrom<FieldSpecRepr> for FieldSpec {
    type Error = String;

    fn try_from(repr: FieldSpecRepr) -> Result<Self, String> {
        use serde::de::IntoDeserializer;
        match repr {
            FieldSpecRepr::Pointer(pointer) => Ok(Self { pointer, format: None, true_values: None, values: None }),
            FieldSpecRepr::Detailed(DetailedSpec { pointer, format, true_values, values }) => {
                let format = match format {
                    None => None,
                    Some(name) => {
                        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
                            name.as_str().into_deserializer();
                        Some(ValueFormat::deserialize(de).map_err(|e| format!("format: {e}"))?)
                    }
                };
                Ok(Self { pointer, format, true_values, values })
            }
        }
    }
}

impl FieldSpec {
    /// The pointer into the item.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The explicit format, if any.
    pub fn format(&self) -> Option<ValueFormat> {
        self.format
    }

    /// Values meaning "true" for a flag read from text (`["PKP"]`, `["Sembako", "Bahan Pokok"]`).
    pub fn true_values(&self) -> Option<&[String]> {
        self.true_values.as_deref()
    }

    /// The marketplace's values mapped to Pasar's words (`{ READY = "in_stock" }`).
    pub fn values(&self) -> Option<&BTreeMap<String, String>> {
        self.values.as_ref()
    }
}

/// VAT treatment of prices.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pricing {
    /// Whether the price field includes PPN; may be left out when `[fields] includes_vat` says
    /// it for every offer (format 2).
    pub includes_vat: Option<bool>,
    /// PPN rate in percent, as a decimal string (`"11"`), when an offer states none.
    pub vat_rate: String,
    /// Stated rates mapped to effective ones (format 2).
    #[serde(default)]
    pub rules: Vec<RateRuleSpec>,
}

/// One `[[pricing.rules]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateRuleSpec {
    /// The rate as stated, percent (`"12"`).
    pub stated: String,
    /// The rate charged on the price, percent (`"11"`).
    pub effective: String,
    /// The regulation that makes it so (`"PMK 131/2024"`).
    pub regulation: String,
}
