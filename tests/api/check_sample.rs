//! `pasar check --sample`: a saved marketplace response read through an adapter file, offer by
//! offer, as the gateway would serve it; and the format 2 example of `adapters/README.md`.

use super::check::bundled;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Runs `pasar check --sample` with `args`: whether it passed, and stdout then stderr.
fn pasar_sample(args: &[&str]) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_pasar"))
        .current_dir(root)
        .arg("check")
        .arg("--sample")
        .args(args)
        .output()
        .expect("pasar runs");
    let printed = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "pasar check --sample exited with {}: {printed}",
        output.status
    );
    (output.status.success(), printed)
}

#[test]
fn every_bundled_adapter_reads_its_saved_sample_with_every_mapped_field_found() {
    let adapters = Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
    let mut checked = 0;
    for entry in std::fs::read_dir(&adapters).expect("adapters/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let id = path.file_stem().and_then(|s| s.to_str()).expect("a file name").to_string();
        let sample = format!("adapters/samples/{id}.json");
        let (ok, printed) = pasar_sample(&[&sample, &format!("adapters/{id}.toml")]);
        assert!(ok, "{id}: {printed}");
        assert!(printed.contains(&format!("{id}:")) && printed.contains("no errors"), "{id}: {printed}");
        let (ok, printed) = pasar_sample(&[&sample, &format!("adapters/{id}.toml"), "--json"]);
        assert!(ok, "{id}: {printed}");
        let report: serde_json::Value = serde_json::from_str(&printed).expect("JSON on stdout");
        let offers = report["offers"].as_array().expect("offers");
        assert!(!offers.is_empty(), "{id}: {report}");
        assert!(offers.iter().all(|o| o["price"]["amountIncludingVat"].is_string()), "{id}: {report}");
        checked += 1;
    }
    assert_eq!(checked, 5, "every bundled adapter has a sample");
}

#[test]
fn a_sample_shows_each_tax_case_as_the_gateway_would_price_it() {
    let (ok, printed) = pasar_sample(&["adapters/samples/bela.json", "adapters/bela.toml", "--json"]);
    assert!(ok, "{printed}");
    let report: serde_json::Value = serde_json::from_str(&printed).expect("JSON");
    let bases: Vec<&str> =
        report["offers"].as_array().expect("offers").iter().filter_map(|o| o["price"]["vatBasis"].as_str()).collect();
    assert_eq!(bases, ["INCLUDED", "EXCLUDED", "NOT_PKP", "EXEMPT", "PBJT"]);
    assert_eq!(report["format"], 2);
}

#[test]
fn a_sample_a_pointer_does_not_match_fails_the_check_naming_the_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = bundled("mbiz.toml").replace("unit = \"/uom\"", "unit = \"/satuan\"");
    let file = dir.path().join("mbiz.toml");
    std::fs::write(&file, broken).expect("write");
    let (ok, printed) = pasar_sample(&["adapters/samples/mbiz.json", file.to_str().expect("utf-8 path")]);
    assert!(!ok, "{printed}");
    assert!(printed.contains("`fields.unit` = \"/satuan\" matches none of the 4 items"), "{printed}");
    let (ok, printed) = pasar_sample(&["adapters/samples/bela.json", "adapters/mbiz.toml"]);
    assert!(!ok && printed.contains("the response cannot be read"), "another marketplace's answer: {printed}");
}

/// The blocks of one kind (```json, ```toml) in the section of the adapter spec headed `heading`.
fn spec_blocks(heading: &str, kind: &str) -> Vec<String> {
    let spec = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters/README.md")).expect("spec");
    let start = spec.find(heading).expect("the section");
    let section = &spec[start..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |end| end + 1)];
    let fence = format!("```{kind}\n");
    section.split(&fence).skip(1).filter_map(|rest| rest.split("```").next()).map(str::to_string).collect()
}

/// Whether every key `expected` names has the same value in `actual`, recursively.
fn contains(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e.iter().all(|(k, v)| a.get(k).is_some_and(|got| contains(got, v))),
        (Value::Array(a), Value::Array(e)) => a.len() == e.len() && a.iter().zip(e).all(|(got, v)| contains(got, v)),
        _ => actual == expected,
    }
}

