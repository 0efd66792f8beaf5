//! The paging walk against a model marketplace with every quirk the walk must survive.

use super::paging::{Learned, Next, Paging, Walk};
use proptest::prelude::*;

/// A marketplace of `len` items that serves at most `clamp` a page and states `total`.
#[derive(Debug, Clone)]
struct Model {
    len: u32,
    clamp: u32,
    total: Option<u64>,
    paging: Paging,
}

impl Model {
    /// The items of one request, and whether a next cursor comes with them.
    fn page(&self, offset: u32, limit: u32) -> (Vec<u32>, bool) {
        let served = limit.min(self.clamp);
        let from = match self.paging {
            Paging::Numbered => offset / limit * served,
            Paging::Offset | Paging::Cursor | Paging::Single => offset,
        };
        let items: Vec<u32> = (from..from.saturating_add(served).min(self.len)).collect();
        (items, from + served < self.len)
    }
}

/// Walks from `start` to the end; every item at or after `start`, in order.
fn walk(model: &Model, start: u32, size: u32, learned: &Learned) -> Vec<u32> {
    counted_walk(model, start, size, learned).0
}

/// A walk's items and the page requests it made.
fn counted_walk(model: &Model, start: u32, size: u32, learned: &Learned) -> (Vec<u32>, u32) {
    let mut walk = Walk::new(start, size, model.paging);
    let mut seen = Vec::new();
    for requests in 1..10_000 {
        let (offset, limit) = (walk.offset, walk.size);
        let (items, next_cursor) = model.page(offset, limit);
        let listed = items.len() as u32;
        let next = walk.after(listed, model.total, next_cursor, learned);
        if next != Next::Redo {
            for (at, item) in (offset..).zip(items).filter(|(at, _)| *at >= start) {
                assert_eq!(at, item, "item {item} placed at {at}");
                // Read again at its own index (a page asked again at a smaller size): the
                // collector knows it by its id there and skips it.
                if seen.last().is_none_or(|&last| item > last) {
                    seen.push(item);
                }
            }
        }
        if next == Next::End {
            return (seen, requests);
        }
    }
    panic!("the walk did not end");
}

