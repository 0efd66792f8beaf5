//! GraphQL requests as they arrive: a JSON body (one request or a batch) or a `GET` query string,
//! checked for shape, then parsed once and matched to the operation that will run.
//!
//! A request whose parameters have the wrong JSON types is malformed (HTTP 400 whatever the media
//! type); a document that does not parse or names no runnable operation is a GraphQL request error
//! with a code, answered without `data`.

use super::codes;
use super::error::coded;
use super::past_float::{self, InVariable, PastFloat, Step};
use crate::bounded::{Bounded, bounded};
use crate::normalize::echo::echoed;
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationDefinition, VariableDefinition};
use async_graphql::parser::{self, Positioned};
use async_graphql::{ServerError, Variables};
use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use std::sync::Arc;

/// Memory bound of the parsed-document cache, in estimated bytes.
const DOCUMENT_CACHE_BYTES: u64 = 8 * 1024 * 1024;

/// The syntax tree takes several times the text's size: positions, names, vectors.
#[derive(Clone)]
struct DocumentBytes;

impl quick_cache::Weighter<Arc<str>, Arc<ExecutableDocument>> for DocumentBytes {
    fn weight(&self, query: &Arc<str>, _: &Arc<ExecutableDocument>) -> u64 {
        query.len() as u64 * 8 + 512
    }
}

/// Parsed documents by their text, so a document sent again (with other variables, or by a
/// persisted-query client) is not parsed again. Bounded; parse failures are not kept. quick_cache,
/// as the page store: every request looks here, and a read is a hash and a shard read lock.
#[derive(Clone)]
pub struct Documents(Arc<Bounded<Arc<str>, Arc<ExecutableDocument>, DocumentBytes>>);

impl Default for Documents {
    fn default() -> Self {
        // A document as long as the default body limit (256 KiB) weighs 2 MiB; a longer one, under
        // a raised limit, is parsed every time.
        Self(Arc::new(bounded(DOCUMENT_CACHE_BYTES, 4096, 2 * 1024 * 1024 + 512, DocumentBytes)))
    }
}

impl Documents {
    pub(super) fn parse(&self, query: &str) -> Result<Arc<ExecutableDocument>, ServerError> {
        if let Some(document) = self.0.get(query) {
            return Ok(document);
        }
        let document = Arc::new(parser::parse_query(query).map_err(|e| parse_error(query, e))?);
        self.0.insert(Arc::from(query), Arc::clone(&document));
        Ok(document)
    }
}

/// One request's parameters, typed as GraphQL over HTTP requires (`null` is allowed for all).
/// `remote = "Self"` makes the derived reader an inherent `WireRequest::deserialize`, which
/// [`ObjectOnly`] calls on an object alone.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub(super) struct WireRequest {
    pub(super) query: Option<String>,
    pub(super) operation_name: Option<String>,
    pub(super) variables: Option<Map<String, Value>>,
    pub(super) extensions: Option<Map<String, Value>>,
    /// Numbers past any float its variables held, read as `null` (`past_float.rs`).
    #[serde(skip)]
    pub(super) past_float: Vec<InVariable>,
}

/// A request is a JSON object. serde's derived reader also takes the fields' values in order as
/// an array (`["{ a }", null, null, null]`), which ran: a form no door documents, that a filter
/// looking for `"query"` does not see (review38h R38h-7).
impl<'de> Deserialize<'de> for WireRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectOnly)
    }
}

struct ObjectOnly;

impl<'de> Visitor<'de> for ObjectOnly {
    type Value = WireRequest;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a GraphQL request (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, fields: A) -> Result<WireRequest, A::Error> {
        WireRequest::deserialize(MapAccessDeserializer::new(fields))
    }
}

/// The body of a `POST`.
pub(super) enum WireBatch {
    Single(WireRequest),
    Batch(Vec<WireRequest>),
}

