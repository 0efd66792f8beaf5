//! Why a marketplace could not be reached, as operators tell failures apart: a name that does
//! not resolve, a TLS handshake refused, a port that refuses, a connection that never came
//! (review35o O35-10). Every one of them is `MARKETPLACE_UNAVAILABLE` to clients, as before; the
//! cause is said beside it (`extensions.cause`, the failure log line, a counter's label).

use std::error::Error;

/// Why a connection to a marketplace failed or broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cause {
    /// Its host name did not resolve (or resolved only to internal addresses Pasar does not call).
    Dns,
    /// The TLS handshake failed: a certificate not trusted, expired or for another name, or a
    /// peer that does not speak TLS.
    Tls,
    /// Nothing listens at its address and port: the connection was refused.
    Refused,
    /// No connection within the connect timeout (a host that is down, or a firewall dropping).
    ConnectTimeout,
    /// A connection made was reset or closed before the answer was whole.
    Reset,
}

impl Cause {
    /// The label in `extensions.cause`, log lines and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dns => "DNS",
            Self::Tls => "TLS",
            Self::Refused => "REFUSED",
            Self::ConnectTimeout => "CONNECT_TIMEOUT",
            Self::Reset => "RESET",
        }
    }
}

/// What one link of a transport error's chain says, with the words a client may read (no host,
/// URL or address: an adapter's URL may carry an API key).
pub(super) fn classify(error: &(dyn Error + 'static), connecting: bool) -> Option<(Cause, &'static str)> {
    let links = || chain(error);
    // hyper-util's connector names a resolver failure "dns error" (its type is private).
    if let Some(dns) = links().find(|link| link.to_string() == "dns error") {
        let internal = dns.source().is_some_and(|e| e.to_string().ends_with("resolves only to internal addresses"));
        return Some(if internal {
            (Cause::Dns, "its host name resolves only to internal addresses, which Pasar does not call")
        } else {
            (Cause::Dns, "its host name did not resolve (DNS)")
        });
    }
    if let Some(tls) = links().find_map(|link| link.downcast_ref::<rustls::Error>()) {
        return Some((Cause::Tls, tls_reason(tls)));
    }
    let kind = links().find_map(|link| link.downcast_ref::<std::io::Error>().map(std::io::Error::kind))?;
    io_cause(kind, connecting)
}

/// Each link of `error`'s chain. An `io::Error`'s `source()` skips the error it wraps (it
/// answers that error's own source), so that one is stepped into by `get_ref`: hyper-rustls
/// wraps the handshake's error so, and the `rustls::Error` in it would be missed.
fn chain<'a>(error: &'a (dyn Error + 'static)) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
    std::iter::successors(Some(error), |&link| match link.downcast_ref::<std::io::Error>() {
        Some(io) => io.get_ref().map(|inner| inner as &(dyn Error + 'static)),
        None => link.source(),
    })
}

fn tls_reason(error: &rustls::Error) -> &'static str {
    use rustls::CertificateError as Cert;
    match error {
        rustls::Error::InvalidCertificate(Cert::UnknownIssuer) => {
            "its TLS certificate is not signed by an authority Pasar trusts (TLS)"
        }
        rustls::Error::InvalidCertificate(Cert::Expired | Cert::ExpiredContext { .. }) => {
            "its TLS certificate has expired (TLS)"
        }
        rustls::Error::InvalidCertificate(Cert::NotValidForName | Cert::NotValidForNameContext { .. }) => {
            "its TLS certificate is for another name (TLS)"
        }
        rustls::Error::InvalidCertificate(_) => "its TLS certificate was refused (TLS)",
        rustls::Error::InvalidMessage(_) => "it did not answer in TLS (TLS handshake)",
        _ => "the TLS handshake failed (TLS)",
    }
}

fn io_cause(kind: std::io::ErrorKind, connecting: bool) -> Option<(Cause, &'static str)> {
    use std::io::ErrorKind;
    Some(match kind {
        ErrorKind::ConnectionRefused => (Cause::Refused, "connection refused"),
        ErrorKind::TimedOut if connecting => (Cause::ConnectTimeout, "no connection within the connect timeout"),
        ErrorKind::ConnectionReset => (Cause::Reset, "connection reset"),
        ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => (Cause::Reset, "connection dropped"),
        ErrorKind::UnexpectedEof => (Cause::Reset, "the response broke off"),
        _ => return None,
    })
}

/// The I/O error kind behind a transport error, if any, for what has no [`Cause`].
pub(super) fn io_kind(error: &(dyn Error + 'static)) -> Option<std::io::ErrorKind> {
    chain(error).find_map(|link| link.downcast_ref::<std::io::Error>().map(std::io::Error::kind))
}
