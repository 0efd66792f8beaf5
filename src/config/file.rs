//! Reading `pasar.toml` itself, before the environment is laid over it. The `config` crate's
//! values know no lines, and read `concurrency = "8"` as 8 (every value is text to it, for the
//! environment's sake), so the file is first deserialised on its own as TOML, strictly, and a
//! mistake is named `file:line:column` (review35o O35-8, O35-9).

use super::Config;
use crate::marketplace::validate::{line_col, line_of_key};
use std::path::{Path, PathBuf};

/// Why the configuration cannot be loaded; a mistake in the file names the file and its line.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LoadError(pub(super) String);

/// Refuses a file that does not read as a configuration on its own.
pub(super) fn check(file: &Path) -> Result<(), LoadError> {
    let text =
        std::fs::read_to_string(file).map_err(|e| LoadError(format!("{}: cannot read ({e})", file.display())))?;
    strict(&text).map(drop).map_err(|e| LoadError(format!("{}:{e}", file.display())))
}

/// The file's text as a configuration, or "line:column: `key`: what is wrong".
fn strict(text: &str) -> Result<Config, String> {
    let at = |e: &toml::de::Error, key: String| {
        let (line, column) = e.span().map_or((1, 1), |span| line_col(text, span.start));
        let key = if key.is_empty() || key == "." { String::new() } else { format!(" `{key}`:") };
        format!("{line}:{column}:{key} {}", e.message().trim())
    };
    let document = toml::Deserializer::parse(text).map_err(|e| at(&e, String::new()))?;
    serde_path_to_error::deserialize(document).map_err(|e| at(e.inner(), e.path().to_string()))
}

/// Relative paths written in (or defaulted for) a file are read from the file's folder, as
/// its reader expects wherever `pasar` is started; one set by the environment stays relative to
/// the working directory, as a shell user expects.
pub(super) fn resolve_paths(config: &mut Config, file: &Path) {
    let Some(folder) = file.parent() else { return };
    let from_file = |path: &mut PathBuf, var: &str| {
        if path.is_relative() && std::env::var_os(var).is_none() {
            *path = folder.join(&*path);
        }
    };
    from_file(&mut config.adapters_dir, "PASAR_ADAPTERS_DIR");
    if let Some(manifest) = config.http.persisted_manifest.as_mut() {
        from_file(manifest, "PASAR_HTTP__PERSISTED_MANIFEST");
    }
    if let Some(ca) = config.cache.redis.as_mut().and_then(|redis| redis.ca_file.as_mut()) {
        from_file(ca, "PASAR_CACHE__REDIS__CA_FILE");
    }
}

impl Config {
    /// `problem` ("`[table] key`: reason") behind where its key was set: `file:line: ` when the
    /// file writes the key, `PASAR_…: ` when the environment sets it, else as it is.
    pub fn placed(&self, problem: String) -> String {
        let Some(dotted) = key_of(&problem) else { return problem };
        let var = format!("PASAR_{}", dotted.replace('.', "__").replace('-', "_").to_uppercase());
        if std::env::var_os(&var).is_some() {
            return format!("{var}: {problem}");
        }
        let Some(file) = &self.source else { return problem };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        match line_of_key(&text, &dotted) {
            Some(line) => format!("{}:{line}: {problem}", file.display()),
            None => format!("{}: {problem}", file.display()),
        }
    }

    /// Every [`Config::problems`], placed.
    pub fn placed_problems(&self) -> Vec<String> {
        self.problems().into_iter().map(|problem| self.placed(problem)).collect()
    }
}

/// `limits.max_batch` of "`[limits] max_batch`: …".
fn key_of(problem: &str) -> Option<String> {
    let key = problem.strip_prefix("`[")?.split_once("`: ")?.0;
    let (table, name) = key.split_once("] ")?;
    Some(format!("{table}.{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_written_as_text_is_refused_at_its_line_and_column() {
        let error = strict("listen = \"127.0.0.1:0\"\n[defaults]\nconcurrency = \"8\"\n").expect_err("refused");
        assert!(error.starts_with("3:15: `defaults.concurrency`: invalid type: string \"8\""), "{error}");
    }

    #[test]
    fn a_syntax_error_and_an_unknown_key_are_placed_too() {
        let error = strict("[limits]\nmax_batch = = 3\n").expect_err("refused");
        assert!(error.starts_with("2:"), "{error}");
        let error = strict("[limits]\n\nmax_bach = 3\n").expect_err("refused");
        assert!(error.starts_with("3:1: `limits.max_bach`: unknown field `max_bach`"), "{error}");
    }

    #[test]
    fn relative_paths_of_a_file_are_read_from_its_folder() {
        let mut config = Config::default();
        config.http.persisted_manifest = Some("persisted.json".into());
        resolve_paths(&mut config, Path::new("/etc/pasar/pasar.toml"));
        assert_eq!(config.adapters_dir, Path::new("/etc/pasar/adapters"));
        assert_eq!(config.http.persisted_manifest.as_deref(), Some(Path::new("/etc/pasar/persisted.json")));
        let mut config = Config { adapters_dir: "/srv/adapters".into(), ..Config::default() };
        resolve_paths(&mut config, Path::new("pasar.toml"));
        assert_eq!(config.adapters_dir, Path::new("/srv/adapters"));
    }
}
