use super::*;

// SHA-256 of "s3cret".
const KEY_HASH: &str = "a4d5ba9d9d0d4f5aee43f1d7a5ab0e9a9ab4f0d37f1b6bc8f6b6d8d6bd0e3d1f";

fn clients(per_second: u32, burst: u32) -> Clients {
    let hash = hex(&Sha256::digest(b"s3cret"));
    let mut table = BTreeMap::new();
    let rate = Some(RateLimit { per_second: 1, burst: 3 });
    table.insert("kominfo".to_string(), ClientConfig { key_sha256: hash, rate, scopes: vec!["admin".into()] });
    Clients::new(&RateLimit { per_second, burst }, &table).expect("clients")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn ip(text: &str) -> Option<IpAddr> {
    Some(text.parse().expect("address"))
}

#[test]
fn a_configured_key_names_its_client_and_an_unknown_key_counts_as_the_address() {
    let clients = clients(1, 1);
    assert_eq!(clients.identify(Some("s3cret"), ip("10.0.0.1")), Client::Named("kominfo".into()));
    assert_eq!(clients.identify(Some("guess"), ip("10.0.0.1")), Client::Address(ip("10.0.0.1")));
    assert_eq!(clients.identify(None, ip("10.0.0.1")), Client::Address(ip("10.0.0.1")));
}

/// How many of `count` requests from `client` pass.
async fn passed(clients: &Clients, client: impl Fn(usize) -> Client, count: usize) -> usize {
    let mut passed = 0;
    for i in 0..count {
        passed += usize::from(clients.check(&client(i)).await.is_ok());
    }
    passed
}

#[tokio::test]
async fn rotating_unknown_keys_never_buys_a_fresh_budget() {
    let clients = clients(1, 2);
    let rotating = |i| clients.identify(Some(&format!("key-{i}")), ip("10.0.0.9"));
    assert_eq!(passed(&clients, rotating, 10).await, 2);
}

#[tokio::test]
async fn ipv6_addresses_of_one_slash_64_share_a_budget_and_other_prefixes_do_not() {
    let clients = clients(1, 1);
    let first = clients.identify(None, ip("2001:db8:1:2::1"));
    let same_line = clients.identify(None, ip("2001:db8:1:2:ffff::7"));
    let other_line = clients.identify(None, ip("2001:db8:1:3::1"));
    assert_eq!(first, same_line);
    assert!(clients.check(&first).await.is_ok());
    assert!(clients.check(&same_line).await.is_err());
    assert!(clients.check(&other_line).await.is_ok());
}

#[test]
fn an_ipv4_client_over_an_ipv6_socket_is_the_same_client() {
    let clients = clients(1, 1);
    assert_eq!(clients.identify(None, ip("::ffff:10.0.0.1")), clients.identify(None, ip("10.0.0.1")));
}

#[tokio::test]
async fn a_configured_client_has_its_own_budget_and_scopes() {
    let clients = clients(100, 100);
    let named = clients.identify(Some("s3cret"), ip("10.0.0.1"));
    assert_eq!(passed(&clients, |_| named.clone(), 10).await, 3, "its own burst of 3, not the default 100");
    assert!(clients.has_scope(&named, Scope::Admin));
    assert!(!clients.has_scope(&clients.identify(None, ip("10.0.0.1")), Scope::Admin));
}

#[test]
fn a_key_written_in_place_of_its_hash_is_refused_at_start() {
    let mut table = BTreeMap::new();
    table.insert("x".into(), ClientConfig { key_sha256: "s3cret".into(), rate: None, scopes: vec![] });
    assert!(Clients::new(&RateLimit::default(), &table).is_err());
    table.insert("x".into(), ClientConfig { key_sha256: KEY_HASH.replace('a', "g"), rate: None, scopes: vec![] });
    assert!(Clients::new(&RateLimit::default(), &table).is_err());
}

#[tokio::test]
async fn a_large_body_takes_a_unit_of_budget_per_64_kib_beyond_the_first_and_never_more_than_a_burst() {
    assert_eq!((cost_of_body(None), cost_of_body(Some(65_535)), cost_of_body(Some(200 * 1024))), (1, 1, 4));
    let clients = clients(1, 12);
    let address = Client::Address(ip("10.0.0.9"));
    let mut passed = 0;
    for _ in 0..5 {
        passed += usize::from(clients.check_weighted(&address, 4).await.is_ok());
    }
    assert_eq!(passed, 3, "a burst of 12 holds three requests costing 4");
    let other = Client::Address(ip("10.0.0.10"));
    assert!(clients.check_weighted(&other, u32::MAX).await.is_ok(), "a cost over the burst takes the whole burst");
    assert!(clients.check(&other).await.is_err(), "and leaves nothing");
}
