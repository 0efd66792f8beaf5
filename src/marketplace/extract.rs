//! Pulling the mapped fields out of one response item.
//!
//! Extraction only locates values; reading them (prices, percentages, names) is `normalize/`'s
//! job, so the raw values travel with the format the adapter file declared for them. The one
//! translation done here is the file's own vocabulary: a flag given as a list of values meaning
//! "true", and availability words mapped to Pasar's.

use super::definition::{FieldMap, FieldSpec};
use crate::normalize::raw::{RawOffer, RawValue, ValueFormat};
use crate::normalize::vat::VatPolicy;
use serde_json::Value;
use std::sync::Arc;

/// Where an item's mapped values are found: a parsed JSON item (by pointer), or the values a
/// page was read into directly (`direct.rs`).
pub(crate) trait ItemValues {
    /// The value at `pointer`, as `Value::pointer` finds it, for a field to keep. The direct
    /// reading moves it out when no other field reads it, so a title or a name is not allocated
    /// twice; a parsed item, shared with its page, gives a copy.
    fn take(&mut self, pointer: &str) -> Option<Value>;
}

impl ItemValues for &Value {
    fn take(&mut self, pointer: &str) -> Option<Value> {
        self.pointer(pointer).cloned()
    }
}

/// Maps one item (each field reads its value once); `Err` says which required field is missing so
/// the item can be skipped.
pub(crate) fn extract(
    item: &mut (impl ItemValues + ?Sized),
    fields: &FieldMap,
    vat: &Arc<VatPolicy>,
) -> Result<RawOffer, String> {
    let mut unreadable = Vec::new();
    Ok(RawOffer {
        source_id: required_text(item, "id", &fields.id)?,
        title: required_text(item, "title", &fields.title)?,
        url: noted_text(item, fields.url.as_ref(), "url", &mut unreadable),
        price: stated_price(item, &fields.price).ok_or("item without price")?,
        vat: Arc::clone(vat),
        includes_vat: opt_flag(item, fields.includes_vat.as_ref()),
        vat_rate: opt_raw(item, fields.vat_rate.as_ref(), ValueFormat::Number),
        vendor_pkp: opt_flag(item, fields.vendor_pkp.as_ref()),
        vat_exempt: opt_flag(item, fields.vat_exempt.as_ref()),
        regional_tax: opt_flag(item, fields.regional_tax.as_ref()),
        brand: noted_text(item, fields.brand.as_ref(), "brand", &mut unreadable),
        model: noted_text(item, fields.model.as_ref(), "model", &mut unreadable),
        pack_quantity: opt_raw(item, fields.pack_quantity.as_ref(), ValueFormat::Number),
        base_unit: noted_text(item, fields.base_unit.as_ref(), "unit.baseUnit", &mut unreadable),
        availability: fields.availability.as_ref().and_then(|spec| mapped_text(item, spec)),
        min_order: opt_raw(item, fields.min_order.as_ref(), ValueFormat::Number),
        unit: noted_text(item, fields.unit.as_ref(), "unit", &mut unreadable),
        stock: opt_raw(item, fields.stock.as_ref(), ValueFormat::Number),
        tkdn: opt_raw(item, fields.tkdn.as_ref(), ValueFormat::PercentText),
        bmp: opt_raw(item, fields.bmp.as_ref(), ValueFormat::PercentText),
        bbi: opt_raw(item, fields.bbi.as_ref(), ValueFormat::Boolean),
        vendor_id: noted_text(item, fields.vendor_id.as_ref(), "seller.id", &mut unreadable),
        seller_url: noted_text(item, fields.seller_url.as_ref(), "seller.url", &mut unreadable),
        seller_rating: opt_raw(item, fields.seller_rating.as_ref(), ValueFormat::Number),
        vendor_name: required_text(item, "vendor name", &fields.vendor_name)?,
        vendor_legal_form: noted_text(item, fields.vendor_legal_form.as_ref(), "vendor.legalForm", &mut unreadable),
        vendor_npwp: noted_text(item, fields.vendor_npwp.as_ref(), "vendor.npwp", &mut unreadable),
        vendor_scale: noted_text(item, fields.vendor_scale.as_ref(), "vendor.scale", &mut unreadable),
        vendor_region: noted_text(item, fields.vendor_region.as_ref(), "vendor.region", &mut unreadable),
        unreadable,
    })
}

