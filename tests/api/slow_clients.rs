//! Slow and idle clients cannot take the gateway down: the `pasar` binary, run under a 1 024
//! file-descriptor limit, is held by more half-open connections than that from one address while a
//! normal client, a slow-drip body and an idle keep-alive are timed against it.
//!
//! Figures are printed with `--nocapture`.
//!
//! The suite runs on a loaded 2-core machine: the timeouts are long enough that every bound sits
//! seconds away from what it tells apart (a starved client waits a whole header timeout).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

const FD_LIMIT: usize = 1024;
/// Half-open connections the attacker opens: more than the gateway has descriptors.
const ATTACK: usize = 1_100;
const PER_CLIENT: usize = 200;
const HEADER_TIMEOUT: Duration = Duration::from_secs(6);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(8);
/// The longest a normal request may take while the attack runs. A starved client would wait for
/// the attacker's slots to be freed by the header timeout (6 s); a connect that meets a full
/// listen backlog during the attack's first second is retried by the kernel after 1 s, which is
/// not starvation, so the bound sits between the two.
const ANSWERED_WITHIN: Duration = Duration::from_millis(4_000);
/// The median normal request: served at once, not queued behind the attack (which would take
/// seconds); a loaded machine's scheduling delays stay well below this.
const MEDIAN_WITHIN: Duration = Duration::from_millis(1_000);
/// What a close may come after its timeout, seen by a test process that shares two cores with
/// the gateway and the other tests: half a header timeout.
const LATE: Duration = Duration::from_secs(3);
/// The normal client's pause between requests.
const PROBE_PAUSE: Duration = Duration::from_millis(20);

const ATTACKER: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);
const DRIPPER: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 3);
const IDLER: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 4);

/// The gateway process, stopped when dropped so a failing test leaves nothing running.
struct Gateway {
    child: Child,
    address: SocketAddr,
    log: tempfile::NamedTempFile,
    _dir: tempfile::TempDir,
}

impl Gateway {
    /// Starts `pasar serve` under `prlimit`; the header timeout comes from the environment to
    /// exercise `PASAR_HTTP__…`, the rest from the `[http]` section of the file.
    async fn start() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = format!(
            "listen = \"127.0.0.1:0\"\nadapters_dir = \"{}/adapters\"\n[http]\nrequest_timeout = \"{}s\"\n\
             max_connections_per_client = {PER_CLIENT}\n",
            env!("CARGO_MANIFEST_DIR"),
            REQUEST_TIMEOUT.as_secs()
        );
        std::fs::write(dir.path().join("pasar.toml"), config).expect("config");
        let log = tempfile::NamedTempFile::new().expect("log file");
        let mut child = Command::new("prlimit")
            .arg(format!("--nofile={FD_LIMIT}:{FD_LIMIT}"))
            .arg("--")
            .arg(env!("CARGO_BIN_EXE_pasar"))
            .args(["serve", "--config"])
            .arg(dir.path().join("pasar.toml"))
            .env("PASAR_HTTP__HEADER_TIMEOUT", format!("{}s", HEADER_TIMEOUT.as_secs()))
            .env("MBIZ_TOKEN", "unused")
            .env("EKATALOG_API_KEY", "unused")
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(log.reopen().expect("log handle"))
            .spawn()
            .expect("prlimit (util-linux) runs the gateway");
        // It binds port 0 and says which it got (see `served::serving`).
        let (said, _stdout) = crate::served::serving(child.stdout.take());
        let said = tokio::task::spawn_blocking(move || said.recv_timeout(Duration::from_secs(30))).await;
        let address = said.expect("waited").ok().and_then(|url| url.strip_prefix("http://")?.parse().ok());
        let Some(address) = address else {
            let _ = child.kill();
            panic!("the gateway did not start: {}", std::fs::read_to_string(log.path()).unwrap_or_default());
        };
        Self { child, address, log, _dir: dir }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }

    /// SIGTERM, as an operator would, then the log once the gateway has drained and exited.
    fn stop(mut self) -> String {
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return self.log();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the gateway did not exit within 5 s of SIGTERM: {}", self.log());
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn connect_from(source: Ipv4Addr, server: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(IpAddr::V4(source), 0))?;
    tokio::time::timeout(Duration::from_secs(2), socket.connect(server)).await?
}

