//! Titles that say what a group is and tell groups apart. A title names the kind and the brand,
//! then the decisive specs and up to three words every offer of the group has (the model or the
//! variant: `Sewa Mobil Daihatsu Xenia +SOPIR`, `Tenaga Ahli Sistem Informasi`), in the order the
//! group's first offer writes them (`Laptop Lenovo Thinkpad E14 I7 16GB 1TB`, not the sorted
//! `… 16GB 1TB E14 I7`). Without the words a group of one variant read as the generic product
//! ("Tenaga Ahli" for offers all of Sistem Informasi), and groups that differ only in such words
//! (`Toyota Avanza`, `Toyota Hiace Commuter`, both "dengan Sopir") got one title. Where groups
//! would still read the same, the words that set each apart are chosen first.

use super::ProductGroup;
use crate::normalize::product::ProductKey;
use std::collections::{BTreeSet, HashMap};

/// Most words added to a title.
const MOST_WORDS: usize = 3;

/// A title from the key alone: kind, brand, then specs in sorted order (`"Kertas HVS Sinar
/// Dunia 80GSM A4"`). A product of no known kind is named by its words instead (`"Joyko Clip
/// Paper 3"`), never by its brand and numbers alone. Groups that read the same by it are alike.
pub(super) fn group_title(key: &ProductKey) -> String {
    title_with(key, key.brand.as_deref(), &[], "")
}

/// Gives each group its title: kind and brand, then its specs and the words every offer of it
/// has, those that set it apart from groups otherwise titled alike first, in its first offer's
/// order.
///
/// Each group comes with [`group_title`] as its title (`build`), which is what alike means here.
pub(super) fn settle(groups: &mut [ProductGroup]) {
    let mut by_title: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, group) in groups.iter().enumerate() {
        by_title.entry(group.title.as_str()).or_default().push(at);
    }
    let words: Vec<Vec<&str>> = groups.iter().map(|g| in_title_order(g, own_words(g))).collect();
    let titles: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(at, group)| {
            let alike = by_title.get(group.title.as_str()).map_or(&[][..], Vec::as_slice);
            let mine = &words[at];
            let apart = |w: &str| alike.iter().any(|&other| other != at && !words[other].contains(&w));
            let (set_apart, rest): (Vec<&str>, Vec<&str>) = mine.iter().partition(|w| apart(w));
            let first: Vec<&str> = set_apart.into_iter().chain(rest).take(MOST_WORDS).collect();
            let chosen: Vec<String> = mine.iter().filter(|w| first.contains(w)).map(|w| capitalise(w)).collect();
            title_with(&group.key, group.brand(), &chosen, first_title(group))
        })
        .collect();
    for (group, title) in groups.iter_mut().zip(titles) {
        group.title = title;
    }
}

/// Kind and brand, then the words (the key's own when it names no kind, and `added`), then the
/// specs, each in the order `written` has them (what it does not show last, as it was). A brand
/// no table knows and no offer states (`brand` is `None`) is one of the words: `Seragam PDH Lengan
/// Panjang KHAKI`, where "Lengan" was taken for a brand only because the reader does not know it.
fn title_with(key: &ProductKey, brand: Option<&str>, added: &[String], written: &str) -> String {
    let kind = key
        .kind
        .split_whitespace()
        .map(|w| if w.len() <= 3 { w.to_uppercase() } else { capitalise(w) })
        .collect::<Vec<_>>()
        .join(" ");
    let guessed = key.brand.clone().filter(|_| brand.is_none());
    let own = key.kind.is_empty().then(|| key.tokens.iter().map(|w| capitalise(w))).into_iter().flatten();
    let written = written_words(written);
    let in_order = |mut parts: Vec<String>| {
        parts.sort_by_key(|part| place_in(&written, &part.to_lowercase()));
        parts
    };
    let words = in_order(guessed.into_iter().chain(own).chain(added.iter().cloned()).collect());
    let specs = in_order(key.specs.iter().map(|s| s.to_uppercase()).collect());
    let brand = brand.map(str::to_string);
    [kind].into_iter().chain(brand).chain(words).chain(specs).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

fn first_title(group: &ProductGroup) -> &str {
    group.offers.first().map_or("", |(offer, _)| offer.title.as_str())
}

/// A title's words, lower-cased, split at anything not a letter or digit.
fn written_words(title: &str) -> Vec<String> {
    title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Where a part of the title (`16gb`, `+sopir`, `xenia`) is first written: the word it is, else
/// the first word it begins with (`16` of "16 GB"); `usize::MAX` when it is not found.
fn place_in(written: &[String], part: &str) -> usize {
    let part = part.trim_start_matches('+');
    written
        .iter()
        .position(|w| w == part)
        .or_else(|| written.iter().position(|w| begins(part, w)))
        .unwrap_or(usize::MAX)
}

/// Whether `part` begins with the written word `w`: a number (`16` of `16gb`) or two letters or
/// more, so a stray letter places nothing.
fn begins(part: &str, w: &str) -> bool {
    (w.len() >= 2 || w.bytes().all(|b| b.is_ascii_digit())) && part.starts_with(w)
}

/// The words beyond kind, brand and specs that every offer of the group has and its title (still
/// [`group_title`]) does not already show (an unknown brand stays among the words too).
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
    let written = written_words(first_title(group));
    let mut ordered: Vec<&str> = words.into_iter().collect();
    ordered.sort_by_key(|w| place_in(&written, w));
    ordered
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
