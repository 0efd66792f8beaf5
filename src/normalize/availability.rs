//! Availability as marketplaces word it: `"IN_STOCK"`, `"Ready Stock"`, `"PO 7 hari"`, `"Habis"`.

use crate::model::Availability;

/// Pasar's words, which an adapter's `values` table maps the marketplace's own words to.
pub const WORDS: &[&str] = &["in_stock", "limited", "pre_order", "out_of_stock", "discontinued"];

/// Reads an availability text; `None` when it is none of the known wordings (reported, never
/// guessed).
pub fn parse_availability(text: &str) -> Option<Availability> {
    let key: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let first = key.split('_').next().unwrap_or_default();
    Some(match key.as_str() {
        "in_stock" | "instock" | "available" | "tersedia" | "ready" | "ready_stock" | "ada" | "stok_tersedia"
        | "stok_ada" => Availability::InStock,
        "limited" | "low_stock" | "limited_stock" | "terbatas" | "stok_terbatas" => Availability::Limited,
        "out_of_stock" | "sold_out" | "habis" | "stok_habis" | "kosong" | "stok_kosong" => Availability::OutOfStock,
        "discontinued" | "end_of_life" | "tidak_diproduksi" | "tidak_dijual_lagi" | "tidak_tersedia_lagi" => {
            Availability::Discontinued
        }
        _ if matches!(first, "pre" | "preorder" | "po" | "inden" | "indent") && is_pre_order(&key) => {
            Availability::PreOrder
        }
        _ => return None,
    })
}

/// `pre_order`, `preorder`, `po`, `po_7_hari`, `inden_14_hari`: a pre-order, with or without a lead time.
fn is_pre_order(key: &str) -> bool {
    let rest = ["pre_order", "preorder", "po", "inden", "indent"].iter().find_map(|p| key.strip_prefix(p));
    rest.is_some_and(|r| r.is_empty() || r.starts_with('_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_seen_reads_as_its_availability() {
        let cases = [
            ("IN_STOCK", Availability::InStock),
            ("Ready Stock", Availability::InStock),
            ("tersedia", Availability::InStock),
            ("LIMITED", Availability::Limited),
            ("Stok Terbatas", Availability::Limited),
            ("PREORDER", Availability::PreOrder),
            ("pre-order", Availability::PreOrder),
            ("PO 7 hari", Availability::PreOrder),
            ("Inden 14 Hari", Availability::PreOrder),
            ("OUT_OF_STOCK", Availability::OutOfStock),
            ("Habis", Availability::OutOfStock),
            ("discontinued", Availability::Discontinued),
        ];
        for (text, want) in cases {
            assert_eq!(parse_availability(text), Some(want), "{text}");
        }
    }

    #[test]
    fn unknown_wordings_are_not_guessed() {
        for text in ["", "soon", "postponed", "poster", "ready?maybe no", "7"] {
            assert_eq!(parse_availability(text), None, "{text}");
        }
    }

    #[test]
    fn pasars_own_words_read_back_as_themselves() {
        for word in WORDS {
            assert!(parse_availability(word).is_some(), "{word}");
        }
    }
}
