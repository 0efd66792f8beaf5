//! Walking one marketplace's pages so that every listed item is seen exactly once, whatever page
//! size the marketplace really serves, however its last page ends and whatever total it states.
//!
//! Marketplaces clamp the page size silently (asked for 100, served 40), state totals that are
//! missing or off by a few, and end with a short page, an empty one, or a cursor pointing at an
//! empty page. A short page is therefore ambiguous: the end, or a clamp. The walk only ends on
//! evidence:
//!
//! - an empty page, or a cursor chain without a next cursor;
//! - a short page at a size already served in full during this walk (so it is no clamp);
//! - a short page whose end is exactly the stated total, at a size this marketplace has served
//!   in full before (the count and the page size agree);
//!
//! otherwise it takes the short page's length as the page size and reads on: the next page is
//! empty (it was the end) or not (it was a clamp, learned for later walks in [`Learned`]).
//! A stated total never ends a walk on its own: it may be off.
//!
//! Page-numbered marketplaces (`page = offset / limit + 1`) put a clamped page at
//! `(page - 1) × clamp`, not at the offset asked for; a short page there at a nonzero offset is
//! asked again at the smaller size, aligned to it, before its items are believed.

use std::sync::atomic::{AtomicU32, Ordering};

/// What the gateway has learned about one marketplace's page size, shared by all walks.
#[derive(Debug, Default)]
pub(super) struct Learned {
    /// The page size it was seen to clamp to (0: none seen).
    clamp: AtomicU32,
    /// The largest page size it has served in full (0: none yet).
    served: AtomicU32,
}

impl Learned {
    /// The largest page worth asking for, given the adapter file's `max_page_size`.
    pub(super) fn max_page_size(&self, configured: u32) -> u32 {
        match self.clamp.load(Ordering::Relaxed) {
            0 => configured,
            clamp => clamp.min(configured),
        }
    }

    fn note_served(&self, size: u32) {
        self.served.fetch_max(size, Ordering::Relaxed);
    }

    fn note_clamp(&self, size: u32) {
        self.clamp.store(size, Ordering::Relaxed);
        // Sizes above the clamp were never really served in full.
        self.served.fetch_min(size, Ordering::Relaxed);
        self.served.fetch_max(size, Ordering::Relaxed);
    }

    /// Forgets everything learned (the marketplace may have changed).
    pub(super) fn forget(&self) {
        self.clamp.store(0, Ordering::Relaxed);
        self.served.store(0, Ordering::Relaxed);
    }
}

/// How a marketplace is paged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Paging {
    Offset,
    Numbered,
    Cursor,
}

/// What to do after a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// Its items sit at the offset asked for; ask for the next page.
    Continue,
    /// Its items sit at the offset asked for; there is nothing after them.
    End,
    /// Its items cannot be placed: ask again at the walk's new offset and size.
    Redo,
}

/// One walk's position and page size.
#[derive(Debug, Clone)]
pub(super) struct Walk {
    /// Index in the marketplace's list of the page to ask for next.
    pub(super) offset: u32,
    /// Page size to ask for next.
    pub(super) size: u32,
    paging: Paging,
    /// Largest size served in full during this walk.
    proven: u32,
    /// A short page was taken as a possible clamp of this size; the next page tells.
    pending: Option<u32>,
}

impl Walk {
    /// A walk towards index `start`, asking `size` items a page. A cursor chain can only be
    /// walked from its start; other walks start on the page holding `start`.
    pub(super) fn new(start: u32, size: u32, paging: Paging) -> Self {
        let size = size.max(1);
        let offset = if paging == Paging::Cursor { 0 } else { start / size * size };
        Self { offset, size, paging, proven: 0, pending: None }
    }

    /// Reads a page of `listed` items (readable or not) asked at the current offset and size;
    /// moves the walk on and says whether the items can be taken and whether more may follow.
    pub(super) fn after(&mut self, listed: u32, total: Option<u64>, next_cursor: bool, learned: &Learned) -> Next {
        if let Some(clamp) = self.pending.take().filter(|_| listed > 0) {
            learned.note_clamp(clamp);
            self.proven = self.proven.max(clamp);
        }
        if listed == 0 {
            return Next::End;
        }
        let (offset, size) = (self.offset, self.size);
        if self.paging == Paging::Cursor {
            self.offset = offset.saturating_add(listed);
            return if next_cursor { Next::Continue } else { Next::End };
        }
        if listed >= size {
            self.proven = self.proven.max(size);
            learned.note_served(size);
            self.offset = offset.saturating_add(listed);
            return Next::Continue;
        }
        let end = offset.saturating_add(listed);
        let counted = total == Some(u64::from(end)) && learned.served.load(Ordering::Relaxed) >= size;
        if self.proven >= size || counted {
            self.offset = end;
            return Next::End;
        }
        self.size = listed;
        if self.paging == Paging::Numbered && offset > 0 {
            self.offset = offset / listed * listed;
            return Next::Redo;
        }
        self.offset = end;
        self.pending = Some(listed);
        Next::Continue
    }
}
