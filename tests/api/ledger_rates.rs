//! A ledger whose adapter file charges another rate than 11 % (12 for luxury goods, a 10 never
//! updated) is split at the rate in force on each entry's date, over real HTTP: `spending` and
//! the `/belanja` download give the sandbox's own net amounts (review39n R39n-2). An entry
//! stating its own rate keeps it, and one not in force on its date is flagged and counted.

use crate::helpers::{TEST_TIMEOUT, TestApp, TestOptions, catalogue, spawn_app_with};
use crate::jatim_stub::{Books, entry, gateway, honest_recap, stub};
use crate::reload::{adapters_except, over, repo_adapter};
use pasar::config::ClientConfig;
use pasar::sandbox::{LedgerStatus, MarketplaceKind, ledger_truth};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

const BY_MARKETPLACE: &str = r#"query($m: [ID!]) {
  spending(buyer: "35.71", year: 2022, marketplaces: $m) {
    complete byMarketplace { marketplace { id } total { amountIncludingVat amountExcludingVat } transactionCount }
  } }"#;

/// The adapter files with `id`'s `[transactions.pricing]` rate set to `rate`.
pub(crate) fn with_ledger_rate(dir: &Path, id: &str, rate: &str) {
    let from = "[transactions.pricing]\nvat_rate = \"11\"";
    let file = repo_adapter(id);
    assert!(file.contains(from), "{id}.toml charges 11 on its ledger");
    let changed = file.replace(from, &format!("[transactions.pricing]\nvat_rate = \"{rate}\""));
    std::fs::write(dir.join(format!("{id}.toml")), changed).expect("write");
}

/// The sandbox's completed 2022 entries of Kota Kediri on `kind`: (gross, net, count).
fn truth(kind: MarketplaceKind) -> (Decimal, Decimal, usize) {
    let all = ledger_truth(&catalogue(), kind, "35.71", 2022);
    let done: Vec<_> = all.iter().map(|t| &t.entry).filter(|e| e.status == LedgerStatus::Completed).collect();
    let sum = |f: fn(&&pasar::sandbox::LedgerEntry) -> u64| Decimal::from(done.iter().map(f).sum::<u64>());
    (sum(|e| e.gross), sum(|e| e.net), done.len())
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("a decimal string: {v}"))).expect("a decimal")
}

/// The `/belanja.csv` row of the marketplace named `name`: "gross;net;count".
async fn csv_row(app: &TestApp, name: &str) -> String {
    let url = format!("{}/belanja.csv?wilayah=35.71&tahun=2022", app.address);
    let text = app.client.get(url).send().await.expect("csv").text().await.expect("text");
    let start = format!("\nMarketplace;{name};");
    let at = text.find(&start).unwrap_or_else(|| panic!("a row for {name}: {text}"));
    let row = &text[at + start.len()..];
    row[..row.find('\n').expect("the row ends")].to_string()
}

/// Mbizmarket's file at 12 (luxury goods) and PaDi UMKM's at 10 (never updated), both sending
/// gross amounts with no rate of their own: 2022's entries were charged 10 % to 31 March and 11 %
/// from 1 April, and neither file's rate was in force on any of them.
#[tokio::test]
async fn a_ledger_file_at_twelve_or_ten_gives_the_net_amounts_of_the_rates_in_force_in_2022() {
    let dir = adapters_except(&[]);
    with_ledger_rate(dir.path(), "mbiz", "12");
    with_ledger_rate(dir.path(), "padi-umkm", "10");
    let app = spawn_app_with(over(dir.path(), TEST_TIMEOUT)).await;
    let body = app.graphql(BY_MARKETPLACE, json!({ "m": ["mbiz", "padi-umkm"] })).await;
    assert_eq!(body["data"]["spending"]["complete"], true, "{body}");
    let rows = body["data"]["spending"]["byMarketplace"].as_array().cloned().unwrap_or_default();
    for (kind, name) in [(MarketplaceKind::Mbiz, "Mbizmarket"), (MarketplaceKind::PadiUmkm, "PaDi UMKM")] {
        let (gross, net, count) = truth(kind);
        assert!(count > 0 && net < gross, "{kind}: PKP purchases in 2022");
        let row = rows.iter().find(|r| r["marketplace"]["id"] == kind.id()).cloned();
        let row = row.unwrap_or_else(|| panic!("{kind} in {body}"));
        let total = &row["total"];
        assert_eq!((dec(&total["amountIncludingVat"]), dec(&total["amountExcludingVat"])), (gross, net), "{kind}");
        assert_eq!(row["transactionCount"], count, "{kind}");
        assert_eq!(csv_row(&app, name).await, format!("{gross};{net};{count}"), "{kind} on /belanja");
    }
}

