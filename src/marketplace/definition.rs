//! The adapter file format (`adapters/*.toml`), as typed Rust.
//!
//! adapters/README.md is the specification; this module is its parser. Every section denies
//! unknown keys so a typo is an error with a key path, not a silently ignored setting.

pub use super::parts::{
    FieldSpec, FirstCursor, Method, Pagination, PaginationKind, Pricing, RateRuleSpec, RequestSpec, ResponseSpec,
};
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
    /// A buyer's transactions (adapters/README.md §13).
    pub transactions: Option<super::ledger_def::TransactionsSpec>,
    /// A buyer's totals in one call, used for rankings when present.
    pub transaction_totals: Option<super::ledger_def::TotalsSpec>,
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

impl Auth {
    /// The environment variables it names, each with its key in the file (`auth.key_env`).
    pub fn secrets(&self) -> Vec<(&'static str, &str)> {
        match self {
            Self::None => vec![],
            Self::Bearer { token_env } => vec![("auth.token_env", token_env)],
            Self::ApiKeyHeader { key_env, .. } => vec![("auth.key_env", key_env)],
            Self::Basic { username_env, password_env } => {
                vec![("auth.username_env", username_env), ("auth.password_env", password_env)]
            }
        }
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
