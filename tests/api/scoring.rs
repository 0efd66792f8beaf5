//! Pairwise precision and recall of a clustering against the truth, shared by the grouping, dev
//! set and vendor tests.

use std::collections::HashMap;

/// Pairs among `n` items.
fn pairs(n: usize) -> u64 {
    let n = n as u64;
    n * n.saturating_sub(1) / 2
}

/// Pairwise precision and recall of `groups` (indices into `truth`) against `truth` (the true
/// class of each item), counted from the contingency table of (group, true class) sizes rather
/// than over all pairs, so it is linear in the number of items.
pub fn pairwise(groups: &[Vec<usize>], truth: &[&str]) -> (f64, f64) {
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

/// Items (by index) grouped by equal labels, for a clustering given as one label per item.
pub fn groups_of<T: Eq + std::hash::Hash>(labels: &[T]) -> Vec<Vec<usize>> {
    let mut index: HashMap<&T, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let g = *index.entry(label).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
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

#[test]
fn labels_become_groups_in_order_of_first_appearance() {
    assert_eq!(groups_of(&["x", "y", "x", "z", "y"]), [vec![0, 2], vec![1, 4], vec![3]]);
    assert!(groups_of::<&str>(&[]).is_empty());
}
