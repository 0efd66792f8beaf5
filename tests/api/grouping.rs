//! Product grouping measured against the sandboxes' ground truth: pairwise precision and recall
//! of `normalize::product::group` over every listing of the default catalogue.
//!
//! Set `GROUPING_REPORT=1` to print the products split over several groups and the groups mixing
//! products, and `GROUPING_DUMP=<file>` to write `marketplace, product, title` rows for tuning.

use crate::helpers::{TEST_PRODUCTS, spawn_app};
use crate::scoring::pairwise;
use pasar::normalize::product::{ProductKey, explain, group, product_key};
use serde_json::Value;
use std::collections::HashMap;

/// One listing as the truth endpoint describes it.
struct Listing {
    marketplace: String,
    title: String,
    product: String,
}

async fn listings() -> (Vec<Listing>, Vec<String>) {
    let app = spawn_app().await;
    let mut out = Vec::new();
    let mut marketplaces = Vec::new();
    for sandbox in &app.sandboxes {
        let marketplace = sandbox.kind().id().to_string();
        let url = format!("{}/_sandbox/truth", sandbox.base_url());
        let body: Value = app.client.get(url).send().await.expect("truth").json().await.expect("json");
        let listings = body["listings"].as_array().expect("listings");
        assert_eq!(listings.len(), TEST_PRODUCTS, "{marketplace} serves its whole catalogue");
        for listing in listings {
            out.push(Listing {
                marketplace: marketplace.clone(),
                title: listing["title"].as_str().expect("title").to_string(),
                product: listing["product"].as_str().expect("product").to_string(),
            });
        }
        marketplaces.push(marketplace);
    }
    (out, marketplaces)
}

/// The largest errors, for tuning: products split over several groups and groups mixing products.
fn report(listings: &[Listing], keys: &[ProductKey], groups: &[Vec<usize>]) {
    let mut group_of = vec![0; keys.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }
    let mut by_product: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, l) in listings.iter().enumerate() {
        by_product.entry(&l.product).or_default().push(i);
    }
    let mut splits: Vec<(&str, Vec<usize>)> = by_product
        .into_iter()
        .filter_map(|(p, items)| {
            let mut firsts: Vec<usize> = Vec::new();
            for &i in &items {
                if !firsts.iter().any(|&f| group_of[f] == group_of[i]) {
                    firsts.push(i);
                }
            }
            (firsts.len() > 1).then_some((p, firsts))
        })
        .collect();
    splits.sort();
    eprintln!("{} products split over several groups", splits.len());
    for (product, firsts) in splits.iter().take(40) {
        eprintln!("SPLIT {product}");
        for &i in firsts {
            let size = groups[group_of[i]].len();
            eprintln!("   [{size}] {} | {:?}", listings[i].title, keys[i]);
        }
        if let [a, b, ..] = firsts.as_slice() {
            eprintln!("   why: {:?}", explain(&keys[*a], &keys[*b]).conflicts);
        }
    }
    let mut mixed = 0;
    for members in groups {
        let mut products: Vec<&str> = members.iter().map(|&i| listings[i].product.as_str()).collect();
        products.sort();
        products.dedup();
        if products.len() > 1 {
            mixed += 1;
            if mixed <= 20 {
                eprintln!("MIXED {products:?} {:?}", keys[members[0]]);
                for p in products {
                    if let Some(&i) = members.iter().find(|&&i| listings[i].product == p) {
                        eprintln!("   {p}: {}", listings[i].title);
                    }
                }
            }
        }
    }
    eprintln!("{mixed} groups mix products");
}

#[tokio::test]
async fn grouping_by_title_matches_the_ground_truth_at_99_percent_precision_and_recall() {
    let (listings, marketplaces) = listings().await;
    let started = std::time::Instant::now();
    let keys: Vec<ProductKey> = listings.iter().map(|l| product_key(&l.title)).collect();
    let groups = group(&keys);
    let elapsed = started.elapsed();
    let truth: Vec<&str> = listings.iter().map(|l| l.product.as_str()).collect();
    let (precision, recall) = pairwise(&groups, &truth);
    let cross =
        groups.iter().filter(|g| g.iter().any(|&i| listings[i].marketplace != listings[g[0]].marketplace)).count();
    eprintln!(
        "grouping over {} listings from {} ({}): {} groups, {cross} spanning marketplaces; \
         pairwise precision {precision:.4}, recall {recall:.4}; keys and groups in {elapsed:?}",
        listings.len(),
        marketplaces.len(),
        marketplaces.join(", "),
        groups.len(),
    );
    if let Some(path) = std::env::var_os("GROUPING_DUMP") {
        let rows: String =
            listings.iter().map(|l| format!("{}\t{}\t{}\n", l.marketplace, l.product, l.title)).collect();
        std::fs::write(path, rows).expect("dump written");
    }
    if std::env::var_os("GROUPING_REPORT").is_some() {
        report(&listings, &keys, &groups);
    }
    // Measured 0.9899 with `bela` before issue 24 (four desks whose "1/2 Biro" variant merged
    // with the plain one); a desk's drawer unit is decisive since, and all five give 1.0000.
    assert!(precision >= 0.99, "pairwise precision {precision:.4} is below 0.99");
    assert!(recall >= 0.99, "pairwise recall {recall:.4} is below 0.99");
    one_compare_is_grouped_in_well_under_50_ms(&listings, &marketplaces);
}

/// What one `compare` groups: each marketplace's first hundred offers. Timed over several runs
/// (the fastest counts, as the machine is shared); the bound holds in a release build only.
fn one_compare_is_grouped_in_well_under_50_ms(listings: &[Listing], marketplaces: &[String]) {
    let titles: Vec<&str> = marketplaces
        .iter()
        .flat_map(|m| listings.iter().filter(move |l| &l.marketplace == m).take(100))
        .map(|l| l.title.as_str())
        .collect();
    assert_eq!(titles.len(), 100 * marketplaces.len());
    let fastest = (0..5)
        .map(|_| {
            let started = std::time::Instant::now();
            let keys: Vec<ProductKey> = titles.iter().map(|t| product_key(t)).collect();
            let groups = group(&keys);
            assert!(groups.len() < titles.len());
            started.elapsed()
        })
        .min()
        .expect("five runs");
    eprintln!("one compare: {} offers read and grouped in {fastest:?} (fastest of 5)", titles.len());
    if !cfg!(debug_assertions) {
        assert!(fastest.as_millis() < 25, "grouping one compare's offers took {fastest:?}");
    }
}
