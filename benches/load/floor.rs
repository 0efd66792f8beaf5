//! The `floor` phase: what the HTTP alone of an uncached search costs, with the crates Pasar uses.
//!
//! A relay (this bench binary again, as its own process) takes the same `POST /graphql`, reads
//! the keyword from its JSON body, asks each sandbox for a 10-offer page of it (the page Pasar
//! asks at `first: 20`, with the same method, parameters and credentials) over reqwest, all at
//! once, and answers with the first marketplace's body as it came. Nothing is parsed, normalised,
//! cached, resolved or compressed: its CPU per request is the part of an uncached search no
//! gateway built on axum, hyper and reqwest can go below on this machine, and the `uncached` line
//! minus this one is what Pasar itself adds.
//!
//! The `floor-clients` phase runs two such relays side by side, [a] on reqwest and [b] on
//! hyper-util's own pooled client with the same requests: what reqwest's layers (URL parsing,
//! redirect and retry policies, decompression) cost per search over the bare HTTP/1 client.

use super::gateway::Gateway;
use axum::Router;
use axum::body::Bytes;
use axum::http::Request;
use axum::routing::post;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use pasar::sandbox::{RunningSandbox, SandboxOptions};
use reqwest::header::CONTENT_TYPE;
use std::sync::Arc;

/// Set (to `port;client;id=url,id=url…`) in the relay's environment: this process is the relay.
const FLOOR_ENV: &str = "LOAD_FLOOR_RELAY";

/// The HTTP client a relay calls the sandboxes with.
#[derive(Clone, Copy)]
pub enum ClientKind {
    Reqwest,
    Hyper,
}

/// Starts the relay over `sandboxes` as a child process.
pub async fn start(sandboxes: &[RunningSandbox], options: &SandboxOptions, kind: ClientKind) -> Gateway {
    let upstreams: Vec<String> = sandboxes.iter().map(|s| format!("{}={}", s.kind().id(), s.base_url())).collect();
    let binary = std::env::current_exe().expect("this bench's path");
    let kind = match kind {
        ClientKind::Reqwest => "reqwest",
        ClientKind::Hyper => "hyper",
    };
    Gateway::start_with(&binary, options, |port, command| {
        command.env(FLOOR_ENV, format!("{port};{kind};{}", upstreams.join(",")));
    })
    .await
}

/// Serves as the relay, and never returns, when this process was started as one.
pub fn serve_if_asked() {
    let Ok(spec) = std::env::var(FLOOR_ENV) else { return };
    let (port, rest) = spec.split_once(';').expect("port;client;upstreams");
    let (kind, list) = rest.split_once(';').expect("client;upstreams");
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
        let client = match kind {
            "hyper" => {
                Client::Hyper(Box::new(hyper_util::client::legacy::Client::builder(TokioExecutor::new()).build_http()))
            }
            _ => Client::Reqwest(reqwest::Client::builder().no_proxy().build().expect("client")),
        };
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

type HyperClient = hyper_util::client::legacy::Client<HttpConnector, Full<Bytes>>;

enum Client {
    Reqwest(reqwest::Client),
    // Boxed: hyper-util's client is several times the size of reqwest's handle.
    Hyper(Box<HyperClient>),
}

struct Relay {
    client: Client,
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

/// One 10-offer first page of a marketplace, as its adapter file asks for it, for either client
/// to send.
struct Page<'a> {
    path: &'static str,
    query: Vec<(&'static str, &'a str)>,
    /// A header the marketplace requires (its credentials), name and value.
    header: Option<(&'static str, String)>,
    /// A JSON body: the request is then a POST.
    json: Option<serde_json::Value>,
}

impl<'a> Page<'a> {
    fn of(upstream: &Upstream, options: &SandboxOptions, keyword: &'a str) -> Self {
        let get = |path, query, header| Page { path, query, header, json: None };
        let post = |path, json| Page { path, query: Vec::new(), header: None, json: Some(json) };
        match upstream.id.as_str() {
            "mbiz" => get(
                "/api/v1/products",
                vec![("q", keyword), ("page", "1"), ("per_page", "10")],
                Some(("authorization", format!("Bearer {}", options.mbiz_token))),
            ),
            "ekatalog" => get(
                "/api/v6/produk",
                vec![("keyword", keyword), ("offset", "0"), ("limit", "10")],
                Some(("x-api-key", options.ekatalog_key.clone())),
            ),
            "jatim-bejo" => {
                post("/api/v1/produk/cari", serde_json::json!({ "kata_kunci": keyword, "halaman": 1, "jumlah": 10 }))
            }
            "padi-umkm" => get("/v1/catalog/search", vec![("query", keyword), ("limit", "10")], None),
            "bela" => {
                post("/api/v2/catalog/search", serde_json::json!({ "keyword": keyword, "limit": 10, "cursor": "" }))
            }
            other => panic!("no floor request for marketplace `{other}`"),
        }
    }
}

/// One 10-offer first page, as the marketplace's adapter file asks for it.
async fn ask(relay: &Relay, upstream: &Upstream, keyword: &str) -> Bytes {
    let page = Page::of(upstream, &relay.credentials, keyword);
    let url = format!("{}{}", upstream.base, page.path);
    match &relay.client {
        Client::Reqwest(client) => ask_reqwest(client, url, page).await,
        Client::Hyper(client) => ask_hyper(client, url, page).await,
    }
}

/// Built as Pasar builds its calls (the query serialised by reqwest).
async fn ask_reqwest(client: &reqwest::Client, url: String, page: Page<'_>) -> Bytes {
    let mut call = match &page.json {
        Some(json) => client.post(url).json(json),
        None => client.get(url).query(&page.query),
    };
    if let Some((name, value)) = page.header {
        call = call.header(name, value);
    }
    let response = call.send().await.expect("sandbox answers");
    assert!(response.status().is_success(), "{}: {}", page.path, response.status());
    response.bytes().await.expect("sandbox body")
}

/// The same page over hyper-util's client: the query and body written by hand, as a gateway on
/// the bare client would from its adapter's templates.
async fn ask_hyper(client: &HyperClient, url: String, page: Page<'_>) -> Bytes {
    let (builder, body) = match &page.json {
        Some(json) => {
            let bytes = Bytes::from(serde_json::to_vec(json).expect("json"));
            (Request::post(url).header(CONTENT_TYPE, "application/json"), bytes)
        }
        None => {
            let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(&page.query).finish();
            (Request::get(format!("{url}?{query}")), Bytes::new())
        }
    };
    let builder = match page.header {
        Some((name, value)) => builder.header(name, value),
        None => builder,
    };
    let request = builder.body(Full::new(body)).expect("request");
    let response = client.request(request).await.expect("sandbox answers");
    assert!(response.status().is_success(), "{}: {}", page.path, response.status());
    response.into_body().collect().await.expect("sandbox body").to_bytes()
}
