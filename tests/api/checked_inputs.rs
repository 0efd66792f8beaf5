//! Inputs are read the one way Pasar reads them everywhere, or refused with a code naming the
//! field; a root field that fails is `null` in `data`, not missing.

use crate::helpers::spawn_app;
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

const SEARCH: &str = r#"query($r: String!) { search(query: "kursi", first: 20, sort: POLICY, buyer: { regionCode: $r }) {
  offers { edges { node { vendor { region { code } } } ranking { locality } } } } }"#;
const COMPARE: &str = r#"query($r: String!) { compare(query: "kursi", first: 3, buyer: { regionCode: $r }) {
  groups { ranked { offer { vendor { region { code } } } ranking { locality } } } } }"#;

/// The first error's extensions, wherever the response put it.
fn refusal(response: &Value) -> &Value {
    &response["errors"][0]["extensions"]
}

/// Each ranked offer's vendor region and locality.
fn localities<'a>(ranked: impl Iterator<Item = &'a Value>) -> Vec<(String, String)> {
    ranked
        .map(|r| {
            let node = if r["node"].is_null() { &r["offer"] } else { &r["node"] };
            let region = node["vendor"]["region"]["code"].as_str().unwrap_or_default().to_string();
            (region, r["ranking"]["locality"].as_str().expect("locality").to_string())
        })
        .collect()
}

/// Localities as seen from Kota Surabaya (35.78): the vendor's own region says which applies.
fn assert_seen_from_surabaya(ranked: &[(String, String)]) {
    assert!(ranked.len() >= 3, "{ranked:?}");
    for (region, locality) in ranked {
        let expected = match region.as_str() {
            "" => "UNKNOWN",
            "35.78" => "SAME_REGENCY",
            other if other.starts_with("35") => "SAME_PROVINCE",
            _ => "NATIONAL",
        };
        assert_eq!(locality, expected, "a vendor in {region:?}: {ranked:?}");
    }
    assert!(ranked.iter().any(|(_, l)| l == "SAME_REGENCY"), "some vendor is in Surabaya: {ranked:?}");
}

#[tokio::test]
async fn an_unknown_buyer_region_is_refused_naming_the_field_in_search_and_compare() {
    let app = spawn_app().await;
    for code in ["99.99", "zzz", "", "35.7"] {
        for query in [SEARCH, COMPARE] {
            let response = app.graphql(query, json!({ "r": code })).await;
            let extensions = refusal(&response);
            assert_eq!(extensions["code"], "BAD_USER_INPUT", "{code:?}: {response}");
            assert_eq!(extensions["field"], "buyer.regionCode", "{code:?}: {response}");
            let data = &response["data"];
            assert!(data.is_null() || data.as_object().is_some_and(|d| d.values().all(Value::is_null)), "{response}");
        }
    }
}

