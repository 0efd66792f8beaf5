//! `[log]`: how Pasar logs.

use serde::Deserialize;

/// How Pasar logs (`[log]`); `RUST_LOG`, when set, overrides `level`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `text` for people (default), `json` for a log pipeline: one object per line.
    pub format: LogFormat,
    /// A `tracing` filter such as `info` or `warn,pasar=info`; `info` when unset.
    pub level: Option<String>,
    /// One line per request (request id, door, operation name, status, duration, each
    /// marketplace asked with its status, client) at target
    /// `pasar::access`; off by default, since a busy gateway writes thousands a second.
    pub access: bool,
}

/// Log line format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}
