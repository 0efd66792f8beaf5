//! Review40o R40o-18: a `SIGHUP` reads the adapter files again, not `pasar.toml`. An operator who
//! edited `pasar.toml` and sent one read "Adapters reloaded." and took the edit for applied; now a
//! `SIGHUP` finding the file changed since start says, once per `SIGHUP`, that it needs a restart.

use crate::helpers::TEST_PRODUCTS;
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use std::time::{Duration, Instant};

const WARNING: &str = "The configuration file has changed since Pasar started";

/// Sends a `SIGHUP` and waits until `/metrics` counts `count` applied reloads.
async fn hang_up(gateway: &Served, count: u32) {
    gateway.signal("-HUP");
    let applied = format!("pasar_adapter_reloads_total{{outcome=\"applied\"}} {count}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !gateway.metrics().await.contains(&applied) {
        assert!(Instant::now() < deadline, "reload {count} was not counted");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_sighup_after_pasar_toml_changed_says_the_change_needs_a_restart() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "[telemetry]\nwatch_adapters = false", "", &[]).await;
    hang_up(&gateway, 1).await;
    let file = gateway.config_file();
    let text = std::fs::read_to_string(&file).expect("pasar.toml");
    std::fs::write(&file, format!("{text}\n[limits]\nmax_batch = 5\n")).expect("pasar.toml edited");
    hang_up(&gateway, 2).await;
    let logs = gateway.terminate();
    let warnings: Vec<&str> = logs.lines().filter(|line| line.contains(WARNING)).collect();
    assert_eq!(warnings.len(), 1, "one warning, at the SIGHUP after the edit:\n{logs}");
    assert!(warnings[0].contains(" WARN ") && warnings[0].contains("restart to apply it"), "{}", warnings[0]);
    assert!(warnings[0].contains(&file.display().to_string()), "{}", warnings[0]);
}
