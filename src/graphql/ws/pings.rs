//! Pings the client's budget refused, reported as a warning: at the first refusal, then at most
//! once a minute while refusals go on, and what is left when the socket closes. Never a line a
//! ping (a flood would make the log its amplifier), and never only at the close: a socket may
//! stay open for hours, and its refusals were reported that late (review34d, sockets34).

use tokio::time::{Duration, Instant};

/// The shortest time between two reports of one socket's refused pings.
const EVERY: Duration = Duration::from_secs(60);

/// One socket's refused pings not yet reported.
#[derive(Debug, Default)]
pub(super) struct RefusedPings {
    unreported: u64,
    /// When the last report was written; `None` before the first.
    reported: Option<Instant>,
}

impl RefusedPings {
    /// Counts one refusal at `now`; the count to report now, if a report is due.
    pub(super) fn refused(&mut self, now: Instant) -> Option<u64> {
        self.unreported += 1;
        let due = self.reported.is_none_or(|at| now.saturating_duration_since(at) >= EVERY);
        due.then(|| {
            self.reported = Some(now);
            std::mem::take(&mut self.unreported)
        })
    }

    /// The refusals not reported yet, for the socket's last report.
    pub(super) fn rest(self) -> Option<u64> {
        (self.unreported > 0).then_some(self.unreported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_refusal_is_reported_at_once_the_next_a_minute_later_and_the_rest_at_the_close() {
        let (start, mut pings) = (Instant::now(), RefusedPings::default());
        let at = |seconds: u64| start + Duration::from_secs(seconds);
        assert_eq!(pings.refused(at(0)), Some(1));
        let within: Vec<Option<u64>> = (1..=59).map(|s| pings.refused(at(s))).collect();
        assert_eq!(within, vec![None; 59], "nothing within the minute");
        assert_eq!(pings.refused(at(60)), Some(60), "the minute's 59 and this one");
        assert_eq!(pings.refused(at(61)), None);
        assert_eq!(pings.rest(), Some(1));
    }

    #[test]
    fn a_socket_with_nothing_left_to_report_reports_nothing_at_the_close() {
        let mut pings = RefusedPings::default();
        assert_eq!(pings.refused(Instant::now()), Some(1));
        assert_eq!(pings.rest(), None);
        assert_eq!(RefusedPings::default().rest(), None);
    }
}
