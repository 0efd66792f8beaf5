//! What a marketplace sent for one item, located but not yet read: the input of normalisation.
//!
//! The marketplace layer finds each mapped field in a response item (by the pointers of its
//! adapter file) and hands the values over as they are, each with the format the file declared;
//! reading them (prices, percentages, names) is normalisation's job.

use serde::Deserialize;
use serde_json::Value;

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

/// A value as the marketplace sent it, with the format its adapter declared.
#[derive(Debug, Clone, PartialEq)]
pub struct RawValue {
    /// The JSON value found at the field's pointer.
    pub value: Value,
    /// How to read it.
    pub format: ValueFormat,
}

/// One item's mapped fields, before normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct RawOffer {
    /// Listing id (required).
    pub source_id: String,
    /// Listing title (required).
    pub title: String,
    /// Listing URL.
    pub url: Option<String>,
    /// Price of one pack (required, may still be unreadable).
    pub price: RawValue,
    /// Whether the marketplace's prices include PPN.
    pub includes_vat: bool,
    /// The adapter's PPN rate, percent.
    pub default_vat_rate: rust_decimal::Decimal,
    /// Per-item PPN rate, when the marketplace sends one.
    pub vat_rate: Option<RawValue>,
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
