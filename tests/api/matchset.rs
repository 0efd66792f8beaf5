//! Product matching and pack reading measured on the generated set of issue 24 (tests/data/
//! gen_matchset.py): 1,500 titles in eight marketplace styles over families of look-alike
//! products. Families are split by a fixed seed into a development part, which the matcher may
//! be tuned on, and a frozen test part, which it never is (`MATCHSET_REPORT=1` prints the
//! development part's false merges and splits, never the test part's). Its reading, scoring and
//! reporting also measure the stationery set (markset.rs).

use crate::scoring::pairwise;
use pasar::normalize::product::{ProductKey, explain, group, product_key};
use pasar::normalize::unit::parse_unit;
use rust_decimal::Decimal;
use std::collections::HashMap;

const DEV: &str = include_str!("../data/matchset_dev.tsv");
const TEST: &str = include_str!("../data/matchset_test.tsv");
/// More development families (tests/data/gen_matchset_extra.py), written after the split without
/// reading the frozen part; grouped together with the development part.
const EXTRA: &str = include_str!("../data/matchset_extra.tsv");

/// One title with its truth.
pub(crate) struct Row<'a> {
    pub(crate) family: &'a str,
    pub(crate) label: &'a str,
    pack: (Decimal, &'a str),
    unit_field: Option<&'a str>,
    title: &'a str,
}

pub(crate) fn rows(text: &str) -> Vec<Row<'_>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let [family, label, pack, unit_field, title] = cols[..] else { panic!("five columns expected: {l:?}") };
            let (quantity, base) = pack.split_once(' ').expect("pack truth is `quantity base`");
            let quantity = quantity.parse().expect("pack quantity");
            let unit_field = Some(unit_field).filter(|f| !f.is_empty());
            Row { family, label, pack: (quantity, base), unit_field, title }
        })
        .collect()
}

/// Pairwise precision and recall of the matcher's groups; `report` prints its mistakes, `families`
/// the figures of each family.
pub(crate) fn grouping(rows: &[Row], report: bool, families: bool) -> (f64, f64) {
    let keys: Vec<ProductKey> = rows.iter().map(|r| product_key(r.title)).collect();
    let groups = group(&keys);
    if report {
        print_mistakes(rows, &keys, &groups);
    }
    let truth: Vec<&str> = rows.iter().map(|r| r.label).collect();
    if families {
        print_families(rows, &groups, &truth);
    }
    pairwise(&groups, &truth)
}

/// Pairwise precision and recall within each family (the groups cut down to its titles), for
/// the closing figures; pairs across families count in the overall figures only.
fn print_families(rows: &[Row], groups: &[Vec<usize>], truth: &[&str]) {
    let mut families: Vec<&str> = rows.iter().map(|r| r.family).collect();
    families.sort_unstable();
    families.dedup();
    for family in families {
        let within: Vec<Vec<usize>> = groups
            .iter()
            .map(|g| g.iter().copied().filter(|&i| rows[i].family == family).collect::<Vec<_>>())
            .filter(|g| !g.is_empty())
            .collect();
        let (p, r) = pairwise(&within, truth);
        eprintln!("family {family:<28} precision {p:.4} recall {r:.4}");
    }
}

fn print_mistakes(rows: &[Row], keys: &[ProductKey], groups: &[Vec<usize>]) {
    for members in groups {
        let mut labels: Vec<&str> = members.iter().map(|&i| rows[i].label).collect();
        labels.sort_unstable();
        labels.dedup();
        if labels.len() > 1 {
            eprintln!("MIXED {labels:?}");
            members.iter().for_each(|&i| eprintln!("   {} | {} | {:?}", rows[i].label, rows[i].title, keys[i]));
        }
    }
    let mut labels: Vec<&str> = rows.iter().map(|r| r.label).collect();
    labels.sort_unstable();
    labels.dedup();
    for label in labels {
        let parts: Vec<&Vec<usize>> = groups.iter().filter(|g| g.iter().any(|&i| rows[i].label == label)).collect();
        if parts.len() > 1 {
            eprintln!("SPLIT {label}");
            for part in &parts {
                let i = part[0];
                eprintln!("   [{}] {} | {:?}", part.len(), rows[i].title, keys[i]);
            }
            eprintln!("   why: {:?}", explain(&keys[parts[0][0]], &keys[parts[1][0]]));
        }
    }
}

/// Share of titles whose pack is read as the truth: the same quantity, in the same base unit
/// when the reading names one.
pub(crate) fn packs(rows: &[Row], report: bool) -> Packs {
    let (mut read, mut exact) = (0, 0);
    for r in rows {
        let unit = parse_unit(r.unit_field, r.title);
        let ok = unit.quantity == Some(r.pack.0)
            && unit.base_unit.as_deref().is_none_or(|b| b == r.pack.1 || base_alias(b) == r.pack.1);
        read += usize::from(unit.quantity.is_some());
        exact += usize::from(ok);
        if !ok && report {
            eprintln!(
                "PACK {:?} | {} | read {:?} {:?}, truth {:?}",
                r.unit_field, r.title, unit.quantity, unit.base_unit, r.pack
            );
        }
    }
    Packs { right: exact as f64 / read.max(1) as f64, read: read as f64 / rows.len() as f64 }
}

