//! Groups a file can cite (issue 24 item 6): a group's id names the offers it holds, so the same
//! offers get the same id in every request and on every instance, and the matcher's version
//! says which rules grouped them, so an HPS file can name the grouping it used.

use sha2::{Digest, Sha256};

/// The version of the matching rules: it changes whenever a change may group offers otherwise.
pub const MATCHER_VERSION: &str = "2026-12-s41";

/// The id of a group of offers, each named by its marketplace and its id there: the first 16
/// hex digits of a SHA-256 over the sorted, unique names and [`MATCHER_VERSION`], so neither
/// the order the offers came in nor a repeat changes it, and another matcher version does.
pub fn group_id<'a>(offers: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut names: Vec<(&str, &str)> = offers.into_iter().collect();
    names.sort_unstable();
    names.dedup();
    let mut hash = Sha256::new();
    hash.update(MATCHER_VERSION.as_bytes());
    for (marketplace, id) in names {
        // Lengths first, so `("ab", "c")` and `("a", "bc")` never hash alike.
        for part in [marketplace, id] {
            hash.update((part.len() as u64).to_be_bytes());
            hash.update(part.as_bytes());
        }
    }
    hash.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_offers_in_any_order_or_repeated_get_the_same_id() {
        let id = group_id([("mbiz", "7"), ("bela", "x-1")]);
        assert_eq!(id, group_id([("bela", "x-1"), ("mbiz", "7"), ("mbiz", "7")]));
        assert_eq!(id.len(), 16);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn other_offers_or_the_same_names_cut_otherwise_get_another_id() {
        let id = group_id([("mbiz", "7"), ("bela", "x-1")]);
        assert_ne!(id, group_id([("mbiz", "7")]));
        assert_ne!(id, group_id([("mbiz", "7"), ("bela", "x-2")]));
        assert_ne!(group_id([("ab", "c")]), group_id([("a", "bc")]));
    }
}
