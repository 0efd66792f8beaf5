//! Product grouping measured against the sandboxes' ground truth: pairwise precision and recall
//! of `normalize::product::group` over every listing of the default catalogue.
//!
//! Set `GROUPING_REPORT=1` to print the products split over several groups and the groups mixing
//! products, and `GROUPING_DUMP=<file>` to write `marketplace, product, title` rows for tuning.

use crate::helpers::{TEST_PRODUCTS, spawn_app};
use pasar::normalize::product::{ProductKey, explain, group, product_key};
use serde_json::Value;
use std::collections::HashMap;

/// One listing as the truth endpoint describes it.
struct Listing {
    marketplace: String,
    title: String,
    product: String,
}

/// Pairs among `n` items.
fn pairs(n: usize) -> u64 {
    let n = n as u64;
    n * n.saturating_sub(1) / 2
}

/// Pairwise precision and recall of `groups` against `truth` (true class per item), counted from
/// the contingency table of (group, true class) sizes rather than over all pairs.
fn pairwise(groups: &[Vec<usize>], truth: &[&str]) -> (f64, f64) {
    let mut class_sizes: HashMap<&str, usize> = HashMap::new();
    let (mut together, mut predicted) = (0u64, 0u64);
    for members in groups {
        predicted += pairs(members.len());
        let mut cells: HashMap<&str, usize> = HashMap::new();
        for &i in members {
            *cells.entry(truth[i]).or_default() += 1;
            *class_sizes.entry(truth[i]).or_default() += 1;
        }
        together += cells.values().map(|&n| pairs(n)).sum::<u64>();
    }
    let actual: u64 = class_sizes.values().map(|&n| pairs(n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(together, predicted), ratio(together, actual))
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
async fn grouping_by_title_matches_the_ground_truth_at_ninety_percent_precision_and_recall() {
    let (listings, marketplaces) = listings().await;
    let keys: Vec<ProductKey> = listings.iter().map(|l| product_key(&l.title)).collect();
    let groups = group(&keys);
    let truth: Vec<&str> = listings.iter().map(|l| l.product.as_str()).collect();
    let (precision, recall) = pairwise(&groups, &truth);
    let cross =
        groups.iter().filter(|g| g.iter().any(|&i| listings[i].marketplace != listings[g[0]].marketplace)).count();
    eprintln!(
        "grouping over {} listings from {} ({}): {} groups, {cross} spanning marketplaces; \
         pairwise precision {precision:.4}, recall {recall:.4}",
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
    assert!(precision >= 0.90, "pairwise precision {precision:.4} is below 0.90");
    assert!(recall >= 0.90, "pairwise recall {recall:.4} is below 0.90");
}

#[test]
fn pairwise_scores_count_pairs_per_cell_of_the_contingency_table() {
    // Truth: {0,1,2} and {3,4}; predicted: {0,1} {2,3,4}.
    let truth = ["a", "a", "a", "b", "b"];
    let (precision, recall) = pairwise(&[vec![0, 1], vec![2, 3, 4]], &truth);
    // Predicted pairs: 1 + 3 = 4, of which (0,1) and (3,4) are true: 2/4. True pairs: 3 + 1 = 4.
    assert!((precision - 0.5).abs() < 1e-9);
    assert!((recall - 0.5).abs() < 1e-9);
    assert_eq!(pairwise(&[vec![0, 1, 2], vec![3, 4]], &truth), (1.0, 1.0));
}
