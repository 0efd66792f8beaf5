//! A browser the tests can ask questions of while a page is open: Debian's headless Chromium
//! over the Chrome DevTools Protocol (a WebSocket), for what `--dump-dom` cannot tell: where an
//! element is laid out, what a page shows before it has finished loading. Only what the tests
//! use is here: open a tab, set its viewport, navigate, evaluate an expression.

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

const CHROMIUM: &str = "/usr/bin/chromium";

/// A running headless Chromium; stopped when dropped.
pub struct Browser {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

/// One tab of it.
pub struct Tab {
    socket: tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
    next: u64,
}

impl Browser {
    /// Starts Chromium with a fresh profile, reaching loopback only.
    pub fn launch() -> Self {
        assert!(std::path::Path::new(CHROMIUM).exists(), "{CHROMIUM} is missing: tests/run.sh installs it");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut child = Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let port = loop {
            let line = lines.next().expect("chromium says where DevTools listens").expect("a line");
            if let Some(rest) = line.strip_prefix("DevTools listening on ws://127.0.0.1:") {
                break rest.split('/').next().expect("port").parse().expect("a port number");
            }
        };
        // Keep reading so Chromium never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, port, _profile: profile }
    }

    /// A new blank tab with a `width` × `height` CSS-pixel viewport.
    pub async fn tab(&self, width: u32, height: u32, mobile: bool) -> Tab {
        let client = reqwest::Client::builder().no_proxy().build().expect("client");
        let target: Value = client
            .put(format!("http://127.0.0.1:{}/json/new?about:blank", self.port))
            .send()
            .await
            .expect("DevTools answers")
            .json()
            .await
            .expect("a target");
        let url = target["webSocketDebuggerUrl"].as_str().expect("a socket url");
        let (socket, _) = tokio_tungstenite::connect_async(url).await.expect("DevTools socket");
        let mut tab = Tab { socket, next: 0 };
        let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile });
        tab.call("Emulation.setDeviceMetricsOverride", metrics).await;
        tab
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Tab {
    /// Sends one command and waits for its answer (events in between are skipped).
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let message = json!({ "id": id, "method": method, "params": params }).to_string();
        self.socket.send(Message::text(message)).await.expect("send");
        let answer = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(message) = self.socket.next().await {
                let Ok(Message::Text(text)) = message else { continue };
                let value: Value = serde_json::from_str(&text).expect("JSON");
                if value["id"] == id {
                    return value;
                }
            }
            panic!("DevTools closed the socket");
        })
        .await
        .unwrap_or_else(|_| panic!("{method} got no answer in 60 s"));
        assert!(answer["error"].is_null(), "{method}: {answer}");
        answer["result"].clone()
    }

    /// Starts loading `url` (returns before it has loaded).
    pub async fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url })).await;
    }

    /// The value of a JavaScript expression in the page.
    pub async fn eval(&mut self, expression: &str) -> Value {
        let params = json!({ "expression": expression, "returnByValue": true, "awaitPromise": true });
        let result = self.call("Runtime.evaluate", params).await;
        assert!(result["exceptionDetails"].is_null(), "{expression}: {result}");
        result["result"]["value"].clone()
    }

    /// A PNG of the page's top `width` × `height` CSS pixels at `path`.
    pub async fn screenshot(&mut self, path: &std::path::Path, width: u32, height: u32) {
        use base64::Engine;
        let clip = json!({ "x": 0, "y": 0, "width": width, "height": height, "scale": 1 });
        let params = json!({ "format": "png", "captureBeyondViewport": true, "clip": clip });
        let shot = self.call("Page.captureScreenshot", params).await;
        let data = shot["data"].as_str().expect("image data");
        let png = base64::engine::general_purpose::STANDARD.decode(data).expect("base64");
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Waits until the page has loaded completely (at most 60 s).
    pub async fn loaded(&mut self) {
        for _ in 0..600 {
            if self.eval("document.readyState").await == "complete" {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the page did not finish loading in 60 s");
    }
}
