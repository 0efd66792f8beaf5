//! The request bytes the gateway holds in memory at once (`[http] max_bytes_in_flight_mb`): one
//! pool for every door (HTTP bodies, socket messages as they arrive, running socket operations)
//! and, inside it, a share per client.
//!
//! The pool alone let two addresses hold all of it (256 connections × `max_body_bytes` is the
//! whole default pool), and every other client's larger request got 503 (review34d D34-1). A
//! client's share is [`share`]: what it holds past that is refused as the pool refuses, so the
//! pool turns away the client that is filling it, not everyone else.

use super::clients::Client;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A client's share of a pool of `pool` bytes when one request may hold `max_body` bytes: four
/// requests of the largest size, and at most half the pool, but always one request. Sized by
/// the largest request rather than by the pool: raising the pool for more clients should not
/// hand each client more, and four at once at the largest size is more than a buyer's page or
/// a client's searches send (most requests are a few KB).
pub fn share(pool: usize, max_body: usize) -> usize {
    max_body.saturating_mul(4).min(pool / 2).max(max_body)
}

/// The pool and what each client holds of it.
#[derive(Clone)]
pub struct InFlight {
    pool: Arc<Semaphore>,
    share: usize,
    by_client: Arc<Mutex<HashMap<Client, usize>>>,
}

/// The pool or the client's share cannot hold more.
#[derive(Debug)]
pub struct Full;

/// Bytes held for one client until dropped.
pub struct Held {
    permit: Option<OwnedSemaphorePermit>,
    owner: Option<(InFlight, Client)>,
    bytes: usize,
}

impl InFlight {
    /// A pool of `bytes`, of which one client may hold `share`.
    pub fn new(bytes: usize, share: usize) -> Self {
        let permits = bytes.clamp(1, Semaphore::MAX_PERMITS);
        Self { pool: Arc::new(Semaphore::new(permits)), share, by_client: Arc::default() }
    }

    /// Takes `bytes` more for `client`, or nothing.
    pub fn take(&self, client: &Client, bytes: usize) -> Result<Held, Full> {
        if bytes == 0 {
            return Ok(Held::none());
        }
        let more = u32::try_from(bytes).map_err(|_| Full)?;
        let mut by_client = self.by_client.lock().unwrap_or_else(PoisonError::into_inner);
        let holds = by_client.get(client).copied().unwrap_or(0);
        if holds.saturating_add(bytes) > self.share {
            return Err(Full);
        }
        let permit = Arc::clone(&self.pool).try_acquire_many_owned(more).map_err(|_| Full)?;
        by_client.insert(client.clone(), holds + bytes);
        Ok(Held { permit: Some(permit), owner: Some((self.clone(), client.clone())), bytes })
    }
}

impl Held {
    /// Nothing held.
    pub fn none() -> Self {
        Self { permit: None, owner: None, bytes: 0 }
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Gives back `bytes` of what this holds (all of it, if it holds less).
    pub fn give_back(&mut self, bytes: usize) {
        let bytes = bytes.min(self.bytes);
        if let Some(permit) = &mut self.permit {
            drop(permit.split(bytes));
        }
        self.bytes -= bytes;
        self.uncount(bytes);
    }

    /// Takes `bytes` off its client's count.
    fn uncount(&self, bytes: usize) {
        let Some((in_flight, client)) = &self.owner else { return };
        let mut by_client = in_flight.by_client.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(holds) = by_client.get_mut(client) {
            *holds = holds.saturating_sub(bytes);
            if *holds == 0 {
                by_client.remove(client);
            }
        }
    }

    /// Adds `more` (taken for the same client) to what this holds.
    pub fn merge(&mut self, mut more: Held) {
        match (&mut self.permit, more.permit.take()) {
            (Some(permit), Some(other)) => permit.merge(other),
            (None, other) => self.permit = other,
            (Some(_), None) => {}
        }
        if self.owner.is_none() {
            self.owner = more.owner.take();
        }
        self.bytes += std::mem::take(&mut more.bytes);
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.uncount(self.bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_holds_at_most_its_share_and_gives_it_back_when_dropped() {
        let in_flight = InFlight::new(1_000, 300);
        let (one, other) = (Client::Address("127.0.0.1".parse().ok()), Client::Address("127.0.0.2".parse().ok()));
        let mut held = in_flight.take(&one, 200).expect("within its share");
        held.merge(in_flight.take(&one, 100).expect("up to its share"));
        assert_eq!(held.bytes(), 300);
        assert!(in_flight.take(&one, 1).is_err(), "past its share");
        held.give_back(50);
        assert!(in_flight.take(&one, 51).is_err() && in_flight.take(&one, 50).is_ok(), "50 given back");
        let others = in_flight.take(&other, 300).expect("another client has its own share");
        drop(held);
        assert!(in_flight.take(&one, 300).is_ok(), "given back");
        drop(others);
    }

    #[test]
    fn the_pool_refuses_what_it_cannot_hold_whatever_the_shares() {
        let in_flight = InFlight::new(500, 300);
        let clients: Vec<Client> = (1..=2).map(|n| Client::Address(format!("10.0.0.{n}").parse().ok())).collect();
        let _first = in_flight.take(&clients[0], 300).expect("fits");
        assert!(in_flight.take(&clients[1], 201).is_err(), "the pool has 200 left");
        assert!(in_flight.take(&clients[1], 200).is_ok());
    }

    #[test]
    fn a_share_is_four_of_the_largest_requests_at_most_half_the_pool_but_always_one() {
        assert_eq!(share(64 << 20, 256 << 10), 1 << 20);
        assert_eq!(share(1 << 20, 256 << 10), 512 << 10);
        assert_eq!(share(256 << 10, 256 << 10), 256 << 10);
    }
}
