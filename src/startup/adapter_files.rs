//! Whether the adapters serving are the files on disk (review35o O35-7): a rejected reload keeps
//! the old set serving, and was told only by a counter and a log line, so nothing said that the
//! running set differed from the files until someone read the logs. `/readyz` names the files
//! refused and why (still ready: the old set serves), and `/metrics` has it as gauges.

use crate::marketplace::validate::Problem;
use serde::Serialize;
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

/// The outcome of the last reading of the adapter files.
#[derive(Debug)]
pub(super) struct AdapterFiles {
    state: Mutex<Outcome>,
}

#[derive(Debug, Clone, Serialize)]
struct Outcome {
    /// When the set serving was read, at start-up or by the last applied reload (Unix seconds).
    applied_at: u64,
    /// What the last reload refused, if it was refused; empty once one applies.
    rejected: Vec<Refused>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rejected_at: Option<u64>,
}

/// One problem as `/readyz` shows it. The file goes by its name alone: `/readyz` answers anyone
/// who reaches it, and the folder's path is the operator's business (the log line has it).
#[derive(Debug, Clone, Serialize)]
struct Refused {
    file: String,
    key: String,
    problem: String,
}

impl Refused {
    fn of(problem: &Problem) -> Self {
        let file = problem.file.file_name().unwrap_or(problem.file.as_os_str());
        Self { file: file.to_string_lossy().into_owned(), key: problem.key.clone(), problem: problem.message.clone() }
    }
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs())
}

impl AdapterFiles {
    /// The files just read at start-up, which refuses any problem.
    pub(super) fn read_now() -> Self {
        Self { state: Mutex::new(Outcome { applied_at: now(), rejected: Vec::new(), rejected_at: None }) }
    }

    /// A reload applied: the set serving is the files on disk.
    pub(super) fn applied(&self) {
        *self.lock() = Outcome { applied_at: now(), rejected: Vec::new(), rejected_at: None };
    }

    /// A reload refused for `problems`: the old set serves.
    pub(super) fn rejected(&self, problems: &[Problem]) {
        let mut outcome = self.lock();
        outcome.rejected = problems.iter().map(Refused::of).collect();
        outcome.rejected_at = Some(now());
    }

    /// `pasar_adapter_files_rejected` (1 while the files on disk are refused) and
    /// `pasar_adapter_files_applied_timestamp_seconds`, brought up to date.
    pub(super) fn set_gauges(&self) {
        let outcome = self.lock();
        let rejected = if outcome.rejected.is_empty() { 0.0 } else { 1.0 };
        metrics::gauge!("pasar_adapter_files_rejected").set(rejected);
        metrics::gauge!("pasar_adapter_files_applied_timestamp_seconds").set(outcome.applied_at as f64);
    }

    /// The `adapter_files` object of `/readyz`.
    pub(super) fn readyz(&self) -> serde_json::Value {
        serde_json::to_value(self.lock().clone()).unwrap_or_default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Outcome> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn problem(file: &str) -> Problem {
        let file = Path::new("/etc/pasar/adapters").join(file);
        Problem { file, line: None, key: "request.colour".into(), message: "unknown field `colour`".into() }
    }

    #[test]
    fn a_refused_reload_is_named_by_file_until_one_applies() {
        let files = AdapterFiles::read_now();
        assert_eq!(files.readyz()["rejected"], serde_json::json!([]));
        files.rejected(&[problem("bela.toml")]);
        let said = files.readyz();
        assert_eq!(said["rejected"][0]["file"], "bela.toml", "no folder path: {said}");
        assert_eq!(said["rejected"][0]["key"], "request.colour");
        assert_eq!(said["rejected"][0]["problem"], "unknown field `colour`");
        assert!(said["rejected_at"].as_u64() >= said["applied_at"].as_u64(), "{said}");
        files.applied();
        let said = files.readyz();
        assert_eq!(said["rejected"], serde_json::json!([]), "{said}");
        assert!(said.get("rejected_at").is_none(), "{said}");
    }
}
