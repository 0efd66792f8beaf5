//! The bytes a socket has read that no complete message has used yet, charged to the same
//! in-flight budget (`[http] max_bytes_in_flight_mb`) as an HTTP request's body.
//!
//! tungstenite keeps a message sent in pieces until it is whole (up to `max_body_bytes` + 4 KiB),
//! and 200 half-sent messages from one address held ~137 MB that the budget never saw, while a
//! POST of 100 KB was let in. The connection reads through a [`SocketMeter`] (the server wraps
//! every connection's stream with one); once its socket is open the door arms it with the budget,
//! and every byte read is charged until a data message (or a close) completes. A read past the
//! budget fails, and the socket closes with 1013 "try again later". Control frames release
//! nothing: pings sent between the pieces of a message must not free what the message holds.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// One connection's meter: unarmed (free) until its WebSocket opens.
#[derive(Clone, Default)]
pub struct SocketMeter(Arc<Metering>);

#[derive(Default)]
struct Metering {
    armed: AtomicBool,
    state: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    budget: Option<Arc<Semaphore>>,
    permit: Option<OwnedSemaphorePermit>,
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
        let mut held = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(budget) = held.budget.clone() else { return Ok(()) };
        let more = u32::try_from(bytes).map_err(|_| OverBudget)?;
        let got = budget.try_acquire_many_owned(more).map_err(|_| OverBudget)?;
        match &mut held.permit {
            Some(permit) => permit.merge(got),
            None => held.permit = Some(got),
        }
        Ok(())
    }

    /// From now on, reads are charged to `budget`.
    pub(super) fn arm(&self, budget: Arc<Semaphore>) {
        self.0.state.lock().unwrap_or_else(PoisonError::into_inner).budget = Some(budget);
        self.0.armed.store(true, Ordering::Relaxed);
    }

    /// A message is whole: what was read for it is given back.
    pub(super) fn release(&self) {
        self.0.state.lock().unwrap_or_else(PoisonError::into_inner).permit = None;
    }

    /// Bytes charged now.
    #[cfg(test)]
    fn charged(&self) -> usize {
        let held = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        held.permit.as_ref().map_or(0, OwnedSemaphorePermit::num_permits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_free_until_armed_then_charged_until_a_message_completes() {
        let budget = Arc::new(Semaphore::new(100));
        let meter = SocketMeter::default();
        assert!(meter.read(1_000).is_ok(), "an HTTP connection's reads are not the socket's");
        meter.arm(Arc::clone(&budget));
        assert!(meter.read(60).is_ok());
        assert_eq!((meter.charged(), budget.available_permits()), (60, 40));
        assert!(meter.read(41).is_err(), "past the budget");
        meter.release();
        assert_eq!((meter.charged(), budget.available_permits()), (0, 100));
    }
}
