//! Per-client rate limiting (governor's GCRA), keyed by API key, else by peer address.

use crate::config::RateLimit;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

/// Header a client may identify itself with; its requests share one budget wherever they come from.
pub const API_KEY_HEADER: &str = "x-api-key";

/// Request budgets per client.
#[derive(Clone)]
pub struct ClientLimiter {
    limiter: Option<Arc<DefaultKeyedRateLimiter<String>>>,
}

impl ClientLimiter {
    /// A limiter for `config`; `per_second = 0` disables limiting.
    pub fn new(config: &RateLimit) -> Self {
        let quota = NonZeroU32::new(config.per_second).map(|rate| {
            let burst = NonZeroU32::new(config.burst).unwrap_or(rate);
            Quota::per_second(rate).allow_burst(burst)
        });
        Self { limiter: quota.map(|q| Arc::new(DefaultKeyedRateLimiter::keyed(q))) }
    }

    /// Lets the request through, or says how long the client must wait.
    pub fn check(&self, headers: &HeaderMap, peer: Option<IpAddr>) -> Result<(), TooManyRequests> {
        let Some(limiter) = &self.limiter else { return Ok(()) };
        let key = match headers.get(API_KEY_HEADER).and_then(|v| v.to_str().ok()) {
            Some(api_key) => format!("key:{api_key}"),
            None => format!("ip:{}", peer.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())),
        };
        limiter.check_key(&key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            TooManyRequests { retry_after: wait.as_secs() + 1 }
        })
    }

    /// Forgets clients idle long enough to be back at a full budget, bounding memory.
    pub fn forget_idle(&self) {
        if let Some(limiter) = &self.limiter {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

/// A refused request: answered 429 with `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyRequests {
    /// Seconds until the client has budget again.
    pub retry_after: u64,
}

impl IntoResponse for TooManyRequests {
    fn into_response(self) -> Response {
        let retry_after = self.retry_after;
        let body = serde_json::json!({ "errors": [{
        "message": format!("too many requests from this client; retry after {retry_after} s"),
        "extensions": { "code": super::codes::RATE_LIMITED, "retryAfter": retry_after }
    }] });
        let mut response = (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        response
    }
}
