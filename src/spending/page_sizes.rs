//! What ledger pages have shown of each marketplace's page size, shared by every walk.
//!
//! A ledger stating no total can only end at a short page, and a marketplace that caps its page
//! size silently (asked 100, serves 50) serves nothing else: its first page looked like a whole
//! ledger of 50, passed off as complete. Telling a cap from the end costs one call more (the
//! next page), so it is paid only when a short page could be a cap: when it holds as many
//! entries as the most any ledger page of that marketplace has held. One holding fewer is the
//! end, as a cap serves its full size on every page but the last; so once a single large page
//! has been read, every later ledger ends at its short page at once, as before. The call more
//! tells: entries after the short page make its size the cap, remembered so that later walks
//! ask for that size and read full pages; an empty page makes it the end.
//!
//! Search learns the same from its own pages (`pasar::search::paging`); a ledger is another
//! endpoint, which may cap otherwise, so it is learned apart. A cap learned is kept until the
//! process ends: a marketplace lowering its cap after that would end walks early again.

use crate::model::MarketplaceId;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// Ledger page sizes per marketplace.
#[derive(Default)]
pub(super) struct PageSizes {
    by_marketplace: Mutex<HashMap<MarketplaceId, Sizes>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Sizes {
    /// The most entries one page has held.
    largest: u32,
    /// The page size it was seen to cap at.
    cap: Option<u32>,
}

impl PageSizes {
    /// The size to ask for: `wanted`, or the marketplace's cap when it was seen to cap below it.
    pub(super) fn ask(&self, id: &MarketplaceId, wanted: u32) -> u32 {
        let sizes = self.by_marketplace.lock().unwrap_or_else(PoisonError::into_inner);
        sizes.get(id).and_then(|s| s.cap).map_or(wanted, |cap| cap.min(wanted))
    }

    /// Notes a page of `listed` entries asked at `asked`; true when it is short yet as large as
    /// any the marketplace has served, so it may be a cap rather than the ledger's end.
    pub(super) fn may_be_cap(&self, id: &MarketplaceId, listed: u32, asked: u32) -> bool {
        let mut all = self.by_marketplace.lock().unwrap_or_else(PoisonError::into_inner);
        let sizes = all.entry(id.clone()).or_default();
        let candidate = listed > 0 && listed < asked && listed >= sizes.largest;
        sizes.largest = sizes.largest.max(listed);
        candidate
    }

    /// Remembers `size` as the marketplace's cap: entries followed a short page of that size.
    pub(super) fn capped(&self, id: &MarketplaceId, size: u32) {
        let mut all = self.by_marketplace.lock().unwrap_or_else(PoisonError::into_inner);
        all.entry(id.clone()).or_default().cap = Some(size);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_page_smaller_than_one_served_before_is_the_end_without_a_call_more() {
        let (sizes, id) = (PageSizes::default(), MarketplaceId::new("mbiz"));
        assert!(!sizes.may_be_cap(&id, 100, 100), "a full page is no cap");
        assert!(!sizes.may_be_cap(&id, 37, 100), "100 were served in one page: 37 is the end");
        assert_eq!(sizes.ask(&id, 100), 100);
    }

    #[test]
    fn a_short_page_as_large_as_any_served_may_be_a_cap_and_a_cap_is_asked_for_after() {
        let (sizes, id) = (PageSizes::default(), MarketplaceId::new("mbiz"));
        assert!(sizes.may_be_cap(&id, 50, 100), "nothing served yet: the first short page may be a cap");
        assert!(sizes.may_be_cap(&id, 50, 100), "as many as the most served");
        assert!(!sizes.may_be_cap(&id, 49, 100), "fewer than served before");
        assert!(!sizes.may_be_cap(&MarketplaceId::new("padi-umkm"), 0, 100), "an empty page is the end");
        sizes.capped(&id, 50);
        assert_eq!((sizes.ask(&id, 100), sizes.ask(&MarketplaceId::new("bela"), 100)), (50, 100));
        assert!(!sizes.may_be_cap(&id, 30, 50), "asked at the cap, a short page is the end");
    }
}