#[test]
fn the_format_two_example_in_the_adapter_spec_reads_as_the_spec_says() {
    let heading = "## 11a. Worked example, format 2";
    let (json, toml) = (spec_blocks(heading, "json"), spec_blocks(heading, "toml"));
    assert_eq!((json.len(), toml.len()), (2, 1), "a response, the adapter file and the offers");
    let dir = tempfile::tempdir().expect("temp dir");
    let (response, adapter) = (dir.path().join("response.json"), dir.path().join("toko.toml"));
    std::fs::write(&response, &json[0]).expect("write");
    std::fs::write(&adapter, &toml[0]).expect("write");
    let paths = [response.to_str().expect("utf-8"), adapter.to_str().expect("utf-8")];
    let (ok, printed) = pasar_sample(&[paths[0], paths[1], "--json"]);
    assert!(ok, "{printed}");
    let report: Value = serde_json::from_str(&printed).expect("JSON");
    let expected: Value = serde_json::from_str(&json[1]).expect("the spec's offers are JSON");
    assert!(
        contains(&report["offers"], &expected),
        "the spec says {expected:#}\nbut check prints {:#}",
        report["offers"]
    );
    assert_eq!(report["format"], 2);
}

#[test]
fn a_sample_names_enums_as_the_api_does_lists_each_issue_once_and_keeps_the_file_name_rule() {
    let (ok, printed) = pasar_sample(&["adapters/samples/mbiz.json", "adapters/mbiz.toml", "--json"]);
    assert!(ok, "{printed}");
    let report: Value = serde_json::from_str(&printed).expect("JSON");
    let offers = report["offers"].as_array().expect("offers");
    assert!(!offers.is_empty());
    for offer in offers {
        let vendor = &offer["vendor"];
        for value in [&vendor["legalForm"], &vendor["scale"], &offer["unit"]["derivation"]] {
            let name = value.as_str().expect("an enum value");
            assert_eq!(name, name.to_uppercase(), "spelt as GraphQL spells it (PT, not Pt): {offer}");
        }
        let issues: Vec<String> = offer["issues"].as_array().expect("issues").iter().map(Value::to_string).collect();
        let mut once = issues.clone();
        once.sort();
        once.dedup();
        assert_eq!(issues.len(), once.len(), "each issue once: {issues:?}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let misnamed = dir.path().join("m.toml");
    std::fs::write(&misnamed, bundled("mbiz.toml")).expect("write");
    let (ok, printed) = pasar_sample(&["adapters/samples/mbiz.json", misnamed.to_str().expect("utf-8")]);
    assert!(!ok && printed.contains("is not the file's name"), "{printed}");
}

/// Review39n R39n-6: a listing stating a rate no law has in force today shows its issue in the
/// sample as on the offer; one stating a rate that cannot be read shows no price.
#[test]
fn a_sample_shows_a_rate_not_in_force_and_no_price_for_an_unreadable_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut sample: Value = serde_json::from_str(&bundled("samples/jatim-bejo.json")).expect("JSON");
    sample["data"]["produk"][0]["ppn"] = 10.into();
    sample["data"]["produk"][1]["ppn"] = "abc".into();
    let path = dir.path().join("sample.json");
    std::fs::write(&path, sample.to_string()).expect("write");
    let (_, printed) = pasar_sample(&[path.to_str().expect("a path"), "adapters/jatim-bejo.toml", "--json"]);
    let report: Value = serde_json::from_str(&printed).unwrap_or_else(|e| panic!("{e}: {printed}"));
    let offers = report["offers"].as_array().expect("offers");
    let codes = |o: &Value| -> Vec<String> {
        o["issues"].as_array().expect("issues").iter().map(|i| i["code"].as_str().unwrap_or_default().into()).collect()
    };
    assert_eq!(offers[0]["price"]["vatRate"], "10", "{report}");
    assert!(codes(&offers[0]).contains(&"VAT_RATE_NOT_IN_FORCE".to_string()), "{report}");
    assert_eq!(offers[1]["price"], Value::Null, "{report}");
    assert!(codes(&offers[1]).contains(&"VAT_RATE_UNREADABLE".to_string()), "{report}");
}
