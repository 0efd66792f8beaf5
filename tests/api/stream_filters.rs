//! `searchStream`'s merged page is `search`'s first page under the vendor filters too
//! (review29d D3: with `first` below ten, `koperasiOnly` streamed an empty page).

use crate::frontend::subscribe;
use crate::helpers::{offers, spawn_app};
use serde_json::{Value, json};

const FIELDS: &str = "offers { pageInfo { hasNextPage } edges { node { id } } }";

fn ids(offers: &Value) -> Vec<&str> {
    offers["edges"].as_array().expect("edges").iter().filter_map(|e| e["node"]["id"].as_str()).collect()
}

#[tokio::test]
async fn a_streamed_page_under_a_vendor_filter_is_searchs_first_page_for_small_pages() {
    let app = spawn_app().await;
    for (filter, first) in [("koperasiOnly", 1), ("koperasiOnly", 3), ("umkOnly", 1), ("umkOnly", 5)] {
        let arguments = format!("query: \"kertas\", first: {first}, filter: {{ {filter}: true }}");
        let searched = app.graphql(&format!("{{ search({arguments}) {{ {FIELDS} }} }}"), json!({})).await;
        assert!(!offers(&searched).is_empty(), "{filter} {first}: search finds some: {searched}");
        let stream = format!(
            "subscription {{ searchStream({arguments}) {{ ... on SearchCompleted {{ result {{ {FIELDS} }} }} }} }}"
        );
        let events = subscribe(&app.address, &stream).await;
        let merged = &events.last().expect("events")["data"]["searchStream"]["result"]["offers"];
        let page = &searched["data"]["search"]["offers"];
        assert_eq!(ids(merged), ids(page), "{filter} {first}: streamed {merged}, searched {page}");
        assert_eq!(merged["pageInfo"]["hasNextPage"], page["pageInfo"]["hasNextPage"], "{filter} {first}");
    }
}
