//! `spawn_app`: sandboxes plus a gateway on free ports, and a GraphQL client for them.

use pasar::sandbox::{self, RunningSandbox, SandboxOptions};
use pasar::{Application, Config};
use pasar::{Env, Override};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, Once, PoisonError};
use std::thread::ThreadId;
use std::time::Duration;

/// Products per sandbox marketplace in tests: enough for paging, quick to generate.
pub const TEST_PRODUCTS: usize = 2_000;
/// Deadline given to every marketplace in tests: one a loaded 2-core CI machine never misses, so a
/// test's marketplaces answer OK unless the test breaks them. A test about the deadline itself
/// sets a shorter one for the marketplace it slows (see `deadlines` and tests/api/faults.rs).
pub const TEST_TIMEOUT: Duration = Duration::from_secs(10);

static SETUP: Once = Once::new();

/// Panics seen so far, per thread. A panic in a request handler only drops that connection, so
/// no response can show it; but a current-thread `#[tokio::test]` runs the gateway it spawns on
/// its own thread, so a panic on that thread after the spawn is the gateway's (or the test's).
static PANICS: Mutex<Option<HashMap<ThreadId, usize>>> = Mutex::new(None);

fn count_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let mut panics = PANICS.lock().unwrap_or_else(PoisonError::into_inner);
        *panics.get_or_insert_with(HashMap::new).entry(std::thread::current().id()).or_default() += 1;
        drop(panics);
        previous(info);
    }));
}

/// Panics so far on the calling thread.
fn panics_on_this_thread() -> usize {
    let panics = PANICS.lock().unwrap_or_else(PoisonError::into_inner);
    panics.as_ref().and_then(|p| p.get(&std::thread::current().id()).copied()).unwrap_or(0)
}

/// A running gateway over running sandboxes.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub sandboxes: Vec<RunningSandbox>,
    /// Panics on the spawning thread before the gateway started.
    panics_at_spawn: usize,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

