use super::*;
use crate::cache::{CachedPage, Freshness};
use crate::marketplace::MarketplaceError;
use crate::model::{MarketplaceId, Offer};
use crate::search::gaps::Gaps;
use crate::search::outcome::SharedOffer;
use std::sync::Arc;
use std::time::Duration;

/// A marketplace's part: offers at `indices`, read up to `scanned_to`.
fn part(id: &str, indices: std::ops::Range<u32>, scanned_to: u32, exhausted: bool) -> Fetched {
    let offers: Vec<Offer> = indices.clone().map(|i| Offer::sample(&format!("{id}-{i}"))).collect();
    let freshness = Freshness {
        ttl: Duration::from_secs(60),
        stale_while_revalidate: Duration::ZERO,
        stale_if_error: Duration::ZERO,
    };
    let page = Arc::new(CachedPage::fetched_now(offers, freshness));
    let mut report = SourceReport::starting(MarketplaceId::new(id), false);
    report.status = SourceStatus::Ok;
    let offers = indices.enumerate().filter_map(|(at, i)| Some((i, SharedOffer::new(&page, at)?))).collect();
    Fetched {
        report,
        offers,
        total: None,
        total_exact: true,
        exhausted,
        scanned_to,
        next_cursor: None,
        error: None,
        reachable: None,
        gaps: Gaps::starting(Some(0)),
        moved: false,
    }
}

fn from_zero(_: &str) -> u32 {
    0
}

#[test]
fn marketplaces_that_each_gave_their_share_are_not_asked_again() {
    // 20 wanted over five: pages of 10 hold twice the share of 4.
    let parts: Vec<Fetched> = ["a", "b", "c", "d", "e"].iter().map(|id| part(id, 0..10, 10, false)).collect();
    assert!(shortfall(&parts, 20, &from_zero).is_empty());
}

#[test]
fn when_others_run_short_the_marketplace_with_more_is_asked_for_what_the_page_lacks() {
    let parts = vec![part("a", 0..10, 10, false), part("b", 0..2, 2, true), part("c", 0..0, 0, true)];
    // The page takes a0,b0,a1,b1,a2..a9 = 12 offers: 8 short of 20, all of them a's to give.
    assert_eq!(shortfall(&parts, 20, &from_zero), vec![(0, 8)]);
}

#[test]
fn a_marketplace_read_past_where_the_page_ends_is_not_asked_again() {
    // The page would end at a7; c, read to 5, may still place offers before it.
    let parts = vec![part("a", 0..10, 10, false), part("b", 0..10, 10, false), part("c", 0..5, 5, false)];
    let short = shortfall(&parts, 20, &from_zero);
    // Before c5: a0..a5, b0..b5, c0..c4 = 17 placed; 3 places left for c.
    assert_eq!(short, vec![(2, 3)]);
    let read_far = vec![part("a", 0..10, 10, false), part("b", 0..10, 10, false), part("c", 0..0, 12, false)];
    assert!(shortfall(&read_far, 20, &from_zero).is_empty(), "c has nothing before index 12");
}

#[test]
fn marketplaces_the_page_waits_on_are_each_asked_their_share_of_the_room_left() {
    let parts = vec![part("a", 0..10, 10, false), part("b", 0..10, 10, false), part("c", 0..0, 0, true)];
    // 20 placed, 20 wanted more: 10 of each.
    assert_eq!(shortfall(&parts, 40, &from_zero), vec![(0, 10), (1, 10)]);
}

#[test]
fn failed_exhausted_and_switched_off_marketplaces_are_never_asked_again() {
    let mut failed = part("a", 0..0, 0, false);
    failed.error = Some(MarketplaceError::Overloaded);
    let mut off = part("b", 0..0, 0, false);
    off.report.status = SourceStatus::Disabled;
    let parts = vec![failed, off, part("c", 0..3, 3, true)];
    assert!(shortfall(&parts, 20, &from_zero).is_empty());
}

#[test]
fn a_marketplace_scanned_as_far_as_one_request_may_is_not_asked_again() {
    let parts = vec![part("a", 0..0, MAX_SCAN_ITEMS + 40, false)];
    assert!(shortfall(&parts, 20, &|_| 40).is_empty());
    assert_eq!(shortfall(&parts, 20, &|_| 41), vec![(0, 20)], "one item short of the limit still asks");
}

#[test]
fn two_rounds_report_their_time_together_and_a_stale_page_stays_said() {
    let mut report = SourceReport::starting(MarketplaceId::new("a"), false);
    report.status = SourceStatus::Stale;
    report.cache = CacheStatus::Stale;
    report.stale_error = Some(MarketplaceError::Overloaded);
    report.latency_ms = 30;
    let mut later = SourceReport::starting(MarketplaceId::new("a"), false);
    later.status = SourceStatus::Ok;
    later.cache = CacheStatus::Miss;
    later.latency_ms = 25;
    merge_reports(&mut report, &later);
    assert_eq!(
        (report.status, report.cache, report.served_on_error()),
        (SourceStatus::Stale, CacheStatus::Stale, true)
    );
    assert_eq!(report.latency_ms, 55);
    let mut hit = SourceReport::starting(MarketplaceId::new("a"), false);
    hit.status = SourceStatus::Ok;
    merge_reports(&mut hit, &later);
    assert_eq!((hit.status, hit.cache), (SourceStatus::Ok, CacheStatus::Miss));
}

#[test]
fn a_later_round_that_fails_keeps_the_offers_but_the_answer_is_not_complete() {
    let mut fetched = part("a", 0..10, 10, false);
    let mut later = part("a", 0..0, 10, false);
    later.error = Some(MarketplaceError::Overloaded);
    absorb(&mut fetched, later);
    assert_eq!(fetched.offers.len(), 10, "what the first round gave is still served");
    assert_eq!(fetched.report.status, SourceStatus::Overloaded);
    let message = fetched.report.message.clone().unwrap_or_default();
    assert!(message.contains("after 10 offers"), "{message}");
    let mut sources = crate::search::report::Sources::default();
    sources.add(fetched.report, fetched.error);
    assert!(!sources.complete());
    assert_eq!(sources.failures.len(), 1);
    assert!(sources.fresh_until().all(|until| until.is_none()), "never replayed as a complete answer");
}
