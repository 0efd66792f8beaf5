//! Ranking offers the way procurement rules ask, with the reasons written out.
//!
//! 1. The PDN cascade of Perpres 46/2025 Pasal 66(2), decided over a comparable product (the
//!    same kind and decisive specs, any brand; see [`cascade`]): (a) if any offer of it has
//!    TKDN+BMP ≥ 40 %, offers with TKDN ≥ 25 % come first; (b) else if any has TKDN ≥ 25 %,
//!    those; (c) else those with a certified TKDN; (d) else all alike (SIINAS registration is not
//!    known from marketplace data). A listing stating no TKDN is read with the one its product's
//!    other listings agree on.
//! 2. Usaha mikro/kecil and koperasi (Perpres 12/2021 Pasal 65, Inpres 2/2022: at least 40 % of
//!    spend to UMK and koperasi).
//! 3. Locality: the buyer's own regency/city, then its province, then the rest.
//! 4. Price per base unit including PPN.
//!
//! Offers the cascade puts aside stay in the result, last, each saying why, so a buyer can
//! justify an exception (clause (b) allows one for insufficient volume).

mod cascade;
mod facts;

use cascade::Read;
pub use cascade::{Scope, comparable, per_offer, per_product};
pub use facts::{Facts, Stated, VendorFacts, resolve as resolve_facts};

use crate::model::Offer;
use crate::normalize::pdn::{self, PdnTier};
use rust_decimal::Decimal;
use std::borrow::Borrow;
use std::cmp::Ordering;

/// Who is buying, for locality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyerContext {
    /// Kemendagri code of the delivery regency or city (`"35.71"`), or a province (`"35"`).
    pub region_code: String,
}

/// How near the vendor is to the buyer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, async_graphql::Enum)]
pub enum Locality {
    /// Same regency or city.
    SameRegency,
    /// Same province.
    SameProvince,
    /// Elsewhere in Indonesia.
    National,
    /// The vendor's region is not known.
    Unknown,
}

/// Why an offer sits where it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The offer's PDN tier, from the TKDN and BMP the cascade read (`tkdn`, `bmp`).
    pub pdn_tier: PdnTier,
    /// The TKDN the cascade read: the listing's own, else its product's (`tkdn_stated_by`).
    pub tkdn: Option<Decimal>,
    /// The BMP read with it.
    pub bmp: Option<Decimal>,
    /// The other listing of the same product whose TKDN was read, when the offer's own states none.
    pub tkdn_stated_by: Option<String>,
    /// Whether the PDN cascade puts it first (false: set aside, see `reasons`).
    pub pdn_preferred: bool,
    /// Whether the vendor is an usaha mikro or kecil.
    pub umk: bool,
    /// Whether the vendor is a koperasi.
    pub koperasi: bool,
    /// Vendor locality relative to the buyer.
    pub locality: Locality,
    /// The vendor's scale, legal form and region as the answer's accounts of it state them,
    /// each with the account that stated it (see [`facts`]).
    pub facts: VendorFacts,
    /// Price per base unit including PPN, when confidently known (see `Offer::confident_unit_price`).
    pub unit_price: Option<Decimal>,
    /// The reasons, in the order they were applied.
    pub reasons: Vec<String>,
}

/// Ranks offers of one product (`scope`); returns them in policy order with explanations. The
/// vendors' facts are those of the whole answer (`facts`), not only each offer's own account.
pub fn rank<O: Borrow<Offer>>(
    offers: Vec<O>,
    buyer: Option<&BuyerContext>,
    facts: &Facts,
    scope: &Scope,
) -> Vec<(O, Explanation)> {
    rank_each(offers.into_iter().map(|o| (o, scope)).collect(), buyer, facts)
}

/// Ranks offers each with its own scope (a search's mixed answer, see [`per_offer`]).
pub fn rank_each<O: Borrow<Offer>>(
    offers: Vec<(O, &Scope)>,
    buyer: Option<&BuyerContext>,
    facts: &Facts,
) -> Vec<(O, Explanation)> {
    let mut ranked: Vec<(O, Explanation)> = offers
        .into_iter()
        .map(|(offer, scope)| {
            let explanation = explain(offer.borrow(), scope, buyer, facts.of(offer.borrow()));
            (offer, explanation)
        })
        .collect();
    ranked.sort_by(|(_, a), (_, b)| policy_order(a, b));
    ranked
}

