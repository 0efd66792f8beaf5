//! Reading a page's items through what is remembered: the same fields are never normalised
//! twice, and anything that could change the offer is.

use super::{Reading, Remembered};
use crate::cache::MemoryStore;
use crate::model::{MarketplaceId, Offer};
use crate::normalize::offer::normalize_offer;
use crate::normalize::raw::{RawOffer, RawValue, ValueFormat};
use crate::normalize::vat::VatPolicy;
use rust_decimal_macros::dec;
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

fn remembered() -> Remembered {
    Remembered::new(16 * 1024 * 1024, Arc::new(MemoryStore::new(1024 * 1024)))
}

fn item(id: &str, title: &str, vat: &Arc<VatPolicy>) -> RawOffer {
    RawOffer {
        source_id: id.into(),
        title: title.into(),
        price: RawValue { value: json!("Rp 55.000"), format: ValueFormat::IdrText },
        vat: Arc::clone(vat),
        vendor_name: "CV Sumber Makmur".into(),
        vendor_region: Some("Kota Surabaya".into()),
        ..RawOffer::default()
    }
}

fn policy(rate: rust_decimal::Decimal) -> Arc<VatPolicy> {
    Arc::new(VatPolicy { includes_vat: Some(true), rate, rules: Vec::new() })
}

/// Reads `raws` as a page fetched now, counting the items normalised.
async fn read(remembered: &Remembered, raws: Vec<RawOffer>, count: &AtomicUsize) -> Vec<Arc<Offer>> {
    read_sent(remembered, raws, count, SystemTime::now()).await
}

/// Reads `raws` as the answer to a request sent at `sent`.
async fn read_sent(
    remembered: &Remembered,
    raws: Vec<RawOffer>,
    count: &AtomicUsize,
    sent: SystemTime,
) -> Vec<Arc<Offer>> {
    let marketplace = MarketplaceId::new("mbiz");
    let counted = |m: &MarketplaceId, raw: &RawOffer| {
        count.fetch_add(1, Ordering::Relaxed);
        normalize_offer(m, raw)
    };
    let page = Reading { marketplace: &marketplace, fingerprint: 0, sent };
    remembered.read_with(page, raws.into_iter().map(Arc::new).collect(), counted).await
}

#[tokio::test]
async fn an_item_fetched_again_with_the_same_fields_is_not_normalised_again() {
    let (remembered, count, vat) = (remembered(), AtomicUsize::new(0), policy(dec!(11)));
    let page = || vec![item("A-1", "Kertas HVS A4 70gsm", &vat), item("A-2", "Tinta Epson 003 hitam", &vat)];
    let first = read(&remembered, page(), &count).await;
    assert_eq!(count.load(Ordering::Relaxed), 2);
    let again = read(&remembered, page(), &count).await;
    assert_eq!(count.load(Ordering::Relaxed), 2, "nothing changed, nothing is read again");
    assert!(again.iter().zip(&first).all(|(a, f)| Arc::ptr_eq(a, f)), "the page shares the remembered offers");
    let normalised: Vec<Arc<Offer>> =
        page().iter().map(|raw| Arc::new(normalize_offer(&MarketplaceId::new("mbiz"), raw))).collect();
    assert_eq!(again, normalised, "a remembered offer is the offer its fields give");
}

#[tokio::test]
async fn a_changed_field_or_pricing_policy_normalises_that_item_again() {
    let (remembered, count, vat) = (remembered(), AtomicUsize::new(0), policy(dec!(11)));
    read(&remembered, vec![item("A-1", "Kertas HVS A4", &vat), item("A-2", "Map plastik", &vat)], &count).await;
    let retitled =
        read(&remembered, vec![item("A-1", "Kertas HVS F4", &vat), item("A-2", "Map plastik", &vat)], &count);
    assert_eq!(retitled.await[0].title, "Kertas HVS F4");
    assert_eq!(count.load(Ordering::Relaxed), 3, "only the changed item is read again");
    // A reloaded adapter whose PPN rate changed: every price must be computed again.
    let reloaded = policy(dec!(12));
    let repriced = read(&remembered, vec![item("A-2", "Map plastik", &reloaded)], &count).await;
    assert_eq!(count.load(Ordering::Relaxed), 4);
    assert_eq!(repriced[0].price.as_ref().map(|p| p.vat_rate), Some(dec!(12)));
}

