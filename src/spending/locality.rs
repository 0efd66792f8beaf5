//! Where a vendor lies against the buyer, for the locality shares. Ledgers often state less than
//! a kabupaten/kota: a province alone ("Jawa Timur"), or a bare name several regions share
//! ("Kediri": Kabupaten or Kota Kediri). A share's base is the value where its answer is known,
//! so such a vendor is placed only as far as every reading of its location agrees, as the buyer
//! page places it (README, "Vendor facts from the whole answer"): a province alone never puts it
//! in or out of the buyer's own kota, and candidates all on one side of the province's border
//! place it on that side.

use crate::model::VendorRecord;
use crate::normalize::region::{self, Region, RegionLevel};

/// Whether `vendor` is in `buyer`'s own region, and in its province; `None` where not known.
pub(super) fn locality(vendor: &VendorRecord, buyer: &Region) -> (Option<bool>, Option<bool>) {
    let candidates = candidates(vendor);
    let same_region = agreed(candidates.iter().map(|c| in_region(c, buyer)));
    let same_province = agreed(candidates.iter().map(|c| Some(c.province_code == buyer.province_code)));
    (same_region, same_province)
}

/// The regions the vendor's location may be: the one it resolved to, else every one it names.
fn candidates(vendor: &VendorRecord) -> Vec<&'static Region> {
    match vendor.region_code {
        Some(code) => region::by_code(code).into_iter().collect(),
        None => {
            vendor.location.as_deref().map(|text| region::resolve_remembered(text).candidates()).unwrap_or_default()
        }
    }
}

/// Whether a vendor in `place` is in `buyer`'s own region: a province says nothing of which of
/// its kabupaten and kota, unless it is another province than the buyer's.
fn in_region(place: &Region, buyer: &Region) -> Option<bool> {
    let unsaid = place.level == RegionLevel::Province && place.code != buyer.code && place.code == buyer.province_code;
    (!unsaid).then_some(place.code == buyer.code)
}

/// The answer every reading gives, if they all give the same one.
fn agreed(mut answers: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let first = answers.next()??;
    answers.all(|a| a == Some(first)).then_some(first)
}
