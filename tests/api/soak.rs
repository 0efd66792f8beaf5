//! A bounded soak: a few thousand mixed requests from 16 concurrent clients while every
//! marketplace fails 1 % of its calls (a different fault per marketplace, switched twice), then
//! a second phase with one marketplace hung. Reports gateway 5xx and panics (both must be 0),
//! requests/s, p50/p99 latency and the process's RSS (the gateway runs in-process).
//!
//! Ignored by default; run it alone, in release:
//!
//! ```text
//! cargo test --release --test api soak -- --ignored --nocapture
//! ```

use crate::helpers::{SEARCH, TestOptions, spawn_app_with};
use pasar::sandbox::{FaultMode, SandboxState};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

/// Requests of the faulted phase, in three segments of different faults.
const PHASE_ONE: usize = 4_500;
/// Requests of the phase with one marketplace hung.
const PHASE_TWO: usize = 1_000;
const CLIENTS: usize = 16;
const FAULT_RATE: f64 = 0.01;
/// Every marketplace's deadline: the soak runs alone, in release, so a short one is met, and
/// it bounds the p99 with one marketplace hung.
const DEADLINE: Duration = Duration::from_millis(800);
/// The marketplace hung in phase two.
const HUNG: &str = "padi-umkm";

/// Faults per marketplace (mbiz, jatim-bejo, ekatalog, padi-umkm) in each segment of phase one.
const SEGMENTS: [[FaultMode; 4]; 3] = [
    [FaultMode::Status(500), FaultMode::Reset, FaultMode::Truncated, FaultMode::Hang],
    [FaultMode::Garbage, FaultMode::Status(503), FaultMode::GzipBomb, FaultMode::Status(429)],
    [FaultMode::HeadersThenStall, FaultMode::Html, FaultMode::SlowDrip { bytes_per_sec: 100 }, FaultMode::WrongTypes],
];

const WORDS: [&str; 12] = [
    "kertas",
    "toner",
    "amplop",
    "laptop",
    "kursi kerja",
    "pulpen",
    "tinta",
    "map",
    "spidol",
    "printer",
    "meja",
    "kertas a4",
];

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts panics anywhere in the process (gateway, sandboxes, clients) on top of the usual hook.
/// A response cannot show one: a panic in a handler drops that connection before any body.
fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::Relaxed);
            previous(info);
        }));
    });
}

/// Request `i` of the mix: searches (cached, `noCache`, never-seen queries, with filters, sorts
/// and a marketplace subset), `marketplaces`, `parsePrice` and `resolveRegion`.
fn request(i: usize) -> Value {
    let word = WORDS[i % WORDS.len()];
    let search = |variables: Value| json!({ "query": SEARCH, "variables": variables });
    match i % 20 {
        0..=6 => search(json!({ "query": word, "first": 10 + i % 3 * 5 })),
        7..=10 => search(json!({ "query": word, "first": 20, "noCache": true })),
        11 => search(json!({ "query": format!("{word} {}", i % 97), "first": 5 })),
        12 => search(json!({ "query": word, "sort": "PRICE_ASC", "filter": { "minPrice": "10000" } })),
        13 => search(json!({ "query": word, "filter": { "marketplaces": ["mbiz", "ekatalog"] }, "noCache": true })),
        14 => search(json!({ "query": word, "filter": { "umkOnly": true, "vendorRegion": "35" } })),
        15 | 16 => json!({ "query": "{ marketplaces { id name enabled timeoutMs } }" }),
        17 | 18 => {
            let texts = ["Rp 1.250.000,00", "1,25 jt", "IDR 1,250,000.00", "Rp120rb - Rp150rb", "Rp 75.000/rim"];
            json!({ "query": "query($t: String!) { parsePrice(text: $t) { amount precision perUnit issues { code } } }",
                    "variables": { "t": texts[i % texts.len()] } })
        }
        _ => {
            let places = ["Kediri", "Kota Surabaya", "Kab. Malang", "Jakarta Selatan", "Nowhere"];
            json!({ "query": "query($t: String!) { resolveRegion(text: $t) { code name } }",
                    "variables": { "t": places[i % places.len()] } })
        }
    }
}

/// What a phase saw.
#[derive(Debug, Default)]
struct Tally {
    requests: usize,
    http_5xx: usize,
    http_other: BTreeMap<u16, usize>,
    non_json: usize,
    transport_errors: usize,
    with_errors: usize,
    /// GraphQL error codes seen.
    error_codes: BTreeMap<String, usize>,
    /// Source statuses of searches, by marketplace and status.
    sources: BTreeMap<String, usize>,
    latencies: Vec<Duration>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.requests += other.requests;
        self.http_5xx += other.http_5xx;
        self.non_json += other.non_json;
        self.transport_errors += other.transport_errors;
        self.with_errors += other.with_errors;
        other.error_codes.into_iter().for_each(|(k, v)| *self.error_codes.entry(k).or_default() += v);
        other.http_other.into_iter().for_each(|(k, v)| *self.http_other.entry(k).or_default() += v);
        other.sources.into_iter().for_each(|(k, v)| *self.sources.entry(k).or_default() += v);
        self.latencies.extend(other.latencies);
    }

    async fn record(&mut self, outcome: reqwest::Result<reqwest::Response>, elapsed: Duration) {
        self.requests += 1;
        self.latencies.push(elapsed);
        let Ok(response) = outcome else {
            self.transport_errors += 1;
            return;
        };
        let status = response.status().as_u16();
        match status {
            200 => {}
            500.. => self.http_5xx += 1,
            other => *self.http_other.entry(other).or_default() += 1,
        }
        let Ok(text) = response.text().await else {
            self.transport_errors += 1;
            return;
        };
        let Ok(body) = serde_json::from_str::<Value>(&text) else {
            self.non_json += 1;
            return;
        };
        self.with_errors += usize::from(body["errors"].as_array().is_some_and(|e| !e.is_empty()));
        for error in body["errors"].as_array().into_iter().flatten() {
            let code = error["extensions"]["code"].as_str().unwrap_or("(no code)").to_owned();
            *self.error_codes.entry(code).or_default() += 1;
        }
        for source in body["data"]["search"]["sources"].as_array().into_iter().flatten() {
            let key = format!("{} {}", source["marketplace"]["id"].as_str().unwrap_or("?"), source["status"]);
            *self.sources.entry(key).or_default() += 1;
        }
    }

    fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let rank = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len().max(1));
        sorted.get(rank - 1).copied().unwrap_or_default()
    }
}

