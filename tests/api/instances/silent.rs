//! review40o R40o-6: a Redis connection the network went silent on (no reset: a lost NAT entry,
//! a hung proxy) is replaced, so the instance shares through Redis again once the network is.

use super::harness::{ADMIN_TOKEN, Instance, Redis, sandboxes};
use crate::helpers::{SEARCH, source};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A relay to Redis. While `silent` is set, every connection that carries a byte goes dead for
/// good: what either side sends is swallowed and the connection is never closed. Connections
/// opened after it is cleared relay again.
struct Relay {
    port: u16,
    silent: Arc<AtomicBool>,
}

impl Relay {
    async fn start(redis_port: u16) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let port = listener.local_addr().expect("its address").port();
        let silent = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&silent);
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let Ok(server) = TcpStream::connect(("127.0.0.1", redis_port)).await else { continue };
                let dead = Arc::new(AtomicBool::new(false));
                let (client_read, client_write) = client.into_split();
                let (server_read, server_write) = server.into_split();
                tokio::spawn(pump(client_read, server_write, Arc::clone(&flag), Arc::clone(&dead)));
                tokio::spawn(pump(server_read, client_write, Arc::clone(&flag), dead));
            }
        });
        Self { port, silent }
    }
}

async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    silent: Arc<AtomicBool>,
    dead: Arc<AtomicBool>,
) {
    let mut buffer = vec![0u8; 16 * 1024];
    while let Ok(read) = from.read(&mut buffer).await {
        if read == 0 {
            return;
        }
        if silent.load(Ordering::SeqCst) {
            dead.store(true, Ordering::SeqCst);
        }
        if !dead.load(Ordering::SeqCst) && to.write_all(&buffer[..read]).await.is_err() {
            return;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_the_network_went_silent_on_is_replaced_once_it_answers_again() {
    let redis = Redis::start();
    let relay = Relay::start(redis.port).await;
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &format!("redis://127.0.0.1:{}", relay.port), "").await;
    let search = |n: u32| a.graphql(SEARCH, json!({ "query": format!("kertas {n}"), "first": 5 }));
    assert_eq!(search(0).await["data"]["search"]["complete"], true);
    relay.silent.store(true, Ordering::SeqCst);
    let mut n = 1;
    while !a.metrics().await.contains("pasar_redis_up 0") {
        assert!(n < 20, "Redis is taken as away after commands time out");
        search(n).await;
        n += 1;
    }
    relay.silent.store(false, Ordering::SeqCst);
    for attempt in 0.. {
        assert!(attempt < 40, "Redis is used again within 10 s of the network answering: {}", a.metrics().await);
        tokio::time::sleep(Duration::from_millis(250)).await;
        search(100 + attempt).await;
        if a.metrics().await.contains("pasar_redis_up 1") {
            break;
        }
    }
}

async fn purge_mbiz(instance: &Instance) {
    let purge = r#"mutation { purgeCache(marketplace: "mbiz") { marketplace } }"#;
    let bearer = format!("Bearer {ADMIN_TOKEN}");
    let purged: serde_json::Value =
        instance.post(purge, json!({}), &[("authorization", &bearer)]).await.json().await.expect("JSON");
    assert_eq!(purged["data"]["purgeCache"]["marketplace"], "mbiz", "{purged}");
}

/// The listener's own connection goes silent too: the purge sent over it is swallowed, and
/// without a ping nothing ever tells it, so every later purge would be missed as well.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listener_the_network_went_silent_on_hears_other_instances_purges_again() {
    let redis = Redis::start();
    let relay = Relay::start(redis.port).await;
    let sandboxes = sandboxes().await;
    let a = Instance::start(&sandboxes, &format!("redis://127.0.0.1:{}", relay.port), "").await;
    let b = Instance::start(&sandboxes, &redis.url(), "").await;
    let search = || a.graphql(SEARCH, json!({ "query": "kertas hvs", "first": 5 }));
    search().await;
    relay.silent.store(true, Ordering::SeqCst);
    purge_mbiz(&b).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    relay.silent.store(false, Ordering::SeqCst);
    // A's own copy stays (it heard nothing) until a purge reaches it again.
    for attempt in 0.. {
        assert!(attempt < 30, "A hears B's purges within 15 s of the network answering");
        search().await;
        assert_eq!(source(&search().await, "mbiz")["cache"], "HIT");
        purge_mbiz(&b).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        if source(&search().await, "mbiz")["cache"] == "MISS" {
            break;
        }
    }
}
