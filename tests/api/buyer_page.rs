//! Issue 28 in a real browser: the cheapest offer of each group in view, the phone layout, the
//! printed survey on A4.

use crate::browser::Page;
use crate::helpers::spawn_app;
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
    let app = spawn_app().await;
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
