//! Joining an answer's accounts of one vendor, and which account states each fact.

use super::*;

fn account(
    marketplace: &str,
    id: &str,
    npwp: Option<&str>,
    scale: BusinessScale,
    region: Option<&'static str>,
) -> Offer {
    let mut offer = Offer::sample(id);
    offer.marketplace = MarketplaceId::new(marketplace);
    offer.vendor.source_id = Some(format!("v-{id}"));
    // One name for every account (a sample's is its id): accounts of one NPWP under two names are
    // two businesses (`NPWP_SHARED`).
    offer.vendor.name_key = "PT:UJI".into();
    offer.vendor.entity_key = npwp.map(String::from);
    offer.vendor.scale = scale;
    offer.vendor.region_code = region;
    offer
}

#[test]
fn an_accounts_facts_come_from_any_of_its_listings_not_only_the_first() {
    let bare = account("mbiz", "a", None, BusinessScale::Unknown, None);
    let mut stating = account("mbiz", "b", Some("012345678"), BusinessScale::Kecil, Some("35.78"));
    stating.vendor.source_id = bare.vendor.source_id.clone();
    stating.vendor.npwp = Some("0123456789012345".into());
    let facts = resolve([&bare, &stating]).of(&bare);
    assert_eq!(facts.npwp.as_ref().map(|n| (n.value.as_str(), n.own)), Some(("0123456789012345", true)));
    assert!(facts.umk());
    assert_eq!(facts.region_code(), Some("35.78"));
}

#[test]
fn an_unstated_scale_and_place_come_from_the_same_vendors_other_account_and_say_which() {
    let mbiz = account("mbiz", "a", Some("012345678"), BusinessScale::Unknown, None);
    let padi = account("padi-umkm", "b", Some("012345678"), BusinessScale::Kecil, Some("35.72"));
    let facts = resolve([&mbiz, &padi]).of(&mbiz);
    assert!(facts.umk());
    assert_eq!(facts.scale.as_ref().map(|s| (s.by.as_str(), s.own)), Some(("padi-umkm", false)));
    assert_eq!(facts.region_code(), Some("35.72"));
    assert!(!VendorFacts::own(&mbiz).umk(), "alone, the account states nothing");
}

#[test]
fn different_npwps_are_never_joined_and_the_answer_alone_decides() {
    let mbiz = account("mbiz", "a", Some("012345678"), BusinessScale::Unknown, None);
    let other = account("padi-umkm", "b", Some("999999999"), BusinessScale::Mikro, Some("35.72"));
    let facts = resolve([&mbiz, &other]).of(&mbiz);
    assert_eq!((facts.umk(), facts.region_code()), (false, None));
}

#[test]
fn the_offers_own_statement_is_named_as_its_own() {
    let own = account("bela", "a", None, BusinessScale::Mikro, Some("35.71"));
    let facts = resolve([&own]).of(&own);
    assert_eq!(facts.scale.map(|s| (s.by.as_str().to_string(), s.own)), Some(("bela".into(), true)));
}

#[test]
fn an_offer_is_placed_where_its_own_office_is_not_where_another_branch_is() {
    let office = |marketplace: &str, id: &str, branch: &str, region: Option<&'static str>| {
        let mut offer = account(marketplace, id, Some("037065731"), BusinessScale::Kecil, region);
        offer.vendor.npwp = Some(format!("0037065731619{branch}"));
        offer
    };
    let branch = office("bela", "a", "001", Some("35.09"));
    let head = office("mbiz", "b", "000", Some("35.71"));
    let head_unplaced = office("padi-umkm", "c", "000", None);
    let branch_unplaced = office("jatim-bejo", "d", "001", None);
    let facts = resolve([&branch, &head, &head_unplaced, &branch_unplaced]);
    let placed = |offer: &Offer| facts.of(offer).region.map(|r| (r.value, r.by.to_string(), r.own));
    assert_eq!(placed(&head), Some(("35.71", "mbiz".into(), true)), "its own place, though bela comes first");
    assert_eq!(placed(&branch), Some(("35.09", "bela".into(), true)));
    assert_eq!(placed(&head_unplaced), Some(("35.71", "mbiz".into(), false)), "the same office's place");
    assert_eq!(placed(&branch_unplaced), Some(("35.09", "bela".into(), false)));
    let mut unknown_office = account("ekatalog", "e", Some("037065731"), BusinessScale::Kecil, None);
    unknown_office.vendor.npwp = None;
    let facts = resolve([&branch, &head, &unknown_office]);
    assert_eq!(facts.of(&unknown_office).region, None, "offices disagree: no place is guessed");
}

