//! A gzip request body read to its end: every member, and nothing after them.
//!
//! tower-http's decoder stops at the end of the first gzip member and drops whatever follows it:
//! a body with bytes after its gzip data was answered 200 (review34d D34-8), so what the client
//! sent and what was read differed unseen. RFC 1952 §2.2 makes a gzip file a series of members
//! and `gunzip` reads them all, so this decoder reads every member as one body; bytes after a
//! member that do not start another make the body unreadable: 400 `BAD_REQUEST`, as a truncated
//! gzip body is (`admission::body_error`).

use async_compression::tokio::bufread::GzipDecoder;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Request, header};
use futures::TryStreamExt;
use tokio_util::io::{ReaderStream, StreamReader};

/// Decodes a `Content-Encoding: gzip` body here; the decompression layer behind sees no coding
/// and passes the decoded body on. The body's own errors (a timeout, a client gone) stay in the
/// chain of the error the reader sees, so they are still told from a body that does not decode.
pub(super) fn members(mut request: Request<Body>) -> Request<Body> {
    one_line_of_codings(request.headers_mut());
    // The one spelling tower-http decodes: anything else is left to it to decode or refuse 415.
    if request.headers().get(header::CONTENT_ENCODING).is_none_or(|coding| coding.as_bytes() != b"gzip") {
        return request;
    }
    let (mut parts, body) = request.into_parts();
    parts.headers.remove(header::CONTENT_ENCODING);
    parts.headers.remove(header::CONTENT_LENGTH);
    let mut decoder = GzipDecoder::new(StreamReader::new(body.into_data_stream().map_err(std::io::Error::other)));
    decoder.multiple_members(true);
    Request::from_parts(parts, Body::from_stream(ReaderStream::new(decoder)))
}

/// `Content-Encoding` as tower-http reads it: one line, lower case. It read the first line only,
/// matched names by case and refused `x-gzip` (review38h R38h-4), where RFC 9110 §5.3 makes
/// several lines one list, §8.4.1 makes codings case-insensitive and asks `x-gzip` be read as
/// gzip; a proxy reading the whole field decoded a body Pasar read otherwise. `identity` changes
/// nothing and is dropped; a list of two codings or more stays a list, which is refused 415.
fn one_line_of_codings(headers: &mut HeaderMap) {
    if headers.get(header::CONTENT_ENCODING).is_none() {
        return;
    }
    let mut codings = Vec::new();
    for line in headers.get_all(header::CONTENT_ENCODING) {
        let Ok(line) = line.to_str() else { return };
        for coding in line.split(',').map(|c| c.trim().to_ascii_lowercase()).filter(|c| !c.is_empty()) {
            match coding.as_str() {
                "identity" => {}
                "x-gzip" => codings.push("gzip".to_string()),
                _ => codings.push(coding),
            }
        }
    }
    headers.remove(header::CONTENT_ENCODING);
    if let Ok(value) = HeaderValue::from_str(&codings.join(", "))
        && !codings.is_empty()
    {
        headers.insert(header::CONTENT_ENCODING, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Bytes;
    use http_body_util::BodyExt;
    use std::error::Error;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).expect("gzip");
        encoder.finish().expect("gzip")
    }

    async fn read(chunks: Vec<Result<Bytes, Stalled>>) -> Result<Bytes, axum::Error> {
        let request = Request::builder().header(header::CONTENT_ENCODING, "gzip");
        let request = request.body(Body::from_stream(futures::stream::iter(chunks))).expect("request");
        let request = members(request);
        assert!(request.headers().get(header::CONTENT_ENCODING).is_none(), "decoded here");
        request.into_body().collect().await.map(|body| body.to_bytes())
    }

    #[derive(Debug, thiserror::Error)]
    #[error("stalled")]
    struct Stalled;

    fn codings(lines: &[&str]) -> Option<String> {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append(header::CONTENT_ENCODING, HeaderValue::from_str(line).expect("value"));
        }
        one_line_of_codings(&mut headers);
        assert!(headers.get_all(header::CONTENT_ENCODING).iter().count() <= 1, "one line");
        headers.get(header::CONTENT_ENCODING).map(|v| v.to_str().expect("text").to_string())
    }

    #[test]
    fn every_line_of_content_encoding_is_one_list_read_without_regard_to_case() {
        assert_eq!(codings(&["gzip"]).as_deref(), Some("gzip"));
        assert_eq!(codings(&["GZIP"]).as_deref(), Some("gzip"));
        assert_eq!(codings(&["x-gzip"]).as_deref(), Some("gzip"));
        assert_eq!(codings(&["Br"]).as_deref(), Some("br"));
        assert_eq!(codings(&["gzip", "gzip"]).as_deref(), Some("gzip, gzip"));
        assert_eq!(codings(&["identity", "gzip"]).as_deref(), Some("gzip"));
        assert_eq!(codings(&["identity"]), None);
        assert_eq!(codings(&[]), None);
    }

    #[tokio::test]
    async fn every_member_is_read_and_bytes_after_the_last_are_an_error() {
        let mut members = gzip(b"{\"query\":");
        members.extend(gzip(b"\"{ x }\"}"));
        assert_eq!(read(vec![Ok(members.into())]).await.expect("read"), &b"{\"query\":\"{ x }\"}"[..]);
        let mut trailing = gzip(b"{}");
        trailing.extend(b"garbage");
        assert!(read(vec![Ok(trailing.into())]).await.is_err());
    }

    #[tokio::test]
    async fn the_bodys_own_error_stays_in_the_chain_the_reader_sees() {
        let whole = gzip(b"{\"query\":\"{ x }\"}");
        let error = read(vec![Ok(Bytes::copy_from_slice(&whole[..12])), Err(Stalled)]).await.expect_err("stalled");
        let (mut next, mut found) = (Some(&error as &(dyn Error + 'static)), false);
        while let Some(error) = next {
            found |= error.is::<Stalled>();
            next =
                error.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()).map_or(error.source(), |e| Some(e));
        }
        assert!(found, "{error}");
    }
}
