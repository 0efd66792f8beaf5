//! A ledger failing under load, as an operator sees it: a line and a summary in the log, never
//! one per request, and every ledger call in `/metrics`.

use crate::helpers::TEST_PRODUCTS;
use crate::metrics::sample;
use crate::served::Served;
use pasar::sandbox::{self, FaultMode, RunningSandbox, SandboxOptions};
use serde_json::json;

/// The kabupaten and kota of Jawa Timur.
const PEMDAS: usize = 38;

/// A served gateway whose Jatim Bejo answers `rate` of its ledger calls with garbage.
async fn failing_jatim_bejo(rate: f64) -> (Vec<RunningSandbox>, Served) {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let failing = sandboxes.iter().find(|s| s.kind().id() == "jatim-bejo").expect("jatim-bejo");
    failing.faults().set_mode(FaultMode::Garbage);
    failing.faults().set_error_rate(rate);
    let top = "[limits.rate]\nper_second = 100000\nburst = 100000\n[log]\nformat = \"json\"";
    let gateway = Served::start(&sandboxes, top, "", &[]).await;
    (sandboxes, gateway)
}

/// Jatim Bejo's ledger of every Pemda of Jawa Timur in 2023, all asked at once; how many failed.
async fn ask_every_pemda(gateway: &Served) -> usize {
    // Kemendagri's codes of Jawa Timur: 29 kabupaten (35.01–35.29), 9 kota (35.71–35.79).
    let codes = (1..=29).chain(71..=79).map(|n| format!("35.{n:02}"));
    let asks = codes.map(|code| {
        let query = format!(
            "{{ spending(buyer: \"{code}\", year: 2023, marketplaces: [\"jatim-bejo\"]) {{ sources {{ status }} }} }}"
        );
        async move { gateway.graphql(&json!({ "query": query })).await }
    });
    let answers = futures::future::join_all(asks).await;
    assert_eq!(answers.len(), PEMDAS);
    answers.iter().filter(|a| a["data"]["spending"]["sources"][0]["status"] != "OK").count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ledger_failing_for_every_pemda_of_a_province_writes_at_most_a_line_and_a_summary() {
    // Half its calls fail: a read succeeding between two failures must not start a line each.
    let (_sandboxes, gateway) = failing_jatim_bejo(0.5).await;
    let failed = ask_every_pemda(&gateway).await;
    assert!(failed >= PEMDAS / 4, "about half the ledgers failed: {failed} of {PEMDAS}");
    let (_, logs) = gateway.stop();
    let lines: Vec<&str> = logs.lines().filter(|l| l.contains("edger") && l.contains("jatim-bejo")).collect();
    assert!((1..=2).contains(&lines.len()), "{failed} failed ledgers wrote {} lines:\n{logs}", lines.len());
    assert!(lines[0].contains("\"buyer\":\"35."), "the first line says whose ledger: {}", lines[0]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_ledger_call_is_counted_by_marketplace_and_outcome_and_timed() {
    let (_sandboxes, gateway) = failing_jatim_bejo(1.0).await;
    assert_eq!(ask_every_pemda(&gateway).await, PEMDAS, "every ledger failed");
    let read = json!({ "query": "{ spending(buyer: \"35.71\", year: 2022, marketplaces: [\"mbiz\"]) { complete } }" });
    assert_eq!(gateway.graphql(&read).await["data"]["spending"]["complete"], true);
    let text = gateway.metrics().await;
    let calls = "pasar_ledger_requests_total";
    let failed = sample(&text, calls, &["marketplace=\"jatim-bejo\"", "status=\"BAD_RESPONSE\""]);
    assert_eq!(failed, Some(PEMDAS as f64), "one failed call per Pemda:\n{text}");
    let pages = sample(&text, calls, &["marketplace=\"mbiz\"", "status=\"OK\""]).expect("mbiz's pages counted");
    assert!(pages >= 1.0, "{text}");
    let timed = sample(&text, "pasar_ledger_request_duration_seconds_count", &["marketplace=\"mbiz\""]);
    assert_eq!(timed, Some(pages), "each call made is timed");
}
