//! Spending per Pemda from the sandboxes' ledgers: the story's figure and rank, every figure
//! against totals computed independently from the sandbox's own ledger, a stopped marketplace,
//! and who may list transactions.

use crate::helpers::{TestOptions, catalogue, spawn_app, spawn_app_with};
use pasar::config::ClientConfig;
use pasar::sandbox::{LedgerStatus, MarketplaceKind, ledger_truth};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::Arc;

const SPENDING: &str = r#"query($buyer: String!, $year: Int!, $m: [ID!]) {
  spending(buyer: $buyer, year: $year, marketplaces: $m) {
    total { amountIncludingVat amountExcludingVat } transactionCount complete
    sources { marketplace { id } status transactionCount unreadableCount message }
    byMarketplace { marketplace { id } total { amountIncludingVat amountExcludingVat } transactionCount }
    byMonth { month total { amountIncludingVat } transactionCount }
    byPaymentMethod { method total { amountIncludingVat } transactionCount }
    shares {
      umk { share value base unknown } koperasi { share value base unknown }
      sameRegion { share value base unknown } sameProvince { share value base unknown }
      certifiedTkdn { share value base unknown }
    }
    topVendors(first: 3) { name total { amountIncludingVat } marketplaces }
  } }"#;

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("a decimal string: {v}"))).expect("a decimal")
}

#[tokio::test]
async fn kota_kediri_bought_rp35_921_908_461_on_jatim_bejo_in_2022_and_ranks_second_among_the_kota() {
    let app = spawn_app().await;
    let body = app.graphql(SPENDING, json!({ "buyer": "35.71", "year": 2022, "m": ["jatim-bejo"] })).await;
    let s = &body["data"]["spending"];
    assert_eq!(s["total"]["amountIncludingVat"], "35921908461", "{body}");
    assert_eq!(s["complete"], true);
    let ranking = app
        .graphql(
            r#"{ spendingRanking(province: "35", year: 2022, marketplace: "jatim-bejo", level: CITY) {
                 rank region { code name } total { amountIncludingVat } transactionCount complete } }"#,
            json!({}),
        )
        .await;
    let rows = ranking["data"]["spendingRanking"].as_array().expect("a ranking");
    assert_eq!(rows.len(), 9, "the nine kota of Jawa Timur: {ranking}");
    assert_eq!(rows[0]["region"]["code"], "35.78", "Surabaya first");
    assert_eq!(rows[1]["region"]["code"], "35.71");
    assert_eq!(rows[1]["rank"], 2);
    assert_eq!(rows[1]["total"]["amountIncludingVat"], "35921908461");
    assert_eq!(rows[1]["transactionCount"], s["transactionCount"], "the totals endpoint agrees with the ledger");
}

#[tokio::test]
async fn equal_totals_share_a_rank_and_the_next_rank_skips_their_places() {
    let app = spawn_app().await;
    let query = r#"{ spendingRanking(province: "35", year: 2022) { rank total { amountIncludingVat } } }"#;
    let body = app.graphql(query, json!({})).await;
    let rows = body["data"]["spendingRanking"].as_array().unwrap_or_else(|| panic!("rows: {body}"));
    assert_eq!(rows.len(), 38, "every kabupaten and kota of Jawa Timur");
    let total = |row: &Value| dec(&row["total"]["amountIncludingVat"]);
    for row in rows {
        // A rank is one more than the number of Pemdas that spent more.
        let above = rows.iter().filter(|other| total(other) > total(row)).count();
        assert_eq!(row["rank"], above + 1, "{row} after {above} larger totals");
    }
}

#[tokio::test]
async fn a_year_without_transactions_ranks_nobody_as_the_page_and_the_csv_do() {
    let app = spawn_app().await;
    let query = r#"{ spendingRanking(province: "35", year: 2025) { rank transactionCount } }"#;
    let body = app.graphql(query, json!({})).await;
    assert!(body["errors"].is_null(), "nothing failed: {body}");
    // belanja.rs checks the page and the CSV rank nobody in 2025.
    assert_eq!(body["data"]["spendingRanking"], json!([]), "no 38 Pemdas at rank 1 with Rp0: {body}");
}

