//! The vendor directory's memory: shared vendors, a byte budget and expiry.

use super::*;
use crate::model::BusinessScale;

/// An offer `n` of a vendor with NPWP entity `entity` (or none) named `name` in Jakarta Pusat.
fn offer(n: u32, name: &str, entity: Option<&str>) -> Offer {
    let mut offer = Offer::sample(&format!("o{n}"));
    offer.marketplace = MarketplaceId::new("mbiz");
    offer.vendor.source_id = Some(format!("{name}-account"));
    offer.vendor.name_key = format!("PT:{name}");
    offer.vendor.entity_key = entity.map(str::to_string);
    offer
}

#[test]
fn a_known_vendor_is_shared_not_copied_for_each_offer() {
    let directory = VendorDirectory::new(1 << 20);
    let offer = offer(1, "MAJU", Some("012345678"));
    directory.record(std::slice::from_ref(&offer));
    let a = directory.vendor_of(&offer.marketplace, &offer.vendor);
    let b = directory.vendor_of(&offer.marketplace, &offer.vendor);
    assert!(Arc::ptr_eq(&a, &b));
    assert_eq!(a.id, "npwp-012345678");
}

#[test]
fn a_vendor_unseen_for_the_retention_is_forgotten_with_the_name_that_led_to_it() {
    let directory = VendorDirectory::new(1 << 20);
    let start = Instant::now();
    let npwp = offer(1, "MAJU", Some("012345678"));
    directory.record_at(std::slice::from_ref(&npwp), start);
    let name_only = offer(2, "MAJU", None);
    directory.record_at(std::slice::from_ref(&name_only), start);
    assert_eq!(directory.vendor_of(&name_only.marketplace, &name_only.vendor).id, "npwp-012345678");
    let (bytes_then, _) = directory.size();

    let other = offer(3, "LAIN", Some("987654321"));
    directory.record_at(std::slice::from_ref(&other), start + RETENTION - SWEEP_EVERY);
    assert!(directory.get("npwp-012345678").is_some(), "still within the retention");
    directory.record_at(std::slice::from_ref(&other), start + RETENTION + SWEEP_EVERY);
    assert!(directory.get("npwp-012345678").is_none());
    assert_eq!(directory.vendor_of(&name_only.marketplace, &name_only.vendor).id, "name-PT:MAJU@31.71");
    let (bytes, count) = directory.size();
    assert_eq!(count, 1, "only the vendor seen since");
    let alone = VendorDirectory::new(1 << 20);
    alone.record_at(std::slice::from_ref(&other), start);
    assert_eq!(bytes, alone.size().0, "nothing of the forgotten vendor is still counted");
    assert!(bytes < bytes_then);
}

#[test]
fn past_its_budget_the_directory_forgets_the_vendors_seen_longest_ago() {
    let budget = 64 * 1024;
    let directory = VendorDirectory::new(budget);
    let start = Instant::now();
    for n in 0..1_000u32 {
        let offer = offer(n, &format!("V{n}"), Some(&format!("{n:09}")));
        directory.record_at(&[offer], start + Duration::from_millis(u64::from(n)));
    }
    let (bytes, count) = directory.size();
    assert!(bytes <= budget, "{bytes} bytes held for a budget of {budget}");
    assert!(count > 50 && count < 1_000, "{count} vendors kept");
    assert!(directory.get("npwp-000000999").is_some(), "the last seen stays");
    assert!(directory.get("npwp-000000000").is_none(), "the first seen went first");
}

#[test]
fn a_sole_trader_found_under_its_nik_and_its_npwp_keeps_the_id_it_was_first_shown_by_among_its_former_ids() {
    let directory = VendorDirectory::new(1 << 20);
    let by_nik = offer(1, "MAJU", Some("3174011905930044"));
    directory.record(std::slice::from_ref(&by_nik));
    let before = directory.vendor_of(&by_nik.marketplace, &by_nik.vendor);
    assert_eq!((before.id.as_str(), before.former_ids.len()), ("nik-3174011905930044", 0));
    let mut by_npwp = offer(2, "MAJU", Some("934452468"));
    by_npwp.vendor.source_id = Some("another-account".into());
    directory.record(std::slice::from_ref(&by_npwp));
    let after = directory.get("nik-3174011905930044").expect("the first id still answers");
    assert_eq!(after.id, "npwp-934452468");
    assert_eq!(after.former_ids, ["nik-3174011905930044"]);
    assert_eq!(after.accounts.len(), 2);
}