/// How long after `since` the server closed `stream` (or reset it); `None` if still open at `limit`.
async fn closed_after(mut stream: TcpStream, since: Instant, limit: Duration) -> Option<Duration> {
    let mut buf = [0u8; 1024];
    let closed = tokio::time::timeout(limit, async {
        while let Ok(n) = stream.read(&mut buf).await {
            if n == 0 {
                break;
            }
        }
    });
    closed.await.ok().map(|()| since.elapsed())
}

/// Opens `count` connections from the attacker's address, each with headers that never finish,
/// and returns how long opening took and, per connection, when it was closed after its opening.
async fn attack(server: SocketAddr, count: usize) -> (Duration, Vec<tokio::task::JoinHandle<Option<Duration>>>) {
    let started = Instant::now();
    let mut watchers = Vec::with_capacity(count);
    // In waves, so all are open well before the first header timeout frees a slot.
    for wave in (0..count).collect::<Vec<_>>().chunks(100) {
        watchers.extend(futures::future::join_all(wave.iter().map(|_| half_open(server))).await);
    }
    (started.elapsed(), watchers)
}

async fn half_open(server: SocketAddr) -> tokio::task::JoinHandle<Option<Duration>> {
    let opened = Instant::now();
    match connect_from(ATTACKER, server).await {
        Ok(mut stream) => {
            // A write may fail on a connection the server already closed: that is a close.
            let _ = stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: pasar\r\n").await;
            tokio::spawn(closed_after(stream, opened, HEADER_TIMEOUT * 3))
        }
        Err(_) => tokio::spawn(async { Some(Duration::ZERO) }),
    }
}

/// Normal requests, each on a new connection so every one goes through the accept loop, until
/// `until`; returns their latencies.
async fn probe(server: SocketAddr, until: Instant) -> Vec<Duration> {
    let client = reqwest::Client::builder().no_proxy().pool_max_idle_per_host(0).build().expect("client");
    let mut latencies = Vec::new();
    while Instant::now() < until {
        let sent = Instant::now();
        let response = client
            .post(format!("http://{server}/graphql"))
            .json(&serde_json::json!({ "query": "{ __typename }" }))
            .timeout(Duration::from_secs(5))
            .send()
            .await
            .expect("the normal client is answered");
        assert!(response.status().is_success(), "{}", response.status());
        latencies.push(sent.elapsed());
        tokio::time::sleep(PROBE_PAUSE).await;
    }
    latencies
}

