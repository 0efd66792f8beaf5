//! One socket, from `connection_init` to close: the protocol's states and close codes, the
//! per-socket operation cap, and admission of every `subscribe`.

use super::super::bearer::bearer_token;
use super::super::clients::Client;
use super::super::http::{Caller, Endpoint, Rejection, count_unrun};
use super::flow::{Flow, Refused, errors, going_away, in_order, reply, unreadable};
use super::line::OperationLine;
use super::operation::{self, Event};
use super::pings::RefusedPings;
use super::protocol::{self, ClientMessage};
use crate::telemetry::Requests;
use crate::telemetry::request::Outcome;
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// How sockets are run.
#[derive(Clone, Debug)]
pub struct SocketPolicy {
    /// `connection_init` must come within this.
    pub init_timeout: Duration,
    /// A socket with nothing running that hears nothing for this long is closed.
    pub idle_timeout: Duration,
    /// An operation still running after this ends with `REQUEST_TIMEOUT`, as a request over HTTP
    /// is cut at `[http] request_timeout`.
    pub operation_timeout: Duration,
    /// A message still in pieces after this closes the socket (1008), as an HTTP body still
    /// arriving at `[http] request_timeout` is cut with 408: its bytes are held no longer.
    pub message_timeout: Duration,
    /// At shutdown, operations still running this long after the signal are stopped with an
    /// `error` (`[http] ws_drain_timeout`).
    pub drain_timeout: Duration,
}

/// Messages operations may queue for the socket before they wait for it.
const OUTBOX: usize = 64;

/// How long operations stopped at the drain deadline have to send their `error`: stopping is
/// immediate, so only a client that does not read can use it up.
const CUT_GRACE: Duration = Duration::from_secs(1);

pub(super) struct Session {
    /// What the connection has read for a message not yet whole, in the in-flight budget.
    pub(super) meter: super::meter::SocketMeter,
    pub(super) endpoint: Endpoint,
    pub(super) policy: Arc<SocketPolicy>,
    /// The client of the handshake; `connection_init` may name a configured client instead.
    pub(super) client: Client,
    pub(super) bearer: Option<String>,
    pub(super) stop: watch::Receiver<bool>,
    /// The handshake's request id; its operations' are it with `.1`, `.2`, … after it.
    pub(super) request_id: String,
    /// Whether each operation gets an access line (`[log] access`).
    pub(super) access_log: bool,
    /// Requests in flight, HTTP's too: each operation counts while it runs.
    pub(super) requests: Arc<Requests>,
    /// The handshake's span context, its operations' spans' parent (traces on).
    pub(super) trace_parent: Option<opentelemetry::Context>,
}

struct Running {
    generation: u64,
    task: JoinHandle<()>,
}

struct State {
    acked: bool,
    running: HashMap<String, Running>,
    generation: u64,
    /// `subscribe` messages read, refused ones too: the number of the next one's line.
    subscribes: u64,
    /// Pings the client's budget refused and not yet reported.
    pings_refused: RefusedPings,
    outbox: mpsc::Sender<Event>,
    /// Once the gateway is shutting down: when operations still running are stopped. Until then
    /// no `subscribe` is taken, and the socket closes as soon as nothing runs.
    draining: Option<Instant>,
    /// Stops the socket's operations at the drain deadline, each with its `error`.
    cut: CancellationToken,
}

