//! Memory under load: 100 000 distinct searches through a small cache budget.
//!
//! Run alone, in release: `cargo test --release --test api memory -- --ignored --nocapture`.
//! Reports the process RSS (gateway and sandboxes share this process) before, during and after.

use crate::helpers::{TestOptions, spawn_app_with};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The process's resident set, in KiB. Unreadable is a failure, not a zero that would pass.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line in KiB")
}

/// The result cache's memory budget in this test.
const BUDGET_MIB: u64 = 32;

/// What the process may grow by beyond a full cache: connection and parser buffers, allocator
/// slack, the sandboxes' own state. Measured in release (2026-12-01, two runs): 100 000
/// searches grew RSS by 34 MiB (14 → 48 MiB) and 34.75 MiB (35 584 KiB), i.e. the 32 MiB budget
/// plus under 3 MiB. Bound = the larger growth plus ~25 % for run-to-run noise ≈ 44 MiB, so
/// 12 MiB over the budget. A cache that ignored its budget would keep all 100 000 searches.
const OVERHEAD_MIB: u64 = 12;

const QUERY: &str = "query($q: String!) { search(query: $q, first: 10) { complete offers { edges { node { id } } } } }";
const WORDS: &[&str] =
    &["kertas", "toner", "tinta", "laptop", "kursi", "meja", "air", "nasi", "amplop", "map", "masker", "gula"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "memory soak: run alone, in release, with --ignored"]
async fn a_hundred_thousand_distinct_searches_keep_memory_bounded() {
    let app = Arc::new(spawn_app_with(TestOptions { cache_budget_mb: BUDGET_MIB, ..TestOptions::default() }).await);
    let before = rss_kib();
    let next = Arc::new(AtomicUsize::new(0));
    let started = std::time::Instant::now();
    let mut peak = before;
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let (app, next) = (Arc::clone(&app), Arc::clone(&next));
            tokio::spawn(async move {
                let mut peak = 0;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= 100_000 {
                        return peak;
                    }
                    // Distinct queries that still match: a word plus a number the index ignores as a prefix miss.
                    let q = format!("{} {}", WORDS[i % WORDS.len()], i);
                    let response = app.graphql(QUERY, json!({ "q": q })).await;
                    assert!(response["data"]["search"].is_object(), "{response}");
                    if i % 10_000 == 0 {
                        peak = peak.max(rss_kib());
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        peak = peak.max(task.await.expect("no panic"));
    }
    let after = rss_kib();
    let peak = peak.max(after);
    eprintln!(
        "memory: 100000 distinct searches in {:.1} s; RSS before {before} KiB, peak {peak} KiB, after {after} KiB, \
         grew {} KiB (cache budget {BUDGET_MIB} MiB)",
        started.elapsed().as_secs_f64(),
        peak.saturating_sub(before)
    );
    let bound = (BUDGET_MIB + OVERHEAD_MIB) * 1024;
    assert!(peak.saturating_sub(before) <= bound, "RSS grew by {} KiB, over {bound} KiB", peak - before);
}
