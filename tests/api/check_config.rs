//! `pasar check` names everything `serve` would refuse in one run: the server file's own limits
//! (review29a W8) and, beside another file's errors, the internal base URLs of the valid files
//! (review29a W2).

use crate::check::{bundled, pasar_check_with};
use std::path::Path;
use std::time::{Duration, Instant};

/// A folder holding `files` (name, text) and a `pasar.toml` of `lines` over it.
pub(crate) fn setup(files: &[(String, String)], lines: &str) -> tempfile::TempDir {
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

pub(crate) fn jatim_bejo() -> (String, String) {
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
    let timeout = "absurd2.toml:";
    for expected in [timeout, "`limits.timeout`", "warning: ", "meta.toml: `base_url`: `http://169.254.169.254/`"] {
        assert!(output.contains(expected), "missing `{expected}` without --config in:\n{output}");
    }
    let file = dir.path().join("pasar.toml");
    let (ok, output) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &env);
    assert!(!ok, "{output}");
    for expected in [timeout, "`limits.timeout`", "meta.toml: `base_url`: `http://169.254.169.254/`"] {
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

/// `pasar check --config` on `lines` over the bundled jatim-bejo file: whether it passed, and all it printed.
fn check_lines(lines: &str) -> (bool, String) {
    let dir = setup(&[jatim_bejo()], lines);
    check_config(dir.path())
}

/// `lines` fail the check, which prints `expected`.
fn refused(lines: &str, expected: &str) {
    let (ok, output) = check_lines(lines);
    assert!(!ok && output.contains(expected), "missing `{expected}` in:\n{output}");
}

/// `lines` pass the check, which prints `expected` (a note).
fn said(lines: &str, expected: &str) {
    let (ok, output) = check_lines(lines);
    assert!(ok && output.contains(expected), "missing `{expected}` in:\n{output}");
}

#[test]
fn a_number_written_as_text_is_refused_with_its_file_line_and_column() {
    refused("[defaults]\nconcurrency = \"8\"\n", "pasar.toml:4:15: `defaults.concurrency`: invalid type: string \"8\"");
}

#[test]
fn a_limit_refused_after_reading_is_placed_at_its_file_and_line() {
    refused("[limits]\n\nmax_batch = 0\n", "pasar.toml:5: `[limits] max_batch`: 0 would refuse every request");
}

#[test]
fn a_scope_no_client_can_use_is_refused() {
    let key = "a".repeat(64);
    refused(
        &format!("[clients.kominfo]\nkey_sha256 = \"{key}\"\nscopes = [\"admn\"]\n"),
        "pasar.toml:5: `[clients.kominfo] scopes`: `admn` is no scope (known: admin, transactions)",
    );
}

#[test]
fn two_clients_with_one_key_are_refused() {
    let (a, b) = ("a".repeat(64), "A".repeat(64));
    refused(
        &format!("[clients.one]\nkey_sha256 = \"{a}\"\n[clients.two]\nkey_sha256 = \"{b}\"\n"),
        "`[clients.two] key_sha256`: the same key as [clients.one]",
    );
}

#[test]
fn a_log_level_that_is_no_level_is_refused() {
    refused(
        "[log]\nlevel = \"loud\"\n",
        "`[log] level`: `loud` is not a level: trace, debug, info, warn, error or off",
    );
    let (ok, output) = check_lines("[log]\nlevel = \"warn,pasar=debug\"\n");
    assert!(ok, "{output}");
}

#[test]
fn an_otlp_endpoint_that_is_no_http_url_is_refused() {
    refused(
        "[telemetry]\notlp_endpoint = \"otel-collector:4318\"\n",
        "`[telemetry] otlp_endpoint`: `otel-collector:4318` must be an http(s) URL",
    );
}

#[test]
fn a_refused_otlp_endpoint_is_quoted_without_its_password() {
    refused(
        "[telemetry]\notlp_endpoint = \"ftp://oteluser:OtelPw321@collector:4318\"\n",
        "`[telemetry] otlp_endpoint`: `ftp://***@collector:4318` must be an http(s) URL",
    );
    let (_, output) = check_lines("[telemetry]\notlp_endpoint = \"ftp://oteluser:OtelPw321@collector:4318\"\n");
    assert!(!output.contains("OtelPw321"), "{output}");
}

/// `pasar serve --config` over `dir` with `env`: its exit code, or `None` when it was still
/// serving after a few seconds (then stopped), and what it printed.
pub(crate) fn serve_briefly(dir: &Path, env: &[(&str, &str)]) -> (Option<i32>, String) {
    let file = dir.join("pasar.toml");
    run_briefly(&["serve".as_ref(), "--config".as_ref(), file.as_os_str()], env)
}

/// `pasar ARGS…` as [`serve_briefly`] runs it.
fn run_briefly(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> (Option<i32>, String) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasar"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pasar runs");
    let deadline = Instant::now() + Duration::from_secs(8);
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if Instant::now() > deadline {
            child.kill().expect("kill");
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = child.wait_with_output().expect("output");
    (code, String::from_utf8_lossy(&output.stderr).into_owned() + &String::from_utf8_lossy(&output.stdout))
}

#[test]
fn a_bad_otlp_endpoint_variable_stops_serve_and_check_as_the_files_key_does_naming_it() {
    let dir = setup(&[jatim_bejo()], "");
    let env = [("OTEL_EXPORTER_OTLP_ENDPOINT", "http://u:EnvOtelPw@")];
    let (code, output) = serve_briefly(dir.path(), &env);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("OTEL_EXPORTER_OTLP_ENDPOINT: `http://***@` is not a URL"), "{output}");
    let file = dir.path().join("pasar.toml");
    let (ok, checked) = pasar_check_with(&["--config".as_ref(), file.as_os_str()], &env);
    assert!(!ok, "{checked}");
    for printed in [&output, &checked] {
        assert!(!printed.contains("EnvOtelPw"), "the password is printed: {printed}");
    }
}

#[test]
fn the_demo_refuses_to_start_where_a_deployments_variables_are_set_naming_them() {
    let dir = setup(&[jatim_bejo()], "");
    let adapters = dir.path().join("adapters");
    let env = [
        ("PASAR_ADAPTERS_DIR", adapters.to_str().expect("a UTF-8 path")),
        ("PASAR_CACHE__REDIS__URL", "redis://:RedisPw9@127.0.0.1:1/0"),
    ];
    let (code, output) = run_briefly(&["serve".as_ref(), "--listen".as_ref(), "127.0.0.1:0".as_ref()], &env);
    assert_eq!(code, Some(1), "the demo served: {output}");
    assert!(output.contains("PASAR_ADAPTERS_DIR, PASAR_CACHE__REDIS__URL set but no --config given"), "{output}");
    assert!(!output.contains("RedisPw9"), "{output}");
}

#[test]
fn a_rate_of_zero_is_said_to_be_no_limit() {
    said("[limits]\nrate = { per_second = 0, burst = 0 }\n", "note: `[limits] rate` per_second = 0: no request limit");
}

#[test]
fn a_breaker_threshold_of_zero_is_said_to_be_no_breaker() {
    said("[defaults]\nbreaker_threshold = 0\n", "note: `[defaults] breaker_threshold` = 0: no circuit breaker");
}

#[test]
fn a_ready_min_of_zero_is_said_to_be_ready_whatever_is_reachable() {
    said("[telemetry]\nready_min = 0\n", "note: `[telemetry] ready_min` = 0: /readyz answers 200 whether");
}

#[test]
fn a_relative_adapters_dir_is_read_from_the_configuration_files_folder() {
    let dir = setup(&[jatim_bejo()], "");
    let file = dir.path().join("pasar.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    let relative: String = text.lines().filter(|l| !l.starts_with("adapters_dir")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&file, format!("{relative}adapters_dir = \"adapters\"\n")).expect("write");
    // Started in another folder: the adapters are found beside the file.
    let (code, printed) = pasar(&["check".as_ref(), "--config".as_ref(), file.as_os_str()]);
    assert_eq!(code, Some(0), "{printed}");
    assert!(printed.contains(&format!("in {}", dir.path().join("adapters").display())), "{printed}");
}

#[test]
fn serve_names_the_file_and_line_of_a_mistake() {
    let dir = setup(&[jatim_bejo()], "[defaults]\nretries = \"2\"\n");
    let file = dir.path().join("pasar.toml");
    let (code, printed) = pasar(&["serve".as_ref(), "--config".as_ref(), file.as_os_str()]);
    assert_eq!(code, Some(1), "{printed}");
    assert!(printed.contains(&format!("{}:4:11: `defaults.retries`", file.display())), "{printed}");
}

/// `pasar ARGS…` started in another folder than the tests': its exit code and all it printed.
fn pasar(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_pasar"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("pasar runs");
    let printed = String::from_utf8_lossy(&output.stderr).into_owned() + &String::from_utf8_lossy(&output.stdout);
    (output.status.code(), printed)
}