#[test]
fn a_company_is_shown_where_its_head_office_is_once_that_is_seen() {
    let directory = VendorDirectory::new(1 << 20);
    let mut branch = offer(1, "BUMI", Some("037065731"));
    branch.vendor.npwp = Some("0037065731625001".into());
    branch.vendor.region_code = Some("35.09");
    directory.record(std::slice::from_ref(&branch));
    assert_eq!(directory.get("npwp-037065731").expect("known").record.region_code, Some("35.09"));
    let mut head = offer(2, "BUMI", Some("037065731"));
    head.vendor.source_id = Some("head-account".into());
    head.vendor.npwp = Some("0037065731619000".into());
    head.vendor.region_code = Some("35.71");
    directory.record([&head, &branch]);
    let vendor = directory.get("npwp-037065731").expect("known");
    assert_eq!(vendor.record.region_code, Some("35.71"));
    assert_eq!(vendor.accounts.len(), 2);
}

#[test]
fn a_sole_traders_scale_stated_under_its_nik_is_kept_when_that_record_merges_into_its_npwp() {
    let directory = VendorDirectory::new(1 << 20);
    let mut by_nik = offer(1, "UD:INDO SAKTI", Some("3505170410880200"));
    by_nik.vendor.scale = BusinessScale::Kecil;
    by_nik.vendor.npwp = Some("3505170410880200".into());
    let mut by_npwp = offer(2, "UD:INDO SAKTI", Some("816806105"));
    by_npwp.vendor.source_id = Some("bela-account".into());
    by_npwp.vendor.scale = BusinessScale::Unknown;
    directory.record([&by_npwp, &by_nik]);
    let vendor = directory.get("npwp-816806105").expect("known");
    assert_eq!(vendor.former_ids, ["nik-3505170410880200"], "the two records were merged");
    assert_eq!(vendor.record.scale, BusinessScale::Kecil);
    assert_eq!(vendor.record.npwp.as_deref(), Some("3505170410880200"));
}

/// UD Bumi Gemilang: head office NPWP15 …619000 in Kota Kediri, branch …625001 in Jember, and
/// the owner's NIK on a third marketplace.
fn bumi_gemilang() -> [Offer; 3] {
    let mut head = offer(1, "UD:BUMI", Some("037065731"));
    head.vendor.source_id = Some("head".into());
    head.vendor.npwp15 = Some("037065731619000".into());
    head.vendor.region_code = Some("35.71");
    let mut branch = offer(2, "UD:BUMI", Some("037065731"));
    branch.vendor.source_id = Some("branch".into());
    branch.vendor.npwp15 = Some("037065731625001".into());
    branch.vendor.region_code = Some("35.09");
    let mut by_nik = offer(3, "UD:BUMI", Some("3571024511790077"));
    by_nik.vendor.npwp = Some("3571024511790077".into());
    by_nik.vendor.region_code = Some("35.09");
    [head, branch, by_nik]
}

#[test]
fn a_sole_trader_is_shown_by_its_head_office_whichever_account_was_met_first() {
    let [head, branch, by_nik] = bumi_gemilang();
    let shown = |order: [&Offer; 3]| {
        let directory = VendorDirectory::new(1 << 20);
        for offer in order {
            directory.record([offer]);
        }
        let vendor = directory.get("npwp-037065731").expect("known");
        (vendor.record.region_code, vendor.record.npwp.clone(), vendor.accounts.len())
    };
    let expected = (Some("35.71"), Some("3571024511790077".to_string()), 3);
    assert_eq!(shown([&branch, &by_nik, &head]), expected, "branch first");
    assert_eq!(shown([&by_nik, &branch, &head]), expected, "NIK first");
    assert_eq!(shown([&head, &branch, &by_nik]), expected, "head office first");
}