fn explain(offer: &Offer, scope: &Scope, buyer: Option<&BuyerContext>, facts: VendorFacts) -> Explanation {
    let read = Read::of(offer, scope.product_tkdn.as_ref());
    let (preferred, cascade_reason) = scope.cascade.verdict(&read);
    let (umk, koperasi) = (facts.umk(), facts.koperasi());
    let (locality, region_by) = locality(&facts, buyer);
    let (unit_price, price_reason) = compared_price(offer, scope.unit.as_deref());
    let mut reasons = vec![cascade_reason];
    let scale_by = stated_by(facts.scale.as_ref());
    reasons.push(match (umk, koperasi) {
        (umk, true) => {
            let by = stated_by(facts.koperasi.as_ref());
            let also = if umk { format!(", usaha mikro/kecil{scale_by}") } else { String::new() };
            format!("koperasi{by}{also}: preferred under Perpres 12/2021 and Inpres 2/2022")
        }
        (true, false) => format!("usaha mikro/kecil{scale_by}: preferred under Perpres 12/2021 and Inpres 2/2022"),
        (false, false) if facts.scale.is_some() => format!("not UMK or koperasi{scale_by}"),
        (false, false) => "not UMK or koperasi (no account of the vendor states its scale)".to_string(),
    });
    reasons.push(match locality {
        Locality::SameRegency => format!("vendor in the buyer's regency/city{region_by}"),
        Locality::SameProvince => format!("vendor in the buyer's province{region_by}"),
        Locality::National => format!("vendor outside the buyer's province{region_by}"),
        Locality::Unknown => "vendor location unknown or no buyer region given".to_string(),
    });
    reasons.extend(price_reason);
    Explanation {
        pdn_tier: pdn::tier(read.tkdn, read.bmp),
        tkdn: read.tkdn,
        bmp: read.bmp,
        tkdn_stated_by: read.by.map(str::to_string),
        pdn_preferred: preferred,
        umk,
        koperasi,
        locality,
        facts,
        unit_price,
        reasons,
    }
}

/// ` (as stated by the vendor's account on mbiz)`, or `` when nothing stated it.
fn stated_by<T>(stated: Option<&Stated<T>>) -> String {
    match stated {
        Some(s) if s.own => format!(" (as stated by this offer's account on {})", s.by),
        Some(s) => format!(" (as stated by the same vendor's account on {})", s.by),
        None => String::new(),
    }
}

/// How near the vendor is, and which account said where it is. A location naming several regions
/// (a bare "Kediri") places the vendor in a province when every candidate lies in it, never in
/// the buyer's own regency, which only one of them may be.
fn locality(facts: &VendorFacts, buyer: Option<&BuyerContext>) -> (Locality, String) {
    let Some(buyer) = buyer else { return (Locality::Unknown, String::new()) };
    let province = |code: &str| code.split('.').next().unwrap_or_default().to_string();
    if let Some(vendor) = facts.region_code() {
        let locality = if vendor == buyer.region_code {
            Locality::SameRegency
        } else if province(vendor) == province(&buyer.region_code) {
            Locality::SameProvince
        } else {
            Locality::National
        };
        return (locality, stated_by(facts.region.as_ref()));
    }
    let Some(candidates) = &facts.candidates else { return (Locality::Unknown, String::new()) };
    let all_in = candidates.value.first().map(|r| r.province_code);
    let Some(all_in) = all_in.filter(|code| candidates.value.iter().all(|r| r.province_code == *code)) else {
        return (Locality::Unknown, String::new());
    };
    let locality = if all_in == province(&buyer.region_code) { Locality::SameProvince } else { Locality::National };
    let names: Vec<String> = candidates.value.iter().map(|r| format!("{} ({})", r.name, r.code)).collect();
    (locality, format!(" (its location could be any of: {}){}", names.join(", "), stated_by(Some(candidates))))
}

/// Price per base unit including PPN, only when it is confident: a pack price is never taken
/// for a unit price, and an assumed or conflicting pack size is never compared.
pub fn unit_price(offer: &Offer) -> Option<Decimal> {
    offer.confident_unit_price()
}

/// The unit an offer's price is per, for comparing: a bottle or a sachet of one product is one
/// piece of it. `"Dus isi 24"` counts pieces (`pcs`) where `"Dus (24 Botol)"` counts bottles of the
/// same water, and the group already holds one product (brand, size), so both are per item.
/// Sheets, boxes and measures stay apart.
pub fn comparable_unit(offer: &Offer) -> Option<&str> {
    match offer.unit.base_unit.as_deref() {
        Some("botol" | "sachet") => Some("pcs"),
        other => other,
    }
}

/// The unit price the order compares, with its reason naming the unit: none when the offer is
/// priced per another unit than the one its product's offers are compared in (`unit`), where
/// Rp17.141 per pack and Rp70 per sheet would be taken for the same measure.
fn compared_price(offer: &Offer, unit: Option<&str>) -> (Option<Decimal>, Option<String>) {
    let Some(price) = unit_price(offer) else { return (None, None) };
    let per = offer.unit.base_unit.as_deref().unwrap_or("base unit");
    let amount = crate::normalize::rupiah::format_rupiah(price);
    match unit {
        Some(unit) if Some(unit) != comparable_unit(offer) => (
            None,
            Some(format!(
                "price per {per} including PPN: {amount}, not compared: this product's offers are compared per {unit}"
            )),
        ),
        _ => (Some(price), Some(format!("price per {per} including PPN: {amount}"))),
    }
}

fn policy_order(a: &Explanation, b: &Explanation) -> Ordering {
    b.pdn_preferred
        .cmp(&a.pdn_preferred)
        .then_with(|| (b.umk || b.koperasi).cmp(&(a.umk || a.koperasi)))
        .then_with(|| a.locality.cmp(&b.locality))
        .then_with(|| match (a.unit_price, b.unit_price) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
}

#[cfg(test)]
mod tests;
