//! The adapter file format (`adapters/*.toml`), as typed Rust.
//!
//! adapters/README.md is the specification; this module is its parser. Every section denies
//! unknown keys so a typo is an error with a key path, not a silently ignored setting.

pub use crate::normalize::raw::ValueFormat;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// One marketplace's declarative definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdapterDefinition {
    /// Format version: 1 (the default) or 2, which adds the per-offer tax, product, seller and
    /// paging keys (adapters/README.md §12).
    #[serde(default = "format_v1")]
    pub format: u32,
    /// Marketplace id: lowercase letters, digits and `-`.
    pub id: String,
    /// Human-readable marketplace name.
    pub name: String,
    /// Base URL every request path is joined to.
    pub base_url: String,
    /// Whether the gateway queries this marketplace; a disabled one reports `DISABLED`.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// How requests authenticate.
    #[serde(default)]
    pub auth: Auth,
    /// The search request.
    pub request: RequestSpec,
    /// How results are paged.
    pub pagination: Pagination,
    /// Where items and totals are in the response.
    pub response: ResponseSpec,
    /// Item field mapping into the unified model.
    pub fields: FieldMap,
    /// VAT treatment of the prices this marketplace sends.
    pub pricing: Pricing,
    /// Filters the marketplace applies itself, by gateway filter name.
    #[serde(default)]
    pub filters: BTreeMap<String, FilterSpec>,
    /// Per-marketplace limits.
    #[serde(default)]
    pub limits: Limits,
    /// How `/readyz` checks the marketplace is reachable; without it, by the last real call.
    #[serde(default)]
    pub probe: Option<ProbeSpec>,
}

/// `[probe]`: a one-item search `/readyz` runs at most once per `interval`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProbeSpec {
    /// The search text (a word the marketplace has offers for).
    pub query: String,
    /// How long an outcome is reused, e.g. `"30s"`.
    #[serde(default, with = "opt_duration")]
    pub interval: Option<Duration>,
    /// The probe's own deadline, e.g. `"2s"`.
    #[serde(default, with = "opt_duration")]
    pub timeout: Option<Duration>,
}

/// Gateway filters a marketplace can apply upstream (`[filters]` keys).
pub const PUSHABLE_FILTERS: &[&str] = &["min_price", "max_price", "min_tkdn"];

/// How one gateway filter is sent to the marketplace.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilterSpec {
    /// The query parameter (GET) or top-level body key (POST) carrying the value.
    pub param: String,
    /// For price filters: whether the marketplace compares amounts including PPN.
    #[serde(default)]
    pub includes_vat: bool,
}

fn yes() -> bool {
    true
}

fn format_v1() -> u32 {
    1
}

/// Authentication of requests; secrets are named by environment variable, never written here.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Auth {
    /// No authentication.
    #[default]
    None,
    /// `Authorization: Bearer <token>`.
    Bearer {
        /// Environment variable holding the token.
        token_env: String,
    },
    /// An API key in a request header.
    ApiKeyHeader {
        /// Header name, e.g. `X-Api-Key`.
        header: String,
        /// Environment variable holding the key.
        key_env: String,
    },
    /// HTTP basic authentication.
    Basic {
        /// Environment variable holding the user name.
        username_env: String,
        /// Environment variable holding the password.
        password_env: String,
    },
}

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
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "a JSON pointer such as \"/price\", or a table { pointer = \"/price\", format = \"idr_text\" }"
)]
enum FieldSpecRepr {
    Pointer(String),
    Detailed {
        pointer: String,
        format: Option<String>,
        true_values: Option<Vec<String>>,
        values: Option<BTreeMap<String, String>>,
    },
}

impl TryFrom<FieldSpecRepr> for FieldSpec {
    type Error = String;

