//! Problems found in adapter files, each with its file and key path.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one adapter file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file it is in.
    pub file: PathBuf,
    /// Dotted key path (`fields.price.format`); empty for the whole file.
    pub key: String,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}: `{}`: {}", self.file.display(), self.key, self.message)
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
        self.list.push(Problem { file: self.file.to_path_buf(), key: key.to_string(), message: message.into() });
    }
}
