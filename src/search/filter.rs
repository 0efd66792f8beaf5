//! Which offers a buyer wants: the conditions procurement rules care about.

use super::policy::VendorFacts;
use crate::marketplace::Registry;
use crate::model::{MarketplaceId, Offer};
use crate::normalize::pdn::{self, PdnTier};
use crate::normalize::region::Resolution;
use rust_decimal::Decimal;

/// Conditions an offer must meet. Conditions a marketplace's adapter declares as upstream filters
/// (`ekatalog`: price and TKDN) are pushed to it; the rest are applied in the gateway after
/// normalisation, and `totalCount` then says it is a lower bound.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    /// Only these marketplaces (all when `None`).
    pub marketplaces: Option<Vec<String>>,
    /// Lowest price.
    pub min_price: Option<Decimal>,
    /// Highest price.
    pub max_price: Option<Decimal>,
    /// Whether `min_price`/`max_price` are amounts excluding PPN (default: including).
    pub price_excludes_vat: bool,
    /// Lowest TKDN, percent.
    pub min_tkdn: Option<Decimal>,
    /// Lowest TKDN + BMP, percent.
    pub min_tkdn_plus_bmp: Option<Decimal>,
    /// Only these PDN tiers.
    pub pdn_tiers: Option<Vec<PdnTier>>,
    /// Only usaha mikro and kecil.
    pub umk_only: bool,
    /// Only koperasi.
    pub koperasi_only: bool,
    /// Only vendors in this region: a province code (`"35"`) includes its regencies and cities.
    pub vendor_region: Option<String>,
    /// Only offers in stock: stated available, or with stock above zero (offers that state neither
    /// are kept out).
    pub in_stock: bool,
}

impl OfferFilter {
    /// Whether the marketplace is asked at all.
    pub(super) fn selects(&self, id: &MarketplaceId) -> bool {
        self.marketplaces.as_ref().is_none_or(|ids| ids.iter().any(|m| m == id.as_str()))
    }

    /// The first named marketplace that is not registered.
    pub(super) fn unknown_marketplace(&self, registry: &Registry) -> Option<String> {
        self.marketplaces.as_ref()?.iter().find(|id| registry.get(id).is_none()).cloned()
    }

    /// Every condition written out in a fixed form, for the search fingerprint in cursors: the
    /// destructuring makes a new field a compile error here until it is part of the encoding.
    pub(super) fn canonical(&self) -> String {
        let Self {
            marketplaces,
            min_price,
            max_price,
            price_excludes_vat,
            min_tkdn,
            min_tkdn_plus_bmp,
            pdn_tiers,
            umk_only,
            koperasi_only,
            vendor_region,
            in_stock,
        } = self;
        let decimal = |d: &Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
        let tiers = pdn_tiers.iter().flatten().map(|t| (*t as u8).to_string()).collect::<Vec<_>>();
        [
            format!("marketplaces={}", marketplaces.as_deref().unwrap_or_default().join(",")),
            format!("min_price={}", decimal(min_price)),
            format!("max_price={}", decimal(max_price)),
            format!("price_excludes_vat={price_excludes_vat}"),
            format!("min_tkdn={}", decimal(min_tkdn)),
            format!("min_tkdn_plus_bmp={}", decimal(min_tkdn_plus_bmp)),
            format!("pdn_tiers={}", tiers.join(",")),
            format!("umk_only={umk_only}"),
            format!("koperasi_only={koperasi_only}"),
            format!("vendor_region={}", vendor_region.as_deref().unwrap_or_default()),
            format!("in_stock={in_stock}"),
        ]
        .join("\n")
    }

    /// Whether `offer` meets every condition its own listing can decide: all but `umk_only` and
    /// `koperasi_only`, which need the vendor's facts as the whole answer states them
    /// ([`OfferFilter::keeps_vendor_facts`], applied once every marketplace has answered).
    pub fn keeps(&self, offer: &Offer) -> bool {
        self.keeps_price(offer) && self.keeps_content(offer) && self.keeps_vendor(offer) && self.keeps_stock(offer)
    }

