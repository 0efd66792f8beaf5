//! What the request being served has to tell its access line and its upstream calls: its id, the
//! GraphQL operation name, and how each marketplace it asked answered.
//!
//! The notes live in a task-local set around the request by the router's first layer; code deep
//! on the path (the fan-out, the adapter) writes or reads them without having them passed down.
//! A page load may be driven by another request waiting for the same page, or finish in a task
//! of its own after its callers left, so the fetch path hands the notes over with [`carry`]. Outside a request (a probe, a test driving a layer alone) there are no notes and
//! every call here does nothing.

use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

tokio::task_local! {
    static CURRENT: Arc<RequestNotes>;
}

/// Longest operation name kept for the access line (a client chooses it).
const MAX_OPERATION_NAME: usize = 64;

/// One request's notes.
#[derive(Debug, Default)]
pub struct RequestNotes {
    /// The request id (`x-request-id`, the client's own or generated).
    pub id: String,
    noted: Mutex<Noted>,
}

#[derive(Debug, Default)]
struct Noted {
    operation: Option<String>,
    /// (marketplace, status) in the order the marketplaces finished.
    sources: Vec<(String, &'static str)>,
}

impl RequestNotes {
    /// Notes for the request with id `id`.
    pub fn new(id: impl Into<String>) -> Arc<Self> {
        Arc::new(Self { id: id.into(), noted: Mutex::default() })
    }

    /// The GraphQL operation name, if one was given.
    pub fn operation(&self) -> Option<String> {
        self.noted.lock().unwrap_or_else(PoisonError::into_inner).operation.clone()
    }

    /// Each marketplace asked and how it answered, `bela:OK mbiz:TIMEOUT`, by id; several
    /// searches in one request each add theirs (`mbiz:OK mbiz:OK`). `-` when none was asked.
    pub fn sources(&self) -> String {
        let noted = self.noted.lock().unwrap_or_else(PoisonError::into_inner);
        let mut sources: Vec<String> = noted.sources.iter().map(|(id, status)| format!("{id}:{status}")).collect();
        if sources.is_empty() {
            return "-".into();
        }
        sources.sort();
        sources.join(" ")
    }
}

/// A response extension: the request goes on after its handler returned (a page streamed as the
/// marketplaces answer), so its access line is written and it is counted when the body ends, not
/// before: `cancelled` if the client left first.
#[derive(Debug, Clone, Copy)]
pub struct LineAtBodyEnd;

/// What a request came to, as `pasar_http_requests_total{outcome}` says it. Ordered from best
/// to worst, so a batch says its worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Answered without errors.
    Ok,
    /// A hash-only APQ request whose document is not stored yet (`PERSISTED_QUERY_NOT_FOUND`):
    /// the client resends it with its query. Every new client's first use of a hash does this,
    /// so it is not counted as refused, where it would read as an attack or a bug.
    ApqMiss,
    /// Refused before anything ran: a limit, a document that does not parse or validate.
    Refused,
    /// Run, and its answer carries errors (a field refused, every marketplace failed), or the
    /// server failed.
    Error,
    /// Ended before its answer: the client went away or stopped it (closed the connection, reset
    /// the stream, completed the operation), or the gateway shut down. Neither a success nor the
    /// gateway's failure, and an error-rate dashboard must see it.
    Cancelled,
}

impl Outcome {
    /// What an HTTP status alone says; a GraphQL answer says more (a response extension, set
    /// where the answer is built: `application/json` answers errors with 200).
    pub fn of_status(status: u16) -> Self {
        match status {
            0..400 => Self::Ok,
            400..500 => Self::Refused,
            _ => Self::Error,
        }
    }

    /// The `outcome` label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::ApqMiss => "apq_miss",
            Self::Refused => "refused",
            Self::Error => "error",
            Self::Cancelled => "cancelled",
        }
    }
}

/// Runs `request` with `notes` as its notes.
pub async fn scope<F: Future>(notes: Arc<RequestNotes>, request: F) -> F::Output {
    CURRENT.scope(notes, request).await
}

/// The current request's notes, if any.
pub fn current() -> Option<Arc<RequestNotes>> {
    CURRENT.try_with(Arc::clone).ok()
}

/// The current request's id, if any.
pub fn id() -> Option<String> {
    CURRENT.try_with(|notes| notes.id.clone()).ok().filter(|id| !id.is_empty())
}

/// `future`, run with the current request's notes (for work spawned on the request's behalf).
pub fn carry<F: Future>(future: F) -> impl Future<Output = F::Output> {
    let notes = current();
    async move {
        match notes {
            Some(notes) => CURRENT.scope(notes, future).await,
            None => future.await,
        }
    }
}

/// Runs `f` with `notes` as the current request's notes, where no future can be scoped: a stream
/// dropped before its end notes what it came to in its `Drop`.
pub fn within<R>(notes: Arc<RequestNotes>, f: impl FnOnce() -> R) -> R {
    CURRENT.sync_scope(notes, f)
}

/// Notes the GraphQL operation name (cut to a bounded length).
pub fn note_operation(name: &str) {
    let _ = CURRENT.try_with(|notes| {
        let name: String = name.chars().take(MAX_OPERATION_NAME).collect();
        notes.noted.lock().unwrap_or_else(PoisonError::into_inner).operation = Some(name);
    });
}

/// Notes how one marketplace answered (its `SourceStatus` name).
pub fn note_source(marketplace: &str, status: &'static str) {
    let _ = CURRENT.try_with(|notes| {
        notes.noted.lock().unwrap_or_else(PoisonError::into_inner).sources.push((marketplace.to_string(), status));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn notes_are_kept_inside_the_scope_and_carried_into_spawned_work_only() {
        note_source("mbiz", "OK");
        assert!(current().is_none(), "no notes outside a request");
        let notes = RequestNotes::new("req-1");
        scope(Arc::clone(&notes), async {
            note_operation(&"Search".repeat(20));
            note_source("mbiz", "TIMEOUT");
            let carried = tokio::spawn(carry(async { id() })).await.expect("task");
            assert_eq!(carried.as_deref(), Some("req-1"));
            let bare = tokio::spawn(async { id() }).await.expect("task");
            assert_eq!(bare, None, "a task not carried has no request");
            note_source("bela", "OK");
        })
        .await;
        assert_eq!(notes.sources(), "bela:OK mbiz:TIMEOUT");
        assert_eq!(notes.operation().map(|o| o.len()), Some(MAX_OPERATION_NAME));
        assert_eq!(RequestNotes::new("x").sources(), "-");
    }
}
