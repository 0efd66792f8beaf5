//! A gzip request body is read whole or refused (review34d D34-8): tower-http's decoder stopped
//! at the end of the first member and dropped whatever followed it.

use crate::frontend_encoding::gzip;
use crate::helpers::{TestApp, spawn_app};
use serde_json::Value;

const BODY: &[u8] = br#"{"query": "{ marketplaces { id } }"}"#;

async fn post(app: &TestApp, body: Vec<u8>) -> (u16, Value) {
    post_coded(app, &["gzip"], body).await
}

/// `body` sent with one `Content-Encoding` line per coding in `lines`.
async fn post_coded(app: &TestApp, lines: &[&str], body: Vec<u8>) -> (u16, Value) {
    let url = format!("{}/graphql", app.address);
    let mut post = app.client.post(url).header("content-type", "application/json");
    for line in lines {
        post = post.header("content-encoding", *line);
    }
    let response = post.body(body).send().await.expect("answered");
    (response.status().as_u16(), response.json().await.unwrap_or_default())
}

#[tokio::test]
async fn a_gzip_body_followed_by_bytes_that_are_no_gzip_member_is_refused_as_a_truncated_one_is() {
    let app = spawn_app().await;
    let whole = gzip(BODY);
    let (status, truncated) = post(&app, whole[..whole.len() - 4].to_vec()).await;
    assert_eq!(status, 400, "{truncated}");
    let code = &truncated["errors"][0]["extensions"]["code"];
    assert_eq!(code, "BAD_REQUEST", "{truncated}");
    let mut trailing = whole.clone();
    trailing.extend_from_slice(b"garbage");
    let (status, answer) = post(&app, trailing).await;
    assert_eq!((status, &answer["errors"][0]["extensions"]["code"]), (400, code), "{answer}");
    let (status, answer) = post(&app, whole).await;
    assert_eq!(status, 200, "the same body without its tail is read: {answer}");
}

/// RFC 1952 §2.2: a gzip file is a series of members; `gunzip` reads them all, so Pasar does too.
#[tokio::test]
async fn concatenated_gzip_members_are_read_as_one_body() {
    let app = spawn_app().await;
    let (head, tail) = BODY.split_at(BODY.len() / 2);
    let mut members = gzip(head);
    members.extend(gzip(tail));
    let (status, answer) = post(&app, members).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["data"]["marketplaces"].as_array().map(Vec::len), Some(5), "{answer}");
}

/// RFC 9110 §5.3 and §8.4.1 (review38h R38h-4): only the first line was read, and `GZIP` and
/// `x-gzip` were refused.
#[tokio::test]
async fn content_encoding_is_read_from_every_line_whatever_its_case_and_x_gzip_is_gzip() {
    let app = spawn_app().await;
    for lines in [&["GZIP"][..], &["x-gzip"], &["identity", "gzip"]] {
        let (status, answer) = post_coded(&app, lines, gzip(BODY)).await;
        assert_eq!(status, 200, "{lines:?}: {answer}");
        assert_eq!(answer["data"]["marketplaces"].as_array().map(Vec::len), Some(5), "{lines:?}: {answer}");
    }
    // Two lines are the one list `gzip, gzip`, refused as it is on one line.
    for lines in [&["gzip", "gzip"][..], &["gzip, gzip"]] {
        let (status, answer) = post_coded(&app, lines, gzip(&gzip(BODY))).await;
        assert_eq!(status, 415, "{lines:?}: {answer}");
        assert_eq!(answer["errors"][0]["extensions"]["code"], "UNSUPPORTED_CONTENT_ENCODING", "{lines:?}: {answer}");
    }
}
