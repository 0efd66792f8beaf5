//! A search text holding a control or text-direction character (U+202E, a NUL, an escape, a
//! zero-width space) is refused by every door as the buyer pages refuse it: `BAD_USER_INPUT`
//! naming `query`, the text quoted with the character shown, not sent. GraphQL's `search` asked
//! the marketplaces for `kertas` U+202E `a4` (only a NUL or an escape was refused, by the search itself,
//! in other words), where `/?q=` refused it since session 40 (review40, after session 40).

use super::out_of_range::first_error_at_every_door;
use super::socket::{self, Heard};
use crate::helpers::spawn_app;
use serde_json::{Value, json};
use std::time::Duration;

/// Texts a buyer does not type, as a GraphQL string writes them, and as a refusal shows them.
const HIDDEN: [(&str, &str); 4] = [
    ("kertas\\u202Ea4", "kertas\\u{202E}a4"),
    ("kertas\\u0000hvs", "kertas␀hvs"),
    ("kertas \\u001B[31mhvs", "kertas ␛[31mhvs"),
    ("ker\\u200Btas", "ker\\u{200B}tas"),
];

fn assert_refused(error: &Value, shown: &str, said: &str) {
    assert_refused_as(error, "query", shown, said);
}

fn assert_refused_as(error: &Value, field: &str, shown: &str, said: &str) {
    let extensions = &error["extensions"];
    assert_eq!(
        (extensions["code"].as_str(), extensions["field"].as_str()),
        (Some("BAD_USER_INPUT"), Some(field)),
        "{said}: {error}"
    );
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("holds a control or text-direction character") && message.contains(shown),
        "{said}: {message}"
    );
}

#[tokio::test]
async fn a_search_text_with_a_control_or_text_direction_character_is_refused_at_every_door_naming_query() {
    let app = spawn_app().await;
    for (written, shown) in HIDDEN {
        let requests = [
            json!({ "query": format!("{{ search(query: \"{written}\") {{ complete }} }}") }),
            json!({ "query": format!("{{ compare(query: \"{written}\") {{ complete }} }}") }),
        ];
        for request in &requests {
            for (door, error) in first_error_at_every_door(&app, request).await {
                assert_refused(&error, shown, &format!("{request} by {door}"));
            }
        }
        // The same text through a variable: a JSON string decodes `\u202E` as GraphQL does.
        let by_variable = "query($q: String!) { search(query: $q) { complete } }";
        let text: String = serde_json::from_str(&format!("\"{written}\"")).expect("a JSON string");
        let answer = app.graphql(by_variable, json!({ "q": text })).await;
        assert_refused(&answer["errors"][0], shown, "by a variable");
        // Naming the variable, at every door (review41 R41-10).
        let request = json!({ "query": by_variable, "variables": { "q": text } });
        for (door, error) in first_error_at_every_door(&app, &request).await {
            assert_eq!(error["extensions"]["variable"], "q", "by a variable, by {door}: {error}");
        }
        let mut ws = socket::open_acked(&app.address, json!({})).await;
        let stream = format!("subscription {{ searchStream(query: \"{written}\") {{ __typename }} }}");
        ws.subscribe("1", json!({ "query": stream })).await;
        let Heard::Message(message) = ws.hear(Duration::from_secs(10)).await else { panic!("no answer") };
        let error = message["payload"]["errors"][0].clone();
        let error = if error.is_null() { message["payload"][0].clone() } else { error };
        assert_refused(&error, shown, "searchStream");
    }
    // A tab or a line break stays as written, as on the pages.
    let answer = app.graphql("{ search(query: \"kertas\\thvs\\n\") { complete } }", json!({})).await;
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    app.assert_serving().await;
}

/// The other free text a client gives: `resolveRegion(text:)` read `Kota Surabaya` followed by
/// U+202E or a NUL as Kota Surabaya, and `buyer.regionCode` was the one code quoted raw in its
/// refusal. Codes, ids and cursors are refused as unknown, quoted as a refusal quotes them.
#[tokio::test]
async fn other_free_text_refuses_a_hidden_character_or_quotes_it_shown() {
    let app = spawn_app().await;
    for (written, shown) in
        [("Kota Surabaya\\u202E", "Kota Surabaya\\u{202E}"), ("Kota\\u0000 Surabaya", "Kota␀ Surabaya")]
    {
        let answer = app.graphql(&format!("{{ resolveRegion(text: \"{written}\") {{ code }} }}"), json!({})).await;
        assert_refused_as(&answer["errors"][0], "text", shown, written);
    }
    let codes = [
        "{ search(query: \"kertas\", buyer: { regionCode: \"35\\u202E\" }) { complete } }",
        "{ search(query: \"kertas\", filter: { vendorRegion: \"35\\u202E\" }) { complete } }",
        "{ spending(buyer: \"35\\u202E\", year: 2025) { complete } }",
        "{ spendingRanking(province: \"35\\u202E\", year: 2025) { rank } }",
        "{ vendor(id: \"mbiz:1\\u202E\") { id } }",
        "{ offer(id: \"mbiz:1\\u202E\") { id } }",
    ];
    for query in codes {
        let answer = app.graphql(query, json!({})).await;
        let message = answer["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains("\\u{202E}") && !message.contains('\u{202E}'), "{query}: {message}");
    }
    app.assert_serving().await;
}