/// Drives `total` requests of the mix from [`CLIENTS`] tasks; `switch(i)` runs when request
/// `i` is taken (to change faults mid-phase).
async fn drive(
    client: &reqwest::Client,
    url: &str,
    total: usize,
    offset: usize,
    switch: Arc<dyn Fn(usize) + Send + Sync>,
) -> (Tally, Duration) {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (client, url, next, switch) = (client.clone(), url.to_owned(), Arc::clone(&next), Arc::clone(&switch));
            tokio::spawn(async move {
                let mut tally = Tally::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        return tally;
                    }
                    switch(i);
                    let began = Instant::now();
                    let sent = client.post(&url).timeout(Duration::from_secs(10)).json(&request(offset + i)).send();
                    let outcome = sent.await;
                    tally.record(outcome, began.elapsed()).await;
                }
            })
        })
        .collect();
    let mut tally = Tally::default();
    for task in tasks {
        tally.merge(task.await.expect("a client task panicked"));
    }
    (tally, started.elapsed())
}

/// `VmRSS` and `VmHWM` of this process, in MiB.
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        let line = status.lines().find(|l| l.starts_with(name)).unwrap_or_default();
        let kib: f64 = line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0.0);
        kib / 1024.0
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn summary(name: &str, tally: &Tally, took: Duration) {
    println!("--- {name} ---");
    println!("requests            {}", tally.requests);
    println!("gateway HTTP 5xx    {}", tally.http_5xx);
    println!("other non-200       {:?}", tally.http_other);
    println!("non-JSON bodies     {}", tally.non_json);
    println!("transport errors    {}", tally.transport_errors);
    println!("panics              {}", PANICS.load(Ordering::Relaxed));
    println!("responses w/ errors {} {:?}", tally.with_errors, tally.error_codes);
    println!("requests/s          {:.0}", tally.requests as f64 / took.as_secs_f64());
    println!("latency p50 / p99   {:?} / {:?}", tally.percentile(0.50), tally.percentile(0.99));
    println!("latency max         {:?}", tally.percentile(1.0));
    println!("source statuses     {:?}", tally.sources);
}

fn assert_clean(tally: &Tally) {
    assert_eq!(tally.http_5xx, 0, "no gateway 5xx");
    assert_eq!(PANICS.load(Ordering::Relaxed), 0, "no panics");
    assert_eq!(tally.non_json + tally.transport_errors, 0, "every request got a JSON answer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "soak: run alone, in release, with --ignored"]
async fn a_soak_with_1_percent_upstream_faults_has_no_gateway_5xx_and_no_panics() {
    count_panics();
    let app = spawn_app_with(TestOptions { timeout: DEADLINE, ..TestOptions::default() }).await;
    let url = format!("{}/graphql", app.address);
    let sandboxes: Vec<SandboxState> = app.sandboxes.iter().map(|s| s.state().clone()).collect();
    let ids: Vec<&str> = app.sandboxes.iter().map(|s| s.kind().id()).collect();
    let (rss_start, _) = memory_mib();

    let segment = PHASE_ONE / SEGMENTS.len();
    let faulted = sandboxes.clone();
    let switch = Arc::new(move |i: usize| {
        if i.is_multiple_of(segment) && i / segment < SEGMENTS.len() {
            for (state, mode) in faulted.iter().zip(SEGMENTS[i / segment]) {
                state.faults().set_error_rate(FAULT_RATE);
                state.faults().set_mode(mode);
            }
        }
    });
    let (one, took_one) = drive(&app.client, &url, PHASE_ONE, 0, switch).await;
    let (rss_after_one, _) = memory_mib();
    let upstream: Vec<String> = app.sandboxes.iter().map(|s| format!("{} {}", s.kind(), s.requests_served())).collect();

    for state in &sandboxes {
        state.faults().clear();
    }
    let hung = ids.iter().position(|&id| id == HUNG).expect("the hung marketplace exists");
    sandboxes[hung].faults().set_mode(FaultMode::Hang);
    let (two, took_two) = drive(&app.client, &url, PHASE_TWO, PHASE_ONE, Arc::new(|_| {})).await;
    let (rss_end, hwm) = memory_mib();

    println!(
        "\n===== soak: {CLIENTS} clients, {:.0} % upstream faults, deadline {DEADLINE:?} =====",
        FAULT_RATE * 100.0
    );
    summary(&format!("phase 1: mixed faults, {took_one:.1?}"), &one, took_one);
    println!("upstream calls      {upstream:?}");
    summary(&format!("phase 2: {HUNG} hung, {took_two:.1?}"), &two, took_two);
    println!("--- memory ---");
    println!(
        "RSS start / after phase 1 / end   {rss_start:.1} / {rss_after_one:.1} / {rss_end:.1} MiB (peak {hwm:.1})"
    );
    println!("=====");
    assert_clean(&one);
    assert_clean(&two);
    assert!(two.percentile(0.99) < DEADLINE + Duration::from_millis(300), "p99 with one marketplace hung");
}