#[tokio::test]
async fn policy_order_without_a_buyer_is_refused_naming_the_field() {
    let app = spawn_app().await;
    let response =
        app.graphql(r#"{ search(query: "kursi", sort: POLICY) { offers { totalCount } } }"#, json!({})).await;
    let extensions = refusal(&response);
    assert_eq!((&extensions["code"], &extensions["field"]), (&json!("BAD_USER_INPUT"), &json!("buyer")), "{response}");
}

#[tokio::test]
async fn an_unknown_vendor_id_is_null_with_a_coded_error_as_an_unknown_offer_id_is() {
    let app = spawn_app().await;
    let response = app.graphql(r#"{ vendor(id: "nope") { id } }"#, json!({})).await;
    assert_eq!(response["data"], json!({ "vendor": null }), "{response}");
    assert_eq!(refusal(&response)["code"], "VENDOR_NOT_FOUND", "{response}");
    assert_eq!(response["errors"][0]["path"], json!(["vendor"]), "{response}");
}

#[tokio::test]
async fn a_bps_style_buyer_region_ranks_as_the_dotted_code() {
    let app = spawn_app().await;
    for code in ["3578", "35.78", " 35.78 "] {
        let search = app.graphql(SEARCH, json!({ "r": code })).await;
        let edges = search["data"]["search"]["offers"]["edges"].as_array().unwrap_or_else(|| panic!("{search}"));
        assert_seen_from_surabaya(&localities(edges.iter()));
        let compare = app.graphql(COMPARE, json!({ "r": code })).await;
        let groups = compare["data"]["compare"]["groups"].as_array().unwrap_or_else(|| panic!("{compare}"));
        let ranked = groups.iter().flat_map(|g| g["ranked"].as_array().expect("ranked"));
        assert_seen_from_surabaya(&localities(ranked));
    }
}

#[tokio::test]
async fn a_streamed_search_refuses_an_unknown_buyer_region_the_same_way() {
    let app = spawn_app().await;
    let url = format!("{}/graphql/ws", app.address.replace("http://", "ws://"));
    let mut request = url.into_client_request().expect("request");
    request.headers_mut().insert("Sec-WebSocket-Protocol", "graphql-transport-ws".parse().expect("header"));
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.expect("websocket");
    socket.send(Message::text(json!({"type": "connection_init"}).to_string())).await.expect("init");
    let query = r#"subscription { searchStream(query: "kursi", buyer: { regionCode: "zzz" }) { __typename } }"#;
    let subscribe = json!({"id": "1", "type": "subscribe", "payload": {"query": query}});
    socket.send(Message::text(subscribe.to_string())).await.expect("subscribe");
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut refused = None;
    while let Ok(Some(Ok(message))) = tokio::time::timeout_at(deadline, socket.next()).await {
        let Message::Text(text) = message else { continue };
        let message: Value = serde_json::from_str(&text).expect("JSON message");
        // graphql-transport-ws: an execution error is a `next` with `errors`; a refused
        // operation an `error` with a list of errors.
        let errors = match message["type"].as_str() {
            Some("next") => message["payload"]["errors"].clone(),
            Some("error") => message["payload"].clone(),
            _ => continue,
        };
        refused = Some(errors[0]["extensions"].clone());
        break;
    }
    let extensions = refused.expect("the subscription answered with an error");
    assert_eq!(extensions["code"], "BAD_USER_INPUT", "{extensions}");
    assert_eq!(extensions["field"], "buyer.regionCode", "{extensions}");
}

#[tokio::test]
async fn a_failed_root_field_is_null_in_data_or_makes_data_null_when_it_may_not_be_null() {
    let app = spawn_app().await;
    let response = app.graphql(r#"{ offer(id: "x") { id } region(code: "35.71") { name } }"#, json!({})).await;
    assert_eq!(response["data"], json!({ "offer": null, "region": { "name": "Kota Kediri" } }), "{response}");
    assert_eq!(refusal(&response)["code"], "OFFER_NOT_FOUND", "{response}");
    assert_eq!(response["errors"][0]["path"], json!(["offer"]), "{response}");

    let alone = app.graphql(r#"{ a: offer(id: "x") { id } b: offer(id: "mbiz:1") { id } }"#, json!({})).await;
    let keys: Vec<&String> = alone["data"].as_object().unwrap_or_else(|| panic!("{alone}")).keys().collect();
    assert_eq!(keys, ["a", "b"], "{alone}");
    assert_eq!(alone["data"], json!({ "a": null, "b": null }));
    assert_eq!(alone["errors"].as_array().map(Vec::len), Some(2), "{alone}");

    // `search: SearchResult!` may not be null: its failure makes `data` null (spec §6.4.4).
    let non_null = app.graphql(r#"{ search(query: "") { complete } region(code: "35.71") { name } }"#, json!({})).await;
    assert_eq!(non_null["data"], Value::Null, "{non_null}");
    assert_eq!(non_null["errors"][0]["path"], json!(["search"]), "{non_null}");
    assert_eq!(refusal(&non_null)["code"], "BAD_USER_INPUT", "{non_null}");

    // A non-null field failing alone in its object: async-graphql answered the object `null`
    // (`groups: [null, null, null]` of `[ProductGroup!]!`, `spending: null` of `Spending!`).
    for query in [
        r#"{ compare(query: "toner", first: 3) { groups { offers(first: -1) { id } } } }"#,
        r#"{ spending(buyer: "35.71", year: 2022) { topVendors(first: 0) { name } } }"#,
    ] {
        let response = app.graphql(query, json!({})).await;
        assert_eq!(response["data"], Value::Null, "{response}");
        assert_eq!(refusal(&response)["code"], "BAD_USER_INPUT", "{response}");
    }
}

#[tokio::test]
async fn parse_price_gives_a_precision_only_with_an_amount() {
    let app = spawn_app().await;
    let query = "query($t: String!) { parsePrice(text: $t) { amount precision issues { code } } }";
    let read = |text: &'static str| {
        let app = &app;
        async move { app.graphql(query, json!({ "t": text })).await["data"]["parsePrice"].clone() }
    };
    let banana = read("banana").await;
    assert_eq!((&banana["amount"], &banana["precision"]), (&Value::Null, &Value::Null), "{banana}");
    let full = read("Rp 1.250.000").await;
    assert_eq!((full["amount"].as_str(), full["precision"].as_str()), (Some("1250000"), Some("EXACT")), "{full}");
    let compact = read("Rp 1,25 jt").await;
    assert_eq!(compact["precision"], "APPROXIMATE", "{compact}");
}

#[tokio::test]
async fn parse_price_says_whether_an_amount_is_firm_as_an_offers_price_would() {
    let app = spawn_app().await;
    let query = "query($t: String!) { parsePrice(text: $t) { amount exact } }";
    for (text, exact) in [
        ("Rp 1.250.000", json!(true)),
        ("Rp 1,25 jt", json!(false)),
        // A range's lower bound is not the price: `Price.exact` is false for it too.
        ("Rp 50.000 - 75.000 / rim", json!(false)),
        ("banana", Value::Null),
    ] {
        let read = app.graphql(query, json!({ "t": text })).await["data"]["parsePrice"].clone();
        assert_eq!(read["exact"], exact, "{text}: {read}");
    }
}

#[tokio::test]
async fn a_search_text_with_no_letter_or_digit_or_too_long_is_refused_and_the_page_marks_the_field() {
    let app = spawn_app().await;
    for text in ["-", "*", "\u{200B}"] {
        let response =
            app.graphql(r#"query($q: String!) { search(query: $q) { complete } }"#, json!({ "q": text })).await;
        assert_eq!(refusal(&response)["code"], "BAD_USER_INPUT", "{text:?}: {response}");
    }
    // A marketplace answered `-` with whatever it lists first: 200 and arbitrary products.
    for (q, said) in [("-", "tidak berisi huruf atau angka"), (&*"a".repeat(201), "harus 1 sampai 200 karakter")] {
        let page = app.client.get(format!("{}/", app.address)).query(&[("q", q)]).send().await.expect("page");
        assert_eq!(page.status(), 400, "{q}");
        let html = page.text().await.expect("html");
        assert!(html.contains("<title>Kesalahan:"), "the title says it is an error: {q}");
        assert!(html.contains(said), "{said}");
        assert!(html.contains(r#"name="q""#) && html.contains(r#"aria-invalid="true""#), "the field is marked: {q}");
    }
}

#[tokio::test]
async fn a_filter_percentage_outside_0_to_100_or_a_price_outside_0_to_10_triliun_is_refused_naming_the_field() {
    let app = spawn_app().await;
    let search = r#"query($f: OfferFilter) { search(query: "kertas", filter: $f) { complete } }"#;
    let compare = r#"query($f: OfferFilter) { compare(query: "kertas", filter: $f) { groups { groupId } } }"#;
    for (filter, field) in [
        (json!({ "minTkdn": "150" }), "filter.minTkdn"),
        (json!({ "minTkdnPlusBmp": "-1" }), "filter.minTkdnPlusBmp"),
        (json!({ "minPrice": "-5" }), "filter.minPrice"),
        (json!({ "maxPrice": "-0.01" }), "filter.maxPrice"),
        // Past what Pasar reads as a price: a marketplace answered 400, shown as its failure
        // (review38h R38h-1).
        (json!({ "minPrice": "18446744073709551616", "priceExcludesVat": true }), "filter.minPrice"),
        (json!({ "maxPrice": "10000000000000.01" }), "filter.maxPrice"),
        // No price lies between them (review33w W33-9: answered nothing under a count of 6,970).
        (json!({ "minPrice": "100", "maxPrice": "10" }), "filter.minPrice"),
    ] {
        for query in [search, compare] {
            let response = app.graphql(query, json!({ "f": filter })).await;
            let extensions = refusal(&response);
            assert_eq!(
                (&extensions["code"], &extensions["field"]),
                (&json!("BAD_USER_INPUT"), &json!(field)),
                "{response}"
            );
        }
    }
    let fine = app.graphql(search, json!({ "f": { "minTkdn": "100", "minPrice": "10", "maxPrice": "10" } })).await;
    assert!(fine["errors"].is_null(), "the bounds themselves are allowed: {fine}");
    let largest = app.graphql(search, json!({ "f": { "maxPrice": "10000000000000" } })).await;
    assert!(largest["errors"].is_null(), "Rp 10 triliun itself is allowed: {largest}");
    let page = app.client.get(format!("{}/?q=kertas&min=100000000000000", app.address)).send().await.expect("page");
    assert_eq!(page.status(), 400);
    let html = page.text().await.expect("html");
    assert!(html.contains("Harga paling tinggi Rp 10 triliun"), "the page names the bound: {html}");
}

#[tokio::test]
async fn a_vendor_region_is_read_as_region_code_reads_it_and_an_unknown_one_is_refused() {
    let app = spawn_app().await;
    let query = r#"query($r: String!) { search(query: "toner", first: 5, filter: { vendorRegion: $r }) {
        offers { edges { node { vendor { region { code } } } } } } }"#;
    let codes = |response: &Value| -> Vec<String> {
        let edges = response["data"]["search"]["offers"]["edges"].as_array().unwrap_or_else(|| panic!("{response}"));
        edges.iter().map(|e| e["node"]["vendor"]["region"]["code"].as_str().unwrap_or_default().to_string()).collect()
    };
    let dotted = codes(&app.graphql(query, json!({ "r": "35.06" })).await);
    assert!(!dotted.is_empty() && dotted.iter().all(|c| c == "35.06"), "{dotted:?}");
    assert_eq!(codes(&app.graphql(query, json!({ "r": "3506" })).await), dotted, "BPS style reads as dotted");
    for code in ["99.99", "Kediri", "", "35.0"] {
        let response = app.graphql(query, json!({ "r": code })).await;
        let extensions = refusal(&response);
        assert_eq!(extensions["code"], "BAD_USER_INPUT", "{code:?}: {response}");
        assert_eq!(extensions["field"], "filter.vendorRegion", "{code:?}: {response}");
    }
}

#[tokio::test]
async fn an_empty_list_of_marketplaces_is_refused_rather_than_answered_complete_with_nothing() {
    let app = spawn_app().await;
    for field in ["search", "compare"] {
        let query = format!(r#"{{ {field}(query: "toner", filter: {{ marketplaces: [] }}) {{ complete }} }}"#);
        let response = app.graphql(&query, json!({})).await;
        let extensions = refusal(&response);
        assert_eq!(extensions["code"], "BAD_USER_INPUT", "{response}");
        assert_eq!(extensions["field"], "filter.marketplaces", "{response}");
    }
}

#[tokio::test]
async fn an_unknown_marketplace_or_a_bad_first_names_the_argument_it_came_from() {
    let app = spawn_app().await;
    let cases = [
        (r#"{ search(query: "toner", filter: { marketplaces: ["nope"] }) { complete } }"#, "filter.marketplaces"),
        (r#"{ compare(query: "toner", filter: { marketplaces: ["nope"] }) { complete } }"#, "filter.marketplaces"),
        (r#"{ search(query: "toner", first: 0) { complete } }"#, "first"),
        (r#"{ search(query: "toner", after: "nope") { complete } }"#, "after"),
        (r#"{ spending(buyer: "35.71", year: 2022, marketplaces: ["nope"]) { buyer { code } } }"#, "marketplaces"),
    ];
    for (query, field) in cases {
        let response = app.graphql(query, json!({})).await;
        assert_eq!(refusal(&response)["field"], field, "{query}: {response}");
    }
}

/// Review38h R38h-9: `first: 1e309` and `first: 999…` (3,000 digits) are valid GraphQL numbers
/// no float holds; they were GRAPHQL_PARSE_FAILED, "not a GraphQL document", where `first:
/// 2147483648` is the client's BAD_USER_INPUT. They are the argument's, named, by POST and GET.
#[tokio::test]
async fn a_number_past_any_float_is_bad_user_input_naming_its_argument_at_every_door() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let cases = [
        ("{ search(query: \"kertas\", first: 1e309) { complete } }".to_string(), "first"),
        (format!("{{ search(query: \"kertas\", first: {}) {{ complete }} }}", "9".repeat(3_000)), "first"),
        ("{ search(query: \"kertas\", filter: { minPrice: 1e309 }) { complete } }".to_string(), "filter.minPrice"),
    ];
    for (query, field) in cases {
        let post = app.client.post(&url).json(&json!({ "query": query })).send().await.expect("POST");
        let get = app.client.get(&url).query(&[("query", &query)]).header("accept", "application/json").send();
        for answer in [post.json::<Value>().await.expect("JSON"), get.await.expect("GET").json().await.expect("JSON")] {
            assert_eq!(refusal(&answer)["code"], "BAD_USER_INPUT", "{field}: {answer}");
            assert_eq!(refusal(&answer)["field"], field, "{answer}");
            let message = answer["errors"][0]["message"].as_str().unwrap_or_default();
            assert!(message.starts_with(&format!("`{field}` got ")) && message.len() < 200, "{message}");
        }
    }
}

/// Review38h R38h-9: a Decimal literal no Decimal reads was refused in the library's words
/// ("Scale exceeds the maximum precision allowed: 308 > 28", "Error while converting to
/// Decimal") with no `extensions.field`. It is said in Pasar's words, naming the field.
#[tokio::test]
async fn a_decimal_no_decimal_reads_is_refused_in_pasars_words_naming_its_field() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let cases = [
        ("search(query: \"kertas\", filter: { minPrice: \"1e308\" }) { complete }", "filter.minPrice"),
        ("search(query: \"kertas\", filter: { maxPrice: 1.7e308 }) { complete }", "filter.maxPrice"),
        ("compare(query: \"kertas\", filter: { minTkdn: \"1e30\" }) { complete }", "filter.minTkdn"),
        ("search(query: \"kertas\", filter: { minTkdnPlusBmp: \"abc\" }) { complete }", "filter.minTkdnPlusBmp"),
    ];
    for (field, named) in cases {
        let query = format!("{{ {field} }}");
        let post = app.client.post(&url).json(&json!({ "query": query })).send().await.expect("POST");
        let get = app.client.get(&url).query(&[("query", &query)]).header("accept", "application/json").send();
        for answer in [post.json::<Value>().await.expect("JSON"), get.await.expect("GET").json().await.expect("JSON")] {
            assert_eq!(
                (&refusal(&answer)["code"], &refusal(&answer)["field"]),
                (&json!("BAD_USER_INPUT"), &json!(named)),
                "{answer}"
            );
            let message = answer["errors"][0]["message"].as_str().unwrap_or_default();
            assert!(message.starts_with(&format!("`{named}` is not a Decimal Pasar reads")), "{message}");
        }
    }
}
