//! A refused spending or ranking argument is named in `extensions.field` as the query spells
//! it, so a form can mark the one at fault (review37s R37s-11).

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn each_refused_spending_argument_is_named_as_the_query_spells_it() {
    let app = spawn_app().await;
    let asked = [
        (r#"{ spending(buyer: "99.99", year: 2022) { complete } }"#, "buyer"),
        (r#"{ spending(buyer: "35.71", year: 1999) { complete } }"#, "year"),
        (r#"{ spending(buyer: "35.71", year: 2022, marketplaces: ["nope"]) { complete } }"#, "marketplaces"),
        (r#"{ spendingRanking(province: "99", year: 2022) { rank } }"#, "province"),
        (r#"{ spendingRanking(province: "35", year: 2022, first: 0) { rank } }"#, "first"),
        (r#"{ spendingRanking(province: "35", year: 2022, marketplace: "nope") { rank } }"#, "marketplace"),
    ];
    for (query, field) in asked {
        let body = app.graphql(query, json!({})).await;
        let extensions = &body["errors"][0]["extensions"];
        assert_eq!((&extensions["code"], &extensions["field"]), (&json!("BAD_USER_INPUT"), &json!(field)), "{body}");
    }
}
