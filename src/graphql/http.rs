//! The `/graphql` endpoint, as GraphQL over HTTP (draft) says: every request is checked before
//! any work is done, then answered in the media type the client accepts.
//!
//! Order matters: the client's budget (in the router, for every door), `Accept`, content type (a
//! CSRF guard: browsers cannot send JSON cross-site without a preflight), then
//! [admission](super::admission): body size and pace, JSON shape, batch size, persisted-query
//! resolution and the linear prescan — all before the GraphQL parser runs or any marketplace is
//! asked. `GET` runs queries only: a mutation over `GET` is answered 405.

use super::admission::{Admission, Admissions, Admitted};
use super::bearer::bearer;
use super::clients::Client;
use super::coded::{self, Coding, Compressed};
use super::error::{code_field_errors, coded, refused_by_validation};
use super::freshness::Freshness;
use super::marketplace::RequestRegistry;
use super::mutation::{AdminScope, Presented};
use super::negotiate::{MediaType, Wanted, negotiate};
use super::order::in_selection_order;
use super::response_cache::{Finished, ResponseCache, ResponseKey, ResponseSources, StoredResponse};
use super::vendor::VendorOffersListed;
use super::wire::{self, Prepared};
use super::{PasarSchema, codes};
use crate::config::Scope;
use crate::telemetry::request::Outcome;
use async_graphql::parser::types::{OperationType, Selection};
use async_graphql::{ServerError, Value};
use axum::body::{Body, Bytes};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

mod heads;
mod rejection;
pub use heads::wants_graphiql;
use heads::{is_graphql_content, wants_websocket};
pub use rejection::Rejection;

/// What `/graphql` needs besides the request.
#[derive(Clone)]
pub struct Endpoint {
    /// The schema requests run on.
    pub schema: PasarSchema,
    /// The step every request passes before it runs.
    pub admission: Admission,
}

/// Who sent a request, as the request's context sees it.
pub(super) struct Caller {
    pub(super) presented: Presented,
    pub(super) admin: AdminScope,
    pub(super) reader: super::spending::TransactionReader,
}

impl Caller {
    pub(super) fn new(admission: &Admission, client: &Client, bearer: Option<String>) -> Self {
        let reader = match client {
            Client::Named(name) if admission.clients().has_scope(client, Scope::Transactions) => Some(name.clone()),
            _ => None,
        };
        Self {
            presented: Presented(bearer),
            admin: AdminScope(admission.clients().has_scope(client, Scope::Admin)),
            reader: super::spending::TransactionReader(reader),
        }
    }
}

