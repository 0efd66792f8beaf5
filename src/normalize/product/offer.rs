//! The key of an offer whose marketplace states its brand and model apart from the title
//! (adapter format 2's `brand` and `model` fields): what the marketplace states outweighs what
//! is read from the title, so two offers of brands no table knows (`Copylas`, `Natural`) are
//! told apart even when a title leaves its brand out or puts it where it is not looked for.

use super::ProductKey;
use super::category::category;
use super::key::product_key;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::rc::Rc;

/// Keys remembered per thread before the memo starts over (a few MiB at most).
const REMEMBERED: usize = 8192;

/// The three texts a key was read from, kept to tell a hash collision from a hit.
type Texts = (Box<str>, Option<Box<str>>, Option<Box<str>>);

/// Keyed by the texts' hash, so a lookup builds no string (a hit was an allocation and a copy of
/// the title, 8 % of a policy-ordered search's CPU); the texts are compared before a hit is taken.
type Memo = HashMap<u64, (Texts, Rc<ProductKey>), foldhash::fast::FixedState>;

thread_local! {
    /// Offers come back request after request, and a policy-ordered search or a comparison
    /// reads the key of every offer of its window (up to a thousand, about 5 ms): the key is a
    /// function of the three texts only, so a remembered key is the same key. Per thread, as
    /// the vendor name memo: no lock, and emptied when full.
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// [`product_key`] of `title`, with the stated `brand` as its brand (canonical when a table
/// knows it: `SIDU` is `Sinar Dunia`) and the model codes of the stated `model` among its
/// specs. Blank fields are as absent ones. Remembered per thread.
pub fn offer_key(title: &str, brand: Option<&str>, model: Option<&str>) -> ProductKey {
    ProductKey::clone(&shared_offer_key(title, brand, model))
}

/// [`offer_key`], shared with the thread's memo rather than copied: for a pass that only reads
/// the keys of a window of offers.
pub fn shared_offer_key(title: &str, brand: Option<&str>, model: Option<&str>) -> Rc<ProductKey> {
    MEMO.with(|memo| {
        let hash = memo.borrow().hasher().hash_one((title, brand, model));
        if let Some(((t, b, m), key)) = memo.borrow().get(&hash)
            && (&**t, b.as_deref(), m.as_deref()) == (title, brand, model)
        {
            return Rc::clone(key);
        }
        let key = Rc::new(read_offer_key(title, brand, model));
        let mut memo = memo.borrow_mut();
        if memo.len() >= REMEMBERED {
            memo.clear();
        }
        // A colliding entry is replaced: the memo holds the last texts read under a hash.
        let texts = (title.into(), brand.map(Into::into), model.map(Into::into));
        memo.insert(hash, (texts, Rc::clone(&key)));
        key
    })
}

fn read_offer_key(title: &str, brand: Option<&str>, model: Option<&str>) -> ProductKey {
    let mut key = product_key(title);
    if let Some(brand) = brand.map(str::trim).filter(|b| !b.is_empty()) {
        key.brand = Some(stated_brand(brand));
    }
    if let Some(model) = model.map(str::trim).filter(|m| !m.is_empty()) {
        let codes = product_key(model).specs.into_iter().filter(|s| category(s) == "model");
        key.specs.extend(codes);
        key.specs.sort();
        key.specs.dedup();
    }
    key
}

/// A stated brand as the title reader names it: the table's name, else the words as written
/// with a capital first letter (`COPYLAS` and `copylas` are `Copylas`).
fn stated_brand(brand: &str) -> String {
    if let Some(known) = product_key(brand).brand.filter(|b| is_known_brand(b)) {
        return known;
    }
    brand
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `name` is a brand the tables know (not one read from an unknown word).
pub fn is_known_brand(name: &str) -> bool {
    super::names::BRANDS.iter().any(|(canonical, _)| *canonical == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::product::explain;

    #[test]
    fn a_remembered_key_is_the_key_read_afresh() {
        let cases = [
            ("Kertas HVS A4 80gsm", None, None),
            ("Kertas HVS A4 80gsm", Some("SIDU"), None),
            ("X", None, Some("E14")),
            ("X", Some("E14"), None),
        ];
        for (title, brand, model) in cases {
            let fresh = read_offer_key(title, brand, model);
            assert_eq!(offer_key(title, brand, model), fresh);
            assert_eq!(offer_key(title, brand, model), fresh, "remembered");
        }
        assert_ne!(offer_key("Kertas HVS A4 80gsm", Some("SIDU"), None), offer_key("Kertas HVS A4 80gsm", None, None));
        assert_ne!(offer_key("X", Some("E14"), None), offer_key("X", None, Some("E14")), "a brand is not a model");
    }

    #[test]
    fn a_stated_brand_replaces_the_one_read_from_the_title_and_is_canonical_when_known() {
        assert_eq!(offer_key("Kertas HVS A4 70 gsm", Some("SIDU"), None).brand.as_deref(), Some("Sinar Dunia"));
        assert_eq!(offer_key("Kertas HVS A4 70 gsm", Some("COPYLAS"), None).brand.as_deref(), Some("Copylas"));
        assert_eq!(offer_key("Kertas HVS Copylas A4", Some("  "), None), product_key("Kertas HVS Copylas A4"));
    }

    #[test]
    fn stated_brands_keep_look_alike_titles_apart_and_stated_models_join_the_codes() {
        let (a, b) = (
            offer_key("Kertas HVS A4 70 gsm", Some("Copylas"), None),
            offer_key("Kertas HVS A4 70 gsm", Some("Natural"), None),
        );
        assert!(!explain(&a, &b).same, "{:?}", explain(&a, &b));
        let toner = offer_key("Toner Kyocera Original", Some("Kyocera"), Some("TK-1114"));
        assert!(toner.specs.contains(&"tk1114".to_string()), "{toner:?}");
        let other = offer_key("Toner Kyocera Original", Some("Kyocera"), Some("TK 1144"));
        assert!(
            explain(&toner, &other).conflicts.iter().any(|c| c.starts_with("model")),
            "{:?}",
            explain(&toner, &other)
        );
        assert!(explain(&toner, &offer_key("Toner Kyocera TK1114", None, None)).same);
    }
}
