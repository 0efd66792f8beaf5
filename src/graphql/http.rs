//! The `/graphql` endpoint, as GraphQL over HTTP (draft) says: every request is checked before
//! any work is done, then answered in the media type the client accepts.
//!
//! Order matters: rate limit (in the router), `Accept`, content type (a CSRF guard: browsers
//! cannot send JSON cross-site without a preflight), body size while reading, JSON shape, batch
//! size, then the linear [`prescan`](super::prescan) — all before the GraphQL parser runs or any
//! marketplace is asked. `GET` runs queries only: a mutation over `GET` is answered 405.

use super::freshness::Freshness;
use super::mutation::Presented;
use super::negotiate::{MediaType, Wanted, negotiate};
use super::order::in_selection_order;
use super::persisted::PersistedQueries;
use super::prescan::{QueryShape, scan};
use super::response_cache::{ResponseCache, ResponseKey, ResponseSources};
use super::wire::{self, Prepared, WireBatch, WireRequest};
use super::{PasarSchema, codes};
use crate::config::RequestLimits;
use async_graphql::parser::types::{OperationType, Selection};
use async_graphql::{ServerError, Value};
use axum::body::{Body, Bytes};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

mod rejection;
pub use rejection::Rejection;

/// Whether a `GET /graphql` comes from a browser that wants the GraphiQL page.
pub fn wants_graphiql(headers: &HeaderMap) -> bool {
    negotiate(headers, true) == Wanted::Html
}

/// What `/graphql` needs besides the request.
#[derive(Clone)]
pub struct Endpoint {
    /// The schema requests run on.
    pub schema: PasarSchema,
    /// Limits checked before parsing.
    pub limits: std::sync::Arc<RequestLimits>,
    /// Documents known by hash.
    pub persisted: PersistedQueries,
}

/// Checks and runs one GraphQL HTTP request (`GET` or `POST`).
pub async fn handle(endpoint: &Endpoint, parts: &Parts, body: Body) -> Response {
    let (schema, limits) = (&endpoint.schema, &*endpoint.limits);
    let Wanted::Graphql(media) = negotiate(&parts.headers, false) else {
        return Rejection::NotAcceptable.respond(MediaType::Json);
    };
    let raw = if parts.method == Method::GET {
        Bytes::copy_from_slice(parts.uri.query().unwrap_or_default().as_bytes())
    } else {
        match read_post(limits, &parts.headers, body).await {
            Ok(bytes) => bytes,
            Err(rejection) => return rejection.respond(media),
        }
    };
    // A stored answer to these exact bytes needs no parsing, validation or resolving.
    let stored = schema.data::<ResponseCache>();
    let key = ResponseKey::new(&parts.method, media.content_type(), raw.clone());
    if let Some(cache) = stored
        && let Some(hit) = cache.get(&key).await
    {
        return with_headers(StatusCode::OK, media, hit.headers.clone(), Body::from(hit.body.clone()));
    }
    let batch = if parts.method == Method::GET {
        admit_get(limits, std::str::from_utf8(&raw).unwrap_or_default()).map(WireBatch::Single)
    } else {
        admit_post(limits, &raw)
    };
    let batch = match batch {
        Ok(batch) => batch,
        Err(rejection) => return rejection.respond(media),
    };
    let presented = Presented(bearer(&parts.headers));
    match batch {
        WireBatch::Single(request) => {
            let (prepared, by_hash) = prepare(schema, &endpoint.persisted, request);
            if parts.method == Method::GET && is_mutation(&prepared) {
                return Rejection::MutationOverGet.respond(media);
            }
            let mutation = is_mutation(&prepared);
            let root_fields = prepared.as_ref().ok().and_then(root_field_count);
            let sources = stored.map(|cache| Arc::new(cache.begin()));
            let freshness = Freshness::new();
            let answer = run(schema, prepared, presented, freshness.clone(), sources.clone()).await;
            let status = answer.status(media);
            let body = Bytes::from(to_json(&answer.body()));
            let mut headers = execution_headers(&answer.response);
            // Only a GET by hash has a URL a CDN can key on without the document's text.
            if parts.method == Method::GET && by_hash {
                cache_for(&mut headers, &answer, &freshness);
            }
            if let Some(cache) = stored {
                if mutation {
                    cache.clear();
                } else if let (Some(sources), Some(root_fields)) = (sources, root_fields)
                    && answer.executed
                    && answer.response.errors.is_empty()
                {
                    cache.store(key, &sources, root_fields, body.clone(), headers.clone()).await;
                }
            }
            with_headers(status, media, headers, Body::from(body))
        }
        WireBatch::Batch(requests) => {
            let prepared: Vec<_> =
                requests.into_iter().map(|request| prepare(schema, &endpoint.persisted, request).0).collect();
            let mutation = prepared.iter().any(is_mutation);
            let runs =
                prepared.into_iter().map(|prepared| run(schema, prepared, presented.clone(), Freshness::new(), None));
            let answers = futures::future::join_all(runs).await;
            if mutation && let Some(cache) = stored {
                cache.clear();
            }
            let bodies: Vec<AnswerBody<'_>> = answers.iter().map(Answer::body).collect();
            let mut response = (StatusCode::OK, to_json(&bodies)).into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, media.content_type());
            response
        }
    }
}