/// Kota Kediri's 2023 on a Jatim Bejo stub: Rp1.000.000 net three times, charged 11 % (in
/// force), 12 % (ordinary goods) and 10 % (repealed in April 2022), each entry stating its rate.
fn rates_stated(buyer: &str, year: i32) -> Vec<Value> {
    let stating = |id, date, gross, ppn| {
        let mut e = entry(id, buyer, date, gross, "SELESAI");
        e["ppn"] = json!(ppn);
        e
    };
    let all = [
        stating("R11", "2023-03-01T10:00:00+07:00", 1_110_000, 11),
        stating("R12", "2023-06-01T10:00:00+07:00", 1_120_000, 12),
        stating("R10", "2023-09-01T10:00:00+07:00", 1_100_000, 10),
    ];
    if (buyer, year) == ("35.71", 2023) { all.to_vec() } else { Vec::new() }
}

const STATED: &str = r#"{ spending(buyer: "35.71", year: 2023, marketplaces: ["jatim-bejo"]) {
    complete transactionCount total { amountIncludingVat amountExcludingVat }
    sources { vatRateNotInForceCount unreadableCount message } } }"#;

#[tokio::test]
async fn entries_stating_a_rate_not_in_force_on_their_date_keep_it_and_are_counted_beside_the_figures() {
    let app = gateway(Books { ledger: rates_stated, recap: honest_recap }).await;
    let body = app.graphql(STATED, json!({})).await;
    let s = &body["data"]["spending"];
    let total = (&s["total"]["amountIncludingVat"], &s["total"]["amountExcludingVat"]);
    assert_eq!(total, (&json!("3330000"), &json!("3000000")), "each split at its stated rate: {body}");
    assert_eq!((&s["complete"], &s["transactionCount"]), (&json!(true), &json!(3)), "the flag is no gap: {body}");
    let source = &s["sources"][0];
    assert_eq!((&source["vatRateNotInForceCount"], &source["unreadableCount"]), (&json!(2), &json!(0)), "{body}");
    let message = source["message"].as_str().unwrap_or_default();
    let said = "2 transactions state a PPN rate not in force on their date: split at it as stated, flagged \
                VAT_RATE_NOT_IN_FORCE";
    assert_eq!(message, said, "{body}");
}

/// The flag changes no figure: the ranking (on the ledger read above, not the recap) and the
/// `/belanja` download count the flagged entries as `spending` does.
#[tokio::test]
async fn flagged_entries_count_in_the_ranking_and_the_belanja_download_as_in_spending() {
    let app = gateway(Books { ledger: rates_stated, recap: honest_recap }).await;
    let body = app.graphql(STATED, json!({})).await;
    assert_eq!(body["data"]["spending"]["sources"][0]["vatRateNotInForceCount"], 2, "{body}");
    let ranking = r#"{ spendingRanking(province: "35", year: 2023, marketplace: "jatim-bejo", level: CITY, first: 1) {
        region { code } total { amountIncludingVat amountExcludingVat } transactionCount fromRecap } }"#;
    let ranked = app.graphql(ranking, json!({})).await;
    let row = &ranked["data"]["spendingRanking"][0];
    assert_eq!(
        (&row["region"]["code"], &row["total"]["amountIncludingVat"], &row["total"]["amountExcludingVat"]),
        (&json!("35.71"), &json!("3330000"), &json!("3000000")),
        "{ranked}"
    );
    assert_eq!((&row["transactionCount"], &row["fromRecap"]), (&json!(3), &json!(false)), "{ranked}");
    // The page sums every marketplace (the others are sandboxes): its total is `spending`'s.
    let all = r#"{ spending(buyer: "35.71", year: 2023) { total { amountIncludingVat amountExcludingVat } transactionCount } }"#;
    let all = app.graphql(all, json!({})).await;
    let (s, comma) = (&all["data"]["spending"], |v: &Value| v.as_str().unwrap_or_default().replace('.', ","));
    let (incl, excl) = (comma(&s["total"]["amountIncludingVat"]), comma(&s["total"]["amountExcludingVat"]));
    let csv = app.client.get(format!("{}/belanja.csv?wilayah=35.71&tahun=2023", app.address)).send().await;
    let csv = csv.expect("csv").text().await.expect("text");
    let count = &s["transactionCount"];
    assert!(csv.contains(&format!("\nTotal;Kota Kediri (35.71), tahun 2023;{incl};{excl};{count}\n")), "{all} {csv}");
    assert!(csv.contains("\nMarketplace;Jatim Bejo;3330000;3000000;3\n"), "{csv}");
}

