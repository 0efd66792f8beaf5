//! A real browser for the tests: Debian's headless Chromium, driven from the command line.
//!
//! Each call starts a fresh Chromium with an empty profile, loads one URL, lets its scripts run
//! (virtual time), and gives back the DOM, a screenshot or a PDF. No CDP client is needed for
//! that, and a missing browser fails the test loudly (tests/run.sh installs it).
//!
//! Network access is limited to loopback: every other host name resolves to nothing, so a page
//! that needs a CDN shows it by not working.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Where Debian's package puts the browser.
const CHROMIUM: &str = "/usr/bin/chromium";
/// How long a page may take before Chromium is stopped.
const DEADLINE: Duration = Duration::from_secs(60);

/// A page load: URL, window size and how long its scripts may run.
pub struct Page<'a> {
    pub url: &'a str,
    pub width: u32,
    pub height: u32,
    /// Virtual time given to the page's scripts and network, in milliseconds.
    pub budget_ms: u32,
}

impl<'a> Page<'a> {
    pub fn new(url: &'a str) -> Self {
        Self { url, width: 1280, height: 900, budget_ms: 5_000 }
    }

    pub fn width(mut self, width: u32) -> Self {
        self.width = width;
        self
    }

    /// The DOM after the page's scripts ran, serialised.
    pub fn dom(&self) -> String {
        let output = self.run(&["--dump-dom".into()]);
        String::from_utf8_lossy(&output).into_owned()
    }

    /// A PNG screenshot written to `path`.
    pub fn screenshot(&self, path: &Path) {
        self.run(&[format!("--screenshot={}", path.display())]);
        assert!(path.metadata().is_ok_and(|m| m.len() > 1_000), "no screenshot written to {}", path.display());
    }

    /// The page printed to a PDF at `path` (as a browser's print does, print styles applied).
    pub fn pdf(&self, path: &Path) {
        self.run(&[format!("--print-to-pdf={}", path.display()), "--no-pdf-header-footer".into()]);
        assert!(path.metadata().is_ok_and(|m| m.len() > 1_000), "no PDF written to {}", path.display());
    }

    fn run(&self, action: &[String]) -> Vec<u8> {
        assert!(
            Path::new(CHROMIUM).exists(),
            "{CHROMIUM} is missing: tests/run.sh installs it (apt-get install -y chromium)"
        );
        let profile = tempfile::tempdir().expect("profile dir");
        let mut command = Command::new(CHROMIUM);
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                // Only loopback resolves: a page that reaches for another host fails visibly.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--window-size={},{}", self.width, self.height))
            .arg(format!("--virtual-time-budget={}", self.budget_ms))
            .args(action)
            .arg(self.url)
            .stdin(std::process::Stdio::null());
        let output = run_with_deadline(command);
        assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    }
}

/// Runs `command`, killing it after [`DEADLINE`].
fn run_with_deadline(mut command: Command) -> std::process::Output {
    let child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let id = child.id();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(DEADLINE);
        // The process may have exited already; then there is nothing to kill.
        let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
    });
    let output = child.wait_with_output().expect("chromium output");
    drop(watchdog);
    output
}

/// Where screenshots and PDFs for people to look at are written: `target/browser/`.
pub fn artifact(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).expect("artifact dir");
    dir.join(name)
}

#[tokio::test]
async fn the_test_browser_runs_a_pages_script_and_prints_and_photographs_it() {
    let page = axum::Router::new().route(
        "/",
        axum::routing::get(|| async {
            axum::response::Html(
                "<html><body><p id=out>before</p>\
                 <script>document.getElementById('out').textContent = 'written by script ' + (6 * 7);</script>\
                 </body></html>",
            )
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, page).await });
    let dom = {
        let url = url.clone();
        tokio::task::spawn_blocking(move || Page::new(&url).dom()).await.expect("browser")
    };
    assert!(dom.contains("written by script 42"), "{dom}");
    let (png, pdf) = (artifact("selftest.png"), artifact("selftest.pdf"));
    tokio::task::spawn_blocking(move || {
        Page::new(&url).width(360).screenshot(&png);
        Page::new(&url).pdf(&pdf);
    })
    .await
    .expect("browser");
}
