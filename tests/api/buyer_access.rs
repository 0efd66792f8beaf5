//! What the buyer's pages give a screen reader and a keyboard beyond what axe-core sees
//! (tests/a11y runs axe-core and the keyboard walk in Chromium): errors tied to their fields,
//! offers' checkboxes named by their offer, the survey's actions after the results, the icon.

use crate::helpers::{TestApp, spawn_app};
use regex::Regex;
use std::collections::BTreeSet;

async fn get(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.client.get(format!("{}{path}", app.address)).send().await.expect("page");
    (response.status().as_u16(), response.text().await.expect("html"))
}

#[tokio::test]
async fn a_price_that_cannot_be_read_stays_in_its_field_marked_and_named_by_its_label_before_the_button() {
    let app = spawn_app().await;
    let (status, html) = get(&app, "/?q=kertas&min=abc").await;
    assert_eq!(status, 400);
    assert!(
        html.contains(r#"<input id="min" type="text" inputmode="numeric" name="min" value="abc" aria-invalid="true" aria-describedby="min-error">"#),
        "the field keeps what was written and points at its message: {html}"
    );
    assert!(html.contains(r#"<p class="field-error" id="min-error">Harga harus jumlah rupiah"#), "{html}");
    assert!(html.contains("<title>Kesalahan: Harga kemasan dari (Rp, termasuk PPN) — Pasar</title>"), "{html}");
    assert!(
        html.contains(r##"<a href="#min">Harga kemasan dari (Rp, termasuk PPN) — Harga harus"##),
        "the summary names the field by its label and links to it: {html}"
    );
    assert!(!html.contains("(min)"), "no URL parameter names the field");
    assert!(!html.contains(r#"role="alert""#), "nothing is an alert at load");
    let summary = html.find(r#"class="errors""#).expect("a summary");
    let button = html.find(r#"<button type="submit">Cari</button>"#).expect("the search button");
    assert!(summary < button, "the errors come before the button");
    let (_, english) = get(&app, "/?q=kertas&tkdn=abc&lang=en").await;
    assert!(english.contains("<title>Error: Minimum TKDN (%) — Pasar</title>"), "{english}");
    assert!(english.contains(r#"name="tkdn" value="abc" aria-invalid="true""#), "{english}");
}

#[tokio::test]
async fn every_offers_checkbox_is_named_by_its_offer_and_the_survey_actions_follow_the_last_one() {
    let app = spawn_app().await;
    let (status, html) = get(&app, "/?q=kertas+hvs+a4&region=35.71").await;
    assert_eq!(status, 200);
    let ids: BTreeSet<String> =
        Regex::new(r#" id="([^"]+)""#).expect("regex").captures_iter(&html).map(|c| c[1].to_string()).collect();
    let boxes = Regex::new(r#"<input type="checkbox" name="offer" [^>]*aria-labelledby="([^"]+)""#).expect("regex");
    let named: Vec<String> = boxes.captures_iter(&html).map(|c| c[1].to_string()).collect();
    assert_eq!(named.len(), html.matches(r#"name="offer""#).count(), "every checkbox has aria-labelledby");
    assert!(named.len() > 20, "the page has offers: {}", named.len());
    for list in &named {
        let parts: Vec<&str> = list.split(' ').collect();
        assert_eq!(parts.len(), 5, "action, title, vendor, marketplace, price: {list}");
        assert!(parts.iter().all(|id| ids.contains(*id)), "{list} points at elements of the page");
    }
    assert_eq!(named.iter().collect::<BTreeSet<_>>().len(), named.len(), "no two boxes share their labels");
    let last_box = html.rfind(r#"name="offer""#).expect("a checkbox");
    let actions = html.find(r#"<h2 id="survey-title">"#).expect("the survey's heading");
    assert!(last_box < actions, "the survey's actions come after the last checkbox");
    assert!(html.contains(r#"<p id="survey-count" aria-live="polite""#), "a live count");
    // Province first: Jawa Timur's regencies and cities only, Kota Kediri chosen.
    assert!(html.contains(r#"<option value="35.71" selected>Kota Kediri</option>"#), "{html}");
    assert!(!html.contains(r#"<option value="31.71""#), "no other province's cities");
    assert!(html.matches("<option").count() < 100, "a light region list");
}

#[tokio::test]
async fn the_icon_is_served_so_no_page_logs_a_404_and_pages_say_what_they_are() {
    let app = spawn_app().await;
    let ico = app.client.get(format!("{}/favicon.ico", app.address)).send().await.expect("icon");
    assert_eq!(ico.status(), 200);
    assert_eq!(ico.headers()["content-type"], "image/x-icon");
    assert!(ico.bytes().await.expect("bytes").starts_with(&[0, 0, 1, 0]), "an ICO file");
    let svg = app.client.get(format!("{}/favicon.svg", app.address)).send().await.expect("icon");
    assert_eq!(svg.status(), 200);
    assert!(svg.text().await.expect("svg").starts_with("<svg"));
    for path in ["/", "/?lang=en", "/graphiql"] {
        let (_, html) = get(&app, path).await;
        assert!(html.contains(r#"<meta name="description" content=""#), "{path} has a description");
        assert!(html.contains(r#"<link rel="icon" href="/favicon.svg""#), "{path} names its icon");
    }
}

/// A form shows a refused value back as far as its field may hold it (a search text 200
/// characters); a message quotes its first 64 (review38h R38h-6).
#[tokio::test]
async fn a_refused_value_is_shown_back_clipped_to_what_a_field_may_hold_on_every_page() {
    let app = spawn_app().await;
    let long = "x".repeat(12_000);
    let paths = [
        (format!("/?q={long}"), 200),
        (format!("/survey.csv?q={long}"), 64),
        (format!("/belanja?wilayah={long}&tahun=2025"), 64),
    ];
    for (path, shown) in paths {
        let (status, body) = get(&app, &path).await;
        assert_eq!(status, 400, "{}", &path[..20]);
        assert!(body.contains(&"x".repeat(shown)), "{}: the value is shown back", &path[..20]);
        assert!(!body.contains(&"x".repeat(shown + 1)), "{}: shown back whole ({} bytes)", &path[..20], body.len());
    }
}
