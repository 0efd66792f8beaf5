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
    order_each(offers, buyer, facts).into_iter().map(|judged| judged.explained(buyer)).collect()
}

/// An offer in policy order, its explanation still without its reasons: a search ranks a
/// window of about a thousand offers to show a few, and writing every offer's reasons (a dozen
/// formatted strings, rupiah amounts) was a quarter of a policy-ordered search's CPU.
pub struct Judged<'s, O> {
    pub offer: O,
    scope: &'s Scope,
    explanation: Explanation,
}

impl<O: Borrow<Offer>> Judged<'_, O> {
    /// The offer with its explanation, reasons written.
    pub fn explained(self, buyer: Option<&BuyerContext>) -> (O, Explanation) {
        let Self { offer, scope, mut explanation } = self;
        explanation.reasons = reasons(offer.borrow(), scope, buyer, &explanation);
        (offer, explanation)
    }
}

/// Offers each with its own scope in policy order, judged but not yet explained
/// ([`Judged::explained`]).
pub fn order_each<'s, O: Borrow<Offer>>(
    offers: Vec<(O, &'s Scope)>,
    buyer: Option<&BuyerContext>,
    facts: &Facts,
) -> Vec<Judged<'s, O>> {
    let judged: Vec<Judged<'s, O>> = offers
        .into_iter()
        .map(|(offer, scope)| {
            let explanation = judge(offer.borrow(), scope, buyer, facts.of(offer.borrow()));
            Judged { offer, scope, explanation }
        })
        .collect();
    // Sorted by index, then moved once: a judged offer is some 400 bytes, and a merge sort of a
    // thousand of them moved megabytes.
    let mut order: Vec<usize> = (0..judged.len()).collect();
    order.sort_by(|&a, &b| policy_order(&judged[a].explanation, &judged[b].explanation));
    let mut slots: Vec<Option<Judged<'s, O>>> = judged.into_iter().map(Some).collect();
    order.into_iter().filter_map(|at| slots[at].take()).collect()
}

/// Everything the order compares, and what the reasons are written from; no reasons yet.
fn judge(offer: &Offer, scope: &Scope, buyer: Option<&BuyerContext>, facts: VendorFacts) -> Explanation {
    let read = Read::of(offer, scope.product_tkdn.as_ref());
    Explanation {
        pdn_tier: pdn::tier(read.tkdn, read.bmp),
        tkdn: read.tkdn,
        bmp: read.bmp,
        tkdn_stated_by: read.by.map(str::to_string),
        pdn_preferred: scope.cascade.preferred(&read),
        umk: facts.umk(),
        koperasi: facts.koperasi(),
        locality: locality(&facts, buyer),
        facts,
        unit_price: compared_price(offer, scope.unit.as_deref()),
        reasons: Vec::new(),
    }
}

/// The reasons of a judged offer, in the order the rules apply.
fn reasons(offer: &Offer, scope: &Scope, buyer: Option<&BuyerContext>, judged: &Explanation) -> Vec<String> {
    let facts = &judged.facts;
    let read = Read::of(offer, scope.product_tkdn.as_ref());
    let mut reasons = vec![scope.cascade.reason(&read)];
    let scale_by = stated_by(facts.scale.as_ref());
    reasons.push(match (judged.umk, judged.koperasi) {
        (umk, true) => {
            let by = stated_by(facts.koperasi.as_ref());
            let also = if umk { format!(", usaha mikro/kecil{scale_by}") } else { String::new() };
            format!("koperasi{by}{also}: preferred under Perpres 12/2021 and Inpres 2/2022")
        }
        (true, false) => format!("usaha mikro/kecil{scale_by}: preferred under Perpres 12/2021 and Inpres 2/2022"),
        (false, false) if facts.scale.is_some() => format!("not UMK or koperasi{scale_by}"),
        (false, false) => "not UMK or koperasi (no account of the vendor states its scale)".to_string(),
    });
    let region_by = region_stated_by(facts, buyer);
    reasons.push(match judged.locality {
        Locality::SameRegency => format!("vendor in the buyer's regency/city{region_by}"),
        Locality::SameProvince => format!("vendor in the buyer's province{region_by}"),
        Locality::National => format!("vendor outside the buyer's province{region_by}"),
        Locality::Unknown => "vendor location unknown or no buyer region given".to_string(),
    });
    reasons.extend(price_reason(offer, scope.unit.as_deref()));
    reasons
}

