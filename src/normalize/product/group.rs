//! Grouping keys into products.

use super::ProductKey;
use std::collections::BTreeMap;

/// Groups items (by index) into products: items with equal keys form one group.
///
/// Blocks on the whole key in a sorted map, so it is O(n log n). Each group lists its indices in
/// ascending order and groups are ordered by their first index, so the same keys in any order
/// give the same groups (up to the renumbering of indices).
pub fn group(keys: &[ProductKey]) -> Vec<Vec<usize>> {
    let mut blocks: BTreeMap<&ProductKey, Vec<usize>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        blocks.entry(key).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = blocks.into_values().collect();
    groups.sort_by_key(|g| g.first().copied());
    groups
}
