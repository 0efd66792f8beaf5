//! Secrets never leave the gateway: a canary key is planted and every output is searched for it.

use crate::helpers::{SEARCH, TEST_PRODUCTS};
use pasar::sandbox::{self, FaultMode, SandboxOptions};
use serde_json::json;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

const CANARY: &str = "canary-7f3a9c1e55d2";

#[tokio::test]
async fn a_canary_api_key_appears_in_no_response_and_no_log_line() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("free port").local_addr().expect("addr").port();
    let mut config = format!(
        "listen = \"127.0.0.1:{port}\"\nadapters_dir = \"{}/adapters\"\n[egress]\nallow_private = true\n",
        env!("CARGO_MANIFEST_DIR")
    );
    for s in &sandboxes {
        config += &format!("[marketplaces.{}]\nbase_url = \"{}\"\ntimeout = \"800ms\"\n", s.kind().id(), s.base_url());
    }
    std::fs::write(dir.path().join("pasar.toml"), config).expect("config");
    let mut gateway = Command::new(env!("CARGO_BIN_EXE_pasar"))
        .args(["serve", "--config"])
        .arg(dir.path().join("pasar.toml"))
        .env("MBIZ_TOKEN", CANARY)
        .env("EKATALOG_API_KEY", CANARY)
        .env("RUST_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gateway starts");

    let client = reqwest::Client::builder().no_proxy().build().expect("client");
    let url = format!("http://127.0.0.1:{port}");
    let mut outputs = Vec::new();
    for _ in 0..50 {
        if client.get(format!("{url}/readyz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
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
    assert!(gateway.try_wait().expect("the gateway's status").is_none(), "the gateway was still running");
    gateway.kill().expect("the gateway is stopped");
    let mut logs = String::new();
    let streams: [Box<dyn Read>; 2] = [
        Box::new(gateway.stdout.take().expect("stdout is piped")),
        Box::new(gateway.stderr.take().expect("stderr is piped")),
    ];
    for mut stream in streams {
        stream.read_to_string(&mut logs).expect("the gateway's output is UTF-8");
    }
    gateway.wait().expect("the gateway is reaped");
    assert!(outputs[0].contains("MARKETPLACE_UNAVAILABLE"), "mbiz refused the canary: {}", outputs[0]);
    assert!(logs.contains("Marketplace call failed"), "the failures were logged: {logs}");
    for output in outputs.iter().chain([&logs]) {
        assert!(!output.contains(CANARY), "the canary leaked: {output}");
        assert!(!output.contains("Bearer "), "a credential header leaked: {output}");
    }
}
