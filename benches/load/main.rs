//! Load benchmark: `cargo bench --bench load`.
//!
//! Starts the five sandbox marketplaces in this process (each search delayed by
//! `LOAD_LATENCY_MS`, default 20) and the release `pasar` binary as its own process pointed at
//! them, then drives `POST /graphql` over real HTTP with `LOAD_CONNS` connections (default 50)
//! for `LOAD_SECS` seconds (default 10) per phase:
//!
//! - `fan-out`: one connection, every request bypassing the cache, against one direct call to a
//!   sandbox: what the gateway adds over the slowest marketplace.
//! - `cached`: the same document and variables every time.
//! - `uncached`: `noCache: true` and a search that changes every request (over a hundred from
//!   `sandbox::search_phrases`, each with a full page on every sandbox), so no two requests in
//!   flight share an upstream call: `calls_per_req` shows it, 5 or more (the cache still stores
//!   what it fetched, as on a real miss; each sandbox allows as many calls in flight as there are
//!   connections, at least 64, so none waits for a permit either).
//! - `floor`: the uncached phase's requests against a relay that only makes its HTTP calls (one
//!   10-offer page from each sandbox, nothing parsed or resolved; `floor.rs`): the CPU per request
//!   below which no gateway on axum, hyper and reqwest goes on this machine. Compare it with
//!   `uncached` at `LOAD_FIRST=20`, the page size whose upstream calls it makes.
//! - `floor-clients` (not run by default): two such relays side by side, [a] on reqwest and [b]
//!   on hyper-util's bare client: what reqwest itself costs per search.
//!
//! Each phase prints rps, p50/p99, errors (non-200 or `errors` in the body), the gateway's own CPU
//! time per request (utime + stime from `/proc/<pid>/stat`), the sandboxes' search calls per
//! request, and its peak RSS (`VmHWM`). When `uncached` and `floor` both ran, a last line gives
//! their difference: the CPU Pasar's own work costs per request. Linux
//! only (it reads `/proc`). `LOAD_ENCODING=br` asks for brotli (as browsers get) instead of gzip.
//! `LOAD_PHASES=cached,uncached` picks phases; `LOAD_FIRST=20` fixes the
//! uncached phase's `first` (default: 21–40, varying). `LOAD_MARKETPLACES=mbiz,jatim-bejo` searches
//! only those sandboxes (the others are disabled in the gateway and left out of the floor relay):
//! the two the peer harness mocks, for a miss's cost over as many marketplaces as the peer's.
//!
//! `LOAD_COMPARE=/path/to/other/pasar` runs that binary beside this build's, over the same
//! sandboxes, and drives both at once (connections alternate between them, half each): each
//! phase prints one line per binary. On a shared machine CPU per request moves by 10–25 % between
//! runs minutes apart; measured side by side, both binaries see the same moments.

mod drive;
mod floor;
mod gateway;

use drive::{Mode, Phase};
use gateway::Gateway;
use pasar::sandbox::{self, SandboxOptions};
use std::path::Path;
use std::time::Duration;

/// A phase's name, marked `[a]` (this build) or `[b]` (`LOAD_COMPARE`) when two binaries run.
fn label(phase: &str, at: usize, binaries: usize) -> String {
    match binaries {
        1 => phase.to_string(),
        _ => format!("{phase}[{}]", if at == 0 { 'a' } else { 'b' }),
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() {
    floor::serve_if_asked();
    // `cargo bench` passes `--bench`; this harness has no filters of its own.
    let conns: usize = env_or("LOAD_CONNS", 50);
    let secs: u64 = env_or("LOAD_SECS", 10);
    let latency = Duration::from_millis(env_or("LOAD_LATENCY_MS", 20));
    let phases = std::env::var("LOAD_PHASES").unwrap_or_else(|_| "fan-out,cached,uncached,floor".into());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let options = SandboxOptions::default();
        // Room for every connection's call to each marketplace, so no call waits for a permit.
        let room = conns.max(64);
        let mut sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
        if let Ok(ids) = std::env::var("LOAD_MARKETPLACES") {
            let ids: Vec<&str> = ids.split(',').map(str::trim).collect();
            sandboxes.retain(|s| ids.contains(&s.kind().id()));
            assert!(
                !sandboxes.is_empty(),
                "LOAD_MARKETPLACES names no sandbox (mbiz, jatim-bejo, ekatalog, padi-umkm, bela)"
            );
        }
        for s in &sandboxes {
            s.faults().set_latency(latency);
        }
        let gateway = Gateway::start(Path::new(env!("CARGO_BIN_EXE_pasar")), &sandboxes, &options, room).await;
        let mut gateways = vec![gateway];
        if let Ok(other) = std::env::var("LOAD_COMPARE") {
            gateways.push(Gateway::start(Path::new(&other), &sandboxes, &options, room).await);
        }
        let gateway = &gateways[0];
        println!(
            "load: {} sandboxes at {} ms, {conns} connections, {secs} s per phase, gateway pid {}",
            sandboxes.len(),
            latency.as_millis(),
            gateway.pid()
        );
        if let Some(other) = gateways.get(1) {
            println!("compared with LOAD_COMPARE, pid {}: lines marked [b]; this build's [a]", other.pid());
        }
        let duration = Duration::from_secs(secs);
        let (mut uncached, mut floor) = (Vec::new(), None);
        for phase in phases.split(',').map(str::trim) {
            match phase {
                "fan-out" => {
                    for (at, gateway) in gateways.iter().enumerate() {
                        let label = label("fan-out", at, gateways.len());
                        drive::fan_out(&label, gateway, &sandboxes, duration.min(Duration::from_secs(5))).await;
                    }
                }
                "cached" => {
                    _ = Phase { name: "cached", mode: Mode::Cached, conns, duration }.run(&gateways, &sandboxes).await
                }
                "uncached" => {
                    uncached = Phase { name: "uncached", mode: Mode::Uncached, conns, duration }
                        .run(&gateways, &sandboxes)
                        .await;
                }
                "floor" => {
                    let relay = [floor::start(&sandboxes, &options, floor::ClientKind::Reqwest).await];
                    let phase = Phase { name: "floor", mode: Mode::Uncached, conns, duration };
                    floor = phase.run(&relay, &sandboxes).await.first().copied();
                }
                "floor-clients" => {
                    let relays = [
                        floor::start(&sandboxes, &options, floor::ClientKind::Reqwest).await,
                        floor::start(&sandboxes, &options, floor::ClientKind::Hyper).await,
                    ];
                    _ = Phase { name: "floor-clients", mode: Mode::Uncached, conns, duration }
                        .run(&relays, &sandboxes)
                        .await;
                }
                other => eprintln!("unknown phase `{other}` (fan-out, cached, uncached, floor, floor-clients)"),
            }
        }
        // Side by side each binary had half the connections the floor had: no like for like.
        if let (Some(floor), 1) = (floor, gateways.len()) {
            for (at, cpu) in uncached.iter().enumerate() {
                let label = label("own work", at, gateways.len());
                println!("{label:<9} uncached - floor = {:.3} ms CPU per request", cpu - floor);
            }
        }
        for gateway in &gateways {
            println!("gateway peak RSS (VmHWM): {:.1} MiB", gateway.peak_rss_mib());
        }
        drop(gateways);
        drop(sandboxes);
    });
}
