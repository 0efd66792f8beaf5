//! `pasar.toml` as it was read at start. A `SIGHUP` reloads the adapter files only; an operator
//! who edited `pasar.toml` and sent one saw "Adapters reloaded." and took the edit for applied
//! (review40o R40o-18). So a `SIGHUP` finding the file changed since start says it needs a restart.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The configuration file and the digest of what it held at start.
pub(super) struct StartedWith {
    path: PathBuf,
    digest: Option<[u8; 32]>,
}

impl StartedWith {
    /// `path` as it reads now (at start).
    pub(super) fn read(path: &Path) -> Self {
        Self { path: path.to_path_buf(), digest: digest(path) }
    }

    /// One warning when the file no longer holds what Pasar started with.
    pub(super) fn warn_if_changed(&self) {
        if digest(&self.path) != self.digest {
            tracing::warn!(
                file = %self.path.display(),
                "The configuration file has changed since Pasar started; a SIGHUP reloads only the adapter files: restart to apply it."
            );
        }
    }
}

fn digest(path: &Path) -> Option<[u8; 32]> {
    std::fs::read(path).ok().map(|bytes| Sha256::digest(bytes).into())
}
