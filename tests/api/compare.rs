//! Comparing one product across marketplaces.

use crate::helpers::spawn_app;
use pasar::sandbox::Quirks;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

const COMPARE: &str = r#"query($q: String!, $buyer: BuyerContext) { compare(query: $q, buyer: $buyer, first: 5) {
  complete
  groups {
    title brand specs unitPriceMin unitPriceMedian unitPriceMax
    marketplaces { id }
    cheapest { id }
    matched { matchedSpecs }
    offers { id title marketplace { id } unit { name baseUnit quantity } unitPrice { amountIncludingVat } }
    ranked { offer { id } ranking { pdnTier pdnPreferred umk locality reasons } }
  }
} }"#;

fn specs(group: &Value) -> Vec<&str> {
    group["specs"].as_array().expect("specs").iter().filter_map(Value::as_str).collect()
}

fn decimal(value: &Value) -> Decimal {
    Decimal::from_str(value.as_str().unwrap_or_else(|| panic!("decimal string, got {value}"))).expect("decimal")
}

#[tokio::test]
async fn paper_is_grouped_across_marketplaces_cheapest_per_sheet_first() {
    let app = spawn_app().await;
    let response = app.graphql(COMPARE, json!({ "q": "kertas hvs a4 80" })).await;
    assert_eq!(response["data"]["compare"]["complete"], true, "{response}");
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    assert!(!groups.is_empty(), "{response}");
    let top = &groups[0];
    assert!(top["marketplaces"].as_array().expect("marketplaces").len() >= 2, "{top}");
    let specs = specs(top);
    assert!(specs.contains(&"a4") && specs.contains(&"80gsm"), "{specs:?}");
    let offers = top["offers"].as_array().expect("offers");
    let per_sheet: Vec<Decimal> = offers.iter().map(|o| decimal(&o["unitPrice"]["amountIncludingVat"])).collect();
    assert!(per_sheet.windows(2).all(|w| w[0] <= w[1]), "cheapest per base unit first: {per_sheet:?}");
    assert!(offers.iter().all(|o| o["unit"]["baseUnit"] == "lembar"), "{offers:?}");
    assert_eq!(top["cheapest"]["id"], offers[0]["id"]);
    let (min, median, max) =
        (decimal(&top["unitPriceMin"]), decimal(&top["unitPriceMedian"]), decimal(&top["unitPriceMax"]));
    assert!(min <= median && median <= max);
    assert_eq!(min, per_sheet[0]);
    let packs: std::collections::BTreeSet<String> = offers.iter().map(|o| o["unit"]["quantity"].to_string()).collect();
    assert!(packs.len() >= 2, "a rim and a box of five rim compare in one group: {packs:?}");
}

#[tokio::test]
async fn a4_and_f4_paper_are_never_one_group() {
    let app = spawn_app().await;
    let response = app.graphql(COMPARE, json!({ "q": "kertas hvs" })).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    for size in ["a4", "f4"] {
        assert!(groups.iter().any(|g| specs(g).contains(&size)), "some {size} group to look at: {response}");
    }
    for group in groups {
        let specs = specs(group);
        assert!(!(specs.contains(&"a4") && specs.contains(&"f4")), "{group}");
        let offers = group["offers"].as_array().expect("offers");
        assert!(!offers.is_empty(), "{group}");
        for offer in offers {
            let title = offer["title"].as_str().expect("title").to_lowercase();
            let other = if specs.contains(&"a4") { "f4" } else { "a4" };
            assert!(!title.contains(other), "{title} in a group with specs {specs:?}");
        }
    }
}

#[tokio::test]
async fn with_a_buyer_every_offer_in_a_group_says_why_it_ranks_where_it_does() {
    let app = spawn_app().await;
    let response = app.graphql(COMPARE, json!({ "q": "kursi kerja", "buyer": { "regionCode": "35.71" } })).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    assert!(!groups.is_empty(), "{response}");
    for group in groups {
        assert!(!group["ranked"].as_array().expect("ranked").is_empty(), "{group}");
        for ranked in group["ranked"].as_array().expect("ranked") {
            let reasons = ranked["ranking"]["reasons"].as_array().expect("reasons");
            assert!(reasons.len() >= 3, "{ranked}");
        }
        let preferred: Vec<bool> =
            group["ranked"].as_array().expect("ranked").iter().map(|r| r["ranking"]["pdnPreferred"] == true).collect();
        assert!(preferred.windows(2).all(|w| w[0] >= w[1]), "set-aside offers come last: {preferred:?}");
    }
}

