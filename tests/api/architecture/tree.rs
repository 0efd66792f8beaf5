//! Reading a crate's source tree into its files and the imports between them (see the parent
//! module for the rules).

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
pub(super) type ModPath = Vec<String>;

pub(super) struct SourceFile {
    /// The code with comments and test modules removed (and, in a folder, its `mod` and
    /// `pub use` lines).
    pub(super) code: String,
    /// `mod.rs` or `lib.rs`: a folder whose children are addressed as `child::`.
    pub(super) folder: bool,
    /// The file's `pub use` statements.
    pub(super) uses: String,
    /// Names re-exported by `pub use`, with the path they come from (resolved from this module).
    pub(super) reexports: BTreeMap<String, ModPath>,
}

pub(super) struct Tree {
    pub(super) files: BTreeMap<ModPath, SourceFile>,
}

impl Tree {
    /// Every source file under `root`, a crate's `src`.
    pub(super) fn read(root: &Path) -> Self {
        let mut files = BTreeMap::new();
        let mut test_files = BTreeSet::new();
        read_dir(root, root, &mut files, &mut test_files);
        files.retain(|module, _| !test_files.iter().any(|t| module.starts_with(t)));
        let mut tree = Self { files };
        tree.find_reexports();
        tree
    }

    /// Every (importer, imported) pair of files.
    pub(super) fn edges(&self) -> BTreeSet<(ModPath, ModPath)> {
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
pub(super) fn strongly_connected(edges: &BTreeSet<(ModPath, ModPath)>) -> Vec<Vec<ModPath>> {
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
