//! `[http]`: how the HTTP server treats connections and browsers.

use super::duration;
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// Connection-level protection of the HTTP server: slow, idle and greedy clients are cut off
/// before their requests reach the request limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HttpConfig {
    /// Request headers must arrive within this (headers begun and not finished are answered
    /// `408 REQUEST_TIMEOUT`); it is also how long an idle HTTP/1 keep-alive connection waits for
    /// its next request (then closed without an answer).
    #[serde(with = "duration")]
    pub header_timeout: Duration,
    /// Longest pause between two pieces of a request body.
    #[serde(with = "duration")]
    pub body_timeout: Duration,
    /// A whole request, body included, must be answered within this (`408` after it): a body
    /// dripped in byte by byte is cut here. An operation on a socket is held to it too (it ends
    /// with an `error` message, `REQUEST_TIMEOUT`).
    #[serde(with = "duration")]
    pub request_timeout: Duration,
    /// A connection on which nothing arrives for this long is closed (HTTP/2 has no header
    /// deadline between streams).
    #[serde(with = "duration")]
    pub idle_timeout: Duration,
    /// A response the client stops reading is abandoned after this.
    #[serde(with = "duration")]
    pub write_timeout: Duration,
    /// A connection older than this (give or take a tenth, so that connections opened together
    /// do not all close together) is asked to close: HTTP/1 after the answer in progress, HTTP/2
    /// with a GOAWAY once its open streams are answered; the client reconnects for its next
    /// request. Each connection stays on the worker it was dealt to for its life, so a proxy's
    /// few long-lived connections are spread over the workers (and instances behind a balancer)
    /// again only as they are replaced. 0: never.
    #[serde(with = "duration")]
    pub max_connection_age: Duration,
    /// Threads serving connections, each keeping the connections dealt to it for their whole life
    /// (round robin at accept); 0: one per core.
    pub workers: usize,
    /// Serve connections on tokio's work-stealing runtime instead of `workers`: better when a few
    /// connections carry most requests (one HTTP/2 client, a proxy holding two keep-alive
    /// connections), which per-core workers cannot spread over the cores.
    pub work_stealing: bool,
    /// Open connections in total; 0 derives it from the file-descriptor limit.
    pub max_connections: usize,
    /// Open connections per client address.
    pub max_connections_per_client: usize,
    /// HTTP/2 streams open at once on one connection.
    pub http2_max_concurrent_streams: u32,
    /// Largest request head, in bytes, on both protocols: HTTP/1.1's request line and header
    /// lines as sent, HTTP/2's header list as RFC 9113 §6.5.2 counts it (each field's name and
    /// value and 32 bytes). Past it: 431. At least 8192, hyper's smallest HTTP/1 buffer.
    /// `http2_max_header_list_bytes`, its name when it held HTTP/2 alone, is still read.
    #[serde(alias = "http2_max_header_list_bytes")]
    pub max_header_bytes: u32,
    /// Web origins allowed to call the API from a browser, exactly as browsers send them
    /// (`"https://app.example.go.id"`); `"*"` allows any origin (the embedded demo). Empty: no
    /// CORS. Other origins get no CORS headers at all.
    pub cors_origins: Vec<String>,
    /// Whether browsers may send cookies and HTTP authentication cross-origin (not with `"*"`).
    pub cors_allow_credentials: bool,
    /// How long browsers may cache a preflight answer.
    #[serde(with = "duration")]
    pub cors_max_age: Duration,
    /// Memory for automatic persisted queries, in MiB (documents weighed by their length), least
    /// recently used evicted first.
    pub persisted_queries_mb: u64,
    /// Request bytes held in memory at once over all connections, in MiB: requests' bodies and
    /// running WebSocket operations' messages. Beyond it a request is answered 503 with
    /// `Retry-After`.
    pub max_bytes_in_flight_mb: u64,
    /// A WebSocket must send `connection_init` within this (closed with 4408 otherwise).
    #[serde(with = "duration")]
    pub ws_init_timeout: Duration,
    /// At shutdown, how long a socket's running operations may go on before each is stopped with
    /// an `error` (`SERVER_SHUTTING_DOWN`) and the socket closes 1001: shorter than
    /// `request_timeout` where the platform kills the process sooner (a Kubernetes grace period).
    /// 0, or anything longer: `request_timeout`, as long as an operation may run anyway.
    #[serde(with = "duration")]
    pub ws_drain_timeout: Duration,
    /// Trusted documents only: every request must be a document of `persisted_manifest` (by hash,
    /// or by its exact text); anything else is refused with `PERSISTED_QUERY_NOT_IN_LIST`.
    pub persisted_only: bool,
    /// A manifest of allowed documents, as Apollo's `generate-persisted-query-manifest` writes it
    /// (`{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "body", …}]}`).
    /// Its documents can be run by hash whether `persisted_only` is on or not.
    pub persisted_manifest: Option<PathBuf>,
}

impl HttpConfig {
    /// How long a socket's operations may go on at shutdown ([`Self::ws_drain_timeout`]).
    pub fn ws_drain(&self) -> Duration {
        if self.ws_drain_timeout.is_zero() {
            self.request_timeout
        } else {
            self.ws_drain_timeout.min(self.request_timeout)
        }
    }
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(5),
            body_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            write_timeout: Duration::from_secs(10),
            max_connection_age: Duration::ZERO,
            workers: 0,
            work_stealing: false,
            max_connections: 0,
            max_connections_per_client: 256,
            http2_max_concurrent_streams: 100,
            max_header_bytes: 16 * 1024,
            cors_origins: Vec::new(),
            cors_allow_credentials: false,
            cors_max_age: Duration::from_secs(600),
            persisted_queries_mb: 16,
            max_bytes_in_flight_mb: 64,
            ws_init_timeout: Duration::from_secs(3),
            ws_drain_timeout: Duration::ZERO,
            persisted_only: false,
            persisted_manifest: None,
        }
    }
}
