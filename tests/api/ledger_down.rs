//! A marketplace whose spending call failed as a whole (no answer, HTTP 502–504) is skipped for
//! the next 10 s: the calls it then does not make say that they were skipped, not what the
//! failed call answered (review37s R37s-9).

use crate::helpers::spawn_app;
use pasar::sandbox::FaultMode;
use serde_json::{Value, json};

const SPENDING: &str = r#"query($buyer: String!) {
  spending(buyer: $buyer, year: 2023, marketplaces: ["jatim-bejo"]) { complete sources { status message } }
}"#;

#[tokio::test]
async fn a_ledger_skipped_after_its_marketplace_failed_says_it_was_skipped_and_makes_no_call() {
    let app = spawn_app().await;
    let jatim = app.sandbox("jatim-bejo");
    jatim.faults().set_mode(FaultMode::Status(503));
    let failed = app.graphql(SPENDING, json!({ "buyer": "35.71" })).await;
    let source = |answer: &Value| answer["data"]["spending"]["sources"][0].clone();
    assert_eq!(source(&failed)["status"], "UPSTREAM_ERROR", "{failed}");
    assert!(source(&failed)["message"].as_str().is_some_and(|m| m.contains("answered HTTP 503")), "{failed}");

    jatim.faults().set_mode(FaultMode::None);
    jatim.state().reset_stats();
    let skipped = app.graphql(SPENDING, json!({ "buyer": "35.72" })).await;
    assert_eq!(jatim.state().requests_served(), 0, "no call was made: {skipped}");
    assert_eq!(skipped["data"]["spending"]["complete"], false, "{skipped}");
    assert_eq!(source(&skipped)["status"], "CIRCUIT_OPEN", "{skipped}");
    let message = source(&skipped)["message"].as_str().unwrap_or_default().to_string();
    assert!(message.starts_with("jatim-bejo is skipped for now (next try in "), "{skipped}");
    assert!(message.ends_with("ms): when last asked, it answered HTTP 503"), "{skipped}");
}
