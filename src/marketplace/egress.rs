//! Where the gateway may connect: public addresses only, unless the operator allows more.
//!
//! An adapter file (or an override) pointing at `127.0.0.1`, a private network or the cloud
//! metadata address (`169.254.169.254`) would let whoever controls that file reach internal
//! services through the gateway. Base URLs are checked when adapters are loaded, and every DNS
//! answer is checked again at connect time, so a public name that resolves to a private address
//! (DNS rebinding) is refused too. The embedded demo, whose sandboxes run on loopback, allows it
//! explicitly.

use hyper_util::client::legacy::connect::dns::Name;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::task::{Context, Poll};

/// Whether an address is one the gateway must not reach unless allowed.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.octets()[0] == 0
                // 100.64.0.0/10, carrier-grade NAT: internal to a provider's network.
                || (v4.octets()[0] == 100 && (v4.octets()[1] & 0xC0) == 64)
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xFE00) == 0xFC00 // unique local, includes fd00:ec2::254 (AWS metadata)
                || (first & 0xFFC0) == 0xFE80 // link-local
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal(IpAddr::V4(v4)))
        }
    }
}

/// Checks a base URL's host when it is an IP literal or `localhost`; names are checked on resolve.
pub fn check_base_url(url: &url::Url) -> Result<(), String> {
    let internal = match url.host() {
        Some(url::Host::Ipv4(ip)) => is_internal(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => is_internal(IpAddr::V6(ip)),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost") || name.ends_with(".localhost"),
        None => true,
    };
    if internal {
        Err("points at a loopback, private, link-local or metadata address; set `egress.allow_private = true` to allow it".into())
    } else {
        Ok(())
    }
}

/// The resolver upstream calls connect through: the system's, dropping internal addresses from
/// every answer unless they are allowed.
#[derive(Clone, Copy, Debug)]
pub struct EgressResolver {
    allow_private: bool,
}

impl EgressResolver {
    pub fn new(allow_private: bool) -> Self {
        Self { allow_private }
    }
}

impl tower::Service<Name> for EgressResolver {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = Box<dyn std::error::Error + Send + Sync>;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, name: Name) -> Self::Future {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let host = name.as_str();
            let resolved: Vec<SocketAddr> = tokio::net::lookup_host((host, 0)).await?.collect();
            if allow_private {
                return Ok(resolved.into_iter());
            }
            let public: Vec<SocketAddr> = resolved.into_iter().filter(|a| !is_internal(a.ip())).collect();
            if public.is_empty() {
                return Err(format!("{host} resolves only to internal addresses").into());
            }
            Ok(public.into_iter())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_ranges_are_recognised() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.1.1",
            "::1",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_internal(ip.parse().expect("ip")), "{ip}");
        }
        for ip in ["8.8.8.8", "103.10.20.30", "2001:4860::8888"] {
            assert!(!is_internal(ip.parse().expect("ip")), "{ip}");
        }
    }

    #[test]
    fn base_urls_on_internal_hosts_are_refused() {
        for url in [
            "http://127.0.0.1:9100",
            "http://localhost/api",
            "http://[::1]/",
            "http://169.254.169.254/latest",
            "http://10.0.0.5",
        ] {
            assert!(check_base_url(&url.parse().expect("url")).is_err(), "{url}");
        }
        assert!(check_base_url(&"https://api.mbizmarket.co.id".parse().expect("url")).is_ok());
    }

    #[tokio::test]
    async fn a_name_resolving_only_to_internal_addresses_is_refused_at_connect_time_unless_allowed() {
        use std::str::FromStr;
        use tower::ServiceExt;
        let name = || Name::from_str("localhost").expect("a name");
        let refused = EgressResolver::new(false).oneshot(name()).await.expect_err("refused");
        assert_eq!(refused.to_string(), "localhost resolves only to internal addresses");
        let allowed: Vec<SocketAddr> = EgressResolver::new(true).oneshot(name()).await.expect("resolved").collect();
        assert!(!allowed.is_empty() && allowed.iter().all(|a| a.ip().is_loopback()), "{allowed:?}");
    }
}
