//! The shared level against a real `redis-server` on a free port (tests/run.sh installs it).

use super::{RedisLevel, RedisSettings};
use crate::cache::Record;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `redis-server` without persistence, killed on drop.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port", &port.to_string(), "--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server runs (tests/run.sh installs it: apt-get install redis-server)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "redis-server listens within 10 s");
            std::thread::sleep(Duration::from_millis(20));
        }
        Self { child, port }
    }

    async fn level(&self) -> RedisLevel {
        let level = RedisLevel::new(RedisSettings {
            url: format!("redis://127.0.0.1:{}", self.port),
            password: None,
            ca_pem: None,
            timeout: Duration::from_secs(2),
            lock_for: Duration::from_secs(1),
            namespace: "pasar-test".into(),
        })
        .expect("a good URL");
        assert!(level.connect().await, "Redis answers");
        level
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn record(id: &str, read_ms: u64, bytes: &str) -> Record {
    Record { id: id.into(), read_ms, bytes: bytes.as_bytes().to_vec() }
}

async fn kept(level: &RedisLevel, id: &str) -> Option<String> {
    level.get_record("offer", id).await.map(|bytes| String::from_utf8(bytes).expect("the bytes kept"))
}

/// review30c N3: a slow answer sent before a listing changed arrives after another instance kept
/// the changed listing; its older reading must not become what every instance answers with.
#[tokio::test]
async fn a_shared_record_is_never_replaced_by_one_read_earlier() {
    let server = Server::start();
    let (one, other) = (server.level().await, server.level().await);
    let ttl = Duration::from_secs(60);
    one.put_records("offer", vec![record("a", 2_000, "58000, read at 2 s")], ttl).await;
    other.put_records("offer", vec![record("a", 1_000, "50000, read at 1 s")], ttl).await;
    assert_eq!(kept(&one, "a").await.as_deref(), Some("58000, read at 2 s"));

    // The same reading again, or a later one, replaces it; each record of a write is decided alone.
    other.put_records("offer", vec![record("a", 2_000, "58000 again")], ttl).await;
    assert_eq!(kept(&one, "a").await.as_deref(), Some("58000 again"));
    let both = vec![record("a", 1_500, "older"), record("b", 1_500, "b, first reading")];
    one.put_records("offer", both, ttl).await;
    assert_eq!(kept(&other, "a").await.as_deref(), Some("58000 again"));
    assert_eq!(kept(&other, "b").await.as_deref(), Some("b, first reading"));
    other.put_records("offer", vec![record("a", 3_000, "60000, read at 3 s")], ttl).await;
    assert_eq!(kept(&one, "a").await.as_deref(), Some("60000, read at 3 s"));

    // Kept for the TTL asked, not for ever.
    let mut connection = one.connection();
    let left: i64 = redis::cmd("PTTL").arg(one.record_key("offer", "a")).query_async(&mut connection).await.unwrap();
    assert!((50_000..=60_000).contains(&left), "{left} ms left");
}
