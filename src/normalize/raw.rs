//! What a marketplace sent for one item, located but not yet read: the input of normalisation.
//!
//! The marketplace layer finds each mapped field in a response item (by the pointers of its
//! adapter file) and hands the values over as they are, each with the format the file declared;
//! reading them (prices, percentages, names) is normalisation's job.

use super::vat::VatPolicy;
use serde::Deserialize;
use serde_json::Value;
use std::sync::Arc;

/// How a value is written by the marketplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueFormat {
    /// Text, taken as is.
    Text,
    /// Display rupiah text, Indonesian separators (`"Rp1.250.000"`, `"1,25 jt"`).
    IdrText,
    /// Display rupiah text, English separators (`"IDR 1,250,000.00"`).
    IdrTextEn,
    /// A JSON integer (or integer string) of whole rupiah.
    IntegerRupiah,
    /// A decimal number written as a string (`"1250000.00"`).
    DecimalString,
    /// A JSON number.
    Number,
    /// A percentage as text, either separator (`"45,5"`, `"45.50"`, `""` = absent).
    PercentText,
    /// A JSON boolean (or `"ya"`/`"tidak"`, `1`/`0`).
    Boolean,
}

impl ValueFormat {
    /// The format as adapter files spell it (`percent_text`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::IdrText => "idr_text",
            Self::IdrTextEn => "idr_text_en",
            Self::IntegerRupiah => "integer_rupiah",
            Self::DecimalString => "decimal_string",
            Self::Number => "number",
            Self::PercentText => "percent_text",
            Self::Boolean => "boolean",
        }
    }
}

/// A value as the marketplace sent it, with the format its adapter declared.
#[derive(Debug, Clone, PartialEq)]
pub struct RawValue {
    /// The JSON value found at the field's pointer.
    pub value: Value,
    /// How to read it.
    pub format: ValueFormat,
}

impl Default for RawValue {
    fn default() -> Self {
        Self { value: Value::Null, format: ValueFormat::Number }
    }
}

/// One item's mapped fields, before normalisation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawOffer {
    /// Listing id (required).
    pub source_id: String,
    /// Listing title (required).
    pub title: String,
    /// Listing URL.
    pub url: Option<String>,
    /// Price of one pack (required, may still be unreadable).
    pub price: RawValue,
    /// The adapter's PPN policy (`[pricing]`), shared by all its items.
    pub vat: Arc<VatPolicy>,
    /// Per-item flag: whether the price includes PPN.
    pub includes_vat: Option<RawValue>,
    /// Per-item PPN rate as stated, when the marketplace sends one.
    pub vat_rate: Option<RawValue>,
    /// Whether the seller is PKP.
    pub vendor_pkp: Option<RawValue>,
    /// Whether the goods are freed from PPN.
    pub vat_exempt: Option<RawValue>,
    /// Whether a regional tax (PBJT) applies instead of PPN.
    pub regional_tax: Option<RawValue>,
    /// Brand.
    pub brand: Option<String>,
    /// Model or part number.
    pub model: Option<String>,
    /// Base units in one pack, as stated.
    pub pack_quantity: Option<RawValue>,
    /// The base unit the pack quantity counts, as stated (`"LEMBAR"`).
    pub base_unit: Option<String>,
    /// Availability as stated (`"IN_STOCK"`, `"pre-order"`).
    pub availability: Option<String>,
    /// Minimum order, in packs.
    pub min_order: Option<RawValue>,
    /// Unit or pack name.
    pub unit: Option<String>,
    /// Stock.
    pub stock: Option<RawValue>,
    /// TKDN percent.
    pub tkdn: Option<RawValue>,
    /// BMP percent.
    pub bmp: Option<RawValue>,
    /// BBI flag.
    pub bbi: Option<RawValue>,
    /// Vendor account id.
    pub vendor_id: Option<String>,
    /// Link to the seller's page on the marketplace.
    pub seller_url: Option<String>,
    /// The seller's rating as stated.
    pub seller_rating: Option<RawValue>,
    /// Vendor name (required).
    pub vendor_name: String,
    /// Vendor legal form sent apart from the name.
    pub vendor_legal_form: Option<String>,
    /// Vendor NPWP as sent.
    pub vendor_npwp: Option<String>,
    /// Vendor scale as sent.
    pub vendor_scale: Option<String>,
    /// Vendor location as sent.
    pub vendor_region: Option<String>,
}