    /// Whether an offer may still pass `umk_only`/`koperasi_only` by the vendor facts the answers so
    /// far state (a streamed marketplace's event): a scale or legal form none of them states may be
    /// stated by a marketplace still to answer (an event that said "nothing" of a marketplace whose
    /// offers the merged page then held misled its reader: review30a F3).
    pub fn may_still_keep(&self, facts: &VendorFacts) -> bool {
        let umk = !self.umk_only || facts.scale.as_ref().is_none_or(|scale| scale.value.is_umk());
        let koperasi = !self.koperasi_only || facts.koperasi.as_ref().is_none_or(|koperasi| koperasi.value);
        umk && koperasi
    }

    /// Whether the vendor's facts (merged within the answer) meet `umk_only` and `koperasi_only`.
    pub fn keeps_vendor_facts(&self, facts: &VendorFacts) -> bool {
        (!self.umk_only || facts.umk()) && (!self.koperasi_only || facts.koperasi())
    }

    /// Whether the filter asks anything of the vendor's merged facts.
    pub fn asks_vendor_facts(&self) -> bool {
        self.umk_only || self.koperasi_only
    }

    /// A price quoted as a range passes only when both its ends are within the bounds: a
    /// maximum of Rp 110.000 must not list what may cost Rp 120.000 (review39n R39n-8).
    fn keeps_price(&self, offer: &Offer) -> bool {
        let bounds = offer.price.as_ref().map(|p| p.bounds(self.price_excludes_vat));
        let above = self.min_price.is_none_or(|min| bounds.is_some_and(|(low, _)| low >= min));
        let below = self.max_price.is_none_or(|max| bounds.is_some_and(|(_, high)| high <= max));
        above && below
    }

    fn keeps_content(&self, offer: &Offer) -> bool {
        let tkdn = self.min_tkdn.is_none_or(|min| offer.tkdn.is_some_and(|t| t >= min));
        let sum = pdn::tkdn_plus_bmp(offer.tkdn, offer.bmp);
        let tkdn_bmp = self.min_tkdn_plus_bmp.is_none_or(|min| sum.is_some_and(|s| s >= min));
        let tier = self.pdn_tiers.as_ref().is_none_or(|tiers| tiers.contains(&pdn::tier(offer.tkdn, offer.bmp)));
        tkdn && tkdn_bmp && tier
    }

    fn keeps_vendor(&self, offer: &Offer) -> bool {
        let vendor = &offer.vendor;
        self.vendor_region.as_deref().is_none_or(|wanted| match vendor.region_code {
            Some(code) => in_region(code, wanted),
            None => vendor.location.as_deref().is_some_and(|location| all_within(location, wanted)),
        })
    }

    fn keeps_stock(&self, offer: &Offer) -> bool {
        !self.in_stock || offer.in_stock()
    }
}

/// What one marketplace is asked to filter itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Pushdown {
    /// (parameter, value) pairs for the request.
    pub(super) params: Vec<(String, String)>,
    /// Whether the marketplace applies every offer condition exactly, so its total is a count of
    /// matching offers (the gateway still re-checks every offer).
    pub(super) complete: bool,
    /// Whether a condition is left to the gateway alone (not only widened to whole units): then
    /// any share of a page may fail it, and a walk scans for matches.
    pub(super) left_here: bool,
}

