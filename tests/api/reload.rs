//! Adapters reloaded without a restart: a change in the adapters folder (or `SIGHUP`) swaps the
//! registry while requests keep being served; an invalid file keeps the old adapters.

use crate::helpers::{SEARCH, TEST_PRODUCTS, TestApp, TestOptions, source, spawn_app_with};
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const MARKETPLACES: &str = "{ marketplaces { id name } }";

pub(crate) fn repo_adapter(id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters").join(format!("{id}.toml"));
    std::fs::read_to_string(path).expect("adapter file")
}

/// The repository's adapter files but `except`, in a folder of their own.
pub(crate) fn adapters_except(except: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for id in ["bela", "ekatalog", "jatim-bejo", "mbiz", "padi-umkm"].iter().filter(|id| !except.contains(id)) {
        std::fs::write(dir.path().join(format!("{id}.toml")), repo_adapter(id)).expect("write");
    }
    dir
}

pub(crate) fn over(dir: &Path, timeout: Duration) -> TestOptions {
    let path: PathBuf = dir.to_path_buf();
    TestOptions { timeout, configure: Arc::new(move |c| c.adapters_dir = path.clone()), ..TestOptions::default() }
}

/// (id, name) of every marketplace served.
pub(crate) async fn served(app: &TestApp) -> Vec<(String, String)> {
    let answer = app.graphql(MARKETPLACES, json!({})).await;
    let list = answer["data"]["marketplaces"].as_array().cloned().unwrap_or_default();
    list.iter().map(|m| (m["id"].as_str().unwrap_or("").into(), m["name"].as_str().unwrap_or("").into())).collect()
}

