//! Product matching: which offers from different marketplaces are the same product.
//!
//! [`product_key`] reads a title into what it says about the product (brand, kind, decisive
//! specs, remaining words), leaving out the pack (`1 rim`, `Box isi 5 Rim`, `(500 lbr)`), the
//! seller and marketing words, so a rim and a box of five rims of one paper get the same key and
//! the caller compares them per base unit. [`explain`] says why two keys are or are not the same
//! product, and [`group`] puts equal keys together.
//!
//! Decisions:
//! - Two offers are the same product exactly when their keys are equal: same kind, same brand
//!   (aliases resolved: `SIDU` is Sinar Dunia), same specs and same remaining words. Equality is
//!   transitive, so [`group`] agrees with [`explain`] on every pair and does not depend on the
//!   order of its input.
//! - A brand on one side only is a conflict: `Kertas HVS A4 80gsm` may be any paper.
//! - Specs are codes (`a4`, `ce285a`, `i5`), numbers (`003`), measures with their unit
//!   normalised (`80 gr` on paper, `80 g/m2` → `80gsm`; `1000 ml` → `1l`; `1/2 PK` → `0.5pk`),
//!   colours in Indonesian (`black` → `hitam`) and size words (`folio` → `f4`).
//! - Only the first mass or volume of a title is the product's: a later one is the pack's
//!   (`Gula 1 kg … dus isi 20 kg`).
//! - A number before a pack word is the pack's count (`5 rim`, `500 lbr`), except a number above
//!   100 before a container word, which is a model number (`Bantex 1450 Pak isi 10`).
//! - A model code written in pieces reads as one: `PC 908`, `PC-908` and `PC908` are `pc908`.
//! - Precision comes first: a colour or a word on one side only keeps offers apart (it can be
//!   what tells products apart: `Sopir` and `Sopir dan BBM`); [`MatchExplanation::score`] still
//!   shows how close they are.
//! - Tables of brands, kinds and words are domain knowledge and small; an unknown brand or kind
//!   stays among the words, so unknown products still group by their wording. The matcher reads
//!   titles only; it never looks at a marketplace's internals.

mod explain;
mod group;
mod key;
mod lex;
mod names;
mod tables;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_group;

pub use explain::explain;
pub use group::group;
pub use key::product_key;

/// What a title says about the product, independent of pack and seller.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ProductKey {
    /// Canonical brand (`"Sinar Dunia"` for `SIDU`), when the title names a known brand.
    pub brand: Option<String>,
    /// Canonical kind of product (`"kertas hvs"`); empty when no known wording was found.
    pub kind: String,
    /// Decisive specs, sorted and unique: `"a4"`, `"80gsm"`, `"ce285a"`, `"hitam"`.
    pub specs: Vec<String>,
    /// The remaining words, sorted and unique (`"jaring"`, `"hidrolik"`, `"thinkpad"`).
    pub tokens: Vec<String>,
}

/// Why two offers were or were not put together.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchExplanation {
    /// Whether they are the same product (no conflicts).
    pub same: bool,
    /// Words both titles have.
    pub matched_tokens: Vec<String>,
    /// Specs both titles have.
    pub matched_specs: Vec<String>,
    /// What differs, as text (`"size A4 ≠ F4"`, `"grammage 70gsm ≠ 80gsm"`).
    pub conflicts: Vec<String>,
    /// Similarity from 0 to 1: kind and brand a fifth each, specs and words the rest by overlap.
    pub score: f64,
}
