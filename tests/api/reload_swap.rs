//! An adapters folder replaced whole, as deployments do (a symlink pointed at the next release,
//! then `mv -T`): the swap reloads, and so does every later edit in the new folder, while the old
//! folder's edits reload nothing (review40o R40o-11: inotify stayed on the old folder's inode).

use crate::reload::{applied, repo_adapter};
use crate::served::Served;
use pasar::sandbox::{self, SandboxOptions};
use std::path::Path;
use std::time::{Duration, Instant};

const IDS: [&str; 5] = ["bela", "ekatalog", "jatim-bejo", "mbiz", "padi-umkm"];

/// A release folder holding every adapter file, `renamed` ones with their name changed.
fn release(dir: &Path, renamed: &[&str]) {
    std::fs::create_dir(dir).expect("a release folder");
    for id in IDS {
        let mut text = repo_adapter(id);
        if renamed.contains(&id) {
            text = text.replacen("\nname = \"", "\nname = \"Renamed ", 1);
        }
        std::fs::write(dir.join(format!("{id}.toml")), text).expect("write");
    }
}

/// Points the `adapters` symlink in `root` at `target` in one step, as `ln -s` then `mv -T` do.
fn point_at(root: &Path, target: &str) {
    let next = root.join("adapters.next");
    std::os::unix::fs::symlink(root.join(target), &next).expect("a symlink");
    std::fs::rename(&next, root.join("adapters")).expect("swapped");
}

async fn until_applied(gateway: &Served, count: u64, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while applied(gateway).await < count {
        assert!(Instant::now() < deadline, "{what} was not reloaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_swapped_adapters_folder_is_reloaded_and_watched_in_place_of_the_old_one() {
    let options = SandboxOptions { products: crate::helpers::TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let root = tempfile::tempdir().expect("temp dir");
    release(&root.path().join("v1"), &[]);
    release(&root.path().join("v2"), &["mbiz"]);
    std::os::unix::fs::symlink(root.path().join("v1"), root.path().join("adapters")).expect("a symlink");
    let gateway = Served::start_over(&root.path().join("adapters"), &sandboxes, "", "", &[]).await;

    point_at(root.path(), "v2");
    until_applied(&gateway, 1, "the swap").await;
    let names = gateway.graphql(&serde_json::json!({ "query": "{ marketplaces { id name } }" })).await;
    assert!(names.to_string().contains("Renamed "), "the new release serves: {names}");

    let old = root.path().join("v1").join("bela.toml");
    std::fs::write(&old, repo_adapter("bela").replacen("\nname = \"", "\nname = \"Old ", 1)).expect("write");
    // Five times the watcher's debounce.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(applied(&gateway).await, 1, "an edit in the folder no longer served reloaded the adapters");

    let new = root.path().join("v2").join("bela.toml");
    std::fs::write(&new, repo_adapter("bela").replacen("\nname = \"", "\nname = \"New ", 1)).expect("write");
    until_applied(&gateway, 2, "an edit in the new folder").await;
}

/// The symlink swapped is further up the path (review41 R41-1: `adapters_dir = "current/adapters"`
/// with `current` pointed at the next release changed no folder Pasar watched).
#[tokio::test]
async fn a_release_swapped_above_the_adapters_folder_is_reloaded_and_its_folder_watched() {
    let options = SandboxOptions { products: crate::helpers::TEST_PRODUCTS, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let root = tempfile::tempdir().expect("temp dir");
    for (release, renamed) in [("rel1", &[][..]), ("rel2", &["mbiz"][..])] {
        std::fs::create_dir(root.path().join(release)).expect("a release");
        self::release(&root.path().join(release).join("adapters"), renamed);
    }
    std::os::unix::fs::symlink(root.path().join("rel1"), root.path().join("current")).expect("a symlink");
    let gateway = Served::start_over(&root.path().join("current").join("adapters"), &sandboxes, "", "", &[]).await;

    let next = root.path().join("current.next");
    std::os::unix::fs::symlink(root.path().join("rel2"), &next).expect("a symlink");
    std::fs::rename(&next, root.path().join("current")).expect("swapped");
    until_applied(&gateway, 1, "the release swapped above the folder").await;
    let names = gateway.graphql(&serde_json::json!({ "query": "{ marketplaces { id name } }" })).await;
    assert!(names.to_string().contains("Renamed "), "the new release serves: {names}");

    let new = root.path().join("rel2").join("adapters").join("bela.toml");
    std::fs::write(&new, repo_adapter("bela").replacen("\nname = \"", "\nname = \"New ", 1)).expect("write");
    until_applied(&gateway, 2, "an edit in the new release").await;
}