/// Reads a `POST` body: an object is one request, an array a batch.
pub(super) fn from_body(bytes: &[u8]) -> Result<WireBatch, String> {
    let is_batch = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    if !is_batch {
        return from_payload(bytes).map(WireBatch::Single);
    }
    let (mut requests, found): (Vec<WireRequest>, _) = past_float::read(bytes).map_err(|e| e.to_string())?;
    for number in found {
        let Some(&Step::Index(index)) = number.steps.first() else { return Err(number.malformed()) };
        let request = requests.get_mut(index).ok_or_else(|| number.malformed())?;
        into_variables(request, &number, 1)?;
    }
    Ok(WireBatch::Batch(requests))
}

/// Reads one request: a single `POST`'s body, a socket's `subscribe` payload.
pub(super) fn from_payload(bytes: &[u8]) -> Result<WireRequest, String> {
    let (mut request, found) = past_float::read(bytes).map_err(|e| e.to_string())?;
    for number in found {
        into_variables(&mut request, &number, 0)?;
    }
    Ok(request)
}

/// Gives `request` a number past any float found at its step `at` and on, for the coercion of
/// its variable to refuse; one anywhere else (`extensions`) makes the request malformed.
fn into_variables(request: &mut WireRequest, number: &PastFloat, at: usize) -> Result<(), String> {
    let in_variables = matches!(number.steps.get(at), Some(Step::Key(key)) if key == "variables");
    match number.in_variable(at + 1) {
        Some(variable) if in_variables => {
            request.past_float.push(variable);
            Ok(())
        }
        _ => Err(number.malformed()),
    }
}

/// Reads a `GET` query string: `query`, `operationName`, and JSON-encoded `variables` and
/// `extensions`. A parameter given twice is refused, as a `POST` body's duplicate field is: taking
/// one of them would run a document that a proxy reading the other never saw.
pub(super) fn from_query_string(raw: &str) -> Result<WireRequest, String> {
    let mut request = WireRequest::default();
    let mut seen: Vec<String> = Vec::new();
    for pair in raw.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        // A parameter Pasar does not read is skipped whatever its bytes.
        let Ok(key) = form_decoded(key) else { continue };
        if GET_PARAMETERS.contains(&key.as_str()) {
            if seen.contains(&key) {
                return Err(format!("duplicate parameter `{key}`"));
            }
            seen.push(key.clone());
        }
        let field = |value: &str| form_decoded(value).map_err(|()| format!("`{key}` is not UTF-8 once decoded"));
        match key.as_str() {
            "query" => request.query = Some(field(value)?),
            "operationName" => request.operation_name = Some(field(value)?),
            "variables" => {
                let (variables, found) = json_object("variables", &field(value)?)?;
                request.variables = variables;
                request.past_float = found.iter().filter_map(|number| number.in_variable(1)).collect();
            }
            "extensions" => match json_object("extensions", &field(value)?)? {
                (_, found) if !found.is_empty() => return Err(found[0].malformed()),
                (extensions, _) => request.extensions = extensions,
            },
            _ => {}
        }
    }
    Ok(request)
}

/// The parameters of a GraphQL request over `GET`.
const GET_PARAMETERS: [&str; 4] = ["query", "operationName", "variables", "extensions"];

/// A form-encoded value (`+` a space, `%XX` a byte) as text; refused, not repaired, when its
/// bytes are not UTF-8: `form_urlencoded` would put U+FFFD in their place and run a document
/// other than the one sent, where the same bytes in a `POST` body are refused.
fn form_decoded(value: &str) -> Result<String, ()> {
    let spaced = value.replace('+', " ");
    let decoded = percent_encoding::percent_decode_str(&spaced).decode_utf8().map_err(|_| ())?;
    Ok(decoded.into_owned())
}

/// A `GET` parameter's JSON object, absent when `null`.
type JsonObject = Option<Map<String, Value>>;

/// A JSON object parameter, with any number past any float in it read as `null` and returned,
/// placed under `name` as a `POST` body's would be.
fn json_object(name: &str, text: &str) -> Result<(JsonObject, Vec<PastFloat>), String> {
    let read = past_float::read::<Value>(text.as_bytes()).map(|(value, mut found)| {
        found.iter_mut().for_each(|number| number.steps.insert(0, Step::Key(name.to_string())));
        (value, found)
    });
    match read {
        Ok((Value::Object(map), found)) => Ok((Some(map), found)),
        Ok((Value::Null, found)) if found.is_empty() => Ok((None, found)),
        Ok(_) => Err(format!("`{name}` must be a JSON object")),
        Err(e) => Err(format!("`{name}` is not JSON: {e}")),
    }
}

