//! `pasar serve --config` as its own process over in-process sandboxes, for tests that read what
//! the binary writes (logs) or set what only the process sees (environment).

use pasar::sandbox::{self, RunningSandbox, SandboxOptions};
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `pasar serve --config`, killed on drop.
pub struct Served {
    pub url: String,
    pub client: reqwest::Client,
    child: Child,
    /// What the process writes, read as it comes: a pipe nobody reads fills up (64 KiB) and then
    /// blocks the gateway's logging, and with it the gateway (`RUST_LOG=trace` gets there fast).
    stdout: Option<std::thread::JoinHandle<String>>,
    stderr: Option<std::thread::JoinHandle<String>>,
    _dir: tempfile::TempDir,
}

/// Reads the gateway's stdout to its end on a thread of its own, and hands over the address from
/// its "Pasar is serving GraphQL at http://…/graphql" line as soon as it is written. The gateway
/// binds port 0 and says which port it got: a port picked by the test and freed for the child to
/// bind was sometimes taken in between by another test's sandbox (the test then talked to it).
pub(crate) fn serving(
    stream: Option<impl Read + Send + 'static>,
) -> (std::sync::mpsc::Receiver<String>, Option<std::thread::JoinHandle<String>>) {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    let Some(stream) = stream else { return (rx, None) };
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        for line in std::io::BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(url) = line.split("serving GraphQL at ").nth(1).and_then(|rest| rest.split("/graphql").next()) {
                let _ = tx.send(url.to_string());
            }
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    (rx, Some(reader))
}

/// Reads `stream` to its end on a thread of its own.
fn drain(stream: Option<impl Read + Send + 'static>) -> Option<std::thread::JoinHandle<String>> {
    let mut stream = stream?;
    Some(std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        String::from_utf8(bytes).expect("the gateway's output is UTF-8")
    }))
}

fn joined(reader: Option<std::thread::JoinHandle<String>>) -> String {
    reader.map(|r| r.join().expect("reader thread")).unwrap_or_default()
}

impl Served {
    /// Serves `sandboxes` with `top` after the listen/adapters/egress lines and `per_marketplace`
    /// in each `[marketplaces.<id>]`. The sandboxes' secrets are set unless `env` sets them;
    /// `RUST_LOG` is unset unless `env` sets it. Waits until `/healthz` answers.
    pub async fn start(sandboxes: &[RunningSandbox], top: &str, per_marketplace: &str, env: &[(&str, &str)]) -> Self {
        let adapters = Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
        Self::start_over(&adapters, sandboxes, top, per_marketplace, env).await
    }

    /// [`Served::start`] with the adapter files of `adapters` instead of the repository's.
    pub async fn start_over(
        adapters: &Path,
        sandboxes: &[RunningSandbox],
        top: &str,
        per_marketplace: &str,
        env: &[(&str, &str)],
    ) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = format!(
            "listen = \"127.0.0.1:0\"\nadapters_dir = \"{}\"\n[egress]\nallow_private = true\n{top}\n",
            adapters.display()
        );
        for s in sandboxes {
            config +=
                &format!("[marketplaces.{}]\nbase_url = \"{}\"\n{per_marketplace}\n", s.kind().id(), s.base_url());
        }
        std::fs::write(dir.path().join("pasar.toml"), config).expect("config");
        let options = pasar::sandbox::SandboxOptions::default();
        let child = Command::new(env!("CARGO_BIN_EXE_pasar"))
            .args(["serve", "--config"])
            .arg(dir.path().join("pasar.toml"))
            .env(pasar::demo::MBIZ_TOKEN_ENV, &options.mbiz_token)
            .env(pasar::demo::EKATALOG_KEY_ENV, &options.ekatalog_key)
            .env_remove("RUST_LOG")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("gateway starts");
        let client = reqwest::Client::builder().no_proxy().build().expect("client");
        let mut child = child;
        let ((said, stdout), stderr) = (serving(child.stdout.take()), drain(child.stderr.take()));
        // A gateway that refuses to start says nothing: its test reads why from `exited()`.
        let url = tokio::task::spawn_blocking(move || said.recv_timeout(Duration::from_secs(30)))
            .await
            .expect("waited")
            .unwrap_or_else(|_| "http://127.0.0.1:9".into());
        // Said once bound; serving (and watching for reloads) once `/healthz` answers.
        for _ in 0..100 {
            if client.get(format!("{url}/healthz")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self { url, client, child, stdout, stderr, _dir: dir }
    }

    /// A gateway over every sandbox marketplace, each answering `latency` late (the gateway waits
    /// up to 10 s): requests that stay in flight long enough for a signal to meet them.
    pub async fn slowed(latency: Duration) -> (Self, Vec<RunningSandbox>) {
        let options = SandboxOptions { products: crate::helpers::TEST_PRODUCTS, ..SandboxOptions::default() };
        let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
        let gateway = Self::start(&sandboxes, "", "timeout = \"10s\"", &[]).await;
        for sandbox in &sandboxes {
            sandbox.faults().set_latency(latency);
        }
        (gateway, sandboxes)
    }

    /// The JSON answer to `body` posted to its `/graphql`.
    pub async fn graphql(&self, body: &serde_json::Value) -> serde_json::Value {
        let response = self.client.post(format!("{}/graphql", self.url)).json(body).send().await.expect("answer");
        response.json().await.expect("JSON")
    }

    /// The text of its `/metrics`.
    pub async fn metrics(&self) -> String {
        let response = self.client.get(format!("{}/metrics", self.url)).send().await.expect("metrics");
        response.text().await.expect("text")
    }

    /// Its `pasar.toml`.
    pub fn config_file(&self) -> std::path::PathBuf {
        self._dir.path().join("pasar.toml")
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().expect("the gateway's status").is_none()
    }

    /// Sends a signal (`-HUP`) to the process.
    pub fn signal(&self, signal: &str) {
        let sent = Command::new("kill").args([signal, &self.child.id().to_string()]).status().expect("kill runs");
        assert!(sent.success(), "{signal} sent");
    }

    /// Sends SIGTERM, waits for the process to finish its graceful shutdown, and returns what it
    /// wrote to stderr (the logs).
    pub fn terminate(self) -> String {
        self.signal("-TERM");
        self.exited()
    }

    /// Waits for the process to exit (after a signal sent by [`Served::signal`]) and returns
    /// what it wrote to stderr (the logs).
    pub fn exited(mut self) -> String {
        self.child.wait().expect("the gateway is reaped");
        joined(self.stderr.take())
    }

    /// Stops the process and returns what it wrote: (stdout, stderr).
    pub fn stop(mut self) -> (String, String) {
        self.child.kill().expect("the gateway is stopped");
        self.child.wait().expect("the gateway is reaped");
        (joined(self.stdout.take()), joined(self.stderr.take()))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until a marketplace of `sandboxes` has been asked: a request is in flight. Up to 30 s:
/// with the whole suite sharing two cores, a spawned debug gateway once took more than 10 s to
/// pass a request on, and the wait ends as soon as one arrives.
pub async fn until_asked(sandboxes: &[RunningSandbox]) {
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if sandboxes.iter().any(|s| s.requests_served() > 0) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no marketplace was asked within {:?}", started.elapsed());
}