/// Sends a body one byte a second; returns the server's answer and when it came.
async fn drip(server: SocketAddr) -> (String, Duration) {
    let stream = connect_from(DRIPPER, server).await.expect("dripper connects");
    let (mut reader, mut writer) = stream.into_split();
    let head = "POST /graphql HTTP/1.1\r\nHost: pasar\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n";
    writer.write_all(head.as_bytes()).await.expect("headers sent");
    let sent = Instant::now();
    let dripping = tokio::spawn(async move {
        for _ in 0..64 {
            if writer.write_all(b" ").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(REQUEST_TIMEOUT * 3, reader.read_to_end(&mut answer)).await;
    dripping.abort();
    assert!(read.is_ok(), "the dripping connection was never cut");
    (String::from_utf8_lossy(&answer).into_owned(), sent.elapsed())
}

/// Completes one request, then idles; returns how long the kept-alive connection stayed open.
async fn idle_keep_alive(server: SocketAddr) -> Option<Duration> {
    let mut stream = connect_from(IDLER, server).await.expect("idler connects");
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: pasar\r\n\r\n").await.expect("request sent");
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    while !answer.ends_with(b"ok") {
        let n = stream.read(&mut buf).await.expect("answer");
        assert!(n > 0, "closed before answering: {}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&buf[..n]);
    }
    closed_after(stream, Instant::now(), HEADER_TIMEOUT * 3).await
}

/// The sum of the numbers after `key` over every summary line of the log.
fn summed(log: &str, key: &str) -> usize {
    log.split(key)
        .skip(1)
        .filter_map(|rest| rest.split(|c: char| !c.is_ascii_digit()).next()?.parse::<usize>().ok())
        .sum()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_open_connections_beyond_the_descriptor_limit_starve_no_one_and_are_closed_after_the_header_timeout() {
    // The attacker's own sockets need descriptors too.
    let ours = rlimit::increase_nofile_limit(u64::try_from(ATTACK * 2).expect("small")).expect("our fd limit");
    assert!(ours as usize > ATTACK + 100, "this test needs {} descriptors, has {ours}", ATTACK + 100);
    let gateway = Gateway::start().await;
    let server = gateway.address;
    let until = Instant::now() + HEADER_TIMEOUT + Duration::from_secs(2);
    let normal = tokio::spawn(probe(server, until));
    let dripped = tokio::spawn(drip(server));
    let idled = tokio::spawn(idle_keep_alive(server));
    let (opening, watchers) = attack(server, ATTACK).await;
    let mut closes = Vec::new();
    for watcher in watchers {
        closes.push(watcher.await.expect("watcher"));
    }
    let latencies = normal.await.expect("normal client");
    let (answer, cut_after) = dripped.await.expect("dripper");
    let idle_closed = idled.await.expect("idler");
    let log = gateway.stop();

    assert!(ATTACK > FD_LIMIT && closes.len() == ATTACK);
    assert!(
        closes.iter().all(Option::is_some),
        "{} connections were still open",
        closes.iter().filter(|c| c.is_none()).count()
    );
    let closes: Vec<Duration> = closes.into_iter().flatten().collect();
    let held: Vec<Duration> = closes.iter().copied().filter(|c| *c >= HEADER_TIMEOUT / 2).collect();
    let at_once = closes.len() - held.len();
    let held_longest = held.iter().max().copied().unwrap_or_default();
    let held_shortest = held.iter().min().copied().unwrap_or_default();
    let mut sorted = latencies.clone();
    sorted.sort();
    eprintln!(
        "attack: {ATTACK} half-open connections opened in {opening:?}; held {} (closed after {held_shortest:?}..{held_longest:?}), \
         {at_once} closed at once; normal client: {} requests, p99 {:?}, max {:?}; drip cut after {cut_after:?}; \
         idle keep-alive closed after {idle_closed:?}",
        held.len(),
        sorted.len(),
        percentile(&sorted, 0.99),
        sorted.last(),
    );
    // Slots freed by the header timeout would let later connections in: the attack must be quicker.
    assert!(opening < HEADER_TIMEOUT - Duration::from_millis(500), "opening {ATTACK} connections took {opening:?}");
    assert_eq!(held.len(), PER_CLIENT, "the attacker holds exactly its share of connections");
    assert!(held_shortest >= HEADER_TIMEOUT - Duration::from_millis(100), "closed early: {held_shortest:?}");
    assert!(held_longest <= HEADER_TIMEOUT + LATE, "closed late: {held_longest:?}");
    assert!(sorted.len() >= 20, "the normal client made only {} requests", sorted.len());
    assert!(sorted.iter().all(|l| *l < ANSWERED_WITHIN), "slowest normal request: {:?}", sorted.last());
    assert!(percentile(&sorted, 0.5) < MEDIAN_WITHIN, "median normal request: {:?}", percentile(&sorted, 0.5));
    // Served while the attacker still held its connections, not only once the timeout freed them.
    let during_attack = latencies
        .iter()
        .scan(Duration::ZERO, |done, latency| {
            *done += *latency + PROBE_PAUSE;
            Some(*done)
        })
        .take_while(|done| *done < HEADER_TIMEOUT - Duration::from_millis(200))
        .count();
    assert!(during_attack >= 20, "only {during_attack} normal requests were answered while the attack held");
    assert!(answer.starts_with("HTTP/1.1 408"), "the dripped body was answered: {answer}");
    assert!(
        cut_after >= REQUEST_TIMEOUT - Duration::from_millis(100) && cut_after <= REQUEST_TIMEOUT + LATE,
        "drip cut after {cut_after:?}"
    );
    let idle_closed = idle_closed.expect("the idle keep-alive connection was closed");
    assert!(
        idle_closed >= HEADER_TIMEOUT - Duration::from_millis(100) && idle_closed <= HEADER_TIMEOUT + LATE,
        "idle keep-alive closed after {idle_closed:?}"
    );
    assert!(log.contains("fd_soft_limit=1024") && log.contains("max_connections=896"), "{log}");
    assert_eq!(summed(&log, "at_per_client_cap="), ATTACK - PER_CLIENT, "the refusals are summarised: {log}");
    assert_eq!(summed(&log, "at_total_cap="), 0, "{log}");
    assert!(!log.contains("Too many open files"), "{log}");
}
