//! Walking one marketplace's pages so that every listed item is seen exactly once, whatever page
//! size the marketplace really serves, however its last page ends and whatever total it states.
//!
//! Marketplaces clamp the page size silently (asked for 100, served 40), state totals that are
//! missing or off by a few, and end with a short page, an empty one, or a cursor pointing at an
//! empty page. A short page is therefore ambiguous: the end, or a clamp. The walk only ends on
//! evidence:
//!
//! - an empty page, or a cursor chain without a next cursor;
//! - a short page at a size already served in full during this walk (so it is no clamp), or
//!   at a size this marketplace has served in full before (in any walk), unless the total it
//!   states says more follow (rows left out of a page after paging, a cap lowered since);
//! - a page, short or full, whose end is exactly the stated total, once a walk has seen this
//!   marketplace's stated total match the end it reached (its totals can be trusted);
//!
//! otherwise it takes the short page's length as the page size and reads on: the next page is
//! empty (it was the end) or not (it was a clamp, learned for later walks in [`Learned`]).
//! A stated total never ends a walk on its own while it is untested: it may be off. So only the
//! first short answers from a marketplace cost a second call; afterwards what was learned ends
//! them in one.
//!
//! A marketplace may also ignore the position asked for and serve its first page again (real
//! APIs that do not page do). A page whose items were all seen already in the walk says so: the
//! walk ends there and later walks read only its first page, at the largest size ([`Paging::Single`]),
//! until the verdict expires ([`Learned::ignores_paging`]).
//!
//! Page-numbered marketplaces (`page = offset / limit + 1`) put a clamped page at
//! `(page - 1) × clamp`, not at the offset asked for; a short page there at a nonzero offset is
//! asked again at the smaller size, aligned to it, before its items are believed.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;
use tokio::time::Instant;

/// What the gateway has learned about one marketplace's paging, shared by all walks.
#[derive(Debug, Default)]
pub(super) struct Learned {
    /// The page size it was seen to clamp to (0: none seen).
    clamp: AtomicU32,
    /// The largest page size it has served in full (0: none yet).
    served: AtomicU32,
    /// A walk ended on evidence where the stated total said it would, and none since ended
    /// elsewhere: a short page ending at the stated total is the end.
    totals_trusted: AtomicBool,
    /// A walk read past a short page its stated total said more followed, and found nothing:
    /// its totals overstate (hidden or sold-out listings counted), so a short page at a size
    /// served in full is its end whatever it states (review37 R37-2).
    totals_high: AtomicBool,
    /// Until when it is taken to ignore the position asked for (serving its first page again).
    single_until: Mutex<Option<Instant>>,
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

    /// A walk ended at `end` on evidence other than the total: the total it stated is tested.
    /// An empty answer agreeing on zero says little (estimated totals get zero right too), so
    /// only a nonempty one earns trust; any disagreement takes it away.
    pub(super) fn note_end(&self, end: u32, total: Option<u64>) {
        match total {
            Some(total) if total != u64::from(end) => self.totals_trusted.store(false, Ordering::Relaxed),
            Some(_) if end > 0 => {
                self.totals_trusted.store(true, Ordering::Relaxed);
                self.totals_high.store(false, Ordering::Relaxed);
            }
            _ => {}
        }
    }

    /// Whether the marketplace is taken to ignore the page position asked for.
    pub(super) fn ignores_paging(&self) -> bool {
        let until = self.single_until.lock().map(|until| *until).unwrap_or(None);
        until.is_some_and(|until| Instant::now() < until)
    }

    /// Takes the marketplace to ignore the page position for `keep`; true when this is news
    /// (no verdict stood), so the caller tells operators once, not on every walk.
    pub(super) fn note_ignores_paging(&self, keep: Duration) -> bool {
        let Ok(mut until) = self.single_until.lock() else { return false };
        let now = Instant::now();
        let news = until.is_none_or(|until| until <= now);
        if news {
            *until = Some(now + keep);
        }
        news
    }

    /// Forgets everything learned (the marketplace may have changed).
    pub(super) fn forget(&self) {
        self.clamp.store(0, Ordering::Relaxed);
        self.served.store(0, Ordering::Relaxed);
        self.totals_trusted.store(false, Ordering::Relaxed);
        self.totals_high.store(false, Ordering::Relaxed);
        if let Ok(mut until) = self.single_until.lock() {
            *until = None;
        }
    }
}

