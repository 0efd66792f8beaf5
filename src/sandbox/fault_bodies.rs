//! The answers fault injection gives in each marketplace's own shape: its truncated and
//! wrong-types bodies, its padded empty result and its error body. They live with the
//! marketplaces' modules; this file picks them by kind, so the shared state never depends on a
//! marketplace.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use super::bela;
use super::ekatalog;
use super::jatim_bejo;
use super::kind::MarketplaceKind;
use super::mbiz;
use super::padi;
use super::state::App;

impl App {
    /// The garbage and wrong-types bodies in this marketplace's shape.
    pub(super) fn bodies(&self) -> (&'static str, &'static str) {
        match self.kind {
            MarketplaceKind::Mbiz => (mbiz::GARBAGE, mbiz::WRONG_TYPES),
            MarketplaceKind::JatimBejo => (jatim_bejo::GARBAGE, jatim_bejo::WRONG_TYPES),
            MarketplaceKind::Ekatalog => (ekatalog::GARBAGE, ekatalog::WRONG_TYPES),
            MarketplaceKind::PadiUmkm => (padi::GARBAGE, padi::WRONG_TYPES),
            MarketplaceKind::Bela => (bela::GARBAGE, bela::WRONG_TYPES),
        }
    }

    /// An `Oversized` body's JSON before and after its padding, in this marketplace's shape.
    pub(super) fn padded_parts(&self) -> (&'static str, &'static str) {
        match self.kind {
            MarketplaceKind::Mbiz => mbiz::PADDED,
            MarketplaceKind::JatimBejo => jatim_bejo::PADDED,
            MarketplaceKind::Ekatalog => ekatalog::PADDED,
            MarketplaceKind::PadiUmkm => padi::PADDED,
            MarketplaceKind::Bela => bela::PADDED,
        }
    }

    /// This marketplace's error answer with HTTP `code`; 429 and 503 carry `Retry-After`.
    pub(super) fn status_fault(&self, code: u16) -> Response {
        let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = self.error(status, "simulated failure");
        if matches!(code, 429 | 503) {
            let seconds = self.state.faults().retry_after();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }

    /// The 503 a hanging or sleeping request gets when the sandbox stops.
    pub(super) fn shutting_down(&self) -> Response {
        self.error(StatusCode::SERVICE_UNAVAILABLE, "sandbox is shutting down")
    }

    /// An error in this marketplace's own error shape.
    fn error(&self, status: StatusCode, message: &str) -> Response {
        match self.kind {
            MarketplaceKind::Mbiz => {
                let code = match status.as_u16() {
                    429 => "rate_limited",
                    500.. => "server_error",
                    _ => "error",
                };
                mbiz::error(status, code, message)
            }
            MarketplaceKind::JatimBejo => jatim_bejo::error(status, message),
            MarketplaceKind::Ekatalog => ekatalog::error(status, message),
            MarketplaceKind::PadiUmkm => {
                let code = match status.as_u16() {
                    429 => "rate_limited",
                    503 => "unavailable",
                    500.. => "internal",
                    _ => "error",
                };
                padi::error(status, code, message)
            }
            MarketplaceKind::Bela => {
                let code = match status.as_u16() {
                    429 => "RATE_LIMITED",
                    500.. => "UNAVAILABLE",
                    _ => "ERROR",
                };
                bela::error(status, code, message)
            }
        }
    }
}
