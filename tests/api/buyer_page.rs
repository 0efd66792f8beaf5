//! Issue 28 in a real browser: the cheapest offer of each group in view, the phone layout, the
//! printed survey on A4; and over plain HTTP, the ticked offers' trip from the survey back to the
//! comparison.

use crate::browser::Page;
use regex::Regex;

const SEARCH: &str = "q=kertas+hvs+a4&region=35.71";

async fn dom(page: Page<'static>) -> String {
    tokio::task::spawn_blocking(move || page.dom()).await.expect("browser")
}

fn leak(url: String) -> &'static str {
    Box::leak(url.into_boxed_str())
}

#[tokio::test]
async fn in_every_group_the_cheapest_offer_is_in_view_without_expanding_anything_and_the_headline_links_to_it() {
    let app = crate::buyer_survey::patient_app().await;
    let html = dom(Page::new(leak(format!("{}/?{SEARCH}", app.address)))).await;
    let sections: Vec<&str> = html.split(r#"<section class="group""#).skip(1).collect();
    assert!(sections.len() >= 3, "groups are shown ({})", sections.len());
    let link = Regex::new(r##"<p class="best">[^<]*<a href="#(cheapest-\d+)">"##).expect("regex");
    for section in sections {
        let section = section.split("</section>").next().expect("section");
        let Some(target) = link.captures(section).map(|c| c[1].to_string()) else {
            assert!(!section.contains("offer cheapest"), "a group without a headline marks nothing");
            continue;
        };
        let at = section.find(&format!(r#"id="{target}""#)).unwrap_or_else(|| panic!("no element #{target}"));
        assert!(section[..at].ends_with(r#"<li class="offer cheapest" "#), "the anchor is the cheapest offer");
        let folded = section.find("<details").unwrap_or(section.len());
        assert!(at < folded, "the cheapest offer of {target} is not behind \"show more\"");
        let first_offer = section.find("<li class=\"offer").expect("an offer");
        assert_eq!(first_offer + r#"<li class="offer cheapest" "#.len(), at, "it is the group's first offer shown");
    }
}

/// Every word of a PDF with its page size: (page width, words' right edges).
fn word_edges(pdf: &std::path::Path) -> (f64, Vec<(String, f64)>) {
    let output = std::process::Command::new("pdftotext")
        .args(["-bbox"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (tests/run.sh installs poppler-utils)");
    assert!(output.status.success());
    let xhtml = String::from_utf8_lossy(&output.stdout).into_owned();
    let page = Regex::new(r#"<page width="([\d.]+)""#).expect("regex");
    let width: f64 = page.captures(&xhtml).expect("a page")[1].parse().expect("width");
    let word = Regex::new(r#"xMax="([\d.]+)"[^>]*>([^<]+)</word>"#).expect("regex");
    let words = word.captures_iter(&xhtml).map(|c| (c[2].to_string(), c[1].parse().expect("x"))).collect();
    (width, words)
}

#[tokio::test]
async fn the_printed_survey_fits_a4_with_every_column_on_the_page() {
    let app = crate::buyer_survey::patient_app().await;
    let url = leak(format!("{}/survey?{SEARCH}&top=3", app.address));
    let pdf = crate::browser::artifact("survey-a4.pdf");
    let printed = pdf.clone();
    tokio::task::spawn_blocking(move || Page::new(url).pdf(&printed)).await.expect("browser");
    let (width, words) = word_edges(&pdf);
    assert!((width - 841.9).abs() < 1.0 || (width - 595.3).abs() < 1.0, "an A4 page: {width} pt wide");
    assert!(words.len() > 200, "the survey is printed ({} words)", words.len());
    // 10 mm margins: nothing may reach past the right margin.
    let margin = 10.0 * 72.0 / 25.4;
    let over: Vec<&(String, f64)> = words.iter().filter(|(_, x)| *x > width - margin + 1.0).collect();
    assert!(over.is_empty(), "words past the right margin of {width} pt: {over:?}");
    let text: String = words.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" ");
    assert!(text.contains("Dibaca"), "the last column's heading is printed");
    let output = std::process::Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&output.stdout);
    let count: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).expect("pages").trim().parse().expect("n");
    assert!(count <= 6, "10 products × 3 offers on at most 6 pages, not 8: {count}");
}

#[tokio::test]
async fn on_a_360_by_800_phone_the_first_offer_starts_in_the_first_screen_and_cards_are_compact() {
    let app = crate::buyer_survey::patient_app().await;
    // The marketplaces' pages come from the cache when the browser asks.
    let url = format!("{}/?{SEARCH}", app.address);
    app.client.get(&url).send().await.expect("page").text().await.expect("html");
    let browser = crate::cdp::Browser::launch();
    let mut tab = browser.tab(360, 800, true).await;
    tab.navigate(&url).await;
    tab.loaded().await;
    let top = tab.eval("document.querySelector('li.offer').getBoundingClientRect().top").await;
    let top = top.as_f64().expect("a position");
    assert!(top < 800.0, "the first offer starts {top} px down, past the first screen");
    let width = tab.eval("document.documentElement.scrollWidth").await.as_f64().expect("width");
    assert!(width <= 360.0, "nothing scrolls sideways: {width} px wide");
    tab.screenshot(&crate::browser::artifact("buyer-page-360.png"), 360, 1600).await;
    let tallest = tab
        .eval("Math.max(...[...document.querySelectorAll('ol.offers > li.offer')].filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect().height))")
        .await;
    let tallest = tallest.as_f64().expect("a height");
    assert!(tallest < 400.0, "a visible card is compact: {tallest} px tall (was ~480)");
    let cards = tab.eval("[...document.querySelectorAll('li.offer')].filter(e => e.checkVisibility()).length").await;
    assert!(cards.as_u64().expect("count") <= 60, "at most a few cards per group are laid out: {cards}");
    // On a wide screen the folded parts are open without a click.
    let mut wide = browser.tab(1280, 900, false).await;
    wide.navigate(&url).await;
    wide.loaded().await;
    wide.screenshot(&crate::browser::artifact("buyer-wide-1280.png"), 1280, 1800).await;
    let shown = wide.eval("document.querySelector('li.offer .why').getBoundingClientRect().height").await;
    assert!(shown.as_f64().expect("height") > 0.0, "the reasons show on a wide screen");
    let region = wide.eval("document.getElementById('region').getBoundingClientRect().height").await;
    assert!(region.as_f64().expect("height") > 0.0, "the filters show on a wide screen");
}

/// The `offer=` values of a link as the page writes it (`&amp;` between its pairs).
fn offers_of(href: &str) -> Vec<String> {
    let query = href.replace("&amp;", "&");
    let query = query.split_once('?').map_or("", |(_, q)| q).to_string();
    url::form_urlencoded::parse(query.as_bytes()).filter(|(k, _)| k == "offer").map(|(_, v)| v.into_owned()).collect()
}

#[tokio::test]
async fn the_back_link_keeps_the_ticked_offers_and_the_comparison_opens_with_them_ticked() {
    let app = crate::buyer_survey::patient_app().await;
    let get = |path: String| {
        let client = app.client.clone();
        let url = format!("{}{path}", app.address);
        async move { client.get(url).send().await.expect("page").text().await.expect("html") }
    };
    let page = get(format!("/?{SEARCH}")).await;
    let boxes = Regex::new(r#"<input type="checkbox" name="offer" value="([^"]+)"[^>]*>"#).expect("regex");
    let all: Vec<String> = boxes.captures_iter(&page).map(|c| c[1].to_string()).collect();
    assert!(all.len() > 10, "offers to tick ({})", all.len());
    assert!(!boxes.find_iter(&page).any(|m| m.as_str().contains("checked")), "nothing ticked unasked");
    // Two offers of different products, as a buyer ticks them.
    let ticked = [all[1].clone(), all[all.len() - 2].clone()];
    let chosen: String = ticked.iter().map(|id| format!("&offer={id}")).collect();
    let survey = get(format!("/survey?{SEARCH}{chosen}")).await;
    let back = Regex::new(r#"<a class="button" href="([^"]+)">Kembali ke perbandingan</a>"#).expect("regex");
    let href = back.captures(&survey).expect("the back link")[1].to_string();
    assert_eq!(offers_of(&href), ticked, "the back link carries the ticked offers: {href}");
    let again = get(href.replace("&amp;", "&")).await;
    let checked: Vec<String> =
        boxes.captures_iter(&again).filter(|c| c[0].contains(" checked")).map(|c| c[1].to_string()).collect();
    assert_eq!(checked, ticked, "the comparison opens with them ticked, and only them");
    let count = format!("{} penawaran dicentang untuk survei.</p>", ticked.len());
    assert!(again.contains(&count), "the count says so without script: {count}");
    let english = Regex::new(r#"<a class="lang" href="([^"]+)""#).expect("regex");
    let href = english.captures(&again).expect("the language link")[1].to_string();
    assert_eq!(offers_of(&href), ticked, "the other language keeps them too: {href}");
    // A chosen offer with no box on the page (a group past the first ten, or gone) stays chosen.
    let unshown = get(format!("/?{SEARCH}&offer=mbiz:NO-SUCH-OFFER")).await;
    assert!(unshown.contains(r#"<input type="hidden" name="offer" value="mbiz:NO-SUCH-OFFER">"#), "{unshown}");
}
