//! `pasar check` names everything `serve` would refuse in one run: the server file's own limits
//! (review29a W8) and, beside another file's errors, the internal base URLs of the valid files
//! (review29a W2).

use crate::check::{bundled, pasar_check_with};
use std::path::Path;
use std::time::{Duration, Instant};

/// A folder holding `files` (name, text) and a `pasar.toml` of `lines` over it.
fn setup(files: &[(String, String)], lines: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let adapters = dir.path().join("adapters");
    std::fs::create_dir(&adapters).expect("mkdir");
    for (name, text) in files {
        std::fs::write(adapters.join(name), text).expect("write");
    }
    let config = format!("listen = \"127.0.0.1:0\"\nadapters_dir = '{}'\n{lines}", adapters.display());
    std::fs::write(dir.path().join("pasar.toml"), config).expect("write");
    dir
}

fn jatim_bejo() -> (String, String) {
    ("jatim-bejo.toml".into(), bundled("jatim-bejo.toml"))
}

fn check_config(dir: &Path) -> (bool, String) {
    let file = dir.join("pasar.toml");
    pasar_check_with(&["--config".as_ref(), file.as_os_str()], &[])
}

#[test]
fn limits_under_which_serve_could_answer_nothing_are_refused_by_check_each_with_its_key() {
    let lines = "[limits]\nmax_body_bytes = 0\nmax_batch = 0\n\
                 [http]\nmax_bytes_in_flight_mb = 0\nworkers = 100000\n";
    let dir = setup(&[jatim_bejo()], lines);
    let started = Instant::now();
    let (ok, output) = check_config(dir.path());
    // With one HTTP client built per worker, 100 000 workers kept `check` busy for minutes.
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    assert!(!ok, "{output}");
    for expected in [
        "`[limits] max_body_bytes`: 0 must be at least 1024",
        "`[limits] max_batch`: 0 would refuse every request",
        "`[http] max_bytes_in_flight_mb`: 0 MiB cannot hold one request",
        "`[http] workers`: 100000 is more than 256",
        "would refuse to start",
    ] {
        assert!(output.contains(expected), "missing `{expected}` in:\n{output}");
    }
}

#[test]
fn a_ready_min_above_the_marketplaces_served_is_refused_by_check() {
    let dir = setup(&[jatim_bejo()], "[telemetry]\nready_min = 99\n");
    let (ok, output) = check_config(dir.path());
    assert!(!ok, "{output}");
    assert!(output.contains("`[telemetry] ready_min`: 99 is more than the 1 enabled marketplace(s)"), "{output}");
    let dir = setup(&[jatim_bejo()], "[telemetry]\nready_min = 1\n");
    let (ok, output) = check_config(dir.path());
    assert!(ok, "{output}");
}

/// An mbiz file renamed `id`, with `edit` applied, as the reviewer's broken files were made.
fn mbiz_as(id: &str, edit: impl Fn(String) -> String) -> (String, String) {
    let text = bundled("mbiz.toml").replace("id = \"mbiz\"", &format!("id = \"{id}\""));
    (format!("{id}.toml"), edit(text))
}

#[test]
fn an_internal_base_url_is_reported_in_the_same_run_as_another_files_errors() {
    let absurd = mbiz_as("absurd2", |t| t.replacen("timeout = \"2s\"", "timeout = \"99999999999s\"", 1));
    let meta = mbiz_as("meta", |t| t.replace("https://api.mbizmarket.co.id", "http://169.254.169.254"));
    let dir = setup(&[absurd, meta], "");
    let env = [("MBIZ_TOKEN", "t")];
    let adapters = dir.path().join("adapters");
    let (ok, output) = pasar_check_with(&[adapters.as_os_str()], &env);
    assert!(!ok, "{output}");
    for expected in ["absurd2.toml: `limits.timeout`", "warning: ", "meta.toml: `base_url`: `http://169.254.169.254/`"]
    {
        assert!(output.contains(expected), "missing `{expected}` without --config in:\n{output}");
    }
    let file = dir.path().join("pasar.toml");
    let (ok, output) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &env);
    assert!(!ok, "{output}");
    for expected in ["absurd2.toml: `limits.timeout`", "meta.toml: `base_url`: `http://169.254.169.254/`"] {
        assert!(output.contains(expected), "missing `{expected}` with --config in:\n{output}");
    }
}

/// Review35o O35-4: `breaker_open_for` had no bound, and a marketplace's `Retry-After` none.
#[test]
fn how_long_a_failing_marketplace_is_held_off_is_bounded_by_check() {
    let dir = setup(&[jatim_bejo()], "[defaults]\nbreaker_open_for = \"1h\"\nmax_retry_after = \"1day\"\n");
    let (ok, output) = check_config(dir.path());
    assert!(!ok, "{output}");
    for expected in [
        "`[defaults] breaker_open_for`: 3600s must be more than 0 and at most 120s",
        "`[defaults] max_retry_after`: 86400s must be at least 1s and at most 3600s",
    ] {
        assert!(output.contains(expected), "missing `{expected}` in:\n{output}");
    }
    let dir = setup(&[jatim_bejo()], "[defaults]\nbreaker_open_for = \"0s\"\nmax_retry_after = \"0s\"\n");
    let (ok, output) = check_config(dir.path());
    assert!(!ok && output.matches("must be").count() == 2, "{output}");
    let dir = setup(&[jatim_bejo()], "[defaults]\nbreaker_open_for = \"2m\"\nmax_retry_after = \"1h\"\n");
    let (ok, output) = check_config(dir.path());
    assert!(ok, "{output}");
}
