//! One raw marketplace item into one unified [`Offer`].
//!
//! Every field is read on its own: a field that cannot be read becomes `None` plus an [`Issue`]
//! on the offer, and never prevents the rest of the offer from being served.

use super::percent::parse_percent;
use super::price::{Locale, ParsedPrice, parse_number_json, parse_price, parse_price_json, parse_whole_rupiah_json};
use super::raw::{RawOffer, RawValue, ValueFormat};
use super::region::{self, Resolution};
use super::text::plain_text;
use super::unit::parse_unit;
use super::{npwp, vat, vendor};

mod facts;
mod tax;
use crate::codes::Code;
use crate::model::{Issue, MarketplaceId, Offer, Price, RangeMax, ReadAt, Unit, UnitPrice, VendorRecord};
use rust_decimal::Decimal;
use serde_json::Value;

/// Normalises one item of `marketplace`. Pure: the same fields always give the same offer, which
/// is what lets a remembered offer stand in for an unchanged item fetched again.
pub fn normalize_offer(marketplace: &MarketplaceId, raw: &RawOffer) -> Offer {
    let mut issues = Vec::new();
    let price = read_price(raw, &mut issues);
    let vendor = read_vendor(raw);
    issues.extend(vendor.issues.iter().cloned());
    let tkdn = read_percent(raw.tkdn.as_ref(), "tkdn", &mut issues);
    let bmp = read_bmp(raw.bmp.as_ref(), &mut issues);
    let mut unit =
        facts::pack(parse_unit(raw.unit.as_deref().map(plain_text).as_deref(), &raw.title), raw, &mut issues);
    if unit.derivation == crate::model::PackDerivation::Assumed && raw.unreadable.contains(&"unit") {
        unit.note = Some("the unit field cannot be read and the title states no pack");
    }
    let seller = facts::seller(raw, &mut issues);
    let unit_price = price.as_ref().and_then(|p| per_base_unit(p, &unit));
    for &field in &raw.unreadable {
        issues.push(issue(field, Code::Unreadable.as_str(), "the marketplace sent a list or an object, not text"));
    }
    Offer {
        marketplace: marketplace.clone(),
        source_id: plain_text(&raw.source_id),
        title: plain_text(&raw.title),
        url: raw.url.clone().filter(|u| is_http_url(u, &mut issues)),
        price,
        unit,
        unit_price,
        vendor,
        tkdn,
        bmp,
        bbi: flag(raw.bbi.as_ref(), "bbi", &mut issues),
        stock: facts::stock(raw.stock.as_ref(), &mut issues),
        brand: raw.brand.as_deref().map(plain_text).filter(|b| !b.is_empty()),
        model: raw.model.as_deref().map(plain_text).filter(|m| !m.is_empty()),
        availability: facts::availability(raw.availability.as_deref(), &mut issues),
        min_order: facts::min_order(raw.min_order.as_ref(), &mut issues),
        seller,
        issues,
        read_at: ReadAt::default(),
    }
}

/// The price, marked exact unless it is a compact form, a range's lower bound or a separator
/// read by policy.
fn read_price(raw: &RawOffer, issues: &mut Vec<Issue>) -> Option<Price> {
    let parsed = parse_raw_price(&raw.price.value, raw.price.format);
    for issue in &parsed.issues {
        issues.push(Issue { field: "price", code: issue.code.code(), message: issue.message.clone() });
    }
    let amount = parsed.amount?;
    // A range's lower bound, a compact form or a separator read by policy is not a firm amount.
    let exact = parsed.is_firm();
    let stated = tax::stated(raw, &parsed, issues);
    let treatment = vat::treatment(&raw.vat, stated);
    let rate_unknown = tax::unreadable_rate(raw, stated, treatment.as_ref(), issues);
    let Some(treatment) = treatment else {
        issues.push(issue(
            "price",
            Code::VatInclusionUnknown.as_str(),
            "nothing says whether the price includes PPN, so no amount with or without it is given",
        ));
        return None;
    };
    if rate_unknown {
        return None;
    }
    if let Some(message) = vat::not_in_force_today(&raw.vat, &treatment) {
        issues.push(Issue { field: "price.vatRate", code: Code::VatRateNotInForce.as_str(), message });
    }
    let split_or_flag = |amount: Decimal, issues: &mut Vec<Issue>| {
        let split = vat::split(amount, treatment.includes_vat, treatment.effective);
        if split.is_none() {
            issues.push(issue("price", Code::PriceOutOfRange.as_str(), "the price is too large to compute exactly"));
        }
        split
    };
    let split = split_or_flag(amount, issues)?;
    // A filter's maximum tests a range's upper end, so it is split as the amount is.
    let range_max = match parsed.range_max {
        Some(max) => {
            let split = split_or_flag(max, issues)?;
            Some(RangeMax { amount: max, excluding_vat: split.excluding, including_vat: split.including })
        }
        None => None,
    };
    let price = Price {
        amount,
        includes_vat: treatment.includes_vat,
        vat_rate: treatment.effective,
        nominal_vat_rate: treatment.nominal,
        vat_basis: treatment.basis,
        vat_rule: treatment.rule,
        amount_excluding_vat: split.excluding,
        amount_including_vat: split.including,
        raw: match &raw.price.value {
            Value::String(s) => Some(plain_text(s)),
            other => Some(other.to_string()),
        },
        exact,
        range_max,
    };
    Some(price)
}

