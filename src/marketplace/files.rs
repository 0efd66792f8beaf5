//! Adapter files as they are read: a folder's `*.toml` or the ones bundled in the binary, each
//! checked and named after its id. What running them needs besides (secrets, egress, overrides)
//! is the registry's.

use super::definition::AdapterDefinition;
use super::validate::{Problem, parse_definition};
use std::path::{Path, PathBuf};

/// The adapter files shipped in `adapters/`, compiled into the binary so the embedded demo runs
/// from any folder (`cargo install` then `pasar`).
pub const BUNDLED: &[(&str, &str)] = &[
    ("bela.toml", include_str!("../../adapters/bela.toml")),
    ("ekatalog.toml", include_str!("../../adapters/ekatalog.toml")),
    ("jatim-bejo.toml", include_str!("../../adapters/jatim-bejo.toml")),
    ("mbiz.toml", include_str!("../../adapters/mbiz.toml")),
    ("padi-umkm.toml", include_str!("../../adapters/padi-umkm.toml")),
];

/// Where adapter files are read from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// Every `*.toml` in a directory.
    Dir(&'a Path),
    /// The files bundled in the binary ([`BUNDLED`]).
    Bundled,
}

/// The adapter files read: the valid ones, and every problem of the others. `pasar check` and
/// the registry go on with the valid ones, so their own problems (an internal base URL, an unset
/// secret) are reported in the same run as another file's.
#[derive(Debug, Default)]
pub struct Checked {
    /// Each valid file and its definition.
    pub definitions: Vec<(PathBuf, AdapterDefinition)>,
    /// Every problem of the files that are not.
    pub problems: Vec<Problem>,
}

impl Checked {
    /// The definitions when every file is valid, else the problems.
    pub fn into_result(self) -> Result<Vec<(PathBuf, AdapterDefinition)>, Vec<Problem>> {
        if self.problems.is_empty() { Ok(self.definitions) } else { Err(self.problems) }
    }

    fn failed(problem: Problem) -> Self {
        Self { definitions: Vec::new(), problems: vec![problem] }
    }
}

/// Reads and checks every `*.toml` in `dir`; all problems of all files are returned together.
pub fn check_dir(dir: &Path) -> Result<Vec<(PathBuf, AdapterDefinition)>, Vec<Problem>> {
    read_dir(dir).into_result()
}

/// Reads and checks every `*.toml` in `dir`, keeping the valid files beside the problems.
pub fn read_dir(dir: &Path) -> Checked {
    let problem = |message: String| Problem::new(dir, "", message);
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return Checked::failed(problem(format!("cannot read the adapter directory ({e})"))),
    };
    let mut files: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| is_adapter_file(p)).collect();
    files.sort();
    if files.is_empty() {
        return Checked::failed(problem("no adapter files (*.toml) found".to_string()));
    }
    let texts = files.into_iter().map(|file| {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| vec![Problem::new(file.clone(), "", format!("cannot read ({e})"))]);
        (file, text)
    });
    check_texts(texts)
}

/// Whether `path` names an adapter file: a `*.toml` that is not hidden. A hidden one is someone's
/// work in progress: Emacs keeps `.#alpha.toml`, a dangling symlink, while a buffer has unsaved
/// changes, and reading it stopped start-up, `pasar check` and every reload (review40o R40o-3).
pub fn is_adapter_file(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|name| name.to_string_lossy()) else { return false };
    let adapter = name.ends_with(".toml") && !name.starts_with('.');
    if !adapter && name.ends_with(".toml") {
        tracing::debug!(file = %path.display(), "A hidden file is not an adapter file; skipped.");
    }
    adapter
}

/// Whether `path` is an editor's leftover or a hidden `*.toml`, never read as an adapter: a
/// backup (`alpha.toml~`), a swap or lock file (`.alpha.toml.swp`, `.#alpha.toml`, `#alpha.toml#`,
/// Vim's `4913` probe). Their writes need no reload; other hidden names do (a Kubernetes
/// ConfigMap swaps its `..data` symlink).
pub fn is_editor_leftover(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|name| name.to_string_lossy()) else { return false };
    let hidden_toml = name.starts_with('.') && name.ends_with(".toml");
    let swap = [".swp", ".swx", ".swo"].iter().any(|end| name.ends_with(end));
    let emacs = name.starts_with(".#") || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'));
    hidden_toml || swap || emacs || name.ends_with('~') || name == "4913"
}

/// Checks the bundled adapter files, named as they are in the repository's `adapters/`.
pub fn check_bundled() -> Result<Vec<(PathBuf, AdapterDefinition)>, Vec<Problem>> {
    read_bundled().into_result()
}

/// The bundled adapter files, checked, the valid ones kept beside the problems.
pub fn read_bundled() -> Checked {
    check_texts(BUNDLED.iter().map(|(name, text)| (Path::new("adapters").join(name), Ok((*text).to_string()))))
}

/// Ids are unique because each file is named after its id (one directory holds one name once).
fn check_texts(texts: impl Iterator<Item = (PathBuf, Result<String, Vec<Problem>>)>) -> Checked {
    let mut checked = Checked::default();
    for (file, text) in texts {
        match text.and_then(|text| check_file(&file, &text)) {
            Ok(def) => checked.definitions.push((file, def)),
            Err(found) => checked.problems.extend(found),
        }
    }
    checked
}

/// One adapter file's text: a valid definition named after its file, or its problems.
pub fn check_file(file: &Path, text: &str) -> Result<AdapterDefinition, Vec<Problem>> {
    let def = parse_definition(file, text)?;
    if file.file_stem().is_none_or(|stem| *stem != *def.id) {
        let message =
            format!("`{}` is not the file's name: a file MUST be named after its id (`{}.toml`)", def.id, def.id);
        return Err(vec![Problem::new(file, "id", message).located(text)]);
    }
    Ok(def)
}

#[cfg(test)]
mod bundled_tests {
    use super::*;

    #[test]
    fn the_bundled_list_is_every_adapter_file_of_the_repository_and_they_are_valid() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("adapters");
        let on_disk = check_dir(&dir).expect("adapters/ is valid");
        let bundled = check_bundled().expect("the bundled adapters are valid");
        let names =
            |defs: &[(PathBuf, AdapterDefinition)]| -> Vec<String> { defs.iter().map(|(_, d)| d.id.clone()).collect() };
        assert!(!bundled.is_empty());
        assert_eq!(names(&bundled), names(&on_disk));
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn hidden_files_and_editor_leftovers_are_not_adapter_files_and_need_no_reload() {
        for name in [".#alpha.toml", ".hidden.toml", "alpha.toml~", ".alpha.toml.swp", "#alpha.toml#", "4913"] {
            assert!(!is_adapter_file(Path::new(name)), "{name} is read as an adapter");
            assert!(is_editor_leftover(Path::new(name)), "{name} triggers a reload");
        }
        assert!(is_adapter_file(Path::new("/etc/pasar/adapters/alpha.toml")));
        for name in ["alpha.toml", "..data", "..2026_12_08_01_02_03.123", "alpha.TOML"] {
            assert!(!is_editor_leftover(Path::new(name)), "{name} is a change to read");
        }
    }
}
