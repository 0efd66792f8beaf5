//! Settings `serve` refuses to start on: limits under which the gateway could not answer a single
//! request, and counts no machine has cores for. `pasar check --config` reports the same, each
//! with its key, before anything is built (one HTTP client per worker included).

use super::{Config, Defaults, RedisConfig};
use crate::marketplace::breaker::MAX_OPEN_FOR;
use crate::marketplace::freshness::window_problems;
use std::time::Duration;

/// The most `[http] workers`: each is a thread with its own upstream client, and no server
/// this gateway runs on has more cores (0, the default, takes one per core).
pub const MAX_WORKERS: usize = 256;

/// The longest `[defaults] timeout`, as an adapter file's own `limits.timeout`.
const MAX_TIMEOUT: Duration = Duration::from_secs(120);

/// The shortest `[http]` timeout: under it, headers or a body that cross the network in two
/// packets are answered 408, and `0s` refused every search while `/readyz` said ready
/// (review35o O35-1).
const MIN_HTTP_TIMEOUT: Duration = Duration::from_millis(100);

/// The longest `[defaults] max_retry_after`: a marketplace holding itself off longer than an
/// hour is down, and is better asked again (review35o O35-4).
const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// The smallest `[limits] max_body_bytes`: a request of a few fields.
const MIN_BODY_BYTES: usize = 1024;

/// The largest `[cache] budget_mb`, 64 GiB: more is a unit mistaken (KiB for MiB), and the cache
/// would grow until the host ran out of memory.
const MAX_BUDGET_MB: u64 = 64 * 1024;

/// The smallest `[http] max_header_bytes`: hyper's smallest HTTP/1 buffer, which holds a head
/// (hyper panics under it).
const MIN_HEADER_BYTES: u32 = 8192;

impl Config {
    /// Every setting `serve` would refuse, as "`[table] key`: reason"; empty when it can serve.
    /// The marketplace count is checked once the adapters are loaded ([`Config::ready_problem`]).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut refuse = |key: &str, reason: String| problems.push(format!("`{key}`: {reason}"));
        let limits = &self.limits;
        if limits.max_body_bytes < MIN_BODY_BYTES {
            refuse(
                "[limits] max_body_bytes",
                format!("{} must be at least {MIN_BODY_BYTES}: smaller, no request fits", limits.max_body_bytes),
            );
        }
        if limits.max_batch == 0 {
            refuse("[limits] max_batch", "0 would refuse every request, a single one too; 1 allows no batch".into());
        }
        let in_flight = self.http.max_bytes_in_flight_mb.saturating_mul(1024 * 1024);
        if in_flight == 0 || in_flight < u64::try_from(limits.max_body_bytes).unwrap_or(u64::MAX) {
            refuse(
                "[http] max_bytes_in_flight_mb",
                format!(
                    "{} MiB cannot hold one request of `[limits] max_body_bytes` ({} bytes): every request \
                     would be answered 503",
                    self.http.max_bytes_in_flight_mb, limits.max_body_bytes
                ),
            );
        }
        if self.http.max_header_bytes < MIN_HEADER_BYTES {
            let found = self.http.max_header_bytes;
            refuse(
                "[http] max_header_bytes",
                format!("{found} must be at least {MIN_HEADER_BYTES}, hyper's smallest buffer"),
            );
        }
        if self.http.workers > MAX_WORKERS {
            refuse("[http] workers", format!("{} is more than {MAX_WORKERS}; 0 takes one per core", self.http.workers));
        }
        let http = &self.http;
        let timeouts = [
            ("header_timeout", http.header_timeout),
            ("body_timeout", http.body_timeout),
            ("request_timeout", http.request_timeout),
            ("idle_timeout", http.idle_timeout),
            ("write_timeout", http.write_timeout),
            ("ws_init_timeout", http.ws_init_timeout),
        ];
        for (key, timeout) in timeouts.into_iter().filter(|(_, t)| *t < MIN_HTTP_TIMEOUT) {
            refuse(
                &format!("[http] {key}"),
                format!("{timeout:?} is under 100ms: requests would time out as they arrive"),
            );
        }
        let defaults = &self.defaults;
        if defaults.timeout.is_zero() || defaults.timeout > MAX_TIMEOUT {
            refuse("[defaults] timeout", "must be more than 0 and at most 120s".into());
        }
        if defaults.concurrency == 0 {
            refuse("[defaults] concurrency", "must be at least 1".into());
        }
        for (key, reason) in hold_problems(defaults) {
            refuse(key, reason);
        }
        for (key, reason) in self.cache_problems() {
            refuse(&key, reason);
        }
        // An override is held to its adapter file's own bounds: `500s` typed for `500ms` gave a
        // marketplace an eight-minute deadline (review33w W33-6).
        for (id, o) in &self.marketplaces {
            if o.timeout.is_some_and(|t| t.is_zero() || t > MAX_TIMEOUT) {
                refuse(&format!("[marketplaces.{id}] timeout"), "must be more than 0 and at most 120s".into());
            }
            if o.concurrency == Some(0) {
                refuse(&format!("[marketplaces.{id}] concurrency"), "must be at least 1".into());
            }
        }
        problems.extend(self.misread());
        problems
    }

    /// Whether `[telemetry] ready_min` can ever be met by `enabled` marketplaces.
    pub fn ready_problem(&self, enabled: usize) -> Option<String> {
        let min = self.telemetry.ready_min;
        (min > enabled).then(|| {
            format!("`[telemetry] ready_min`: {min} is more than the {enabled} enabled marketplace(s): /readyz would never be 200")
        })
    }
}

