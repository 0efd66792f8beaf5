//! The shape of the source tree: imports flow one way along the request path, and no two files
//! import each other, directly or around a loop.
//!
//! Read from the sources, not the compiler: each file's `crate::`, `super::` and `self::` paths
//! (and a folder's own `child::` paths) are resolved to the file that defines what they name,
//! following `pub use` re-exports. Comments, test modules and test files are left out, and a
//! folder's `mod.rs` is its table of contents: its `mod` and `pub use` lines are not imports.
//! `lib.rs` is the library's root; `main.rs` is another crate (the binary), module `main`, whose
//! `pasar::` paths name the library's.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

/// `#[cfg(test)] mod name;`: a test file, left out.
static TEST_MOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#\[cfg\(test\)\]\s*(?:pub(?:\([a-z]+\))?\s+)?mod\s+([a-z_0-9]+)\s*;").expect("re"));
/// A `pub use …;` statement.
static PUB_USE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)pub(?:\([a-z]+\))?\s+use\s+[^;]+;").expect("re"));
/// A `mod name;` declaration.
static MOD_DECL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(?:pub(?:\([a-z]+\))?\s+)?mod\s+[a-z_0-9]+\s*;").expect("re"));

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

type ModPath = Vec<String>;

struct SourceFile {
    /// The code with comments and test modules removed (and, in a folder, its `mod` and
    /// `pub use` lines).
    code: String,
    /// `mod.rs` or `lib.rs`: a folder whose children are addressed as `child::`.
    folder: bool,
    /// The file's `pub use` statements.
    uses: String,
    /// Names re-exported by `pub use`, with the path they come from (resolved from this module).
    reexports: BTreeMap<String, ModPath>,
}

struct Tree {
    files: BTreeMap<ModPath, SourceFile>,
}

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

impl Tree {
    /// Every source file under `root`, a crate's `src`.
    fn read(root: &Path) -> Self {
        let mut files = BTreeMap::new();
        let mut test_files = BTreeSet::new();
        read_dir(root, root, &mut files, &mut test_files);
        files.retain(|module, _| !test_files.iter().any(|t| module.starts_with(t)));
        let mut tree = Self { files };
        tree.find_reexports();
        tree
    }

    /// Every (importer, imported) pair of files.
    fn edges(&self) -> BTreeSet<(ModPath, ModPath)> {
        let path_re = Regex::new(r"\b(crate|super|self|[a-z_][a-z0-9_]*)((?:::[A-Za-z_][A-Za-z0-9_]*)+)").expect("re");
        let mut edges = BTreeSet::new();
        for (module, file) in &self.files {
            let children = if file.folder { self.children(module) } else { BTreeSet::new() };
            for caps in path_re.captures_iter(&expand_groups(&file.code)) {
                let head = &caps[1];
                let rest: Vec<String> = caps[2].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
                let Some(target) = self.absolute(module, head, &rest, &children) else { continue };
                if let Some(to) = self.resolve(target)
                    && &to != module
                {
                    edges.insert((module.clone(), to));
                }
            }
        }
        edges
    }

    /// The absolute module path a path written in `module` starts from.
    fn absolute(&self, module: &ModPath, head: &str, rest: &[String], children: &BTreeSet<String>) -> Option<ModPath> {
        let mut base: ModPath = match head {
            "crate" if module.first().is_some_and(|m| m == "main") => return None,
            "crate" => Vec::new(),
            "pasar" if module.first().is_some_and(|m| m == "main") => Vec::new(),
            "self" => module.clone(),
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            child if children.contains(child) => [module.clone(), vec![child.to_string()]].concat(),
            _ => return None,
        };
        for segment in rest {
            if segment == "super" {
                base.pop();
            } else {
                base.push(segment.clone());
            }
        }
        Some(base)
    }

    /// The file defining what `path` names, following re-exports.
    fn resolve(&self, path: ModPath) -> Option<ModPath> {
        let mut path = path;
        for _ in 0..8 {
            let (file, rest) = (0..=path.len()).rev().find_map(|n| {
                let prefix = path[..n].to_vec();
                self.files.contains_key(&prefix).then(|| (prefix, path[n..].to_vec()))
            })?;
            match rest.first().and_then(|name| self.files[&file].reexports.get(name)) {
                Some(source) if *source != file => path = [source.clone(), rest[1..].to_vec()].concat(),
                _ => return (!file.is_empty()).then_some(file),
            }
        }
        None
    }

    fn children(&self, module: &ModPath) -> BTreeSet<String> {
        self.files
            .keys()
            .filter(|m| m.len() == module.len() + 1 && m.starts_with(module))
            .filter_map(|m| m.last().cloned())
            .collect()
    }

