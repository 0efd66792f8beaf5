//! CORS for the origins `[http] cors_origins` lists, and nothing for the others.

use super::StartupError;
use crate::config::HttpConfig;
use axum::http::{HeaderValue, Method, header};
use axum::response::Response;
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

/// CORS for the origins `[http] cors_origins` lists (`"*"`: any), or none.
pub(super) fn cors_layer(http: &HttpConfig) -> Result<Option<CorsLayer>, StartupError> {
    if http.cors_origins.is_empty() {
        return Ok(None);
    }
    let any = http.cors_origins.iter().any(|o| o == "*");
    if any && http.cors_allow_credentials {
        return Err(StartupError::Http(
            "[http] cors_origins = [\"*\"] cannot be combined with cors_allow_credentials = true".into(),
        ));
    }
    let origin = if any {
        AllowOrigin::any()
    } else {
        let origins = http
            .cors_origins
            .iter()
            .map(|o| {
                let valid = url::Url::parse(o).is_ok_and(|u| u.origin().ascii_serialization() == *o);
                let value = HeaderValue::from_str(o).ok().filter(|_| valid);
                value.ok_or_else(|| {
                    StartupError::Http(format!(
                        "[http] cors_origins: `{o}` is not an origin (scheme://host[:port], no path or trailing slash)"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        AllowOrigin::list(origins)
    };
    // An allowed page may send whatever headers its SDKs add (`traceparent`, `baggage`,
    // `sentry-trace`, Apollo's client name): a fixed list blocks the next tracing vendor.
    Ok(Some(
        CorsLayer::new()
            .allow_origin(origin)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers(AllowHeaders::mirror_request())
            .expose_headers([header::RETRY_AFTER, header::HeaderName::from_static("x-request-id")])
            .allow_credentials(http.cors_allow_credentials)
            .max_age(http.cors_max_age),
    ))
}

/// Drops the CORS headers tower-http adds to a preflight answer from an origin not listed.
pub(super) async fn only_for_allowed_origins(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
        let cors: Vec<header::HeaderName> =
            headers.keys().filter(|name| name.as_str().starts_with("access-control-")).cloned().collect();
        for name in cors {
            headers.remove(name);
        }
    }
    response
}
