//! How long a marketplace's results may be kept: the bounds of `cache_ttl` and of the two stale
//! windows, wherever they are written (an adapter file's `[limits]`, `[defaults]`,
//! `[marketplaces.<id>]`). Unbounded, a TTL of `18446744073709551000s` was accepted and made
//! every search of its marketplace fail once a page was cached: its expiry overflowed the clock
//! (review40o R40o-1).

use std::time::Duration;

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The longest `cache_ttl`: prices and stock change within a day.
pub const MAX_CACHE_TTL: Duration = DAY;

/// The longest `stale_while_revalidate`: a page is refreshed at its first request after the TTL,
/// so a longer window would serve week-old prices as current to one caller.
pub const MAX_STALE_WHILE_REVALIDATE: Duration = DAY;

/// The longest `stale_if_error`: a marketplace down over a long weekend is still answered from
/// its last good pages.
pub const MAX_STALE_IF_ERROR: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// Each window set, by name, that is longer than its bound, with the reason; `0s` is allowed
/// (no caching, or no stale serving).
pub fn window_problems(
    ttl: Option<Duration>,
    while_revalidate: Option<Duration>,
    if_error: Option<Duration>,
) -> Vec<(&'static str, String)> {
    let windows = [
        ("cache_ttl", ttl, MAX_CACHE_TTL),
        ("stale_while_revalidate", while_revalidate, MAX_STALE_WHILE_REVALIDATE),
        ("stale_if_error", if_error, MAX_STALE_IF_ERROR),
    ];
    windows
        .into_iter()
        .filter_map(|(name, set, most)| Some((name, set?, most)))
        .filter(|(_, set, most)| set > most)
        .map(|(name, set, most)| {
            let (set, most) = (humantime::format_duration(set), humantime::format_duration(most));
            (name, format!("{set} is more than {most}: allowed from 0s (off) to {most}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_up_to_their_bounds_pass_and_longer_ones_are_named() {
        let day = MAX_CACHE_TTL;
        assert!(window_problems(Some(day), Some(day), Some(MAX_STALE_IF_ERROR)).is_empty());
        assert!(window_problems(Some(Duration::ZERO), None, None).is_empty(), "0s switches caching off");
        let over = window_problems(Some(Duration::from_secs(u64::MAX)), Some(day * 2), Some(day * 8));
        let names: Vec<&str> = over.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["cache_ttl", "stale_while_revalidate", "stale_if_error"]);
        assert_eq!(over[1].1, "2days is more than 1day: allowed from 0s (off) to 1day");
    }
}
