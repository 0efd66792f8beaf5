//! Adapters reloaded without a restart: on `SIGHUP`, and on a change in the adapters folder
//! (debounced), every file is read and checked again.
//!
//! All valid: the new registry replaces the old at once (`SearchService::replace_registry`);
//! requests in flight finish on the registry they started with, and the cache pages, breakers and
//! paging knowledge of unchanged marketplaces are kept. Pages of changed and removed
//! marketplaces are purged (through the shared cache's purge channel too, so other instances
//! drop theirs), and so are the stored finished responses, which may hold them.
//! Any problem, or fewer enabled marketplaces than `[telemetry] ready_min` (start-up refuses
//! those too: `/readyz` would answer 503 for good, taking every instance that reads the same
//! folder out of its load balancer at once): the old registry stays, each problem is logged with
//! its file and key, `pasar_adapter_reloads_total{outcome="rejected"}` counts it, and `/readyz`
//! names the files refused until a reload applies (`adapter_files.rs`).

use super::adapter_files::AdapterFiles;
use super::config_file::StartedWith;
use super::folder;
use super::ready::Found;
use crate::graphql::{PasarSchema, forget_stored_responses};
use crate::marketplace::registry::{self, LoadOptions, Source};
use crate::marketplace::upstream::Upstream;
use crate::marketplace::validate::Problem;
use crate::search::{Replaced, SearchService};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::mpsc;
use tokio_util::task::AbortOnDropHandle;

/// Reads the adapter files again and swaps the registry when they are all valid.
pub(super) struct Reloader {
    /// The adapters folder; `None` for the adapters bundled in the binary (never reloaded).
    pub(super) dir: Option<PathBuf>,
    pub(super) options: LoadOptions,
    pub(super) client: Upstream,
    pub(super) service: SearchService,
    pub(super) schema: PasarSchema,
    /// The enabled marketplaces `/readyz` needs (`[telemetry] ready_min`).
    pub(super) ready_min: usize,
    /// Whether the set serving is the files on disk, for `/readyz` and `/metrics`.
    pub(super) files: Arc<AdapterFiles>,
    /// What `/readyz` found, forgotten for the marketplaces a reload gives another adapter.
    pub(super) found: Arc<Found>,
    /// One reload at a time: a second trigger waits and then reads the files as they are.
    pub(super) running: tokio::sync::Mutex<()>,
    /// `pasar.toml` as read at start, which a `SIGHUP` does not read again.
    pub(super) config_file: Option<StartedWith>,
}

impl Reloader {
    /// Reads every adapter file; swaps in the new registry if all are valid. `why` is logged.
    pub(super) async fn reload(&self, why: &str) {
        let _one = self.running.lock().await;
        if let Some(file) = self.config_file.as_ref().filter(|_| why == "SIGHUP") {
            file.warn_if_changed();
        }
        let Some(dir) = &self.dir else { return };
        let loaded = registry::load(Source::Dir(dir), &self.options, &self.client).and_then(|registry| {
            let enabled = registry.entries().iter().filter(|e| e.enabled).count();
            match too_few(enabled, self.ready_min, dir) {
                Some(problem) => Err(vec![problem]),
                None => Ok(registry),
            }
        });
        match loaded {
            Err(problems) => {
                for problem in &problems {
                    tracing::warn!(
                        file = %problem.file.display(),
                        key = %problem.key,
                        problem = %problem.message,
                        "Adapter reload rejected: {problem}"
                    );
                }
                tracing::warn!(trigger = why, problems = problems.len(), "Adapters not reloaded; the old ones serve.");
                metrics::counter!("pasar_adapter_reloads_total", "outcome" => "rejected").increment(1);
                self.files.rejected(&problems);
            }
            Ok(registry) => {
                let replaced: Replaced = self.service.replace_registry(registry).await;
                if replaced.touched() {
                    forget_stored_responses(&self.schema);
                }
                self.found.forget(replaced.added.iter().chain(&replaced.changed).chain(&replaced.removed));
                tracing::info!(
                    trigger = why,
                    marketplaces = self.service.registry().entries().len(),
                    added = ?replaced.added,
                    changed = ?replaced.changed,
                    removed = ?replaced.removed,
                    "Adapters reloaded."
                );
                metrics::counter!("pasar_adapter_reloads_total", "outcome" => "applied").increment(1);
                self.files.applied();
            }
        }
    }
}

/// The problem of a folder whose `enabled` marketplaces are fewer than `ready_min`.
fn too_few(enabled: usize, ready_min: usize, dir: &std::path::Path) -> Option<Problem> {
    (enabled < ready_min).then(|| {
        let message = format!("{enabled} enabled marketplace(s) left, fewer than the {ready_min} /readyz needs");
        Problem::new(dir, "[telemetry] ready_min", message)
    })
}

/// Reloads on `SIGHUP` and, with `watch`, on changes in the adapters folder, until the returned
/// task is aborted.
pub(super) fn start(reloader: Arc<Reloader>, watch: bool) -> tokio::task::JoinHandle<()> {
    let (tx, mut rx) = mpsc::channel::<&'static str>(4);
    // Dropped with the task, which stops the watcher's thread.
    let watcher = if watch { reloader.dir.as_deref().and_then(|dir| folder::follow(dir, tx.clone())) } else { None };
    // Caught before this returns, not when the task first runs: the server may already answer
    // by then, and a SIGHUP sent on its first answer ended the process (its default action;
    // seen once in .ci/run: `sighup_reloads_the_adapters_and_says_so`, connection reset).
    let hangups = hangups(tx);
    tokio::spawn(async move {
        let _watcher = watcher;
        while let Some(why) = rx.recv().await {
            reloader.reload(why).await;
        }
        drop(hangups);
    })
}

/// A task sending a trigger on each `SIGHUP`.
fn hangups(tx: mpsc::Sender<&'static str>) -> Option<AbortOnDropHandle<()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut hangup = match signal(SignalKind::hangup()) {
            Ok(hangup) => hangup,
            Err(error) => {
                tracing::warn!(%error, "SIGHUP cannot be caught: adapters are reloaded only on file changes.");
                return None;
            }
        };
        let task = tokio::spawn(async move {
            while hangup.recv().await.is_some() {
                if tx.send("SIGHUP").await.is_err() {
                    return;
                }
            }
        });
        Some(AbortOnDropHandle::new(task))
    }
    #[cfg(not(unix))]
    {
        let _ = tx;
        None
    }
}
