//! The graphql-transport-ws protocol (github.com/enisdenjo/graphql-ws, PROTOCOL.md): its
//! messages and the close codes it names.

use super::super::wire::WireRequest;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Value, json};
use std::borrow::Cow;

/// The subprotocol spoken.
pub(super) const SUBPROTOCOL: &str = "graphql-transport-ws";

/// The longest operation id read. Every message of an operation echoes its id, and a
/// `searchStream` answers with several: an unbounded id made one 200 KB `subscribe` send out
/// about 1.3 MB (review34d D34-7). Client libraries use UUIDs (36 characters) or counters.
pub(super) const MAX_ID_CHARS: usize = 128;

/// A message the server could not accept (with the reason).
pub(super) const INVALID_MESSAGE: u16 = 4400;
/// `subscribe` before `connection_ack`.
pub(super) const UNAUTHORIZED: u16 = 4401;
/// No `connection_init` in time.
pub(super) const INIT_TIMEOUT: u16 = 4408;
/// A `subscribe` whose id is still running.
pub(super) const SUBSCRIBER_EXISTS: u16 = 4409;
/// A second `connection_init`.
pub(super) const TOO_MANY_INIT: u16 = 4429;
/// The handshake did not offer graphql-transport-ws (as graphql-ws's own server closes it).
pub(super) const SUBPROTOCOL_NOT_ACCEPTABLE: u16 = 4406;
/// A message still in pieces after `request_timeout` (RFC 6455 §7.4.1: a policy violation; the
/// counterpart of an HTTP body's 408, which graphql-transport-ws has no code for: its 4408 means
/// no `connection_init`).
pub(super) const POLICY_VIOLATION: u16 = 1008;
/// Normal closure (an idle socket).
pub(super) const NORMAL: u16 = 1000;
/// The gateway is shutting down.
pub(super) const GOING_AWAY: u16 = 1001;
/// A frame that breaks RFC 6455 itself: unmasked, reserved bits set, an unknown opcode (§7.4.1).
pub(super) const PROTOCOL_ERROR: u16 = 1002;
/// A text message that is not UTF-8 (RFC 6455 §8.1, §7.4.1).
pub(super) const INVALID_PAYLOAD: u16 = 1007;
/// A message or frame larger than the socket reads (RFC 6455 §7.4.1).
pub(super) const MESSAGE_TOO_BIG: u16 = 1009;
/// The gateway holds its budget of bytes in flight (1013, "Try Again Later", IANA registry).
pub(super) const TRY_AGAIN_LATER: u16 = 1013;

/// A message from the client. A `subscribe`'s payload stays as its text until the client's budget
/// has paid for reading it ([`request`]).
#[derive(Debug)]
pub(super) enum ClientMessage<'a> {
    ConnectionInit {
        payload: Option<Value>,
    },
    Ping,
    Pong,
    /// Its payload absent or `null` too: its id is read, so it is refused for that id alone.
    Subscribe {
        id: String,
        payload: Option<&'a RawValue>,
    },
    Complete {
        id: String,
    },
}

/// Every message's fields; the payload is only checked to be JSON, not read.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
    id: Option<String>,
    #[serde(borrow, default)]
    payload: Option<&'a RawValue>,
}

impl<'a> ClientMessage<'a> {
    /// Reads one text message; `Err` is the reason for closing with 4400.
    pub(super) fn parse(text: &'a str) -> Result<Self, String> {
        let envelope: Envelope<'a> = serde_json::from_str(text).map_err(|e| format!("invalid message: {e}"))?;
        let id = || match &envelope.id {
            None => Err(format!("invalid message: `{}` needs an `id`", envelope.kind)),
            Some(id) if id.chars().count() > MAX_ID_CHARS => {
                Err(format!("invalid message: an `id` may hold at most {MAX_ID_CHARS} characters"))
            }
            Some(id) => Ok(id.clone()),
        };
        match &*envelope.kind {
            "connection_init" => Ok(Self::ConnectionInit { payload: init_payload(envelope.payload)? }),
            "ping" => Ok(Self::Ping),
            "pong" => Ok(Self::Pong),
            "subscribe" => Ok(Self::Subscribe { id: id()?, payload: envelope.payload }),
            "complete" => Ok(Self::Complete { id: id()? }),
            other => Err(format!("invalid message: unknown type `{other}`")),
        }
    }
}

/// A `connection_init`'s payload: the protocol types it `Record<string, unknown> | null`, so a
/// string, a number or an array is as malformed as a `subscribe` whose payload is not a request.
fn init_payload(raw: Option<&RawValue>) -> Result<Option<Value>, String> {
    let payload: Option<Value> =
        raw.map(|raw| serde_json::from_str(raw.get())).transpose().map_err(|e| format!("invalid message: {e}"))?;
    match payload {
        Some(Value::Object(_) | Value::Null) | None => Ok(payload),
        Some(_) => Err("invalid message: `connection_init`'s payload must be an object or null".into()),
    }
}

/// A `subscribe`'s request, read once its cost was charged; `Err` says why it is not one.
pub(super) fn request(payload: Option<&RawValue>) -> Result<WireRequest, String> {
    let payload = payload.ok_or("a `subscribe` needs a `payload`, the GraphQL request")?;
    super::super::wire::from_payload(payload.get().as_bytes())
}

