//! The facts beside the price: the stated pack quantity, availability, minimum order, stock and
//! the listing's own seller account.

use super::{is_http_url, issue};
use crate::codes::Code;
use crate::model::{Availability, Issue, PackDerivation, Seller, Unit};
use crate::normalize::availability::parse_availability;
use crate::normalize::number::{read_count, read_number};
use crate::normalize::raw::{RawOffer, RawValue};
use crate::normalize::text::plain_text;
use crate::normalize::unit::{base_unit_name, hold_bare_count, sizes_stated};
use rust_decimal::Decimal;

/// The stated pack quantity wins over the unit field and the title; a unit field or a title
/// stating another size by itself is reported, naming which, and the pack is then not trusted
/// for comparisons. Guessing either way is a 12-fold error in a price survey (`Lusin`, isi 1).
/// Without a stated quantity, a bare count after a box, dus or karton gives no size (see
/// [`hold_bare_count`]).
pub(super) fn pack(unit: Unit, raw: &RawOffer, issues: &mut Vec<Issue>) -> Unit {
    let as_read = |unit| hold_bare_count(unit, raw.unit.as_deref().map(plain_text).as_deref(), &raw.title);
    let Some(value) = raw.pack_quantity.as_ref() else { return as_read(unit) };
    let Some(quantity) = read_number(&value.value).filter(|q| *q > Decimal::ZERO) else {
        let message =
            format!("{} is not a positive number of base units; the pack was read from the title", value.value);
        issues.push(issue("unit.quantity", Code::NumberUnreadable.as_str(), &message));
        return as_read(unit);
    };
    let (in_field, in_title) = sizes_stated(raw.unit.as_deref(), &raw.title);
    let field = in_field
        .filter(|q| *q != quantity)
        .map(|q| format!("the unit field `{}` says {q}", unit.name.as_deref().unwrap_or_default()));
    let title = in_title.filter(|q| *q != quantity).map(|q| format!("the title says {q}"));
    let said: Vec<String> = field.into_iter().chain(title).collect();
    let disagrees = !said.is_empty();
    if disagrees {
        let message = format!("the marketplace states {quantity} per pack but {}", said.join(" and "));
        issues.push(issue("unit.quantity", Code::PackConflict.as_str(), &message));
    }
    let stated_base =
        raw.base_unit.as_deref().map(|b| base_unit_name(b).map_or_else(|| b.trim().to_lowercase(), str::to_string));
    Unit {
        base_unit: stated_base.or(unit.base_unit.clone()),
        quantity: Some(quantity),
        derivation: PackDerivation::Stated,
        confident: !disagrees,
        note: disagrees.then_some("the marketplace's pack quantity and the unit field or the title disagree"),
        ..unit
    }
}

pub(super) fn availability(text: Option<&str>, issues: &mut Vec<Issue>) -> Option<Availability> {
    let text = text?;
    let read = parse_availability(text);
    if read.is_none() {
        let message = format!("`{text}` is not a known availability; map it in the adapter's `values`");
        issues.push(issue("availability", Code::AvailabilityUnknown.as_str(), &message));
    }
    read
}

pub(super) fn min_order(value: Option<&RawValue>, issues: &mut Vec<Issue>) -> Option<u32> {
    let value = value?;
    let read = read_count(&value.value).filter(|n| *n >= 1);
    // Left out above where the API's `Int` ends: a count served as another would be a made-up one.
    let kept = read.and_then(|n| i32::try_from(n).ok()).and_then(|n| u32::try_from(n).ok());
    if kept.is_none() {
        let message = match read {
            Some(_) => format!("{} packs is more than 2,147,483,647; `minOrder` is null", value.value),
            None => format!("{} is not a whole number of packs", value.value),
        };
        issues.push(issue("minOrder", Code::NumberUnreadable.as_str(), &message));
    }
    kept
}

/// The units in stock: a whole number, sent as a number or as text.
pub(super) fn stock(value: Option<&RawValue>, issues: &mut Vec<Issue>) -> Option<i64> {
    let value = value?;
    let read = read_count(&value.value).and_then(|n| i64::try_from(n).ok());
    if read.is_none() {
        let message = format!("{} is not a whole number of units in stock", value.value);
        issues.push(issue("stock", Code::NumberUnreadable.as_str(), &message));
    } else if read.is_some_and(|n| i32::try_from(n).is_err()) {
        // Kept, so the offer still counts as in stock; the API's `Int` cannot carry it.
        let message = format!("{} units in stock is more than 2,147,483,647; `stock` is null", value.value);
        issues.push(issue("stock", Code::NumberUnreadable.as_str(), &message));
    }
    read
}

pub(super) fn seller(raw: &RawOffer, issues: &mut Vec<Issue>) -> Seller {
    let rating = raw.seller_rating.as_ref().and_then(|value| {
        let read = read_number(&value.value).filter(|r| *r >= Decimal::ZERO);
        if read.is_none() {
            issues.push(issue("seller.rating", Code::NumberUnreadable.as_str(), "the rating is not a number"));
        }
        read
    });
    Seller {
        id: raw.vendor_id.as_deref().map(plain_text),
        name: plain_text(&raw.vendor_name),
        url: raw.seller_url.clone().filter(|u| is_http_url(u, issues)),
        rating,
    }
}