/// How many fields the operation selects at its root; `None` when fragments make that unclear.
fn root_field_count(prepared: &Prepared) -> Option<usize> {
    let items = &prepared.operation()?.node.selection_set.node.items;
    items.iter().all(|item| matches!(item.node, Selection::Field(_))).then_some(items.len())
}

/// Resolves a persisted query, then parses (reusing the parse of a document seen before); the
/// flag says whether the document was named by hash.
fn prepare(
    schema: &PasarSchema,
    persisted: &PersistedQueries,
    request: WireRequest,
) -> (Result<Prepared, ServerError>, bool) {
    let fallback;
    let documents = match schema.data::<wire::Documents>() {
        Some(documents) => documents,
        None => {
            fallback = wire::Documents::default();
            &fallback
        }
    };
    match persisted.resolve(request) {
        Ok(resolved) => (wire::prepare_with(resolved.request, documents), resolved.by_hash),
        Err(error) => (Err(error), false),
    }
}

/// `Cache-Control` for an answer without errors: public for as long as its freshest-to-expire
/// source stays fresh; nothing when no marketplace was asked or the answer has errors.
fn cache_for(headers: &mut HeaderMap, answer: &Answer, freshness: &Freshness) {
    if !answer.executed || !answer.response.errors.is_empty() {
        return;
    }
    let Some(seconds) = freshness.seconds() else {
        return;
    };
    let value = if seconds == 0 { "no-cache".to_string() } else { format!("public, max-age={seconds}") };
    if let Ok(value) = HeaderValue::from_str(&value) {
        headers.insert(header::CACHE_CONTROL, value);
    }
}

fn is_mutation(prepared: &Result<Prepared, ServerError>) -> bool {
    let operation = prepared.as_ref().ok().and_then(Prepared::operation);
    operation.is_some_and(|op| op.node.ty == OperationType::Mutation)
}

/// One executed (or refused) request.
struct Answer {
    response: async_graphql::Response,
    /// False for request errors (parse, validation, operation choice): no `data` entry then.
    executed: bool,
}

impl Answer {
    fn refused(error: ServerError) -> Self {
        Self { response: async_graphql::Response::from_errors(vec![error]), executed: false }
    }

    /// `application/json` answers 200 to every well-formed request; the GraphQL response type
    /// answers request errors 400 — except a persisted query not found, which Apollo's link
    /// expects as 200 (it gives up on persisted queries after a 400).
    fn status(&self, media: MediaType) -> StatusCode {
        let not_found = self.response.errors.iter().any(|e| has_code(e, codes::PERSISTED_QUERY_NOT_FOUND));
        if media == MediaType::GraphqlResponse && !self.executed && !not_found {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::OK
        }
    }

    fn body(&self) -> AnswerBody<'_> {
        AnswerBody {
            data: self.executed.then_some(&self.response.data),
            errors: &self.response.errors,
            extensions: &self.response.extensions,
        }
    }
}

/// The response map, with `data` absent rather than null when execution never began.
#[derive(Serialize)]
struct AnswerBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Value>,
    #[serde(skip_serializing_if = "<[ServerError]>::is_empty")]
    errors: &'a [ServerError],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    extensions: &'a BTreeMap<String, Value>,
}

