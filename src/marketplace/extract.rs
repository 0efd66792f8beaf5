//! Pulling the mapped fields out of one response item.
//!
//! Extraction only locates values; reading them (prices, percentages, names) is `normalize/`'s
//! job, so the raw values travel with the format the adapter file declared for them.

use super::definition::{FieldMap, FieldSpec};
use crate::normalize::raw::{RawOffer, RawValue, ValueFormat};
use serde_json::Value;

/// VAT treatment the adapter declares for all its prices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VatDefaults {
    pub(crate) includes_vat: bool,
    pub(crate) rate: rust_decimal::Decimal,
}

/// Maps one item; `Err` says which required field is missing so the item can be skipped.
pub(crate) fn extract(item: &Value, fields: &FieldMap, vat: VatDefaults) -> Result<RawOffer, String> {
    let required_text = |name: &str, spec: &FieldSpec| text(item, spec).ok_or_else(|| format!("item without {name}"));
    Ok(RawOffer {
        source_id: required_text("id", &fields.id)?,
        title: required_text("title", &fields.title)?,
        url: opt_text(item, fields.url.as_ref()),
        price: raw(item, &fields.price, ValueFormat::Number).ok_or("item without price")?,
        includes_vat: vat.includes_vat,
        default_vat_rate: vat.rate,
        vat_rate: opt_raw(item, fields.vat_rate.as_ref(), ValueFormat::Number),
        unit: opt_text(item, fields.unit.as_ref()),
        stock: opt_raw(item, fields.stock.as_ref(), ValueFormat::Number),
        tkdn: opt_raw(item, fields.tkdn.as_ref(), ValueFormat::PercentText),
        bmp: opt_raw(item, fields.bmp.as_ref(), ValueFormat::PercentText),
        bbi: opt_raw(item, fields.bbi.as_ref(), ValueFormat::Boolean),
        vendor_id: opt_text(item, fields.vendor_id.as_ref()),
        vendor_name: required_text("vendor name", &fields.vendor_name)?,
        vendor_legal_form: opt_text(item, fields.vendor_legal_form.as_ref()),
        vendor_npwp: opt_text(item, fields.vendor_npwp.as_ref()),
        vendor_scale: opt_text(item, fields.vendor_scale.as_ref()),
        vendor_region: opt_text(item, fields.vendor_region.as_ref()),
    })
}

/// Text of a scalar field; numbers are accepted as text (ids are often numeric), objects are not.
fn text(item: &Value, spec: &FieldSpec) -> Option<String> {
    let text = match item.pointer(spec.pointer())? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null | Value::Array(_) | Value::Object(_) => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn opt_text(item: &Value, spec: Option<&FieldSpec>) -> Option<String> {
    spec.and_then(|s| text(item, s))
}

fn raw(item: &Value, spec: &FieldSpec, default: ValueFormat) -> Option<RawValue> {
    match item.pointer(spec.pointer())? {
        Value::Null => None,
        value => Some(RawValue { value: value.clone(), format: spec.format().unwrap_or(default) }),
    }
}

fn opt_raw(item: &Value, spec: Option<&FieldSpec>, default: ValueFormat) -> Option<RawValue> {
    spec.and_then(|s| raw(item, s, default))
}
