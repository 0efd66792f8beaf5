//! The checks every search and comparison passes before any marketplace is asked.

use super::error::SearchError;
use super::filter::OfferFilter;
use super::limits::MAX_QUERY_CHARS;
use crate::marketplace::Registry;
use crate::normalize::echo;

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
    // The pages' and GraphQL's own rule, so no door lets one through another refuses.
    if let Some(control) = query.chars().find(|c| echo::is_hidden(*c)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_with_a_control_or_text_direction_character_is_refused_and_whitespace_is_not() {
        let registry = Registry::from_entries(Vec::new());
        let admitted = |query: &str| admit(query, 5, 100, &OfferFilter::default(), &registry).map(str::to_string);
        for (query, hidden) in
            [("kertas\u{202E}a4", '\u{202E}'), ("kertas\u{0}a4", '\u{0}'), ("a\u{200B}4", '\u{200B}')]
        {
            assert!(matches!(admitted(query), Err(SearchError::ControlCharacter(c)) if c == hidden), "{query:?}");
        }
        assert_eq!(admitted(" kertas\ta4 ").ok().as_deref(), Some("kertas\ta4"));
    }
}
