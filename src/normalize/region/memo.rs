//! Resolutions remembered per thread.
//!
//! A marketplace's vendors come back page after page with the same few locations, and resolving
//! a location (tokenising, lower-casing, index probes) was 1.3 % of a miss's CPU over the
//! sandboxes and 1.8 % at one connection (perf, dwarf). [`resolve`] is a function of the text
//! alone, so a remembered answer is the same answer; as the vendor-name memo, it is per thread
//! (no lock on the miss path) and emptied when full.

use super::{Resolution, resolve};
use std::cell::RefCell;
use std::collections::HashMap;

/// Locations remembered per thread before the memo starts over.
const CAPACITY: usize = 4096;

thread_local! {
    static MEMO: RefCell<HashMap<String, Resolution, foldhash::fast::RandomState>> = RefCell::new(HashMap::default());
}

/// [`resolve`] of `text`, resolved once per thread and remembered.
pub fn resolve_remembered(text: &str) -> Resolution {
    MEMO.with_borrow_mut(|memo| {
        if let Some(found) = memo.get(text) {
            return found.clone();
        }
        let resolution = resolve(text);
        if memo.len() >= CAPACITY {
            memo.clear();
        }
        memo.insert(text.to_string(), resolution.clone());
        resolution
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_location_resolves_as_a_fresh_one() {
        for text in ["Kota Kediri, Jawa Timur", "Kediri", "Atlantis", "35.71", "KAB. BANYUWANGI"] {
            let fresh = resolve(text);
            assert_eq!(resolve_remembered(text), fresh, "{text}");
            assert_eq!(resolve_remembered(text), fresh, "{text} again");
        }
        assert!(matches!(resolve_remembered("Kediri"), Resolution::Ambiguous(_)));
        assert!(matches!(resolve_remembered("Kota Kediri, Jawa Timur"), Resolution::Found(_)));
    }

    #[test]
    fn a_full_memo_starts_over_and_still_answers() {
        for n in 0..CAPACITY + 10 {
            assert_eq!(resolve_remembered(&format!("Desa {n}")), Resolution::NotFound);
        }
        MEMO.with_borrow(|memo| assert!(memo.len() <= CAPACITY));
        assert!(matches!(resolve_remembered("Kota Kediri"), Resolution::Found(_)));
    }
}
