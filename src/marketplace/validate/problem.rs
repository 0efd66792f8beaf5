//! Problems found in adapter files, each with its file and key path.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one adapter file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in.
    pub file: PathBuf,
    /// The line of the key (or of its table, when the key is missing) once the text is known.
    pub line: Option<usize>,
    /// Dotted key path (`fields.price.format`); empty for the whole file.
    pub key: String,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Problem {
    /// A problem of `file` at `key`, its line not known (yet).
    pub fn new(file: impl Into<PathBuf>, key: impl Into<String>, message: impl Into<String>) -> Self {
        Self { file: file.into(), line: None, key: key.into(), message: message.into() }
    }

    /// The same, at the line of its key in `text` (the file's text).
    pub fn located(self, text: &str) -> Self {
        Self { line: self.line.or_else(|| super::lines::line_of(text, &self.key)), ..self }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if self.key.is_empty() {
            write!(f, ": {}", self.message)
        } else {
            write!(f, ": `{}`: {}", self.key, self.message)
        }
    }
}

/// The problems of one file, collected as the checks run.
pub(super) struct Problems<'a> {
    file: &'a Path,
    list: Vec<Problem>,
}

impl<'a> Problems<'a> {
    pub(super) fn new(file: &'a Path) -> Self {
        Self { file, list: Vec::new() }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(super) fn into_list(self) -> Vec<Problem> {
        self.list
    }

    pub(super) fn add(&mut self, key: &str, message: impl Into<String>) {
        self.list.push(Problem::new(self.file, key, message));
    }
}
