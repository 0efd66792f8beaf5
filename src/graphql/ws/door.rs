//! The handshake: a socket's session, its connection slot, and the count waited for at shutdown.

use super::super::bearer::bearer;
use super::super::clients::Client;
use super::super::http::Endpoint;
use super::meter::SocketMeter;
use super::protocol;
use super::session::{self, SocketPolicy};
use crate::telemetry::Requests;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// A connection's place under the server's connection caps, kept by whatever serves the
/// connection (the socket, after an upgrade); the place is given back when the last holder drops.
#[derive(Clone)]
pub struct ConnectionHold {
    _slot: Arc<dyn std::any::Any + Send + Sync>,
}

impl ConnectionHold {
    /// Holds `slot` until the last clone is dropped.
    pub fn new(slot: impl std::any::Any + Send + Sync) -> Self {
        Self { _slot: Arc::new(slot) }
    }
}

/// Everything the WebSocket door needs.
#[derive(Clone)]
pub struct Sockets {
    /// The schema and the admission step.
    pub endpoint: Endpoint,
    /// How sockets are run.
    pub policy: Arc<SocketPolicy>,
    /// Turns true when the gateway shuts down.
    pub stop: watch::Receiver<bool>,
    /// Sockets open now.
    pub open: OpenSockets,
    /// Whether each operation gets an access line (`[log] access`).
    pub access_log: bool,
    /// Requests in flight, HTTP's too: an operation counts as one while it runs.
    pub requests: Arc<Requests>,
}

/// A count of open sockets, to wait for at shutdown.
#[derive(Clone, Default)]
pub struct OpenSockets {
    count: Arc<AtomicUsize>,
    closed: Arc<Notify>,
}

impl OpenSockets {
    fn enter(&self) -> OpenGuard {
        self.count.fetch_add(1, Ordering::SeqCst);
        OpenGuard(self.clone())
    }

    /// Sockets open now.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Waits until every socket has closed, or `limit` has passed.
    pub async fn wait_closed(&self, limit: Duration) {
        let wait = async {
            while self.count() > 0 {
                let closed = self.closed.notified();
                if self.count() == 0 {
                    break;
                }
                closed.await;
            }
        };
        let _ = tokio::time::timeout(limit, wait).await;
    }
}

struct OpenGuard(OpenSockets);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.count.fetch_sub(1, Ordering::SeqCst);
        self.0.closed.notify_waiters();
    }
}

/// Accepts a WebSocket handshake from `client` (the router checked its origin and budget) and
/// serves the socket.
pub fn upgrade(
    sockets: &Sockets,
    client: Client,
    headers: &HeaderMap,
    hold: Option<ConnectionHold>,
    meter: Option<SocketMeter>,
    upgrade: WebSocketUpgrade,
) -> Response {
    let limits = sockets.endpoint.admission.limits();
    // tungstenite's own bound sits 4 KiB above the request limit, so a message a little too large
    // is still read and refused with a code naming its operation; beyond it the socket closes
    // (1009). What tungstenite holds of a message sent in pieces is charged to the in-flight
    // budget, and the client's share of it, as it is read (the connection's meter, armed here),
    // until the message is whole.
    let hard_cap = limits.max_body_bytes.saturating_add(4096);
    let meter = meter.unwrap_or_default();
    meter.arm(sockets.endpoint.admission.in_flight_budget(), client.clone());
    let session = session::Session {
        meter,
        endpoint: sockets.endpoint.clone(),
        policy: Arc::clone(&sockets.policy),
        client,
        bearer: bearer(headers).map(str::to_string),
        stop: sockets.stop.clone(),
        request_id: headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string(),
        access_log: sockets.access_log,
        requests: Arc::clone(&sockets.requests),
        trace_parent: crate::telemetry::trace::current_context(),
    };
    let open = sockets.open.clone();
    let offered = offers_subprotocol(headers);
    upgrade.protocols([protocol::SUBPROTOCOL]).max_message_size(hard_cap).max_frame_size(hard_cap).on_upgrade(
        move |socket| async move {
            let _open = open.enter();
            let _hold = hold;
            if offered {
                session.run(socket).await;
            } else {
                not_acceptable(socket).await;
            }
        },
    )
}

/// Whether the handshake offers graphql-transport-ws among its subprotocols.
fn offers_subprotocol(headers: &HeaderMap) -> bool {
    let offered = headers.get_all(header::SEC_WEBSOCKET_PROTOCOL).iter().filter_map(|v| v.to_str().ok());
    offered.flat_map(|v| v.split(',')).any(|p| p.trim() == protocol::SUBPROTOCOL)
}

/// Closes a socket that did not ask for graphql-transport-ws at once, saying so (4406, as
/// graphql-ws's own server does): a legacy subscriptions-transport-ws client (`graphql-ws`) or
/// one that asks for none learns what is wrong before it sends a message this server cannot read.
async fn not_acceptable(mut socket: WebSocket) {
    let reason = "Subprotocol not acceptable: use graphql-transport-ws".into();
    let frame = CloseFrame { code: protocol::SUBPROTOCOL_NOT_ACCEPTABLE, reason };
    let _ = socket.send(Message::Close(Some(frame))).await;
}