#[tokio::test]
async fn a_comparison_says_how_many_offers_of_each_marketplace_it_grouped_and_whether_more_exist() {
    let app = spawn_app().await;
    let response = app
        .graphql("{ compare(query: \"kertas\", first: 3) { coverage { marketplace { id } grouped more } } }", json!({}))
        .await;
    let coverage = response["data"]["compare"]["coverage"].as_array().unwrap_or_else(|| panic!("{response}"));
    assert_eq!(coverage.len(), 5, "one entry per answering marketplace: {response}");
    for entry in coverage {
        let grouped = entry["grouped"].as_u64().expect("count");
        assert!((1..=100).contains(&grouped), "{entry}");
        // Over 2 000 listings each, "kertas" matches more than the 100 a comparison groups.
        assert_eq!((grouped, &entry["more"]), (100, &json!(true)), "{entry}");
    }
}

#[tokio::test]
async fn a_marketplace_stating_more_matches_than_its_one_page_holds_has_more_in_the_coverage() {
    let app = spawn_app().await;
    let single = Quirks { max_matches: Some(100), max_page_size: Some(50), ignores_paging: true, ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(single).expect("quirks apply");
    let query = r#"{ compare(query: "2", filter: { marketplaces: ["mbiz"] }) {
      coverage { grouped more } sources { ignoresPaging } } }"#;
    let response = app.graphql(query, json!({})).await;
    let compare = &response["data"]["compare"];
    let coverage = (&compare["coverage"][0]["grouped"], &compare["coverage"][0]["more"]);
    assert_eq!(coverage, (&json!(50), &json!(true)), "it states 100, paging reaches 50: {response}");
    assert_eq!(compare["sources"][0]["ignoresPaging"], true, "why: {response}");
}

#[tokio::test]
async fn under_a_vendor_filter_the_coverage_counts_the_offers_it_kept() {
    // review29a W13: `umkOnly` said `grouped: 100` for every marketplace while its groups held
    // 32-60 offers of each.
    let app = spawn_app().await;
    let query = r#"{ compare(query: "kertas", first: 50, filter: { umkOnly: true }) {
      coverage { marketplace { id } grouped } groups { offers { marketplace { id } } } } }"#;
    let response = app.graphql(query, json!({})).await;
    let compare = &response["data"]["compare"];
    let groups = compare["groups"].as_array().unwrap_or_else(|| panic!("{response}"));
    let coverage = compare["coverage"].as_array().unwrap_or_else(|| panic!("{response}"));
    assert_eq!(coverage.len(), 5, "{response}");
    // Fewer groups than asked: every group is shown, so what was grouped is what is listed.
    assert!(groups.len() < 50, "{} groups", groups.len());
    let shown = |id: &Value| {
        groups
            .iter()
            .flat_map(|g| g["offers"].as_array().into_iter().flatten())
            .filter(|o| o["marketplace"]["id"] == *id)
            .count()
    };
    for entry in coverage {
        let grouped = entry["grouped"].as_u64().expect("a count");
        assert!(grouped < 100, "{entry}");
        assert_eq!(grouped as usize, shown(&entry["marketplace"]["id"]), "{entry}");
    }
}

const PENS: &str = r#"query($q: String!) { compare(query: $q, first: 10) {
  groups {
    unitPriceMin
    cheapest { id title unitPrice { amountIncludingVat } unitPriceBasis { derivation confident exact } }
    offers { id title unit { quantity } unitPrice { amountIncludingVat } unitPriceBasis { confident } }
  }
} }"#;

#[tokio::test]
async fn a_model_code_never_makes_a_pen_the_cheapest_at_a_few_rupiah() {
    let app = spawn_app().await;
    let response = app.graphql(PENS, json!({ "q": "ballpoint" })).await;
    let groups = response["data"]["compare"]["groups"].as_array().expect("groups");
    assert!(!groups.is_empty(), "{response}");
    for group in groups {
        let cheapest = &group["cheapest"];
        assert_eq!(cheapest["unitPriceBasis"]["confident"], true, "{group}");
        let per_pen = decimal(&cheapest["unitPrice"]["amountIncludingVat"]);
        // The catalogue prices a dozen at Rp24.000 and up: a pen is never a few rupiah.
        assert!(per_pen >= Decimal::from(1_000), "{} at {per_pen} per pen", cheapest["title"]);
        assert_eq!(decimal(&group["unitPriceMin"]), per_pen);
        for offer in group["offers"].as_array().expect("offers") {
            assert_eq!(offer["unitPrice"].is_null(), offer["unit"]["quantity"].is_null(), "{offer}");
            assert_eq!(offer["unitPriceBasis"].is_null(), offer["unitPrice"].is_null(), "{offer}");
            if offer["unitPriceBasis"]["confident"] == true {
                let price = decimal(&offer["unitPrice"]["amountIncludingVat"]);
                assert!(price >= Decimal::from(1_000), "{} at {price} per pen", offer["title"]);
            }
        }
    }
}

