//! What can go wrong talking to one marketplace.

use crate::codes::Code;
use std::time::Duration;

/// A failed marketplace call. Messages name no URL, host or secret: they reach clients.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarketplaceError {
    /// No answer within the marketplace's deadline.
    #[error("did not answer within {} ms", .after.as_millis())]
    Timeout {
        /// The deadline that passed.
        after: Duration,
    },
    /// The connection could not be made or broke.
    #[error("could not be reached ({reason})")]
    Unreachable {
        /// Short cause without the URL.
        reason: String,
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
            Self::CircuitOpen { .. } => Code::MarketplaceCircuitOpen,
            Self::Removed => Code::MarketplaceRemoved,
        }
        .as_str()
    }

    /// Whether the marketplace as a whole failed (no answer, an error status, refusing calls),
    /// rather than this one request's answer: its other requests now would fail the same way.
    pub fn is_down(&self) -> bool {
        match self {
            Self::Status { status } => *status >= 500,
            Self::Timeout { .. }
            | Self::Unreachable { .. }
            | Self::RateLimited { .. }
            | Self::Overloaded
            | Self::CircuitOpen { .. } => true,
            Self::TooLarge { .. } | Self::BadResponse { .. } | Self::Removed => false,
        }
    }

    /// Describes why a call got no answer, without its URL (which may carry an API key in the
    /// query string).
    pub(crate) fn from_transport(error: &super::upstream::CallError) -> Self {
        let reason = match io_error_kind(error) {
            Some(kind) => io_reason(kind),
            None if error.is_connect() => "connection refused or failed",
            None => "transport error",
        };
        Self::Unreachable { reason: reason.to_string() }
    }

    /// Describes why an answer's body could not be read to its end.
    pub(crate) fn from_body(error: &(dyn std::error::Error + 'static)) -> Self {
        let reason = io_error_kind(error).map_or("the response body broke off", io_reason);
        Self::Unreachable { reason: reason.to_string() }
    }
}

fn io_reason(kind: std::io::ErrorKind) -> &'static str {
    match kind {
        std::io::ErrorKind::ConnectionRefused => "connection refused",
        std::io::ErrorKind::ConnectionReset => "connection reset",
        std::io::ErrorKind::ConnectionAborted | std::io::ErrorKind::BrokenPipe => "connection dropped",
        std::io::ErrorKind::UnexpectedEof => "the response broke off",
        std::io::ErrorKind::TimedOut => "timed out",
        _ => "connection failed",
    }
}

/// The I/O error behind a transport error, if any: it names the cause better than the client's
/// categories (a reset and a refusal are both "connect" errors there).
fn io_error_kind(error: &(dyn std::error::Error + 'static)) -> Option<std::io::ErrorKind> {
    let mut source = Some(error);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        source = cause.source();
    }
    None
}