impl Session {
    pub(super) async fn run(mut self, mut socket: WebSocket) {
        let (outbox, mut inbox) = mpsc::channel(OUTBOX);
        let (running, cut) = (HashMap::new(), CancellationToken::new());
        let mut state = State {
            acked: false,
            running,
            generation: 0,
            subscribes: 0,
            pings_refused: RefusedPings::default(),
            outbox,
            draining: None,
            cut,
        };
        let opened = Instant::now();
        let mut heard = Instant::now();
        let mut stop = self.stop.clone();
        let flow = loop {
            let quiet = state.running.is_empty();
            // Shutting down: closed once nothing runs (at once if nothing did), as a keep-alive
            // connection is once its request is answered.
            if quiet && state.draining.is_some() {
                break going_away();
            }
            let deadline =
                if state.acked { heard + self.policy.idle_timeout } else { opened + self.policy.init_timeout };
            let drain_deadline = state.draining.unwrap_or(deadline);
            tokio::select! {
                changed = stop.changed(), if state.draining.is_none() => if changed.is_err() || *stop.borrow() {
                    // By default the drain HTTP requests get: as long as a request may run.
                    state.draining = Some(Instant::now() + self.policy.drain_timeout);
                },
                () = tokio::time::sleep_until(drain_deadline), if state.draining.is_some() => {
                    break stop_running(&mut state, &mut inbox, &mut socket).await;
                }
                () = self.meter.overdue(self.policy.message_timeout) => break self.overdue(),
                () = tokio::time::sleep_until(deadline), if quiet || !state.acked => break if state.acked {
                    Flow::Close(protocol::NORMAL, "idle".into())
                } else {
                    Flow::Close(protocol::INIT_TIMEOUT, "Connection initialisation timeout".into())
                },
                Some(event) = inbox.recv() => {
                    if matches!(event, Event::Done(..)) {
                        heard = Instant::now();
                    }
                    if deliver(event, &mut state, &mut socket).await.is_err() { break Flow::Gone }
                },
                message = socket.recv() => {
                    // Control frames do not count as heard: tungstenite reads them in the middle
                    // of a message sent in pieces, so pings could hold a half-sent message open.
                    if !matches!(message, Some(Ok(Message::Ping(_) | Message::Pong(_)))) {
                        heard = Instant::now();
                    }
                    // Control frames release their own bytes only (6 of header and mask, and the
                    // payload): pings between the pieces of a message must not free what the
                    // message holds.
                    match &message {
                        Some(Ok(Message::Text(_) | Message::Binary(_) | Message::Close(_))) => self.meter.release(),
                        Some(Ok(Message::Ping(payload) | Message::Pong(payload))) => {
                            self.meter.release_control(6 + payload.len());
                        }
                        _ => {}
                    }
                    let flow = match message {
                        Some(Ok(message)) => self.on_message(message, &mut state, &mut socket).await,
                        Some(Err(error)) => unreadable(error, self.endpoint.admission.limits().max_body_bytes),
                        None => Flow::Gone,
                    };
                    if !matches!(flow, Flow::Continue) { break flow }
                },
            }
        };
        for running in state.running.into_values() {
            running.task.abort();
        }
        if let Some(refused) = state.pings_refused.rest() {
            self.pings_refused(refused);
        }
        if let Flow::Close(code, reason) = flow {
            let frame = CloseFrame { code, reason: protocol::reason(&reason).into() };
            let _ = socket.send(Message::Close(Some(frame))).await;
        }
    }

    async fn on_message(&mut self, message: Message, state: &mut State, socket: &mut WebSocket) -> Flow {
        let text = match message {
            Message::Text(text) => text,
            Message::Binary(_) => {
                return Flow::Close(protocol::INVALID_MESSAGE, "binary messages are not graphql-transport-ws".into());
            }
            Message::Close(_) => return Flow::Gone,
            // Control frames: tungstenite answers pings itself.
            Message::Ping(_) | Message::Pong(_) => return Flow::Continue,
        };
        let max = self.endpoint.admission.limits().max_body_bytes;
        if text.len() > max {
            self.line(state).end(Outcome::Refused);
            return match protocol::id_of(&text) {
                Some(id) => reply(socket, protocol::error(&id, &errors(&Rejection::TooLarge(max)))).await,
                None => Flow::Close(protocol::INVALID_MESSAGE, format!("a message may hold at most {max} bytes")),
            };
        }
        match ClientMessage::parse(&text) {
            Err(reason) => Flow::Close(protocol::INVALID_MESSAGE, reason),
            Ok(ClientMessage::ConnectionInit { payload }) => {
                if state.acked {
                    return Flow::Close(protocol::TOO_MANY_INIT, "Too many initialisation requests".into());
                }
                self.identify(payload.as_ref());
                state.acked = true;
                reply(socket, protocol::ack()).await
            }
            // A ping costs the client's budget as a request does; past it, it goes unanswered,
            // counted as a refusal as a 429 is (one per ping: a flood must show).
            Ok(ClientMessage::Ping) => match self.endpoint.admission.charge(&self.client).await {
                Ok(()) => reply(socket, protocol::pong()).await,
                Err(refused) => {
                    refused.count();
                    if let Some(refused) = state.pings_refused.refused(Instant::now()) {
                        self.pings_refused(refused);
                    }
                    Flow::Continue
                }
            },
            Ok(ClientMessage::Pong) => Flow::Continue,
            Ok(ClientMessage::Complete { id }) => {
                if let Some(running) = state.running.remove(&id) {
                    running.task.abort();
                }
                Flow::Continue
            }
            // Each `subscribe` counts once: refused here, or run (`operation::Tally`).
            Ok(ClientMessage::Subscribe { id, payload }) => {
                let line = self.line(state);
                if !state.acked {
                    line.end(Outcome::Refused);
                    return Flow::Close(protocol::UNAUTHORIZED, "Unauthorized".into());
                }
                if state.running.contains_key(&id) {
                    line.end(Outcome::Refused);
                    return Flow::Close(protocol::SUBSCRIBER_EXISTS, format!("Subscriber for {id} already exists"));
                }
                match self.start(&id, payload, (text.len(), &line), state).await {
                    Ok(()) => Flow::Continue,
                    Err(Refused::Errors(errors, outcome)) => {
                        line.end(outcome);
                        reply(socket, protocol::error(&id, &errors)).await
                    }
                }
            }
        }
    }

    /// A message still in pieces at `message_timeout`: refused as an HTTP body that is (408).
    fn overdue(&self) -> Flow {
        let refused = Rejection::TimedOut(self.policy.message_timeout);
        refused.count();
        let seconds = self.policy.message_timeout.as_secs_f64();
        Flow::Close(protocol::POLICY_VIOLATION, format!("a message must arrive whole within {seconds} s"))
    }

