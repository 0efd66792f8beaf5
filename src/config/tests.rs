//! Reading `listen` and durations from the configuration file.

use super::*;

#[test]
fn a_listen_address_may_be_an_ip_address_or_a_host_name_with_a_port() {
    assert_eq!(parse_listen("0.0.0.0:8080"), Ok(SocketAddr::from(([0, 0, 0, 0], 8080))));
    assert_eq!(parse_listen("[::1]:8080"), Ok("[::1]:8080".parse().expect("v6")));
    let local = parse_listen("localhost:8080").expect("localhost resolves");
    assert!(local.ip().is_loopback() && local.port() == 8080, "{local}");
}

#[test]
fn a_listen_address_without_a_port_or_with_an_unknown_host_is_refused_with_the_reason() {
    assert!(parse_listen("localhost").is_err_and(|e| e.contains("needs a port")));
    assert!(parse_listen("localhost:http").is_err_and(|e| e.contains("not a port")));
    assert!(parse_listen("no-such-host.invalid:80").is_err_and(|e| e.contains("does not resolve")));
}

#[test]
fn the_configuration_file_takes_a_host_name_for_listen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pasar.toml");
    std::fs::write(&file, "listen = \"localhost:0\"\n").expect("write");
    let config = Config::load(Some(&file)).expect("loads");
    assert!(config.listen.ip().is_loopback());
}

#[test]
fn a_duration_that_does_not_read_says_how_to_write_one_and_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pasar.toml");
    std::fs::write(&file, "[defaults]\ntimeout = \"banana\"\n").expect("write");
    let error = Config::load(Some(&file)).expect_err("refused").to_string();
    assert!(error.contains("`banana` is not a duration like \"800ms\" or \"2s\""), "{error}");
    assert!(error.contains("defaults.timeout"), "{error}");
}
