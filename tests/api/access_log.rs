//! `[log] format = "json"` with `access = true`: one JSON line per request, its request id the one
//! the response carries and the marketplaces were sent, the operation name, each marketplace's
//! status, the client by address and never by key.

use crate::helpers::{SEARCH, TEST_PRODUCTS};
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::{Value, json};
use std::time::Duration;

#[tokio::test]
async fn json_logs_write_one_access_line_per_request_with_the_echoed_request_id() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "", &[]).await;
    let (client, url) = (gateway.client.clone(), gateway.url.clone());
    let mut ids = Vec::new();
    for (i, key) in ["never-logged-key-1", "never-logged-key-2", "never-logged-key-3"].iter().enumerate() {
        let body = json!({
            "query": SEARCH,
            "operationName": "Search",
            "variables": { "query": format!("kertas {i}"), "first": 3 }
        });
        let response =
            client.post(format!("{url}/graphql")).header("x-api-key", *key).json(&body).send().await.expect("answer");
        assert_eq!(response.status(), 200);
        ids.push(response.headers()["x-request-id"].to_str().expect("ascii").to_string());
        // Each search is new (its own text): every marketplace was called with the request's id.
        for sandbox in &sandboxes {
            assert_eq!(sandbox.state().last_request_id().as_ref(), ids.last(), "{:?} got the id", sandbox.kind());
        }
    }
    let mine = client.get(format!("{url}/graphql?query=%7B__typename%7D")).header("x-request-id", "chosen-id-42");
    assert_eq!(mine.send().await.expect("answer").headers()["x-request-id"], "chosen-id-42");
    ids.push("chosen-id-42".into());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, logs) = gateway.stop();

    let lines: Vec<Value> =
        logs.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}"))).collect();
    let access: Vec<&Value> = lines.iter().filter(|l| l["target"] == "pasar::access").collect();
    let graphql: Vec<&&Value> = access.iter().filter(|l| l["operation"] == "graphql").collect();
    assert_eq!(graphql.len(), 4, "one line per GraphQL request: {access:?}");
    for (line, id) in graphql.iter().zip(&ids) {
        assert_eq!(line["request_id"], id.as_str(), "{line}");
        assert_eq!(line["status"], 200, "{line}");
        assert_eq!(line["client"], "127.0.0.1", "{line}");
        assert!(line["duration_ms"].as_f64().is_some_and(|ms| ms > 0.0), "{line}");
    }
    for line in &graphql[..3] {
        assert_eq!(line["operation_name"], "Search", "{line}");
        let sources = line["sources"].as_str().expect("sources");
        for sandbox in &sandboxes {
            assert!(sources.contains(&format!("{}:OK", sandbox.kind().id())), "{line}");
        }
    }
    assert_eq!(graphql[3]["sources"], "-", "no marketplace asked for __typename");
    assert!(!logs.contains("never-logged-key"), "an API key leaked into the logs");
}

