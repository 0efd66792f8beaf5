//! `[probe]`: a search text, and an interval and deadline that make sense together.

use super::problem::Problems;
use crate::marketplace::definition::ProbeSpec;
use crate::marketplace::probe::{DEFAULT_INTERVAL, DEFAULT_TIMEOUT};
use std::time::Duration;

/// Shortest interval: a probe more often than this is load, not a check.
const MIN_INTERVAL: Duration = Duration::from_secs(1);
/// Longest interval: an outcome older than this says nothing about now.
const MAX_INTERVAL: Duration = Duration::from_secs(3600);
/// Longest deadline: `/readyz` waits for its slowest probe.
const MAX_TIMEOUT: Duration = Duration::from_secs(30);

pub(super) fn check_probe(spec: &ProbeSpec, problems: &mut Problems<'_>) {
    if spec.query.trim().is_empty() {
        problems.add("probe.query", "must be a search text the marketplace has offers for");
    }
    let interval = spec.interval.unwrap_or(DEFAULT_INTERVAL);
    if !(MIN_INTERVAL..=MAX_INTERVAL).contains(&interval) {
        problems.add("probe.interval", "must be at least 1s and at most 1h");
    }
    let timeout = spec.timeout.unwrap_or(DEFAULT_TIMEOUT);
    if timeout.is_zero() || timeout > MAX_TIMEOUT {
        problems.add("probe.timeout", "must be more than 0 and at most 30s");
    } else if timeout >= interval {
        problems.add(
            "probe.timeout",
            format!("must be shorter than the interval ({})", humantime::format_duration(interval)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::marketplace::validate::parse_definition;
    use std::path::Path;

    const FILE: &str = include_str!("../../../adapters/mbiz.toml");

    /// The file without its own `[probe]` (the last section when there is one).
    fn base() -> &'static str {
        FILE.split("\n[probe]").next().unwrap_or(FILE)
    }

    fn problems(probe: &str) -> Vec<String> {
        let text = format!("{}\n[probe]\n{probe}\n", base());
        match parse_definition(Path::new("mbiz.toml"), &text) {
            Ok(_) => Vec::new(),
            Err(found) => found.iter().map(|p| format!("{}: {}", p.key, p.message)).collect(),
        }
    }

    #[test]
    fn a_probe_needs_a_search_text_and_a_deadline_shorter_than_its_interval() {
        assert!(parse_definition(Path::new("mbiz.toml"), base()).is_ok(), "[probe] is optional");
        assert_eq!(problems("query = \"kertas\"\ninterval = \"10s\"\ntimeout = \"1s\""), Vec::<String>::new());
        assert!(problems("query = \" \"")[0].starts_with("probe.query"));
        assert!(problems("query = \"kertas\"\ninterval = \"5s\"\ntimeout = \"5s\"")[0].starts_with("probe.timeout"));
        assert!(problems("query = \"kertas\"\ninterval = \"100ms\"")[0].starts_with("probe.interval"));
        assert!(problems("query = \"kertas\"\ntimeout = \"1 fortnight\"")[0].starts_with("probe.timeout"));
        assert!(problems("query = \"kertas\"\nwords = 3")[0].starts_with("probe"), "unknown keys are named");
    }
}
