//! Which web pages may call the gateway from a browser: the origins `[http] cors_origins` lists
//! (`"*"`: any), and the gateway's own pages. Checked by the router for every door, because a
//! WebSocket or a plain `GET` is not covered by CORS preflights.

use super::http::Rejection;
use axum::http::{HeaderMap, Uri, header};

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

    /// A page may call when its origin is allowed or is the gateway's own (the authority the
    /// request was sent to); a client that is not a browser sends no `Origin` and is not asked.
    pub fn check(&self, headers: &HeaderMap, uri: &Uri) -> Result<(), Rejection> {
        let Some(origin) = headers.get(header::ORIGIN) else { return Ok(()) };
        let origin = origin.to_str().unwrap_or_default();
        let allowed = match self {
            Origins::Any => true,
            Origins::Listed(list) => {
                list.iter().any(|o| o == origin) || authority(headers, uri).is_some_and(|a| same_host(origin, a))
            }
        };
        if allowed { Ok(()) } else { Err(Rejection::Origin(origin.chars().take(200).collect())) }
    }
}

/// Where the request was sent: its `Host`, else its URI's authority. An HTTP/2 request names it
/// in `:authority` (RFC 9113 §8.3.1), which hyper puts in the URI, and usually sends no `Host`:
/// read from `Host` alone, the gateway's own pages were refused over HTTP/2.
fn authority<'a>(headers: &'a HeaderMap, uri: &'a Uri) -> Option<&'a str> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    host.or_else(|| uri.authority().and_then(|a| a.as_str().rsplit('@').next()))
}

fn same_host(origin: &str, host: &str) -> bool {
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

    fn check(origins: &Origins, headers: &HeaderMap) -> Result<(), Rejection> {
        origins.check(headers, &Uri::from_static("/graphql"))
    }

    fn headers(origin: &str, host: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ORIGIN, HeaderValue::from_str(origin).expect("origin"));
        headers.insert(header::HOST, HeaderValue::from_str(host).expect("host"));
        headers
    }

    #[test]
    fn only_listed_origins_and_the_gateways_own_pages_may_call() {
        let listed = Origins::Listed(vec!["https://app.example.go.id".into()]);
        assert!(check(&listed, &headers("https://app.example.go.id", "api.example.go.id")).is_ok());
        assert!(check(&listed, &headers("http://127.0.0.1:8080", "127.0.0.1:8080")).is_ok());
        let foreign = check(&listed, &headers("https://evil.example", "127.0.0.1:8080"));
        assert_eq!(foreign.err().map(|r| r.code()), Some("ORIGIN_NOT_ALLOWED"));
        assert!(check(&Origins::Listed(vec![]), &headers("https://evil.example", "127.0.0.1")).is_err());
        assert!(check(&Origins::Any, &headers("https://evil.example", "127.0.0.1")).is_ok());
        assert!(check(&listed, &HeaderMap::new()).is_ok());
    }

    #[test]
    fn without_a_host_header_the_authority_of_the_uri_names_the_gateway_as_http2_sends_it() {
        let listed = Origins::Listed(vec!["https://app.example.go.id".into()]);
        let mut headers = HeaderMap::new();
        headers.insert(header::ORIGIN, HeaderValue::from_static("http://localhost:18181"));
        let own = Uri::from_static("http://localhost:18181/graphql");
        assert!(listed.check(&headers, &own).is_ok());
        let other = Uri::from_static("http://api.example.go.id/graphql");
        assert!(listed.check(&headers, &other).is_err(), "another host's page");
        assert!(listed.check(&headers, &Uri::from_static("/graphql")).is_err(), "no authority at all");
    }
}
