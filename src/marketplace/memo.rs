//! Items read before, by their bytes: an item a marketplace sends again exactly as before is not
//! read into its fields again.
//!
//! Most items of a search were sent in an earlier one (a popular query asked again, a refetch
//! after the page TTL, another query matching the same listings), and reading an item's values
//! into an offer's fields was most of the CPU of taking an upstream answer in. What an item
//! gives is a pure function of its bytes and the adapter file (its pointers, value tables and
//! PPN policy), and each adapter holds its own memo, so a reloaded file starts an empty one.
//! Keys are the whole bytes, compared in full on a hit: a hash alone could hand a buyer another
//! listing's price.

use crate::bounded::{Bounded, CarriedWeight, Weighed, bounded};
use crate::normalize::raw::RawOffer;
use std::sync::Arc;

/// Bytes of the items an adapter remembers: a few thousand items (their text and the fields read
/// from it, 1-3 KB each), the last few hundred pages of one marketplace. The fields are shared
/// with the offers the search layer remembers, so most of their weight is counted twice.
const MEMO_BYTES: u64 = 8 * 1024 * 1024;

/// Items one adapter read, by their exact bytes.
pub(super) struct ItemMemo {
    items: Bounded<Box<[u8]>, Weighed<Arc<RawOffer>>, CarriedWeight>,
}

impl std::fmt::Debug for ItemMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemMemo").field("items", &self.items.len()).finish()
    }
}

impl Default for ItemMemo {
    fn default() -> Self {
        // An item of more than about 100 KB (with its fields 256 KiB) may not be kept: it is read
        // each time it comes.
        Self { items: bounded(MEMO_BYTES, 2048, 256 * 1024, CarriedWeight) }
    }
}

impl ItemMemo {
    /// The fields read from an item of exactly these bytes, if remembered.
    pub(super) fn get(&self, item: &[u8]) -> Option<Arc<RawOffer>> {
        self.items.get(item).map(|read| read.value)
    }

    /// Remembers what the item of these bytes gave.
    pub(super) fn insert(&self, item: &[u8], offer: Arc<RawOffer>) {
        let weight = item.len() as u64 + u64::from(offer.estimated_bytes()) + 64;
        self.items.insert(item.into(), Weighed { value: offer, weight });
    }

    /// Items remembered.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }
}
