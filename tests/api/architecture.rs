//! The shape of the source tree: imports flow one way along the request path, and no two files
//! import each other, directly or around a loop.
//!
//! Read from the sources, not the compiler: each file's `crate::`, `super::` and `self::` paths
//! (and a folder's own `child::` paths) are resolved to the file that defines what they name,
//! following `pub use` re-exports. Comments, test modules and test files are left out, and a
//! folder's `mod.rs` is its table of contents: its `mod` and `pub use` lines are not imports.
//! `lib.rs` is the library's root; `main.rs` is another crate (the binary), module `main`, whose
//! `pasar::` paths name the library's.

mod tree;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tree::{ModPath, SourceFile, Tree, strongly_connected};

/// Top-level modules from the top of the request path down; each may import only modules listed
/// after it. `telemetry` and `bounded` (how the caches are made) are leaves any layer may call;
/// `sandbox` stands alone.
const LAYERS: &[&[&str]] = &[
    &["main"],
    &["cli"],
    &["demo"],
    &["startup"],
    &["server"],
    &["graphql", "web"],
    &["spending"],
    &["search"],
    &["config"],
    &["cache"],
    &["marketplace"],
    &["normalize"],
    &["model", "codes"],
    &["telemetry", "bounded"],
];

#[test]
fn no_module_imports_a_module_above_it_on_the_request_path() {
    let tree = Tree::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let edges = tree.edges();
    assert!(tree.files.len() > 50, "the source tree was read ({} files)", tree.files.len());
    assert!(edges.contains(&(path("main"), path("cli"))), "the binary's `pasar::cli` is read as an import");
    let wrong = upward_imports(&edges);
    assert!(wrong.is_empty(), "imports against the request path:\n{}", wrong.join("\n"));
}

/// Every import from a module to one above it (or beside it) on the request path.
fn upward_imports(edges: &BTreeSet<(ModPath, ModPath)>) -> Vec<String> {
    let layer_of = |top: &str| LAYERS.iter().position(|layer| layer.contains(&top));
    let mut wrong = Vec::new();
    for (from, to) in edges {
        let (Some(a), Some(b)) = (from.first(), to.first()) else { continue };
        if a == b {
            continue;
        }
        let allowed = match (a.as_str(), b.as_str()) {
            ("sandbox", _) => false,
            (_, "sandbox") => matches!(a.as_str(), "cli" | "demo" | "main"),
            _ => matches!((layer_of(a), layer_of(b)), (Some(x), Some(y)) if x < y),
        };
        if !allowed {
            wrong.push(format!("{} imports {}", from.join("/"), to.join("/")));
        }
    }
    wrong
}

#[test]
fn no_two_files_import_each_other_directly_or_around_a_loop() {
    let tree = Tree::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let edges = tree.edges();
    assert!(edges.len() > 100, "imports were found ({})", edges.len());
    let cycles = strongly_connected(&edges).into_iter().filter(|c| c.len() > 1).collect::<Vec<_>>();
    let shown: Vec<String> =
        cycles.iter().map(|c| c.iter().map(|m| m.join("/")).collect::<Vec<_>>().join(" ↔ ")).collect();
    assert!(cycles.is_empty(), "files in an import cycle:\n{}", shown.join("\n"));
}

#[test]
fn the_import_checker_finds_a_planted_cycle_and_a_planted_upward_import() {
    let mut tree = Tree { files: BTreeMap::new() };
    let file = |code: &str, folder: bool| SourceFile {
        code: code.into(),
        folder,
        uses: String::new(),
        reexports: BTreeMap::new(),
    };
    tree.files.insert(path("search"), file("mod a;\nmod b;", true));
    tree.files.insert(path("search/a"), file("use super::b::B;\nuse crate::normalize::N;\npub struct A;", false));
    tree.files.insert(path("search/b"), file("use super::a::A;\npub struct B;", false));
    tree.files.insert(path("model"), file("use crate::search::a::A;", false));
    tree.files.insert(path("normalize"), file("pub struct N;", false));
    let edges = tree.edges();
    assert!(edges.contains(&(path("model"), path("search/a"))), "{edges:?}");
    assert!(edges.contains(&(path("search/a"), path("normalize"))), "{edges:?}");
    let cycles = strongly_connected(&edges);
    assert!(cycles.iter().any(|c| c.len() == 2), "{cycles:?}");
    // Downward (`search/a` → `normalize`) and within a layer (`search/a` ↔ `search/b`) pass.
    assert_eq!(upward_imports(&edges), ["model imports search/a"]);
}

#[test]
fn the_binary_and_the_librarys_re_exports_are_both_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, code: &str| {
        let file = dir.path().join(name);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("folder");
        std::fs::write(file, code).expect("write");
    };
    write("lib.rs", "pub mod cli;\nmod model;\nmod search;\npub use search::Engine;\n");
    write("main.rs", "fn main() { pasar::cli::run(); }\n");
    write("cli.rs", "pub fn run() { crate::Engine::start(); }\n");
    write("search/mod.rs", "pub struct Engine;\n");
    write("model.rs", "pub fn upward() -> crate::Engine { todo!() }\n");
    let tree = Tree::read(dir.path());
    let edges = tree.edges();
    assert!(edges.contains(&(path("main"), path("cli"))), "{edges:?}");
    assert!(edges.contains(&(path("cli"), path("search"))), "through the root's `pub use`: {edges:?}");
    assert_eq!(upward_imports(&edges), ["model imports search"]);
    // The binary's own `crate::` is not the library's.
    write("main.rs", "fn main() { pasar::model::upward(); crate::search::Engine; }\n");
    let edges = Tree::read(dir.path()).edges();
    assert!(edges.contains(&(path("main"), path("model"))) && !edges.contains(&(path("main"), path("search"))));
}

fn path(text: &str) -> ModPath {
    text.split('/').map(str::to_string).collect()
}