/// The price as sent, `null` included: a listing stating no price is kept and says so (`EMPTY`),
/// as `""` and `"NaN"` are; only an item with no price field at all is skipped.
fn stated_price(item: &mut (impl ItemValues + ?Sized), spec: &FieldSpec) -> Option<RawValue> {
    let value = item.take(spec.pointer())?;
    Some(RawValue { value, format: spec.format().unwrap_or(ValueFormat::Number) })
}

/// As [`opt_text`], but a list or an object where text was mapped is noted under `field`:
/// the value is there and cannot be read, which is not the same as not stated.
fn noted_text(
    item: &mut (impl ItemValues + ?Sized),
    spec: Option<&FieldSpec>,
    field: &'static str,
    unreadable: &mut Vec<&'static str>,
) -> Option<String> {
    let value = item.take(spec?.pointer())?;
    if matches!(value, Value::Array(_) | Value::Object(_)) {
        unreadable.push(field);
        return None;
    }
    text_of(value)
}

fn required_text(item: &mut (impl ItemValues + ?Sized), name: &str, spec: &FieldSpec) -> Result<String, String> {
    text(item, spec).ok_or_else(|| format!("item without {name}"))
}

/// Text of a scalar field; numbers are accepted as text (ids are often numeric), objects are not.
pub(super) fn text(item: &mut (impl ItemValues + ?Sized), spec: &FieldSpec) -> Option<String> {
    text_of(item.take(spec.pointer())?)
}

fn text_of(value: Value) -> Option<String> {
    let text = match value {
        Value::String(s) if s.trim().len() == s.len() => s,
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null | Value::Array(_) | Value::Object(_) => return None,
    };
    (!text.is_empty()).then_some(text)
}

pub(super) fn opt_text(item: &mut (impl ItemValues + ?Sized), spec: Option<&FieldSpec>) -> Option<String> {
    spec.and_then(|s| text(item, s))
}

/// Text through the file's value table, when it has one (case-insensitive); unmapped text passes
/// as is, for normalisation to recognise or report.
pub(super) fn mapped_text(item: &mut (impl ItemValues + ?Sized), spec: &FieldSpec) -> Option<String> {
    let found = text(item, spec)?;
    let mapped = spec.values().and_then(|map| map.iter().find(|(k, _)| k.eq_ignore_ascii_case(&found)));
    Some(mapped.map_or(found, |(_, word)| word.clone()))
}

/// A flag: with `true_values`, whether the text is one of them (case-insensitive); otherwise the
/// value as sent, read as a boolean by normalisation.
pub(super) fn opt_flag(item: &mut (impl ItemValues + ?Sized), spec: Option<&FieldSpec>) -> Option<RawValue> {
    let spec = spec?;
    match spec.true_values() {
        Some(list) => {
            let found = text(item, spec)?;
            let yes = list.iter().any(|v| v.trim().eq_ignore_ascii_case(&found));
            Some(RawValue { value: Value::Bool(yes), format: ValueFormat::Boolean })
        }
        None => raw(item, spec, ValueFormat::Boolean),
    }
}

pub(super) fn raw(item: &mut (impl ItemValues + ?Sized), spec: &FieldSpec, default: ValueFormat) -> Option<RawValue> {
    match item.take(spec.pointer())? {
        Value::Null => None,
        value => Some(RawValue { value, format: spec.format().unwrap_or(default) }),
    }
}

pub(super) fn opt_raw(
    item: &mut (impl ItemValues + ?Sized),
    spec: Option<&FieldSpec>,
    default: ValueFormat,
) -> Option<RawValue> {
    spec.and_then(|s| raw(item, s, default))
}
