//! Titles that tell groups apart. A title names the kind, the brand and the decisive specs
//! (`group_title`), which is enough while groups differ in those; groups that differ only in
//! other words (a model: `Sewa Mobil Toyota Avanza` and `… Hiace Commuter`, both "dengan Sopir")
//! got the same title, and a buyer saw three identical headings with different prices. Such
//! groups now carry the words that set each apart after the brand, in the order its first offer
//! writes them.

use super::ProductGroup;
use std::collections::{BTreeSet, HashMap};

/// Most words added to a title to tell it apart.
const MOST_WORDS: usize = 3;

/// Gives each group of a shared title the words that only it (among those sharing the title)
/// has in every one of its offers.
pub(super) fn settle(groups: &mut [ProductGroup]) {
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, group) in groups.iter().enumerate() {
        by_title.entry(group.title.clone()).or_default().push(at);
    }
    let mut shared: Vec<Vec<usize>> = by_title.into_values().filter(|at| at.len() > 1).collect();
    shared.sort();
    for alike in shared {
        let words: Vec<BTreeSet<&str>> = alike.iter().map(|&at| own_words(&groups[at])).collect();
        let added: Vec<Vec<String>> = alike
            .iter()
            .zip(&words)
            .map(|(&at, mine)| {
                let others = words.iter().filter(|w| !std::ptr::eq(*w, mine));
                let apart = mine.iter().filter(|w| others.clone().any(|o| !o.contains(*w))).copied();
                in_title_order(&groups[at], apart.collect())
            })
            .collect();
        for (&at, words) in alike.iter().zip(added) {
            if !words.is_empty() {
                let group = &mut groups[at];
                group.title = super::title_with(&group.key, &words);
            }
        }
    }
}

/// The words beyond kind, brand and specs that every offer of the group has and its title
/// does not already show (an unknown brand stays among the words too).
fn own_words(group: &ProductGroup) -> BTreeSet<&str> {
    let key = &group.key;
    let shown: Vec<String> = group.title.split_whitespace().map(str::to_lowercase).collect();
    group
        .matched
        .matched_tokens
        .iter()
        .filter(|w| key.tokens.binary_search(w).is_ok() && !shown.contains(w))
        .map(String::as_str)
        .collect()
}

/// `words`, capitalised, in the order the group's first offer writes them, at most
/// [`MOST_WORDS`].
fn in_title_order(group: &ProductGroup, words: BTreeSet<&str>) -> Vec<String> {
    let title = group.offers.first().map(|(offer, _)| offer.title.to_lowercase()).unwrap_or_default();
    let mut ordered: Vec<&str> = words.into_iter().collect();
    ordered.sort_by_key(|w| title.find(*w).unwrap_or(usize::MAX));
    ordered.iter().take(MOST_WORDS).map(|w| super::capitalise(w)).collect()
}
