//! Secrets never leave the gateway: a canary key is planted and every output is searched for it.

use crate::helpers::{SEARCH, TEST_PRODUCTS};
use crate::served::Served;
use pasar::sandbox::{self, FaultMode, SandboxOptions};
use serde_json::json;

const CANARY: &str = "canary-7f3a9c1e55d2";

#[tokio::test]
async fn a_canary_api_key_appears_in_no_response_and_no_log_line() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let secrets = [("MBIZ_TOKEN", CANARY), ("EKATALOG_API_KEY", CANARY), ("RUST_LOG", "trace")];
    let mut gateway = Served::start(&sandboxes, "", "timeout = \"800ms\"", &secrets).await;
    let (client, url) = (gateway.client.clone(), gateway.url.clone());
    let mut outputs = Vec::new();
    // The sandboxes reject the canary (401), then fail in every other way too.
    sandboxes[1].faults().set_mode(FaultMode::Garbage);
    sandboxes[2].faults().set_mode(FaultMode::Hang);
    for (i, query) in ["kertas", "toner", "laptop"].iter().enumerate() {
        let body = json!({ "query": SEARCH, "variables": { "query": format!("{query} {i}") } });
        let response = client.post(format!("{url}/graphql")).json(&body).send().await.expect("answer");
        outputs.push(response.text().await.expect("body"));
    }
    for path in ["/readyz", "/healthz", "/graphql"] {
        outputs.push(client.get(format!("{url}{path}")).send().await.expect("answer").text().await.expect("body"));
    }
    assert!(gateway.running(), "the gateway was still running");
    let (stdout, stderr) = gateway.stop();
    let logs = stdout + &stderr;
    assert!(outputs[0].contains("MARKETPLACE_UNAVAILABLE"), "mbiz refused the canary: {}", outputs[0]);
    assert!(logs.contains("Marketplace call failed"), "the failures were logged: {logs}");
    for output in outputs.iter().chain([&logs]) {
        assert!(!output.contains(CANARY), "the canary leaked: {output}");
        assert!(!output.contains("Bearer "), "a credential header leaked: {output}");
    }
}

/// An adapter file that holds secrets where their names and a plain URL belong.
const MISPLACED: [&str; 2] = ["sk-live-9f8e7d6c5b4a", "FtpPw1"];

#[tokio::test]
async fn a_secret_written_for_a_variable_name_or_in_a_refused_url_is_echoed_nowhere() {
    let (_sandboxes, dir, gateway) = crate::reload::served_over_a_folder().await;
    let zeta = crate::reload::repo_adapter("mbiz")
        .replace("id = \"mbiz\"", "id = \"zeta\"")
        .replace("token_env = \"MBIZ_TOKEN\"", "token_env = \"sk-live-9f8e7d6c5b4a\"")
        .replace("https://api.mbizmarket.co.id", "ftp://partner:FtpPw1@127.0.0.1/zeta");
    assert!(zeta.contains(MISPLACED[0]) && zeta.contains(MISPLACED[1]), "the adapter's text moved: {zeta}");
    std::fs::write(dir.path().join("zeta.toml"), zeta).expect("write");
    let readyz = format!("{}/readyz", gateway.url);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let said = loop {
        let said = gateway.client.get(&readyz).send().await.expect("readyz").text().await.expect("body");
        if said.contains("zeta.toml") {
            break said;
        }
        assert!(std::time::Instant::now() < deadline, "the refused reload is not on /readyz: {said}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(said.contains("is not an environment variable name"), "{said}");
    let logs = gateway.terminate();
    assert!(logs.contains("Adapter reload rejected"), "{logs}");
    for output in [&said, &logs] {
        for secret in MISPLACED {
            assert!(!output.contains(secret), "{secret} is echoed: {output}");
        }
    }
}
