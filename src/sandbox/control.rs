//! `/_sandbox/`: knobs, counters and ground truth, outside the simulated API. Errors here use
//! one neutral shape, `{"error":"bad_request","message":"…"}`, whatever the marketplace.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::fault_config::FaultConfig;
use super::pages;
use super::quirks::Quirks;
use super::state::App;

/// The `/_sandbox/` routes, the listings' pages, and a JSON 404 for everything else.
pub(super) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/_sandbox", get(about))
        .route("/_sandbox/faults", get(get_faults).put(put_faults))
        .route("/_sandbox/quirks", get(get_quirks).put(put_quirks))
        .route("/_sandbox/stats", get(stats).delete(reset_stats))
        .route("/_sandbox/truth", get(truth))
        .route("/_sandbox/vendors", get(vendors))
        .fallback(page_or_not_found)
}

fn bad_request(message: &str) -> Response {
    let body = serde_json::json!({ "error": "bad_request", "message": message });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

async fn about(State(app): State<Arc<App>>) -> Response {
    let catalogue = app.state.catalogue();
    Json(serde_json::json!({
        "marketplace": app.kind.id(),
        "products": catalogue.products_per_marketplace(),
        "seed": catalogue.seed(),
        "master_products": catalogue.master_count(),
        "vendors": catalogue.vendor_count(),
        "endpoints": ["/_sandbox/faults", "/_sandbox/quirks", "/_sandbox/stats", "/_sandbox/truth", "/_sandbox/vendors"],
    }))
    .into_response()
}

async fn get_faults(State(app): State<Arc<App>>) -> Response {
    Json(app.state.faults().config()).into_response()
}

async fn put_faults(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let config: FaultConfig = match serde_json::from_slice(&body) {
        Ok(config) => config,
        Err(e) => return bad_request(&format!("invalid fault settings: {e}")),
    };
    match app.state.faults().apply(&config) {
        Ok(()) => Json(app.state.faults().config()).into_response(),
        Err(message) => bad_request(&message),
    }
}

async fn get_quirks(State(app): State<Arc<App>>) -> Response {
    Json(app.state.quirks()).into_response()
}

async fn put_quirks(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let quirks: Quirks = match serde_json::from_slice(&body) {
        Ok(quirks) => quirks,
        Err(e) => return bad_request(&format!("invalid quirk settings: {e}")),
    };
    match app.state.set_quirks(quirks) {
        Ok(()) => Json(app.state.quirks()).into_response(),
        Err(message) => bad_request(&message),
    }
}

async fn stats(State(app): State<Arc<App>>) -> Response {
    Json(serde_json::json!({ "search_requests": app.state.requests_served() })).into_response()
}

async fn reset_stats(State(app): State<Arc<App>>) -> Response {
    app.state.reset_stats();
    Json(serde_json::json!({ "search_requests": 0 })).into_response()
}

#[derive(Debug, Deserialize)]
struct TruthQuery {
    q: Option<String>,
}

async fn truth(State(app): State<Arc<App>>, Query(query): Query<TruthQuery>) -> Response {
    let hits = app.index.search(query.q.as_deref().unwrap_or(""));
    let hits = hits.truncate(app.state.quirks().max_matches);
    Json(app.state.catalogue().truth_of(app.kind, hits.all())).into_response()
}

async fn vendors(State(app): State<Arc<App>>) -> Response {
    Json(app.state.catalogue().vendor_truth(app.kind)).into_response()
}

/// A listing's page (`pages.rs`) where the path is one, else the JSON 404.
async fn page_or_not_found(State(app): State<Arc<App>>, method: Method, uri: Uri) -> Response {
    match method {
        Method::GET => pages::page(&app, uri.path()).unwrap_or_else(not_found),
        _ => not_found(),
    }
}

fn not_found() -> Response {
    let body = serde_json::json!({ "error": "not_found", "message": "no such endpoint" });
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}