/// Waits (up to a generous 20 s) until the marketplaces served satisfy `done`.
pub(crate) async fn until(app: &TestApp, what: &str, done: impl Fn(&[(String, String)]) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let now = served(app).await;
        if done(&now) {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: still {now:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One search; `Err` says why it counts as failed.
async fn search(app: &TestApp, query: &str) -> Result<(), String> {
    let body = json!({ "query": SEARCH, "variables": { "query": query, "first": 5 } });
    let response = app.client.post(format!("{}/graphql", app.address)).json(&body).send().await;
    let response = response.map_err(|e| e.to_string())?;
    if response.status() != 200 {
        return Err(format!("HTTP {}", response.status()));
    }
    let answer: Value = response.json().await.map_err(|e| e.to_string())?;
    let complete = answer["data"]["search"]["complete"] == true && answer.get("errors").is_none();
    if complete { Ok(()) } else { Err(answer.to_string().chars().take(600).collect()) }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_reloads_under_load_fail_no_request_and_a_new_adapter_answers_after_its_reload() {
    let dir = adapters_except(&["padi-umkm"]);
    // A generous deadline: this test is about reloads, not about a loaded machine's latency.
    let app = Arc::new(spawn_app_with(over(dir.path(), Duration::from_secs(8))).await);
    assert_eq!(served(&app).await.len(), 4);
    let stop = Arc::new(AtomicBool::new(false));
    let (ok, failed) = (Arc::new(AtomicU64::new(0)), Arc::new(std::sync::Mutex::new(Vec::new())));
    let load: Vec<_> = (0..6)
        .map(|worker| {
            let (app, stop, ok, failed) = (Arc::clone(&app), Arc::clone(&stop), Arc::clone(&ok), Arc::clone(&failed));
            tokio::spawn(async move {
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let query = ["kertas", "toner", "pulpen", "map"][(worker + i) % 4];
                    match search(&app, query).await {
                        Ok(()) => {
                            ok.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(why) => failed.lock().expect("list").push(why),
                    }
                    i += 1;
                }
            })
        })
        .collect();
    let mbiz = repo_adapter("mbiz");
    for reload in 1..=10 {
        if reload == 5 {
            std::fs::write(dir.path().join("padi-umkm.toml"), repo_adapter("padi-umkm")).expect("write");
            until(&app, "padi-umkm added", |m| m.iter().any(|(id, _)| id == "padi-umkm")).await;
        } else {
            let name = format!("Mbizmarket r{reload}");
            let text = mbiz.replacen("\nname = \"", &format!("\nname = \"{name} "), 1);
            std::fs::write(dir.path().join("mbiz.toml"), &text).expect("write");
            until(&app, &name, |m| m.iter().any(|(id, n)| id == "mbiz" && n.starts_with(&name))).await;
        }
        // Load between reloads, so requests overlap each swap and run on each new registry.
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for task in load {
        task.await.expect("load task");
    }
    let failed = failed.lock().expect("list").clone();
    let ok = ok.load(Ordering::Relaxed);
    eprintln!("reload under load: {ok} searches answered, {} failed", failed.len());
    assert!(failed.is_empty(), "{} of {} searches failed: {:?}", failed.len(), ok + failed.len() as u64, failed);
    assert!(ok >= 20, "the load ran through the reloads ({ok} searches)");

    let only_padi = json!({ "query": "kertas", "first": 5, "filter": { "marketplaces": ["padi-umkm"] } });
    let answer = app.graphql(SEARCH, only_padi).await;
    assert_eq!(source(&answer, "padi-umkm")["status"], "OK", "{answer}");
    assert!(source(&answer, "padi-umkm")["offerCount"].as_u64() > Some(0), "{answer}");
}

#[tokio::test]
async fn an_invalid_adapter_file_keeps_the_old_adapters_and_unchanged_ones_keep_their_cache() {
    let dir = adapters_except(&[]);
    let app = spawn_app_with(over(dir.path(), crate::helpers::TEST_TIMEOUT)).await;
    search(&app, "kertas reload").await.expect("a first search");
    let calls = |app: &TestApp| app.sandboxes.iter().map(|s| (s.kind().id(), s.requests_served())).collect::<Vec<_>>();
    let before = calls(&app);

    let broken = repo_adapter("bela").replace("[request]", "[request]\ncolour = \"blue\"");
    std::fs::write(dir.path().join("bela.toml"), broken).expect("write");
    let mbiz = repo_adapter("mbiz").replacen("\nname = \"", "\nname = \"Renamed ", 1);
    std::fs::write(dir.path().join("mbiz.toml"), mbiz).expect("write");
    // The reload is rejected (counted), and nothing of it applies while bela.toml is broken.
    until_rejected(&app).await;
    let names = served(&app).await;
    assert!(names.iter().all(|(_, name)| !name.starts_with("Renamed")), "the old adapters serve: {names:?}");

    std::fs::write(dir.path().join("bela.toml"), repo_adapter("bela")).expect("write");
    until(&app, "mbiz renamed", |m| m.iter().any(|(id, n)| id == "mbiz" && n.starts_with("Renamed"))).await;
    search(&app, "kertas reload").await.expect("the same search again");
    for ((id, was), (_, now)) in before.iter().zip(calls(&app)) {
        if *id == "mbiz" {
            assert!(now > *was, "mbiz's pages were dropped with its old adapter: asked {was} then {now} times");
        } else {
            assert_eq!(now, *was, "{id} is unchanged: its cached pages answered");
        }
    }
}

/// Waits (up to a generous 20 s) until `/metrics` counts a rejected reload.
async fn until_rejected(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let metrics = app.client.get(format!("{}/metrics", app.address)).send().await.expect("metrics");
        if metrics.text().await.expect("text").contains("pasar_adapter_reloads_total{outcome=\"rejected\"}") {
            return;
        }
        assert!(Instant::now() < deadline, "no rejected reload counted");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_reload_leaving_fewer_marketplaces_than_ready_min_is_rejected_and_the_old_ones_serve() {
    let dir = adapters_except(&[]);
    let path = dir.path().to_path_buf();
    let configure = Arc::new(move |c: &mut pasar::config::Config| {
        c.adapters_dir = path.clone();
        c.telemetry.ready_min = 5;
    });
    let app = spawn_app_with(TestOptions { configure, ..TestOptions::default() }).await;
    assert_eq!(served(&app).await.len(), 5);
    std::fs::remove_file(dir.path().join("mbiz.toml")).expect("remove");
    until_rejected(&app).await;
    // `/readyz` would have needed five forever; the five old adapters serve instead.
    assert_eq!(served(&app).await.len(), 5, "the old adapters serve");
}

#[tokio::test]
async fn a_changed_adapter_file_drops_the_offers_read_under_it_and_its_pages() {
    let dir = adapters_except(&[]);
    let app = spawn_app_with(over(dir.path(), crate::helpers::TEST_TIMEOUT)).await;
    let only_mbiz = json!({ "query": "kertas", "first": 5, "filter": { "marketplaces": ["mbiz"] } });
    let first = app.graphql(SEARCH, only_mbiz.clone()).await;
    let id = first["data"]["search"]["offers"]["edges"][0]["node"]["id"].clone();
    assert!(id.is_string(), "{first}");
    assert_eq!(offer(&app, &id).await["data"]["offer"]["id"], id, "remembered from the search");

    let mbiz = repo_adapter("mbiz").replacen("\nname = \"", "\nname = \"Renamed ", 1);
    std::fs::write(dir.path().join("mbiz.toml"), mbiz).expect("write");
    until(&app, "mbiz renamed", |m| m.iter().any(|(id, n)| id == "mbiz" && n.starts_with("Renamed"))).await;
    let gone = offer(&app, &id).await;
    assert!(gone["data"]["offer"].is_null(), "read under the old file: {gone}");
    assert_eq!(gone["errors"][0]["extensions"]["code"], "OFFER_NOT_FOUND", "{gone}");

    let again = app.graphql(SEARCH, only_mbiz).await;
    assert_eq!(source(&again, "mbiz")["cache"], "MISS", "its pages went with the old file: {again}");
    assert_eq!(offer(&app, &id).await["data"]["offer"]["id"], id, "read again under the new file");
}

async fn offer(app: &TestApp, id: &Value) -> Value {
    app.graphql("query($id: ID!) { offer(id: $id) { id } }", json!({ "id": id })).await
}

#[tokio::test]
async fn sighup_reloads_the_adapters_and_says_so() {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let gateway = Served::start(&sandboxes, "[telemetry]\nwatch_adapters = false", "", &[]).await;
    gateway.signal("-HUP");
    let metrics = format!("{}/metrics", gateway.url);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = gateway.client.get(&metrics).send().await.expect("metrics").text().await.expect("text");
        if text.contains("pasar_adapter_reloads_total{outcome=\"applied\"} 1") {
            break;
        }
        assert!(Instant::now() < deadline, "no reload counted: {text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let logs = gateway.terminate();
    let line = logs.lines().find(|l| l.contains("Adapters reloaded")).unwrap_or_else(|| panic!("{logs}"));
    assert!(line.contains("trigger=\"SIGHUP\"") || line.contains("trigger=SIGHUP"), "{line}");
    assert!(line.contains("marketplaces=5"), "{line}");
}

/// How many reloads the gateway's `/metrics` counts as applied (the series appears with the first).
pub(crate) async fn applied(gateway: &Served) -> u64 {
    let metrics = format!("{}/metrics", gateway.url);
    let text = gateway.client.get(&metrics).send().await.expect("metrics").text().await.expect("text");
    let line = text.lines().find_map(|l| l.strip_prefix("pasar_adapter_reloads_total{outcome=\"applied\"} "));
    line.map_or(0, |count| count.trim().parse().unwrap_or_else(|_| panic!("a count: {count}")))
}

/// A gateway process over the sandboxes and the repository's adapter files copied in a folder
/// of their own (which the returned sandboxes and folder must outlive).
pub(crate) async fn served_over_a_folder() -> (Vec<sandbox::RunningSandbox>, tempfile::TempDir, Served) {
    let options = SandboxOptions { products: TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let dir = adapters_except(&[]);
    let gateway = Served::start_over(dir.path(), &sandboxes, "", "", &[]).await;
    (sandboxes, dir, gateway)
}

/// Renames mbiz in its file in `dir` and waits (up to a generous 20 s) until a reload applies.
async fn rename_mbiz_until_applied(dir: &Path, gateway: &Served) {
    let mbiz = dir.join("mbiz.toml");
    let text = std::fs::read_to_string(&mbiz).expect("read");
    std::fs::write(&mbiz, text.replacen("\nname = \"", "\nname = \"Renamed ", 1)).expect("write");
    let deadline = Instant::now() + Duration::from_secs(20);
    while applied(gateway).await == 0 {
        assert!(Instant::now() < deadline, "the edited file was not reloaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn reading_the_adapter_files_is_no_change_and_a_reload_does_not_trigger_the_next() {
    let (_sandboxes, dir, gateway) = served_over_a_folder().await;
    // Five times the watcher's debounce.
    let quiet = Duration::from_millis(1500);
    for file in std::fs::read_dir(dir.path()).expect("the folder") {
        std::fs::read_to_string(file.expect("an entry").path()).expect("read");
    }
    tokio::time::sleep(quiet).await;
    assert_eq!(applied(&gateway).await, 0, "reading the files reloaded them");

    rename_mbiz_until_applied(dir.path(), &gateway).await;
    tokio::time::sleep(quiet).await;
    assert_eq!(applied(&gateway).await, 1, "the reload's own reading of the files triggered more");
}

#[tokio::test]
async fn a_switched_off_marketplace_is_disabled_never_called_and_never_a_cache_hit() {
    let dir = adapters_except(&["mbiz"]);
    let off = repo_adapter("mbiz").replacen("\nname = ", "\nenabled = false\nname = ", 1);
    assert!(off.contains("enabled = false"), "the file has a name line to put it before");
    std::fs::write(dir.path().join("mbiz.toml"), off).expect("write");
    let app = spawn_app_with(over(dir.path(), Duration::from_secs(5))).await;
    app.sandbox("mbiz").state().reset_stats();
    let answer = app.graphql(SEARCH, json!({ "query": "kertas", "first": 5 })).await;
    let mbiz = source(&answer, "mbiz");
    // A cache HIT means every page was fresh in the cache; a switched-off marketplace had none.
    assert_eq!((mbiz["status"].as_str(), mbiz["cache"].as_str()), (Some("DISABLED"), Some("MISS")), "{answer}");
    assert_eq!(answer["data"]["search"]["complete"], false, "{answer}");
    assert_eq!(app.sandbox("mbiz").state().requests_served(), 0);
}

#[cfg(unix)]
#[tokio::test]
async fn an_editors_leftovers_trigger_no_reload_and_stop_none() {
    let (_sandboxes, dir, gateway) = served_over_a_folder().await;
    crate::check::leave_editor_files(dir.path());
    // Five times the watcher's debounce.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(applied(&gateway).await, 0, "an editor's leftovers reloaded the adapters");

    rename_mbiz_until_applied(dir.path(), &gateway).await;
}

/// The threads of process `pid`, as Linux counts them (0 once it is gone).
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("Threads:")).and_then(|n| n.trim().parse().ok()).unwrap_or(0)
}

#[cfg(target_os = "linux")]
#[test]
fn a_sighup_while_pasar_starts_does_not_end_it() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let dir = crate::check_config::setup(&[crate::check_config::jatim_bejo()], "");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasar"))
        .args(["serve".as_ref(), "--config".as_ref(), dir.path().join("pasar.toml").as_os_str()])
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(dir.path().join("stderr")).expect("a log file"))
        .spawn()
        .expect("pasar runs");
    // Sent once its runtime's threads run, i.e. `main` has begun, and long before it serves (it
    // reads its configuration and adapter files first: 0.3 s and more in a debug build).
    let deadline = Instant::now() + Duration::from_secs(20);
    while threads(child.id()) < 2 {
        assert!(Instant::now() < deadline, "pasar's runtime never started");
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(Duration::from_millis(20));
    let sent = Command::new("kill").args(["-HUP", &child.id().to_string()]).status().expect("kill runs");
    assert!(sent.success());
    let stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let serving = stdout.lines().map_while(Result::ok).any(|line| line.contains("Pasar is serving"));
    let _ = child.kill();
    let status = child.wait().expect("waited");
    let logs = std::fs::read_to_string(dir.path().join("stderr")).unwrap_or_default();
    assert!(serving, "pasar ended (129 is SIGHUP's default action): {status:?}\n{logs}");
}