/// Checks and runs one GraphQL HTTP request (`GET` or `POST`) from `client`.
pub async fn handle(endpoint: &Endpoint, client: &Client, parts: &Parts, body: Body) -> Response {
    let (schema, admission) = (&endpoint.schema, &endpoint.admission);
    let Wanted::Graphql(media) = negotiate(&parts.headers, false) else {
        return Rejection::NotAcceptable.respond(MediaType::Json);
    };
    // HEAD is answered as GET (hyper sends no body).
    let get = parts.method == Method::GET || parts.method == Method::HEAD;
    if get && wants_websocket(&parts.headers) {
        let message = "this is GraphQL over HTTP; GraphQL over WebSocket (graphql-transport-ws) is at /graphql/ws";
        return Rejection::Malformed(message.into()).respond(media);
    }
    let (raw, _held) = if get {
        (Bytes::copy_from_slice(parts.uri.query().unwrap_or_default().as_bytes()), None)
    } else {
        if !is_graphql_content(parts.headers.get(header::CONTENT_TYPE)) {
            return Rejection::ContentType.respond(media);
        }
        if let Err(refused) = admission.declared_length(&parts.headers) {
            return refused.respond(media);
        }
        match admission.read_body(client, body).await {
            Ok((bytes, held)) => (bytes, Some(held)),
            Err(rejection) => return rejection.respond(media),
        }
    };
    // A stored answer to these exact bytes needs no parsing, validation or resolving; it was
    // admitted when it was first run, and admission depends on nothing but the bytes.
    let stored = schema.data::<ResponseCache>();
    let key = ResponseKey::new(&parts.method, media.content_type(), raw.clone());
    if let Some(cache) = stored
        && let Some(hit) = cache.get(&key).await
    {
        return replay(&hit, media, &parts.headers).await;
    }
    let admitted = if get {
        admission.admit_get(std::str::from_utf8(&raw).unwrap_or_default()).map(Admissions::Single)
    } else {
        admission.admit_post(&raw)
    };
    let admitted = match admitted {
        Ok(admitted) => admitted,
        Err(rejection) => return rejection.respond(media),
    };
    let caller = Caller::new(admission, client, bearer(&parts.headers).map(str::to_string));
    match admitted {
        Admissions::Single(admitted) => {
            let by_hash = admitted.as_ref().is_ok_and(Admitted::by_hash);
            let prepared = prepare(schema, admitted);
            if get && is_mutation(&prepared) {
                return Rejection::MutationOverGet.respond(media);
            }
            if is_subscription(&prepared) {
                return Rejection::SubscriptionOverHttp.respond(media);
            }
            let mutation = is_mutation(&prepared);
            let root_fields = prepared.as_ref().ok().and_then(root_field_count);
            let operation = prepared.as_ref().ok().and_then(|p| p.operation_name.clone());
            let sources = stored.map(|cache| Arc::new(cache.begin()));
            let freshness = Freshness::new();
            let answer = run(schema, prepared, &caller, freshness.clone(), sources.clone()).await;
            let status = answer.status(media);
            let body = Bytes::from(to_json(&answer.body()));
            let mut headers = execution_headers(&answer.response);
            // Only a GET by hash has a URL a CDN can key on without the document's text.
            if get && by_hash {
                cache_for(&mut headers, &answer, &freshness);
            }
            let coded = coded::compress_once(&parts.headers, &body).await;
            // A mutation's answer is never stored; what it changed (a purge) cleared what it must.
            if let (Some(cache), Some(sources), Some(root_fields)) = (stored, sources, root_fields)
                && !mutation
                && answer.executed
                && answer.response.errors.is_empty()
            {
                let compressed = Compressed::starting_with(coded.clone());
                let finished = Finished { body: body.clone(), headers: headers.clone(), compressed, operation };
                cache.store(key, &sources, root_fields, finished).await;
            }
            let body = coded::sent(&mut headers, body, coded);
            let mut response = with_headers(status, media, headers, Body::from(body));
            response.extensions_mut().insert(answer.count_outcome());
            response
        }
        Admissions::Batch(requests) => {
            // The router took one request from the client's budget; each further operation is
            // one more, as each `subscribe` on a socket is.
            for _ in 1..requests.len() {
                if let Err(refused) = admission.charge(client).await {
                    return refused.respond(media);
                }
            }
            let prepared: Vec<_> =
                requests.into_iter().map(|admitted| refuse_subscription(prepare(schema, admitted))).collect();
            let runs = prepared.into_iter().map(|prepared| run(schema, prepared, &caller, Freshness::new(), None));
            let answers = futures::future::join_all(runs).await;
            let bodies: Vec<AnswerBody<'_>> = answers.iter().map(Answer::body).collect();
            let mut response = (StatusCode::OK, to_json(&bodies)).into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, media.content_type());
            let worst = answers.iter().map(Answer::count_outcome).max().unwrap_or(Outcome::Ok);
            response.extensions_mut().insert(worst);
            response
        }
    }
}

/// A stored answer as the client asked for it: compressed in its coding when it is worth it.
async fn replay(hit: &StoredResponse, media: MediaType, asked: &HeaderMap) -> Response {
    let hit = &hit.response;
    if let Some(name) = &hit.operation {
        crate::telemetry::request::note_operation(name);
    }
    let mut headers = hit.headers.clone();
    let coded = match Coding::asked(asked) {
        Some(coding) => hit.compressed.get(coding, &hit.body).await,
        None => None,
    };
    let body = coded::sent(&mut headers, hit.body.clone(), coded);
    with_headers(StatusCode::OK, media, headers, Body::from(body))
}

