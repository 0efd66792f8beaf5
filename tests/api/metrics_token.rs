//! Review40o R40o-7: `/metrics` answered 429 to a scraper presenting the metrics token once its
//! address had spent its request budget (a scraper behind the same NAT as busy clients, or
//! scraping often): the scrape was lost when the numbers mattered most. A scrape `/metrics` would
//! answer costs no budget and is never refused by it; a wrong token still is.

use crate::helpers::{TestApp, TestOptions, spawn_app_with};

const TOKEN: &str = "metrics-s3cret";

/// Sends GraphQL requests until one is refused for the budget: the client's budget is spent.
async fn spend_budget(app: &TestApp) {
    let url = format!("{}/graphql?query=%7B__typename%7D", app.address);
    for _ in 0..10 {
        if app.client.get(&url).send().await.expect("answer").status() == 429 {
            return;
        }
    }
    panic!("ten requests and the budget of one a second was not spent");
}

#[tokio::test]
async fn a_scrape_with_the_metrics_token_is_answered_when_the_clients_budget_is_spent() {
    let env = vec![("PASAR_METRICS_TOKEN".to_string(), TOKEN.to_string())];
    let app = spawn_app_with(TestOptions { env, rate_per_second: 1, rate_burst: 1, ..TestOptions::default() }).await;
    let url = format!("{}/metrics", app.address);
    spend_budget(&app).await;
    let wrong = app.client.get(&url).bearer_auth("guess").send().await.expect("answer");
    assert_eq!(wrong.status(), 429, "a wrong token is a client like any other");
    for scrape in 0..3 {
        spend_budget(&app).await;
        let right = app.client.get(&url).bearer_auth(TOKEN).send().await.expect("answer");
        assert_eq!(right.status(), 200, "scrape {scrape} was refused");
        assert!(right.text().await.expect("text").contains("pasar_build_info"));
    }
}
