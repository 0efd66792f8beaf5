//! Building and running the application: adapters → search service → schema → HTTP router.
//!
//! `Application::build` binds its listener before returning, so `listen = 127.0.0.1:0` works and
//! tests read the real port from [`Application::port`].

use crate::cache::{MemoryStore, RedisLevel, ResultCache, TieredStore};
use crate::config::{ADMIN_TOKEN_ENV, Config, HttpConfig, METRICS_TOKEN_ENV};
use crate::graphql::admission::Admission;
use crate::graphql::clients::Clients;
use crate::graphql::http::Endpoint;
use crate::graphql::origin::Origins;
use crate::graphql::persisted::PersistedQueries;
use crate::graphql::ws::{OpenSockets, SocketPolicy, Sockets};
use crate::graphql::{AdminToken, build_schema, follow_purges_elsewhere};
use crate::marketplace::Env;
use crate::marketplace::registry::{self, LoadOptions};
use crate::marketplace::upstream::Upstream;
use crate::marketplace::validate::Problem;
use crate::search::SearchService;
use crate::server::workers::{self, Workers};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::cors::CorsLayer;

/// Why the gateway could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// One or more adapter files are invalid or miss a secret.
    #[error("invalid adapter configuration:\n{}", .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Adapters(Vec<Problem>),
    /// The server's own settings could not serve (each "`[table] key`: reason").
    #[error("invalid configuration:\n{}", .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Config(Vec<String>),
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

/// Shared state of the HTTP handlers, behind one `Arc`: axum clones the state for every
/// extractor and middleware of every request, and cloning the fields one by one (a score of
/// reference counts, on cache lines both cores write) was a tenth of a cached request's CPU.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] shares.
pub struct Shared {
    /// The GraphQL endpoint: schema and the admission step.
    pub endpoint: Endpoint,
    /// The WebSocket door over the same endpoint.
    pub sockets: Sockets,
    /// The search service behind it.
    pub service: SearchService,
    /// Cross-origin access for browsers; `None` when no origin is allowed.
    pub cors: Option<CorsLayer>,
    /// Which pages may call at all (a socket or a simple `GET` has no preflight).
    pub origins: Arc<Origins>,
    /// Who may read `/metrics`.
    pub metrics: Arc<MetricsAccess>,
    /// Whether each request gets an access-log line (`[log] access`).
    pub access_log: bool,
    /// Reachable marketplaces `/readyz` needs (`[telemetry] ready_min`).
    pub ready_min: usize,
    /// Requests in flight and answered, for the shutdown line.
    pub requests: Arc<Requests>,
    /// Whether the adapters serving are the files on disk (a reload may have refused them).
    adapter_files: Arc<AdapterFiles>,
    /// The Redis of `[cache.redis]`, whose state `/readyz` shows.
    redis: Option<Arc<RedisLevel>>,
    /// Which marketplaces' reachability gauge `/readyz` set for the adapter serving now.
    found: Arc<ready::Found>,
}

/// A built gateway, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    http: HttpConfig,
    stop: watch::Sender<bool>,
    reloader: Arc<Reloader>,
    watch_adapters: bool,
    /// Worker threads to serve connections on, counted once: each has its own upstream client.
    workers: usize,
}

