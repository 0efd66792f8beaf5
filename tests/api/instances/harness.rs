//! A real `redis-server` on a free port and `pasar serve --config` processes pointed at it.

use crate::helpers::{TEST_PRODUCTS, catalogue};
use pasar::sandbox::{self, RunningSandbox, SandboxOptions};
use serde_json::{Value, json};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// A `redis-server` without persistence, killed on drop.
pub struct Redis {
    pub port: u16,
    child: Option<Child>,
    /// With TLS: the directory of its CA and server certificates.
    tls: Option<tempfile::TempDir>,
    password: Option<String>,
}

impl Redis {
    /// Starts one on a free port; fails loudly when `redis-server` is not installed.
    pub fn start() -> Self {
        let mut redis = Self { port: free_port(), child: None, tls: None, password: None };
        redis.restart();
        redis
    }

    /// Starts one speaking only TLS, with a certificate from a CA of its own, requiring
    /// `password`; certificates are made with the `openssl` command.
    pub fn start_tls(password: &str) -> Self {
        let dir = tempfile::tempdir().expect("a directory for certificates");
        make_certificates(dir.path());
        let mut redis = Self { port: free_port(), child: None, tls: Some(dir), password: Some(password.into()) };
        redis.restart();
        redis
    }

    /// URL of this server: `rediss://` with TLS.
    pub fn url(&self) -> String {
        let scheme = if self.tls.is_some() { "rediss" } else { "redis" };
        format!("{scheme}://127.0.0.1:{}", self.port)
    }

    /// The CA certificate a TLS server's certificate is signed by.
    pub fn ca_file(&self) -> std::path::PathBuf {
        self.tls.as_ref().expect("a TLS server").path().join("ca.crt")
    }

    fn arguments(&self) -> Vec<String> {
        let port = self.port.to_string();
        let mut arguments: Vec<String> =
            ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"].map(String::from).into();
        match &self.tls {
            None => arguments.extend(["--port".into(), port]),
            Some(dir) => {
                let file = |name: &str| dir.path().join(name).display().to_string();
                arguments.extend(["--port".into(), "0".into(), "--tls-port".into(), port]);
                arguments.extend([
                    "--tls-cert-file".into(),
                    file("server.crt"),
                    "--tls-key-file".into(),
                    file("server.key"),
                ]);
                arguments.extend([
                    "--tls-ca-cert-file".into(),
                    file("ca.crt"),
                    "--tls-auth-clients".into(),
                    "no".into(),
                ]);
            }
        }
        if let Some(password) = &self.password {
            arguments.extend(["--requirepass".into(), password.clone()]);
        }
        arguments
    }

    /// Starts the server again on the same port (empty: it keeps nothing on disk).
    pub fn restart(&mut self) {
        let child = Command::new("redis-server")
            .args(self.arguments())
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server runs (tests/run.sh installs it: apt-get install redis-server)");
        self.child = Some(child);
        wait_for_port(self.port);
    }

    /// Sets `parameter` of the running server (`CONFIG SET`, with `redis-cli`).
    pub fn config_set(&self, parameter: &str, value: &str) {
        let output = Command::new("redis-cli")
            .args(["-p", &self.port.to_string(), "config", "set", parameter, value])
            .output()
            .expect("redis-cli runs (it comes with redis-server)");
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(said.trim() == "OK", "CONFIG SET {parameter} {value}: {said}");
    }

    /// Kills the server at once, as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A CA and a server certificate for 127.0.0.1 signed by it, in `dir`.
fn make_certificates(dir: &std::path::Path) {
    let openssl = |arguments: &[&str]| {
        let status = Command::new("openssl")
            .args(arguments)
            .current_dir(dir)
            .stderr(Stdio::null())
            .status()
            .expect("openssl runs");
        assert!(status.success(), "openssl {arguments:?} failed");
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=Pasar test CA",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    std::fs::write(dir.join("san.ext"), "subjectAltName=IP:127.0.0.1\n").expect("extension file");
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.crt",
        "-days",
        "2",
        "-extfile",
        "san.ext",
    ]);
}

fn wait_for_port(port: u16) {
    for _ in 0..200 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("nothing listens on port {port} after 2 s");
}

/// The sandbox marketplaces, in this process so their counters can be read.
pub async fn sandboxes() -> Vec<RunningSandbox> {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let mut running = Vec::new();
    for kind in sandbox::MarketplaceKind::all() {
        let address = "127.0.0.1:0".parse().expect("loopback");
        running.push(sandbox::spawn(*kind, catalogue(), &options, address).await.expect("sandbox starts"));
    }
    running
}

/// Search calls all sandboxes have served.
pub fn upstream_calls(sandboxes: &[RunningSandbox]) -> u64 {
    sandboxes.iter().map(RunningSandbox::requests_served).sum()
}

