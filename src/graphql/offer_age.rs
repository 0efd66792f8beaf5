//! How old an offer's reading is against the windows its marketplace's cache serves a page
//! for: `offer(id)` answers from what was read up to 70 minutes ago, and a buyer must be able
//! to tell a price a search would still serve from one no search would (review39n R39n-5).

use crate::marketplace::Settings;
use async_graphql::{Enum, SimpleObject};
use std::time::{Duration, SystemTime};

/// Where a reading stands against its marketplace's cache windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(name = "OfferFreshnessState")]
pub(super) enum State {
    /// Read within its marketplace's cache TTL: a search would serve this reading as it is.
    Fresh,
    /// Past the TTL but within stale-while-revalidate or stale-if-error: a search would still
    /// serve it (as `STALE`) while it reads the listing again.
    Stale,
    /// Past every window its marketplace's cache allows: no search would serve this price now,
    /// and the listing may have changed since. Search again to read it anew.
    Expired,
}

/// How old an offer's reading is, and what that means for its price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, SimpleObject)]
#[graphql(name = "OfferFreshness")]
pub(super) struct OfferAge {
    /// Whole seconds since `readAt`.
    age_seconds: i64,
    /// Where the reading stands against its marketplace's cache windows.
    state: State,
}

/// The age of a reading made at `read_at`, seen at `now`, under `settings`. A reading another
/// instance dates a little ahead of this clock counts as just made.
pub(super) fn of(read_at: SystemTime, now: SystemTime, settings: &Settings) -> OfferAge {
    let age = now.duration_since(read_at).unwrap_or_default();
    OfferAge { age_seconds: i64::try_from(age.as_secs()).unwrap_or(i64::MAX), state: state(age, settings) }
}

fn state(age: Duration, settings: &Settings) -> State {
    // With caching off (TTL 0) what was just read is still the marketplace's word for a second.
    if age < settings.cache_ttl.max(Duration::from_secs(1)) {
        State::Fresh
    } else if age < settings.cache_ttl + settings.stale_while_revalidate.max(settings.stale_if_error) {
        State::Stale
    } else {
        State::Expired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(ttl: u64, swr: u64, sie: u64) -> Settings {
        let secs = Duration::from_secs;
        Settings {
            cache_ttl: secs(ttl),
            stale_while_revalidate: secs(swr),
            stale_if_error: secs(sie),
            ..Settings::default()
        }
    }

    fn at(read: u64, now: u64, settings: &Settings) -> OfferAge {
        let epoch = SystemTime::UNIX_EPOCH;
        of(epoch + Duration::from_secs(read), epoch + Duration::from_secs(now), settings)
    }

    #[test]
    fn a_reading_is_fresh_within_the_ttl_stale_within_the_longer_stale_window_then_expired() {
        let policy = settings(5, 2, 6);
        let states: Vec<State> = [0, 4, 5, 10, 11, 15].iter().map(|&now| at(0, now, &policy).state).collect();
        use State::*;
        assert_eq!(states, [Fresh, Fresh, Stale, Stale, Expired, Expired]);
        assert_eq!(at(0, 15, &policy).age_seconds, 15);
    }

    #[test]
    fn with_caching_off_a_reading_is_fresh_for_its_first_second_only() {
        let policy = settings(0, 0, 0);
        assert_eq!((at(0, 0, &policy).state, at(0, 1, &policy).state), (State::Fresh, State::Expired));
    }

    #[test]
    fn a_reading_dated_ahead_of_this_clock_counts_as_just_made() {
        assert_eq!(at(10, 8, &settings(5, 0, 0)), OfferAge { age_seconds: 0, state: State::Fresh });
    }
}