impl Application {
    /// Loads adapters, builds the service and binds the listener; refuses invalid adapters.
    pub async fn build(config: &Config, env: Env) -> Result<Self, StartupError> {
        // Before anything keeps a metric handle (a marketplace's meters are registered once and
        // kept): one taken with no recorder installed records nothing, ever.
        crate::telemetry::install();
        let problems = config.placed_problems();
        if !problems.is_empty() {
            return Err(StartupError::Config(problems));
        }
        let workers = workers::planned(&config.http);
        let client =
            Upstream::new(config.egress.allow_private, workers).map_err(|e| StartupError::Client(e.to_string()))?;
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
        let enabled = registry.entries().iter().filter(|e| e.enabled).count();
        if let Some(problem) = config.ready_problem(enabled) {
            return Err(StartupError::Config(vec![config.placed(problem)]));
        }
        let budget = config.cache.budget_mb.saturating_mul(1024 * 1024);
        // Offers for `offer(id)` get a quarter of the budget on top of the result cache.
        let shared = shared::level(config, &env).await?;
        let cache = match &shared {
            Some(shared) => ResultCache::new(Arc::new(TieredStore::new(MemoryStore::new(budget), Arc::clone(shared)))),
            None => ResultCache::in_memory(budget),
        };
        let service = SearchService::new(Arc::new(registry), cache, budget / 4);
        let admin = AdminToken(env.get(ADMIN_TOKEN_ENV));
        let schema = build_schema(service.clone(), admin, &config.limits);
        follow_purges_elsewhere(&schema);
        let mut clients =
            Clients::new(&config.limits.rate, &config.clients).map_err(|e| StartupError::Http(e.to_string()))?;
        if let Some(shared) = &shared {
            clients = clients.shared_through(Arc::clone(shared));
        }
        let http = &config.http;
        let persisted = PersistedQueries::new(
            http.persisted_queries_mb.saturating_mul(1024 * 1024),
            http.persisted_manifest.as_deref(),
            http.persisted_only,
        )
        .map_err(|e| StartupError::Http(e.to_string()))?;
        let in_flight = usize::try_from(http.max_bytes_in_flight_mb.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX);
        let documents = crate::graphql::documents_of(&schema);
        let admission = Admission::new(config.limits.clone(), persisted, clients, in_flight, documents);
        let endpoint = Endpoint { schema, admission };
        let (dir, schema) = ((!config.bundled_adapters).then(|| config.adapters_dir.clone()), endpoint.schema.clone());
        let running = tokio::sync::Mutex::default();
        let ready_min = config.telemetry.ready_min;
        let files = Arc::new(AdapterFiles::read_now());
        let found: Arc<ready::Found> = Arc::default();
        let reloader = Arc::new(Reloader {
            dir,
            options,
            client,
            service: service.clone(),
            schema,
            ready_min,
            files: Arc::clone(&files),
            found: Arc::clone(&found),
            running,
            config_file: config.source.as_deref().map(config_file::StartedWith::read),
        });
        let cors = cors::cors_layer(http)?;
        let (stop, stopped) = watch::channel(false);
        // One count for both doors: a socket operation is drained, and counted, as a request is.
        let requests: Arc<Requests> = Arc::default();
        let sockets = Sockets {
            requests: Arc::clone(&requests),
            endpoint: endpoint.clone(),
            policy: Arc::new(socket_policy(http)),
            stop: stopped,
            open: OpenSockets::default(),
            access_log: config.log.access,
        };
        let origins = Arc::new(Origins::from_config(&http.cors_origins));
        let loopback = config.listen.ip().is_loopback();
        let metrics = Arc::new(MetricsAccess::new(env.get(METRICS_TOKEN_ENV), loopback));
        let access_log = config.log.access;
        let ready_min = config.telemetry.ready_min;
        let adapter_files = files;
        let redis = shared;
        let shared = Shared {
            endpoint,
            sockets,
            service,
            cors,
            origins,
            metrics,
            access_log,
            ready_min,
            requests,
            adapter_files,
            redis,
            found,
        };
        let state = AppState(Arc::new(shared));
        let listener = TcpListener::bind(config.listen)
            .await
            .map_err(|source| StartupError::Bind { addr: config.listen, source })?;
        let watch_adapters = config.telemetry.watch_adapters;
        Ok(Self { listener, state, http: config.http.clone(), stop, reloader, watch_adapters, workers })
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

    /// Serves until `shutdown` completes, then finishes in-flight requests and socket operations
    /// (each socket closes 1001, going away, once its operations have ended); a last line says
    /// how many were drained.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let workers = Workers::start(self.workers)?;
        let clients = self.state.endpoint.admission.clients().clone();
        let sweeper = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                clients.forget_idle();
            }
        });
        let reloads = reload::start(self.reloader, self.watch_adapters);
        let open = self.state.sockets.open.clone();
        let drain = self.state.sockets.policy.drain_timeout;
        let stop = self.stop;
        let requests = Arc::clone(&self.state.requests);
        let (signalled, at_signal) = (Arc::clone(&requests), Arc::new(std::sync::Mutex::new(None)));
        let noted = Arc::clone(&at_signal);
        let shutdown = async move {
            shutdown.await;
            if let Ok(mut noted) = noted.lock() {
                *noted = Some((signalled.finished(), signalled.in_flight(), std::time::Instant::now()));
            }
            tracing::info!(in_flight = signalled.in_flight(), "Shutting down: draining requests in flight.");
            let _ = stop.send(true);
        };
        let served = crate::server::serve(self.listener, router(self.state), &self.http, &workers, shutdown).await;
        // WebSockets run on the workers too, and are given their time to close before them: as
        // long as their operations may run (the drain deadline), and a little more to close.
        open.wait_closed(drain + SOCKET_CLOSE_WAIT).await;
        drop(workers);
        sweeper.abort();
        reloads.abort();
        let noted = at_signal.lock().ok().and_then(|n| *n);
        if let Some((finished, in_flight, at)) = noted {
            let drained = requests.finished().saturating_sub(finished);
            let seconds = at.elapsed().as_secs_f64();
            tracing::info!(
                drained,
                in_flight_at_signal = in_flight,
                seconds,
                "Pasar stopped: {drained} requests drained."
            );
        }
        served
    }
}

mod adapter_files;
mod at_end;
mod config_file;
mod cors;
mod folder;
mod gzip;
mod metrics;
mod ready;
mod reload;
mod routes;
mod shared;

pub use crate::telemetry::Requests;
use adapter_files::AdapterFiles;
pub use metrics::MetricsAccess;
use reload::Reloader;
pub use routes::router;

/// How long shutdown waits for sockets to close past their drain deadline.
const SOCKET_CLOSE_WAIT: Duration = Duration::from_secs(5);

fn socket_policy(http: &HttpConfig) -> SocketPolicy {
    SocketPolicy {
        init_timeout: http.ws_init_timeout,
        idle_timeout: http.idle_timeout,
        operation_timeout: http.request_timeout,
        message_timeout: http.request_timeout,
        drain_timeout: http.ws_drain(),
    }
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