#[tokio::test]
async fn a_ranking_at_level_province_is_refused_since_it_lists_kabupaten_and_kota() {
    let app = spawn_app().await;
    let query = r#"{ spendingRanking(province: "35", year: 2022, level: PROVINCE) { rank } }"#;
    let body = app.graphql(query, json!({})).await;
    assert!(body["data"].is_null(), "not an empty ranking: {body}");
    let extensions = &body["errors"][0]["extensions"];
    assert_eq!(
        (extensions["code"].as_str(), extensions["field"].as_str()),
        (Some("BAD_USER_INPUT"), Some("level")),
        "{body}"
    );
}

#[tokio::test]
async fn every_total_and_share_matches_the_sandbox_ledger_summed_on_its_own() {
    let app = spawn_app().await;
    let body = app.graphql(SPENDING, json!({ "buyer": "35.71", "year": 2023 })).await;
    let s = &body["data"]["spending"];
    assert_eq!(s["complete"], true, "{body}");
    let (mut gross, mut net, mut count) = (Decimal::ZERO, Decimal::ZERO, 0u64);
    let (mut umk, mut kop, mut local, mut prov, mut tkdn) = Default::default();
    let mut cancelled = 0;
    for kind in MarketplaceKind::all() {
        let truth = ledger_truth(&catalogue(), *kind, "35.71", 2023);
        let done: Vec<_> = truth.iter().filter(|t| t.entry.status == LedgerStatus::Completed).collect();
        cancelled += truth.iter().filter(|t| t.entry.status == LedgerStatus::Cancelled).count();
        let here: Decimal = done.iter().map(|t| Decimal::from(t.entry.gross)).sum();
        let row = s["byMarketplace"].as_array().expect("rows").iter().find(|r| r["marketplace"]["id"] == kind.id());
        let row = row.unwrap_or_else(|| panic!("{kind} is in byMarketplace"));
        assert_eq!(dec(&row["total"]["amountIncludingVat"]), here, "{kind}");
        assert_eq!(row["transactionCount"], done.len(), "{kind}");
        for t in done {
            let g = Decimal::from(t.entry.gross);
            (gross, net, count) = (gross + g, net + Decimal::from(t.entry.net), count + 1);
            let add = |sum: &mut Decimal, yes: bool| *sum += if yes { g } else { Decimal::ZERO };
            add(&mut umk, t.umk);
            add(&mut kop, t.koperasi);
            add(&mut local, t.vendor_region == "35.71");
            add(&mut prov, t.vendor_region.starts_with("35."));
            add(&mut tkdn, t.entry.tkdn_tenths.is_some());
        }
    }
    assert!(cancelled > 0, "the ledgers hold cancelled transactions");
    assert_eq!(dec(&s["total"]["amountIncludingVat"]), gross);
    assert_eq!(dec(&s["total"]["amountExcludingVat"]), net);
    assert_eq!(s["transactionCount"], count);
    let shares = &s["shares"];
    for (name, value) in
        [("umk", umk), ("koperasi", kop), ("sameRegion", local), ("sameProvince", prov), ("certifiedTkdn", tkdn)]
    {
        assert_eq!(dec(&shares[name]["value"]), value, "{name}: {}", shares[name]);
        assert_eq!(dec(&shares[name]["base"]), gross, "{name}: every seller's facts are known");
        assert_eq!(dec(&shares[name]["unknown"]), Decimal::ZERO, "{name}");
        assert_eq!(dec(&shares[name]["share"]), (value / gross).round_dp(4), "{name}");
    }
    let months: Decimal =
        s["byMonth"].as_array().expect("months").iter().map(|m| dec(&m["total"]["amountIncludingVat"])).sum();
    assert_eq!(months, gross, "the months add up to the total");
    let methods: Vec<&str> =
        s["byPaymentMethod"].as_array().expect("methods").iter().filter_map(|m| m["method"].as_str()).collect();
    assert_eq!(
        methods,
        ["VIRTUAL_ACCOUNT", "BANK_TRANSFER", "GOVERNMENT_CARD", "CASH_MANAGEMENT"],
        "every method is used"
    );
    let top = s["topVendors"].as_array().expect("vendors");
    assert!(
        top.len() == 3 && dec(&top[0]["total"]["amountIncludingVat"]) >= dec(&top[1]["total"]["amountIncludingVat"])
    );
}

