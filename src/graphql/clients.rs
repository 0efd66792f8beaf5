//! Who is asking, and whether they have budget left (governor's GCRA).
//!
//! A client is a `[clients.<name>]` entry when it presents that entry's key (`x-api-key`, or
//! `apiKey` in a WebSocket's `connection_init`), else its address: an IPv4 address, or the /64
//! of an IPv6 one (one subscriber line is one /64). A key that is not configured counts as the
//! address it came from, so rotating keys never buys a fresh budget.
//!
//! With a Redis shared by several instances the budgets are kept there, so a client has one
//! budget across instances; when Redis is away each instance's own limiter decides.

use crate::cache::RedisLevel;
use crate::config::{ClientConfig, RateLimit, Scope};
use axum::http::HeaderMap;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv6Addr};
use std::num::NonZeroU32;
use std::sync::Arc;

/// Header a configured client identifies itself with.
pub const API_KEY_HEADER: &str = "x-api-key";

/// Why the `[clients]` table cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("[clients.{name}] key_sha256 must be 64 hexadecimal digits (the SHA-256 of the key, never the key)")]
pub struct BadClient {
    name: String,
}

/// One client, as every door identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Client {
    /// A configured client, by its `[clients]` name.
    Named(Arc<str>),
    /// Anyone else, by address (IPv6 by /64); `None` when the address is unknown (in-process).
    Address(Option<IpAddr>),
}

impl Client {
    /// How logs name it: its `[clients]` name or its address (`-` unknown), never the key.
    pub fn label(&self) -> String {
        match self {
            Self::Named(name) => name.to_string(),
            Self::Address(Some(ip)) => ip.to_string(),
            Self::Address(None) => "-".into(),
        }
    }
}

/// The address a per-address budget or cap counts: an IPv4 address (also when reached over an
/// IPv6 socket), or the /64 an IPv6 address belongs to.
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}

struct Known {
    name: Arc<str>,
    scopes: Vec<String>,
    rate: RateLimit,
    limiter: Option<DefaultDirectRateLimiter>,
}

/// The configured clients and every client's request budget.
#[derive(Clone)]
pub struct Clients {
    by_key_hash: Arc<HashMap<[u8; 32], Known>>,
    rate: RateLimit,
    anonymous: Option<Arc<DefaultKeyedRateLimiter<Option<IpAddr>>>>,
    shared: Option<Arc<RedisLevel>>,
}

impl Clients {
    /// Clients of `[clients]`, with `rate` as the budget of every client without its own.
    pub fn new(rate: &RateLimit, clients: &BTreeMap<String, ClientConfig>) -> Result<Self, BadClient> {
        let mut by_key_hash = HashMap::new();
        for (name, client) in clients {
            let hash = parse_hex(&client.key_sha256).ok_or_else(|| BadClient { name: name.clone() })?;
            let own = client.rate.clone().unwrap_or_else(|| rate.clone());
            let limiter = quota(&own).map(governor::RateLimiter::direct);
            let known = Known { name: name.as_str().into(), scopes: client.scopes.clone(), rate: own, limiter };
            by_key_hash.insert(hash, known);
        }
        let anonymous = quota(rate).map(|q| Arc::new(DefaultKeyedRateLimiter::keyed(q)));
        Ok(Self { by_key_hash: Arc::new(by_key_hash), rate: rate.clone(), anonymous, shared: None })
    }

    /// Keeps the budgets in `shared`, one budget per client across every instance using it.
    pub fn shared_through(self, shared: Arc<RedisLevel>) -> Self {
        Self { shared: Some(shared), ..self }
    }

    /// The client presenting `key` (if any) from `peer`.
    pub fn identify(&self, key: Option<&str>, peer: Option<IpAddr>) -> Client {
        let known = key.and_then(|key| self.by_key_hash.get(&<[u8; 32]>::from(Sha256::digest(key.as_bytes()))));
        match known {
            Some(known) => Client::Named(known.name.clone()),
            None => Client::Address(peer.map(address_key)),
        }
    }

    /// The client of an HTTP request.
    pub fn identify_request(&self, headers: &HeaderMap, peer: Option<IpAddr>) -> Client {
        self.identify(headers.get(API_KEY_HEADER).and_then(|v| v.to_str().ok()), peer)
    }

    /// Whether a configured client was given `scope`.
    pub fn has_scope(&self, client: &Client, scope: Scope) -> bool {
        let Client::Named(name) = client else { return false };
        self.by_key_hash.values().any(|known| known.name == *name && known.scopes.iter().any(|s| s == scope.name()))
    }

    /// Takes one request from the client's budget, or says how long it must wait: from the
    /// shared budget when there is one and Redis answers, else from this instance's own.
    pub async fn check(&self, client: &Client) -> Result<(), TooManyRequests> {
        self.check_weighted(client, 1).await
    }

