//! `Authorization: Bearer <token>`, read one way for every door that takes a token (`/metrics`,
//! the admin mutations over HTTP and WebSocket).

use axum::http::{HeaderMap, header};

/// The token of an `Authorization` value using the bearer scheme. The scheme is a
/// case-insensitive token (RFC 9110 §11.1: clients and scrapers send `bearer`); the spaces
/// around the token are not part of it. `None` for another scheme or no token.
pub(crate) fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim_start().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The bearer token `headers` present, if any.
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    bearer_token(headers.get(header::AUTHORIZATION)?.to_str().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review 25 R10: `bearer …` was refused for `/metrics` and the admin token.
    #[test]
    fn the_scheme_is_read_whatever_its_case_and_the_token_without_its_spaces() {
        for value in ["Bearer s3cret", "bearer s3cret", "BEARER s3cret", "Bearer  s3cret ", " bEaReR s3cret"] {
            assert_eq!(bearer_token(value), Some("s3cret"), "{value:?}");
        }
    }

    #[test]
    fn another_scheme_or_no_token_is_no_bearer() {
        for value in ["Basic czNjcmV0", "Bearers3cret", "Bearer", "Bearer   ", "s3cret", "Token s3cret"] {
            assert_eq!(bearer_token(value), None, "{value:?}");
        }
    }
}
