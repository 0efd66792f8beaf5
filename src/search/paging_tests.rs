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
            Paging::Offset | Paging::Cursor => offset,
        };
        let items: Vec<u32> = (from..from.saturating_add(served).min(self.len)).collect();
        (items, from + served < self.len)
    }
}

/// Walks from `start` to the end; every item at or after `start`, in order.
fn walk(model: &Model, start: u32, size: u32, learned: &Learned) -> Vec<u32> {
    let mut walk = Walk::new(start, size, model.paging);
    let mut seen = Vec::new();
    for _ in 0..10_000 {
        let (offset, limit) = (walk.offset, walk.size);
        let (items, next_cursor) = model.page(offset, limit);
        let listed = items.len() as u32;
        let next = walk.after(listed, model.total, next_cursor, learned);
        if next != Next::Redo {
            let placed = (offset..).zip(items);
            seen.extend(placed.filter(|(at, _)| *at >= start).map(|(at, item)| {
                assert_eq!(at, item, "item {item} placed at {at}");
                item
            }));
        }
        if next == Next::End {
            return seen;
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