/// Knobs of a test gateway.
pub struct TestOptions {
    pub timeout: Duration,
    /// Deadlines of their own for some marketplaces (id, deadline); the others get `timeout`.
    pub deadlines: Vec<(&'static str, Duration)>,
    pub cache_ttl: Duration,
    pub rate_per_second: u32,
    pub rate_burst: u32,
    pub admin_token: Option<String>,
    /// Extra environment for the gateway (secrets), e.g. a canary key.
    pub env: Vec<(String, String)>,
    /// Memory budget of the result cache.
    pub cache_budget_mb: u64,
    /// Calls in flight per marketplace (the gateway's default when `None`).
    pub concurrency: Option<usize>,
    /// Last changes to the gateway's configuration (CORS, persisted queries, …).
    pub configure: Arc<dyn Fn(&mut Config) + Send + Sync>,
    /// Products in the sandboxes' catalogue: [`TEST_PRODUCTS`], or [`DEMO_PRODUCTS`] for walks
    /// that must reach the depth the gateway pages to.
    pub products: usize,
}

impl Default for TestOptions {
    fn default() -> Self {
        Self {
            timeout: TEST_TIMEOUT,
            deadlines: Vec::new(),
            cache_ttl: Duration::from_secs(60),
            rate_per_second: 10_000,
            rate_burst: 10_000,
            admin_token: None,
            env: Vec::new(),
            cache_budget_mb: 256,
            concurrency: None,
            configure: Arc::new(|_| {}),
            products: TEST_PRODUCTS,
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(TestOptions::default()).await
}

pub async fn spawn_app_with(options: TestOptions) -> TestApp {
    SETUP.call_once(|| {
        count_panics();
        if std::env::var_os("TEST_LOG").is_some() {
            tracing_subscriber::fmt().with_env_filter("info").with_test_writer().init();
        }
    });
    let sandbox_options = SandboxOptions { products: options.products, ..SandboxOptions::default() };
    let catalogue = if options.products == DEMO_PRODUCTS { demo_catalogue() } else { catalogue() };
    let mut sandboxes = Vec::new();
    for kind in sandbox::MarketplaceKind::all() {
        let addr = "127.0.0.1:0".parse().expect("loopback address");
        sandboxes.push(sandbox::spawn(*kind, catalogue.clone(), &sandbox_options, addr).await.expect("sandbox starts"));
    }
    let overrides: BTreeMap<String, Override> = sandboxes
        .iter()
        .map(|s| {
            let id = s.kind().id();
            let deadline = options.deadlines.iter().find(|(of, _)| *of == id).map_or(options.timeout, |(_, d)| *d);
            let o = Override {
                base_url: Some(s.base_url()),
                timeout: Some(deadline),
                cache_ttl: Some(options.cache_ttl),
                concurrency: options.concurrency,
            };
            (s.kind().id().to_string(), o)
        })
        .collect();
    let config = Config {
        listen: "127.0.0.1:0".parse().expect("loopback address"),
        adapters_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/adapters").into(),
        marketplaces: overrides,
        egress: pasar::config::Egress { allow_private: true },
        ..Config::default()
    };
    let mut config = config;
    config.limits.rate = pasar::config::RateLimit { per_second: options.rate_per_second, burst: options.rate_burst };
    config.cache.budget_mb = options.cache_budget_mb;
    // Every test client is 127.0.0.1, and some open hundreds of connections at once.
    config.http.max_connections_per_client = 2_000;
    (options.configure)(&mut config);
    let mut env = Env::isolated()
        .with(pasar::demo::MBIZ_TOKEN_ENV, sandbox_options.mbiz_token.clone())
        .with(pasar::demo::EKATALOG_KEY_ENV, sandbox_options.ekatalog_key.clone());
    if let Some(token) = &options.admin_token {
        env = env.with(pasar::ADMIN_TOKEN_ENV, token.clone());
    }
    for (name, value) in &options.env {
        env = env.with(name.clone(), value.clone());
    }
    let app = Application::build(&config, env).await.expect("gateway builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = rx.await;
    }));
    let client = reqwest::Client::builder().no_proxy().build().expect("client builds");
    TestApp { address, client, sandboxes, panics_at_spawn: panics_on_this_thread(), shutdown: Some(tx) }
}

/// A gateway whose `marketplace` is served by `stub` (answers the sandbox never sends), the
/// others by their sandboxes.
pub async fn spawn_app_with_stub(marketplace: &'static str, stub: axum::Router) -> TestApp {
    spawn_app_with_stub_in(marketplace, stub, None).await
}

/// As [`spawn_app_with_stub`], reading its adapter files from `adapters` when given.
pub async fn spawn_app_with_stub_in(
    marketplace: &'static str,
    stub: axum::Router,
    adapters: Option<std::path::PathBuf>,
) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, stub).await });
    let options = TestOptions {
        configure: Arc::new(move |config| {
            if let Some(dir) = &adapters {
                config.adapters_dir.clone_from(dir);
            }
            config.marketplaces.get_mut(marketplace).expect("the marketplace is configured").base_url =
                Some(url.clone());
        }),
        ..TestOptions::default()
    };
    spawn_app_with(options).await
}

/// One listing as Mbiz's search answers it (PPN 11 % included): `{prefix}-{i}`, sold by `uom`.
pub fn mbiz_listing(prefix: &str, i: usize, title: &str, price: u32, uom: &str) -> Value {
    json!({
        "id": format!("{prefix}-{i}"), "name": title, "price": format!("Rp{price}"), "uom": uom, "stock": 10,
        "vat_rate": 11, "url": format!("https://mbiz.example/p/{i}"),
        "seller": { "id": format!("S-{i}"), "name": "PT Uji", "city": "Kota Malang" },
    })
}

/// Mbiz's search answer holding `listings`, all of its matches.
pub fn mbiz_answer(listings: Vec<Value>) -> axum::Json<Value> {
    let total = listings.len();
    axum::Json(json!({ "data": listings, "meta": { "total": total } }))
}

/// A gateway whose Mbiz search is answered by `products`, a stub's handler.
pub async fn spawn_app_with_mbiz<H, T>(products: H) -> TestApp
where
    H: axum::handler::Handler<T, ()>,
    T: 'static,
{
    spawn_app_with_stub("mbiz", axum::Router::new().route("/api/v1/products", axum::routing::get(products))).await
}

/// The one group `compare` (the GraphQL `query`) gives for the search `q`.
pub async fn only_group(app: &TestApp, query: &str, q: &str) -> Value {
    let response = app.graphql(query, json!({ "q": q })).await;
    let groups = response["data"]["compare"]["groups"].as_array().unwrap_or_else(|| panic!("{response}"));
    assert_eq!(groups.len(), 1, "{response}");
    groups[0].clone()
}

