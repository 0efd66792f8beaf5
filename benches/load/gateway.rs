//! The gateway under test (the release `pasar` binary, or the floor's relay) as a child process,
//! and what `/proc` says about it.

use pasar::sandbox::{RunningSandbox, SandboxOptions};
use std::fmt::Write as _;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `pasar serve`; killed when dropped.
pub struct Gateway {
    child: Child,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

impl Gateway {
    /// Starts `binary serve` over `sandboxes` with default settings, except the per-client rate
    /// limit (every connection comes from 127.0.0.1), loopback egress, and the adapters' cap of 16
    /// calls in flight per marketplace, raised to `calls_in_flight`: with 50 connections of
    /// uncached searches each marketplace is asked 50 calls at once, and under a cap of 16 the phase
    /// would measure the line in front of it (about 700 searches a second, the rest of the machine
    /// idle, each freed permit waking a search on the other worker) instead of what a search costs.
    pub async fn start(
        binary: &Path,
        sandboxes: &[RunningSandbox],
        options: &SandboxOptions,
        calls_in_flight: usize,
    ) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("pasar.toml");
        // The adapter files of the sandboxes searched, and only those: another marketplace's file
        // would send it every search at its real address.
        let adapters = dir.path().join("adapters");
        std::fs::create_dir(&adapters).expect("adapters dir");
        for s in sandboxes {
            let file = format!("{}.toml", s.kind().id());
            let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters").join(&file);
            std::fs::copy(from, adapters.join(file)).expect("adapter file");
        }
        let mut gateway = Self::start_with(binary, options, |port, command| {
            let mut toml = format!(
                "listen = \"127.0.0.1:{port}\"\nadapters_dir = \"{}\"\n[egress]\nallow_private = true\n\
                 [limits]\nrate = {{ per_second = 1000000, burst = 1000000 }}\n",
                adapters.display()
            );
            for s in sandboxes {
                let (id, url) = (s.kind().id(), s.base_url());
                let _ =
                    write!(toml, "[marketplaces.\"{id}\"]\nbase_url = \"{url}\"\nconcurrency = {calls_in_flight}\n");
            }
            std::fs::write(&config, toml).expect("config");
            command.args(["serve", "--config"]).arg(&config);
        })
        .await;
        gateway._dir = Some(dir);
        gateway
    }

    /// Starts `binary` on a free port, as `setup` (given the port) arranges its command line, with
    /// the sandboxes' credentials in its environment; answers once `GET /graphql` does.
    pub async fn start_with(binary: &Path, options: &SandboxOptions, setup: impl FnOnce(u16, &mut Command)) -> Self {
        let port = TcpListener::bind("127.0.0.1:0").expect("free port").local_addr().expect("addr").port();
        let mut command = Command::new(binary);
        setup(port, &mut command);
        let child = command
            .env(pasar::demo::MBIZ_TOKEN_ENV, &options.mbiz_token)
            .env(pasar::demo::EKATALOG_KEY_ENV, &options.ekatalog_key)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the gateway starts");
        let gateway = Self { child, url: format!("http://127.0.0.1:{port}/graphql"), _dir: None };
        gateway.wait_ready().await;
        gateway
    }

    async fn wait_ready(&self) {
        let client = reqwest::Client::builder().no_proxy().build().expect("client");
        for _ in 0..200 {
            let probe = client.get(format!("{}?query=%7B__typename%7D", self.url)).send().await;
            if probe.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the gateway did not answer within 10 s");
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// utime + stime of the gateway process so far.
    pub fn cpu_time(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).expect("/proc/<pid>/stat");
        // Fields after the command name (which may hold spaces) start at `state`, field 3.
        let after = stat.rsplit_once(") ").map(|(_, rest)| rest).unwrap_or_default();
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks: u64 = [11, 12].iter().filter_map(|&i| fields.get(i)?.parse::<u64>().ok()).sum();
        Duration::from_secs_f64(ticks as f64 / clock_ticks() as f64)
    }

    /// `VmHWM` of the gateway process, in MiB.
    pub fn peak_rss_mib(&self) -> f64 {
        status_kib(self.pid(), "VmHWM:") as f64 / 1024.0
    }

    /// `VmRSS` of the gateway process, in MiB.
    pub fn rss_mib(&self) -> f64 {
        status_kib(self.pid(), "VmRSS:") as f64 / 1024.0
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn status_kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with(key)).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// `getconf CLK_TCK`; 100 on every Linux this runs on, asked anyway.
fn clock_ticks() -> u64 {
    let out = Command::new("getconf").arg("CLK_TCK").output().ok();
    out.and_then(|o| String::from_utf8(o.stdout).ok()).and_then(|s| s.trim().parse().ok()).unwrap_or(100)
}
