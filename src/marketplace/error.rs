//! What can go wrong talking to one marketplace.

use super::cause::{self, Cause};
use crate::codes::Code;
use std::time::Duration;

/// A failed marketplace call. Messages name no URL, host or secret: they reach clients.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarketplaceError {
    /// No answer within the marketplace's deadline.
    #[error(
        "did not answer within {} ms{}",
        .after.as_millis(),
        if .cause.is_some() { " (still connecting)" } else { "" }
    )]
    Timeout {
        /// The deadline that passed.
        after: Duration,
        /// `CONNECT_TIMEOUT` when the call had no connection yet as it fell (`connecting.rs`).
        cause: Option<Cause>,
    },
    /// The connection could not be made or broke.
    #[error("could not be reached ({reason})")]
    Unreachable {
        /// Short cause without the URL.
        reason: String,
        /// Which kind of failure it was, when known (`extensions.cause`).
        cause: Option<Cause>,
    },
    /// An HTTP error status other than 429.
    #[error("answered HTTP {status}")]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// HTTP 429.
    #[error("is rate limiting us (HTTP 429)")]
    RateLimited {
        /// Seconds to wait, from `Retry-After`.
        retry_after: Option<u64>,
    },
    /// The body was larger than the marketplace's limit.
    #[error("sent a response larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The body could not be read as the adapter describes it.
    #[error("sent a response that could not be read: {reason}")]
    BadResponse {
        /// What did not match.
        reason: String,
    },
    /// The concurrency cap is reached and the call could not wait: its line is full, or the
    /// wait would leave no time for the call before the deadline.
    #[error("is at its concurrency limit and the call could not wait for its turn in time")]
    Overloaded,
    /// The circuit breaker is open after repeated failures.
    #[error("is skipped after repeated failures (circuit open; next try in {retry_in_ms} ms)")]
    CircuitOpen {
        /// Milliseconds until a probe call is allowed.
        retry_in_ms: u64,
    },
    /// Spending's lane refuses calls for a while after one found the marketplace down
    /// (`spending/lanes.rs`): no call was made, and `failure` is what the last one met.
    #[error("is skipped for now (next try in {retry_in_ms} ms): when last asked, it {failure}")]
    Down {
        /// The failure that took the marketplace down.
        failure: Box<MarketplaceError>,
        /// Milliseconds until calls are made again.
        retry_in_ms: u64,
    },
    /// An adapter reload removed the marketplace while the search ran: its guard (concurrency
    /// cap, breaker) is gone with it, so no call is made.
    #[error("was removed from Pasar's adapters while this search ran")]
    Removed,
}

impl MarketplaceError {
    /// What APIs answer a page asked out of range (Django REST Framework's 404 "Invalid page.",
    /// a 416, an answer without its item list); 401, 403, 429 and 5xx are failures wherever they
    /// come.
    pub(crate) fn is_range_refusal(&self) -> bool {
        match self {
            Self::Status { status } => matches!(status, 400 | 404 | 410 | 416 | 422),
            Self::BadResponse { .. } => true,
            _ => false,
        }
    }

    /// Stable code for GraphQL `extensions.code` (see `codes.rs`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Timeout { .. } => Code::MarketplaceTimeout,
            Self::Unreachable { .. } | Self::Status { .. } => Code::MarketplaceUnavailable,
            Self::RateLimited { .. } => Code::MarketplaceRateLimited,
            Self::TooLarge { .. } | Self::BadResponse { .. } => Code::MarketplaceBadResponse,
            Self::Overloaded => Code::MarketplaceOverloaded,
            Self::CircuitOpen { .. } | Self::Down { .. } => Code::MarketplaceCircuitOpen,
            Self::Removed => Code::MarketplaceRemoved,
        }
        .as_str()
    }

    /// Describes why a call got no answer, without its URL (which may carry an API key in the
    /// query string), and its [`Cause`] when one is known.
    pub(crate) fn from_transport(error: &super::upstream::CallError) -> Self {
        if let Some((cause, reason)) = cause::classify(error, error.is_connect()) {
            return Self::Unreachable { reason: reason.to_string(), cause: Some(cause) };
        }
        let reason = match cause::io_kind(error) {
            Some(std::io::ErrorKind::TimedOut) => "timed out",
            Some(_) => "connection failed",
            None if error.is_connect() => "connection failed",
            None => "transport error",
        };
        Self::Unreachable { reason: reason.to_string(), cause: None }
    }

    /// Describes why an answer's body could not be read to its end.
    pub(crate) fn from_body(error: &(dyn std::error::Error + 'static)) -> Self {
        match cause::classify(error, false) {
            Some((cause, reason)) => Self::Unreachable { reason: reason.to_string(), cause: Some(cause) },
            None => Self::Unreachable { reason: "the response body broke off".into(), cause: None },
        }
    }

    /// Why the marketplace could not be reached, when it could not and that is known.
    pub fn cause(&self) -> Option<Cause> {
        match self {
            Self::Unreachable { cause, .. } | Self::Timeout { cause, .. } => *cause,
            Self::Down { failure, .. } => failure.cause(),
            _ => None,
        }
    }
}
