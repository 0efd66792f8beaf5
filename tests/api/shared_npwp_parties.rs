//! Which business an `NPWP_SHARED` vendor's offers are credited to (review39n R39n-4, continued):
//! a listing stating no NPWP, under the name and town of one of the two businesses, is neither.

use crate::helpers::{TestApp, offers};
use crate::shared_npwp::{gateway_answering, listing_in};
use serde_json::{Value, json};

/// `name`'s listing `i` in Kota Kediri, stating `entity`'s NPWP (head office) or none, and Besar.
fn sold_by(i: usize, name: &str, entity: Option<&str>) -> Value {
    stating(i, name, entity, Some("Besar"))
}

/// As [`sold_by`], stating `scale`.
fn stating(i: usize, name: &str, entity: Option<&str>, scale: Option<&str>) -> Value {
    let seller = format!("{name}-{}", entity.unwrap_or("none"));
    listing_in(i, &seller, name, entity.map(|e| format!("{e}601000")).as_deref(), scale, "Kota Kediri")
}

/// `one-page`: a PT, a listing of its name with no NPWP, and a CV of its NPWP, in one answer;
/// `bare`, then `pair`: the listing with no NPWP met before another PT and CV sharing an NPWP;
/// `kecil`: a PT stating Kecil and a CV stating no scale under one NPWP; `towns-pt-first` and
/// `towns-cv-first`: a PT's head office in Kota Kediri and a CV's in Kota Surabaya under one.
fn answer(query: &str) -> Vec<Value> {
    match query {
        "towns-pt-first" => towns("081112223", false),
        "towns-cv-first" => towns("091112223", true),
        "kecil" => vec![
            stating(7, "PT Bumi Kecil Lestari", Some("071112223"), Some("Kecil")),
            stating(8, "CV Berkah Abadi", Some("071112223"), None),
        ],
        "one-page" => vec![
            sold_by(1, "PT Sentosa Makmur Jaya", Some("051112223")),
            sold_by(2, "PT Sentosa Makmur Jaya", None),
            sold_by(3, "CV Berkah Abadi", Some("051112223")),
        ],
        "bare" => vec![sold_by(4, "PT Cahaya Timur", None)],
        "pair" => {
            vec![sold_by(5, "PT Cahaya Timur", Some("061112223")), sold_by(6, "CV Sinar Baru", Some("061112223"))]
        }
        _ => Vec::new(),
    }
}

const SEARCH: &str = r#"query($q: String!) { search(query: $q, first: 10, filter: { marketplaces: ["mbiz"] }) {
  offers { edges { node { sourceId vendor { id name umk issues { code } accounts { sourceId } } } } } } }"#;

/// Each offer's vendor as (id, accounts, issue codes), by listing id.
async fn vendors(app: &TestApp, query: &str) -> Vec<(String, (String, usize, Vec<String>))> {
    let response = app.graphql(SEARCH, json!({ "q": query })).await;
    let mut found: Vec<_> = offers(&response)
        .into_iter()
        .map(|offer| (offer["sourceId"].as_str().expect("id").to_string(), told(&offer["vendor"])))
        .collect();
    found.sort();
    found
}

fn told(vendor: &Value) -> (String, usize, Vec<String>) {
    let codes = vendor["issues"].as_array().into_iter().flatten().filter_map(|i| i["code"].as_str());
    let accounts = vendor["accounts"].as_array().map_or(0, Vec::len);
    (vendor["id"].as_str().unwrap_or_default().to_string(), accounts, codes.map(String::from).collect())
}

#[tokio::test]
async fn a_listing_stating_no_npwp_is_its_own_vendor_not_one_of_two_businesses_sharing_an_npwp() {
    let adapters = tempfile::tempdir().expect("dir");
    let app = gateway_answering(adapters.path(), answer).await;
    let disputed = |entity: &str| (format!("npwp-{entity}"), 2, vec!["NPWP_SHARED".to_string()]);
    let own = |name: &str| (format!("name-PT:{name}@35.71"), 1, Vec::new());
    let one_page = vendors(&app, "one-page").await;
    let expected =
        [("L-1", disputed("051112223")), ("L-2", own("SENTOSA MAKMUR JAYA")), ("L-3", disputed("051112223"))];
    assert_eq!(one_page, expected.map(|(id, vendor)| (id.to_string(), vendor)), "in one answer");

    // Met first, it was its own vendor; the dispute found later gives it back its own.
    assert_eq!(vendors(&app, "bare").await, [("L-4".to_string(), own("CAHAYA TIMUR"))]);
    let pair = vendors(&app, "pair").await;
    assert_eq!(
        pair.iter().map(|(_, vendor)| vendor.clone()).collect::<Vec<_>>(),
        [disputed("061112223"), disputed("061112223")]
    );
    assert_eq!(vendors(&app, "bare").await, [("L-4".to_string(), own("CAHAYA TIMUR"))], "after the dispute");
    let query = "query($id: ID!) { vendor(id: $id) { id name accounts { sourceId } } }";
    let by_id = app.graphql(query, json!({ "id": "name-PT:CAHAYA TIMUR@35.71" })).await;
    let vendor = &by_id["data"]["vendor"];
    assert_eq!((&vendor["name"], told(vendor).1), (&json!("PT Cahaya Timur"), 1), "{by_id}");
}