/// UD Indo Sakti in Kabupaten Blitar: e-Katalog and PaDi write the owner's NIK and the scale,
/// Bela the NPWP15 and no scale.
fn indo_sakti(marketplace: &str, id: &str, entity: &str, scale: BusinessScale) -> Offer {
    let mut offer = account(marketplace, id, Some(entity), scale, Some("35.05"));
    offer.vendor.name_key = "UD:INDO SAKTI".into();
    if entity.len() == 16 {
        offer.vendor.npwp = Some(entity.into());
    } else {
        offer.vendor.npwp15 = Some(format!("{entity}653000"));
    }
    offer
}

#[test]
fn a_sole_traders_nik_and_npwp15_accounts_of_one_name_and_region_are_one_vendor() {
    let padi = indo_sakti("padi-umkm", "a", "3505170410880200", BusinessScale::Kecil);
    let bela = indo_sakti("bela", "b", "816806105", BusinessScale::Unknown);
    let facts = resolve([&bela, &padi]).of(&bela);
    assert_eq!(
        facts.scale.as_ref().map(|s| (s.value, s.by.as_str(), s.own)),
        Some((BusinessScale::Kecil, "padi-umkm", false))
    );
    assert_eq!(facts.npwp.map(|n| n.value).as_deref(), Some("3505170410880200"), "the NIK-based NPWP16");
}

#[test]
fn a_nik_is_not_joined_to_an_npwp15_when_its_name_and_region_hold_two() {
    let padi = indo_sakti("padi-umkm", "a", "3505170410880200", BusinessScale::Kecil);
    let bela = indo_sakti("bela", "b", "816806105", BusinessScale::Unknown);
    let other = indo_sakti("mbiz", "c", "999999999", BusinessScale::Unknown);
    let facts = resolve([&bela, &padi, &other]);
    assert!(!facts.of(&bela).umk() && !facts.of(&other).umk(), "which of the two is the person is not known");
    assert!(facts.of(&padi).umk());
}

#[test]
fn a_sole_traders_npwp15_is_its_npwp_when_no_account_states_a_16_digit_one() {
    let bela = indo_sakti("bela", "b", "816806105", BusinessScale::Unknown);
    let npwp = resolve([&bela]).of(&bela).npwp.map(|n| (n.value, n.own));
    assert_eq!(npwp, Some(("816806105653000".to_string(), true)));
}

#[test]
fn a_bare_twin_town_places_the_vendor_in_its_province_naming_both_regions() {
    let mut kediri = account("jatim-bejo", "a", None, BusinessScale::Kecil, None);
    kediri.vendor.location = Some("Kediri".into());
    let facts = resolve([&kediri]);
    let ranked = |region: &str| {
        let buyer = crate::search::policy::BuyerContext { region_code: region.into() };
        let (_, why) =
            crate::search::policy::rank(vec![&kediri], Some(&buyer), &facts, &crate::search::policy::Scope::default())
                .remove(0);
        (why.locality, why.reasons[2].clone())
    };
    let (locality, reason) = ranked("35.71");
    assert_eq!(locality, crate::search::policy::Locality::SameProvince);
    assert_eq!(
        reason,
        "vendor in the buyer's province (its location could be any of: Kabupaten Kediri (35.06), \
         Kota Kediri (35.71)) (as stated by this offer's account on jatim-bejo)"
    );
    assert_eq!(ranked("31.71").0, crate::search::policy::Locality::National);
    assert_eq!(facts.of(&kediri).region, None, "still no single region");
}

/// An account of `PT Sinar Abadi` in Kota Malang on `marketplace`.
fn sinar(marketplace: &str, id: &str, entity: Option<&str>, scale: BusinessScale) -> Offer {
    let mut offer = account(marketplace, id, entity, scale, Some("35.73"));
    offer.vendor.name_key = "PT:SINAR ABADI".into();
    offer
}

