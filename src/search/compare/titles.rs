//! Titles that say what a group is and tell groups apart. A title names the kind, the brand and
//! the decisive specs (`group_title`), then up to three words every offer of the group has, in
//! the order its first offer writes them: the model or the variant (`Sewa Mobil Daihatsu Xenia
//! +SOPIR`, `Tenaga Ahli Sistem Informasi`). Without them a group of one variant read as the
//! generic product ("Tenaga Ahli" for offers all of Sistem Informasi), and groups that differ only
//! in such words (`Toyota Avanza`, `Toyota Hiace Commuter`, both "dengan Sopir") got one title.
//! Where groups would still read the same, the words that set each apart come first.

use super::ProductGroup;
use std::collections::{BTreeSet, HashMap};

/// Most words added to a title.
const MOST_WORDS: usize = 3;

/// Gives each group its title: [`super::group_title`] with the words every offer of it has,
/// those that set it apart from groups otherwise titled alike first.
pub(super) fn settle(groups: &mut [ProductGroup]) {
    let mut by_title: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, group) in groups.iter().enumerate() {
        by_title.entry(group.title.as_str()).or_default().push(at);
    }
    let words: Vec<Vec<&str>> = groups.iter().map(|g| in_title_order(g, own_words(g))).collect();
    let titles: Vec<Option<String>> = groups
        .iter()
        .enumerate()
        .map(|(at, group)| {
            let alike = by_title.get(group.title.as_str()).map_or(&[][..], Vec::as_slice);
            let mine = &words[at];
            let apart = |w: &str| alike.iter().any(|&other| other != at && !words[other].contains(&w));
            let (set_apart, rest): (Vec<&str>, Vec<&str>) = mine.iter().partition(|w| apart(w));
            let first: Vec<&str> = set_apart.into_iter().chain(rest).take(MOST_WORDS).collect();
            let chosen: Vec<String> = mine.iter().filter(|w| first.contains(w)).map(|w| super::capitalise(w)).collect();
            (!chosen.is_empty()).then(|| super::title_with(&group.key, &chosen))
        })
        .collect();
    for (group, title) in groups.iter_mut().zip(titles) {
        if let Some(title) = title {
            group.title = title;
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

/// `words` in the order the group's first offer writes them.
fn in_title_order<'a>(group: &ProductGroup, words: BTreeSet<&'a str>) -> Vec<&'a str> {
    let title = group.offers.first().map(|(offer, _)| offer.title.to_lowercase()).unwrap_or_default();
    let written: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut ordered: Vec<&str> = words.into_iter().collect();
    ordered.sort_by_key(|w| written.iter().position(|x| x == w).unwrap_or(usize::MAX));
    ordered
}
