//! Compression both ways: answers compressed as `Accept-Encoding` asks, request bodies read in
//! each coding, and a decompression bomb refused at the body limit.

use crate::frontend::{README_COMPARE, spawn_with_cors};
use crate::helpers::TestApp;
use serde_json::{Value, json};
use std::io::Write;

async fn compare_body(app: &TestApp, encoding: Option<&str>) -> (Option<String>, usize, Value) {
    // reqwest would decompress and drop `Content-Encoding`: read the bytes as sent.
    let client = reqwest::Client::builder().no_proxy().gzip(false).build().expect("client");
    let mut request = client.post(format!("{}/graphql", app.address)).json(&json!({"query": README_COMPARE}));
    if let Some(encoding) = encoding {
        request = request.header("Accept-Encoding", encoding);
    }
    let response = request.send().await.expect("compare");
    let content_encoding =
        response.headers().get("content-encoding").map(|v| v.to_str().unwrap_or_default().to_string());
    let bytes = response.bytes().await.expect("body");
    let json = match content_encoding.as_deref() {
        Some("gzip") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text).expect("gunzip");
            serde_json::from_str(&text).expect("JSON")
        }
        None => serde_json::from_slice(&bytes).expect("JSON"),
        Some(_) => Value::Null,
    };
    (content_encoding, bytes.len(), json)
}

#[tokio::test]
async fn responses_are_compressed_as_accept_encoding_asks() {
    let app = spawn_with_cors(|_| {}).await;
    let (none, plain_size, plain) = compare_body(&app, None).await;
    assert_eq!(none, None);
    assert!(!plain["data"]["compare"]["groups"].as_array().expect("groups").is_empty(), "{plain}");
    let (gzip, gzip_size, unzipped) = compare_body(&app, Some("gzip")).await;
    assert_eq!(gzip.as_deref(), Some("gzip"));
    assert_eq!(unzipped["data"], plain["data"], "the same answer, compressed");
    for (asked, expected) in [("br", "br"), ("zstd", "zstd"), ("gzip;q=0.5, br", "br")] {
        let (encoding, size, _) = compare_body(&app, Some(asked)).await;
        assert_eq!(encoding.as_deref(), Some(expected), "{asked}");
        assert!(size * 3 < plain_size, "{asked}: {size} of {plain_size} bytes");
    }
    assert!(gzip_size * 3 < plain_size, "gzip: {gzip_size} of {plain_size} bytes");
    println!("README compare answer: {plain_size} bytes plain, {gzip_size} bytes gzip");
}

pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// A request body coder.
type Compress = fn(&[u8]) -> Vec<u8>;

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 5, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli");
    out
}

/// HTTP's `deflate`: the zlib format (RFC 9110 §8.4.1.2).
fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("deflate");
    encoder.finish().expect("deflate")
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::bulk::compress(bytes, 3).expect("zstd")
}

#[tokio::test]
async fn a_compressed_request_body_is_read_and_a_bomb_is_refused_at_the_body_limit_in_each_coding() {
    let app = spawn_with_cors(|_| {}).await;
    let post = |body: Vec<u8>, coding: &'static str| {
        app.client
            .post(format!("{}/graphql", app.address))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", coding)
            .body(body)
            .send()
    };
    // 64 MiB of spaces inside a valid JSON string compress to about 64 KiB; the limit is 256 KiB.
    // Compressed before the first request: it takes seconds on a busy machine, and the server
    // closes a keep-alive connection idle for its header timeout (5 s), which the client would
    // then reuse for the bomb and see closed ("IncompleteMessage"), not refused.
    let mut bomb = br#"{"query": "{ marketplaces { id } }", "operationName": ""#.to_vec();
    bomb.extend(std::iter::repeat_n(b' ', 64 * 1024 * 1024));
    bomb.extend(br#""}"#);
    let codings: [(&str, Compress); 4] = [("gzip", gzip), ("deflate", deflate), ("br", brotli), ("zstd", zstd)];
    let bombs: Vec<Vec<u8>> = codings.iter().map(|(_, compress)| compress(&bomb)).collect();
    for ((coding, compress), compressed) in codings.iter().zip(bombs) {
        assert!(compressed.len() < 256 * 1024, "{coding}: {} bytes compressed", compressed.len());
        let small = compress(br#"{"query": "{ marketplaces { id } }"}"#);
        let answer: Value = post(small, coding).await.expect("compressed body").json().await.expect("JSON");
        assert_eq!(answer["data"]["marketplaces"].as_array().map(Vec::len), Some(5), "{coding}: {answer}");

        let refused = post(compressed, coding).await.expect("bomb answered");
        assert_eq!(refused.status(), 413, "{coding}");
        let body: Value = refused.json().await.expect("JSON");
        assert_eq!(body["errors"][0]["extensions"]["code"], "REQUEST_TOO_LARGE", "{coding}: {body}");
    }
}
