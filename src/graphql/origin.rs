//! Which web pages may call the gateway from a browser: the origins `[http] cors_origins` lists
//! (`"*"`: any), and the gateway's own pages. Checked by the router for every door, because a
//! WebSocket or a plain `GET` is not covered by CORS preflights.

use super::http::Rejection;
use axum::http::{HeaderMap, header};

/// Which pages may call the gateway.
#[derive(Clone, Debug)]
pub enum Origins {
    /// Any (`cors_origins = ["*"]`).
    Any,
    /// These origins, and pages of the gateway's own host.
    Listed(Vec<String>),
}

impl Origins {
    /// The policy of `[http] cors_origins`.
    pub fn from_config(origins: &[String]) -> Self {
        if origins.iter().any(|o| o == "*") { Self::Any } else { Self::Listed(origins.to_vec()) }
    }

    /// A page may call when its origin is allowed or is the gateway's own; a client that is
    /// not a browser sends no `Origin` and is not asked.
    pub fn check(&self, headers: &HeaderMap) -> Result<(), Rejection> {
        let Some(origin) = headers.get(header::ORIGIN) else { return Ok(()) };
        let origin = origin.to_str().unwrap_or_default();
        let allowed = match self {
            Origins::Any => true,
            Origins::Listed(list) => list.iter().any(|o| o == origin) || same_host(origin, headers),
        };
        if allowed { Ok(()) } else { Err(Rejection::Origin(origin.chars().take(200).collect())) }
    }
}

fn same_host(origin: &str, headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else { return false };
    let Ok(url) = url::Url::parse(origin) else { return false };
    let authority = match (url.host_str(), url.port()) {
        (Some(name), Some(port)) => format!("{name}:{port}"),
        (Some(name), None) => name.to_string(),
        _ => return false,
    };
    authority.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(origin: &str, host: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ORIGIN, HeaderValue::from_str(origin).expect("origin"));
        headers.insert(header::HOST, HeaderValue::from_str(host).expect("host"));
        headers
    }

    #[test]
    fn only_listed_origins_and_the_gateways_own_pages_may_call() {
        let listed = Origins::Listed(vec!["https://app.example.go.id".into()]);
        assert!(listed.check(&headers("https://app.example.go.id", "api.example.go.id")).is_ok());
        assert!(listed.check(&headers("http://127.0.0.1:8080", "127.0.0.1:8080")).is_ok());
        let foreign = listed.check(&headers("https://evil.example", "127.0.0.1:8080"));
        assert_eq!(foreign.err().map(|r| r.code()), Some("ORIGIN_NOT_ALLOWED"));
        assert!(Origins::Listed(vec![]).check(&headers("https://evil.example", "127.0.0.1")).is_err());
        assert!(Origins::Any.check(&headers("https://evil.example", "127.0.0.1")).is_ok());
        assert!(listed.check(&HeaderMap::new()).is_ok());
    }
}