/// How many fields the operation selects at its root; `None` when fragments make that unclear.
fn root_field_count(prepared: &Prepared) -> Option<usize> {
    let items = &prepared.operation()?.node.selection_set.node.items;
    items.iter().all(|item| matches!(item.node, Selection::Field(_))).then_some(items.len())
}

/// Parses an admitted request (reusing the parse of a document seen before).
pub(super) fn prepare(schema: &PasarSchema, admitted: Result<Admitted, ServerError>) -> Result<Prepared, ServerError> {
    let fallback;
    let documents = match schema.data::<wire::Documents>() {
        Some(documents) => documents,
        None => {
            fallback = wire::Documents::default();
            &fallback
        }
    };
    admitted?.prepare(documents)
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

fn is_subscription(prepared: &Result<Prepared, ServerError>) -> bool {
    let operation = prepared.as_ref().ok().and_then(Prepared::operation);
    operation.is_some_and(|op| op.node.ty == OperationType::Subscription)
}

/// A subscription in a batch is that request's error, coded as a single request's refusal is.
fn refuse_subscription(prepared: Result<Prepared, ServerError>) -> Result<Prepared, ServerError> {
    if !is_subscription(&prepared) {
        return prepared;
    }
    let message = Rejection::SubscriptionOverHttp.to_string();
    Err(coded(ServerError::new(message, None), codes::METHOD_NOT_ALLOWED))
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
    /// expects as 200 (it gives up on persisted queries after a 400). A malformed request
    /// (`BAD_REQUEST`: a persisted query's extension that holds no hash) is 400 to both.
    fn status(&self, media: MediaType) -> StatusCode {
        let has = |code: &str| self.response.errors.iter().any(|e| has_code(e, code));
        let request_error = media == MediaType::GraphqlResponse && !has(codes::PERSISTED_QUERY_NOT_FOUND);
        if !self.executed && (has(codes::BAD_REQUEST) || request_error) {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::OK
        }
    }

    /// What the request came to, for `pasar_http_requests_total{outcome}`. Read from the answer
    /// as built, never from its body.
    fn count_outcome(&self) -> Outcome {
        match self.response.errors.first() {
            None => Outcome::Ok,
            Some(_) if self.executed => Outcome::Error,
            Some(error) => count_unrun(error),
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
    caller: &Caller,
    freshness: Freshness,
    sources: Option<Arc<ResponseSources>>,
) -> Answer {
    let Prepared { request, document, operation_name } = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return Answer::refused(error),
    };
    if let Some(name) = &operation_name {
        crate::telemetry::request::note_operation(name);
    }
    let mut request = request
        .data(caller.presented.clone())
        .data(caller.admin)
        .data(caller.reader.clone())
        .data(freshness)
        .data(VendorOffersListed::default())
        .data(RequestRegistry::default());
    if let Some(sources) = sources {
        request = request.data(sources);
    }
    let mut response = schema.execute(request).await;
    // Execution sets `path` on every field error; errors without one come from validation.
    let executed = !(response.data == Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty()));
    if executed {
        let operation = wire::operation(&document, operation_name.as_deref());
        code_field_errors(&mut response.errors, operation.map(|o| &o.node));
        if let Some(operation) = operation {
            in_selection_order(&mut response.data, &response.errors, &document, &operation.node);
        }
    } else {
        // Variable values were checked before (`variables::refusal`): what validation refuses
        // now is the document's.
        response.errors = refused_by_validation(std::mem::take(&mut response.errors));
    }
    Answer { response, executed }
}

/// The outcome of a document that never ran because of `error`, counted in
/// `pasar_refused_total{reason}` by its code as the admission step's refusals are; an APQ hash
/// not stored yet is no refusal (every client's first use of a hash goes so) and is not counted.
pub(super) fn count_unrun(error: &ServerError) -> Outcome {
    let reason = match error.extensions.as_ref().and_then(|e| e.get("code")) {
        Some(Value::String(code)) => code.as_str(),
        _ => "UNCODED",
    };
    if reason == codes::PERSISTED_QUERY_NOT_FOUND {
        return Outcome::ApqMiss;
    }
    metrics::counter!("pasar_refused_total", "reason" => reason.to_string()).increment(1);
    Outcome::Refused
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