impl Config {
    /// The cache's budget and how long its pages are kept, by key (review40o R40o-1: `budget_mb
    /// = 0` kept nothing, offers for `offer(id)` neither, and said nothing).
    fn cache_problems(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let budget = self.cache.budget_mb;
        if budget == 0 || budget > MAX_BUDGET_MB {
            // Each end says its own why: a too-large budget was told about 0 (review41 R41-11).
            let why = if budget == 0 {
                "0 would keep no page and no offer for offer(id); to cache nothing, set `[defaults] cache_ttl = \"0s\"`"
            } else {
                "more is a unit mistaken (KiB for MiB)"
            };
            let reason = format!("{budget} must be at least 1 and at most {MAX_BUDGET_MB} (MiB): {why}");
            problems.push(("[cache] budget_mb".to_string(), reason));
        }
        let d = &self.defaults;
        let windows = window_problems(Some(d.cache_ttl), Some(d.stale_while_revalidate), Some(d.stale_if_error));
        problems.extend(windows.into_iter().map(|(name, reason)| (format!("[defaults] {name}"), reason)));
        for (id, o) in &self.marketplaces {
            let windows = window_problems(o.cache_ttl, None, None);
            problems.extend(windows.into_iter().map(|(name, reason)| (format!("[marketplaces.{id}] {name}"), reason)));
        }
        problems.extend(self.cache.redis.iter().flat_map(RedisConfig::problems));
        problems
    }
}

