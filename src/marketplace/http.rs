//! The declarative HTTP/JSON adapter: one `adapters/*.toml` file is one marketplace.

use super::definition::{AdapterDefinition, FieldSpec, FirstCursor, Method, RequestSpec};
use super::direct::{DirectItem, PagePlan};
use super::extract::extract;
use super::memo::ItemMemo;
use super::placeholders::Placeholders;
use super::surrogates;
use super::upstream::{Answer, Body, Upstream};
use super::{MarketplaceError, SearchPage, SearchRequest};
use crate::model::MarketplaceId;
use crate::normalize::number::read_count;
use crate::normalize::raw::RawOffer;
use crate::normalize::vat::{RateRule, VatPolicy};
use crate::telemetry::trace;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Request, Response, StatusCode, Uri, header};
use http_body_util::BodyExt;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;
use std::sync::Arc;

/// Default cap on a response body, after decompression.
pub(crate) const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// A marketplace served by a REST/JSON API described in an adapter file.
#[derive(Debug)]
pub struct HttpAdapter {
    pub(super) id: MarketplaceId,
    pub(super) definition: AdapterDefinition,
    base_url: String,
    /// `base_url` parsed, so a call parses only its path (`None` if it does not parse or has
    /// spaces around it; then the whole URL is parsed for each call).
    base: Option<url::Url>,
    pub(super) headers: HeaderMap,
    client: Upstream,
    vat: Arc<VatPolicy>,
    max_response_bytes: usize,
    /// How responses are read straight into the fields (`None`: through a `Value` tree).
    plan: Option<PagePlan>,
    /// Items read before, by their bytes (`memo.rs`).
    memo: ItemMemo,
}

impl HttpAdapter {
    /// Builds an adapter from a checked definition; `base_url` and `headers` (auth included) are
    /// resolved by the registry so secrets never pass through the definition.
    pub(crate) fn new(definition: AdapterDefinition, base_url: String, headers: HeaderMap, client: Upstream) -> Self {
        let vat = Arc::new(vat_policy(&definition));
        let max_response_bytes = definition.limits.max_response_bytes.unwrap_or(DEFAULT_MAX_RESPONSE_BYTES);
        tracing::debug!(marketplace = %definition.id, format = definition.format, "adapter file read");
        Self {
            id: MarketplaceId::new(definition.id.clone()),
            base: url::Url::parse(&base_url).ok().filter(|_| base_url.trim_matches(|c: char| c <= ' ') == base_url),
            base_url: base_url.trim_end_matches('/').to_string(),
            plan: plan_of(&definition),
            memo: ItemMemo::default(),
            definition,
            headers,
            client,
            vat,
            max_response_bytes,
        }
    }

    pub(super) fn build(&self, request: &SearchRequest) -> Result<Request<Body>, MarketplaceError> {
        let pagination = &self.definition.pagination;
        let values = Placeholders::new(pagination.kind, request, pagination.first_cursor);
        let first_absent = request.cursor.is_none() && pagination.first_cursor != FirstCursor::Empty;
        self.request(&self.definition.request, &values, first_absent, &request.filters)
    }

