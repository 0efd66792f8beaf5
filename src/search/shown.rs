//! What a client's walk has delivered of one marketplace, carried page to page in its cursor.
//!
//! A marketplace's list moves while a client pages: a listing posted at the top pushes the last
//! rows of a page onto the next, a reshuffled order hands back rows from anywhere. Positions
//! alone cannot tell, so the cursor carries the ids delivered, and a row whose id was delivered
//! on an earlier page is left out (review37 R37-1). Ids are carried as 32-bit hashes, the most
//! recent [`KEPT`] of each marketplace: a cursor stays a few hundred bytes however long the
//! walk, and the rows a move pushes onto the next page are always the most recent ones. Two ids
//! sharing a hash drop an offer in about one walk of 50 offers in a million.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::hash::Hasher as _;

/// Ids carried per marketplace: more than a page of the largest `first` any one marketplace
/// fills on its own in most walks, and the most a listing burst between two pages is met with.
const KEPT: usize = 50;

/// The ids one marketplace delivered on a walk's earlier pages (the most recent [`KEPT`]), and
/// whether its list was seen to move during the walk (its count is then no longer exact).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Shown {
    #[serde(rename = "h", serialize_with = "packed", deserialize_with = "unpacked")]
    hashes: Vec<u32>,
    #[serde(rename = "m", default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) moved: bool,
}

impl Shown {
    /// Whether the offer with marketplace id `id` was delivered on an earlier page.
    pub(super) fn has(&self, id: &str) -> bool {
        self.hashes.contains(&hash(id))
    }

    /// The offer with marketplace id `id` is delivered now.
    pub(super) fn add(&mut self, id: &str) {
        if self.hashes.len() == KEPT {
            self.hashes.remove(0);
        }
        self.hashes.push(hash(id));
    }
}

/// A hash of `id` that every instance and release computes alike (cursors outlive both).
fn hash(id: &str) -> u32 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(id.as_bytes());
    let wide = hasher.finish();
    (wide ^ (wide >> 32)) as u32
}

fn packed<S: Serializer>(hashes: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_be_bytes()).collect();
    serializer.serialize_str(&URL_SAFE_NO_PAD.encode(bytes))
}

fn unpacked<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
    let text = String::deserialize(deserializer)?;
    let bytes = URL_SAFE_NO_PAD.decode(text).map_err(serde::de::Error::custom)?;
    if bytes.len() % 4 != 0 || bytes.len() > KEPT * 4 {
        return Err(serde::de::Error::custom("not a list of id hashes"));
    }
    Ok(bytes.chunks_exact(4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_delivered_are_known_again_after_a_round_trip_through_json() {
        let mut shown = Shown::default();
        shown.add("mbiz-1");
        shown.add("mbiz-2");
        let again: Shown = serde_json::from_str(&serde_json::to_string(&shown).unwrap_or_default()).unwrap_or_default();
        assert!(again.has("mbiz-1") && again.has("mbiz-2") && !again.has("mbiz-3"));
    }

    #[test]
    fn only_the_most_recent_ids_are_kept() {
        let mut shown = Shown::default();
        for n in 0..=KEPT {
            shown.add(&format!("id-{n}"));
        }
        assert!(!shown.has("id-0") && shown.has("id-1") && shown.has(&format!("id-{KEPT}")));
    }
}
