//! Traces over OTLP/HTTP: the gateway (its own process, since the tracer is process-wide) posts
//! its spans to a receiver run here, which decodes them as a collector would. A search sent with
//! a client's `traceparent` must give a request span in the client's trace, a span per
//! marketplace under it, a cache-load span under each, and upstream calls carrying that trace.

use crate::helpers::{SEARCH, TEST_PRODUCTS, spawn_app};
use crate::served::Served;
use axum::body::Bytes;
use axum::routing::post;
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::any_value::Value as Any;
use opentelemetry_proto::tonic::common::v1::{AnyValue, KeyValue};
use opentelemetry_proto::tonic::trace::v1::span::SpanKind;
use pasar::sandbox::{self, SandboxOptions};
use prost::Message;
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub(crate) const CLIENT_TRACE: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
pub(crate) const CLIENT_SPAN: &str = "00f067aa0ba902b7";

/// A span as the receiver got it, ids in hex.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) name: String,
    pub(crate) kind: i32,
    pub(crate) trace_id: String,
    pub(crate) span_id: String,
    pub(crate) parent: String,
    pub(crate) attributes: HashMap<String, String>,
    pub(crate) service: String,
}

/// An OTLP/HTTP receiver on a port of its own: what it was posted, decoded.
pub(crate) struct Receiver {
    pub(crate) url: String,
    spans: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    pub(crate) async fn start() -> Self {
        let spans: Arc<Mutex<Vec<Received>>> = Arc::default();
        let kept = Arc::clone(&spans);
        let app = axum::Router::new().route(
            "/v1/traces",
            post(move |body: Bytes| async move {
                let request = ExportTraceServiceRequest::decode(body).expect("an OTLP protobuf export");
                kept.lock().expect("spans").extend(flatten(request));
                ([("content-type", "application/x-protobuf")], Vec::<u8>::new())
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, spans }
    }

    pub(crate) fn spans(&self) -> Vec<Received> {
        self.spans.lock().expect("spans").clone()
    }
}

fn flatten(request: ExportTraceServiceRequest) -> Vec<Received> {
    let mut spans = Vec::new();
    for resource_spans in request.resource_spans {
        let resource = resource_spans.resource.map(|r| attributes(&r.attributes)).unwrap_or_default();
        let service = resource.get("service.name").cloned().unwrap_or_default();
        for span in resource_spans.scope_spans.into_iter().flat_map(|s| s.spans) {
            spans.push(Received {
                name: span.name,
                kind: span.kind,
                trace_id: hex(&span.trace_id),
                span_id: hex(&span.span_id),
                parent: hex(&span.parent_span_id),
                attributes: attributes(&span.attributes),
                service: service.clone(),
            });
        }
    }
    spans
}

fn attributes(list: &[KeyValue]) -> HashMap<String, String> {
    let text = |value: &Option<AnyValue>| match value.as_ref().and_then(|v| v.value.as_ref()) {
        Some(Any::StringValue(s)) => s.clone(),
        Some(Any::IntValue(i)) => i.to_string(),
        Some(Any::BoolValue(b)) => b.to_string(),
        Some(Any::DoubleValue(d)) => d.to_string(),
        other => format!("{other:?}"),
    };
    list.iter().map(|kv| (kv.key.clone(), text(&kv.value))).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The sandboxes, and a gateway over them posting its spans to `receiver` (configured by `top`).
pub(crate) async fn traced(receiver: &Receiver, top: &str) -> (Served, Vec<sandbox::RunningSandbox>) {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    // The endpoint by the standard variable, the service name by `[telemetry]`; whatever the
    // test runner's environment says of OpenTelemetry is blanked (empty is unset).
    let mut env = vec![("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url.as_str())];
    for unset in ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_TRACES_SAMPLER", "OTEL_SDK_DISABLED"]
    {
        env.push((unset, ""));
    }
    // A deadline no loaded machine misses, so every marketplace answers OK.
    (Served::start(&sandboxes, top, "timeout = \"20s\"", &env).await, sandboxes)
}

#[tokio::test]
async fn a_search_with_a_traceparent_exports_request_marketplace_and_load_spans_in_the_clients_trace() {
    let receiver = Receiver::start().await;
    let (gateway, sandboxes) = traced(&receiver, "[telemetry]\nservice_name = \"pasar-under-test\"").await;
    let body = json!({ "query": SEARCH, "operationName": "Search", "variables": { "query": "kertas", "first": 3 } });
    let response = post_traced(&gateway.client, &gateway.url, &body).await;
    assert_eq!(response.status(), 200);
    // A graceful stop sends the spans still buffered before the process ends; the receiver
    // answers on this test's runtime meanwhile.
    let logs = tokio::task::spawn_blocking(move || gateway.terminate()).await.expect("stopped");
    let spans = receiver.spans();

    let requests: Vec<&Received> =
        spans.iter().filter(|s| s.attributes.get("pasar.door").is_some_and(|d| d == "graphql")).collect();
    assert_eq!(requests.len(), 1, "one request span: {spans:#?}\n{logs}");
    let request = requests[0];
    assert_eq!((request.trace_id.as_str(), request.parent.as_str()), (CLIENT_TRACE, CLIENT_SPAN), "{request:?}");
    assert_eq!(request.kind, SpanKind::Server as i32);
    assert_eq!(request.name, "POST graphql");
    assert_eq!(request.service, "pasar-under-test");
    assert_eq!(request.attributes["graphql.operation.name"], "Search");
    assert_eq!(request.attributes["http.response.status_code"], "200");
    assert!(!spans.iter().any(|s| s.attributes.get("pasar.door").is_some_and(|d| d == "probe")), "no probe spans");

    for sandbox in &sandboxes {
        let id = sandbox.kind().id();
        let of = |name: &str| -> Vec<&Received> {
            spans.iter().filter(|s| s.name == format!("{name} {id}") && s.trace_id == CLIENT_TRACE).collect()
        };
        let marketplace = of("marketplace");
        assert_eq!(marketplace.len(), 1, "one span for {id} in the search: {spans:#?}");
        let marketplace = marketplace[0];
        assert_eq!(marketplace.parent, request.span_id, "{id}'s span is the request's child");
        assert_eq!(marketplace.attributes["marketplace"], id);
        assert_eq!(marketplace.attributes["status"], "OK", "{marketplace:?}");
        assert_eq!(marketplace.attributes["cache"], "MISS", "{marketplace:?}");
        assert!(marketplace.attributes["offers"].parse::<u32>().is_ok_and(|n| n > 0), "{marketplace:?}");

        let loads = of("load");
        assert!(!loads.is_empty(), "{id} was loaded: {spans:#?}");
        for load in &loads {
            assert_eq!(load.parent, marketplace.span_id, "{id}'s loads are its span's children");
            assert_eq!(load.kind, SpanKind::Client as i32);
            assert_eq!(load.attributes["status"], "OK", "{load:?}");
            assert_eq!(load.attributes["retries"], "0", "{load:?}");
            assert_eq!(load.attributes["http.response.status_code"], "200", "{load:?}");
            assert!(load.attributes["bytes"].parse::<u64>().is_ok_and(|b| b > 500), "{load:?}");
        }
        // The marketplace was called as part of the client's trace, from the load's span.
        let sent = sandbox.state().last_traceparent().unwrap_or_else(|| panic!("{id} got no traceparent"));
        let parts: Vec<&str> = sent.split('-').collect();
        assert_eq!((parts[0], parts[1], parts[3]), ("00", CLIENT_TRACE, "01"), "{id}: {sent}");
        assert!(loads.iter().any(|load| load.span_id == parts[2]), "{id}'s call came from a load span: {sent}");
    }
}

#[tokio::test]
async fn without_an_otlp_endpoint_no_traceparent_is_read_or_sent_upstream() {
    let app = spawn_app().await;
    let body = json!({ "query": SEARCH, "variables": { "query": "kertas tanpa jejak", "first": 3 } });
    let response = post_traced(&app.client, &app.address, &body).await;
    assert_eq!(response.status(), 200);
    for sandbox in &app.sandboxes {
        let id = sandbox.kind().id();
        assert!(sandbox.state().requests_served() > 0, "{id} was asked");
        assert_eq!(sandbox.state().last_traceparent(), None, "{id} got a traceparent");
    }
}

/// A GraphQL POST carrying the client's `traceparent`.
async fn post_traced(client: &reqwest::Client, base: &str, body: &serde_json::Value) -> reqwest::Response {
    client
        .post(format!("{base}/graphql"))
        .header("traceparent", format!("00-{CLIENT_TRACE}-{CLIENT_SPAN}-01"))
        .json(body)
        .send()
        .await
        .expect("answer")
}

/// Review 25 R8: the collector's URL was logged with its password, and twice.
#[tokio::test]
async fn the_collector_is_named_once_at_start_without_its_password() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let telemetry = format!("[telemetry]\notlp_endpoint = \"http://oteluser:OtelPw999@127.0.0.1:{closed}\"");
    let mut env = Vec::new();
    for unset in ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SDK_DISABLED"] {
        env.push((unset, ""));
    }
    let gateway = Served::start(&sandboxes, &telemetry, "", &env).await;
    let logs = tokio::task::spawn_blocking(move || gateway.terminate()).await.expect("stopped");

    let named: Vec<&str> = logs.lines().filter(|l| l.contains("Exporting traces over OTLP/HTTP")).collect();
    assert_eq!(named.len(), 1, "{logs}");
    assert!(named[0].contains(&format!("http://oteluser:***@127.0.0.1:{closed}/v1/traces")), "{}", named[0]);
    assert!(!logs.contains("OtelPw999"), "{logs}");
}

/// Review 26: a collector refusing every batch showed nowhere (the SDK drops the batch without
/// a word). Batches every 100 ms, several refused: one line and a count of each.
#[tokio::test]
async fn a_collector_refusing_spans_is_logged_once_and_counted_per_batch() {
    let posts = Arc::new(Mutex::new(0_u32));
    let counted = Arc::clone(&posts);
    let refusing = axum::Router::new().route(
        "/v1/traces",
        post(move || async move {
            *counted.lock().expect("posts") += 1;
            (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "collector down")
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, refusing).await });
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let mut env = vec![("OTEL_EXPORTER_OTLP_ENDPOINT", url.as_str()), ("OTEL_BSP_SCHEDULE_DELAY", "100")];
    for unset in ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_TRACES_SAMPLER", "OTEL_SDK_DISABLED"] {
        env.push((unset, ""));
    }
    let gateway = Served::start(&sandboxes, "", "", &env).await;
    let mut failed = None;
    for i in 0..30 {
        let body = json!({ "query": SEARCH, "variables": { "query": format!("kertas {i}"), "first": 3 } });
        assert_eq!(post_traced(&gateway.client, &gateway.url, &body).await.status(), 200);
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        failed = crate::metrics::sample(&gateway.metrics().await, "pasar_trace_export_failures_total", &[]);
        if failed >= Some(3.0) {
            break;
        }
    }
    let refused = *posts.lock().expect("posts");
    assert!(
        failed >= Some(3.0) && f64::from(refused) >= failed.unwrap_or(0.0),
        "{failed:?} counted, {refused} refused"
    );
    let logs = tokio::task::spawn_blocking(move || gateway.terminate()).await.expect("stopped");
    let told: Vec<&str> = logs.lines().filter(|l| l.contains("Traces could not be exported")).collect();
    assert_eq!(told.len(), 1, "{logs}");
    assert!(told[0].contains("WARN") && told[0].contains("500"), "{}", told[0]);
    assert!(!logs.contains("Trace export failed"), "no summary within the minute: {logs}");
}
