//! Opaque page cursors.
//!
//! A cursor is the position of an offer in the merged, sorted result, base64-encoded with a
//! version prefix so a later format can be told apart and rejected cleanly.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// A cursor this gateway did not issue.
#[derive(Debug, thiserror::Error)]
#[error("`after` is not a cursor returned by this API")]
pub struct CursorError;

/// The cursor of the offer at `position`.
pub(super) fn encode(position: u32) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1:{position}"))
}

/// The position a cursor points at.
pub(super) fn decode(cursor: &str) -> Result<u32, CursorError> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| CursorError)?;
    let text = String::from_utf8(bytes).map_err(|_| CursorError)?;
    text.strip_prefix("v1:").and_then(|n| n.parse().ok()).ok_or(CursorError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_decodes_to_the_position_it_was_made_from() {
        for position in [0, 1, 19, 999] {
            assert_eq!(decode(&encode(position)).ok(), Some(position));
        }
    }

    #[test]
    fn foreign_or_tampered_cursors_are_rejected() {
        for bad in ["", "abc", "djE6", "djE6LTE", "!!!", &URL_SAFE_NO_PAD.encode("v2:3")] {
            assert!(decode(bad).is_err(), "{bad}");
        }
    }
}
