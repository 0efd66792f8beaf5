//! What a refusal quotes of the client's own text, at every door that quotes it: at most 64
//! characters, with control and bidirectional characters shown rather than sent (review38h
//! R38h-6: a NUL, a terminal escape and U+202E went raw into `offer(id:)`'s message and the
//! downloads' plain text, and a 100 KB id into a 100 KB message).

use crate::helpers::spawn_app;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A NUL, U+202E, a terminal colour escape and a line break, then 100,000 characters.
fn hostile(prefix: &str) -> String {
    format!("{prefix}\u{0}\u{202E}\u{1b}[31m\nforged{}", "x".repeat(100_000))
}

/// How the first 16 characters of [`hostile`] after its prefix are quoted.
const SHOWN: &str = "␀\\u{202E}␛[31m␊forged";

/// Whether `said` quotes `hostile` as it should: shown, cut, and nothing raw.
fn quoted_safely(said: &str) -> bool {
    let raw = said.chars().any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c));
    said.contains(SHOWN) && said.contains('…') && said.chars().count() < 400 && !raw && !said.contains("\nforged")
}

#[tokio::test]
async fn a_refusal_quotes_at_most_64_characters_of_the_clients_text_with_control_characters_shown() {
    let app = spawn_app().await;
    let graphql = [
        ("query($v: ID!) { offer(id: $v) { id } }", hostile("mbiz:")),
        ("query($v: ID!) { vendor(id: $v) { id } }", hostile("v:")),
        ("query($v: String!) { spending(buyer: $v, year: 2022) { complete } }", hostile("35.71")),
        ("query($v: [ID!]) { search(query: \"kertas\", filter: { marketplaces: $v }) { complete } }", hostile("m")),
    ];
    for (query, value) in graphql {
        let variables = if query.contains("[ID!]") { json!({ "v": [value] }) } else { json!({ "v": value }) };
        let answer = app.graphql(query, variables).await;
        let said = answer["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(quoted_safely(said), "{query}: {}", said.chars().take(300).collect::<String>());
    }
    let wilayah = "35.71%00%E2%80%AE%1B%5B31m%0Aforged".to_string() + &"x".repeat(2_000);
    for path in ["/belanja.csv", "/belanja.xlsx", "/belanja"] {
        let url = format!("{}{path}?wilayah={wilayah}&tahun=2022", app.address);
        let response = app.client.get(url).send().await.expect("download");
        assert_eq!(response.status(), 400, "{path}");
        let text = response.text().await.unwrap_or_default();
        // The page says it in its form and its alert, in HTML: shown, and nothing raw.
        let page = path == "/belanja" && text.contains(SHOWN) && !text.chars().any(|c| c == '\u{0}' || c == '\u{202E}');
        assert!(page || quoted_safely(&text), "{path}: {text}");
    }
    let url = format!("{}/survey.csv?q=kertas&region={wilayah}", app.address);
    let survey = app.client.get(url).send().await.expect("survey").text().await.unwrap_or_default();
    assert!(quoted_safely(&survey), "/survey.csv: {survey}");
    app.assert_serving().await;
}

/// The pages showed a refused value back in its form field with U+202E raw (HTML-escaped, not
/// shown): `/`'s region, sort, prices; a search text holding it was searched for and written raw
/// into the title and a survey's heading, and a chosen offer the survey lacks into its list
/// (review38h R38h-6, after session 39). Each now shows it as a refusal quotes it.
#[tokio::test]
async fn a_page_shows_the_clients_text_back_with_control_and_bidirectional_characters_shown() {
    let app = spawn_app().await;
    let value = "35.71%E2%80%AE%00%1B%5B31m%0Aforged";
    let mut paths: Vec<String> = ["region", "sort", "tkdn", "min", "max", "top", "lang"]
        .iter()
        .flat_map(|field| ["/", "/survey"].map(|path| format!("{path}?q=kertas&{field}={value}")))
        .collect();
    paths.extend([format!("/?q=kertas{value}"), format!("/survey?q=kertas{value}")]);
    paths.push(format!("/belanja?wilayah={value}&tahun=2022"));
    paths.push(format!("/belanja?wilayah=35.71&tahun={value}"));
    for path in &paths {
        let response = app.client.get(format!("{}{path}", app.address)).send().await.expect("page");
        assert_eq!(response.status(), 400, "{path}");
        let page = response.text().await.unwrap_or_default();
        let raw: Vec<char> = page.chars().filter(|c| matches!(c, '\u{0}' | '\u{1b}' | '\u{202E}')).collect();
        assert!(raw.is_empty() && page.contains("\\u{202E}␀␛[31m"), "{path}: {raw:?}");
    }
    // A chosen offer no comparison holds is listed as the survey's last lines.
    let survey = format!("{}/survey?q=kertas&offer=mbiz:{value}", app.address);
    let page = app.client.get(survey).send().await.expect("survey").text().await.unwrap_or_default();
    assert!(page.contains("mbiz:35.71\\u{202E}␀␛[31m") && !page.contains('\u{202E}'), "{page}");
    // A value past what a URL may hold (16 KB) is refused before any page (sent by hand: the
    // client refuses to build such a URL); one within it is shown back as far as its field may
    // hold it.
    let long = |length: usize| format!("/?q=kertas&region={value}{}", "x".repeat(length));
    let head = format!("GET {} HTTP/1.1\r\nHost: pasar\r\nConnection: close\r\n\r\n", long(100_000));
    let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://")).await.expect("connect");
    stream.write_all(head.as_bytes()).await.expect("send");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("answer");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 431") && answer.len() < 2_000, "{}", &answer[..answer.len().min(300)]);
    let response = app.client.get(format!("{}{}", app.address, long(12_000))).send().await.expect("page");
    assert_eq!(response.status(), 400);
    let page = response.text().await.unwrap_or_default();
    assert!(page.len() < 40_000 && !page.contains('\u{202E}'), "{} bytes", page.len());
    app.assert_serving().await;
}