impl OfferFilter {
    /// The conditions `declared` lets the marketplace apply. Bounds are widened to whole units
    /// (rupiah, percent) when the marketplace takes integers; the gateway's own check keeps the
    /// result exact, and `complete` is false when anything was widened or left to the gateway.
    pub(super) fn pushdown(
        &self,
        declared: &std::collections::BTreeMap<String, crate::marketplace::definition::FilterSpec>,
    ) -> Pushdown {
        let mut pushdown = Pushdown { params: Vec::new(), complete: true, left_here: false };
        let price_basis_matches = |includes_vat: bool| includes_vat != self.price_excludes_vat;
        let mut push = |name: &str, value: Option<Decimal>, round_up: bool, basis_ok: &dyn Fn(bool) -> bool| {
            let Some(value) = value else { return };
            match declared.get(name).filter(|spec| basis_ok(spec.includes_vat)) {
                Some(spec) => {
                    let whole = if round_up { value.ceil() } else { value.floor() };
                    pushdown.complete &= whole == value;
                    pushdown.params.push((spec.param.clone(), whole.normalize().to_string()));
                }
                None => (pushdown.complete, pushdown.left_here) = (false, true),
            }
        };
        push("min_price", self.min_price, false, &price_basis_matches);
        push("max_price", self.max_price, true, &price_basis_matches);
        push("min_tkdn", self.min_tkdn, false, &|_| true);
        let unpushable = self.min_tkdn_plus_bmp.is_some()
            || self.pdn_tiers.is_some()
            || self.umk_only
            || self.koperasi_only
            || self.vendor_region.is_some()
            || self.in_stock;
        pushdown.complete &= !unpushable;
        pushdown.left_here |= unpushable;
        pushdown
    }
}

/// Whether a location that names several regions (a bare "Kediri": Kabupaten or Kota Kediri) is
/// in `wanted` whichever it is.
fn all_within(location: &str, wanted: &str) -> bool {
    match crate::normalize::region::resolve_remembered(location) {
        Resolution::Ambiguous(candidates) => candidates.iter().all(|region| in_region(region.code, wanted)),
        _ => false,
    }
}

/// Whether region `code` is `wanted` or lies inside it (`"35.71"` is inside `"35"`).
fn in_region(code: &str, wanted: &str) -> bool {
    let wanted = wanted.trim();
    code == wanted || code.strip_prefix(wanted).is_some_and(|rest| rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessScale, MarketplaceId};
    use crate::search::policy::Stated;

    fn stated<T>(value: T) -> Option<Stated<T>> {
        Some(Stated { value, by: MarketplaceId::new("mbiz"), own: false })
    }

    #[test]
    fn an_offer_whose_vendor_no_answer_so_far_places_may_still_match_and_is_streamed() {
        let umk = OfferFilter { umk_only: true, ..OfferFilter::default() };
        assert!(umk.may_still_keep(&VendorFacts::default()), "scale unstated so far");
        let kecil = VendorFacts { scale: stated(BusinessScale::Kecil), ..VendorFacts::default() };
        assert!(umk.may_still_keep(&kecil));
        let menengah = VendorFacts { scale: stated(BusinessScale::Menengah), ..VendorFacts::default() };
        assert!(!umk.may_still_keep(&menengah), "stated to be out");
        let koperasi = OfferFilter { koperasi_only: true, ..OfferFilter::default() };
        assert!(koperasi.may_still_keep(&VendorFacts::default()), "legal form unstated so far");
        let company = VendorFacts { koperasi: stated(false), ..VendorFacts::default() };
        assert!(!koperasi.may_still_keep(&company));
        assert!(OfferFilter::default().may_still_keep(&company), "no vendor filter");
    }

    #[test]
    fn a_province_code_includes_its_regencies_and_cities() {
        assert!(in_region("35.71", "35"));
        assert!(in_region("35.71", "35.71"));
        assert!(!in_region("35.71", "35.7"));
        assert!(!in_region("35.06", "35.71"));
        assert!(!in_region("33.71", "3"));
    }

    #[test]
    fn a_bare_twin_town_is_in_the_province_both_its_regions_are_in_but_in_neither_of_them() {
        assert!(all_within("Kediri", "35"), "Kabupaten and Kota Kediri are both in Jawa Timur");
        assert!(!all_within("Kediri", "35.71"));
        assert!(!all_within("Kediri", "33"));
        let filter = OfferFilter { vendor_region: Some("35".into()), ..OfferFilter::default() };
        let mut offer = Offer::sample("o");
        (offer.vendor.location, offer.vendor.region_code) = (Some("Kediri".into()), None);
        assert!(filter.keeps_vendor(&offer));
    }
}
