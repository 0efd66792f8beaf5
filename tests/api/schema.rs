//! The exported SDL is the contract: it must match the code.

use std::path::Path;
use std::process::Command;

#[test]
fn the_committed_sdl_matches_what_pasar_schema_prints() {
    let output = Command::new(env!("CARGO_BIN_EXE_pasar")).arg("schema").output().expect("pasar runs");
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).expect("utf-8");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/pasar.graphql");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &printed).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == printed, "schema/pasar.graphql is stale: run `UPDATE_SCHEMA=1 cargo test --test api schema`");
}

#[test]
fn money_is_never_a_graphql_int() {
    let sdl = pasar::sdl();
    assert!(sdl.contains("scalar Decimal"));
    let price = sdl.split("type Price {").nth(1).and_then(|rest| rest.split('}').next()).expect("type Price");
    assert!(!price.contains(": Int"), "{price}");
}