/// One catalogue for every test in the binary: generating it is the slowest part of a spawn.
/// The embedded demo's catalogue size: some queries match more than the 1000 offers a walk reads
/// of each marketplace.
pub const DEMO_PRODUCTS: usize = 10_000;

fn demo_catalogue() -> Arc<sandbox::Catalogue> {
    static CATALOGUE: std::sync::OnceLock<Arc<sandbox::Catalogue>> = std::sync::OnceLock::new();
    CATALOGUE
        .get_or_init(|| Arc::new(sandbox::Catalogue::generate(DEMO_PRODUCTS, SandboxOptions::default().seed)))
        .clone()
}

pub fn catalogue() -> Arc<sandbox::Catalogue> {
    static CATALOGUE: std::sync::OnceLock<Arc<sandbox::Catalogue>> = std::sync::OnceLock::new();
    CATALOGUE
        .get_or_init(|| Arc::new(sandbox::Catalogue::generate(TEST_PRODUCTS, SandboxOptions::default().seed)))
        .clone()
}

impl TestApp {
    /// POSTs a GraphQL request and returns the whole JSON response; asserts HTTP 200.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let response = self
            .client
            .post(format!("{}/graphql", self.address))
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("gateway answers");
        assert_eq!(response.status(), 200, "GraphQL responses are HTTP 200 even with errors");
        response.json().await.expect("gateway answers JSON")
    }

    /// Asserts the gateway is alive and serving after whatever a test threw at it, and that
    /// nothing panicked on this thread since the spawn. Only a current-thread test runs the
    /// gateway on its own thread; in a multi-thread test the second check sees only the test.
    pub async fn assert_serving(&self) {
        let health = self.client.get(format!("{}/healthz", self.address)).send().await.expect("the gateway is alive");
        assert_eq!(health.status(), 200, "the gateway is serving");
        assert_eq!(panics_on_this_thread(), self.panics_at_spawn, "a panic on the gateway's thread");
    }

    /// Starts the gateway's graceful shutdown (as SIGTERM would).
    pub fn shut_down(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }

    /// The sandbox of one marketplace.
    pub fn sandbox(&self, id: &str) -> &RunningSandbox {
        self.sandboxes.iter().find(|s| s.kind().id() == id).expect("sandbox exists")
    }

    /// Stops one sandbox so its port refuses connections.
    pub async fn stop_sandbox(&mut self, id: &str) {
        let index = self.sandboxes.iter().position(|s| s.kind().id() == id).expect("sandbox exists");
        self.sandboxes.remove(index).stop().await;
    }
}

/// The search query most tests use, with everything a check may look at.
pub const SEARCH: &str = r#"
query Search($query: String!, $first: Int, $after: String, $filter: OfferFilter, $sort: OfferSort, $noCache: Boolean) {
  search(query: $query, first: $first, after: $after, filter: $filter, sort: $sort, noCache: $noCache) {
    complete
    sources { marketplace { id } status cache latencyMs offerCount ageSeconds message }
    offers {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id sourceId title url
        marketplace { id }
        price { amount currency includesVat vatRate amountExcludingVat amountIncludingVat formatted raw }
        vendor { id name legalForm npwp scale umk }
        tkdn bbi stock
        issues { field code message }
      } }
    }
  }
}"#;

/// The source report of one marketplace in a search response.
pub fn source<'a>(response: &'a Value, id: &str) -> &'a Value {
    response["data"]["search"]["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["marketplace"]["id"] == id)
        .unwrap_or_else(|| panic!("no source report for {id}: {response}"))
}

/// The offers of a search response.
pub fn offers(response: &Value) -> Vec<&Value> {
    response["data"]["search"]["offers"]["edges"].as_array().expect("edges").iter().map(|e| &e["node"]).collect()
}

/// The GraphQL errors naming a marketplace.
pub fn errors_for<'a>(response: &'a Value, id: &str) -> Vec<&'a Value> {
    response["errors"]
        .as_array()
        .map(|e| e.iter().filter(|e| e["extensions"]["marketplace"] == id).collect())
        .unwrap_or_default()
}
