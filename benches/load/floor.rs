//! The `floor` phase: what the HTTP alone of an uncached search costs, with the crates Pasar uses.
//!
//! A relay (this bench binary again, as its own process) takes the same `POST /graphql`, reads
//! the keyword from its JSON body, asks each sandbox for a 10-offer page of it (the page Pasar
//! asks at `first: 20`, with the same method, parameters and credentials) over reqwest, all at
//! once, and answers with the first marketplace's body as it came. Nothing is parsed, normalised,
//! cached, resolved or compressed: its CPU per request is the part of an uncached search no
//! gateway built on axum, hyper and reqwest can go below on this machine, and the `uncached` line
//! minus this one is what Pasar itself adds.

use super::gateway::Gateway;
use axum::Router;
use axum::body::Bytes;
use axum::routing::post;
use pasar::sandbox::{RunningSandbox, SandboxOptions};
use std::sync::Arc;

/// Set (to `port;id=url,id=url…`) in the relay's environment: this process is the relay.
const FLOOR_ENV: &str = "LOAD_FLOOR_RELAY";

/// Starts the relay over `sandboxes` as a child process.
pub async fn start(sandboxes: &[RunningSandbox], options: &SandboxOptions) -> Gateway {
    let upstreams: Vec<String> = sandboxes.iter().map(|s| format!("{}={}", s.kind().id(), s.base_url())).collect();
    let binary = std::env::current_exe().expect("this bench's path");
    Gateway::start_with(&binary, options, |port, command| {
        command.env(FLOOR_ENV, format!("{port};{}", upstreams.join(",")));
    })
    .await
}

/// Serves as the relay, and never returns, when this process was started as one.
pub fn serve_if_asked() {
    let Ok(spec) = std::env::var(FLOOR_ENV) else { return };
    let (port, list) = spec.split_once(';').expect("port;upstreams");
    let upstreams: Vec<Upstream> = list
        .split(',')
        .map(|pair| {
            let (id, base) = pair.split_once('=').expect("id=url");
            Upstream { id: id.to_string(), base: base.to_string() }
        })
        .collect();
    // One single-threaded runtime, as each of Pasar's workers is (`server/workers.rs`); the
    // bench's load keeps it under one core.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let client = reqwest::Client::builder().no_proxy().build().expect("client");
        let relay = Arc::new(Relay { client, upstreams, credentials: SandboxOptions::default() });
        let app = Router::new().route("/graphql", post(search).get(|| async { "{}" })).with_state(relay);
        let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await.expect("relay port");
        axum::serve(listener, app).await.expect("relay");
    });
    std::process::exit(0);
}

struct Upstream {
    id: String,
    base: String,
}

struct Relay {
    client: reqwest::Client,
    upstreams: Vec<Upstream>,
    /// The sandboxes' token and key (the bench starts them with the defaults).
    credentials: SandboxOptions,
}

async fn search(axum::extract::State(relay): axum::extract::State<Arc<Relay>>, body: Bytes) -> Bytes {
    let request: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let keyword = request["variables"]["k"].as_str().unwrap_or("kertas");
    let calls = relay.upstreams.iter().map(|upstream| ask(&relay, upstream, keyword));
    let bodies = futures::future::join_all(calls).await;
    bodies.into_iter().next().unwrap_or_default()
}

/// One 10-offer first page, as the marketplace's adapter file asks for it.
async fn ask(relay: &Relay, upstream: &Upstream, keyword: &str) -> Bytes {
    let (client, options, base) = (&relay.client, &relay.credentials, &upstream.base);
    let call = match upstream.id.as_str() {
        "mbiz" => client
            .get(format!("{base}/api/v1/products"))
            .query(&[("q", keyword), ("page", "1"), ("per_page", "10")])
            .bearer_auth(&options.mbiz_token),
        "ekatalog" => client
            .get(format!("{base}/api/v6/produk"))
            .query(&[("keyword", keyword), ("offset", "0"), ("limit", "10")])
            .header("X-Api-Key", &options.ekatalog_key),
        "jatim-bejo" => client
            .post(format!("{base}/api/v1/produk/cari"))
            .json(&serde_json::json!({ "kata_kunci": keyword, "halaman": 1, "jumlah": 10 })),
        "padi-umkm" => client.get(format!("{base}/v1/catalog/search")).query(&[("query", keyword), ("limit", "10")]),
        "bela" => client
            .post(format!("{base}/api/v2/catalog/search"))
            .json(&serde_json::json!({ "keyword": keyword, "limit": 10, "cursor": "" })),
        other => panic!("no floor request for marketplace `{other}`"),
    };
    let response = call.send().await.expect("sandbox answers");
    assert!(response.status().is_success(), "{}: {}", upstream.id, response.status());
    response.bytes().await.expect("sandbox body")
}
