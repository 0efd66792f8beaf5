//! Building and running the application: adapters → search service → schema → HTTP router.
//!
//! `Application::build` binds its listener before returning, so `listen = 127.0.0.1:0` works and
//! tests read the real port from [`Application::port`].

use crate::cache::ResultCache;
use crate::config::{ADMIN_TOKEN_ENV, Config, HttpConfig};
use crate::graphql::http::Endpoint;
use crate::graphql::persisted::PersistedQueries;
use crate::graphql::ratelimit::ClientLimiter;
use crate::graphql::{AdminToken, build_schema, graphiql};
use crate::marketplace::Env;
use crate::marketplace::egress::PublicOnlyResolver;
use crate::marketplace::registry::{self, LoadOptions};
use crate::marketplace::validate::Problem;
use crate::search::SearchService;
use async_graphql_axum::GraphQLSubscription;
use axum::Json;
use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::response::IntoResponse;
use axum::response::Response;
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::decompression::RequestDecompressionLayer;

/// Why the gateway could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// One or more adapter files are invalid or miss a secret.
    #[error("invalid adapter configuration:\n{}", .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Adapters(Vec<Problem>),
    /// The HTTP client could not be built.
    #[error("could not build the HTTP client: {0}")]
    Client(String),
    /// The `[http]` settings are unusable (a CORS origin, the persisted-query manifest).
    #[error("{0}")]
    Http(String),
    /// The listen address could not be bound.
    #[error("could not listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
}

/// Shared state of the HTTP handlers.
#[derive(Clone)]
pub struct AppState {
    /// The GraphQL endpoint: schema, request limits, persisted documents.
    pub endpoint: Endpoint,
    /// The search service behind it.
    pub service: SearchService,
    /// Per-client request budgets.
    pub clients: ClientLimiter,
    /// Cross-origin access for browsers; `None` when no origin is allowed.
    pub cors: Option<CorsLayer>,
}

/// A built gateway, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    http: HttpConfig,
}

impl Application {
    /// Loads adapters, builds the service and binds the listener; refuses invalid adapters.
    pub async fn build(config: &Config, env: Env) -> Result<Self, StartupError> {
        let client = upstream_client(config.egress.allow_private).map_err(|e| StartupError::Client(e.to_string()))?;
        let options = LoadOptions {
            env: env.clone(),
            defaults: config.defaults.settings(),
            overrides: config.overrides(),
            allow_private: config.egress.allow_private,
        };
        let source = if config.bundled_adapters {
            registry::Source::Bundled
        } else {
            registry::Source::Dir(&config.adapters_dir)
        };
        let registry = registry::load(source, &options, &client).map_err(StartupError::Adapters)?;
        let budget = config.cache.budget_mb.saturating_mul(1024 * 1024);
        // Offers for `offer(id)` get a quarter of the budget on top of the result cache.
        let service = SearchService::new(Arc::new(registry), ResultCache::in_memory(budget), budget / 4);
        let admin = AdminToken(env.get(ADMIN_TOKEN_ENV));
        let schema = build_schema(service.clone(), admin, &config.limits);
        let clients = ClientLimiter::new(&config.limits.rate);
        let http = &config.http;
        let persisted = PersistedQueries::new(
            http.persisted_queries_cached,
            http.persisted_manifest.as_deref(),
            http.persisted_only,
        )
        .map_err(|e| StartupError::Http(e.to_string()))?;
        let endpoint = Endpoint { schema, limits: Arc::new(config.limits.clone()), persisted };
        let cors = cors_layer(http)?;
        let state = AppState { endpoint, service, clients, cors };
        let listener = TcpListener::bind(config.listen)
            .await
            .map_err(|source| StartupError::Bind { addr: config.listen, source })?;
        Ok(Self { listener, state, http: config.http.clone() })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    /// How many marketplaces are registered (enabled or not).
    pub fn marketplace_count(&self) -> usize {
        self.state.service.registry().entries().len()
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let clients = self.state.clients.clone();
        let sweeper = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                clients.forget_idle();
            }
        });
        let served = crate::server::serve(self.listener, router(self.state), &self.http, shutdown).await;
        sweeper.abort();
        served
    }
}

