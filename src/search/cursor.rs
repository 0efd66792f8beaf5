//! Opaque page cursors.
//!
//! In relevance order a cursor carries each marketplace's position, so the next page asks every
//! marketplace only for what follows what it already gave. In the orders the gateway sorts itself,
//! a cursor carries the position in that sorted window. Either way it also carries a fingerprint
//! of the query, filter and sort, so a cursor from another search is refused instead of paging
//! somewhere arbitrary.

use super::shown::Shown;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A cursor this gateway did not issue for this search.
#[derive(Debug, thiserror::Error)]
#[error("`after` is not a cursor returned by this API for this query, filter and sort")]
pub struct CursorError;

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k")]
pub(super) enum Position {
    /// Items already consumed from each marketplace (relevance order).
    #[serde(rename = "m")]
    PerMarketplace {
        /// Marketplace id → how many of its results precede the next page.
        #[serde(rename = "p")]
        positions: BTreeMap<String, u32>,
        /// How many pages in a row came back empty from these positions because a marketplace
        /// failed: a page is offered again once, then the walk ends there (a marketplace that
        /// refuses a position every time, a 403 or a deep-paging limit, was asked forever).
        #[serde(rename = "r", default, skip_serializing_if = "is_zero")]
        retried: u8,
        /// Marketplace id → places before its position that delivered no offer (missing: none),
        /// so a later page's counts are of offers (`search/gaps.rs`). Absent from a cursor issued
        /// before cursors carried it: unknown.
        #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
        left_out: Option<BTreeMap<String, u32>>,
        /// Marketplace id → what the walk delivered of it (`search/shown.rs`). Absent from a
        /// cursor issued before cursors carried it: nothing known.
        #[serde(rename = "s", default, skip_serializing_if = "BTreeMap::is_empty")]
        shown: BTreeMap<String, Shown>,
    },
    /// Offers already served of a sorted window.
    #[serde(rename = "w")]
    InWindow {
        /// How many offers precede the next page.
        #[serde(rename = "o")]
        served: u32,
    },
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    v: u8,
    h: String,
    #[serde(flatten)]
    position: Position,
}

/// An edge's cursor, written out only when a client asks for it: most searches never select
/// `cursor` and encoding one per edge was a few percent of a miss.
#[derive(Debug, Clone)]
pub struct EdgeCursor {
    search: u64,
    position: Position,
}

impl EdgeCursor {
    pub(super) fn new(search: u64, position: Position) -> Self {
        Self { search, position }
    }

    /// The opaque cursor to pass as `after`.
    pub fn encode(&self) -> String {
        encode(self.search, self.position.clone())
    }
}

/// The cursor for `position` in the search fingerprinted `search`.
pub(super) fn encode(search: u64, position: Position) -> String {
    let envelope = Envelope { v: 2, h: format!("{search:016x}"), position };
    // Serialising plain strings and numbers cannot fail.
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&envelope).unwrap_or_default())
}

/// The position a cursor points at, if it belongs to the search fingerprinted `search`.
pub(super) fn decode(search: u64, cursor: &str) -> Result<Position, CursorError> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| CursorError)?;
    let envelope: Envelope = serde_json::from_slice(&bytes).map_err(|_| CursorError)?;
    if envelope.v != 2 || envelope.h != format!("{search:016x}") {
        return Err(CursorError);
    }
    Ok(envelope.position)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_decodes_to_the_position_it_was_made_from() {
        let positions = BTreeMap::from([("mbiz".to_string(), 20), ("jatim-bejo".to_string(), 7)]);
        let left_out = Some(BTreeMap::from([("mbiz".to_string(), 2)]));
        let mut shown = BTreeMap::from([("mbiz".to_string(), Shown::default())]);
        shown.values_mut().for_each(|s| s.add("mbiz-7"));
        let again = Position::PerMarketplace { positions: positions.clone(), retried: 1, left_out, shown };
        let first =
            Position::PerMarketplace { positions, retried: 0, left_out: Some(BTreeMap::new()), shown: BTreeMap::new() };
        for position in [first, again, Position::InWindow { served: 40 }] {
            assert_eq!(decode(42, &encode(42, position.clone())).ok(), Some(position));
        }
    }

    #[test]
    fn a_cursor_issued_before_cursors_carried_the_places_left_out_leaves_them_unknown() {
        let old = r#"{"v":2,"h":"000000000000002a","k":"m","p":{"mbiz":20}}"#;
        let position = decode(42, &URL_SAFE_NO_PAD.encode(old)).ok();
        let positions = BTreeMap::from([("mbiz".to_string(), 20)]);
        assert_eq!(
            position,
            Some(Position::PerMarketplace { positions, retried: 0, left_out: None, shown: BTreeMap::new() })
        );
    }

    #[test]
    fn a_cursor_from_another_search_is_refused() {
        let cursor = encode(42, Position::InWindow { served: 3 });
        assert!(decode(43, &cursor).is_err());
    }

    #[test]
    fn foreign_or_tampered_cursors_are_rejected() {
        for bad in ["", "abc", "djE6", "!!!", &URL_SAFE_NO_PAD.encode("{\"v\":1}")] {
            assert!(decode(42, bad).is_err(), "{bad}");
        }
    }
}
