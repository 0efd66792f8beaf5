//! `[transactions.pagination] max_page_size` is what a ledger page is asked at: a marketplace
//! refusing pages above its documented cap must still be read (review37s R37s-5).

use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use crate::ledger_gaps::order;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The cap Mbiz's ledger declares here, and refuses pages above.
const CAP: usize = 7;
/// Kota Kediri's orders in 2023.
const ORDERS: usize = 20;

/// `GET /api/v1/orders`: 400 above [`CAP`] a page, as a strict API does; each size asked noted.
fn strict(asked: Arc<Mutex<Vec<usize>>>) -> axum::Router {
    let orders = move |Query(ask): Query<HashMap<String, String>>| async move {
        let number = |k: &str| ask.get(k).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1);
        let (page, size) = (number("page"), number("per_page"));
        asked.lock().expect("asked").push(size);
        if size > CAP {
            return (StatusCode::BAD_REQUEST, axum::Json(json!({ "error": "per_page above 7" }))).into_response();
        }
        let all = if ask.get("from").is_some_and(|f| f.starts_with("2023")) { ORDERS } else { 0 };
        let start = ((page - 1) * size).min(all);
        let data: Vec<_> = (start..(start + size).min(all)).map(|i| order(i, "35.71", "COMPLETED")).collect();
        let answer: Response = axum::Json(json!({ "data": data, "meta": { "total": all } })).into_response();
        answer
    };
    axum::Router::new().route("/api/v1/orders", axum::routing::get(orders))
}

/// A gateway over the bundled adapters, Mbiz's ledger declaring `max_page_size = 7`, its calls
/// going to `stub`.
async fn gateway(stub: axum::Router, adapters: &std::path::Path) -> TestApp {
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
    for file in std::fs::read_dir(&bundled).expect("adapters").flatten() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            std::fs::copy(file.path(), adapters.join(file.file_name())).expect("copy");
        }
    }
    let mbiz = std::fs::read_to_string(bundled.join("mbiz.toml")).expect("mbiz.toml");
    let capped = mbiz.replace(
        "[transactions.pagination]\nkind = \"page\"\nmax_page_size = 100",
        "[transactions.pagination]\nkind = \"page\"\nmax_page_size = 7",
    );
    assert_ne!(mbiz, capped, "the ledger's pagination is where the test expects it");
    std::fs::write(adapters.join("mbiz.toml"), capped).expect("write");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, stub).await });
    let dir = adapters.to_path_buf();
    let configure = Arc::new(move |config: &mut pasar::Config| {
        config.adapters_dir = dir.clone();
        config.marketplaces.get_mut("mbiz").expect("mbiz").base_url = Some(url.clone());
    });
    spawn_app_with(TestOptions { configure, ..TestOptions::default() }).await
}

#[tokio::test]
async fn a_ledger_is_asked_at_the_page_size_its_adapter_file_declares() {
    let asked = Arc::default();
    let adapters = tempfile::tempdir().expect("dir");
    let app = gateway(strict(Arc::clone(&asked)), adapters.path()).await;
    let query = r#"{ spending(buyer: "35.71", year: 2023, marketplaces: ["mbiz"]) {
        complete transactionCount sources { status message } } }"#;
    let body = app.graphql(query, json!({})).await;
    let s = &body["data"]["spending"];
    assert_eq!((&s["complete"], &s["transactionCount"]), (&json!(true), &json!(ORDERS)), "{body}");
    let asked = asked.lock().expect("asked").clone();
    assert!(asked.iter().all(|size| *size == CAP), "every page asked at 7: {asked:?}");
    let (valid, printed) = crate::check::pasar_check_with(&[adapters.path().as_os_str()], &[]);
    assert!(valid, "pasar check takes the ledger's own page size: {printed}");
}
