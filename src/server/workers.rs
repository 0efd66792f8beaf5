//! The threads connections are served on: by default one single-threaded tokio runtime per core,
//! and each accepted connection kept on one of them (round robin) for its whole life, as
//! Pingora's `work_stealing = false` does.
//!
//! Why not tokio's work-stealing runtime: a request is a chain of short tasks (the connection, a
//! part per marketplace, the upstream client's connection tasks), and each one pushed while another worker is
//! parked wakes that worker, which steals it and runs it on a core whose caches are cold. The
//! work-stealing build run with one worker (`TOKIO_WORKER_THREADS=1`) took 0.575 ms of CPU per
//! uncached search in the load bench against 0.656 with two, and at one connection over the peer
//! mocks added 0.79–0.99 ms to a direct call against 1.00–1.31; these workers keep that on every
//! core (README "Measured" has their own figures). The cost: a connection's requests never move to
//! an idle core, so a few busy connections (one HTTP/2 client, a proxy holding two keep-alive
//! connections) use as few cores; `[http] work_stealing = true` serves them on the work-stealing
//! runtime instead.

use crate::config::HttpConfig;
use crate::marketplace::upstream::enter_worker;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::runtime::Handle;
use tokio_util::sync::CancellationToken;

/// How many worker threads `http` asks for: 0 under work stealing, else `workers` or one per core.
pub fn planned(http: &HttpConfig) -> usize {
    match (http.work_stealing, http.workers) {
        (true, _) => 0,
        (false, 0) => std::thread::available_parallelism().map_or(1, usize::from),
        (false, workers) => workers,
    }
}

/// Where connections are spawned. Dropping it tells the worker threads to stop, without waiting
/// for them: what still runs on a worker is dropped with its runtime, soon after.
pub struct Workers {
    handles: Vec<Handle>,
    next: AtomicUsize,
    stop: CancellationToken,
}

impl Workers {
    /// `count` worker threads; with none, connections are spawned on the runtime that accepts
    /// them (work stealing).
    pub fn start(count: usize) -> io::Result<Self> {
        let mut workers = Self { handles: Vec::new(), next: AtomicUsize::new(0), stop: CancellationToken::new() };
        for index in 0..count {
            let stop = workers.stop.clone();
            // The runtime is built on its own thread, so a thread that cannot start drops nothing
            // here (a runtime must not be dropped inside another one).
            let (built, handle) = std::sync::mpsc::sync_channel(1);
            std::thread::Builder::new().name(format!("pasar-worker-{index}")).spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                    Ok(runtime) => runtime,
                    Err(error) => return drop(built.send(Err(error))),
                };
                let _ = built.send(Ok(runtime.handle().clone()));
                enter_worker(index);
                runtime.block_on(stop.cancelled());
            })?;
            // A few microseconds, once, at start: the thread's first lines.
            let handle = handle.recv().map_err(|_| io::Error::other("a worker thread ended as it started"))??;
            workers.handles.push(handle);
        }
        Ok(workers)
    }

    /// Runs `task` on the next worker, or on the current runtime under work stealing.
    pub fn spawn(&self, task: impl Future<Output = ()> + Send + 'static) {
        if self.handles.is_empty() {
            tokio::spawn(task);
            return;
        }
        let next = self.next.fetch_add(1, Ordering::Relaxed) % self.handles.len();
        self.handles[next].spawn(task);
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marketplace::upstream::current_worker;
    use std::collections::HashSet;

    async fn where_tasks_ran(workers: &Workers, tasks: usize) -> Vec<(Option<usize>, std::thread::ThreadId)> {
        let mut seen = Vec::new();
        for _ in 0..tasks {
            let (tx, rx) = tokio::sync::oneshot::channel();
            workers.spawn(async move {
                let _ = tx.send((current_worker(), std::thread::current().id()));
            });
            seen.push(rx.await.expect("the task ran"));
        }
        seen
    }

    #[test]
    fn one_worker_per_core_unless_configured_and_none_under_work_stealing() {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let http = |workers, work_stealing| HttpConfig { workers, work_stealing, ..HttpConfig::default() };
        assert_eq!(planned(&HttpConfig::default()), cores);
        assert_eq!(planned(&http(3, false)), 3);
        assert_eq!(planned(&http(3, true)), 0);
    }

    #[tokio::test]
    async fn connections_are_dealt_to_the_workers_in_turn_each_on_its_own_thread() {
        let workers = Workers::start(3).expect("workers");
        let seen = where_tasks_ran(&workers, 6).await;
        let indices: Vec<_> = seen.iter().map(|(index, _)| *index).collect();
        assert_eq!(indices, [Some(0), Some(1), Some(2), Some(0), Some(1), Some(2)]);
        let threads: HashSet<_> = seen.iter().map(|(_, thread)| *thread).collect();
        assert_eq!(threads.len(), 3);
        assert!(!threads.contains(&std::thread::current().id()));
    }

    #[tokio::test]
    async fn under_work_stealing_tasks_run_on_the_accepting_runtime() {
        let workers = Workers::start(0).expect("workers");
        let seen = where_tasks_ran(&workers, 2).await;
        let here = std::thread::current().id();
        assert!(seen.iter().all(|(index, thread)| index.is_none() && *thread == here), "{seen:?}");
    }

    #[tokio::test]
    async fn dropping_the_workers_stops_what_runs_on_them() {
        let workers = Workers::start(1).expect("workers");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        workers.spawn(async move {
            let _kept = tx;
            std::future::pending::<()>().await;
        });
        drop(workers);
        // The sender is dropped with the worker's runtime, so the receiver hears it closed.
        let closed = tokio::time::timeout(std::time::Duration::from_secs(5), rx).await;
        assert!(matches!(closed, Ok(Err(_))), "the task outlived its worker: {closed:?}");
    }
}
