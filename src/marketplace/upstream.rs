//! The HTTP clients marketplaces are called with: one per worker thread (`server/workers.rs`)
//! plus one for everything else, so an upstream connection is driven on the thread whose
//! requests use it.
//!
//! Why not one client: reqwest drives each pooled connection in a task of the runtime that
//! opened it. With one pool over single-threaded workers, a request on one worker would take a
//! connection opened by another, and each call would wake that worker twice (to write, and to
//! hand the answer back). The price is a pool per worker: up to `workers + 1` idle connections
//! to a marketplace where one pool would keep fewer.

use super::egress::PublicOnlyResolver;
use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

thread_local! {
    /// Which worker this thread is, if it is one.
    static WORKER: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Marks the calling thread as worker `index`, for its whole life.
pub fn enter_worker(index: usize) {
    WORKER.set(Some(index));
}

/// The worker the calling thread is (`None` off the workers, e.g. under work stealing).
pub fn current_worker() -> Option<usize> {
    WORKER.get()
}

/// The clients; cloning shares them.
#[derive(Clone, Debug)]
pub struct Upstream {
    clients: Arc<[reqwest::Client]>,
}

impl Upstream {
    /// Clients for `workers` worker threads and the threads that are none: proxies from the
    /// environment are ignored (the gateway decides where it connects), redirects are not
    /// followed, connecting is bounded, and unless allowed, names resolving to internal
    /// addresses are refused at connect time.
    pub fn new(allow_private: bool, workers: usize) -> reqwest::Result<Self> {
        let clients = (0..=workers).map(|_| client(allow_private)).collect::<reqwest::Result<_>>()?;
        Ok(Self { clients })
    }

    /// The calling thread's client.
    pub fn client(&self) -> &reqwest::Client {
        let at = current_worker().map_or(0, |worker| worker + 1);
        // A worker beyond those counted (not started by this configuration) shares the last.
        &self.clients[at.min(self.clients.len() - 1)]
    }
}

fn client(allow_private: bool) -> reqwest::Result<reqwest::Client> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_worker_gets_its_own_client_and_other_threads_share_one() {
        let upstream = Upstream::new(true, 2).expect("clients");
        let off_workers = std::ptr::from_ref(upstream.client());
        let on = |index| {
            let upstream = upstream.clone();
            std::thread::spawn(move || {
                enter_worker(index);
                std::ptr::from_ref(upstream.client()) as usize
            })
            .join()
            .expect("thread")
        };
        let (first, second, beyond) = (on(0), on(1), on(7));
        assert_eq!(off_workers as usize, std::ptr::from_ref(&upstream.clients[0]) as usize);
        assert_eq!(first, std::ptr::from_ref(&upstream.clients[1]) as usize);
        assert_eq!(second, std::ptr::from_ref(&upstream.clients[2]) as usize);
        assert_eq!(beyond, second);
    }
}