/// Two head offices of one NPWP entity in two towns: a PT's and a CV's (listed first if `cv_first`).
fn towns(entity: &str, cv_first: bool) -> Vec<Value> {
    let npwp = |office: &str| format!("{entity}{office}000");
    let pt = listing_in(9, "PT-towns", "PT Sentosa Makmur Jaya", Some(&npwp("601")), None, "Kota Kediri");
    let cv = listing_in(10, "CV-towns", "CV Berkah Abadi", Some(&npwp("602")), None, "Kota Surabaya");
    if cv_first { vec![cv, pt] } else { vec![pt, cv] }
}

const UMK_ONLY: &str = r#"query($umk: Boolean!) { search(query: "kecil", first: 10,
  filter: { marketplaces: ["mbiz"], umkOnly: $umk }) { offers { edges { node { sourceId vendor { umk } } } } } }"#;

/// Each offer's listing id and whether its vendor is UMK, by listing id.
fn umk_of(response: &Value) -> Vec<(String, bool)> {
    let mut found: Vec<(String, bool)> = offers(response)
        .into_iter()
        .map(|o| (o["sourceId"].as_str().expect("id").into(), o["vendor"]["umk"].as_bool().expect("umk")))
        .collect();
    found.sort();
    found
}

/// The merged vendor states no scale (either business's alone), so no reader of its offers takes
/// either as UMK: not `umkOnly`, nor the survey's UMK badge (the CV took the PT's `Kecil`).
#[tokio::test]
async fn no_offer_of_an_npwp_shared_vendor_passes_umk_only_nor_is_badged_umk_in_the_survey() {
    let adapters = tempfile::tempdir().expect("dir");
    let app = gateway_answering(adapters.path(), answer).await;
    let all = app.graphql(UMK_ONLY, json!({ "umk": false })).await;
    assert_eq!(umk_of(&all), [("L-7".into(), false), ("L-8".into(), false)], "{all}");
    let umk_only = app.graphql(UMK_ONLY, json!({ "umk": true })).await;
    assert_eq!(umk_of(&umk_only), Vec::<(String, bool)>::new(), "{umk_only}");

    let url = format!("{}/survey?q=kecil&top=5", app.address);
    let html = app.client.get(&url).send().await.expect("survey").text().await.expect("html");
    for name in ["PT Bumi Kecil Lestari", "CV Berkah Abadi"] {
        assert!(html.contains(&format!("<td>{name}</td>")), "{name} with no UMK badge: {html}");
    }
}

const PLACED: &str = r#"query($q: String!) { search(query: $q, first: 10, filter: { marketplaces: ["mbiz"] }) {
  offers { edges { node { vendor { id npwp region { code } issues { code } } } } } } }"#;

/// Which head office a search met first does not decide where a vendor of two businesses is, nor
/// its NPWP: each is one business's, so it states neither.
#[tokio::test]
async fn a_pt_and_a_cv_under_one_npwp_in_two_towns_are_placed_nowhere_and_state_no_npwp_in_either_order() {
    let adapters = tempfile::tempdir().expect("dir");
    let app = gateway_answering(adapters.path(), answer).await;
    for (query, entity) in [("towns-pt-first", "081112223"), ("towns-cv-first", "091112223")] {
        let response = app.graphql(PLACED, json!({ "q": query })).await;
        let vendors: Vec<&Value> = offers(&response).into_iter().map(|o| &o["vendor"]).collect();
        let expected = json!({ "id": format!("npwp-{entity}"), "npwp": null, "region": null, "issues": [{ "code": "NPWP_SHARED" }] });
        assert_eq!(vendors, [&expected, &expected], "{query}");
    }
}
