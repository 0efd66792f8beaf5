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
    /// The text fields (by their name in the unified model, `"unit"`) sent as a list or an
    /// object: present, so not "not stated", and unreadable.
    pub unreadable: Vec<&'static str>,
}

impl RawOffer {
    /// Rough heap size, for memory budgets: the struct, its strings and values, and allocator
    /// overhead (the adapter's PPN policy is shared, not counted).
    pub fn estimated_bytes(&self) -> u32 {
        let texts = [&self.url, &self.brand, &self.model, &self.base_unit, &self.availability, &self.unit]
            .into_iter()
            .chain([&self.vendor_id, &self.seller_url, &self.vendor_legal_form, &self.vendor_npwp])
            .chain([&self.vendor_scale, &self.vendor_region])
            .map(|text| text.as_ref().map_or(0, |t| t.len() + 16))
            .sum::<usize>();
        let values = [&self.includes_vat, &self.vat_rate, &self.vendor_pkp, &self.vat_exempt, &self.regional_tax]
            .into_iter()
            .chain([&self.pack_quantity, &self.min_order, &self.stock, &self.tkdn, &self.bmp, &self.bbi])
            .chain([&self.seller_rating])
            .map(|value| value.as_ref().map_or(0, |v| value_bytes(&v.value)))
            .sum::<usize>();
        let required =
            self.source_id.len() + self.title.len() + self.vendor_name.len() + value_bytes(&self.price.value);
        u32::try_from(std::mem::size_of::<Self>() + 128 + texts + values + required).unwrap_or(u32::MAX)
    }
}

/// A value's heap bytes: an item's fields are scalars, so anything larger is counted by its text.
fn value_bytes(value: &Value) -> usize {
    match value {
        Value::String(s) => s.len() + 16,
        Value::Array(_) | Value::Object(_) => value.to_string().len() * 2,
        _ => 0,
    }
}