/// How packs were read: the share of sizes read that are right (a wrong size misprices the
/// unit), and the share of titles read at all (a size nothing states is unknown, never one
/// piece assumed: review39n R39n-3).
pub(crate) struct Packs {
    pub right: f64,
    pub read: f64,
}

/// Prints a set's pack figures and checks them against the least `right` and `read` shares
/// (each as dev, frozen test).
pub(crate) fn check_packs(set: &str, (dev, test): (Packs, Packs), right: (f64, f64), read: (f64, f64)) {
    eprintln!(
        "{set} packs right: dev {:.4}, frozen test {:.4}; read: dev {:.4}, frozen test {:.4}",
        dev.right, test.right, dev.read, test.read
    );
    assert!(
        dev.right >= right.0 && test.right >= right.1,
        "packs right: dev {:.4}, frozen test {:.4}",
        dev.right,
        test.right
    );
    assert!(dev.read >= read.0 && test.read >= read.1, "packs read: dev {:.4}, frozen test {:.4}", dev.read, test.read);
}

/// Base units the reader names otherwise than the set does (`unit` for a set).
fn base_alias(base: &str) -> &str {
    match base {
        "unit" => "set",
        other => other,
    }
}

#[test]
fn the_generated_set_has_a_thousand_titles_in_eight_styles_and_mostly_look_alike_pairs() {
    let (dev, test) = (rows(DEV), rows(TEST));
    assert!(dev.len() + test.len() >= 1000, "{} titles", dev.len() + test.len());
    // No family is in both parts: the test part's products were never seen while tuning.
    let dev_families: Vec<&str> = dev.iter().map(|r| r.family).collect();
    assert!(test.iter().all(|r| !dev_families.contains(&r.family)));
    for part in [&dev, &test] {
        // Pairs of titles of one kind (the label's first part): those of two products whose
        // labels differ in at most two decisive things (`paper/natural/a4/70` and
        // `paper/copylas/a4/80`) look alike.
        let parts = |r: &Row| r.label.split('/').map(str::to_string).collect::<Vec<_>>();
        let mut by_kind: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        part.iter().for_each(|r| by_kind.entry(parts(r)[0].clone()).or_default().push(parts(r)));
        let (mut pairs, mut look_alike) = (0u64, 0u64);
        for labels in by_kind.values() {
            for (i, a) in labels.iter().enumerate() {
                for b in &labels[i + 1..] {
                    pairs += 1;
                    let differ = a.iter().zip(b).filter(|(x, y)| x != y).count();
                    look_alike += u64::from(a.len() == b.len() && (1..=2).contains(&differ));
                }
            }
        }
        let share = look_alike as f64 / pairs as f64;
        eprintln!("{} titles, {pairs} same-kind pairs, {share:.3} of two look-alike products", part.len());
        assert!(share >= 0.40, "{share}");
    }
}

#[test]
fn matching_on_the_generated_set_keeps_look_alike_products_apart() {
    let report = std::env::var_os("MATCHSET_REPORT").is_some();
    let families = std::env::var_os("MATCHSET_FAMILIES").is_some();
    let dev: Vec<Row> = rows(DEV).into_iter().chain(rows(EXTRA)).collect();
    let (dev_p, dev_r) = grouping(&dev, report, families);
    let (test_p, test_r) = grouping(&rows(TEST), false, families);
    eprintln!(
        "matchset dev: precision {dev_p:.4}, recall {dev_r:.4}; frozen test: precision {test_p:.4}, recall {test_r:.4}"
    );
    assert!(dev_p >= 0.99 && dev_r >= 0.95, "development part: precision {dev_p:.4}, recall {dev_r:.4}");
    // Issue 24's bar. Before it: 0.287 and 0.778; measured since: 0.995 and 0.991.
    assert!(test_p >= 0.99 && test_r >= 0.90, "frozen test part: precision {test_p:.4}, recall {test_r:.4}");
}

#[test]
fn packs_on_the_generated_set_are_read_wherever_the_title_states_them() {
    let report = std::env::var_os("MATCHSET_REPORT").is_some();
    let figures = (packs(&rows(DEV), report), packs(&rows(TEST), false));
    // Exact over all titles before issue 24: 0.875 and 0.801; then 0.9998 and 0.9873, one piece
    // assumed where nothing states the pack. Since none is (R39n-3): every size read right (1.0000,
    // 1.0000), 0.7672 and 0.7697 of the titles read, rounded down.
    check_packs("matchset", figures, (0.99, 0.99), (0.76, 0.76));
}