/// The id of a message too large to read as a request, if it can be found and is not too long
/// to echo.
pub(super) fn id_of(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    let id = serde_json::from_str::<Id>(text).ok()?.id;
    (id.chars().count() <= MAX_ID_CHARS).then_some(id)
}

pub(super) fn ack() -> String {
    json!({ "type": "connection_ack" }).to_string()
}

pub(super) fn pong() -> String {
    json!({ "type": "pong" }).to_string()
}

/// A result. The payload is written as it serialises, not through a `serde_json::Value`, whose
/// map sorts keys: the answer's keys stay in selection order, as over HTTP.
pub(super) fn next(id: &str, payload: &impl Serialize) -> String {
    message("next", id, payload)
}

/// Errors before execution: the operation ends without `complete`.
pub(super) fn error(id: &str, errors: &impl Serialize) -> String {
    message("error", id, errors)
}

fn message(kind: &'static str, id: &str, payload: &impl Serialize) -> String {
    #[derive(Serialize)]
    struct Message<'a, P> {
        #[serde(rename = "type")]
        kind: &'static str,
        id: &'a str,
        payload: &'a P,
    }
    serde_json::to_string(&Message { kind, id, payload }).unwrap_or_default()
}

pub(super) fn complete(id: &str) -> String {
    json!({ "type": "complete", "id": id }).to_string()
}

/// A close reason fits a control frame (123 bytes); cut at a character boundary.
pub(super) fn reason(text: &str) -> String {
    let mut end = text.len().min(120);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subscribe_reads_its_id_and_request() {
        let text = r#"{"type":"subscribe","id":"7","payload":{"query":"{ __typename }"}}"#;
        let Ok(ClientMessage::Subscribe { id, payload }) = ClientMessage::parse(text) else {
            panic!("not a subscribe")
        };
        assert_eq!(id, "7");
        assert_eq!(request(payload).expect("request").query.as_deref(), Some("{ __typename }"));
    }

    #[test]
    fn unknown_types_and_missing_fields_are_invalid() {
        for text in [r#"{"type":"start","id":"1"}"#, r#"{"type":"subscribe","payload":{}}"#, "[]", "{", ""] {
            assert!(ClientMessage::parse(text).is_err(), "{text}");
        }
        for text in [r#"{"type":"complete"}"#, r#"{"type":"ping","payload":[}"#] {
            assert!(ClientMessage::parse(text).is_err(), "{text}");
        }
        for text in [r#"{"type":"subscribe","id":"1"}"#, r#"{"type":"subscribe","id":"1","payload":null}"#] {
            let Ok(ClientMessage::Subscribe { payload, .. }) = ClientMessage::parse(text) else { panic!("{text}") };
            assert!(request(payload).is_err(), "{text}");
        }
    }

    #[test]
    fn a_subscribe_whose_payload_is_not_a_request_is_refused_when_its_request_is_read() {
        let text = r#"{"type":"subscribe","id":"1","payload":{"query":7}}"#;
        let Ok(ClientMessage::Subscribe { payload, .. }) = ClientMessage::parse(text) else {
            panic!("not a subscribe")
        };
        assert!(request(payload).is_err());
    }

    #[test]
    fn an_id_past_the_bound_is_invalid_and_one_at_it_is_read() {
        let message = |kind: &str, id: &str| format!(r#"{{"type":"{kind}","id":"{id}","payload":{{}}}}"#);
        let (at, past) = ("é".repeat(MAX_ID_CHARS), "7".repeat(MAX_ID_CHARS + 1));
        for kind in ["subscribe", "complete"] {
            assert!(ClientMessage::parse(&message(kind, &at)).is_ok(), "{kind}");
            let refused = ClientMessage::parse(&message(kind, &past)).err().unwrap_or_default();
            assert!(refused.contains("at most 128 characters"), "{kind}: {refused}");
        }
        assert_eq!(id_of(&message("subscribe", &past)), None);
    }

    #[test]
    fn a_connection_init_whose_payload_is_not_an_object_or_null_is_invalid() {
        for payload in [r#""str""#, "7", "[]", "true"] {
            let text = format!(r#"{{"type":"connection_init","payload":{payload}}}"#);
            let refused = ClientMessage::parse(&text).err().unwrap_or_default();
            assert!(refused.contains("must be an object or null"), "{payload}: {refused}");
        }
        for text in [r#"{"type":"connection_init"}"#, r#"{"type":"connection_init","payload":null}"#] {
            assert!(matches!(ClientMessage::parse(text), Ok(ClientMessage::ConnectionInit { .. })), "{text}");
        }
        let text = r#"{"type":"connection_init","payload":{"client":"x"}}"#;
        assert!(matches!(ClientMessage::parse(text), Ok(ClientMessage::ConnectionInit { payload: Some(_) })));
    }

    #[test]
    fn a_type_written_with_escapes_is_still_read() {
        assert!(matches!(ClientMessage::parse(r#"{"type":"p\u0069ng"}"#), Ok(ClientMessage::Ping)));
    }

    #[test]
    fn a_long_close_reason_is_cut_at_a_character_boundary() {
        let long = "é".repeat(100);
        let cut = reason(&long);
        assert!(cut.len() <= 120 && long.starts_with(&cut));
    }
}
