//! Review40o R40o-1: `[cache] budget_mb = 0` was accepted and kept nothing (every search asked
//! every marketplace again, and no offer was kept for `offer(id)`), and a TTL written in years,
//! or past what a u64 of seconds holds, was accepted too: cached under a per-marketplace
//! `cache_ttl = "18446744073709551000s"`, the next search of that marketplace failed ("the load
//! task failed": its expiry overflowed the clock). `check` and `serve` now refuse them by key.

use crate::check::{bundled, pasar_check_with};
use crate::check_config::{jatim_bejo, serve_briefly, setup};

/// Lines 3 to 8 of the `pasar.toml` [`setup`] writes.
const ABSURD: &str = "[cache]\nbudget_mb = 0\n[defaults]\nstale_if_error = \"30days\"\n\
                      [marketplaces.jatim-bejo]\ncache_ttl = \"18446744073709551000s\"\n";

#[test]
fn a_cache_that_keeps_nothing_and_windows_past_their_bounds_stop_check_and_serve_at_their_lines() {
    let dir = setup(&[jatim_bejo()], ABSURD);
    let file = dir.path().join("pasar.toml");
    let (ok, checked) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &[]);
    assert!(!ok, "{checked}");
    let (code, served) = serve_briefly(dir.path(), &[]);
    assert_eq!(code, Some(1), "{served}");
    let at = |line: u32, problem: &str| format!("{}:{line}: {problem}", file.display());
    let expected = [
        at(4, "`[cache] budget_mb`: 0 must be at least 1 and at most 65536 (MiB)"),
        at(6, "`[defaults] stale_if_error`: 30days is more than 7days: allowed from 0s (off) to 7days"),
        at(8, "`[marketplaces.jatim-bejo] cache_ttl`: "),
    ];
    for printed in [&checked, &served] {
        for expected in &expected {
            assert!(printed.contains(expected.as_str()), "missing `{expected}` in:\n{printed}");
        }
        assert!(printed.contains("is more than 1day: allowed from 0s (off) to 1day"), "{printed}");
    }
}

#[test]
fn an_adapter_files_cache_ttl_past_a_day_is_refused_by_check_with_its_file_and_key() {
    let text = bundled("jatim-bejo.toml").replacen("cache_ttl = \"60s\"", "cache_ttl = \"18446744073709551000s\"", 1);
    let dir = setup(&[("jatim-bejo.toml".into(), text)], "");
    let file = dir.path().join("pasar.toml");
    let (ok, checked) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &[]);
    assert!(!ok, "{checked}");
    assert!(checked.contains("jatim-bejo.toml:48") && checked.contains("`limits.cache_ttl`"), "{checked}");
    assert!(checked.contains("is more than 1day: allowed from 0s (off) to 1day"), "{checked}");
}

/// Review40o R40o-13: `[cache.redis]` took any wait: `timeout = "0s"` timed every command out
/// (Redis never used, without a word), and a claim of a day kept other instances waiting on one
/// that died holding it.
#[test]
fn redis_waits_out_of_their_bounds_stop_check_at_their_lines() {
    let lines = "[cache.redis]\nurl = \"redis://127.0.0.1:1/0\"\ntimeout = \"0s\"\nlock_for = \"1day\"\n";
    let dir = setup(&[jatim_bejo()], lines);
    let file = dir.path().join("pasar.toml");
    let (ok, checked) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &[]);
    assert!(!ok, "{checked}");
    for expected in [
        format!("{}:5: `[cache.redis] timeout`: 0s must be at least 1ms and at most 5s", file.display()),
        format!("{}:6: `[cache.redis] lock_for`: 1day must be at least 100ms and at most 2m", file.display()),
    ] {
        assert!(checked.contains(&expected), "missing `{expected}` in:\n{checked}");
    }
}