#[tokio::test]
async fn a_unit_price_sort_orders_confident_unit_prices_and_puts_the_rest_after() {
    let app = spawn_app().await;
    let query = r#"{ search(query: "masker", first: 60, sort: UNIT_PRICE_ASC) { offers { edges { node {
      unit { quantity note } unitPrice { amountIncludingVat } unitPriceBasis { confident }
    } } } } }"#;
    let response = app.graphql(query, json!({})).await;
    let edges = response["data"]["search"]["offers"]["edges"].as_array().expect("edges");
    let confident: Vec<bool> = edges.iter().map(|e| e["node"]["unitPriceBasis"]["confident"] == true).collect();
    assert!(confident.iter().any(|c| *c), "{response}");
    assert!(confident.windows(2).all(|w| w[0] >= w[1]), "confident unit prices first: {confident:?}");
    let prices: Vec<Decimal> = edges
        .iter()
        .filter(|e| e["node"]["unitPriceBasis"]["confident"] == true)
        .map(|e| decimal(&e["node"]["unitPrice"]["amountIncludingVat"]))
        .collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    for edge in edges.iter().filter(|e| e["node"]["unit"]["quantity"].is_null()) {
        assert!(edge["node"]["unitPrice"].is_null() && edge["node"]["unit"]["note"].is_string(), "{edge}");
    }
}

const GROUPS: &str = r#"query($q: String!) { compare(query: $q, first: 20) {
  sources { marketplace { id } cache }
  groups { title offers { id } }
} }"#;

#[tokio::test]
async fn a_comparison_groups_the_same_from_the_network_and_from_the_cache_with_a_marketplace_that_repeats_its_page() {
    let app = spawn_app().await;
    let quirks = pasar::sandbox::Quirks { max_page_size: Some(10), ignores_paging: true, ..Default::default() };
    app.sandbox("jatim-bejo").state().set_quirks(quirks).expect("quirks apply");
    let shape = |response: &Value| {
        let groups = response["data"]["compare"]["groups"].as_array().expect("groups").clone();
        groups.into_iter().map(|g| (g["title"].clone(), g["offers"].clone())).collect::<Vec<_>>()
    };
    // The first finds out that jatim-bejo does not page, the second reads its one page, the
    // third is served wholly from the cache.
    let cold = app.graphql(GROUPS, json!({ "q": "kertas" })).await;
    assert!(cold["errors"].is_null(), "{cold}");
    app.graphql(GROUPS, json!({ "q": "kertas" })).await;
    let cached = app.graphql(GROUPS, json!({ "q": "kertas" })).await;
    let sources = cached["data"]["compare"]["sources"].as_array().expect("sources");
    assert!(sources.iter().all(|s| s["cache"] == "HIT"), "served from the cache: {cached}");
    assert_eq!(shape(&cached), shape(&cold));
    let ids: Vec<String> = shape(&cold)
        .iter()
        .flat_map(|(_, offers)| offers.as_array().expect("offers").iter().map(|o| o["id"].to_string()))
        .collect();
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert!(ids.iter().any(|id| id.contains("jatim-bejo")), "{cold}");
    assert_eq!(unique.len(), ids.len(), "no offer in two places: {cold}");
}

const CITED: &str = r#"query($q: String!) { compare(query: $q, first: 20) {
  groups { groupId matcherVersion offers { sourceId marketplace { id } } }
} }"#;

/// Each group as its id and its offers (marketplace, listing id), sorted so order does not count.
fn cited(response: &Value) -> Vec<(String, Vec<(String, String)>)> {
    let groups = response["data"]["compare"]["groups"].as_array().unwrap_or_else(|| panic!("groups: {response}"));
    let mut cited: Vec<(String, Vec<(String, String)>)> = groups
        .iter()
        .map(|g| {
            assert_eq!(g["matcherVersion"], pasar::normalize::product::MATCHER_VERSION, "{g}");
            let offers = g["offers"].as_array().expect("offers").iter();
            let names = offers.map(|o| (o["marketplace"]["id"].to_string(), o["sourceId"].to_string())).collect();
            (g["groupId"].as_str().expect("a groupId").to_string(), names)
        })
        .collect();
    cited.sort();
    cited
}

