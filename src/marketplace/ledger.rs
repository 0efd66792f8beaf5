//! Reading a marketplace's transaction ledger through its adapter file (`[transactions]`,
//! `[transaction_totals]`): one page of a buyer's year, or the buyer's totals.

use super::definition::{FirstCursor, PaginationKind};
use super::extract::{mapped_text, opt_flag, opt_raw, opt_text, raw, text};
use super::http::{HttpAdapter, pricing_policy};
use super::ledger_def::{TotalsSpec, TransactionsSpec};
use super::placeholders::Placeholders;
use super::{LedgerPage, LedgerRequest, LedgerTotals, MarketplaceError, SearchRequest};
use crate::normalize::number::{read_count, read_number};
use crate::normalize::raw::{RawOffer, ValueFormat};
use crate::normalize::transaction::RawTransaction;
use crate::normalize::vat::VatPolicy;
use serde_json::Value;
use std::sync::Arc;

/// The placeholders of a ledger request: the buyer and the year as WIB dates, plus paging.
fn placeholders(kind: PaginationKind, request: &LedgerRequest, first: FirstCursor) -> Placeholders {
    let paging = SearchRequest {
        query: String::new(),
        offset: request.offset,
        limit: request.limit,
        cursor: request.cursor.clone(),
        filters: Vec::new(),
    };
    Placeholders::new(kind, &paging, first)
        .with("buyer", Value::from(request.buyer.as_str()))
        .with("year", Value::from(request.year))
        .with("from", Value::from(format!("{}-01-01", request.year)))
        .with("to", Value::from(format!("{}-12-31", request.year)))
}

/// One page of a buyer's transactions.
pub(super) async fn transactions(
    adapter: &HttpAdapter,
    request: &LedgerRequest,
) -> Result<LedgerPage, MarketplaceError> {
    let Some(spec) = &adapter.definition.transactions else {
        return Err(MarketplaceError::BadResponse { reason: "keeps no transaction ledger".into() });
    };
    let pagination = &spec.pagination;
    let values = placeholders(pagination.kind, request, pagination.first_cursor);
    let first_absent = request.cursor.is_none() && pagination.first_cursor != FirstCursor::Empty;
    let body = adapter.send(adapter.request(&spec.request, &values, first_absent, &[])?).await?;
    parse_ledger(spec, &body)
}

/// A buyer's totals, when the file has a totals endpoint.
pub(super) async fn totals(
    adapter: &HttpAdapter,
    request: &LedgerRequest,
) -> Result<Option<LedgerTotals>, MarketplaceError> {
    let Some(spec) = &adapter.definition.transaction_totals else { return Ok(None) };
    let values = placeholders(PaginationKind::Page, request, FirstCursor::Absent);
    let body = adapter.send(adapter.request(&spec.request, &values, true, &[])?).await?;
    parse_totals(spec, &body).map(Some)
}

fn bad(reason: String) -> MarketplaceError {
    MarketplaceError::BadResponse { reason }
}

/// Reads one ledger page.
pub(crate) fn parse_ledger(spec: &TransactionsSpec, body: &[u8]) -> Result<LedgerPage, MarketplaceError> {
    let json: Value = serde_json::from_slice(body).map_err(|e| bad(format!("not JSON ({e})")))?;
    let response = &spec.response;
    let items = json
        .pointer(&response.items)
        .and_then(Value::as_array)
        .ok_or_else(|| bad(format!("no transaction array at `{}`", response.items)))?;
    let vat = Arc::new(pricing_policy(&spec.pricing));
    let mut page = LedgerPage {
        total: response.total.as_deref().and_then(|p| json.pointer(p)).and_then(read_count),
        next_cursor: response.next_cursor.as_deref().and_then(|p| json.pointer(p)).and_then(|v| match v {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }),
        by_cursor: spec.pagination.kind == PaginationKind::Cursor,
        ..LedgerPage::default()
    };
    for item in items {
        match entry(item, spec, &vat) {
            Ok(entry) => page.items.push(entry),
            Err(reason) => page.skipped.push(reason),
        }
    }
    if page.items.is_empty() && !page.skipped.is_empty() {
        return Err(bad(format!("none of its {} transactions could be read: {}", page.skipped.len(), page.skipped[0])));
    }
    Ok(page)
}

/// One entry's fields; `Err` names the required field that is missing. (A parsed tree's values
/// are copied out, so `item` is only rebound, never changed.)
fn entry(mut item: &Value, spec: &TransactionsSpec, vat: &Arc<VatPolicy>) -> Result<RawTransaction, String> {
    let f = &spec.fields;
    let required = |name: &str, found: Option<String>| found.ok_or_else(|| format!("transaction without {name}"));
    let id = required("id", text(&mut item, &f.id))?;
    let offer = RawOffer {
        title: id.clone(),
        source_id: id,
        price: raw(&mut item, &f.amount, ValueFormat::Number).ok_or("transaction without amount")?,
        vat: Arc::clone(vat),
        includes_vat: opt_flag(&mut item, f.includes_vat.as_ref()),
        vat_rate: opt_raw(&mut item, f.vat_rate.as_ref(), ValueFormat::Number),
        vendor_pkp: opt_flag(&mut item, f.vendor_pkp.as_ref()),
        vat_exempt: opt_flag(&mut item, f.vat_exempt.as_ref()),
        tkdn: opt_raw(&mut item, f.tkdn.as_ref(), ValueFormat::PercentText),
        vendor_id: opt_text(&mut item, f.vendor_id.as_ref()),
        vendor_name: required("vendor name", text(&mut item, &f.vendor_name))?,
        vendor_legal_form: opt_text(&mut item, f.vendor_legal_form.as_ref()),
        vendor_npwp: opt_text(&mut item, f.vendor_npwp.as_ref()),
        vendor_scale: opt_text(&mut item, f.vendor_scale.as_ref()),
        vendor_region: opt_text(&mut item, f.vendor_region.as_ref()),
        ..RawOffer::default()
    };
    Ok(RawTransaction {
        offer,
        date: required("date", text(&mut item, &f.date))?,
        buyer: required("buyer", text(&mut item, &f.buyer))?,
        satker: opt_text(&mut item, f.satker.as_ref()),
        status: Some(required("status", mapped_text(&mut item, &f.status))?),
        payment_method: f.payment_method.as_ref().and_then(|spec| mapped_text(&mut item, spec)),
        item_count: opt_raw(&mut item, f.item_count.as_ref(), ValueFormat::Number),
    })
}

/// Reads a totals answer; every total must be there and readable, or nothing is used.
pub(crate) fn parse_totals(spec: &TotalsSpec, body: &[u8]) -> Result<LedgerTotals, MarketplaceError> {
    let json: Value = serde_json::from_slice(body).map_err(|e| bad(format!("not JSON ({e})")))?;
    let r = &spec.response;
    let amount = |name: &str, pointer: &str| {
        json.pointer(pointer).and_then(read_number).ok_or_else(|| bad(format!("no readable {name} at `{pointer}`")))
    };
    Ok(LedgerTotals {
        including_vat: amount("total including PPN", r.amount_including_vat.pointer())?,
        excluding_vat: amount("total excluding PPN", r.amount_excluding_vat.pointer())?,
        count: json
            .pointer(r.count.pointer())
            .and_then(read_count)
            .ok_or_else(|| bad(format!("no readable count at `{}`", r.count.pointer())))?,
    })
}
