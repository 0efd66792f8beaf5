//! `/graphql/ws`: the WebSocket door, speaking graphql-transport-ws over Pasar's own connection
//! handling (async-graphql-axum hard-codes its close codes and has no initialisation timeout),
//! with async-graphql's executor underneath.
//!
//! At the handshake the router has already checked the page's origin and charged the client's
//! budget; the socket keeps its connection's place under the connection caps for as long as it is
//! open. After it, every
//! `subscribe` passes the same [admission](super::admission) as `POST /graphql`.

mod door;
mod flow;
mod line;
mod meter;
mod operation;
mod pings;
mod protocol;
mod session;

pub use door::{ConnectionHold, OpenSockets, Sockets, upgrade};
pub use meter::SocketMeter;
pub use session::SocketPolicy;