#[tokio::test]
async fn an_offer_another_instance_shared_is_read_once_then_matched() {
    let (remembered, count, vat) = (remembered(), AtomicUsize::new(0), policy(dec!(11)));
    let shared = Arc::new(normalize_offer(&MarketplaceId::new("mbiz"), &item("A-1", "Kertas HVS A4", &vat)));
    remembered.remember(std::slice::from_ref(&shared), 0).await;
    for _ in 0..3 {
        let offers = read(&remembered, vec![item("A-1", "Kertas HVS A4", &vat)], &count).await;
        assert_eq!(offers, std::slice::from_ref(&shared));
    }
    assert_eq!(count.load(Ordering::Relaxed), 1, "kept with its fields after the first read");
    assert_eq!(remembered.offer("mbiz:A-1").await.as_ref(), Some(&*shared));
}

#[tokio::test]
async fn a_remembered_offer_is_answerable_for_its_retention_after_its_entry_was_written() {
    use super::{Kept, OFFER_RETENTION, REFRESH_AFTER};
    use std::time::{Duration, Instant};
    let vat = policy(dec!(11));
    let offer = Arc::new(normalize_offer(&MarketplaceId::new("mbiz"), &item("A-1", "Kertas HVS A4", &vat)));
    let written = Instant::now();
    let kept = Kept { offer, raw: None, written };
    let lives = OFFER_RETENTION + REFRESH_AFTER;
    assert!(kept.live(written + lives - Duration::from_secs(1)));
    assert!(!kept.live(written + lives));
    // Through the lookup every read and `offer(id)` make.
    let (remembered, count) = (remembered(), AtomicUsize::new(0));
    let before = Instant::now();
    read(&remembered, vec![item("A-2", "Map plastik", &vat)], &count).await;
    let after = Instant::now();
    assert!(remembered.kept("mbiz:A-2", before + lives - Duration::from_secs(1)).is_some());
    assert!(remembered.kept("mbiz:A-2", after + lives).is_none(), "forgotten after its retention");
}

#[tokio::test]
async fn a_marketplace_forgotten_answers_none_of_its_offers_and_the_others_stay() {
    let (remembered, vat) = (remembered(), policy(dec!(11)));
    let offer = |marketplace: &str, id: &str| {
        Arc::new(normalize_offer(&MarketplaceId::new(marketplace), &item(id, "Map plastik", &vat)))
    };
    let kept = [offer("mbiz", "A-1"), offer("mbiz-2", "A-1"), offer("ekatalog", "A-1")];
    remembered.remember(&kept, 0).await;
    remembered.forget_marketplace(&MarketplaceId::new("mbiz"));
    assert_eq!(remembered.offer("mbiz:A-1").await, None);
    assert_eq!(remembered.offer("mbiz-2:A-1").await.as_ref(), Some(&*kept[1]), "a longer id sharing its start stays");
    assert_eq!(remembered.offer("ekatalog:A-1").await.as_ref(), Some(&*kept[2]));
}

#[tokio::test]
async fn an_offer_read_again_unchanged_shows_the_later_read_wherever_it_is_held() {
    let (remembered, count, vat) = (remembered(), AtomicUsize::new(0), policy(dec!(11)));
    let first = read(&remembered, vec![item("A-1", "Kertas HVS A4", &vat)], &count).await;
    let read_first = first[0].read_at.get().expect("read from its marketplace");
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let again = read(&remembered, vec![item("A-1", "Kertas HVS A4", &vat)], &count).await;
    assert!(Arc::ptr_eq(&again[0], &first[0]), "the same offer, shared with the first page");
    let read_again = first[0].read_at.get().expect("read");
    assert!(read_again > read_first, "the first page's offer shows the later read");
    let looked_up = remembered.offer("mbiz:A-1").await.expect("remembered");
    assert_eq!(looked_up.read_at.get(), Some(read_again));
}

#[tokio::test]
async fn an_offer_another_instance_read_later_shows_its_read() {
    let (remembered, count, vat) = (remembered(), AtomicUsize::new(0), policy(dec!(11)));
    let here = read(&remembered, vec![item("A-1", "Kertas HVS A4", &vat)], &count).await;
    let shared = normalize_offer(&MarketplaceId::new("mbiz"), &item("A-1", "Kertas HVS A4", &vat));
    let later = here[0].read_at.get().expect("read") + std::time::Duration::from_secs(30);
    shared.read_at.raise(later);
    remembered.remember(&[Arc::new(shared)], 0).await;
    assert_eq!(remembered.offer("mbiz:A-1").await.expect("remembered").read_at.get(), Some(later));
    let earlier = normalize_offer(&MarketplaceId::new("mbiz"), &item("A-1", "Kertas HVS A4", &vat));
    earlier.read_at.raise(later - std::time::Duration::from_secs(60));
    remembered.remember(&[Arc::new(earlier)], 0).await;
    assert_eq!(remembered.offer("mbiz:A-1").await.expect("kept").read_at.get(), Some(later), "never moved back");
}