/// The HTTP routes; separate from `Application` so handlers can be driven in-process.
///
/// Layers, outermost first: CORS (a preflight is answered before anything else runs), response
/// compression (gzip, br or zstd as `Accept-Encoding` asks), request decompression (the
/// decompressed body still counts against `max_body_bytes` while `/graphql` reads it).
pub fn router(state: AppState) -> Router {
    let cors = state.cors.clone();
    let subscriptions = GraphQLSubscription::new(state.endpoint.schema.clone());
    let router = Router::new()
        .route("/graphql", get(graphql).post(graphql))
        .route_service("/graphql/ws", subscriptions)
        .route("/graphiql", get(|| async { graphiql::page() }))
        .route(&format!("{}/{{name}}", graphiql::ASSETS_PATH), get(graphiql::asset))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .merge(crate::web::router(state.service.clone()))
        .with_state(state)
        .layer(RequestDecompressionLayer::new())
        .layer(CompressionLayer::new().compress_when(worth_compressing()));
    match cors {
        // A preflight from an origin not listed still gets `Allow-Methods` and the like from
        // tower-http; drop them so such origins see no CORS headers at all.
        Some(cors) => router.layer(cors).layer(axum::middleware::map_response(only_for_allowed_origins)),
        None => router,
    }
}

/// Bodies over 1 KiB, except images and event streams. Small answers, refusals among them, keep
/// their `Content-Length`: a 413 sent while the client is still uploading must arrive whole
/// before the connection closes, which a chunked, compressed body does not always manage.
fn worth_compressing() -> impl Predicate {
    SizeAbove::new(1024).and(NotForContentType::IMAGES).and(NotForContentType::SSE).and(NotForContentType::GRPC)
}

/// CORS for the origins `[http] cors_origins` lists (`"*"`: any), or none.
fn cors_layer(http: &HttpConfig) -> Result<Option<CorsLayer>, StartupError> {
    if http.cors_origins.is_empty() {
        return Ok(None);
    }
    let any = http.cors_origins.iter().any(|o| o == "*");
    if any && http.cors_allow_credentials {
        return Err(StartupError::Http(
            "[http] cors_origins = [\"*\"] cannot be combined with cors_allow_credentials = true".into(),
        ));
    }
    let origin = if any {
        AllowOrigin::any()
    } else {
        let origins = http
            .cors_origins
            .iter()
            .map(|o| {
                let valid = url::Url::parse(o).is_ok_and(|u| u.origin().ascii_serialization() == *o);
                let value = HeaderValue::from_str(o).ok().filter(|_| valid);
                value.ok_or_else(|| {
                    StartupError::Http(format!(
                        "[http] cors_origins: `{o}` is not an origin (scheme://host[:port], no path or trailing slash)"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        AllowOrigin::list(origins)
    };
    let headers = [
        header::CONTENT_TYPE,
        header::ACCEPT,
        header::AUTHORIZATION,
        header::HeaderName::from_static(crate::graphql::ratelimit::API_KEY_HEADER),
        header::HeaderName::from_static("apollographql-client-name"),
        header::HeaderName::from_static("apollographql-client-version"),
    ];
    Ok(Some(
        CorsLayer::new()
            .allow_origin(origin)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers(headers)
            .expose_headers([header::RETRY_AFTER])
            .allow_credentials(http.cors_allow_credentials)
            .max_age(http.cors_max_age),
    ))
}

async fn only_for_allowed_origins(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
        let cors: Vec<header::HeaderName> =
            headers.keys().filter(|name| name.as_str().starts_with("access-control-")).cloned().collect();
        for name in cors {
            headers.remove(name);
        }
    }
    response
}

async fn graphql(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    if parts.method == Method::GET && crate::graphql::http::wants_graphiql(&parts.headers) {
        return graphiql::page();
    }
    // Present when served by `Application`; absent when the router is driven in-process.
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip());
    if let Err(refused) = state.clients.check(&parts.headers, peer) {
        return refused.into_response();
    }
    crate::graphql::http::handle(&state.endpoint, &parts, body).await
}

/// Ready once adapters are loaded, which `Application::build` guarantees before serving.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let marketplaces: Vec<&str> =
        state.service.registry().entries().iter().map(|e| e.marketplace.id().as_str()).collect();
    Json(serde_json::json!({ "status": "ready", "marketplaces": marketplaces }))
}

/// The one HTTP client for all marketplaces: proxies from the environment are ignored (the
/// gateway decides where it connects), redirects are not followed, connecting is bounded, and
/// unless allowed, names resolving to internal addresses are refused at connect time.
fn upstream_client(allow_private: bool) -> reqwest::Result<reqwest::Client> {
    let builder = reqwest::Client::builder();
    let builder = if allow_private { builder } else { builder.dns_resolver(Arc::new(PublicOnlyResolver)) };
    builder
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(2))
        .pool_idle_timeout(Duration::from_secs(30))
        .user_agent(concat!("pasar/", env!("CARGO_PKG_VERSION")))
        .build()
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
}