/// How a marketplace is paged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Paging {
    Offset,
    Numbered,
    Cursor,
    /// Serves its first page whatever position is asked: one page, read from the start.
    Single,
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
    /// Where a short page at a size served in full ended, below the total it stated: the walk
    /// reads past it once, and an empty page there ends the list at this index.
    pub(super) past: Option<u32>,
}

impl Walk {
    /// A walk towards index `start`, asking `size` items a page. A cursor chain can only be
    /// walked from its start; other walks start on the page holding `start`.
    pub(super) fn new(start: u32, size: u32, paging: Paging) -> Self {
        let size = size.max(1);
        let offset = if matches!(paging, Paging::Cursor | Paging::Single) { 0 } else { start / size * size };
        Self { offset, size, paging, proven: 0, pending: None, past: None }
    }

    /// Asks `size` a page from the next page on, when that is larger and the walk is between
    /// pages it has placed (no clamp being tested). A numbered walk moves back to the page of
    /// that size holding its position; the items it reads again are known by their ids and
    /// indices and skipped. A cursor chain keeps its size.
    pub(super) fn widen(&mut self, size: u32) {
        if self.pending.is_some() || size <= self.size || matches!(self.paging, Paging::Cursor | Paging::Single) {
            return;
        }
        self.size = size;
        if self.paging == Paging::Numbered {
            self.offset = self.offset / size * size;
        }
    }

    /// Reads a page of `listed` items (readable or not) asked at the current offset and size;
    /// moves the walk on and says whether the items can be taken and whether more may follow.
    pub(super) fn after(&mut self, listed: u32, total: Option<u64>, next_cursor: bool, learned: &Learned) -> Next {
        if let Some(clamp) = self.pending.take().filter(|_| listed > 0) {
            learned.note_clamp(clamp);
            self.proven = self.proven.max(clamp);
        }
        let past = self.past.take();
        if listed == 0 {
            if let Some(end) = past {
                // Read past a short page on the total's word, and nothing was there.
                self.offset = end;
                learned.totals_high.store(true, Ordering::Relaxed);
            }
            learned.note_end(self.offset, total);
            return Next::End;
        }
        let (offset, size) = (self.offset, self.size);
        if self.paging == Paging::Single {
            self.offset = listed;
            return Next::End;
        }
        if self.paging == Paging::Cursor {
            self.offset = offset.saturating_add(listed);
            return if next_cursor { Next::Continue } else { Next::End };
        }
        if listed >= size {
            self.proven = self.proven.max(size);
            learned.note_served(size);
            self.offset = offset.saturating_add(listed);
            // A full page ending at a total that has proved true is the end as a short one is:
            // asking past it would only find the empty page.
            let counted = total == Some(u64::from(self.offset)) && learned.totals_trusted.load(Ordering::Relaxed);
            return if counted { Next::End } else { Next::Continue };
        }
        let end = offset.saturating_add(listed);
        let counted = total == Some(u64::from(end)) && learned.totals_trusted.load(Ordering::Relaxed);
        // A stated total past this page says more follow: a short page is then no end, even at a
        // size served in full (a marketplace that left a listing out of the page after paging,
        // or lowered its cap since), and reading on costs a call only when the two disagree.
        let more_stated =
            total.is_some_and(|total| total > u64::from(end)) && !learned.totals_high.load(Ordering::Relaxed);
        let proven = self.proven >= size || learned.served.load(Ordering::Relaxed) >= size;
        if proven && !more_stated {
            learned.note_end(end, total);
            self.offset = end;
            return Next::End;
        }
        if proven {
            // No clamp (this size was served in full), so the page lies where it was asked: the
            // next one is read once, at the same size. Taking its length for a clamp asked again
            // at ever smaller sizes cost ten calls for a total one too high (review37 R37-2).
            self.past = Some(end);
            self.offset = if self.paging == Paging::Numbered { offset.saturating_add(size) } else { end };
            return Next::Continue;
        }
        // A numbered page at a nonzero offset may be clamped and so lie elsewhere: a total that
        // happens to match where it would end places nothing.
        let misplaced = self.paging == Paging::Numbered && offset > 0;
        if counted && !misplaced {
            self.offset = end;
            return Next::End;
        }
        self.size = listed;
        if misplaced {
            self.offset = offset / listed * listed;
            return Next::Redo;
        }
        self.offset = end;
        self.pending = Some(listed);
        Next::Continue
    }
}
