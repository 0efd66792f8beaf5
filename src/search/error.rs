//! Why a search or comparison could not run at all. These are the client's errors; a marketplace
//! that fails gives a partial answer instead (see [`Sources`](super::Sources)).

use super::cursor::CursorError;
use super::limits::MAX_QUERY_CHARS;
use crate::normalize::echo::echoed;

/// Why a search could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The `after` cursor is not one this gateway issued.
    #[error(transparent)]
    Cursor(#[from] CursorError),
    /// The query text is empty or too long.
    #[error("the query must be 1 to {MAX_QUERY_CHARS} characters")]
    BadQuery,
    /// The query text holds a control character other than whitespace (a NUL, an escape): no
    /// buyer types one, and pages and spreadsheets would echo it.
    #[error("the query holds a control or text-direction character ({0:?})")]
    ControlCharacter(char),
    /// The query text has no letter or digit (`-`, `*`, a zero-width space): there is nothing
    /// to search for, and a marketplace would answer with whatever it lists first.
    #[error("the query has no letter or digit to search for")]
    NoWord,
    /// `first` out of range; `max` is the limit of the operation asked.
    #[error("`first` must be between 1 and {max}")]
    BadFirst {
        /// The largest `first` the operation allows.
        max: u32,
    },
    /// A filter names a marketplace that is not registered.
    #[error("unknown marketplace `{}`", echoed(.0))]
    UnknownMarketplace(String),
}

impl SearchError {
    /// The argument a client got wrong, for `extensions.field`.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Cursor(_) => "after",
            Self::BadQuery | Self::ControlCharacter(_) | Self::NoWord => "query",
            Self::BadFirst { .. } => "first",
            Self::UnknownMarketplace(_) => "filter.marketplaces",
        }
    }
}