fn parse_raw_price(value: &Value, format: ValueFormat) -> ParsedPrice {
    match (format, value) {
        (ValueFormat::IdrText, Value::String(s)) => parse_price(s, Locale::Id),
        (ValueFormat::IdrTextEn, Value::String(s)) => parse_price(s, Locale::En),
        (ValueFormat::IntegerRupiah, value) => parse_whole_rupiah_json(value),
        (ValueFormat::Number | ValueFormat::DecimalString, value) => parse_number_json(value),
        (_, value) => parse_price_json(value, Locale::Id),
    }
}

/// The price of one base unit, kept to 4 decimals so a sheet of paper still compares exactly;
/// `None` when the pack size is unknown.
pub(crate) fn per_base_unit(price: &Price, unit: &Unit) -> Option<UnitPrice> {
    let quantity = unit.quantity?;
    let per = |amount: Decimal| {
        amount
            .checked_div(quantity)
            .map(|a| a.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero).normalize())
    };
    let per_unit = Price {
        amount: per(price.amount)?,
        amount_excluding_vat: per(price.amount_excluding_vat)?,
        amount_including_vat: per(price.amount_including_vat)?,
        raw: None,
        range_max: match &price.range_max {
            Some(max) => Some(RangeMax {
                amount: per(max.amount)?,
                excluding_vat: per(max.excluding_vat)?,
                including_vat: per(max.including_vat)?,
            }),
            None => None,
        },
        ..price.clone()
    };
    Some(UnitPrice { price: per_unit, derivation: unit.derivation, confident: unit.confident })
}

fn read_vendor(raw: &RawOffer) -> VendorRecord {
    let mut issues = Vec::new();
    let raw_name = plain_text(&raw.vendor_name);
    let vendor::Read { canonical, name_key } = vendor::read_name(&raw_name, raw.vendor_legal_form.as_deref());
    let npwp = raw.vendor_npwp.as_deref().and_then(|text| match npwp::parse_npwp(text, canonical.legal_form) {
        Ok(n) => Some(n),
        Err(e) => {
            issues.push(Issue { field: "vendor.npwp", code: e.code(), message: e.to_string() });
            None
        }
    });
    VendorRecord {
        source_id: raw.vendor_id.as_deref().map(plain_text),
        raw_name,
        name_key,
        name: canonical.name,
        legal_form: canonical.legal_form,
        npwp: npwp.as_ref().and_then(|n| n.npwp16.clone()),
        npwp15: npwp.as_ref().and_then(|n| n.npwp15.clone()),
        entity_key: npwp.map(|n| n.entity_key),
        scale: raw.vendor_scale.as_deref().map_or(crate::model::BusinessScale::Unknown, vendor::parse_scale),
        location: raw.vendor_region.as_deref().map(plain_text),
        region_code: raw.vendor_region.as_deref().and_then(|text| read_region(text, &mut issues)),
        issues,
    }
}

fn read_region(text: &str, issues: &mut Vec<Issue>) -> Option<&'static str> {
    match region::resolve_remembered(text) {
        Resolution::Found(region) => Some(region.code),
        Resolution::Ambiguous(candidates) => {
            let names: Vec<String> = candidates.iter().map(|r| format!("{} ({})", r.name, r.code)).collect();
            let message = format!("the location could be any of: {}", names.join(", "));
            issues.push(Issue { field: "vendor.region", code: Code::RegionAmbiguous.as_str(), message });
            None
        }
        Resolution::NotFound => {
            issues.push(issue(
                "vendor.region",
                Code::RegionUnknown.as_str(),
                "the location matches no Kemendagri region",
            ));
            None
        }
    }
}

fn read_percent(raw: Option<&RawValue>, field: &'static str, issues: &mut Vec<Issue>) -> Option<Decimal> {
    match parse_percent(&raw?.value) {
        Ok(value) => value,
        Err(_) => {
            issues.push(issue(field, Code::PercentUnreadable.as_str(), "not a percentage between 0 and 100"));
            None
        }
    }
}

/// The most a company's BMP certificate carries (Permenperin 16/2011): a higher one stated is
/// a mistake, and counted it lifted a TKDN of 24.99 % to the PDN cascade's 40 % (review33w W33-5).
const BMP_CEILING: Decimal = Decimal::from_parts(15, 0, 0, false, 0);

fn read_bmp(raw: Option<&RawValue>, issues: &mut Vec<Issue>) -> Option<Decimal> {
    let bmp = read_percent(raw, "bmp", issues)?;
    if bmp > BMP_CEILING {
        let said = "above the 15 % a company's BMP certificate can carry: not counted";
        issues.push(issue("bmp", Code::BmpAboveCeiling.as_str(), said));
        return None;
    }
    Some(bmp)
}

/// A flag as sent (`true`, `"ya"`, `1`); an unreadable one is reported and counts as not stated.
pub(super) fn flag(value: Option<&RawValue>, field: &'static str, issues: &mut Vec<Issue>) -> Option<bool> {
    let value = value?;
    let read = read_bool(&value.value);
    if read.is_none() {
        let message = format!("{} is not a yes/no value; it was ignored", value.value);
        issues.push(issue(field, Code::FlagUnreadable.as_str(), &message));
    }
    read
}

pub(super) fn read_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "ya" | "yes" | "true" | "1" | "y" => Some(true),
            "tidak" | "no" | "false" | "0" | "t" | "n" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn is_http_url(url: &str, issues: &mut Vec<Issue>) -> bool {
    let ok = super::link::is_http_url(url);
    if !ok {
        issues.push(issue("url", Code::UrlRejected.as_str(), "only http(s) links are passed on"));
    }
    ok
}

pub(super) fn issue(field: &'static str, code: &'static str, message: &str) -> Issue {
    Issue { field, code, message: message.to_string() }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_v2;