/// ` (as stated by the vendor's account on mbiz)`, or `` when nothing stated it.
fn stated_by<T>(stated: Option<&Stated<T>>) -> String {
    match stated {
        Some(s) if s.own => format!(" (as stated by this offer's account on {})", s.by),
        Some(s) => format!(" (as stated by the same vendor's account on {})", s.by),
        None => String::new(),
    }
}

/// How near the vendor is. A location naming several regions (a bare "Kediri") places the
/// vendor in a province when every candidate lies in it, never in the buyer's own regency, which
/// only one of them may be.
fn locality(facts: &VendorFacts, buyer: Option<&BuyerContext>) -> Locality {
    let Some(buyer) = buyer else { return Locality::Unknown };
    fn province(code: &str) -> &str {
        code.split('.').next().unwrap_or_default()
    }
    if let Some(vendor) = facts.region_code() {
        return if vendor == buyer.region_code {
            Locality::SameRegency
        } else if province(vendor) == province(&buyer.region_code) {
            Locality::SameProvince
        } else {
            Locality::National
        };
    }
    match candidates_province(facts) {
        Some(all_in) if all_in == province(&buyer.region_code) => Locality::SameProvince,
        Some(_) => Locality::National,
        None => Locality::Unknown,
    }
}

/// The province every candidate region of a location naming several lies in, if one does.
fn candidates_province(facts: &VendorFacts) -> Option<&str> {
    let candidates = &facts.candidates.as_ref()?.value;
    let all_in = candidates.first()?.province_code;
    candidates.iter().all(|r| r.province_code == all_in).then_some(all_in)
}

/// Which account said where the vendor is (and, for a location naming several regions, which
/// they are), for the locality's reason.
fn region_stated_by(facts: &VendorFacts, buyer: Option<&BuyerContext>) -> String {
    if buyer.is_none() {
        return String::new();
    }
    if facts.region_code().is_some() {
        return stated_by(facts.region.as_ref());
    }
    match (&facts.candidates, candidates_province(facts)) {
        (Some(candidates), Some(_)) => {
            let names: Vec<String> = candidates.value.iter().map(|r| format!("{} ({})", r.name, r.code)).collect();
            format!(" (its location could be any of: {}){}", names.join(", "), stated_by(Some(candidates)))
        }
        _ => String::new(),
    }
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

/// The unit price the order compares: none when the offer is priced per another unit than the
/// one its product's offers are compared in (`unit`), where Rp17.141 per pack and Rp70 per sheet
/// would be taken for the same measure.
fn compared_price(offer: &Offer, unit: Option<&str>) -> Option<Decimal> {
    let price = unit_price(offer)?;
    match unit {
        Some(unit) if Some(unit) != comparable_unit(offer) => None,
        _ => Some(price),
    }
}

/// The price's reason, naming its unit and whether it was compared ([`compared_price`]).
fn price_reason(offer: &Offer, unit: Option<&str>) -> Option<String> {
    let price = unit_price(offer)?;
    let per = offer.unit.base_unit.as_deref().unwrap_or("base unit");
    let amount = crate::normalize::rupiah::format_rupiah(price);
    Some(match unit {
        Some(unit) if Some(unit) != comparable_unit(offer) => {
            format!(
                "price per {per} including PPN: {amount}, not compared: this product's offers are compared per {unit}"
            )
        }
        _ => format!("price per {per} including PPN: {amount}"),
    })
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