#[tokio::test]
async fn a_stopped_marketplace_leaves_spending_incomplete_and_is_named_never_counted_as_zero() {
    let mut app = spawn_app().await;
    let mbiz = app.sandboxes.iter().position(|s| s.kind() == MarketplaceKind::Mbiz).expect("mbiz runs");
    app.sandboxes.remove(mbiz).stop().await;
    let body = app.graphql(SPENDING, json!({ "buyer": "35.06", "year": 2022 })).await;
    let s = &body["data"]["spending"];
    assert_eq!(s["complete"], false, "{body}");
    let source = s["sources"].as_array().expect("sources").iter().find(|r| r["marketplace"]["id"] == "mbiz").cloned();
    assert_eq!(source.expect("mbiz is reported")["status"], "UPSTREAM_ERROR");
    let errors = body["errors"].as_array().expect("an error names it");
    assert!(
        errors
            .iter()
            .any(|e| e["extensions"]["marketplace"] == "mbiz" && e["extensions"]["code"] == "MARKETPLACE_UNAVAILABLE")
    );
    let rows = s["byMarketplace"].as_array().expect("rows");
    assert!(rows.iter().all(|r| r["marketplace"]["id"] != "mbiz"), "no zero row for the stopped marketplace");
    let others: Decimal = rows.iter().map(|r| dec(&r["total"]["amountIncludingVat"])).sum();
    assert_eq!(dec(&s["total"]["amountIncludingVat"]), others);
    let ranking = app
        .graphql(
            r#"{ spendingRanking(province: "35", year: 2022, level: CITY, first: 3) { rank complete } }"#,
            json!({}),
        )
        .await;
    assert!(ranking["data"]["spendingRanking"].as_array().expect("rows").iter().all(|r| r["complete"] == false));
    assert!(ranking["errors"].as_array().expect("errors").iter().any(|e| e["extensions"]["marketplace"] == "mbiz"));
}

#[tokio::test]
async fn a_ranking_is_read_from_the_totals_endpoint_once_and_then_from_the_cache() {
    let app = spawn_app().await;
    let jatim = app.sandboxes.iter().find(|s| s.kind() == MarketplaceKind::JatimBejo).expect("jatim-bejo runs");
    jatim.reset_stats();
    let query =
        r#"{ spendingRanking(province: "35", year: 2024, marketplace: "jatim-bejo") { rank region { code } } }"#;
    let first = app.graphql(query, json!({})).await;
    assert_eq!(first["data"]["spendingRanking"].as_array().expect("rows").len(), 38, "{first}");
    assert_eq!(jatim.requests_served(), 38, "one totals call per Pemda, no ledger pages");
    let again = app.graphql(query, json!({})).await;
    assert_eq!(again, first);
    assert_eq!(jatim.requests_served(), 38, "the second ranking costs no call");
}

#[tokio::test]
async fn listing_transactions_needs_the_transactions_scope() {
    let key = "rahasia-bpkad";
    let hash: String = Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let options = TestOptions {
        configure: Arc::new(move |config| {
            let client = ClientConfig { key_sha256: hash.clone(), rate: None, scopes: vec!["transactions".into()] };
            config.clients = BTreeMap::from([("bpkad-jatim".to_string(), client)]);
        }),
        ..TestOptions::default()
    };
    let app = spawn_app_with(options).await;
    let query = r#"{ spending(buyer: "35.71", year: 2022, marketplaces: ["jatim-bejo"]) {
        transactionCount transactions(first: 5) { totalCount hasNextPage endCursor
          nodes { id date satker vendorName vendorNpwp status paymentMethod amount { amountIncludingVat } } } } }"#;
    let refused = app.graphql(query, json!({})).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "TRANSACTIONS_FORBIDDEN", "{refused}");
    assert!(refused["data"]["spending"].is_null() || refused["data"]["spending"]["transactions"].is_null());
    let body: Value = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("x-api-key", key)
        .json(&json!({ "query": query }))
        .send()
        .await
        .expect("answers")
        .json()
        .await
        .expect("JSON");
    let page = &body["data"]["spending"]["transactions"];
    assert_eq!(page["nodes"].as_array().map(Vec::len), Some(5), "{body}");
    assert_eq!(page["hasNextPage"], true);
    assert!(
        page["totalCount"].as_i64() > body["data"]["spending"]["transactionCount"].as_i64(),
        "cancelled ones are listed too"
    );
    assert_eq!(page["nodes"][0]["date"], "2022-01-01", "the first purchase, 00:30 WIB on 1 January");
    assert!(page["nodes"][0]["satker"].is_string());
}

