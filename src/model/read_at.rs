//! When an offer was last read from its marketplace.
//!
//! Kept inside the offer because the same `Arc<Offer>` is shared by the cached pages and the
//! offers remembered for `offer(id)`: an unchanged listing read again raises the time every holder
//! shows, where a copy per holder would have to be made (and normalised) again on every read.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch of the latest read, 0 when the offer was not read from a
/// marketplace (built in a test, or by a gateway before the field existed).
///
/// Not part of what the offer is: two readings of an unchanged listing are equal whenever they were
/// made, so equality ignores it.
#[derive(Default)]
pub struct ReadAt(AtomicU64);

impl ReadAt {
    /// When the offer was last read, if known.
    pub fn get(&self) -> Option<SystemTime> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            millis => UNIX_EPOCH.checked_add(Duration::from_millis(millis)),
        }
    }

    /// Records a read at `at`; an earlier time than the one recorded changes nothing (a page
    /// another instance read earlier does not make the offer look older than it is here).
    pub fn raise(&self, at: SystemTime) {
        let millis = at.duration_since(UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        self.0.fetch_max(millis, Ordering::Relaxed);
    }

    /// Records `other`'s read where it is the later: two holders of one reading show the later.
    pub fn follow(&self, other: &ReadAt) {
        self.0.fetch_max(other.millis(), Ordering::Relaxed);
    }

    /// The latest read in ms since the Unix epoch, 0 when not known.
    pub fn millis(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

impl Clone for ReadAt {
    fn clone(&self) -> Self {
        Self(AtomicU64::new(self.millis()))
    }
}

impl PartialEq for ReadAt {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for ReadAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ReadAt({})", self.millis())
    }
}

impl serde::Serialize for ReadAt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.millis())
    }
}

impl<'de> serde::Deserialize<'de> for ReadAt {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        u64::deserialize(d).map(|millis| Self(AtomicU64::new(millis)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_time_only_moves_forward() {
        let read = ReadAt::default();
        assert_eq!(read.get(), None, "nothing read yet");
        let later = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        read.raise(later);
        read.raise(later - Duration::from_secs(60));
        assert_eq!(read.get(), Some(later));
    }

    #[test]
    fn two_readings_of_one_listing_are_equal_whenever_they_were_made() {
        let (early, late) = (ReadAt::default(), ReadAt::default());
        late.raise(SystemTime::now());
        assert_eq!(early, late);
        assert_eq!(late.clone().get(), late.get());
    }
}
