//! Issue 28 items 3 and 4: the survey's market figures are `compare`'s (and a spreadsheet's),
//! every chosen offer is there or named missing, and the spreadsheet keeps NPWPs intact.

use crate::helpers::{TestApp, TestOptions, spawn_app_with};
use regex::Regex;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

pub const SEARCH: &str = "q=kertas+hvs+a4&region=35.71";

const COMPARE: &str = r#"{ compare(query: "kertas hvs a4", buyer: { regionCode: "35.71" }, first: 10) {
  groups { title unitPriceMin unitPriceMedian unitPriceMax unitPrices offers { id vendor { npwp } } }
} }"#;

/// A gateway whose marketplaces all answer even on a loaded machine, so the page and the API
/// (read from the same cache) see the same offers.
pub async fn patient_app() -> TestApp {
    spawn_app_with(TestOptions { timeout: std::time::Duration::from_secs(20), ..TestOptions::default() }).await
}

pub async fn groups(app: &TestApp) -> Vec<Value> {
    let response = app.graphql(COMPARE, json!({})).await;
    assert!(response["errors"].is_null(), "{response}");
    response["data"]["compare"]["groups"].as_array().expect("groups").clone()
}

fn decimal(value: &Value) -> Option<Decimal> {
    value.as_str().map(|s| Decimal::from_str(s).expect("a decimal"))
}

/// MIN, MEDIAN and MAX as a spreadsheet computes them.
fn spreadsheet(values: &[Decimal]) -> (Option<Decimal>, Option<Decimal>, Option<Decimal>) {
    let mut v = values.to_vec();
    v.sort();
    let n = v.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / Decimal::from(2)),
    };
    (v.first().copied(), median, v.last().copied())
}

#[tokio::test]
async fn the_surveys_market_figures_are_compares_and_a_spreadsheets_over_the_groups_counted_unit_prices() {
    let app = patient_app().await;
    let groups = groups(&app).await;
    let url = format!("{}/survey?{SEARCH}&top=1", app.address);
    let html = app.client.get(&url).send().await.expect("survey").text().await.expect("html");
    let market = Regex::new(
        r#"data-figures="market" data-count="(\d+)">.*?class="min" data-value="([^"]*)".*?class="median" data-value="([^"]*)".*?class="max" data-value="([^"]*)""#,
    )
    .expect("regex");
    let shown: Vec<_> = market.captures_iter(&html).collect();
    assert_eq!(shown.len(), groups.len(), "one market line per product");
    let read = |text: &str| (!text.is_empty()).then(|| Decimal::from_str(text).expect("exact"));
    let mut even = 0;
    for (group, line) in groups.iter().zip(shown) {
        let counted: Vec<Decimal> =
            group["unitPrices"].as_array().expect("unitPrices").iter().filter_map(decimal).collect();
        even += usize::from(counted.len().is_multiple_of(2) && !counted.is_empty());
        assert_eq!(line[1].parse::<usize>().expect("count"), counted.len(), "{}", group["title"]);
        let page = (read(&line[2]), read(&line[3]), read(&line[4]));
        let api =
            (decimal(&group["unitPriceMin"]), decimal(&group["unitPriceMedian"]), decimal(&group["unitPriceMax"]));
        assert_eq!(page, api, "{}: the survey's figures are compare's", group["title"]);
        assert_eq!(api, spreadsheet(&counted), "{}: and what MIN/MEDIAN/MAX give", group["title"]);
    }
    assert!(even > 0, "an even count is among the groups, so the median rule is exercised");
}

#[tokio::test]
async fn every_offer_asked_for_by_id_is_in_the_survey_or_named_missing() {
    let app = patient_app().await;
    let query =
        r#"{ compare(query: "kertas", buyer: { regionCode: "35.71" }, first: 30) { groups { offers { id } } } }"#;
    let response = app.graphql(query, json!({})).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    assert!(groups.len() > 10, "more groups than the page shows: {}", groups.len());
    // An offer of a group past the page's first ten.
    let last = groups.last().expect("groups")["offers"][0]["id"].as_str().expect("id").to_string();
    let url = format!("{}/survey?q=kertas&region=35.71&offer={last}&offer=mbiz:NO-SUCH-OFFER", app.address);
    let html = app.client.get(&url).send().await.expect("survey").text().await.expect("html");
    assert!(html.contains(&format!(r#"<tr data-offer="{last}""#)), "{last} is surveyed");
    assert!(html.contains("tidak ada lagi dalam perbandingan: mbiz:NO-SUCH-OFFER"), "the unknown id is named");
}
