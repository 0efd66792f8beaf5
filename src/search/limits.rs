//! The limits a client's request must keep to. Error messages are written from these constants,
//! and a black-box test checks that the schema's descriptions name the same numbers.

/// Longest query text, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Largest `first` of a search.
pub(super) const MAX_FIRST: u32 = 100;
/// Deepest position a client may page to; deeper pages cost every marketplace too much.
pub(super) const MAX_DEPTH: u32 = 1_000;
/// Largest `first` of a comparison (product groups).
pub(super) const MAX_GROUPS: u32 = 50;
/// Matching offers taken from each marketplace to group in a comparison.
pub(super) const COMPARE_WINDOW: u32 = 100;
/// Offers of each marketplace sorted by the gateway in the non-relevance orders.
pub(super) const SORT_WINDOW: u32 = 200;