#[tokio::test]
async fn the_streamed_buyer_page_writes_its_access_line_when_it_ends_with_every_marketplace_it_asked() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "timeout = \"20s\"", &[]).await;
    let page = gateway
        .client
        .get(format!("{}/?q=kertas+hvs+a4&region=35.71", gateway.url))
        .header("x-request-id", "streamed-page-7")
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("the whole page");
    assert!(html.contains(r#"<div class="compared""#), "the comparison was streamed");
    // Asked from the response body, after the handler returned: still with the request's id.
    for sandbox in &sandboxes {
        assert_eq!(sandbox.state().last_request_id().as_deref(), Some("streamed-page-7"), "{:?}", sandbox.kind());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, logs) = gateway.stop();
    let lines: Vec<Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let line = lines
        .iter()
        .find(|l| l["target"] == "pasar::access" && l["request_id"] == "streamed-page-7")
        .unwrap_or_else(|| panic!("no access line for the page: {logs}"));
    let sources = line["sources"].as_str().expect("sources");
    for sandbox in &sandboxes {
        assert!(sources.contains(&format!("{}:OK", sandbox.kind().id())), "{line}");
    }
}

#[tokio::test]
async fn a_replayed_answer_is_logged_under_the_operation_name_it_was_asked_with() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "", &[]).await;
    let body = json!({ "query": SEARCH, "operationName": "Search", "variables": { "query": "kertas", "first": 3 } });
    // Fetched; answered from fresh cache pages and stored; replayed.
    for _ in 0..3 {
        let response = gateway.client.post(format!("{}/graphql", gateway.url)).json(&body).send().await;
        assert_eq!(response.expect("answer").status(), 200);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, logs) = gateway.stop();
    let lines: Vec<Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let access: Vec<&Value> =
        lines.iter().filter(|l| l["target"] == "pasar::access" && l["operation"] == "graphql").collect();
    assert_eq!(access.len(), 3, "{access:?}");
    assert_eq!(access[2]["sources"], "-", "the third was replayed, asking no marketplace: {}", access[2]);
    for line in &access {
        assert_eq!(line["operation_name"], "Search", "{line}");
    }
}

#[tokio::test]
async fn a_refused_mutation_leaves_the_stored_answers_and_a_purge_takes_them() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let admin = [("PASAR_ADMIN_TOKEN", "access-log-admin")];
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "", &admin).await;
    let url = format!("{}/graphql", gateway.url);
    let search = json!({ "query": SEARCH, "variables": { "query": "kertas", "first": 3 } });
    let purge = json!({ "query": "mutation { purgeCache { entriesBefore } }" });
    let post = |body: &Value, token: Option<&str>| {
        let request = gateway.client.post(&url).json(body);
        match token {
            Some(token) => request.bearer_auth(token).send(),
            None => request.send(),
        }
    };
    // Fetched; answered from fresh cache pages and stored; replayed.
    for _ in 0..3 {
        assert_eq!(post(&search, None).await.expect("answer").status(), 200);
    }
    let refused: Value = post(&purge, None).await.expect("answer").json().await.expect("JSON");
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN", "{refused}");
    assert_eq!(post(&search, None).await.expect("answer").status(), 200);
    let purged: Value = post(&purge, Some("access-log-admin")).await.expect("answer").json().await.expect("JSON");
    assert!(purged["errors"].is_null(), "{purged}");
    assert_eq!(post(&search, None).await.expect("answer").status(), 200);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, logs) = gateway.stop();
    let lines: Vec<Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let searches: Vec<&Value> = lines
        .iter()
        .filter(|l| l["target"] == "pasar::access" && l["operation"] == "graphql" && l["sources"] != Value::Null)
        .collect();
    let sources: Vec<&str> = searches.iter().map(|l| l["sources"].as_str().unwrap_or("?")).collect();
    // Search, search, replay, refused purge, replay, purge, search again.
    assert_eq!(sources.len(), 7, "{sources:?}");
    assert_eq!(sources[4], "-", "still replayed after the refused mutation: {sources:?}");
    assert_ne!(sources[6], "-", "the purge took the stored answer: {sources:?}");
}

/// Sends `head` and `body` on a connection of its own, waits `wait`, and closes it unanswered.
async fn send_and_leave(url: &str, head: &str, body: &str, wait: Duration) {
    use tokio::io::AsyncWriteExt;
    let address = url.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(address).await.expect("connect");
    socket.write_all(format!("{head}{body}").as_bytes()).await.expect("sent");
    tokio::time::sleep(wait).await;
    drop(socket);
}

