//! When each marketplace's pages were last purged. A load already in flight when a purge comes
//! holds what the purge meant to drop: its page is handed to the callers waiting for it but never
//! stored, here or in Redis, nor served from either afterwards (review40o R40o-9: a page asked
//! 0.3 s before `purgeCache` was stored after it and served for the whole TTL).

use arc_swap::ArcSwap;
use std::collections::HashMap;
use tokio::time::Instant;

/// The last purge of every page, and of each marketplace's.
#[derive(Default)]
pub(super) struct PurgeMarks(ArcSwap<Marks>);

#[derive(Default, Clone)]
struct Marks {
    all: Option<Instant>,
    by_marketplace: HashMap<String, Instant>,
}

impl PurgeMarks {
    /// Marks a purge of `marketplace` (or of all) at `at`.
    pub(super) fn mark(&self, marketplace: Option<&str>, at: Instant) {
        self.0.rcu(|marks| {
            let mut marks = Marks::clone(marks);
            match marketplace {
                Some(id) => _ = marks.by_marketplace.insert(id.to_owned(), at),
                None => marks.all = Some(at),
            }
            marks
        });
    }

    /// Whether a page of `marketplace` whose request was sent at `fetched_at` was asked before
    /// a purge that covers it. Without any purge it is one atomic load.
    pub(super) fn predates(&self, marketplace: &str, fetched_at: Instant) -> bool {
        let marks = self.0.load();
        let before = |purged: Option<&Instant>| purged.is_some_and(|purged| fetched_at < *purged);
        before(marks.all.as_ref())
            || (!marks.by_marketplace.is_empty() && before(marks.by_marketplace.get(marketplace)))
    }
}

impl std::fmt::Debug for PurgeMarks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PurgeMarks")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_page_asked_before_its_marketplaces_purge_predates_it_and_one_asked_after_does_not() {
        let marks = PurgeMarks::default();
        let start = Instant::now();
        let (before, purge, after) = (start, start + Duration::from_millis(5), start + Duration::from_millis(10));
        assert!(!marks.predates("mbiz", before), "no purge yet");
        marks.mark(Some("mbiz"), purge);
        assert_eq!((marks.predates("mbiz", before), marks.predates("mbiz", after)), (true, false));
        assert!(!marks.predates("bela", before), "another marketplace's page stays");
        marks.mark(None, purge);
        assert!(marks.predates("bela", before), "a purge of all covers every marketplace");
    }
}