#[tokio::test]
async fn a_group_has_the_same_id_for_the_same_offers_in_every_request_and_on_every_instance() {
    let (first, second) = (spawn_app().await, spawn_app().await);
    let cold = cited(&first.graphql(CITED, json!({ "q": "kertas" })).await);
    let again = cited(&first.graphql(CITED, json!({ "q": "kertas" })).await);
    let elsewhere = cited(&second.graphql(CITED, json!({ "q": "kertas" })).await);
    assert!(cold.len() >= 2, "several groups to tell apart: {cold:?}");
    assert_eq!(again, cold);
    assert_eq!(elsewhere, cold, "another instance names the same groups alike");
    let ids: std::collections::BTreeSet<&String> = cold.iter().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), cold.len(), "no two groups share an id: {cold:?}");
    for (id, offers) in &cold {
        let names = offers.iter().map(|(m, s)| (m.trim_matches('"'), s.trim_matches('"')));
        assert_eq!(id, &pasar::normalize::product::group_id(names), "the id names exactly these offers");
    }
    let pens = cited(&first.graphql(CITED, json!({ "q": "pulpen" })).await);
    assert!(pens.iter().all(|(id, _)| !ids.contains(id)), "other offers, other ids: {pens:?}");
}

const UNCOUNTED: &str = r#"query($q: String!) { compare(query: $q, first: 20) { groups {
  uncounted { reason count }
  offers { unit { baseUnit } unitPriceBasis { confident exact } }
} } }"#;

/// What a group's `uncounted` should say, worked out from its offers as a client sees them.
fn expected_uncounted(group: &Value) -> std::collections::BTreeMap<String, i64> {
    let offers = group["offers"].as_array().expect("offers");
    let confident = |o: &&Value| o["unitPriceBasis"]["confident"] == true;
    let mut bases = std::collections::BTreeMap::new();
    for offer in offers.iter().filter(confident) {
        *bases.entry(offer["unit"]["baseUnit"].as_str()).or_insert(0) += 1;
    }
    let base = bases.into_iter().max_by_key(|&(_, n)| n).map(|(base, _)| base);
    let in_base = |o: &&Value| confident(o) && Some(o["unit"]["baseUnit"].as_str()) == base;
    let any_exact = offers.iter().filter(in_base).any(|o| o["unitPriceBasis"]["exact"] == true);
    let mut expected = std::collections::BTreeMap::new();
    for offer in offers {
        let reason = match () {
            _ if !confident(&offer) => "NO_CONFIDENT_PACK",
            _ if !in_base(&offer) => "OTHER_UNIT",
            _ if any_exact && offer["unitPriceBasis"]["exact"] != true => "APPROXIMATE",
            _ => continue,
        };
        *expected.entry(reason.to_string()).or_insert(0) += 1;
    }
    expected
}

#[tokio::test]
async fn a_group_says_how_many_of_its_offers_its_unit_prices_leave_out_and_why() {
    let app = spawn_app().await;
    let mut left_out = 0;
    for query in ["kertas", "tinta", "map", "pulpen"] {
        let response = app.graphql(UNCOUNTED, json!({ "q": query })).await;
        let groups = response["data"]["compare"]["groups"].as_array().unwrap_or_else(|| panic!("{response}"));
        for group in groups {
            let said: std::collections::BTreeMap<String, i64> = group["uncounted"]
                .as_array()
                .expect("uncounted")
                .iter()
                .map(|u| (u["reason"].as_str().expect("reason").to_string(), u["count"].as_i64().expect("count")))
                .collect();
            assert_eq!(said, expected_uncounted(group), "{group}");
            left_out += said.values().sum::<i64>();
        }
    }
    assert!(left_out > 0, "some offer left out to count");
}

const NEAR: &str = r#"query($q: String!) { compare(query: $q, first: 50) { groups {
  groupId title specs near { groupId title apart { conflicts score } }
} } }"#;

#[tokio::test]
async fn a_group_names_the_near_groups_it_was_kept_apart_from_and_the_difference() {
    let app = spawn_app().await;
    let response = app.graphql(NEAR, json!({ "q": "kertas hvs" })).await;
    let groups = response["data"]["compare"]["groups"].as_array().unwrap_or_else(|| panic!("{response}"));
    let by_id: std::collections::BTreeMap<&str, &Value> =
        groups.iter().map(|g| (g["groupId"].as_str().expect("groupId"), g)).collect();
    let a4 = groups.iter().find(|g| specs(g).contains(&"a4")).unwrap_or_else(|| panic!("an A4 group: {response}"));
    let near = a4["near"].as_array().expect("near");
    let f4 = near
        .iter()
        .find(|n| n["apart"]["conflicts"].to_string().contains("F4"))
        .unwrap_or_else(|| panic!("an F4 group near the A4 one, kept apart by its size: {a4}"));
    let other = by_id.get(f4["groupId"].as_str().expect("groupId")).unwrap_or_else(|| panic!("{f4} is listed"));
    assert!(specs(other).contains(&"f4"), "{other}");
    assert_eq!(f4["title"], other["title"]);
    assert!(near.len() <= 3 && near.iter().all(|n| n["groupId"] != a4["groupId"]), "{near:?}");
}
