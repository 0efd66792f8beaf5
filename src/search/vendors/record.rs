//! Which record a merged vendor is shown by, and what its other records add to it.

use super::Account;
use crate::model::{BusinessScale, LegalForm, VendorRecord};
use crate::normalize::region::{by_code, resolve_remembered};

/// Whether a record is a head office: its NPWP15's branch code (the last three digits) is `000`.
/// A vendor is shown by its head office's record once seen, so a company or sole trader with a
/// branch elsewhere is placed where it is seated, not where the listing met first is.
pub(super) fn is_head_office(record: &VendorRecord) -> bool {
    office(record).is_some_and(|npwp15| npwp15.ends_with("000"))
}

/// The NPWP15 naming the record's office: as sent, else from a badan's NPWP16 (`0` + NPWP15). An
/// individual's NIK-based NPWP16 names the person, not an office.
fn office(record: &VendorRecord) -> Option<&str> {
    let from_npwp16 = || record.npwp.as_deref().filter(|n| n.len() == 16 && n.starts_with('0')).map(|n| &n[1..]);
    record.npwp15.as_deref().or_else(from_npwp16)
}

/// Whether two records state scales that disagree (`Besar` and `Kecil`; see
/// [`BusinessScale::disagrees_with`]). A name and a region do not make such records one vendor
/// (review33w W33-12): merged, the answer called the vendor Besar while the ranking, which takes
/// the listing's own statement, called its offer UMK and `umkOnly` kept it. Ids (an NPWP, a NIK)
/// decide without it.
pub(super) fn scales_differ(a: &VendorRecord, b: &VendorRecord) -> bool {
    a.scale.disagrees_with(b.scale)
}

/// Whether `other`, a record of the same vendor, states a fact the shown record lacks (see [`fill`]).
pub(super) fn adds_to(shown: &VendorRecord, other: &VendorRecord) -> bool {
    (shown.scale == BusinessScale::Unknown && other.scale != BusinessScale::Unknown)
        || (shown.legal_form == LegalForm::Unknown && other.legal_form != LegalForm::Unknown)
        || (shown.npwp.is_none() && other.npwp.is_some())
        || places(shown, other)
}

/// Completes the shown record with what `other`, a record of the same vendor, states and it does
/// not, so no fact is lost when records or vendors merge: the scale, legal form and NPWP are the
/// vendor's; a place only under [`places`].
pub(super) fn fill(shown: &mut VendorRecord, other: &VendorRecord) {
    if shown.scale == BusinessScale::Unknown {
        shown.scale = other.scale;
    }
    if shown.legal_form == LegalForm::Unknown {
        shown.legal_form = other.legal_form;
    }
    if shown.npwp.is_none() {
        shown.npwp.clone_from(&other.npwp);
    }
    if places(shown, other) {
        shown.region_code = other.region_code;
        shown.location.clone_from(&other.location);
        shown.issues.retain(|issue| issue.field != "vendor.region");
    }
}

/// Whether `other` places a vendor the shown record does not: it is not another office, and its
/// region is one the shown record's location could be (a bare "Pasuruan" is Kabupaten or Kota
/// Pasuruan) or that location names none. Accounts of one office then differ only in how they
/// wrote the town, and whichever was met first no longer leaves the vendor unplaced.
fn places(shown: &VendorRecord, other: &VendorRecord) -> bool {
    let (None, Some(code)) = (shown.region_code, other.region_code) else { return false };
    if matches!((office(shown), office(other)), (Some(a), Some(b)) if a != b) {
        return false;
    }
    let candidates = shown.location.as_deref().map(|text| resolve_remembered(text).candidates()).unwrap_or_default();
    candidates.is_empty() || candidates.iter().any(|region| region.code == code)
}

/// The record an account's own listing stated, as far as the account keeps it: for an account that
/// joined by name and region and leaves its vendor (see `dispute::settle`), so it has one again.
pub(super) fn of_account(account: &Account) -> VendorRecord {
    VendorRecord {
        source_id: account.source_id.clone(),
        raw_name: account.raw_name.clone(),
        name: account.name.clone(),
        legal_form: account.legal_form,
        npwp: None,
        npwp15: None,
        entity_key: None,
        name_key: account.name_key.clone(),
        scale: account.scale,
        location: account.location.clone(),
        region_code: account.region_code.as_deref().and_then(by_code).map(|region| region.code),
        issues: Vec::new(),
    }
}