    /// `pub use x::{A, B as C};` in a file: `A` and `C` come from module `x` (resolved here).
    fn find_reexports(&mut self) {
        let use_re = Regex::new(r"(?s)pub(?:\([a-z]+\))?\s+use\s+([^;]+);").expect("re");
        let modules: Vec<ModPath> = self.files.keys().cloned().collect();
        for module in modules {
            let children = self.children(&module);
            let mut found = BTreeMap::new();
            for caps in use_re.captures_iter(&self.files[&module].uses) {
                for item in expand_groups(&format!("{};", &caps[1])).split(';').filter(|s| !s.trim().is_empty()) {
                    let mut segments: Vec<String> = item.trim().split("::").map(|s| s.trim().to_string()).collect();
                    let Some(last) = segments.pop() else { continue };
                    let name = last.rsplit(" as ").next().unwrap_or(&last).trim().to_string();
                    let real = last.split(" as ").next().unwrap_or(&last).trim().to_string();
                    let Some((head, rest)) = segments.split_first() else { continue };
                    if let Some(mut source) = self.absolute(&module, head, rest, &children) {
                        if name != "self" && real != "self" {
                            source.push(real);
                        }
                        found.insert(name, source);
                    }
                }
            }
            if let Some(file) = self.files.get_mut(&module) {
                file.reexports = found;
            }
        }
    }
}

/// Reads every `.rs` file under `dir`, noting the modules declared as `#[cfg(test)]`.
fn read_dir(root: &Path, dir: &Path, files: &mut BTreeMap<ModPath, SourceFile>, test_files: &mut BTreeSet<ModPath>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            read_dir(root, &path, files, test_files);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(root).expect("under src").with_extension("");
        let mut module: ModPath = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        // `main.rs` stays module `main`: the binary is a crate of its own, not the library's root.
        let folder = matches!(module.last().map(String::as_str), Some("mod" | "lib"));
        if folder {
            module.pop();
        }
        let text = std::fs::read_to_string(&path).expect("readable source");
        for caps in TEST_MOD.captures_iter(&text) {
            test_files.insert([module.clone(), vec![caps[1].to_string()]].concat());
        }
        let code = strip_test_modules(&strip_comments(&text));
        let all_uses: String = PUB_USE.find_iter(&code).map(|m| m.as_str()).collect::<Vec<_>>().join("\n");
        let code = if folder { MOD_DECL.replace_all(&PUB_USE.replace_all(&code, ""), "").into_owned() } else { code };
        files.insert(module, SourceFile { code, folder, uses: all_uses, reexports: BTreeMap::new() });
    }
}

/// Drops `//` comment lines (docs included) and the rest of a line after ` // `.
fn strip_comments(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| line.split(" // ").next().unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Drops inline `#[cfg(test)] mod name { … }` blocks: tests may import anything they check.
fn strip_test_modules(code: &str) -> String {
    let start = Regex::new(r"#\[cfg\(test\)\]\s*mod\s+[a-z_0-9]+\s*\{").expect("re");
    let mut out = String::new();
    let mut rest = code;
    while let Some(m) = start.find(rest) {
        out.push_str(&rest[..m.start()]);
        let mut depth = 0usize;
        let mut end = rest.len();
        for (i, c) in rest[m.end() - 1..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = m.end() - 1 + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Writes `a::{b, c::{d, e}}` as `a::b; a::c::d; a::c::e` so every path is spelled out.
fn expand_groups(code: &str) -> String {
    let group = Regex::new(r"((?:[A-Za-z_][A-Za-z0-9_]*::)+)\{([^{}]*)\}").expect("re");
    let mut code = code.to_string();
    while group.is_match(&code) {
        code = group
            .replace_all(&code, |caps: &regex::Captures<'_>| {
                let prefix = &caps[1];
                caps[2]
                    .split(',')
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .map(|item| {
                        if item == "self" {
                            prefix.trim_end_matches("::").to_string()
                        } else {
                            format!("{prefix}{item}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .into_owned();
    }
    code
}

/// Tarjan's strongly connected components of the import graph.
fn strongly_connected(edges: &BTreeSet<(ModPath, ModPath)>) -> Vec<Vec<ModPath>> {
    let mut graph: BTreeMap<&ModPath, Vec<&ModPath>> = BTreeMap::new();
    for (a, b) in edges {
        graph.entry(a).or_default().push(b);
        graph.entry(b).or_default();
    }
    struct State<'a> {
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        components: Vec<Vec<ModPath>>,
    }
    fn visit<'a>(v: &'a ModPath, graph: &BTreeMap<&'a ModPath, Vec<&'a ModPath>>, s: &mut State<'a>) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for &w in &graph[v] {
            if !s.index.contains_key(w) {
                visit(w, graph, s);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            s.components.push(component);
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        components: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(v, &graph, &mut state);
        }
    }
    state.components
}
