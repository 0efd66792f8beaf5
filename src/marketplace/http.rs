//! The declarative HTTP/JSON adapter: one `adapters/*.toml` file is one marketplace.

use super::definition::{AdapterDefinition, Method, PaginationKind};
use super::extract::{VatDefaults, extract};
use super::{Marketplace, MarketplaceError, SearchPage, SearchRequest};
use crate::model::MarketplaceId;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use serde_json::Value;
use std::str::FromStr;

/// Default cap on a response body, after decompression.
pub(crate) const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// A marketplace served by a REST/JSON API described in an adapter file.
#[derive(Debug)]
pub struct HttpAdapter {
    id: MarketplaceId,
    definition: AdapterDefinition,
    base_url: String,
    headers: HeaderMap,
    client: reqwest::Client,
    vat: VatDefaults,
    max_response_bytes: usize,
}

impl HttpAdapter {
    /// Builds an adapter from a checked definition; `base_url` and `headers` (auth included) are
    /// resolved by the registry so secrets never pass through the definition.
    pub(crate) fn new(
        definition: AdapterDefinition,
        base_url: String,
        headers: HeaderMap,
        client: reqwest::Client,
    ) -> Self {
        let vat = VatDefaults {
            includes_vat: definition.pricing.includes_vat,
            rate: rust_decimal::Decimal::from_str(&definition.pricing.vat_rate).unwrap_or_default(),
        };
        let max_response_bytes = definition.limits.max_response_bytes.unwrap_or(DEFAULT_MAX_RESPONSE_BYTES);
        Self {
            id: MarketplaceId::new(definition.id.clone()),
            base_url: base_url.trim_end_matches('/').to_string(),
            definition,
            headers,
            client,
            vat,
            max_response_bytes,
        }
    }

    fn build(&self, request: &SearchRequest) -> reqwest::RequestBuilder {
        let values = Placeholders::new(self.definition.pagination.kind, request);
        let spec = &self.definition.request;
        let url = format!("{}{}", self.base_url, spec.path);
        let builder = match spec.method {
            Method::Get => self.client.get(url),
            Method::Post => self.client.post(url),
        };
        let mut query: Vec<(&str, String)> = spec
            .query
            .iter()
            .filter(|(_, template)| !(template.as_str() == "{cursor}" && request.cursor.is_none()))
            .map(|(name, template)| (name.as_str(), values.fill(template)))
            .collect();
        let mut builder = builder.headers(self.headers.clone());
        if let Some(body) = &spec.body {
            let mut body = values.fill_body(body);
            if let Value::Object(map) = &mut body {
                map.extend(request.filters.iter().map(|(k, v)| (k.clone(), Value::from(v.as_str()))));
            }
            builder = builder.json(&body);
        } else {
            query.extend(request.filters.iter().map(|(k, v)| (k.as_str(), v.clone())));
        }
        builder.query(&query)
    }

    async fn read_body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, MarketplaceError> {
        let limit = self.max_response_bytes;
        if response.content_length().is_some_and(|len| len as usize > limit) {
            return Err(MarketplaceError::TooLarge { limit });
        }
        let mut body = Vec::new();
        // Counted while streaming, after decompression, so a gzip bomb stops at the limit.
        while let Some(chunk) = response.chunk().await.map_err(|e| MarketplaceError::from_transport(&e))? {
            if body.len() + chunk.len() > limit {
                return Err(MarketplaceError::TooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    pub(super) fn parse(&self, body: &[u8]) -> Result<SearchPage, MarketplaceError> {
        let json: Value = serde_json::from_slice(body)
            .map_err(|e| MarketplaceError::BadResponse { reason: format!("not JSON ({e})") })?;
        let response = &self.definition.response;
        let items = json.pointer(&response.items).and_then(Value::as_array).ok_or_else(|| {
            MarketplaceError::BadResponse { reason: format!("no item array at `{}`", response.items) }
        })?;
        let mut page = SearchPage {
            total: response.total.as_deref().and_then(|p| json.pointer(p)).and_then(as_count),
            next_cursor: response.next_cursor.as_deref().and_then(|p| json.pointer(p)).and_then(as_cursor),
            ..SearchPage::default()
        };
        for item in items {
            match extract(item, &self.definition.fields, self.vat) {
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
}

#[async_trait::async_trait]
impl Marketplace for HttpAdapter {
    fn id(&self) -> &MarketplaceId {
        &self.id
    }

    fn cache_partition(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        for (name, value) in &self.headers {
            (name.as_str(), value.as_bytes()).hash(&mut hasher);
        }
        hasher.finish()
    }

    async fn search(&self, request: &SearchRequest) -> Result<SearchPage, MarketplaceError> {
        let response = self.build(request).send().await.map_err(|e| MarketplaceError::from_transport(&e))?;
        let status = response.status();
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
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
        self.parse(&body)
    }
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

/// Values for `{query}`, `{page}`, `{page_size}`, `{offset}` and `{cursor}`.
pub(super) struct Placeholders {
    values: [(&'static str, Value); 5],
}

impl Placeholders {
    pub(super) fn new(kind: PaginationKind, request: &SearchRequest) -> Self {
        let limit = request.limit.max(1);
        let page = match kind {
            PaginationKind::Page => request.offset / limit + 1,
            PaginationKind::Offset | PaginationKind::Cursor => 1,
        };
        Self {
            values: [
                ("query", Value::from(request.query.clone())),
                ("page", Value::from(page)),
                ("page_size", Value::from(limit)),
                ("offset", Value::from(request.offset)),
                ("cursor", request.cursor.clone().map_or(Value::Null, Value::from)),
            ],
        }
    }

    pub(super) fn fill(&self, template: &str) -> String {
        let mut out = template.to_string();
        for (name, value) in &self.values {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            out = out.replace(&format!("{{{name}}}"), &text);
        }
        out
    }

    /// A body string that is exactly one placeholder keeps the value's JSON type (`"{page}"`
    /// becomes the number 2); anything else is text substitution.
    pub(super) fn fill_body(&self, table: &toml::Table) -> Value {
        let map = table.iter().map(|(key, value)| (key.clone(), self.fill_value(value))).collect();
        Value::Object(map)
    }

    fn fill_value(&self, value: &toml::Value) -> Value {
        match value {
            toml::Value::String(s) => self
                .values
                .iter()
                .find(|(name, _)| s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) == Some(name))
                .map_or_else(|| Value::from(self.fill(s)), |(_, v)| v.clone()),
            toml::Value::Table(t) => self.fill_body(t),
            toml::Value::Array(items) => Value::Array(items.iter().map(|v| self.fill_value(v)).collect()),
            other => serde_json::to_value(other).unwrap_or(Value::Null),
        }
    }
}

fn as_count(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_cursor(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