#[tokio::test]
async fn a_slow_answer_sent_before_a_later_reading_never_replaces_it() {
    let (remembered, count, vat) = (remembered(), AtomicUsize::new(0), policy(dec!(11)));
    // To the millisecond, as read times are kept.
    let millis = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).expect("after 1970").as_millis();
    let sent_slow = SystemTime::UNIX_EPOCH + Duration::from_millis(u64::try_from(millis).expect("ms"));
    let sent_fast = sent_slow + Duration::from_millis(400);
    let mut changed = item("A-1", "Kertas HVS A4", &vat);
    changed.price.value = json!("Rp 58.000");
    let fast = read_sent(&remembered, vec![changed], &count, sent_fast).await;
    // The slow request left first and carries the price before the change; it arrives last.
    let slow = read_sent(&remembered, vec![item("A-1", "Kertas HVS A4", &vat)], &count, sent_slow).await;
    assert_eq!(slow[0].read_at.get(), Some(sent_slow), "read when its request left, not when it arrived");
    let price = |o: &Offer| o.price.as_ref().map(|p| p.amount);
    assert_eq!(price(&slow[0]), Some(dec!(55000)), "its page shows what it read");
    let now = remembered.offer("mbiz:A-1").await.expect("remembered");
    assert_eq!(
        (price(&now), now.read_at.get()),
        (price(&fast[0]), Some(sent_fast)),
        "offer(id) keeps the later reading"
    );
}

#[tokio::test]
async fn a_page_shared_from_before_a_change_never_puts_the_older_reading_back() {
    let (remembered, count, vat) = (remembered(), AtomicUsize::new(0), policy(dec!(11)));
    let before = normalize_offer(&MarketplaceId::new("mbiz"), &item("A-1", "Kertas HVS A4", &vat));
    before.read_at.raise(SystemTime::now() - Duration::from_secs(2));
    let mut changed = item("A-1", "Kertas HVS A4", &vat);
    changed.price.value = json!("Rp 58.000");
    read(&remembered, vec![changed], &count).await;
    remembered.remember(&[Arc::new(before)], 0).await;
    let now = remembered.offer("mbiz:A-1").await.expect("remembered");
    assert_eq!(now.price.map(|p| p.amount), Some(dec!(58000)), "the reading made after the shared page's");
}

/// A store shared with other instances that notes the offer records it is asked to keep.
#[derive(Default)]
struct SharedSpy {
    offers: std::sync::Mutex<Vec<(String, u64)>>,
}

#[async_trait::async_trait]
impl crate::cache::PageStore for SharedSpy {
    async fn get(&self, _: &crate::cache::CacheKey) -> Option<Arc<crate::cache::CachedPage>> {
        None
    }
    async fn insert(&self, _: crate::cache::CacheKey, _: Arc<crate::cache::CachedPage>) {}
    async fn purge(&self, _: Option<&str>) -> u64 {
        0
    }
    fn shared(&self) -> bool {
        true
    }
    async fn keep_records(&self, kind: &'static str, records: Vec<crate::cache::Record>, _: Duration) {
        if kind == "offer" {
            self.offers.lock().expect("spy").extend(records.into_iter().map(|r| (r.id, r.read_ms)));
        }
    }
}

/// review30c N7 and N3: what this instance read is shared with the time it was read (the shared
/// store keeps the later of two readings by it); offers of a page another instance shared are
/// not written back (an older page served from the store would put its reading over a later one).
#[tokio::test]
async fn only_offers_read_here_are_shared_and_each_with_the_time_of_its_reading() {
    let spy = Arc::new(SharedSpy::default());
    let remembered = Remembered::new(16 * 1024 * 1024, Arc::clone(&spy) as Arc<dyn crate::cache::PageStore>);
    let (count, vat) = (AtomicUsize::new(0), policy(dec!(11)));
    let sent = SystemTime::UNIX_EPOCH + Duration::from_millis(1_796_600_000_123);
    read_sent(&remembered, vec![item("A-1", "Kertas HVS A4", &vat)], &count, sent).await;
    assert_eq!(*spy.offers.lock().expect("spy"), [("mbiz:A-1".to_string(), 1_796_600_000_123)]);

    let theirs = normalize_offer(&MarketplaceId::new("mbiz"), &item("A-2", "Map plastik", &vat));
    theirs.read_at.raise(sent);
    remembered.remember(&[Arc::new(theirs)], 0).await;
    assert_eq!(spy.offers.lock().expect("spy").len(), 1, "another instance's reading is not shared again");
    assert!(remembered.offer("mbiz:A-2").await.is_some(), "though it is remembered here");
}
