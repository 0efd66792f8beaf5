//! A number no `Int` holds, given to an `Int` argument, is that argument's `BAD_USER_INPUT`
//! naming it in `extensions.field`, however it is written and through whichever door it comes:
//! `first: 2147483648` and `first: 1e309` were, while `first: 99999999999999999999` (an IntValue
//! past i64, which the parser keeps as a float) was `GRAPHQL_VALIDATION_FAILED`, and the same
//! number through a variable named no argument (review38h R38h-9, after session 39).

use super::socket::{self, Heard};
use crate::helpers::{TestApp, spawn_app};
use serde_json::{Value, json};
use std::time::Duration;

/// The first error of `request` as each door answers it: `POST`, `GET`, in a batch, on the socket.
pub(super) async fn first_error_at_every_door(app: &TestApp, request: &Value) -> Vec<(&'static str, Value)> {
    let url = format!("{}/graphql", app.address);
    let post = app.client.post(&url).json(request).send().await.expect("POST").json::<Value>().await;
    let mut get = vec![("query", request["query"].as_str().unwrap_or_default().to_string())];
    if let Some(variables) = request.get("variables") {
        get.push(("variables", variables.to_string()));
    }
    if let Some(name) = request["operationName"].as_str() {
        get.push(("operationName", name.to_string()));
    }
    let get = app.client.get(&url).query(&get).header("accept", "application/json").send().await.expect("GET");
    let batch = app.client.post(&url).json(&json!([request])).send().await.expect("batch").json::<Value>().await;
    let mut ws = socket::open_acked(&app.address, json!({})).await;
    ws.subscribe("1", request.clone()).await;
    let heard = match ws.hear(Duration::from_secs(10)).await {
        Heard::Message(message) => message["payload"].clone(),
        other => json!({ "heard": format!("{other:?}") }),
    };
    vec![
        ("POST", post.expect("JSON")["errors"][0].clone()),
        ("GET", get.json::<Value>().await.expect("JSON")["errors"][0].clone()),
        ("batch", batch.expect("JSON")[0]["errors"][0].clone()),
        ("socket", heard.get(0).cloned().unwrap_or_else(|| heard["errors"][0].clone())),
    ]
}

#[tokio::test]
async fn a_number_no_int_holds_is_bad_user_input_naming_its_argument_at_every_door_and_through_a_variable() {
    let app = spawn_app().await;
    let search = |n: &str| format!("{{ search(query: \"kertas\", first: {n}) {{ complete }} }}");
    let nested = "{ compare(query: \"kertas\") { groups { offers(first: 99999999999999999999) { id } } } }";
    let mut requests: Vec<(Value, &str)> =
        ["99999999999999999999", "-99999999999999999999", "2147483648", "1e20", "1e309"]
            .into_iter()
            .map(|n| (json!({ "query": search(n) }), "first"))
            .collect();
    requests.push((json!({ "query": nested }), "first"));
    let by_variable = "query($n: Int) { search(query: \"kertas\", first: $n) { complete } }";
    requests.push((json!({ "query": by_variable, "variables": { "n": 1e20 } }), "first"));
    requests.push((json!({ "query": by_variable, "variables": { "n": 2_147_483_648_i64 } }), "first"));
    for (request, field) in &requests {
        for (door, error) in first_error_at_every_door(&app, request).await {
            let extensions = &error["extensions"];
            assert_eq!(
                (extensions["code"].as_str(), extensions["field"].as_str()),
                (Some("BAD_USER_INPUT"), Some(*field)),
                "{request} by {door}: {error}"
            );
            let message = error["message"].as_str().unwrap_or_default();
            assert!(message.contains(&format!("`{field}`")) && message.len() < 200, "{door}: {message}");
        }
    }
    app.assert_serving().await;
}

