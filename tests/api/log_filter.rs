//! Review40o R40o-10: a `RUST_LOG` that is no filter was passed over without a word, and a bare
//! word that is no level (`verbose`) was read as a target: nothing else was logged at all. Now
//! either gets a warning naming `RUST_LOG` and its fault, and Pasar logs at `[log] level`.

use crate::helpers::TEST_PRODUCTS;
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};

#[tokio::test]
async fn a_rust_log_that_is_no_filter_is_named_in_a_warning_and_logging_goes_on_at_the_configured_level() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    for (bad, fault) in [
        ("verbose", "`verbose` is not a level"),
        ("pasar=verbose", "`pasar=verbose` is not a log filter"),
        ("[[[", "`[[[` is not a log filter"),
    ] {
        let gateway = Served::start(&sandboxes, "[log]\nlevel = \"info\"", "", &[("RUST_LOG", bad)]).await;
        let logs = gateway.terminate();
        let warning = logs.lines().find(|line| line.contains("RUST_LOG is not a log filter Pasar can follow"));
        let warning = warning.unwrap_or_else(|| panic!("no warning for RUST_LOG={bad}:\n{logs}"));
        assert!(warning.contains(" WARN ") && warning.contains(fault), "{warning}");
        assert!(logs.contains("Pasar is serving."), "RUST_LOG={bad} silenced the INFO lines:\n{logs}");
    }
}