#[test]
fn an_office_written_as_a_bare_twin_name_is_placed_by_its_account_that_resolves() {
    let office = |n: u32, location: &str, region: Option<&'static str>| {
        let mut offer = offer(n, "PT:BERKAH SANTOSO", Some("931522434"));
        offer.vendor.source_id = Some(format!("account-{n}"));
        offer.vendor.npwp = Some("0931522434624000".into());
        offer.vendor.location = Some(location.into());
        offer.vendor.region_code = region;
        offer
    };
    let bare = office(1, "Pasuruan", None);
    let resolved = office(2, "Kota Pasuruan", Some("35.75"));
    let elsewhere = office(3, "Kota Surabaya", Some("35.78"));
    for order in [[&bare, &elsewhere, &resolved], [&resolved, &elsewhere, &bare]] {
        let directory = VendorDirectory::new(1 << 20);
        for offer in order {
            directory.record([offer]);
        }
        let vendor = directory.get("npwp-931522434").expect("known");
        assert_eq!(vendor.record.region_code, Some("35.75"), "not Surabaya, which Pasuruan cannot be");
    }
}

/// PT Sinar Abadi with its NPWP stating `with_npwp`, and a listing of the same name and place on
/// another account with no NPWP stating `by_name`.
fn sinar_abadi(with_npwp: BusinessScale, by_name: BusinessScale) -> (Offer, Offer) {
    let mut npwp = offer(1, "SINAR ABADI", Some("333333333"));
    npwp.vendor.scale = with_npwp;
    let mut named = offer(2, "SINAR ABADI", None);
    named.vendor.source_id = Some("other-account".into());
    named.vendor.scale = by_name;
    (npwp, named)
}

/// PT Sinar Abadi with its NPWP, `Besar`, and a listing of the same name and place with no NPWP,
/// `Kecil` (review33w W33-12): in either order.
#[test]
fn a_listing_stating_another_scale_is_not_merged_by_name_into_an_npwp_vendor() {
    let (besar, mut kecil) = sinar_abadi(BusinessScale::Besar, BusinessScale::Kecil);
    for order in [[&besar, &kecil], [&kecil, &besar]] {
        let directory = VendorDirectory::new(1 << 20);
        directory.record(order);
        let npwp = directory.vendor_of(&besar.marketplace, &besar.vendor);
        let named = directory.vendor_of(&kecil.marketplace, &kecil.vendor);
        assert_eq!((npwp.id.as_str(), npwp.record.scale), ("npwp-333333333", BusinessScale::Besar));
        assert_eq!((named.id.as_str(), named.record.scale), ("name-PT:SINAR ABADI@31.71", BusinessScale::Kecil));
        assert_eq!(npwp.accounts.len(), 1, "{:?}", npwp.accounts);
    }
    // Stating the same scale, or none, it still joins.
    for scale in [BusinessScale::Besar, BusinessScale::Unknown] {
        let directory = VendorDirectory::new(1 << 20);
        kecil.vendor.scale = scale;
        directory.record([&besar, &kecil]);
        assert_eq!(directory.vendor_of(&kecil.marketplace, &kecil.vendor).id, "npwp-333333333");
    }
}

/// Review34m M34-10: `Mikro` on one marketplace and `Kecil` on another (same name, same region)
/// were split into two vendors by the rule above, though both are UMK to every rule that reads it.
#[test]
fn a_business_stated_mikro_here_and_kecil_there_is_one_vendor() {
    let (kecil, mikro) = sinar_abadi(BusinessScale::Kecil, BusinessScale::Mikro);
    for order in [[&kecil, &mikro], [&mikro, &kecil]] {
        let directory = VendorDirectory::new(1 << 20);
        directory.record(order);
        assert_eq!(directory.vendor_of(&mikro.marketplace, &mikro.vendor).id, "npwp-333333333");
    }
}
