//! A gzip request body is read whole or refused (review34d D34-8): tower-http's decoder stopped
//! at the end of the first member and dropped whatever followed it.

use crate::frontend_encoding::gzip;
use crate::helpers::{TestApp, spawn_app};
use serde_json::Value;

const BODY: &[u8] = br#"{"query": "{ marketplaces { id } }"}"#;

async fn post(app: &TestApp, body: Vec<u8>) -> (u16, Value) {
    let url = format!("{}/graphql", app.address);
    let post = app.client.post(url).header("content-type", "application/json").header("content-encoding", "gzip");
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
