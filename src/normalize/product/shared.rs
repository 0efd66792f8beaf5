//! What every title of a group says: the key a group is titled and described by (review33w
//! W33-4). The group's first key stood for all of them, so one listing's words became the
//! group's: a spec another offer does not have (`en00` over "… en 01 …"), a word of one
//! listing's junk read as its brand (`=HYPERLINK(` → "Hyperlink"), a marker's type none of them
//! wrote.

use super::ProductKey;
use super::amounts;
use super::category::category;
use super::similar::related;

/// The key of what all of `keys` say, in the first one's order: its kind, the brand when every
/// key reads the same one, the specs and words all have, and of what `apart` reads only what all
/// state. `None` when there are no keys.
pub fn shared_key<'a>(keys: impl IntoIterator<Item = &'a ProductKey>) -> Option<ProductKey> {
    let mut keys = keys.into_iter();
    let mut shared = keys.next()?.clone();
    for key in keys {
        let same_brand = match (&shared.brand, &key.brand) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        };
        if !same_brand {
            shared.brand = None;
        }
        // One amount however written (`150.000`, `Rp 150rb`) is stated by both, as rupiah; one
        // model however written (`85A`, `CE285A`) too, as the first key writes it (review38m
        // R38m-7: the group of both was titled `Toner HP`, with no model).
        let model = |s: &str, t: &str| category(s) == "model" && category(t) == "model" && related(s, t);
        let both = |s: &String| key.specs.iter().find(|t| *t == s || amounts::alike(s, t) || model(s, t));
        shared.specs = shared
            .specs
            .iter()
            .filter_map(|s| both(s).map(|t| if t.starts_with("rp") { t.clone() } else { s.clone() }))
            .collect();
        shared.specs.sort();
        shared.specs.dedup();
        shared.tokens.retain(|t| key.tokens.contains(t));
        shared.says = shared.says.common(key.says);
    }
    Some(shared)
}