#[tokio::test]
async fn the_buyer_page_and_graphql_read_one_ledger_load() {
    let app = spawn_app().await;
    for sandbox in &app.sandboxes {
        sandbox.state().reset_stats();
    }
    let page = app.client.get(format!("{}/belanja?wilayah=35.71&tahun=2022", app.address)).send().await;
    assert_eq!(page.expect("page").status(), 200);
    let asked = |app: &crate::helpers::TestApp| app.sandboxes.iter().map(|s| s.state().requests_served()).sum::<u64>();
    let after_page = asked(&app);
    assert!(after_page > 0, "the page read the ledgers");
    let body = app.graphql(SPENDING, json!({ "buyer": "35.71", "year": 2022 })).await;
    assert_eq!(body["data"]["spending"]["complete"], true, "{body}");
    assert_eq!(asked(&app), after_page, "the ledgers the page loaded answered GraphQL too");
}

#[tokio::test]
async fn rankings_arriving_together_ask_a_marketplace_at_most_a_quarter_of_its_concurrency_at_once() {
    // concurrency 8: a lane of 2 spending calls. Four rankings of 38 Pemdas each would otherwise
    // ask 6 totals at a time each, 24 at once.
    let app = spawn_app_with(TestOptions { concurrency: Some(8), ..TestOptions::default() }).await;
    let jatim = app.sandbox("jatim-bejo");
    let slow = pasar::sandbox::FaultConfig { latency_ms: 30, mode: "none".into(), ..Default::default() };
    jatim.faults().apply(&slow).expect("fault");
    jatim.reset_stats();
    let rankings = (2020..2024).map(|year| {
        let query = format!(
            r#"{{ spendingRanking(province: "35", year: {year}, marketplace: "jatim-bejo") {{ rank complete }} }}"#
        );
        let app = &app;
        async move { (year, app.graphql(&query, json!({})).await) }
    });
    for (year, answer) in futures::future::join_all(rankings).await {
        let rows = answer["data"]["spendingRanking"].as_array().unwrap_or_else(|| panic!("rows: {answer}"));
        // The sandbox's ledgers begin in 2022: every total of 2020 and 2021 is asked, nobody ranked.
        let ranked = if pasar::sandbox::LEDGER_YEARS.contains(&year) { 38 } else { 0 };
        assert_eq!(rows.len(), ranked, "{year}: {answer}");
        assert!(rows.iter().all(|r| r["complete"] == true), "{answer}");
    }
    assert_eq!(jatim.requests_served(), 4 * 38);
    assert_eq!(jatim.peak_in_flight(), 2, "a lane of 2, used to the full");
}

#[tokio::test]
async fn an_empty_list_of_marketplaces_is_refused_as_the_search_filter_refuses_it() {
    let app = spawn_app().await;
    let body = app.graphql(SPENDING, json!({ "buyer": "35.71", "year": 2022, "m": [] })).await;
    assert!(body["data"].is_null(), "no Rp0 answered as complete: {body}");
    let extensions = &body["errors"][0]["extensions"];
    assert_eq!(
        (extensions["code"].as_str(), extensions["field"].as_str()),
        (Some("BAD_USER_INPUT"), Some("marketplaces")),
        "{body}"
    );
}
