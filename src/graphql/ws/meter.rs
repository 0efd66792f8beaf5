//! The bytes a socket has read that no complete message has used yet, charged to the same
//! in-flight budget (`[http] max_bytes_in_flight_mb`, and the client's share of it) as an HTTP
//! request's body.
//!
//! tungstenite keeps a message sent in pieces until it is whole (up to `max_body_bytes` + 4 KiB),
//! and 200 half-sent messages from one address held ~137 MB that the budget never saw, while a
//! POST of 100 KB was let in. The connection reads through a [`SocketMeter`] (the server wraps
//! every connection's stream with one); once its socket is open the door arms it with the budget,
//! and every byte read is charged until a data message (or a close) completes. A read past the
//! budget fails, and the socket closes with 1013 "try again later". Control frames release
//! their own bytes only: pings sent between the pieces of a message must not free what the
//! message holds. The meter also knows since when it holds bytes, so that a message still in
//! pieces after `request_timeout` is cut as a trickled HTTP body is ([`SocketMeter::overdue`]).

use super::super::clients::Client;
use super::super::in_flight::{Held, InFlight};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::Instant;

/// One connection's meter: unarmed (free) until its WebSocket opens.
#[derive(Clone, Default)]
pub struct SocketMeter(Arc<Metering>);

#[derive(Default)]
struct Metering {
    armed: AtomicBool,
    state: Mutex<State>,
    /// Told when bytes are first held after none were.
    begun: Notify,
}

#[derive(Default)]
struct State {
    budget: Option<(InFlight, Client)>,
    held: Option<Held>,
    /// When the bytes held now began to be held.
    since: Option<Instant>,
}

/// A read the budget could not hold.
#[derive(Debug, thiserror::Error)]
#[error("the gateway holds its budget of bytes in flight; retry after 1 s")]
pub struct OverBudget;

impl SocketMeter {
    /// Charges `bytes` just read; `Err` when the budget cannot hold them (the read fails).
    pub fn read(&self, bytes: usize) -> Result<(), OverBudget> {
        if bytes == 0 || !self.0.armed.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut state = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        let Some((budget, client)) = &state.budget else { return Ok(()) };
        let got = budget.take(client, bytes).map_err(|_| OverBudget)?;
        match &mut state.held {
            Some(held) => held.merge(got),
            None => {
                state.held = Some(got);
                state.since = Some(Instant::now());
                self.0.begun.notify_one();
            }
        }
        Ok(())
    }

    /// From now on, reads are charged to `budget`, as `client`'s.
    pub(super) fn arm(&self, budget: InFlight, client: Client) {
        self.0.state.lock().unwrap_or_else(PoisonError::into_inner).budget = Some((budget, client));
        self.0.armed.store(true, Ordering::Relaxed);
    }

    /// A message is whole: what was read for it is given back.
    pub(super) fn release(&self) {
        let mut state = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.held = None;
        state.since = None;
    }

    /// A control frame of `bytes` was read: its own bytes are given back, and if nothing else is
    /// held no message is in pieces. Whatever the pieces of a message hold stays held.
    pub(super) fn release_control(&self, bytes: usize) {
        let mut state = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(held) = &mut state.held else { return };
        held.give_back(bytes);
        if held.bytes() == 0 {
            state.held = None;
            state.since = None;
        }
    }

    /// Waits until bytes have been held for `limit` without a message completing.
    pub(super) async fn overdue(&self, limit: Duration) {
        loop {
            let since = self.0.state.lock().unwrap_or_else(PoisonError::into_inner).since;
            match since {
                Some(at) => {
                    tokio::time::sleep_until(at + limit).await;
                    if self.0.state.lock().unwrap_or_else(PoisonError::into_inner).since == Some(at) {
                        return;
                    }
                }
                None => self.0.begun.notified().await,
            }
        }
    }

    /// Bytes charged now.
    #[cfg(test)]
    fn charged(&self) -> usize {
        let state = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.held.as_ref().map_or(0, Held::bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> Client {
        Client::Address("127.0.0.1".parse().ok())
    }

    #[test]
    fn reads_are_free_until_armed_then_charged_until_a_message_completes() {
        let budget = InFlight::new(100, 100);
        let meter = SocketMeter::default();
        assert!(meter.read(1_000).is_ok(), "an HTTP connection's reads are not the socket's");
        meter.arm(budget.clone(), client());
        assert!(meter.read(60).is_ok());
        assert_eq!(meter.charged(), 60);
        assert!(meter.read(41).is_err(), "past the budget");
        meter.release();
        assert_eq!(meter.charged(), 0);
        assert!(budget.take(&client(), 100).is_ok(), "all given back");
    }

    #[test]
    fn a_control_frame_gives_back_its_own_bytes_and_no_more() {
        let meter = SocketMeter::default();
        meter.arm(InFlight::new(1_000, 1_000), client());
        meter.read(6).expect("a ping");
        meter.release_control(6);
        assert_eq!(meter.charged(), 0);
        meter.read(500).expect("a piece of a message");
        meter.read(6).expect("a ping between its pieces");
        meter.release_control(6);
        assert_eq!(meter.charged(), 500, "the piece stays held");
    }

    #[tokio::test(start_paused = true)]
    async fn bytes_held_past_the_limit_are_overdue_and_a_whole_message_starts_the_wait_again() {
        let meter = SocketMeter::default();
        meter.arm(InFlight::new(1_000, 1_000), client());
        let limit = Duration::from_secs(30);
        let waited = tokio::time::timeout(Duration::from_secs(60), meter.overdue(limit)).await;
        assert!(waited.is_err(), "nothing held, nothing overdue");
        meter.read(10).expect("a piece");
        let started = Instant::now();
        meter.overdue(limit).await;
        assert_eq!(started.elapsed(), limit);
    }
}