    /// Reports `refused` pings (when due: [`RefusedPings`]).
    fn pings_refused(&self, refused: u64) {
        let client = self.client.label();
        tracing::warn!(pings_refused = refused, client = client.as_str(), request_id = %self.request_id,
            "A socket's pings were refused by its client's budget and left unanswered.");
    }

    /// The notes and access line of the `subscribe` just read.
    fn line(&self, state: &mut State) -> OperationLine {
        state.subscribes += 1;
        let socket = (self.request_id.as_str(), self.trace_parent.as_ref());
        OperationLine::new(socket, state.subscribes, &self.client, self.access_log)
    }

    /// `connection_init` may carry what a browser cannot put in a socket's headers: the API key
    /// (`apiKey` or `x-api-key`) and the admin bearer token (`authorization`).
    fn identify(&mut self, payload: Option<&Value>) {
        let field = |names: &[&str]| names.iter().find_map(|name| payload?.get(*name)?.as_str().map(str::to_string));
        if let Some(key) = field(&["apiKey", "x-api-key"]) {
            let peer = match &self.client {
                Client::Address(peer) => *peer,
                Client::Named(_) => None,
            };
            let named = self.endpoint.admission.clients().identify(Some(&key), peer);
            if matches!(named, Client::Named(_)) {
                // What the socket reads from now on is the named client's.
                self.meter.arm(self.endpoint.admission.in_flight_budget(), named.clone());
                self.client = named;
            }
        }
        if let Some(token) = field(&["authorization", "Authorization"]) {
            self.bearer = bearer_token(&token).map(str::to_string);
        }
    }

    /// Admits one operation and runs it in its own task. Its request is read only after the
    /// client's budget paid for it, and its bytes stay in the in-flight budget while it runs, as
    /// an HTTP request's body does.
    async fn start(
        &self,
        id: &str,
        payload: Option<&RawValue>,
        (bytes, line): (usize, &OperationLine),
        state: &mut State,
    ) -> Result<(), Refused> {
        let admission = &self.endpoint.admission;
        let max = admission.limits().max_socket_operations;
        // The flag as well as the session's own mark: a subscribe read in the same turn as the
        // signal must not be admitted because the select happened to take the socket first.
        if state.draining.is_some() || *self.stop.borrow() {
            return Err(Refused::from(Rejection::ShuttingDown));
        }
        if state.running.len() >= max {
            let found = state.running.len() + 1;
            return Err(Refused::from(Rejection::Limit { limit: "max_socket_operations", found, max }));
        }
        admission.charge_bytes(&self.client, bytes).await?;
        let held = admission.hold(&self.client, bytes)?;
        let request = protocol::request(payload).map_err(|e| Refused::from(Rejection::Malformed(e)))?;
        let admitted = admission.admit_one(request)?.map_err(|e| {
            let outcome = count_unrun(&e);
            Refused::Errors(in_order(&[e]), outcome)
        })?;
        let streams = match admitted.fan_out() {
            0 => None,
            count => Some(admission.open_streams(&self.client, count)?),
        };
        state.generation += 1;
        let caller = Caller::new(admission, &self.client, self.bearer.clone());
        let work = operation::Operation {
            schema: self.endpoint.schema.clone(),
            id: id.to_string(),
            generation: state.generation,
            outbox: state.outbox.clone(),
            timeout: self.policy.operation_timeout,
            line: line.clone(),
            cut: state.cut.clone(),
            tracked: self.requests.track(),
        };
        let task = tokio::spawn(work.run(admitted, caller, (streams, held)));
        state.running.insert(id.to_string(), Running { generation: state.generation, task });
        Ok(())
    }
}

/// Sends what an operation said, if it is still the socket's: an operation the client completed
/// itself sends nothing more, even what it queued before it was stopped.
async fn deliver(event: Event, state: &mut State, socket: &mut WebSocket) -> Result<(), axum::Error> {
    match event {
        Event::Send(id, generation, text) if state.running.get(&id).is_some_and(|r| r.generation == generation) => {
            socket.send(Message::text(text)).await
        }
        Event::Done(id, generation, last, tally)
            if state.running.get(&id).is_some_and(|r| r.generation == generation) =>
        {
            state.running.remove(&id);
            let written = socket.send(Message::text(last)).await;
            tally.end(written.is_ok());
            written
        }
        Event::Send(..) | Event::Done(..) => Ok(()),
    }
}

/// The drain deadline: operations still running are stopped and given [`CUT_GRACE`] to send
/// their `error` before the socket closes (a client that reads nothing gets the close alone).
async fn stop_running(state: &mut State, inbox: &mut mpsc::Receiver<Event>, socket: &mut WebSocket) -> Flow {
    state.cut.cancel();
    let grace = Instant::now() + CUT_GRACE;
    while !state.running.is_empty() {
        let Ok(Some(event)) = tokio::time::timeout_at(grace, inbox.recv()).await else { break };
        if deliver(event, state, socket).await.is_err() {
            return Flow::Gone;
        }
    }
    going_away()
}