#[tokio::test]
async fn a_request_whose_client_goes_away_is_logged_and_counted_as_cancelled_not_refused() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    // One marketplace that never answers keeps the search running until the client leaves.
    sandboxes[0].faults().set_mode(sandbox::FaultMode::Hang);
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "timeout = \"20s\"", &[]).await;
    let body = json!({ "query": SEARCH, "variables": { "query": "kertas pergi", "first": 3 } }).to_string();
    let head = |id: &str, length: usize| {
        format!(
            "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-request-id: {id}\r\ncontent-length: {length}\r\n\r\n"
        )
    };
    // Asked whole, left while the marketplaces are still asked.
    send_and_leave(&gateway.url, &head("left-waiting", body.len()), &body, Duration::from_millis(300)).await;
    // Left in the middle of its body.
    send_and_leave(&gateway.url, &head("left-sending", body.len()), &body[..10], Duration::from_millis(100)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let metrics = gateway.client.get(format!("{}/metrics", gateway.url)).send().await.expect("metrics");
    let text = metrics.text().await.expect("text");
    let (_, logs) = gateway.stop();

    let lines: Vec<Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    for id in ["left-waiting", "left-sending"] {
        let line = lines
            .iter()
            .find(|l| l["target"] == "pasar::access" && l["request_id"] == id)
            .unwrap_or_else(|| panic!("no access line for `{id}`: {logs}"));
        assert_eq!(line["status"], 499, "{line}");
        assert_eq!(line["outcome"], "cancelled", "{line}");
    }
    let cancelled = ["operation=\"graphql\"", "outcome=\"cancelled\""];
    assert_eq!(crate::metrics::sample(&text, "pasar_http_requests_total", &cancelled), Some(2.0), "{text}");
    assert_eq!(crate::metrics::sample(&text, "pasar_refused_total", &[]), None, "a client gone is no refusal: {text}");
}

/// Review38h R38h-8: a streamed page its client left after the head was logged and counted `ok`,
/// as if sent whole. It is 499 `cancelled`; a page read to its end stays `ok`.
#[tokio::test]
async fn a_streamed_page_left_after_its_head_is_logged_and_counted_as_cancelled() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    // One marketplace answers late: the page's end waits for it.
    sandboxes[0].faults().set_latency(Duration::from_secs(2));
    let gateway = Served::start(&sandboxes, "[log]\nformat = \"json\"\naccess = true", "", &[]).await;
    let whole = gateway.client.get(format!("{}/?q=kertas+utuh&region=35.71", gateway.url));
    let whole = whole.header("x-request-id", "read-whole").send().await.expect("page").text().await.expect("text");
    assert!(whole.trim_end().ends_with("</html>"), "the page arrived whole");
    let mut socket = tokio::net::TcpStream::connect(gateway.url.trim_start_matches("http://")).await.expect("connect");
    let head = "GET /?q=kertas+pergi&region=35.71 HTTP/1.1\r\nhost: x\r\nx-request-id: left-after-head\r\n\r\n";
    socket.write_all(head.as_bytes()).await.expect("sent");
    let mut first = [0u8; 200];
    socket.read_exact(&mut first).await.expect("the head arrives at once");
    socket.set_zero_linger().expect("reset on close");
    drop(socket);
    let counted = |text: &str, outcome: &str| {
        let outcome = format!("outcome=\"{outcome}\"");
        crate::metrics::sample(text, "pasar_http_requests_total", &["operation=\"page\"", &outcome])
    };
    let mut text = gateway.metrics().await;
    for _ in 0..50 {
        if counted(&text, "cancelled").is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        text = gateway.metrics().await;
    }
    assert_eq!((counted(&text, "ok"), counted(&text, "cancelled")), (Some(1.0), Some(1.0)), "{text}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, logs) = gateway.stop();
    let lines: Vec<Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let line = |id: &str| lines.iter().find(|l| l["request_id"] == id).cloned().unwrap_or_default();
    assert_eq!((&line("read-whole")["status"], &line("read-whole")["outcome"]), (&json!(200), &json!("ok")), "{logs}");
    let left = line("left-after-head");
    assert_eq!((&left["status"], &left["outcome"]), (&json!(499), &json!("cancelled")), "{logs}");
}
