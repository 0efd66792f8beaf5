//! Driving the gateway: connections as client tasks, latencies, errors, CPU per request.

use super::gateway::Gateway;
use pasar::sandbox::{MarketplaceKind, RunningSandbox};
use serde_json::json;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

/// The document of the peer harness's Pasar runs (`../shared/peer/pasar/bench_pair.sh`).
pub const DOC: &str = "query S($k: String!, $first: Int, $noCache: Boolean) { search(query: $k, first: $first, noCache: $noCache) { offers { edges { node { id marketplace { id } title price { amount } vendor { name region { name } } } } } } }";

/// Searches for the uncached phase: over a hundred different ones, each with results, so no two
/// requests in flight share an upstream call (with one word per request, 50 connections over 16
/// words shared them: 1.4 calls per request where each search needs 5). Past about 100
/// connections they would again; `calls_per_req` shows it.
static PHRASES: LazyLock<Vec<String>> = LazyLock::new(pasar::sandbox::search_phrases);

/// Words the sandbox catalogue matches, for the direct calls of the fan-out phase.
const WORDS: [&str; 16] = [
    "kertas",
    "toner",
    "tinta",
    "printer",
    "laptop",
    "kursi",
    "meja",
    "lemari",
    "proyektor",
    "map",
    "amplop",
    "gula",
    "masker",
    "kopi",
    "monitor",
    "spidol",
];

#[derive(Clone, Copy)]
pub enum Mode {
    Cached,
    Uncached,
}

pub struct Phase {
    pub name: &'static str,
    pub mode: Mode,
    pub conns: usize,
    pub duration: Duration,
}

/// The variables of request `n`: one fixed search, or a different (phrase, page size) for each
/// of the phrases × 20 consecutive requests, read fresh.
fn variables(mode: Mode, n: u64) -> serde_json::Value {
    match mode {
        Mode::Cached => json!({ "k": "kertas", "first": 40, "noCache": false }),
        Mode::Uncached => {
            let phrases = PHRASES.len() as u64;
            let phrase = &PHRASES[(n % phrases) as usize];
            // `LOAD_FIRST` fixes the page size (then only the phrase varies, and noCache keeps
            // every request a miss); by default it varies over 21–40.
            let first = std::env::var("LOAD_FIRST").ok().and_then(|f| f.parse::<u64>().ok());
            json!({ "k": phrase, "first": first.unwrap_or(21 + (n / phrases) % 20), "noCache": true })
        }
    }
}

struct Tally {
    latencies: Vec<Duration>,
    errors: u64,
    first_error: Option<String>,
}

impl Phase {
    /// Drives `gateways` at once, connection `i` on gateway `i % len`, and prints a line for each
    /// with the sandboxes' search calls per request (of all gateways together: they share the
    /// sandboxes). Returns each gateway's CPU per request, in ms.
    pub async fn run(&self, gateways: &[Gateway], sandboxes: &[RunningSandbox]) -> Vec<f64> {
        let name = self.name;
        // One untimed round so the cached phase measures hits, not the first miss.
        let client = client();
        for gateway in gateways {
            let _ = request(&client, &gateway.url, self.mode, 0).await;
        }
        let counter = Arc::new(AtomicU64::new(1));
        let cpu_before: Vec<Duration> = gateways.iter().map(Gateway::cpu_time).collect();
        let calls_before = upstream_calls(sandboxes);
        let start = Instant::now();
        let tasks: Vec<_> = (0..self.conns)
            .map(|i| {
                let url = gateways[i % gateways.len()].url.clone();
                let (client, counter, mode) = (client.clone(), counter.clone(), self.mode);
                let deadline = start + self.duration;
                tokio::spawn(async move { connection(client, url, counter, mode, deadline).await })
            })
            .collect();
        let mut tallies: Vec<Vec<Tally>> = gateways.iter().map(|_| Vec::new()).collect();
        for (i, task) in futures::future::join_all(tasks).await.into_iter().enumerate() {
            tallies[i % gateways.len()].push(task.expect("task"));
        }
        let wall = start.elapsed();
        let requests: usize = tallies.iter().flatten().map(|t| t.latencies.len()).sum();
        let per_request = (upstream_calls(sandboxes) - calls_before) as f64 / requests.max(1) as f64;
        // Side by side, the binaries share the sandboxes: the calls are theirs together.
        let calls = match gateways.len() {
            1 => format!("calls_per_req={per_request:.2}"),
            _ => format!("calls_per_req_both={per_request:.2}"),
        };
        let mut cpu_per_request = Vec::new();
        for (at, (gateway, tallies)) in gateways.iter().zip(tallies).enumerate() {
            let cpu = gateway.cpu_time().saturating_sub(cpu_before[at]);
            let label = super::label(name, at, gateways.len());
            cpu_per_request.push(print_phase(&label, tallies.len(), wall, cpu, tallies, gateway, &calls));
        }
        cpu_per_request
    }
}

/// Search calls the sandboxes have answered so far.
fn upstream_calls(sandboxes: &[RunningSandbox]) -> u64 {
    sandboxes.iter().map(RunningSandbox::requests_served).sum()
}

