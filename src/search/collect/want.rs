//! What a walk through one marketplace is asked for, what it carries over from an earlier round
//! of the same search, and what it gathers.

use crate::marketplace::MarketplaceError;
use crate::search::filter::OfferFilter;
use crate::search::gaps::Gaps;
use crate::search::outcome::SharedOffer;
use crate::search::shown::Shown;
use std::collections::HashMap;
use std::time::Duration;

/// What to fetch from one marketplace: matching offers from position `start` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::search) struct Want {
    /// Index in the marketplace's own result list to start at.
    pub(in crate::search) start: u32,
    /// Matching offers wanted.
    pub(in crate::search) keep: u32,
    /// Keep every matching offer of the pages read, past `keep`: they were fetched and
    /// normalised anyway, and a merged page may need them (see `search/rounds.rs`).
    pub(in crate::search) whole_pages: bool,
    /// Places before `start` that delivered no offer, when known (see `search/gaps.rs`).
    pub(in crate::search) left_out_before: Option<u32>,
}

impl Want {
    /// `keep` matching offers from the top of the list, and no more.
    pub(in crate::search) fn first(keep: u32) -> Self {
        Self { start: 0, keep, whole_pages: false, left_out_before: Some(0) }
    }
}

/// Offers' ids, each with its index in the marketplace's list. (foldhash, as the caches: every
/// fetched offer's id goes in.)
pub(in crate::search) type Seen = HashMap<String, u32, foldhash::fast::RandomState>;

/// What an earlier round of the same search leaves to a later one for a marketplace.
#[derive(Default)]
pub(in crate::search) struct Earlier {
    /// Ids of the offers already taken, each with its index in the marketplace's list: a page
    /// of nothing else shows a marketplace ignoring the position asked for, across rounds as
    /// within a walk, and an id met again at another index is a repeat, left out.
    pub(in crate::search) seen: Seen,
    /// Time already spent on it: the deadline is for the whole search.
    pub(in crate::search) spent: Duration,
    /// A cursor-paged marketplace's cursor to the page at the position continued from.
    pub(in crate::search) cursor: Option<String>,
    /// The count an earlier round's pages stated (exact, not an estimate): a later round that
    /// finds the marketplace not paging before reading a page of its own keeps it (review27a E5).
    pub(in crate::search) stated: Option<u64>,
    /// What the client's earlier pages delivered of it: met again, the list moved.
    pub(in crate::search) shown: Shown,
}

/// What is asked of one marketplace besides the position.
#[derive(Clone, Copy)]
pub(in crate::search) struct Ask<'a> {
    pub(in crate::search) query: &'a str,
    pub(in crate::search) filter: &'a OfferFilter,
    /// Filters the marketplace applies itself, as its query parameters.
    pub(in crate::search) pushed: &'a [(String, String)],
    /// Whether the gateway applies conditions the marketplace does not, so pages are scanned.
    pub(in crate::search) scans: bool,
    pub(in crate::search) bypass: bool,
}

/// What one walk gathered (see [`crate::search::fanout::Fetched`] for the fields' meaning).
pub(in crate::search) struct Collected {
    pub(in crate::search) scanned_to: u32,
    pub(in crate::search) offers: Vec<(u32, SharedOffer)>,
    pub(in crate::search) total: Option<u64>,
    /// Whether `total` is the marketplace's estimate (replaced by a count at the end).
    pub(in crate::search) total_approximate: bool,
    pub(in crate::search) exhausted: bool,
    pub(in crate::search) next_cursor: Option<String>,
    /// A page after the first failed: the walk ended there, with the pages read before it.
    pub(in crate::search) failed: Option<MarketplaceError>,
    /// Pages read: a walk stopped after one (its deadline passed) keeps them.
    pub(in crate::search) pages: u32,
    /// What paging reaches of a list longer than that, when the marketplace serves only its
    /// first page (`total` stays what it states).
    pub(in crate::search) reachable: Option<u64>,
    /// The count the first page stated, for a walk from a later position (a client's `after`).
    pub(in crate::search) stated_before: Option<u64>,
    /// The places of the list that delivered no offer, up to where it was read.
    pub(in crate::search) gaps: Gaps,
    /// A row delivered on the client's earlier page came again: the list moved (then or before).
    pub(in crate::search) moved: bool,
}

impl Collected {
    /// Nothing yet, from where `want` starts.
    pub(in crate::search) fn new(want: Want) -> Self {
        Self {
            scanned_to: want.start,
            offers: Vec::new(),
            total: None,
            total_approximate: false,
            exhausted: false,
            next_cursor: None,
            failed: None,
            pages: 0,
            reachable: None,
            stated_before: None,
            gaps: Gaps::starting(want.left_out_before),
            moved: false,
        }
    }
}
