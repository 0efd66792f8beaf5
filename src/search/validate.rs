//! The checks every search and comparison passes before any marketplace is asked.

use super::error::SearchError;
use super::filter::OfferFilter;
use super::limits::MAX_QUERY_CHARS;
use crate::marketplace::Registry;

/// The trimmed query, when the request may run: a query of 1 to [`MAX_QUERY_CHARS`] characters,
/// `first` from 1 to `max_first`, and only registered marketplaces in the filter.
pub(super) fn admit<'q>(
    query: &'q str,
    first: u32,
    max_first: u32,
    filter: &OfferFilter,
    registry: &Registry,
) -> Result<&'q str, SearchError> {
    let query = query.trim();
    if query.is_empty() || query.chars().count() > MAX_QUERY_CHARS {
        return Err(SearchError::BadQuery);
    }
    if let Some(control) = query.chars().find(|c| c.is_control() && !c.is_whitespace()) {
        return Err(SearchError::ControlCharacter(control));
    }
    if !query.chars().any(char::is_alphanumeric) {
        return Err(SearchError::NoWord);
    }
    if first == 0 || first > max_first {
        return Err(SearchError::BadFirst { max: max_first });
    }
    if let Some(unknown) = filter.unknown_marketplace(registry) {
        return Err(SearchError::UnknownMarketplace(unknown));
    }
    Ok(query)
}
