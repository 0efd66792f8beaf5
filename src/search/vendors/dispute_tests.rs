//! Records sharing one NPWP entity under names or forms that cannot be one business
//! (review39n R39n-4).

use super::dispute::forms_agree;
use super::*;
use crate::model::{BusinessScale, LegalForm};
use crate::normalize::vendor::{canonical_name, name_key};

/// An offer of the account `account` on `marketplace`, its seller written `raw`, stating the
/// NPWP entity `entity` (or none) and `scale`, in Kota Kediri.
pub(super) fn listed(marketplace: &str, account: &str, raw: &str, entity: Option<&str>, scale: BusinessScale) -> Offer {
    let mut offer = Offer::sample(&format!("{account}-offer"));
    offer.marketplace = MarketplaceId::new(marketplace);
    let name = canonical_name(raw, None);
    let record = &mut offer.vendor;
    record.source_id = Some(account.into());
    record.raw_name = raw.into();
    record.name.clone_from(&name.name);
    record.legal_form = name.legal_form;
    record.name_key = name_key(&name);
    record.entity_key = entity.map(str::to_string);
    record.scale = scale;
    record.region_code = Some("35.71");
    offer
}

/// What a buyer is told of a vendor: name, form, scale, issue codes, accounts.
fn told(vendor: &Vendor) -> (String, LegalForm, BusinessScale, Vec<&str>, usize) {
    let record = &vendor.record;
    let codes = record.issues.iter().map(|issue| issue.code).collect();
    (record.name.clone(), record.legal_form, record.scale, codes, vendor.accounts.len())
}

/// The vendor `id` after recording `offers` one by one in that order.
fn after(offers: &[&Offer], id: &str) -> Arc<Vendor> {
    let directory = VendorDirectory::new(1 << 20);
    for offer in offers {
        directory.record([*offer]);
    }
    directory.get(id).expect("known")
}

#[test]
fn a_pt_and_a_cv_under_one_npwp_are_one_vendor_naming_both_with_no_form_or_scale_in_either_order() {
    let pt = listed("idt", "X1", "PT Sentosa Makmur Jaya", Some("031112223"), BusinessScale::Besar);
    let cv = listed("idt", "X2", "CV Berkah Abadi", Some("031112223"), BusinessScale::Kecil);
    let first = after(&[&pt, &cv], "npwp-031112223");
    let second = after(&[&cv, &pt], "npwp-031112223");
    let expected = (
        "CV Berkah Abadi / PT Sentosa Makmur Jaya".to_string(),
        LegalForm::Unknown,
        BusinessScale::Unknown,
        vec!["NPWP_SHARED"],
        2,
    );
    assert_eq!(told(&first), expected, "PT first");
    assert_eq!(told(&second), expected, "CV first");
    let message = &first.record.issues[0].message;
    assert!(message.contains("CV Berkah Abadi (CV) and PT Sentosa Makmur Jaya (PT)"), "{message}");
    assert_eq!(message, &second.record.issues[0].message);
}

#[test]
fn two_names_of_one_form_under_one_npwp_keep_the_form_they_agree_on_but_no_scale() {
    let one = listed("idt", "A", "PT Alpha Niaga", Some("012345678"), BusinessScale::Kecil);
    let other = listed("ent", "B", "PT Beta Teknik", Some("012345678"), BusinessScale::Kecil);
    for order in [[&one, &other], [&other, &one]] {
        let vendor = after(&order, "npwp-012345678");
        let shown = told(&vendor);
        assert_eq!(
            shown,
            ("PT Alpha Niaga / PT Beta Teknik".into(), LegalForm::Pt, BusinessScale::Unknown, vec!["NPWP_SHARED"], 2)
        );
    }
}

#[test]
fn spellings_and_forms_the_name_reader_calls_one_business_raise_no_issue() {
    let dotted = listed("idt", "A", "PT.MAJU JAYA ABADI", Some("012345678"), BusinessScale::Kecil);
    let comma = listed("ent", "B", "Maju Jaya Abadi, PT", Some("012345678"), BusinessScale::Unknown);
    let mut perorangan = listed("mbiz", "C", "PT Maju Jaya Abadi", Some("012345678"), BusinessScale::Unknown);
    perorangan.vendor.legal_form = LegalForm::PtPerorangan;
    let bare = listed("padi", "D", "Maju Jaya Abadi", Some("012345678"), BusinessScale::Unknown);
    let vendor = after(&[&dotted, &comma, &perorangan, &bare], "npwp-012345678");
    assert_eq!(told(&vendor), ("PT Maju Jaya Abadi".into(), LegalForm::Pt, BusinessScale::Kecil, vec![], 4));
}

