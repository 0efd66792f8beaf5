//! The buyer's pages in a real browser (headless Chromium) over the test sandboxes: the
//! comparison page, the printed survey and its CSV, checked against the GraphQL answer.

use crate::browser::{Page, artifact};
use crate::helpers::{TestApp, spawn_app};
use regex::Regex;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

const SEARCH: &str = "q=kertas+hvs+a4&region=35.71";
const MARKETPLACES: [&str; 5] = ["bela", "ekatalog", "jatim-bejo", "mbiz", "padi-umkm"];

const COMPARE: &str = r#"query($q: String!, $buyer: BuyerContext) { compare(query: $q, buyer: $buyer, first: 10) {
  groups {
    title
    cheapest { id }
    offers { id price { amountIncludingVat amountExcludingVat } unitPrice { amountIncludingVat } tkdn vendor { name npwp } }
  }
} }"#;

async fn dom(url: String) -> String {
    tokio::task::spawn_blocking(move || Page::new(&url).dom()).await.expect("browser")
}

/// Every value of `attribute` on elements whose class attribute is exactly `class`.
fn attribute_values(html: &str, class: &str, attribute: &str) -> Vec<String> {
    let pattern = format!(r#"<li class="{class}"[^>]*?{attribute}="([^"]+)""#);
    Regex::new(&pattern).expect("regex").captures_iter(html).map(|c| c[1].to_string()).collect()
}

async fn graphql_compare(app: &TestApp) -> Value {
    let response = app.graphql(COMPARE, json!({ "q": "kertas hvs a4", "buyer": { "regionCode": "35.71" } })).await;
    assert!(response["errors"].is_null(), "{response}");
    response["data"]["compare"].clone()
}

fn decimal(text: &str) -> Decimal {
    Decimal::from_str(&text.replace(',', ".")).unwrap_or_else(|e| panic!("{text:?} is not an exact decimal: {e}"))
}

#[tokio::test]
async fn the_comparison_page_groups_offers_from_several_marketplaces_marks_the_cheapest_and_explains_in_indonesian() {
    let app = crate::buyer_survey::patient_app().await;
    // GraphQL first: the page then reads the same pages from the cache, so both group the same offers.
    let compare = graphql_compare(&app).await;
    let url = format!("{}/?{SEARCH}", app.address);
    let html = dom(url.clone()).await;
    assert!(html.contains(r#"<html lang="id">"#), "the page says its language");
    let groups = html.matches(r#"<section class="group""#).count();
    assert!(groups >= 3, "product groups are shown ({groups})");
    let offers = attribute_values(&html, "offer", "data-marketplace");
    let cheapest = attribute_values(&html, "offer cheapest", "data-offer");
    let marketplaces: BTreeSet<String> =
        offers.iter().cloned().chain(attribute_values(&html, "offer cheapest", "data-marketplace")).collect();
    assert!(marketplaces.len() >= 3, "offers from several marketplaces: {marketplaces:?}");
    assert_eq!(cheapest.len(), groups, "exactly one offer per group is marked cheapest");
    // The same search through GraphQL names the same cheapest offer for each group.
    let expected: Vec<String> = compare["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["cheapest"]["id"].as_str().expect("cheapest id").to_string())
        .collect();
    assert_eq!(cheapest, expected, "the page and GraphQL agree on the cheapest offer of each group");
    let reasons = Regex::new(r#"Alasan urutan: </strong>([^<]+)"#).expect("regex");
    let reasons: Vec<String> = reasons.captures_iter(&html).map(|c| c[1].to_string()).collect();
    assert!(reasons.len() >= groups, "every shown offer has its reasons ({})", reasons.len());
    assert!(
        reasons.iter().any(|r| r.starts_with("Penyedia UMK di Kota Kediri") && r.contains("; TKDN ")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().all(|r| (r.starts_with("Penyedia") || r.starts_with("Koperasi")) && r.contains(" di ")),
        "{reasons:?}"
    );
    for raw in ["set aside", "preferred under", "SAME_REGENCY", "TKDN_BMP_40", "UPSTREAM_ERROR", "Pasal 66(2)"] {
        assert!(!html.contains(raw), "no English reason or raw code on the page: {raw}");
    }
    for id in MARKETPLACES {
        let state =
            Regex::new(&format!(r#"<li class="answered" data-marketplace="{id}"><strong>[^<]+</strong>: ([^<]+)<"#))
                .expect("regex");
        let said = state.captures(&html).map(|c| c[1].to_string()).unwrap_or_else(|| panic!("no state for {id}"));
        assert!(said.starts_with("dari cache, "), "{id} answered GraphQL's search just before: {said}");
    }
    let (wide, narrow) = (artifact("buyer-page-1280.png"), artifact("buyer-page-360.png"));
    let narrow_url = url.clone();
    let (a, b) = tokio::join!(
        tokio::task::spawn_blocking(move || Page { height: 1800, ..Page::new(&url) }.screenshot(&wide)),
        tokio::task::spawn_blocking(move || Page::new(&narrow_url).width(360).screenshot(&narrow)),
    );
    a.and(b).expect("browser");
}

#[tokio::test]
async fn the_empty_page_has_a_labelled_form_in_indonesian_and_english() {
    let app = spawn_app().await;
    let html = dom(format!("{}/", app.address)).await;
    let ids = Regex::new(r#"<(?:input|select) id="([^"]+)""#).expect("regex");
    let controls: Vec<String> = ids.captures_iter(&html).map(|c| c[1].to_string()).collect();
    assert_eq!(controls, ["q", "region", "sort", "tkdn", "min", "max"]);
    for id in &controls {
        assert!(html.contains(&format!(r#"<label for="{id}""#)), "control {id} has a label");
    }
    let boxes = html.matches(r#"<input type="checkbox""#).count();
    assert_eq!(boxes, 4, "the four filters");
    assert_eq!(html.matches(r#"<label><input type="checkbox""#).count(), boxes, "each checkbox sits in its label");
    // Province first: the start page lists the 38 provinces, not all 553 regions.
    assert!(html.contains(r#"<option value="35">Jawa Timur</option>"#), "provinces come from the bundled table");
    assert!(!html.contains(r#"<option value="35.71">"#), "no regency before a province is chosen");
    assert!(html.matches("<option").count() < 50, "a light region list");
    assert!(html.contains("Barang yang dicari"));
    let english = app.client.get(format!("{}/?lang=en&{SEARCH}", app.address)).send().await.expect("page");
    assert_eq!(english.status(), 200);
    let english = english.text().await.expect("html");
    assert!(english.contains(r#"<html lang="en">"#) && english.contains("What you are looking for"));
    assert!(english.contains("Micro/small vendor (UMK) in Kota Kediri"), "reasons in English too");
    let refused =
        app.client.get(format!("{}/?q=kertas&min=15rb&region=99.99", app.address)).send().await.expect("page");
    assert_eq!(refused.status(), 400);
    let refused = refused.text().await.expect("html");
    assert!(refused.contains("Kode wilayah tidak dikenal") && refused.contains("Harga harus jumlah rupiah"));
    assert!(!refused.contains(r#"<section class="group""#), "no search runs on a value that could not be read");
}

#[tokio::test]
async fn the_survey_csv_has_graphqls_exact_amounts_and_the_printed_survey_has_every_row() {
    let app = crate::buyer_survey::patient_app().await;
    let compare = graphql_compare(&app).await;
    let by_id: BTreeMap<&str, &Value> = compare["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["offers"].as_array().expect("offers"))
        .map(|o| (o["id"].as_str().expect("id"), o))
        .collect();
    let csv = app.client.get(format!("{}/survey.csv?{SEARCH}&top=3", app.address)).send().await.expect("csv");
    assert_eq!(csv.status(), 200);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    // Bytes, not `text()`: the client's decoder would drop the byte-order mark.
    let bytes = csv.bytes().await.expect("csv bytes");
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").expect("a UTF-8 byte-order mark for spreadsheets");
    let body = std::str::from_utf8(body).expect("UTF-8");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert!(rows.len() >= 6, "three offers for each of several products ({} rows)", rows.len());
    let mut per_product: BTreeMap<String, usize> = BTreeMap::new();
    for row in &rows {
        *per_product.entry(row[column("produk")].to_string()).or_default() += 1;
        let offer = by_id.get(&row[column("id_penawaran")]).unwrap_or_else(|| panic!("{row:?} is in GraphQL's answer"));
        let graphql = |value: &Value| decimal(value.as_str().expect("decimal string"));
        assert_eq!(decimal(&row[column("harga_termasuk_ppn")]), graphql(&offer["price"]["amountIncludingVat"]));
        assert_eq!(decimal(&row[column("harga_tanpa_ppn")]), graphql(&offer["price"]["amountExcludingVat"]));
        assert_eq!(
            decimal(&row[column("harga_satuan_termasuk_ppn")]),
            graphql(&offer["unitPrice"]["amountIncludingVat"])
        );
        assert_eq!(row[column("penyedia")], offer["vendor"]["name"]);
        assert!(!row[column("harga_termasuk_ppn")].contains('.'), "no thousands separator: {row:?}");
        // Written bare, so a spreadsheet reads a number: no quotes, no formula-guard `'`.
        let amount = &row[column("harga_termasuk_ppn")];
        assert!(body.contains(&format!(";{amount};")), "{amount} is an unquoted number in the CSV");
        assert!(row[column("dibaca_pada")].ends_with(" WIB"), "{row:?}");
    }
    assert!(per_product.values().all(|&n| n <= 3), "{per_product:?}");

    let survey_url = format!("{}/survey?{SEARCH}&top=3", app.address);
    let html = app.client.get(&survey_url).send().await.expect("survey").text().await.expect("html");
    assert_eq!(html.matches("<tr data-offer=").count(), rows.len(), "the sheet and the CSV have the same rows");
    assert!(html.contains("Marketplace yang dicari: ") && html.contains("Semua menjawab."));
    // The other language's link is the same survey: its offers per product too.
    let english = html.split("class=\"lang\" href=\"").nth(1).and_then(|link| link.split('"').next());
    let english = english.unwrap_or_else(|| panic!("an English link: {html}"));
    assert!(english.contains("lang=en") && english.contains("top=3"), "{english}");
    let pdf = artifact("survey.pdf");
    let printed = pdf.clone();
    tokio::task::spawn_blocking(move || Page::new(&survey_url).pdf(&printed)).await.expect("browser");
    let text = pdf_text(&pdf);
    assert!(text.contains("Survei harga pasar") && text.contains("median"), "{text}");
    for row in &rows {
        let npwp = &row[column("npwp")];
        let price = format_rupiah(&row[column("harga_termasuk_ppn")]);
        assert!(text.contains(&price), "{price} printed");
        assert!(npwp.is_empty() || text.contains(npwp), "NPWP {npwp} printed");
    }
}

#[tokio::test]
async fn a_stopped_marketplace_shows_as_unavailable_while_the_others_offers_are_shown() {
    let mut app = spawn_app().await;
    app.stop_sandbox("mbiz").await;
    let html = dom(format!("{}/?{SEARCH}", app.address)).await;
    let missing = Regex::new(r#"<li class="missing" data-marketplace="mbiz"><strong>Mbizmarket</strong>: ([^<]+)<"#)
        .expect("regex");
    let said = missing.captures(&html).map(|c| c[1].to_string()).unwrap_or_else(|| panic!("mbiz is not shown missing"));
    assert!(said.starts_with("tidak tersedia"), "{said}");
    let shown: BTreeSet<String> = attribute_values(&html, "offer", "data-marketplace").into_iter().collect();
    assert!(shown.len() >= 2 && !shown.contains("mbiz"), "the others' offers are shown: {shown:?}");
    let survey = app.client.get(format!("{}/survey?{SEARCH}", app.address)).send().await.expect("survey");
    let survey = survey.text().await.expect("html");
    assert!(survey.contains("Tidak menjawab: Mbizmarket (tidak tersedia"), "the survey says who did not answer");
}

/// `Rp264.000` from the CSV's `264000` (whole rupiah in the sandboxes' prices).
fn format_rupiah(amount: &str) -> String {
    assert!(amount.bytes().all(|b| b.is_ascii_digit()), "a whole rupiah amount: {amount}");
    let digits: Vec<char> = amount.chars().collect();
    let mut out = String::from("Rp");
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(*d);
    }
    out
}

fn pdf_text(pdf: &std::path::Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (tests/run.sh installs poppler-utils)");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test]
async fn a_price_without_ppn_says_why_and_a_stated_availability_and_minimum_order_are_shown() {
    let app = spawn_app().await;
    let page = |q: &str| {
        let url = format!("{}/?q={q}&region=35.71", app.address);
        let client = app.client.clone();
        async move { client.get(url).send().await.expect("page").text().await.expect("html") }
    };
    let staples = page("gula+pasir").await;
    assert!(staples.contains("(barang bebas PPN)"), "bela's exempt sugar says so");
    let catering = page("nasi+kotak").await;
    assert!(catering.contains("(dikenai PBJT daerah, bukan PPN)"), "bela's catering says PBJT");
    assert!(catering.contains("Minimal pembelian"), "bela states a minimum order");
    let laptops = page("laptop").await;
    let bela: Vec<&str> =
        laptops.split(r#"data-offer="bela:"#).skip(1).filter_map(|o| o.split("</li>").next()).collect();
    assert!(!bela.is_empty(), "bela's laptops are on the page");
    let known = ["tersedia", "stok terbatas", "pre-order (inden)", "stok habis", "tidak dijual lagi"];
    assert!(
        bela.iter().all(|o| known.iter().any(|k| o.contains(&format!("<dd>{k}</dd>")))),
        "availability instead of stock"
    );
    let unexplained = bela.iter().filter(|o| o.contains("(penjual tidak memungut PPN)")).count();
    assert_eq!(unexplained, 0, "format 2 says why there is no PPN, not only that there is none");
    assert!(
        bela.iter().any(|o| o.contains("(penjual bukan PKP, tidak memungut PPN)")),
        "some laptop sellers are not PKP"
    );
}

#[tokio::test]
async fn each_page_writes_every_amount_with_its_languages_marks() {
    let app = spawn_app().await;
    // Indonesian: `Rp61.050`, `Rp89,44`; English: `Rp61,050`, `Rp89.44`; a comma never means
    // both on one page (the English page wrote `Rp89,44 / sheet` beside `box of 2,500`).
    let checks = [("", r"^Rp\d{1,3}(\.\d{3})*(,\d{1,2})?$"), ("&lang=en", r"^Rp\d{1,3}(,\d{3})*(\.\d{1,2})?$")];
    let amount = Regex::new(r"Rp\d[\d.,]*\d|Rp\d").expect("regex");
    for (lang, pattern) in checks {
        let written = Regex::new(pattern).expect("regex");
        let html = app.client.get(format!("{}/?{SEARCH}{lang}", app.address)).send().await.expect("page");
        let html = html.text().await.expect("html");
        let amounts: Vec<&str> = amount.find_iter(&html).map(|m| m.as_str()).collect();
        assert!(amounts.len() > 50, "{lang}: a comparison full of amounts, {}", amounts.len());
        assert!(amounts.iter().any(|a| a.len() > 7), "{lang}: some amounts in thousands: {amounts:?}");
        let wrong: Vec<&&str> = amounts.iter().filter(|a| !written.is_match(a)).collect();
        assert!(wrong.is_empty(), "{lang}: amounts not written the page's way: {wrong:?}");
    }
}

#[tokio::test]
async fn the_survey_sheet_refuses_a_value_it_cannot_use_with_the_form_as_the_comparison_page_does() {
    let app = spawn_app().await;
    for query in ["q=kertas&top=0", "q=kertas&region=99.99", "q=kertas&min=abc"] {
        let answer = app.client.get(format!("{}/survey?{query}", app.address)).send().await.expect("answer");
        assert_eq!(answer.status(), 400, "{query}");
        assert!(answer.headers()["content-type"].to_str().expect("type").starts_with("text/html"), "{query}");
        let html = answer.text().await.expect("html");
        assert!(html.contains("<title>Kesalahan: ") && html.contains("<form"), "{query}: {html}");
        assert!(!html.contains("BAD_USER_INPUT"), "{query}: no machine code on a page");
    }
    let region = app.client.get(format!("{}/survey?q=kertas&region=99.99", app.address)).send().await.expect("page");
    assert!(region.text().await.expect("html").contains(r#"aria-invalid="true""#), "the region field is marked");
    // The downloads keep their plain-text refusal.
    let csv = app.client.get(format!("{}/survey.csv?q=kertas&top=0", app.address)).send().await.expect("csv");
    assert_eq!(csv.status(), 400);
    assert!(csv.text().await.expect("text").trim_end().ends_with("(BAD_USER_INPUT)"));
}