/// A `Decimal` a variable brings that no Decimal reads had no `extensions.field` and said only
/// "the value is not a Decimal", where the same literal names its field in Pasar's words since
/// session 39 (review38h R38h-9).
#[tokio::test]
async fn a_decimal_no_decimal_reads_through_a_variable_is_refused_in_pasars_words_naming_its_field() {
    let app = spawn_app().await;
    let by_max = "query($max: Decimal) { search(query: \"kertas\", filter: { maxPrice: $max }) { complete } }";
    let by_filter = "query($f: OfferFilter) { search(query: \"kertas\", filter: $f) { complete } }";
    let cases = [
        (json!({ "query": by_max, "variables": { "max": "1e400" } }), "filter.maxPrice", "max"),
        (json!({ "query": by_max, "variables": { "max": "abc" } }), "filter.maxPrice", "max"),
        (json!({ "query": by_filter, "variables": { "f": { "minPrice": "1e400" } } }), "filter.minPrice", "f"),
    ];
    for (request, field, variable) in &cases {
        for (door, error) in first_error_at_every_door(&app, request).await {
            let extensions = &error["extensions"];
            assert_eq!(
                (extensions["code"].as_str(), extensions["field"].as_str(), extensions["variable"].as_str()),
                (Some("BAD_USER_INPUT"), Some(*field), Some(*variable)),
                "{request} by {door}: {error}"
            );
            let message = error["message"].as_str().unwrap_or_default();
            assert!(message.contains("not a Decimal Pasar reads: write a number of at most 28"), "{door}: {message}");
        }
    }
    // A JSON number a Decimal reads is read.
    let answer = app.graphql(by_max, json!({ "max": 12.5 })).await;
    assert_eq!(answer["data"]["search"]["complete"], true, "{answer}");
    app.assert_serving().await;
}