#[test]
fn legal_forms_agree_only_when_one_is_unstated_or_refines_the_other() {
    use LegalForm::{Cv, Koperasi, Perorangan, Pt, PtPerorangan, Toko, Ud, Unknown};
    for (a, b) in [(Pt, Pt), (Pt, Unknown), (Pt, PtPerorangan), (Ud, Perorangan), (Perorangan, Toko)] {
        assert!(forms_agree(a, b) && forms_agree(b, a), "{a:?} {b:?}");
    }
    for (a, b) in [(Pt, Cv), (Cv, Ud), (Ud, Toko), (PtPerorangan, Perorangan), (Koperasi, Pt)] {
        assert!(!forms_agree(a, b) && !forms_agree(b, a), "{a:?} {b:?}");
    }
}

#[test]
fn an_account_stating_no_npwp_stays_apart_from_a_pt_and_a_cv_sharing_one_in_any_order() {
    let pt = listed("idt", "X1", "PT Sentosa Makmur Jaya", Some("031112223"), BusinessScale::Besar);
    let cv = listed("idt", "X2", "CV Berkah Abadi", Some("031112223"), BusinessScale::Besar);
    // Stating the PT's scale, so only the dispute keeps it apart (see `scales_differ`).
    let bare = listed("padi", "X3", "PT Sentosa Makmur Jaya", None, BusinessScale::Besar);
    let orders = [("bare first", [&bare, &pt, &cv]), ("between", [&pt, &bare, &cv]), ("last", [&pt, &cv, &bare])];
    for (order, offers) in orders.into_iter().chain([("cv, bare, pt", [&cv, &bare, &pt])]) {
        let directory = VendorDirectory::new(1 << 20);
        for offer in offers {
            directory.record([offer]);
        }
        let disputed = directory.get("npwp-031112223").expect("known");
        let apart = directory.vendor_of(&bare.marketplace, &bare.vendor);
        let by_id = directory.get(&apart.id).map(|vendor| (vendor.accounts.len(), vendor.record.scale));
        assert_eq!(
            (disputed.accounts.len(), apart.id.as_str(), by_id, disputed.former_ids.len()),
            (2, "name-PT:SENTOSA MAKMUR JAYA@35.71", Some((1, BusinessScale::Besar)), 0),
            "{order}"
        );
    }
}

#[test]
fn a_pt_and_a_cv_under_one_npwp_in_two_towns_are_placed_nowhere_and_state_no_full_npwp_in_either_order() {
    let head_office = |account: &str, raw: &str, office: &str, region: &'static str| {
        let mut offer = listed("idt", account, raw, Some("031112223"), BusinessScale::Besar);
        offer.vendor.npwp15 = Some(format!("031112223{office}000"));
        offer.vendor.npwp = Some(format!("0031112223{office}000"));
        offer.vendor.region_code = Some(region);
        offer.vendor.location = Some(if region == "35.71" { "Kota Kediri" } else { "Kota Surabaya" }.into());
        offer
    };
    let pt = head_office("X1", "PT Sentosa Makmur Jaya", "601", "35.71");
    let cv = head_office("X2", "CV Berkah Abadi", "602", "35.78");
    let shown = |vendor: &Vendor| {
        let record = &vendor.record;
        (record.region_code, record.location.clone(), record.npwp.clone(), record.npwp15.clone())
    };
    assert_eq!(shown(&after(&[&pt, &cv], "npwp-031112223")), (None, None, None, None), "PT first");
    assert_eq!(shown(&after(&[&cv, &pt], "npwp-031112223")), (None, None, None, None), "CV first");
    let same_town = head_office("X3", "CV Berkah Abadi", "601", "35.71");
    let expected = (
        Some("35.71"),
        Some("Kota Kediri".to_string()),
        Some("0031112223601000".to_string()),
        Some("031112223601000".into()),
    );
    assert_eq!(shown(&after(&[&same_town, &pt], "npwp-031112223")), expected, "all accounts agree");
}