    /// As [`check`](Self::check) for a request that costs `cost` requests' worth of budget (see
    /// [`cost_of_body`]), never more than one burst: a large body must still fit a full budget.
    pub async fn check_weighted(&self, client: &Client, cost: u32) -> Result<(), TooManyRequests> {
        let cost = self.rate_of(client).map_or(1, |rate| cost.clamp(1, burst(rate).max(1)));
        if let Some(shared) = &self.shared
            && let Some(rate) = self.rate_of(client).filter(|rate| rate.per_second > 0)
            && let Some(verdict) = shared.take(&shared_key(client), rate.per_second, burst(rate), cost).await
        {
            return verdict.map_err(|wait| TooManyRequests { retry_after: wait.as_secs() + 1 });
        }
        self.check_here(client, cost)
    }

    fn rate_of(&self, client: &Client) -> Option<&RateLimit> {
        match client {
            Client::Named(name) => self.by_key_hash.values().find(|known| known.name == *name).map(|k| &k.rate),
            Client::Address(_) => Some(&self.rate),
        }
    }

    /// This instance's own limiter.
    fn check_here(&self, client: &Client, cost: u32) -> Result<(), TooManyRequests> {
        let cost = NonZeroU32::new(cost).unwrap_or(NonZeroU32::MIN);
        // Read the clock only on a refusal: a quanta clock is built anew by each `default()`,
        // which probed the CPU on every request (1 % of a miss's CPU).
        let now = || DefaultClock::default().now();
        let verdict = match client {
            Client::Named(name) => {
                let known = self.by_key_hash.values().find(|known| known.name == *name);
                match known.and_then(|k| k.limiter.as_ref()) {
                    Some(limiter) => refused_after(limiter.check_n(cost), now),
                    None => Ok(()),
                }
            }
            Client::Address(ip) => match &self.anonymous {
                Some(limiter) => refused_after(limiter.check_key_n(ip, cost), now),
                None => Ok(()),
            },
        };
        verdict.map_err(|wait| TooManyRequests { retry_after: wait.as_secs() + 1 })
    }

    /// Forgets addresses idle long enough to be back at a full budget, bounding memory.
    pub fn forget_idle(&self) {
        if let Some(limiter) = &self.anonymous {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

/// Body bytes one unit of budget pays for beyond the first. Reading a document costs about
/// 30 µs per KB in a release build (comments, long strings, APQ registrations; session 40), so
/// at 50 requests a second one client's 200 KB bodies kept 30-43 % of a core busy; weighed, a
/// 256 KB body costs 5 and the same client about a tenth of a core (review38h R38h-10).
pub const BODY_BYTES_PER_UNIT: u64 = 64 * 1024;

/// What a request with a body of `content_length` bytes costs: 1, and 1 more per
/// [`BODY_BYTES_PER_UNIT`] (a body of unstated length is charged 1; `[limits] max_body_bytes`
/// still bounds it).
pub fn cost_of_body(content_length: Option<u64>) -> u32 {
    let extra = content_length.unwrap_or(0) / BODY_BYTES_PER_UNIT;
    u32::try_from(extra).unwrap_or(u32::MAX).saturating_add(1)
}

/// governor's verdict on `n` cells as a wait; a cost over the burst was clamped before, so
/// `InsufficientCapacity` cannot come, and is read as a wait of a second if it does.
fn refused_after(
    verdict: Result<Result<(), governor::NotUntil<governor::clock::QuantaInstant>>, governor::InsufficientCapacity>,
    now: impl Fn() -> governor::clock::QuantaInstant,
) -> Result<(), std::time::Duration> {
    match verdict {
        Ok(Ok(())) => Ok(()),
        Ok(Err(not_until)) => Err(not_until.wait_time_from(now())),
        Err(_) => Err(std::time::Duration::from_secs(1)),
    }
}

/// The client's key in the shared store: `[clients]` names and addresses never collide.
fn shared_key(client: &Client) -> String {
    match client {
        Client::Named(name) => format!("client:{name}"),
        Client::Address(Some(ip)) => format!("address:{ip}"),
        Client::Address(None) => "address:-".into(),
    }
}

/// The burst a rate allows: its own, or one second's worth when unset.
fn burst(rate: &RateLimit) -> u32 {
    if rate.burst == 0 { rate.per_second } else { rate.burst }
}

fn quota(rate: &RateLimit) -> Option<Quota> {
    NonZeroU32::new(rate.per_second)
        .map(|per_second| Quota::per_second(per_second).allow_burst(NonZeroU32::new(burst(rate)).unwrap_or(per_second)))
}

fn parse_hex(text: &str) -> Option<[u8; 32]> {
    let text = text.trim();
    if text.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// A refused request: 429 with `Retry-After`, code `RATE_LIMITED` at every door.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyRequests {
    /// Seconds until the client has budget again.
    pub retry_after: u64,
}

impl TooManyRequests {
    /// The message every door writes.
    pub fn message(&self) -> String {
        format!("too many requests from this client; retry after {} s", self.retry_after)
    }
}

#[cfg(test)]
mod tests;
