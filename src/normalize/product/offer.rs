//! The key of an offer whose marketplace states its brand and model apart from the title
//! (adapter format 2's `brand` and `model` fields): what the marketplace states outweighs what
//! is read from the title, so two offers of brands no table knows (`Copylas`, `Natural`) are
//! told apart even when a title leaves its brand out or puts it where it is not looked for.

use super::ProductKey;
use super::category::category;
use super::key::product_key;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Keys remembered per thread before the memo starts over (a few MiB at most).
const REMEMBERED: usize = 8192;

type Memo = HashMap<String, Rc<ProductKey>, foldhash::fast::RandomState>;

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
    let texts = format!("{title}\u{1}{}\u{1}{}", brand.unwrap_or("\u{2}"), model.unwrap_or("\u{2}"));
    MEMO.with(|memo| {
        if let Some(key) = memo.borrow().get(&texts) {
            return Rc::clone(key);
        }
        let key = Rc::new(read_offer_key(title, brand, model));
        let mut memo = memo.borrow_mut();
        if memo.len() >= REMEMBERED {
            memo.clear();
        }
        memo.insert(texts, Rc::clone(&key));
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
        ];
        for (title, brand, model) in cases {
            let fresh = read_offer_key(title, brand, model);
            assert_eq!(offer_key(title, brand, model), fresh);
            assert_eq!(offer_key(title, brand, model), fresh, "remembered");
        }
        assert_ne!(offer_key("Kertas HVS A4 80gsm", Some("SIDU"), None), offer_key("Kertas HVS A4 80gsm", None, None));
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