/// The bench's client: asks for gzip, as reqwest does, or for what `LOAD_ENCODING` names (`br`,
/// as browsers are answered; `identity`), decoding brotli itself.
fn client() -> reqwest::Client {
    let builder = reqwest::Client::builder().no_proxy().pool_max_idle_per_host(1024);
    let builder = match std::env::var("LOAD_ENCODING") {
        Ok(coding) => {
            let mut headers = reqwest::header::HeaderMap::new();
            let value = reqwest::header::HeaderValue::from_str(&coding).expect("LOAD_ENCODING is a header value");
            headers.insert(reqwest::header::ACCEPT_ENCODING, value);
            builder.no_gzip().default_headers(headers)
        }
        Err(_) => builder,
    };
    builder.build().expect("client")
}

async fn connection(
    client: reqwest::Client,
    url: String,
    counter: Arc<AtomicU64>,
    mode: Mode,
    deadline: Instant,
) -> Tally {
    let mut tally = Tally { latencies: Vec::new(), errors: 0, first_error: None };
    while Instant::now() < deadline {
        let n = counter.fetch_add(1, Ordering::Relaxed);
        let sent = Instant::now();
        let outcome = request(&client, &url, mode, n).await;
        tally.latencies.push(sent.elapsed());
        if let Err(error) = outcome {
            tally.errors += 1;
            tally.first_error.get_or_insert(error);
        }
    }
    tally
}

/// One search; `Err` for a non-200 answer or one with `errors`.
async fn request(client: &reqwest::Client, url: &str, mode: Mode, n: u64) -> Result<(), String> {
    let body = json!({ "query": DOC, "variables": variables(mode, n) });
    let response = client.post(url).json(&body).send().await.map_err(|e| e.to_string())?;
    let status = response.status();
    let brotli = response.headers().get(reqwest::header::CONTENT_ENCODING).is_some_and(|c| c == "br");
    let bytes = response.bytes().await.map_err(|e| e.to_string())?;
    let text = if brotli {
        let mut decoded = String::new();
        std::io::Read::read_to_string(&mut brotli::Decompressor::new(&bytes[..], 4096), &mut decoded)
            .map_err(|e| e.to_string())?;
        decoded
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    if status != reqwest::StatusCode::OK || text.contains("\"errors\"") {
        return Err(format!("{status}: {}", text.chars().take(300).collect::<String>()));
    }
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[at].as_secs_f64() * 1000.0
}

/// Prints one phase's line and returns its CPU per request, in ms.
fn print_phase(
    name: &str,
    conns: usize,
    wall: Duration,
    cpu: Duration,
    tallies: Vec<Tally>,
    gateway: &Gateway,
    calls: &str,
) -> f64 {
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    let first_error = tallies.iter().find_map(|t| t.first_error.clone());
    let mut latencies: Vec<Duration> = tallies.into_iter().flat_map(|t| t.latencies).collect();
    latencies.sort_unstable();
    let n = latencies.len() as f64;
    let cpu_per_request = cpu.as_secs_f64() * 1000.0 / n.max(1.0);
    println!(
        "{name:<9} conns={conns} reqs={} rps={:.0} p50_ms={:.2} p99_ms={:.2} errors={errors} cpu_ms_per_req={:.3} \
         {calls} gateway_cores={:.2} rss_mib={:.1} peak_rss_mib={:.1}",
        latencies.len(),
        n / wall.as_secs_f64(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        cpu_per_request,
        cpu.as_secs_f64() / wall.as_secs_f64(),
        gateway.rss_mib(),
        gateway.peak_rss_mib(),
    );
    if let Some(error) = first_error {
        println!("          first error: {error}");
    }
    cpu_per_request
}

/// One connection, cache bypassed, against one direct call to a sandbox at the same latency:
/// the p50 difference is what the gateway adds over the slowest marketplace.
pub async fn fan_out(label: &str, gateway: &Gateway, sandboxes: &[RunningSandbox], duration: Duration) {
    let client = client();
    let jatim = sandboxes
        .iter()
        .find(|s| s.kind() == MarketplaceKind::JatimBejo)
        .expect("the fan-out phase calls jatim-bejo directly: keep it in LOAD_MARKETPLACES");
    let direct_url = format!("{}/api/v1/produk/cari", jatim.base_url());
    let mut direct = Vec::new();
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < duration / 2 {
        let body = json!({ "kata_kunci": WORDS[(n % WORDS.len() as u64) as usize], "halaman": 1, "jumlah": 40 });
        let sent = Instant::now();
        let r = client.post(&direct_url).json(&body).send().await.expect("sandbox");
        let _ = r.bytes().await.expect("body");
        direct.push(sent.elapsed());
        n += 1;
    }
    let mut through = Vec::new();
    let mut errors = 0;
    let start = Instant::now();
    while start.elapsed() < duration / 2 {
        let sent = Instant::now();
        errors += u64::from(request(&client, &gateway.url, Mode::Uncached, n).await.is_err());
        through.push(sent.elapsed());
        n += 1;
    }
    direct.sort_unstable();
    through.sort_unstable();
    let (d50, g50) = (percentile(&direct, 0.5), percentile(&through, 0.5));
    println!(
        "{label:<9} conns=1 direct_p50_ms={d50:.2} gateway_p50_ms={g50:.2} gateway_p99_ms={:.2} overhead_p50_ms={:.2} \
         errors={errors} ({} marketplaces, cache bypassed; direct = one jatim-bejo call)",
        percentile(&through, 0.99),
        g50 - d50,
        sandboxes.len(),
    );
}
