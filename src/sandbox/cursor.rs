//! PaDi UMKM's opaque page cursors: the offset of the next page, bound to the search text and
//! signed with a key drawn from the catalogue seed, so an edited, made-up or other-query cursor is
//! refused instead of silently paging somewhere else.
//!
//! A cursor is 16 bytes, base64url without padding (22 characters): the offset masked with a
//! value derived from the signature, then the signature itself.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::rng::{hash, tag};
use super::text;

/// The cursor of the page starting at match `offset` of `query`.
pub(crate) fn encode(seed: u64, query: &str, offset: usize) -> String {
    let offset = offset as u64;
    let signature = sign(seed, query, offset);
    let masked = offset ^ mask(seed, signature);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&masked.to_be_bytes());
    bytes[8..].copy_from_slice(&signature.to_be_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The offset a cursor issued for `query` points at; `None` when this sandbox did not issue it
/// for that query.
pub(crate) fn decode(seed: u64, query: &str, cursor: &str) -> Option<usize> {
    let bytes: [u8; 16] = URL_SAFE_NO_PAD.decode(cursor.trim()).ok()?.try_into().ok()?;
    let (masked, signature) = bytes.split_at(8);
    let masked = u64::from_be_bytes(masked.try_into().ok()?);
    let signature = u64::from_be_bytes(signature.try_into().ok()?);
    let offset = masked ^ mask(seed, signature);
    (sign(seed, query, offset) == signature).then_some(offset).and_then(|o| usize::try_from(o).ok())
}

/// Signature over the query's search tokens (so `Kertas ` and `kertas` share cursors) and the offset.
fn sign(seed: u64, query: &str, offset: u64) -> u64 {
    let mut tokens = Vec::new();
    text::tokens(query, &mut tokens);
    // FNV-1a over the tokens, a space between each: enough to tell queries apart.
    let query_hash = tokens
        .join(" ")
        .bytes()
        .fold(0xCBF2_9CE4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3));
    hash(seed, &[tag::CURSOR, query_hash, offset])
}

fn mask(seed: u64, signature: u64) -> u64 {
    hash(seed, &[tag::CURSOR, signature])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_decodes_to_its_offset_for_the_same_query_only() {
        let cursor = encode(42, "kertas hvs", 40);
        assert_eq!(cursor.len(), 22);
        assert_eq!(decode(42, "kertas hvs", &cursor), Some(40));
        assert_eq!(decode(42, " Kertas  HVS ", &cursor), Some(40), "the same search tokens");
        assert_eq!(decode(42, "kertas", &cursor), None, "another query");
        assert_eq!(decode(7, "kertas hvs", &cursor), None, "another catalogue");
    }

    #[test]
    fn edited_or_made_up_cursors_are_refused() {
        let cursor = encode(42, "toner", 20);
        for i in 0..cursor.len() {
            let mut edited = cursor.clone().into_bytes();
            edited[i] = if edited[i] == b'A' { b'B' } else { b'A' };
            let edited = String::from_utf8(edited).expect("ascii");
            assert_eq!(decode(42, "toner", &edited), None, "{edited}");
        }
        for junk in ["", "abc", "20", "AAAAAAAAAAAAAAAAAAAAAA", "%%%", &format!("{cursor}AA")] {
            assert_eq!(decode(42, "toner", junk), None, "{junk:?}");
        }
    }
}
