//! `/readyz`: whether enough marketplaces are reachable to be worth sending traffic to, and the
//! count of requests in flight (socket operations among them) that shutdown drains.
//!
//! Each enabled marketplace is checked by its `[probe]` (cached for its interval, under its own
//! deadline) or, without one, by the outcome of its last real call, asked again by a one-item
//! search at most every 10 s once that call failed 10 s ago or more. A marketplace nothing has
//! been asked of yet (at start-up, or just replaced by a reload) is asked by that re-check
//! before it counts, never taken as reachable for free: a fresh instance is ready after its
//! first `/readyz`, within the re-check's deadline. Ready, 200, when at least `[telemetry] ready_min` are reachable;
//! else 503. `/healthz` stays a liveness check: it answers as long as the process serves.
//! `adapter_files` names the files the last reload refused, if it was refused; that changes no
//! status, since the old set serves (`adapter_files.rs`). With `[cache.redis]`, `redis` says
//! whether Redis is used and, when not, what it or the network said; nor does that change the
//! status: without Redis an instance serves alone.
//!
//! `pasar_marketplace_up` is what the last `/readyz` found of the adapter serving now: the series
//! outlives the adapter, so a marketplace a reload added back (or changed) showed what was found
//! of its old adapter until the next `/readyz`, and [`Found`] leaves it out until then. A check
//! still running when a reload replaces the adapter it checked sets nothing: what it found is of
//! an adapter no longer serving.

use super::AppState;
use crate::marketplace::RegistryEntry;
use crate::marketplace::probe::{self, Checked};
use crate::search::SearchService;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

/// The gauge saying whether `/readyz` found a marketplace reachable.
pub(super) const UP: &str = "pasar_marketplace_up";

/// The marketplaces whose [`UP`] gauge was set for the adapter serving now.
#[derive(Debug, Default)]
pub(super) struct Found(Mutex<BTreeSet<String>>);

impl Found {
    /// Sets `id`'s gauge if `checked` is still the adapter serving it. Under the lock, so a
    /// reload's [`Found::forget`] (which comes after the new registry serves) either follows the
    /// gauge and hides it, or precedes the check here and stops it.
    fn set(&self, service: &SearchService, checked: &RegistryEntry, reachable: bool) {
        let id = checked.marketplace.id().as_str();
        let mut found = self.lock();
        let registry = service.registry();
        let serving = registry.get(id).is_some_and(|now| Arc::ptr_eq(&now.marketplace, &checked.marketplace));
        if serving {
            metrics::gauge!(UP, "marketplace" => id.to_string()).set(if reachable { 1.0 } else { 0.0 });
            found.insert(id.to_string());
        }
    }

    /// A reload replaced the adapters of `ids`: what was found of the old ones is no longer shown.
    pub(super) fn forget<'a>(&self, ids: impl IntoIterator<Item = &'a String>) {
        let mut found = self.lock();
        for id in ids {
            found.remove(id);
        }
    }

    /// Whether `/metrics` shows `family`'s sample for marketplace `id`.
    pub(super) fn shows(&self, family: &str, id: &str) -> bool {
        family != UP || self.lock().contains(id)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeSet<String>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// One marketplace's line in `/readyz`.
#[derive(Debug, Serialize)]
struct Reachability {
    id: String,
    /// Whether it answered.
    reachable: bool,
    /// `probe`, `last_call` or `recheck` (no call yet, or the last failed a while ago, and
    /// `/readyz` asked).
    checked_by: &'static str,
    /// Seconds since the check.
    age_seconds: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    /// It answered `429`: reachable, asking Pasar to ask less (searches say `RATE_LIMITED`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    rate_limited: bool,
}

impl Reachability {
    fn of(
        entry: &RegistryEntry,
        checked_by: &'static str,
        checked: Option<Checked>,
        service: &SearchService,
        found: &Found,
    ) -> Self {
        let id = entry.marketplace.id().as_str().to_string();
        let reachable = checked.as_ref().is_none_or(Checked::ready);
        found.set(service, entry, reachable);
        let age_seconds = checked.as_ref().map(|c| c.at.elapsed().as_secs());
        let rate_limited = checked.as_ref().is_some_and(|c| c.rate_limited);
        Self { id, reachable, checked_by, age_seconds, error: checked.and_then(|c| c.error), rate_limited }
    }
}

async fn check(service: &SearchService, entry: &RegistryEntry, found: &Found) -> Reachability {
    let marketplace = entry.marketplace.as_ref();
    // What a probe found reaches the marketplace's breaker: one `/readyz` saw answering is no
    // longer refused to searches (review35o O35-4).
    let probed = |checked: Checked| {
        service.probed(marketplace.id(), &checked);
        Some(checked)
    };
    match &entry.probe {
        // The later word wins: a probe answered 20 s ago says less than the searches failing
        // since (review40o R40o-19).
        Some(probe) => match (probe.check(marketplace).await, service.last_call(marketplace.id())) {
            (checked, Some(call)) if call.at > checked.at && !call.ready() => {
                Reachability::of(entry, "last_call", Some(call), service, found)
            }
            (checked, _) => Reachability::of(entry, "probe", probed(checked), service, found),
        },
        None => match service.last_call(marketplace.id()) {
            // A failure is asked again once it is older than the re-check's interval: no real
            // search may come to show the marketplace back (traffic follows readiness).
            Some(failed) if !failed.ready() && failed.at.elapsed() >= probe::RECHECK_INTERVAL => {
                Reachability::of(entry, "recheck", probed(entry.recheck.check(marketplace).await), service, found)
            }
            Some(checked) => Reachability::of(entry, "last_call", Some(checked), service, found),
            // Never asked (a fresh instance, or an adapter a reload just replaced) is asked now:
            // counting it reachable put instances whose marketplaces all fail into rotation
            // (review40o R40o-4).
            None => Reachability::of(entry, "recheck", probed(entry.recheck.check(marketplace).await), service, found),
        },
    }
}

/// Every enabled marketplace checked at once; 200 when at least `ready_min` are reachable.
pub(super) async fn readyz(State(state): State<AppState>) -> Response {
    let registry = state.service.registry();
    let checks =
        registry.entries().iter().filter(|e| e.enabled).map(|entry| check(&state.service, entry, &state.found));
    let marketplaces = futures::future::join_all(checks).await;
    let reachable = marketplaces.iter().filter(|m| m.reachable).count();
    let ready = reachable >= state.ready_min;
    let mut body = serde_json::json!({
        "status": if ready { "ready" } else { "not_ready" },
        "reachable": reachable,
        "ready_min": state.ready_min,
        "marketplaces": marketplaces,
        "open_sockets": state.sockets.open.count(),
        "requests_in_flight": state.requests.in_flight(),
        "adapter_files": state.adapter_files.readyz(),
    });
    // Redis down changes no status (each instance then serves alone), but says why (R40o-13).
    if let (Some(redis), Some(fields)) = (&state.redis, body.as_object_mut()) {
        fields.insert("redis".into(), serde_json::json!(redis.state()));
    }
    let status = if ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(body)).into_response()
}
