//! What a socket does after a message ([`Flow`]), and what it writes when it refuses an
//! operation or closes: the close codes of a read that failed, the `error` of a refused
//! `subscribe`.

use super::super::http::Rejection;
use super::protocol;
use crate::telemetry::request::Outcome;
use axum::extract::ws::{Message, WebSocket};
use serde_json::value::RawValue;

/// What the socket does after a message.
pub(super) enum Flow {
    Continue,
    Close(u16, String),
    Gone,
}

pub(super) fn going_away() -> Flow {
    Flow::Close(protocol::GOING_AWAY, "the gateway is shutting down".into())
}

/// Why a `subscribe` did not start: always told in an `error` for its id, a payload that is
/// not a request too (`BAD_REQUEST`, as HTTP answers it), so the socket's other operations run on.
pub(super) enum Refused {
    /// The errors of the `error` message that answers it, as written, and what it counts as.
    Errors(Box<RawValue>, Outcome),
}

impl From<Rejection> for Refused {
    fn from(rejection: Rejection) -> Self {
        Self::Errors(errors(&rejection), Outcome::Refused)
    }
}

/// A read that failed. A client that is still there is told why before the socket closes (RFC
/// 6455 §7.1.7 and §8.1: a Close frame first): a message past the socket's bound
/// (`door::upgrade`) with 1009 and the size a message may have, text that is not UTF-8 with 1007,
/// a frame the protocol forbids with 1002 and what was wrong. Without a Close frame a client
/// sees an abnormal closure (1006), takes it for the network and sends the same message again.
/// A reset or a read that failed underneath leaves no one to tell.
pub(super) fn unreadable(error: axum::Error, max: usize) -> Flow {
    let error = error.into_inner();
    match error.downcast_ref::<tungstenite::Error>() {
        Some(tungstenite::Error::Capacity(_)) => {
            Flow::Close(protocol::MESSAGE_TOO_BIG, format!("a message may hold at most {max} bytes"))
        }
        Some(tungstenite::Error::Utf8(_)) => {
            Flow::Close(protocol::INVALID_PAYLOAD, "a text message must be UTF-8".into())
        }
        Some(tungstenite::Error::Io(io)) if io.get_ref().is_some_and(|e| e.is::<super::meter::OverBudget>()) => {
            Flow::Close(protocol::TRY_AGAIN_LATER, super::meter::OverBudget.to_string())
        }
        Some(tungstenite::Error::Protocol(violation)) if !gone(violation) => {
            Flow::Close(protocol::PROTOCOL_ERROR, violation.to_string())
        }
        _ => Flow::Gone,
    }
}

/// A violation that means the peer is gone, or that the socket may send nothing more.
fn gone(violation: &tungstenite::error::ProtocolError) -> bool {
    use tungstenite::error::ProtocolError::{ReceivedAfterClosing, ResetWithoutClosingHandshake, SendAfterClosing};
    matches!(violation, ResetWithoutClosingHandshake | SendAfterClosing | ReceivedAfterClosing)
}

pub(super) async fn reply(socket: &mut WebSocket, text: String) -> Flow {
    if socket.send(Message::text(text)).await.is_ok() { Flow::Continue } else { Flow::Gone }
}

pub(super) fn errors(rejection: &Rejection) -> Box<RawValue> {
    in_order(&[rejection.error()])
}

/// Errors written with their fields in their own order (`message`, `locations`, `path`,
/// `extensions`), as over HTTP.
pub(super) fn in_order(errors: &impl serde::Serialize) -> Box<RawValue> {
    serde_json::value::to_raw_value(errors).unwrap_or_default()
}
