//! Pages as Redis holds them: a version byte, then the page in postcard (serde's compact binary
//! form). Ages travel as wall-clock times, since instances share no monotonic clock.

use crate::cache::page::{CachedPage, Freshness, Imported};
use crate::model::Offer;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Bumped whenever the model or this layout changes; older entries then read as misses.
pub(super) const VERSION: u8 = 5;

/// The page's layout; written from borrowed offers, read into owned ones.
#[derive(Serialize, Deserialize)]
struct Stored<O> {
    offers: O,
    total: Option<u64>,
    total_approximate: bool,
    next_cursor: Option<String>,
    skipped: u64,
    fetched_unix_ms: u64,
    ttl_ms: u64,
    stale_while_revalidate_ms: u64,
    stale_if_error_ms: u64,
}

fn ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

fn now_unix_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(ms).unwrap_or_default()
}

/// When `page` was fetched, on the wall clock (ms since the Unix epoch).
pub(super) fn fetched_unix_ms(page: &CachedPage) -> u64 {
    now_unix_ms().saturating_sub(ms(page.age()))
}

/// How long ago, on this instance's clock, a page fetched at `fetched_unix_ms` was fetched.
pub(super) fn age_of(fetched_unix_ms: u64) -> Duration {
    Duration::from_millis(now_unix_ms().saturating_sub(fetched_unix_ms))
}

/// The page's bytes for Redis.
pub(super) fn encode(page: &CachedPage) -> Option<Vec<u8>> {
    let fetched = fetched_unix_ms(page);
    let stored = Stored {
        offers: page.offers.as_slice(),
        total: page.total,
        total_approximate: page.total_approximate,
        next_cursor: page.next_cursor.clone(),
        skipped: u64::try_from(page.skipped).unwrap_or(u64::MAX),
        fetched_unix_ms: fetched,
        ttl_ms: ms(page.freshness.ttl),
        stale_while_revalidate_ms: ms(page.freshness.stale_while_revalidate),
        stale_if_error_ms: ms(page.freshness.stale_if_error),
    };
    let mut bytes = vec![VERSION];
    bytes.extend(postcard::to_stdvec(&stored).ok()?);
    Some(bytes)
}

/// The page back, aged by the wall clock; `None` for another version or unreadable bytes.
pub(super) fn decode(bytes: &[u8]) -> Option<CachedPage> {
    let (&version, body) = bytes.split_first()?;
    if version != VERSION {
        return None;
    }
    let stored: Stored<Vec<Arc<Offer>>> = postcard::from_bytes(body).ok()?;
    let age = age_of(stored.fetched_unix_ms);
    let now = tokio::time::Instant::now();
    Some(CachedPage {
        offers: stored.offers,
        total: stored.total,
        total_approximate: stored.total_approximate,
        next_cursor: stored.next_cursor,
        skipped: usize::try_from(stored.skipped).unwrap_or(usize::MAX),
        fetched_at: now.checked_sub(age).unwrap_or(now),
        arrived: now.checked_sub(age).unwrap_or(now),
        freshness: Freshness {
            ttl: Duration::from_millis(stored.ttl_ms),
            stale_while_revalidate: Duration::from_millis(stored.stale_while_revalidate_ms),
            stale_if_error: Duration::from_millis(stored.stale_if_error_ms),
        },
        imported: Imported::elsewhere(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> CachedPage {
        CachedPage {
            offers: vec![Arc::new(Offer::sample("a")), Arc::new(Offer::sample("b"))],
            total: Some(2),
            total_approximate: true,
            next_cursor: Some("c2".into()),
            skipped: 1,
            fetched_at: tokio::time::Instant::now(),
            arrived: tokio::time::Instant::now(),
            freshness: Freshness {
                ttl: Duration::from_secs(60),
                stale_while_revalidate: Duration::from_secs(30),
                stale_if_error: Duration::from_secs(600),
            },
            imported: Imported::default(),
        }
    }

    #[test]
    fn a_page_comes_back_equal_and_as_old_as_it_was() {
        let page = page();
        let back = decode(&encode(&page).expect("encodes")).expect("decodes");
        assert_eq!(back.offers, page.offers);
        assert_eq!((back.total, back.total_approximate, back.next_cursor.as_deref()), (Some(2), true, Some("c2")));
        assert_eq!((back.skipped, back.freshness), (1, page.freshness));
        assert!(back.age() < Duration::from_secs(1));
    }

    #[test]
    fn another_version_or_broken_bytes_read_as_a_miss() {
        let mut bytes = encode(&page()).expect("encodes");
        bytes[0] = VERSION + 1;
        assert!(decode(&bytes).is_none());
        assert!(decode(&[VERSION, 0xff, 0xff]).is_none());
        assert!(decode(&[]).is_none());
    }

    #[test]
    fn a_page_is_compact() {
        let bytes = encode(&page()).expect("encodes");
        assert!(bytes.len() < 600, "{} bytes for two offers", bytes.len());
    }
}