/// A request ready to run: its parsed document is kept to restore selection order afterwards.
pub(super) struct Prepared {
    pub(super) request: async_graphql::Request,
    pub(super) document: Arc<ExecutableDocument>,
    pub(super) operation_name: Option<String>,
}

impl Prepared {
    /// The operation that will run; `prepare` checked that it exists.
    pub(super) fn operation(&self) -> Option<&Positioned<OperationDefinition>> {
        operation(&self.document, self.operation_name.as_deref())
    }
}

/// The operation `name` chooses in `document`, if any.
pub(super) fn operation<'d>(
    document: &'d ExecutableDocument,
    name: Option<&str>,
) -> Option<&'d Positioned<OperationDefinition>> {
    select(document, name).ok()
}

#[cfg(test)]
pub(super) fn prepare(wire: WireRequest) -> Result<Prepared, ServerError> {
    parse_request(wire, &Documents::default())
}

/// Parses a request's document (or reuses the parse of the same text) and finds its operation.
/// `Err` is a GraphQL request error, with a code. Only [`Admitted::prepare`] calls it: execution
/// starts from an admitted request.
///
/// [`Admitted::prepare`]: super::admission::Admitted::prepare
pub(super) fn parse_request(mut wire: WireRequest, documents: &Documents) -> Result<Prepared, ServerError> {
    // An empty name names no operation, as an absent one (a form sends `operationName=` empty).
    wire.operation_name = wire.operation_name.filter(|name| !name.is_empty());
    // Admission resolved every persisted query it admitted; this is a safety net.
    let Some(query) = wire.query else {
        return Err(coded(ServerError::new("PersistedQueryNotFound", None), codes::PERSISTED_QUERY_NOT_FOUND));
    };
    if query.trim().is_empty() {
        let error = ServerError::new("The query is empty: send a GraphQL document in `query`.", None);
        return Err(coded(error, codes::GRAPHQL_PARSE_FAILED));
    }
    let document = documents.parse(&query)?;
    let mut variables = wire.variables.unwrap_or_default();
    let operation = select(&document, wire.operation_name.as_deref())?;
    super::variables::check(&document, operation).map_err(|e| coded(e, codes::GRAPHQL_VALIDATION_FAILED))?;
    super::numbers::int_out_of_range_in(&query, &document, operation)?;
    coerce_variables(&document, operation, &mut variables, &wire.past_float)?;
    let mut request = async_graphql::Request::new(query);
    request.operation_name.clone_from(&wire.operation_name);
    request.variables = Variables::from_json(Value::Object(variables));
    for (key, value) in wire.extensions.unwrap_or_default() {
        if let Ok(value) = async_graphql::Value::from_json(value) {
            request.extensions.insert(key, value);
        }
    }
    request.set_parsed_query(ExecutableDocument::clone(&document));
    Ok(Prepared { request, document, operation_name: wire.operation_name })
}

/// Whether a request has something to run: a query, or at least a persisted-query hash.
pub(super) fn has_document(wire: &WireRequest) -> bool {
    wire.query.is_some() || wire.extensions.as_ref().is_some_and(|e| e.contains_key("persistedQuery"))
}

/// The operation a request runs, chosen as the GraphQL spec's GetOperation does.
fn select<'d>(
    document: &'d ExecutableDocument,
    name: Option<&str>,
) -> Result<&'d Positioned<OperationDefinition>, ServerError> {
    let found = match (&document.operations, name) {
        (DocumentOperations::Single(operation), None) => Some(operation),
        (DocumentOperations::Multiple(operations), Some(name)) => operations.get(name),
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => operations.values().next(),
        (DocumentOperations::Multiple(_), None) => {
            let error = ServerError::new("The document has several operations: name one in `operationName`.", None);
            return Err(coded(error, codes::OPERATION_RESOLUTION_FAILURE));
        }
        (DocumentOperations::Single(_), Some(_)) => None,
    };
    found.ok_or_else(|| {
        // The client's own text, quoted as every echo is (review41 R41-9).
        let error =
            ServerError::new(format!("Unknown operation named \"{}\".", echoed(name.unwrap_or_default())), None);
        coded(error, codes::OPERATION_RESOLUTION_FAILURE)
    })
}

