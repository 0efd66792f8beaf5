//! Short answers, read whole on the first page: the page never says both "the count is exact and
//! all delivered" and "more follow" (review37 R37-5).

use crate::helpers::spawn_app;
use crate::paging_calls::page;
use pasar::sandbox::Quirks;
use serde_json::{Value, json};

#[tokio::test]
async fn a_cold_marketplaces_first_page_holding_its_whole_stated_count_does_not_also_promise_more() {
    let app = spawn_app().await;
    let ten = Quirks { max_matches: Some(10), ..Quirks::default() };
    app.sandbox("mbiz").state().set_quirks(ten).expect("quirks apply");
    let (ids, response, _) = page(&app, "2", 10, &Value::Null).await;
    assert_eq!(ids.len(), 10, "{response}");
    let offers = &response["data"]["search"]["offers"];
    let (exact, next) = (&offers["totalCountExact"], &offers["pageInfo"]["hasNextPage"]);
    assert_eq!(offers["totalCount"], 10, "{response}");
    assert!(!(exact == true && next == true), "exact, all delivered, and a next page: {response}");
    if next == true {
        let (more, response, _) = page(&app, "2", 10, &offers["pageInfo"]["endCursor"]).await;
        let offers = &response["data"]["search"]["offers"];
        assert!(more.is_empty(), "{response}");
        assert_eq!((&offers["totalCount"], &offers["totalCountExact"]), (&json!(10), &json!(true)), "{response}");
    }
}
