//! A client's `x-request-id` is echoed, logged and sent to every marketplace asked for the
//! request, so only a short, plain one is kept: 9 KB of id went out on every upstream call, and a
//! marketplace behind the usual 8 KiB header limit refused the call, failing a refresh the next
//! user then shared. Any other is dropped and a fresh UUID generated in its place.

use axum::http::{HeaderName, Request};

/// The longest client request id kept, in bytes.
pub(super) const MAX_LEN: usize = 128;

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Drops a client's `x-request-id` unless it is one of at most [`MAX_LEN`] visible ASCII
/// characters (and only one is sent).
pub(super) fn only_plain<B>(mut request: Request<B>) -> Request<B> {
    let headers = request.headers_mut();
    let mut ids = headers.get_all(&X_REQUEST_ID).iter();
    let plain = match (ids.next(), ids.next()) {
        (Some(id), None) => is_plain(id.as_bytes()),
        (None, _) => true,
        _ => false,
    };
    if !plain {
        headers.remove(&X_REQUEST_ID);
    }
    request
}

fn is_plain(id: &[u8]) -> bool {
    !id.is_empty() && id.len() <= MAX_LEN && id.iter().all(u8::is_ascii_graphic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(ids: &[&str]) -> Vec<String> {
        let mut request = Request::new(());
        for id in ids {
            request.headers_mut().append(X_REQUEST_ID, id.parse().expect("a header value"));
        }
        let request = only_plain(request);
        request.headers().get_all(&X_REQUEST_ID).iter().map(|v| v.to_str().unwrap_or("?").to_string()).collect()
    }

    #[test]
    fn a_short_plain_request_id_is_kept_and_a_long_or_odd_one_dropped() {
        assert_eq!(kept(&["3f0c-41aa"]), ["3f0c-41aa"]);
        assert_eq!(kept(&[&"r".repeat(MAX_LEN)]).len(), 1);
        assert!(kept(&[&"r".repeat(MAX_LEN + 1)]).is_empty(), "9 KB of id went to every marketplace");
        assert!(kept(&["a b"]).is_empty(), "a space");
        assert!(kept(&["a", "b"]).is_empty(), "two ids");
        assert!(kept(&[]).is_empty());
    }
}