fn paging() -> impl Strategy<Value = Paging> {
    prop_oneof![Just(Paging::Offset), Just(Paging::Numbered), Just(Paging::Cursor)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn every_walk_reaches_every_item_once_whatever_the_clamp_and_total(
        len in 0u32..400,
        clamp in 1u32..120,
        off_by in -5i64..=5,
        stated in any::<bool>(),
        paging in paging(),
        sizes in proptest::collection::vec(1u32..=100, 1..4),
        start_share in 0.0f64..1.0,
    ) {
        let total = stated.then(|| u64::try_from((i64::from(len) + off_by).max(0)).unwrap_or(0));
        let model = Model { len, clamp, total, paging };
        let learned = Learned::default();
        // Several walks share what was learned, as the gateway's searches do.
        for size in sizes {
            let size = learned.max_page_size(size);
            let start = if paging == Paging::Cursor { 0 } else { (f64::from(len) * start_share) as u32 };
            let seen = walk(&model, start, size, &learned);
            prop_assert_eq!(seen, (start..len).collect::<Vec<_>>());
        }
    }
}

#[test]
fn a_clamp_is_learned_for_the_next_walk() {
    let model = Model { len: 54, clamp: 40, total: Some(54), paging: Paging::Numbered };
    let learned = Learned::default();
    assert_eq!(walk(&model, 0, 50, &learned), (0..54).collect::<Vec<_>>());
    assert_eq!(learned.max_page_size(100), 40);
    learned.forget();
    assert_eq!(learned.max_page_size(100), 100);
}

#[test]
fn a_short_answer_costs_one_request_once_a_total_has_proved_true() {
    let learned = Learned::default();
    let short = |len| Model { len, clamp: 100, total: Some(u64::from(len)), paging: Paging::Numbered };
    assert_eq!(counted_walk(&short(7), 0, 50, &learned), ((0..7).collect(), 2), "unknown: checked once");
    assert_eq!(counted_walk(&short(9), 0, 50, &learned), ((0..9).collect(), 1));
    // A clamp still shows: 40 of 54 is short but does not end where the total says.
    let clamped = Model { len: 54, clamp: 40, total: Some(54), paging: Paging::Numbered };
    assert_eq!(counted_walk(&clamped, 0, 50, &learned).0, (0..54).collect::<Vec<_>>());
}

#[test]
fn a_clamped_numbered_page_ending_at_a_trusted_total_is_asked_again_before_it_is_believed() {
    let learned = Learned::default();
    let model = Model { len: 364, clamp: 52, total: Some(364), paging: Paging::Numbered };
    assert_eq!(walk(&model, 343, 1, &learned), (343..364).collect::<Vec<_>>(), "the total proves true");
    // Page 5 of 78 is served as page 5 of 52 (items 208..260), ending where 312 + 52 would.
    assert_eq!(walk(&model, 343, 78, &learned), (343..364).collect::<Vec<_>>());
}

#[test]
fn a_total_found_off_is_no_longer_trusted() {
    let learned = Learned::default();
    let model = |len, total| Model { len, clamp: 100, total: Some(total), paging: Paging::Offset };
    assert_eq!(counted_walk(&model(7, 7), 0, 50, &learned).1, 2);
    assert_eq!(counted_walk(&model(5, 8), 0, 50, &learned).1, 2, "trusted, but 5 is not 8: checked");
    assert_eq!(counted_walk(&model(6, 6), 0, 50, &learned).1, 2, "the last total was off: checked again");
}

#[test]
fn a_short_page_at_a_size_once_served_in_full_is_the_end() {
    let learned = Learned::default();
    let model = |len| Model { len, clamp: 100, total: None, paging: Paging::Offset };
    assert_eq!(counted_walk(&model(80), 0, 50, &learned), ((0..80).collect(), 2), "50, then 30 of 50: proven");
    assert_eq!(counted_walk(&model(7), 0, 50, &learned), ((0..7).collect(), 1));
    assert_eq!(counted_walk(&model(7), 0, 100, &learned).1, 2, "100 a page was never served in full");
}

#[test]
fn a_single_page_walk_reads_the_first_page_only() {
    let learned = Learned::default();
    let mut walk = Walk::new(30, 100, Paging::Single);
    assert_eq!(walk.offset, 0);
    assert_eq!(walk.after(10, None, true, &learned), Next::End);
    assert_eq!(walk.offset, 10);
}

#[tokio::test(start_paused = true)]
async fn a_paging_verdict_is_told_once_and_lasts_until_it_expires_or_is_forgotten() {
    let learned = Learned::default();
    let keep = std::time::Duration::from_secs(60);
    assert!(!learned.ignores_paging());
    assert!(learned.note_ignores_paging(keep));
    assert!(!learned.note_ignores_paging(keep), "not news while it stands");
    assert!(learned.ignores_paging());
    tokio::time::advance(keep).await;
    assert!(!learned.ignores_paging());
    assert!(learned.note_ignores_paging(keep), "news again after it expired");
    learned.forget();
    assert!(!learned.ignores_paging());
}

#[test]
fn a_walk_widens_between_placed_pages_and_a_numbered_one_realigns() {
    let learned = Learned::default();
    let mut numbered = Walk::new(0, 10, Paging::Numbered);
    assert_eq!(numbered.after(10, None, false, &learned), Next::Continue);
    numbered.widen(100);
    assert_eq!((numbered.offset, numbered.size), (0, 100), "page 1 of 100 holds position 10");
    let mut offset = Walk::new(0, 10, Paging::Offset);
    offset.after(10, None, false, &learned);
    offset.widen(100);
    assert_eq!((offset.offset, offset.size), (10, 100));
    offset.widen(50);
    assert_eq!(offset.size, 100, "never narrower");
    let mut cursor = Walk::new(0, 10, Paging::Cursor);
    cursor.after(10, None, true, &learned);
    cursor.widen(100);
    assert_eq!(cursor.size, 10, "a cursor chain keeps its size");
    let mut testing = Walk::new(0, 20, Paging::Offset);
    assert_eq!(testing.after(10, None, false, &learned), Next::Continue, "a short page: a clamp to test");
    testing.widen(100);
    assert_eq!(testing.size, 10, "not while a clamp is being tested");
}

#[test]
fn a_total_stated_too_high_costs_one_read_past_the_short_page_then_none() {
    let learned = Learned::default();
    for paging in [Paging::Numbered, Paging::Offset] {
        learned.forget();
        let high = Model { len: 63, clamp: 100, total: Some(64), paging };
        assert_eq!(counted_walk(&high, 0, 50, &learned), ((0..63).collect(), 3), "{paging:?}: 50, 13, then nothing");
        assert_eq!(counted_walk(&high, 0, 50, &learned).1, 2, "{paging:?}: its totals overstate");
        assert_eq!(learned.max_page_size(50), 50, "{paging:?}: no clamp was taken from the short page");
    }
}
