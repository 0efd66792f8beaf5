//! The survey's read time per offer is when its price was last read from the marketplace
//! (review29a W5's survey half): not the age of the page that served it.

use crate::buyer_survey::{SEARCH, patient_app};
use crate::helpers::offers;
use serde_json::json;
use std::time::{Duration, SystemTime};

const READ: &str = r#"query($fresh: Boolean) { search(query: "kertas hvs a4", first: 50, noCache: $fresh,
  buyer: { regionCode: "35.71" }) { offers { edges { node { id readAt } } } } }"#;

/// `2026-12-01 11:32:05 WIB`, as the survey writes a time.
fn wib(time: SystemTime) -> String {
    let utc = humantime::format_rfc3339_seconds(time + Duration::from_secs(7 * 3600)).to_string();
    format!("{} WIB", utc.trim_end_matches('Z').replacen('T', " ", 1))
}

#[tokio::test]
async fn a_survey_row_says_when_its_offer_was_last_read_even_from_a_page_cached_before() {
    let app = patient_app().await;
    // The survey's comparison reads its pages now; a later search reads the same offers again.
    let survey = |id: &str| format!("{}/survey.csv?{SEARCH}&offer={id}", app.address);
    let first = app.graphql(READ, json!({})).await;
    let id = offers(&first)[0]["id"].as_str().expect("id").to_string();
    app.client.get(survey(&id)).send().await.expect("survey").error_for_status().expect("200");
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let fresh = app.graphql(READ, json!({ "fresh": true })).await;
    let node = offers(&fresh).into_iter().find(|n| n["id"] == id.as_str()).expect("read again").clone();
    let read = humantime::parse_rfc3339(node["readAt"].as_str().expect("readAt")).expect("RFC 3339");
    let text = app.client.get(survey(&id)).send().await.expect("survey").text().await.expect("csv");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = rows.iter().find(|r| r[column("id_penawaran")] == id).unwrap_or_else(|| panic!("{id} in {text}"));
    assert_eq!(&row[column("dibaca_pada")], wib(read), "the latest read, not the cached page's age: {text}");
}