/// As the vendor directory: `PT Sinar Abadi`, NPWP, Besar, and the same name and place with no
/// NPWP, Kecil, are not one vendor (review33w W33-12), so the Kecil listing takes neither the
/// company's NPWP into the HPS file nor its scale.
#[test]
fn a_listing_stating_another_scale_takes_no_fact_of_the_npwp_vendor_of_its_name() {
    let mut besar = sinar("mbiz", "a", Some("333333333"), BusinessScale::Besar);
    besar.vendor.npwp = Some("0333333333333000".into());
    let kecil = sinar("padi-umkm", "b", None, BusinessScale::Kecil);
    let facts = resolve([&besar, &kecil]);
    let (of_kecil, of_besar) = (facts.of(&kecil), facts.of(&besar));
    assert!(of_kecil.umk() && !of_besar.umk());
    assert_eq!(of_kecil.npwp, None, "{:?}", of_kecil.npwp);
    // Stating no scale, it still joins and takes the company's facts.
    let bare = sinar("padi-umkm", "c", None, BusinessScale::Unknown);
    let of_bare = resolve([&besar, &bare]).of(&bare);
    assert_eq!(of_bare.npwp.as_ref().map(|n| n.value.as_str()), Some("0333333333333000"), "{of_bare:?}");
    assert!(!of_bare.umk());
}

#[test]
fn a_listing_stated_mikro_takes_the_facts_of_the_kecil_npwp_vendor_of_its_name() {
    let mut kecil = sinar("mbiz", "a", Some("333333333"), BusinessScale::Kecil);
    kecil.vendor.npwp = Some("0333333333333000".into());
    let mikro = sinar("padi-umkm", "b", None, BusinessScale::Mikro);
    let of_mikro = resolve([&kecil, &mikro]).of(&mikro);
    assert_eq!(of_mikro.npwp.as_ref().map(|n| n.value.as_str()), Some("0333333333333000"), "{of_mikro:?}");
    assert!(of_mikro.umk());
}

/// An account of `CV Berkah Abadi` in Kota Malang on `marketplace`: stating `PT Sinar Abadi`'s
/// NPWP, the two are one NPWP under two businesses (`NPWP_SHARED`), as the vendor directory says.
fn berkah(marketplace: &str, id: &str, entity: &str) -> Offer {
    let mut offer = account(marketplace, id, Some(entity), BusinessScale::Unknown, None);
    offer.vendor.name_key = "CV:BERKAH ABADI".into();
    offer.vendor.legal_form = LegalForm::Cv;
    offer
}

/// A PT and a CV stating one NPWP are two businesses (`NPWP_SHARED`), and the merged vendor states
/// no scale: no account of it is UMK, by its own statement or another's, nor takes another's
/// place or NPWP (which business stated them is the question).
#[test]
fn no_account_of_a_disputed_npwp_vendor_is_umk_nor_takes_another_accounts_facts() {
    let mut pt = sinar("mbiz", "a", Some("333333333"), BusinessScale::Kecil);
    pt.vendor.npwp = Some("0333333333333000".into());
    let cv = berkah("padi-umkm", "b", "333333333");
    let facts = resolve([&pt, &cv]);
    let (of_cv, of_pt) = (facts.of(&cv), facts.of(&pt));
    assert_eq!((of_cv.scale.as_ref(), of_cv.region_code(), of_cv.npwp.as_ref()), (None, None, None));
    assert_eq!((of_pt.umk(), of_pt.region_code(), of_pt.npwp.map(|n| n.own)), (false, Some("35.73"), Some(true)));
}

/// As the vendor directory: a listing of the PT's name and place stating no NPWP is neither of
/// the businesses of a disputed NPWP, so it keeps its own facts (its own vendor's).
#[test]
fn a_listing_stating_no_npwp_keeps_its_own_facts_beside_a_disputed_npwp_vendor_of_its_name() {
    let mut pt = sinar("mbiz", "a", Some("333333333"), BusinessScale::Kecil);
    pt.vendor.npwp = Some("0333333333333000".into());
    let cv = berkah("padi-umkm", "b", "333333333");
    let bare = sinar("bela", "c", None, BusinessScale::Kecil);
    let of_bare = resolve([&pt, &cv, &bare]).of(&bare);
    assert_eq!((of_bare.npwp.as_ref(), of_bare.umk()), (None, true));
}