/// One `pasar serve` process, killed on drop.
pub struct Instance {
    pub url: String,
    pub client: reqwest::Client,
    config: tempfile::NamedTempFile,
    env: Vec<(String, String)>,
    child: Option<Child>,
}

impl Instance {
    /// Starts an instance over `sandboxes` using the Redis at `redis_url`; `extra` follows the
    /// `url` line of `[cache.redis]` in its configuration file (keys there, or further tables).
    pub async fn start(sandboxes: &[RunningSandbox], redis_url: &str, extra: &str) -> Self {
        Self::start_with_env(sandboxes, redis_url, extra, &[]).await
    }

    /// As [`start`](Self::start), with extra environment variables (secrets).
    pub async fn start_with_env(
        sandboxes: &[RunningSandbox],
        redis_url: &str,
        extra: &str,
        env: &[(&str, &str)],
    ) -> Self {
        // The free port is free when asked, not necessarily when the process binds it (another
        // test may take it first): then the process exits, and it is started on another.
        for _ in 0..5 {
            let mut instance = Self::configured(free_port(), sandboxes, redis_url, extra, env);
            if instance.launch().await.is_ok() {
                return instance;
            }
        }
        panic!("pasar serve could not bind a free port in 5 tries");
    }

    fn configured(port: u16, sandboxes: &[RunningSandbox], redis_url: &str, extra: &str, env: &[(&str, &str)]) -> Self {
        // Sharing is under test, not Redis's deadline nor the marketplaces': on a loaded CI machine
        // a command can take more than the default 50 ms, and a cold load more than half of a
        // short marketplace deadline (how long another instance waits for it), either of which
        // would rightly make each instance go it alone.
        let mut text = format!(
            "listen = \"127.0.0.1:{port}\"\nadapters_dir = \"{}/adapters\"\n[egress]\nallow_private = true\n\
             [http]\nmax_connections_per_client = 2000\n\
             [cache.redis]\nurl = \"{redis_url}\"\ntimeout = \"2s\"\n{extra}\n",
            env!("CARGO_MANIFEST_DIR")
        );
        for s in sandboxes {
            text += &format!("[marketplaces.{}]\nbase_url = \"{}\"\ntimeout = \"10s\"\n", s.kind().id(), s.base_url());
        }
        let config = tempfile::Builder::new().suffix(".toml").tempfile().expect("a config file");
        std::fs::write(config.path(), text).expect("the config is written");
        let client = reqwest::Client::builder().no_proxy().build().expect("client");
        let env = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Self { url: format!("http://127.0.0.1:{port}"), client, config, env, child: None }
    }

    /// Starts the process again with the same configuration (after [`kill`](Self::kill)).
    pub async fn restart(&mut self) {
        if let Err(why) = self.launch().await {
            panic!("pasar serve did not start again: {why}");
        }
    }

    /// Starts the process; ready once its own `/healthz` answers 200 (a 404 is another server on
    /// the port, which the process then failed to bind).
    async fn launch(&mut self) -> Result<(), String> {
        let options = SandboxOptions::default();
        let child = Command::new(env!("CARGO_BIN_EXE_pasar"))
            .args(["serve", "--config"])
            .arg(self.config.path())
            .env(pasar::demo::MBIZ_TOKEN_ENV, &options.mbiz_token)
            .env(pasar::demo::EKATALOG_KEY_ENV, &options.ekatalog_key)
            .env("PASAR_ADMIN_TOKEN", ADMIN_TOKEN)
            .env("RUST_LOG", "warn")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::null())
            .spawn()
            .expect("pasar serve starts");
        let child = self.child.insert(child);
        for _ in 0..100 {
            if let Ok(Some(status)) = child.try_wait() {
                self.child = None;
                return Err(format!("it exited ({status}); was {} taken?", self.url));
            }
            let answer = self.client.get(format!("{}/healthz", self.url)).send().await;
            if answer.is_ok_and(|a| a.status() == 200) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err("no 200 from /healthz within 5 s".into())
    }

    /// Kills the process at once.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// POSTs a GraphQL request; `None` when the request failed at the HTTP level.
    pub async fn post(&self, query: &str, variables: Value, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.post(format!("{}/graphql", self.url)).json(&json!({
            "query": query, "variables": variables
        }));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("the instance answers")
    }

    /// The instance's `/metrics` text (it listens on loopback, so no token is needed).
    pub async fn metrics(&self) -> String {
        let response = self.client.get(format!("{}/metrics", self.url)).send().await.expect("metrics");
        assert_eq!(response.status(), 200);
        response.text().await.expect("text")
    }

    /// POSTs a GraphQL request and returns its JSON; asserts HTTP 200.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let response = self.post(query, variables, &[]).await;
        assert_eq!(response.status(), 200, "{} answered", self.url);
        response.json().await.expect("a JSON answer")
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The admin token every instance is started with.
pub const ADMIN_TOKEN: &str = "instances-admin-token";