async fn run(
    schema: &PasarSchema,
    prepared: Result<Prepared, ServerError>,
    presented: Presented,
    freshness: Freshness,
    sources: Option<Arc<ResponseSources>>,
) -> Answer {
    let Prepared { request, document, operation_name } = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return Answer::refused(error),
    };
    let mut request = request.data(presented).data(freshness);
    if let Some(sources) = sources {
        request = request.data(sources);
    }
    let mut response = schema.execute(request).await;
    // Execution sets `path` on every field error; errors without one come from validation.
    let executed = !(response.data == Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty()));
    if executed {
        if let Some(operation) = wire::operation(&document, operation_name.as_deref()) {
            in_selection_order(&mut response.data, &document, &operation.node.selection_set.node);
        }
    } else {
        let errors = std::mem::take(&mut response.errors);
        response.errors = errors.into_iter().map(|e| wire::coded(e, codes::GRAPHQL_VALIDATION_FAILED)).collect();
    }
    Answer { response, executed }
}

fn has_code(error: &ServerError, code: &str) -> bool {
    error.extensions.as_ref().and_then(|e| e.get("code")).is_some_and(|c| *c == Value::from(code))
}

/// The headers execution asks for: `Cache-Control` and any set by resolvers.
fn execution_headers(executed: &async_graphql::Response) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if executed.is_ok()
        && let Some(cache_control) = executed.cache_control.value()
        && let Ok(value) = HeaderValue::from_str(&cache_control)
    {
        headers.insert(header::CACHE_CONTROL, value);
    }
    headers.extend(executed.http_headers.clone());
    headers
}

fn with_headers(status: StatusCode, media: MediaType, extra: HeaderMap, body: Body) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, media.content_type());
    headers.extend(extra);
    response
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising `Value`s and `ServerError`s cannot fail: their maps have string keys.
    serde_json::to_string(value).unwrap_or_else(|_| String::from(r#"{"errors":[{"message":"internal error"}]}"#))
}

async fn read_post(limits: &RequestLimits, headers: &HeaderMap, body: Body) -> Result<Bytes, Rejection> {
    if !is_graphql_content(headers.get(header::CONTENT_TYPE)) {
        return Err(Rejection::ContentType);
    }
    axum::body::to_bytes(body, limits.max_body_bytes).await.map_err(|_| Rejection::TooLarge(limits.max_body_bytes))
}

fn admit_post(limits: &RequestLimits, bytes: &[u8]) -> Result<WireBatch, Rejection> {
    let batch = wire::from_body(bytes).map_err(Rejection::Malformed)?;
    let requests = batch.requests();
    if requests.len() > limits.max_batch {
        return Err(Rejection::BatchTooLarge(limits.max_batch));
    }
    admit_documents(limits, requests)?;
    Ok(batch)
}

fn admit_get(limits: &RequestLimits, query_string: &str) -> Result<WireRequest, Rejection> {
    if query_string.len() > limits.max_body_bytes {
        return Err(Rejection::TooLarge(limits.max_body_bytes));
    }
    let request = wire::from_query_string(query_string).map_err(Rejection::Malformed)?;
    admit_documents(limits, std::slice::from_ref(&request))?;
    Ok(request)
}

fn admit_documents(limits: &RequestLimits, requests: &[WireRequest]) -> Result<(), Rejection> {
    let mut fan_out = 0;
    for request in requests {
        if !wire::has_document(request) {
            return Err(Rejection::Malformed("the request has no `query`".into()));
        }
        let shape = scan(request.query.as_deref().unwrap_or_default(), limits.max_tokens);
        check(&shape, limits)?;
        fan_out += shape.fan_out_fields;
    }
    check_limit("max_fan_out_fields", fan_out, limits.max_fan_out_fields)
}

fn check(shape: &QueryShape, limits: &RequestLimits) -> Result<(), Rejection> {
    check_limit("max_tokens", shape.tokens, limits.max_tokens)?;
    check_limit("max_nesting", shape.nesting, limits.max_nesting)?;
    check_limit("max_aliases", shape.aliases, limits.max_aliases)?;
    check_limit("max_root_fields", shape.root_fields, limits.max_root_fields)
}

fn check_limit(limit: &'static str, found: usize, max: usize) -> Result<(), Rejection> {
    if found > max { Err(Rejection::Limit { limit, found, max }) } else { Ok(()) }
}

fn is_graphql_content(value: Option<&HeaderValue>) -> bool {
    let Some(mime) = value.and_then(|v| v.to_str().ok()).and_then(|v| v.split(';').next()) else {
        return false;
    };
    matches!(mime.trim().to_ascii_lowercase().as_str(), "application/json" | "application/graphql-response+json")
}

/// The bearer token a request presents, for admin mutations.
fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    value.strip_prefix("Bearer ").map(|token| token.trim().to_string())
}