/// The first error of a request given as the JSON text of its `variables`, which a
/// `serde_json::Value` may not hold (a number past any float), as each door answers it.
async fn first_error_of_text_at_every_door(app: &TestApp, query: &str, variables: &str) -> Vec<(&'static str, Value)> {
    let url = format!("{}/graphql", app.address);
    let request = format!(r#"{{"query":{},"variables":{variables}}}"#, json!(query));
    let post = |body: String| app.client.post(&url).header("content-type", "application/json").body(body).send();
    let first = |answer: Value| answer["errors"][0].clone();
    let single = post(request.clone()).await.expect("POST").json::<Value>().await.expect("JSON");
    let get = app.client.get(&url).query(&[("query", query), ("variables", variables)]);
    let get = get.header("accept", "application/json").send().await.expect("GET").json::<Value>().await;
    let batch = post(format!("[{request}]")).await.expect("batch").json::<Value>().await.expect("JSON");
    let mut ws = socket::open_acked(&app.address, json!({})).await;
    ws.send_text(format!(r#"{{"type":"subscribe","id":"1","payload":{request}}}"#)).await;
    let heard = match ws.hear(Duration::from_secs(10)).await {
        Heard::Message(message) => message["payload"][0].clone(),
        other => json!({ "heard": format!("{other:?}") }),
    };
    vec![
        ("POST", first(single)),
        ("GET", first(get.expect("JSON"))),
        ("batch", first(batch[0].clone())),
        ("socket", heard),
    ]
}

/// `{"n": 1e400}` was a 400 for the whole request (the whole batch; the socket's `subscribe`
/// refused as malformed): serde_json refuses a number no f64 holds while reading the body, so no
/// variable was named, where `first: 1e309` in the document and `{"n": 1e20}` are the argument's
/// `BAD_USER_INPUT` (review40, after session 40).
#[tokio::test]
async fn a_number_past_any_float_in_a_variable_is_bad_user_input_naming_its_argument_and_variable_at_every_door() {
    let app = spawn_app().await;
    let by_first = "query($n: Int) { search(query: \"kertas\", first: $n) { complete } }";
    let by_max = "query($max: Decimal) { search(query: \"kertas\", filter: { maxPrice: $max }) { complete } }";
    let by_filter = "query($f: OfferFilter) { search(query: \"kertas\", filter: $f) { complete } }";
    let digits = format!(r#"{{"n": {}}}"#, "9".repeat(400));
    let cases = [
        (by_first, r#"{"n": 1e400}"#.to_string(), "first", "n"),
        (by_first, r#"{"n": -1e400, "unused": 1e999}"#.to_string(), "first", "n"),
        (by_first, digits, "first", "n"),
        (by_max, r#"{"max": 1E+400}"#.to_string(), "filter.maxPrice", "max"),
        (by_filter, r#"{"f": {"minPrice": 1e400}}"#.to_string(), "filter.minPrice", "f"),
    ];
    for (query, variables, field, variable) in &cases {
        for (door, error) in first_error_of_text_at_every_door(&app, query, variables).await {
            let extensions = &error["extensions"];
            assert_eq!(
                (extensions["code"].as_str(), extensions["field"].as_str(), extensions["variable"].as_str()),
                (Some("BAD_USER_INPUT"), Some(*field), Some(*variable)),
                "{variables} by {door}: {error}"
            );
            let message = error["message"].as_str().unwrap_or_default();
            assert!(
                message.contains("a number larger than any Int or Float holds") && message.len() < 250,
                "{door}: {message}"
            );
        }
    }
    app.assert_serving().await;
}

/// Such a number read past in one request of a batch leaves the others to run, and one outside
/// any variable is still a malformed request, now saying where and what.
#[tokio::test]
async fn a_number_past_any_float_leaves_the_rest_of_a_batch_to_run_and_is_named_where_no_variable_holds_it() {
    let app = spawn_app().await;
    let url = format!("{}/graphql", app.address);
    let post =
        |body: &str| app.client.post(&url).header("content-type", "application/json").body(body.to_string()).send();
    let batch = r#"[{"query":"query($n: Int) { search(query: \"kertas\", first: $n) { complete } }","variables":{"n":1e400}},
        {"query":"{ __typename }","variables":{"n":1e400}}]"#;
    let answers = post(batch).await.expect("batch").json::<Value>().await.expect("JSON");
    assert_eq!(answers[0]["errors"][0]["extensions"]["variable"], "n", "{answers}");
    assert_eq!(answers[1], json!({ "data": { "__typename": "Query" } }), "{answers}");
    let outside = post(r#"{"query":"{ __typename }","extensions":{"x":[1, 1e400]}}"#).await.expect("POST");
    assert_eq!(outside.status(), 400);
    let error = outside.json::<Value>().await.expect("JSON")["errors"][0].clone();
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("`extensions.x[1]` holds 1e400, a number larger than any float"),
        "{error}"
    );
    app.assert_serving().await;
}

/// A number no `Int` holds in an operation the request does not run: `first:
/// 99999999999999999999` there was `GRAPHQL_VALIDATION_FAILED` naming no argument (async-graphql
/// validates every operation of a document), and `first: 2147483648` there passed, the selected
/// operation answering as if the document were valid, where in the run operation both are the
/// argument's `BAD_USER_INPUT` (review40, after session 40).
#[tokio::test]
async fn a_number_no_int_holds_in_an_operation_not_run_is_bad_user_input_as_in_the_one_run() {
    let app = spawn_app().await;
    for n in ["2147483648", "99999999999999999999", "1e309"] {
        let query = format!(
            "query Run {{ __typename }}\nquery Other {{ search(query: \"kertas\", first: {n}) {{ complete }} }}"
        );
        let request = json!({ "query": query, "operationName": "Run" });
        for (door, error) in first_error_at_every_door(&app, &request).await {
            let extensions = &error["extensions"];
            assert_eq!(
                (extensions["code"].as_str(), extensions["field"].as_str(), &error["locations"][0]["line"]),
                (Some("BAD_USER_INPUT"), Some("first"), &json!(2)),
                "{n} by {door}: {error}"
            );
        }
    }
    app.assert_serving().await;
}