/// Variable coercion (spec §6.4.1), before execution: a variable left out takes its default, a
/// non-null variable without a default needs a value, and a value must be one its type can take
/// (`variables::refusal`). async-graphql applies defaults to arguments but not to `@include` and
/// `@skip`, which it evaluates on the values sent alone (`query($b: Boolean = true) { a
/// @include(if: $b) }` dropped `a`), and reports a missing value as a validation error.
fn coerce_variables(
    document: &ExecutableDocument,
    operation: &Positioned<OperationDefinition>,
    variables: &mut Map<String, Value>,
    past_float: &[InVariable],
) -> Result<(), ServerError> {
    for definition in &operation.node.variable_definitions {
        let definition = &definition.node;
        let name = definition.name.node.as_str();
        // Read as `null` to read the rest of the request; one no other variable's check passes.
        if let Some(number) = past_float.iter().find(|number| number.variable == name) {
            return Err(refused_variable(document, operation, definition, Some(number.part.clone()), number.why()));
        }
        if !variables.contains_key(name)
            && let Some(default) = &definition.default_value
            && let Ok(default) = default.node.clone().into_json()
        {
            variables.insert(name.to_string(), default);
        }
        let missing = variables.get(name).is_none_or(Value::is_null);
        if !definition.var_type.node.nullable && definition.default_value.is_none() && missing {
            let message = format!("Variable `${name}` of type `{}` needs a value.", definition.var_type.node);
            return Err(coded(ServerError::new(message, Some(definition.name.pos)), codes::BAD_USER_INPUT));
        }
        if let Some(value) = variables.get(name)
            && let Some(why) = super::variables::refusal(value, &definition.var_type.node)
        {
            let part = super::variables::refused_part(value, &definition.var_type.node);
            return Err(refused_variable(document, operation, definition, part, why));
        }
    }
    Ok(())
}

/// The refusal of a variable's value, naming in `extensions.field` the place the value was
/// given to, as a literal there is named (`first`, `filter.maxPrice`), then `part`, where in the
/// value (`.minPrice`), and the variable.
fn refused_variable(
    document: &ExecutableDocument,
    operation: &Positioned<OperationDefinition>,
    definition: &VariableDefinition,
    part: Option<String>,
    why: String,
) -> ServerError {
    let (name, ty) = (definition.name.node.as_str(), &definition.var_type.node);
    let place = super::variables::place_of(document, operation, name);
    let given = place.as_ref().map(|place| format!(" (given to `{place}`)")).unwrap_or_default();
    let field = place.map(|place| place + &part.unwrap_or_default());
    let message = format!("Variable `${name}` of type `{ty}`{given} got a value it cannot take: {why}.");
    let mut error = coded(ServerError::new(message, Some(definition.name.pos)), codes::BAD_USER_INPUT);
    let extensions = error.extensions.get_or_insert_with(Default::default);
    extensions.set("variable", name);
    if let Some(field) = field {
        extensions.set("field", field);
    }
    error
}

/// The parser's error in one line (pest's message draws the source with arrows over many lines),
/// or, where it stopped at a number no float holds, the argument's (`numbers.rs`).
fn parse_error(query: &str, error: parser::Error) -> ServerError {
    if let Some(refused) = error.positions().next().and_then(|at| super::numbers::out_of_range(query, at)) {
        return refused;
    }
    let message = match &error {
        parser::Error::Syntax { message, .. } => {
            let expected = message.lines().rev().find_map(|line| line.trim().strip_prefix("= "));
            format!("Syntax error: {}.", expected.unwrap_or("the query is not a GraphQL document"))
        }
        other => format!("Invalid document: {other}."),
    };
    coded(ServerError::new(message, error.positions().next()), codes::GRAPHQL_PARSE_FAILED)
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