/// The page and its download say what the API's `message` says: counted, but charged wrongly.
#[tokio::test]
async fn the_belanja_page_and_download_name_the_entries_stating_a_rate_not_in_force_on_their_date() {
    let app = gateway(Books { ledger: rates_stated, recap: honest_recap }).await;
    let said = "Jatim Bejo: 2 transaksi menyatakan tarif PPN yang tidak berlaku pada tanggalnya: dihitung dengan \
                tarif yang dinyatakan";
    let get = |path: &str| app.client.get(format!("{}{path}", app.address)).send();
    let page = get("/belanja?wilayah=35.71&tahun=2023").await.expect("page").text().await.expect("html");
    let note = &page[page.find("id=\"vat-rates\"").unwrap_or_else(|| panic!("a note on the rates: {page}"))..];
    assert!(note.starts_with(&format!("id=\"vat-rates\">{said}.</p>")), "{note:.300}");
    let csv = get("/belanja.csv?wilayah=35.71&tahun=2023").await.expect("csv").text().await.expect("text");
    assert!(csv.contains(&format!("\nTarif PPN;{said};;;2\n")), "{csv}");
}

/// Each flagged entry carries its issue in the list of transactions (the `transactions` scope).
#[tokio::test]
async fn a_transaction_stating_a_rate_not_in_force_on_its_date_carries_the_issue_in_the_list() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, stub(Books { ledger: rates_stated, recap: honest_recap })).await });
    let key = "rahasia-bpkad";
    let hash: String = Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let configure = move |config: &mut pasar::config::Config| {
        config.marketplaces.get_mut("jatim-bejo").expect("configured").base_url = Some(url.clone());
        let client = ClientConfig { key_sha256: hash.clone(), rate: None, scopes: vec!["transactions".into()] };
        config.clients = BTreeMap::from([("bpkad-jatim".to_string(), client)]);
    };
    let app = spawn_app_with(TestOptions { configure: Arc::new(configure), ..TestOptions::default() }).await;
    let query = r#"{ spending(buyer: "35.71", year: 2023, marketplaces: ["jatim-bejo"]) {
        transactions(first: 5) { nodes { id amount { amountExcludingVat } issues { field code message } } } } }"#;
    let request = app.client.post(format!("{}/graphql", app.address)).header("x-api-key", key);
    let body: Value =
        request.json(&json!({ "query": query })).send().await.expect("answers").json().await.expect("JSON");
    let nodes = body["data"]["spending"]["transactions"]["nodes"].as_array().cloned().unwrap_or_default();
    let issues = |id: &str| nodes.iter().find(|n| n["id"] == id).map(|n| n["issues"].clone());
    assert_eq!(issues("R11"), Some(json!([])), "in force: {body}");
    let twelve = json!([{ "field": "amount", "code": "VAT_RATE_NOT_IN_FORCE",
        "message": "the entry states PPN of 12 %, but the rate in force on 2023-06-01 was 11 %; its amount is split at 12 % as stated" }]);
    assert_eq!(issues("R12"), Some(twelve), "{body}");
    let codes = issues("R10").map(|i| i[0]["code"].clone());
    assert_eq!(codes, Some(json!("VAT_RATE_NOT_IN_FORCE")), "{body}");
    let nets: Vec<&Value> = nodes.iter().map(|n| &n["amount"]["amountExcludingVat"]).collect();
    assert_eq!(nets, [&json!("1000000"); 3], "each split at its stated rate: {body}");
}