    /// A request from `spec` with `values` filled in, plus pushed-down `filters`.
    pub(super) fn request(
        &self,
        spec: &RequestSpec,
        values: &Placeholders,
        first_absent: bool,
        filters: &[(String, String)],
    ) -> Result<Request<Body>, MarketplaceError> {
        let mut url = self.url(&spec.path).map_err(|_| invalid_url())?;
        let mut query: Vec<(&str, String)> = spec
            .query
            .iter()
            .filter(|(_, template)| !(template.as_str() == "{cursor}" && first_absent))
            .map(|(name, template)| (name.as_str(), values.fill(template)))
            .collect();
        let body = match &spec.body {
            Some(body) => {
                let mut body = values.fill_body(body);
                if let Value::Object(map) = &mut body {
                    map.extend(filters.iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))));
                }
                Some(Bytes::from(body.to_string()))
            }
            None => {
                query.extend(filters.iter().map(|(k, v)| (k.as_str(), v.clone())));
                None
            }
        };
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(&query);
        }
        let uri = Uri::try_from(url.as_str()).map_err(|_| invalid_url())?;
        let json = body.is_some();
        let mut request = Request::new(Body::new(body.unwrap_or_default()));
        *request.method_mut() = match spec.method {
            Method::Get => axum::http::Method::GET,
            Method::Post => axum::http::Method::POST,
        };
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.clone_from(&self.headers);
        // The request being served, so the marketplace's logs can be matched with ours.
        if let Some(id) = crate::telemetry::request::id().and_then(|id| HeaderValue::from_str(&id).ok()) {
            headers.insert(HeaderName::from_static("x-request-id"), id);
        }
        // The cache load's span as the upstream's parent (`traceparent`), when traces are on.
        if trace::enabled() {
            headers.extend(trace::upstream_headers());
        }
        if json {
            headers.entry(header::CONTENT_TYPE).or_insert(HeaderValue::from_static("application/json"));
        }
        Ok(request)
    }

    /// `base_url` followed by `path`. Parsing the whole URL at each call mapped its host through
    /// IDNA again: 2.5 % of a search's CPU at one connection.
    pub(super) fn url(&self, path: &str) -> Result<url::Url, String> {
        match &self.base {
            // A query, a fragment or trailing spaces in the path are parsed with the whole URL.
            Some(base) if !path.contains(['?', '#']) && path.trim_end_matches(|c: char| c <= ' ') == path => {
                let mut url = base.clone();
                url.set_path(&format!("{}{path}", base.path().trim_end_matches('/')));
                Ok(url)
            }
            _ => {
                let joined = format!("{}{path}", self.base_url);
                url::Url::parse(&joined).map_err(|_| joined)
            }
        }
    }

    /// Sends a request and reads its body, mapping statuses as every call does.
    pub(super) async fn send(&self, request: Request<Body>) -> Result<Vec<u8>, MarketplaceError> {
        let response = self.client.call(request).await.map_err(|e| MarketplaceError::from_transport(&e))?;
        let status = response.status();
        let span = tracing::Span::current();
        span.record("http.response.status_code", status.as_u16());
        if status == StatusCode::TOO_MANY_REQUESTS {
            let retry_after = response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse().ok());
            return Err(MarketplaceError::RateLimited { retry_after });
        }
        if !status.is_success() {
            return Err(MarketplaceError::Status { status: status.as_u16() });
        }
        let body = self.read_body(response).await?;
        span.record("bytes", body.len());
        Ok(body)
    }

    async fn read_body(&self, response: Response<Answer>) -> Result<Vec<u8>, MarketplaceError> {
        let limit = self.max_response_bytes;
        // Stated length of what is sent; a gzip answer has it removed as it is decoded.
        let declared =
            response.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|len| len > limit as u64) {
            return Err(MarketplaceError::TooLarge { limit });
        }
        let mut body = Vec::with_capacity(declared.map_or(0, |len| (len as usize).min(limit)));
        let mut answer = response.into_body();
        // Counted while streaming, after decompression, so a gzip bomb stops at the limit.
        while let Some(frame) = answer.frame().await {
            let frame = frame.map_err(|e| MarketplaceError::from_body(&*e))?;
            let Ok(chunk) = frame.into_data() else { continue };
            if body.len() + chunk.len() > limit {
                return Err(MarketplaceError::TooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    pub(super) fn parse(&self, body: &[u8]) -> Result<SearchPage, MarketplaceError> {
        parse_page(&self.definition, self.plan.as_ref(), Some(&self.memo), &self.vat, body)
    }
}

/// Reads a saved response through an adapter file as a search reads a live one (`pasar check
/// --sample`).
pub fn read_page(definition: &AdapterDefinition, body: &[u8]) -> Result<SearchPage, MarketplaceError> {
    parse_page(definition, plan_of(definition).as_ref(), None, &Arc::new(vat_policy(definition)), body)
}

/// The direct reading of the file's responses, when its pointers allow one.
pub(super) fn plan_of(definition: &AdapterDefinition) -> Option<PagePlan> {
    let response = &definition.response;
    let fields = definition.fields.entries().into_iter().filter_map(|(_, spec)| spec.map(FieldSpec::pointer));
    PagePlan::new(&response.items, response.total.as_deref(), response.next_cursor.as_deref(), fields)
}

/// A request that cannot be written: the adapter's URL with its values filled in does not parse.
fn invalid_url() -> MarketplaceError {
    MarketplaceError::Unreachable {
        reason: "the marketplace's URL with this search's values is not valid".into(),
        cause: None,
    }
}

fn not_json(e: &serde_json::Error) -> MarketplaceError {
    MarketplaceError::BadResponse { reason: format!("not JSON ({e})") }
}

fn no_items(definition: &AdapterDefinition) -> MarketplaceError {
    MarketplaceError::BadResponse { reason: format!("no item array at `{}`", definition.response.items) }
}

/// One page: straight into the fields with `plan` (an item `memo` knows by its bytes is not read
/// again), else through a `Value` tree; both find the same values (`direct.rs`).
pub(super) fn parse_page(
    definition: &AdapterDefinition,
    plan: Option<&PagePlan>,
    memo: Option<&ItemMemo>,
    vat: &Arc<VatPolicy>,
    body: &[u8],
) -> Result<SearchPage, MarketplaceError> {
    let Some(plan) = plan else {
        let json: Value = serde_json::from_slice(body)
            .or_else(|e| surrogates::replaced(body).and_then(|b| serde_json::from_slice(&b).ok()).ok_or(e))
            .map_err(|e| not_json(&e))?;
        let response = &definition.response;
        let items = json.pointer(&response.items).and_then(Value::as_array).ok_or_else(|| no_items(definition))?;
        let total = response.total.as_deref().and_then(|p| json.pointer(p));
        let cursor = response.next_cursor.as_deref().and_then(|p| json.pointer(p));
        let items = items.iter().map(|mut item| extract(&mut item, &definition.fields, vat).map(Arc::new));
        return page_of(definition, total, cursor, items);
    };
    let read = plan.read(body).map_err(|e| not_json(&e))?;
    if !read.found_items {
        return Err(no_items(definition));
    }
    let (items, total, cursor) = read.into_parts();
    let items = items.into_iter().map(|item| read_item(definition, plan, memo, vat, item));
    page_of(definition, total.as_ref(), cursor.as_ref(), items)
}

/// One item of a page read by `plan`: what `memo` remembers for its bytes, else its fields read
/// (and remembered); `Err` names the required field it lacks.
fn read_item(
    definition: &AdapterDefinition,
    plan: &PagePlan,
    memo: Option<&ItemMemo>,
    vat: &Arc<VatPolicy>,
    item: &serde_json::value::RawValue,
) -> Result<Arc<RawOffer>, String> {
    let bytes = item.get().as_bytes();
    if let Some(known) = memo.and_then(|memo| memo.get(bytes)) {
        return Ok(known);
    }
    // The page was read as JSON already, so its items are; a lone surrogate escape is the one
    // flaw read leniently, and only then (`surrogates.rs`).
    let mut values = match plan.read_item(item) {
        Ok(values) => values,
        Err(e) => read_leniently(plan, item).ok_or_else(|| format!("item not JSON ({e})"))?,
    };
    let offer = Arc::new(extract(&mut DirectItem { plan, values: &mut values }, &definition.fields, vat)?);
    if let Some(memo) = memo {
        memo.insert(bytes, Arc::clone(&offer));
    }
    Ok(offer)
}

/// The item read again with its unpaired surrogate escapes as U+FFFD; `None` when it has none or
/// still does not read.
fn read_leniently(plan: &PagePlan, item: &serde_json::value::RawValue) -> Option<Vec<Option<Value>>> {
    let text = String::from_utf8(surrogates::replaced(item.get().as_bytes())?).ok()?;
    plan.read_item(&serde_json::value::RawValue::from_string(text).ok()?).ok()
}

/// The page of `items` read (or the reasons they could not be), with its total and cursor.
fn page_of(
    definition: &AdapterDefinition,
    total: Option<&Value>,
    cursor: Option<&Value>,
    items: impl ExactSizeIterator<Item = Result<Arc<RawOffer>, String>>,
) -> Result<SearchPage, MarketplaceError> {
    let total = total.and_then(read_count);
    let mut page = SearchPage {
        total,
        total_approximate: total.is_some() && definition.response.total_approximate,
        next_cursor: cursor.and_then(as_cursor),
        items: Vec::with_capacity(items.len()),
        ..SearchPage::default()
    };
    for item in items {
        match item {
            Ok(offer) => page.items.push(offer),
            Err(reason) => page.skipped.push(reason),
        }
    }
    if page.items.is_empty() && !page.skipped.is_empty() {
        let reason = format!("none of its {} items could be read: {}", page.skipped.len(), page.skipped[0]);
        return Err(MarketplaceError::BadResponse { reason });
    }
    Ok(page)
}

/// The file's `[pricing]` as the normaliser takes it; every rate was checked by the validator.
pub(crate) fn vat_policy(definition: &AdapterDefinition) -> VatPolicy {
    pricing_policy(&definition.pricing)
}

/// One `[pricing]` table as the normaliser takes it.
pub(crate) fn pricing_policy(pricing: &super::definition::Pricing) -> VatPolicy {
    let rate = |text: &str| Decimal::from_str(text).unwrap_or_default();
    let rules = pricing
        .rules
        .iter()
        .map(|r| RateRule {
            stated: rate(&r.stated).normalize(),
            effective: rate(&r.effective).normalize(),
            regulation: r.regulation.as_str().into(),
        })
        .collect();
    VatPolicy { includes_vat: pricing.includes_vat, rate: rate(&pricing.vat_rate).normalize(), rules }
}

/// Builds the static headers of an adapter: its `[request.headers]` plus resolved auth.
pub(crate) fn static_headers(definition: &AdapterDefinition) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    for (name, value) in &definition.request.headers {
        // Both were checked by the validator; a failure here cannot happen for a loaded file.
        if let (Ok(name), Ok(value)) = (HeaderName::from_str(name), HeaderValue::from_str(value)) {
            headers.insert(name, value);
        }
    }
    headers
}

fn as_cursor(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
