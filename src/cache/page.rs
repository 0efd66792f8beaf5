//! Cache keys, cached pages and their freshness policy.

use crate::model::{MarketplaceId, Offer};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Everything that changes a marketplace's answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CacheKey {
    /// Which marketplace.
    pub marketplace: MarketplaceId,
    /// Fingerprint of the credentials sent: answers may differ per account or tenant.
    pub partition: u64,
    /// The query, normalised (see [`normalize_query`]).
    pub query: String,
    /// First item of the page.
    pub offset: u32,
    /// Page size asked for.
    pub limit: u32,
    /// Cursor of a cursor-paged marketplace.
    pub cursor: Option<String>,
    /// Filters applied upstream.
    pub filters: Vec<(String, String)>,
}

impl CacheKey {
    /// Rough size of the key and of the store's bookkeeping for one entry, counted as 1 KiB (what
    /// moka's hash tables, access order and timer wheel measured; quick_cache's slot is smaller,
    /// so this errs on the side of the budget): an empty result is not free.
    pub(super) fn estimated_bytes(&self) -> u32 {
        let text = self.query.len()
            + self.cursor.as_ref().map_or(0, String::len)
            + self.filters.iter().map(|(k, v)| k.len() + v.len() + 48).sum::<usize>();
        u32::try_from(1024 + text).unwrap_or(u32::MAX)
    }
}

/// How long a page may be served, per marketplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// Served as fresh for this long; zero disables caching.
    pub ttl: Duration,
    /// After the TTL, served stale this long while one refresh runs.
    pub stale_while_revalidate: Duration,
    /// After the TTL, served stale this long when the marketplace fails.
    pub stale_if_error: Duration,
}

impl Freshness {
    /// How long after fetching a page may be served under any of the three windows.
    pub fn servable_for(&self) -> Duration {
        self.ttl + self.stale_while_revalidate.max(self.stale_if_error)
    }
}

/// One cached page.
#[derive(Debug)]
pub struct CachedPage {
    /// Normalised offers in the marketplace's order, shared with the offers remembered for
    /// `offer(id)`: a page fetched again holds the same offers, not copies.
    pub offers: Vec<Arc<Offer>>,
    /// The marketplace's total match count.
    pub total: Option<u64>,
    /// Whether `total` is the marketplace's estimate rather than a count.
    pub total_approximate: bool,
    /// Cursor to the next page.
    pub next_cursor: Option<String>,
    /// Items that could not be read.
    pub skipped: usize,
    /// When its request was sent upstream (what it holds is at least that recent), on tokio's
    /// clock (pausable in tests).
    pub fetched_at: tokio::time::Instant,
    /// When it reached this instance: its answer arrived here, or (read from another instance's
    /// cache) as its `fetched_at`. A caller that asked after this was served another's page.
    pub arrived: tokio::time::Instant,
    /// The marketplace's policy when it was fetched.
    pub freshness: Freshness,
    /// Set when another instance fetched the page: its offers are not yet remembered here.
    pub imported: Imported,
}

/// Whether a page came from another instance and has not been taken in yet.
#[derive(Debug, Default)]
pub struct Imported(AtomicBool);

impl Imported {
    /// A page another instance fetched.
    pub(super) fn elsewhere() -> Self {
        Self(AtomicBool::new(true))
    }

    /// True once, for the first reader of a page another instance fetched.
    pub fn take(&self) -> bool {
        self.0.load(Ordering::Relaxed) && self.0.swap(false, Ordering::AcqRel)
    }
}

impl CachedPage {
    /// `offers` fetched now under `freshness`: no total, cursor or skipped items.
    pub fn fetched_now(offers: Vec<Offer>, freshness: Freshness) -> Self {
        Self {
            offers: offers.into_iter().map(Arc::new).collect(),
            total: None,
            total_approximate: false,
            next_cursor: None,
            skipped: 0,
            fetched_at: tokio::time::Instant::now(),
            arrived: tokio::time::Instant::now(),
            freshness,
            imported: Imported::default(),
        }
    }

    /// Time since it was fetched.
    pub fn age(&self) -> Duration {
        self.fetched_at.elapsed()
    }

    /// Rough heap size, for the memory budget.
    pub(super) fn estimated_bytes(&self) -> u32 {
        let per_offer: u64 = self.offers.iter().map(|o| u64::from(o.estimated_bytes())).sum();
        u32::try_from(256 + per_offer).unwrap_or(u32::MAX)
    }
}

/// Case, whitespace and Unicode compatibility forms do not change what a marketplace returns,
/// so they must not split the cache.
pub fn normalize_query(query: &str) -> String {
    let folded: String = query
        .chars()
        .map(|c| match c {
            // Full-width ASCII (common from Japanese/Chinese IMEs) folds to ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    folded.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}