    fn try_from(repr: FieldSpecRepr) -> Result<Self, String> {
        use serde::de::IntoDeserializer;
        match repr {
            FieldSpecRepr::Pointer(pointer) => Ok(Self { pointer, format: None, true_values: None, values: None }),
            FieldSpecRepr::Detailed { pointer, format, true_values, values } => {
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

/// Item fields mapped to the unified model. `id`, `title`, `price` and `vendor_name` are required.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMap {
    /// Listing id.
    pub id: FieldSpec,
    /// Listing title.
    pub title: FieldSpec,
    /// Listing URL.
    pub url: Option<FieldSpec>,
    /// Price of one pack.
    pub price: FieldSpec,
    /// Per-item VAT rate in percent as stated, overriding `[pricing].vat_rate`.
    pub vat_rate: Option<FieldSpec>,
    /// Per-item flag: whether the price includes PPN, overriding `[pricing].includes_vat`.
    pub includes_vat: Option<FieldSpec>,
    /// Whether the seller is PKP: a flag, or a value in `true_values`.
    pub vendor_pkp: Option<FieldSpec>,
    /// Whether the goods are freed from PPN: a flag, or a category in `true_values`.
    pub vat_exempt: Option<FieldSpec>,
    /// Whether a regional tax (PBJT) applies instead of PPN: a flag, or a value in `true_values`.
    pub regional_tax: Option<FieldSpec>,
    /// Brand.
    pub brand: Option<FieldSpec>,
    /// Model or part number.
    pub model: Option<FieldSpec>,
    /// Base units in one pack.
    pub pack_quantity: Option<FieldSpec>,
    /// The base unit `pack_quantity` counts.
    pub base_unit: Option<FieldSpec>,
    /// Availability text.
    pub availability: Option<FieldSpec>,
    /// Minimum order, in packs.
    pub min_order: Option<FieldSpec>,
    /// Link to the seller's page.
    pub seller_url: Option<FieldSpec>,
    /// The seller's rating.
    pub seller_rating: Option<FieldSpec>,
    /// Unit or pack name.
    pub unit: Option<FieldSpec>,
    /// Stock.
    pub stock: Option<FieldSpec>,
    /// TKDN percent.
    pub tkdn: Option<FieldSpec>,
    /// BMP percent.
    pub bmp: Option<FieldSpec>,
    /// BBI flag.
    pub bbi: Option<FieldSpec>,
    /// Vendor account id.
    pub vendor_id: Option<FieldSpec>,
    /// Vendor name.
    pub vendor_name: FieldSpec,
    /// Vendor legal form, when sent apart from the name.
    pub vendor_legal_form: Option<FieldSpec>,
    /// Vendor NPWP.
    pub vendor_npwp: Option<FieldSpec>,
    /// Vendor business scale (`"Kecil"`, `"micro"`).
    pub vendor_scale: Option<FieldSpec>,
    /// Vendor location as text or region code.
    pub vendor_region: Option<FieldSpec>,
}

impl FieldMap {
    /// Every field mapping with its name as the file spells it, mapped or not.
    pub fn entries(&self) -> [(&'static str, Option<&FieldSpec>); 28] {
        [
            ("id", Some(&self.id)),
            ("title", Some(&self.title)),
            ("url", self.url.as_ref()),
            ("price", Some(&self.price)),
            ("vat_rate", self.vat_rate.as_ref()),
            ("includes_vat", self.includes_vat.as_ref()),
            ("vendor_pkp", self.vendor_pkp.as_ref()),
            ("vat_exempt", self.vat_exempt.as_ref()),
            ("regional_tax", self.regional_tax.as_ref()),
            ("brand", self.brand.as_ref()),
            ("model", self.model.as_ref()),
            ("unit", self.unit.as_ref()),
            ("pack_quantity", self.pack_quantity.as_ref()),
            ("base_unit", self.base_unit.as_ref()),
            ("availability", self.availability.as_ref()),
            ("min_order", self.min_order.as_ref()),
            ("stock", self.stock.as_ref()),
            ("tkdn", self.tkdn.as_ref()),
            ("bmp", self.bmp.as_ref()),
            ("bbi", self.bbi.as_ref()),
            ("vendor_id", self.vendor_id.as_ref()),
            ("seller_url", self.seller_url.as_ref()),
            ("seller_rating", self.seller_rating.as_ref()),
            ("vendor_name", Some(&self.vendor_name)),
            ("vendor_legal_form", self.vendor_legal_form.as_ref()),
            ("vendor_npwp", self.vendor_npwp.as_ref()),
            ("vendor_scale", self.vendor_scale.as_ref()),
            ("vendor_region", self.vendor_region.as_ref()),
        ]
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

/// Per-marketplace limits; each falls back to the gateway default when absent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Deadline for one search, e.g. `"2s"`.
    #[serde(default, with = "opt_duration")]
    pub timeout: Option<Duration>,
    /// How long a result stays fresh in the cache, e.g. `"60s"`.
    #[serde(default, with = "opt_duration")]
    pub cache_ttl: Option<Duration>,
    /// After the TTL, how long a result may be served while one refresh runs.
    #[serde(default, with = "opt_duration")]
    pub stale_while_revalidate: Option<Duration>,
    /// After the TTL, how long a result may be served when the marketplace fails.
    #[serde(default, with = "opt_duration")]
    pub stale_if_error: Option<Duration>,
    /// Concurrent requests to this marketplace.
    pub concurrency: Option<usize>,
    /// Largest response body accepted, in bytes.
    pub max_response_bytes: Option<usize>,
}

/// Durations written as text (`"800ms"`, `"2s"`, `"1m"`).
pub(crate) mod opt_duration {
    use serde::{Deserialize, Deserializer};
    use std::time::Duration;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        humantime::parse_duration(&text)
            .map(Some)
            .map_err(|e| serde::de::Error::custom(format!("`{text}` is not a duration like \"800ms\" or \"2s\" ({e})")))
    }
}