/// How long a failing marketplace may be held off: an unbounded `breaker_open_for` or
/// `max_retry_after` skipped it for as long as was typed (review35o O35-4).
fn hold_problems(defaults: &Defaults) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    let open_for = defaults.breaker_open_for;
    if open_for.is_zero() || open_for > MAX_OPEN_FOR {
        let reason = format!(
            "{open_for:?} must be more than 0 and at most {MAX_OPEN_FOR:?}, the longest a breaker stays open after failed probes"
        );
        problems.push(("[defaults] breaker_open_for", reason));
    }
    let retry_after = defaults.max_retry_after;
    if retry_after < Duration::from_secs(1) || retry_after > MAX_RETRY_AFTER {
        let reason = format!(
            "{retry_after:?} must be at least 1s and at most {MAX_RETRY_AFTER:?}: a marketplace asking to wait longer is asked again after it"
        );
        problems.push(("[defaults] max_retry_after", reason));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_of(toml: &str) -> Vec<String> {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("pasar.toml");
        std::fs::write(&file, toml).expect("write");
        Config::load(Some(&file)).expect("loads").problems()
    }

    #[test]
    fn the_defaults_can_serve() {
        assert_eq!(Config::default().problems(), Vec::<String>::new());
    }

    #[test]
    fn limits_under_which_no_request_could_be_answered_are_refused_each_by_its_key() {
        let problems = problems_of(
            "[limits]\nmax_body_bytes = 0\nmax_batch = 0\n[http]\nmax_bytes_in_flight_mb = 0\nworkers = 100000\n\
             max_header_bytes = 4096\n[defaults]\ntimeout = \"1000000h\"\nconcurrency = 0\n",
        );
        let keys = [
            "`[limits] max_body_bytes`: 0 must be at least 1024",
            "`[limits] max_batch`: 0 would refuse every request",
            "`[http] max_bytes_in_flight_mb`: 0 MiB cannot hold one request",
            "`[http] workers`: 100000 is more than 256",
            "`[http] max_header_bytes`: 4096 must be at least 8192",
            "`[defaults] timeout`: must be more than 0 and at most 120s",
            "`[defaults] concurrency`: must be at least 1",
        ];
        for key in keys {
            assert!(problems.iter().any(|p| p.starts_with(key)), "missing {key}: {problems:#?}");
        }
        assert_eq!(problems.len(), keys.len(), "{problems:#?}");
    }

    #[test]
    fn http_timeouts_too_short_to_receive_a_request_are_refused_each_by_its_key() {
        let problems = problems_of(
            "[http]\nheader_timeout = \"0s\"\nbody_timeout = \"0s\"\nrequest_timeout = \"0s\"\n\
             idle_timeout = \"50ms\"\nwrite_timeout = \"0s\"\nws_init_timeout = \"0s\"\n",
        );
        let keys =
            ["header_timeout", "body_timeout", "request_timeout", "idle_timeout", "write_timeout", "ws_init_timeout"];
        for key in keys {
            let key = format!("`[http] {key}`: ");
            assert!(problems.iter().any(|p| p.starts_with(&key)), "missing {key}: {problems:#?}");
        }
        assert_eq!(problems.len(), keys.len(), "{problems:#?}");
        assert!(problems_of("[http]\nrequest_timeout = \"100ms\"\n").is_empty());
    }

    #[test]
    fn a_marketplace_override_is_held_to_the_bounds_of_an_adapter_file() {
        let problems = problems_of(
            "[marketplaces.mbiz]\ntimeout = \"500s\"\nconcurrency = 0\n[marketplaces.bela]\ntimeout = \"2s\"\n",
        );
        let keys = [
            "`[marketplaces.mbiz] timeout`: must be more than 0",
            "`[marketplaces.mbiz] concurrency`: must be at least 1",
        ];
        for key in keys {
            assert!(problems.iter().any(|p| p.starts_with(key)), "missing {key}: {problems:#?}");
        }
        assert_eq!(problems.len(), keys.len(), "{problems:#?}");
    }

    #[test]
    fn a_cache_that_keeps_nothing_and_windows_past_their_bounds_are_refused_each_by_its_key() {
        let problems = problems_of(
            "[cache]\nbudget_mb = 0\n[defaults]\ncache_ttl = \"18446744073709551000s\"\n\
             stale_while_revalidate = \"2days\"\nstale_if_error = \"8days\"\n\
             [marketplaces.mbiz]\ncache_ttl = \"25h\"\n",
        );
        let keys = [
            "`[cache] budget_mb`: 0 must be at least 1 and at most 65536 (MiB)",
            "`[defaults] cache_ttl`: ",
            "`[defaults] stale_while_revalidate`: 2days is more than 1day",
            "`[defaults] stale_if_error`: 8days is more than 7days",
            "`[marketplaces.mbiz] cache_ttl`: 1day 1h is more than 1day",
        ];
        for key in keys {
            assert!(problems.iter().any(|p| p.starts_with(key)), "missing {key}: {problems:#?}");
        }
        assert_eq!(problems.len(), keys.len(), "{problems:#?}");
        let overflowing = problems.iter().find(|p| p.starts_with(keys[1])).expect("the TTL is refused");
        assert!(overflowing.ends_with("is more than 1day: allowed from 0s (off) to 1day"), "{overflowing}");
        let at_bounds = "[cache]\nbudget_mb = 65536\n[defaults]\ncache_ttl = \"0s\"\nstale_if_error = \"7days\"\n";
        assert_eq!(problems_of(at_bounds), Vec::<String>::new());
        let too_large = &problems_of("[cache]\nbudget_mb = 65537\n")[0];
        assert!(too_large.starts_with("`[cache] budget_mb`: 65537 must be"), "{too_large}");
        assert!(too_large.contains("unit mistaken") && !too_large.contains("0 would"), "{too_large}");
    }

    #[test]
    fn redis_waits_that_would_never_use_redis_or_hold_requests_are_refused_each_by_its_key() {
        let problems = problems_of("[cache.redis]\ntimeout = \"0s\"\nlock_for = \"1day\"\n");
        assert_eq!(
            problems,
            [
                "`[cache.redis] timeout`: 0s must be at least 1ms and at most 5s",
                "`[cache.redis] lock_for`: 1day must be at least 100ms and at most 2m",
            ]
        );
        assert!(problems_of("[cache.redis]\ntimeout = \"5s\"\nlock_for = \"100ms\"\n").is_empty());
        assert_eq!(problems_of("[cache.redis]\ntimeout = \"5001ms\"\n").len(), 1);
    }

    #[test]
    fn the_header_limit_is_still_read_under_its_http2_name() {
        let problems = problems_of("[http]\nhttp2_max_header_list_bytes = 4096\n");
        assert!(problems.iter().any(|p| p.starts_with("`[http] max_header_bytes`: 4096")), "{problems:?}");
    }

    #[test]
    fn an_in_flight_budget_smaller_than_one_request_is_refused() {
        let problems = problems_of("[limits]\nmax_body_bytes = 2097152\n[http]\nmax_bytes_in_flight_mb = 1\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("(2097152 bytes)"), "{problems:?}");
    }

    #[test]
    fn ready_min_above_the_enabled_marketplaces_can_never_be_met() {
        let mut config = Config::default();
        config.telemetry.ready_min = 99;
        assert!(config.ready_problem(1).is_some_and(|p| p.contains("99 is more than the 1 enabled")));
        config.telemetry.ready_min = 1;
        assert_eq!(config.ready_problem(1), None);
    }
}
