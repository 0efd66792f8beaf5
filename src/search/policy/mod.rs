//! Ranking offers the way procurement rules ask, with the reasons written out.
//!
//! 1. The PDN cascade of Perpres 46/2025 Pasal 66(2), applied to a group of comparable offers:
//!    (a) if any has TKDN+BMP ≥ 40 %, offers with TKDN ≥ 25 % come first; (b) else if any has
//!    TKDN ≥ 25 %, those; (c) else those with a certified TKDN; (d) else all alike (SIINAS
//!    registration is not known from marketplace data).
//! 2. Usaha mikro/kecil and koperasi (Perpres 12/2021 Pasal 65, Inpres 2/2022: at least 40 % of
//!    spend to UMK and koperasi).
//! 3. Locality: the buyer's own regency/city, then its province, then the rest.
//! 4. Price per base unit including PPN.
//!
//! Offers the cascade puts aside stay in the result, last, each saying why, so a buyer can
//! justify an exception (clause (b) allows one for insufficient volume).

use crate::model::{LegalForm, Offer};
use crate::normalize::pdn::{self, PdnTier};
use rust_decimal::Decimal;
use std::cmp::Ordering;

const FORTY: Decimal = Decimal::from_parts(40, 0, 0, false, 0);
const TWENTY_FIVE: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

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

/// Which clause of the PDN cascade decides a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clause {
    A,
    B,
    C,
    D,
}

/// Why an offer sits where it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The offer's PDN tier.
    pub pdn_tier: PdnTier,
    /// Whether the PDN cascade puts it first (false: set aside, see `reasons`).
    pub pdn_preferred: bool,
    /// Whether the vendor is an usaha mikro or kecil.
    pub umk: bool,
    /// Whether the vendor is a koperasi.
    pub koperasi: bool,
    /// Vendor locality relative to the buyer.
    pub locality: Locality,
    /// Price per base unit including PPN, when confidently known (see `Offer::confident_unit_price`).
    pub unit_price: Option<Decimal>,
    /// The reasons, in the order they were applied.
    pub reasons: Vec<String>,
}

/// Ranks one group of comparable offers; returns them in policy order with explanations.
pub fn rank(offers: Vec<Offer>, buyer: Option<&BuyerContext>) -> Vec<(Offer, Explanation)> {
    let clause = cascade_clause(&offers);
    let mut ranked: Vec<(Offer, Explanation)> = offers
        .into_iter()
        .map(|offer| {
            let explanation = explain(&offer, clause, buyer);
            (offer, explanation)
        })
        .collect();
    ranked.sort_by(|(_, a), (_, b)| policy_order(a, b));
    ranked
}

fn cascade_clause(offers: &[Offer]) -> Clause {
    let any = |pred: &dyn Fn(&Offer) -> bool| offers.iter().any(pred);
    if any(&|o| pdn::tkdn_plus_bmp(o.tkdn, o.bmp).is_some_and(|s| s >= FORTY)) {
        Clause::A
    } else if any(&|o| o.tkdn.is_some_and(|t| t >= TWENTY_FIVE)) {
        Clause::B
    } else if any(&|o| o.tkdn.is_some_and(|t| t > Decimal::ZERO)) {
        Clause::C
    } else {
        Clause::D
    }
}

fn explain(offer: &Offer, clause: Clause, buyer: Option<&BuyerContext>) -> Explanation {
    let tkdn = offer.tkdn.unwrap_or_default();
    let (preferred, cascade_reason) = match clause {
        Clause::A if tkdn >= TWENTY_FIVE => (
            true,
            "PDN: TKDN ≥ 25 %, as Pasal 66(2)a requires when a product with TKDN+BMP ≥ 40 % is offered".to_string(),
        ),
        Clause::A => (
            false,
            format!(
                "set aside by Pasal 66(2)a: a product with TKDN+BMP ≥ 40 % is offered, and this one's TKDN ({tkdn} %) is below 25 %"
            ),
        ),
        Clause::B if tkdn >= TWENTY_FIVE => (true, "PDN: TKDN ≥ 25 % (Pasal 66(2)b)".to_string()),
        Clause::B => {
            (false, format!("set aside by Pasal 66(2)b: products with TKDN ≥ 25 % are offered, this one has {tkdn} %"))
        }
        Clause::C if tkdn > Decimal::ZERO => (true, "PDN: certified TKDN below 25 % (Pasal 66(2)c)".to_string()),
        Clause::C => (
            false,
            "set aside by Pasal 66(2)c: certified domestic products are offered, this one states no TKDN".to_string(),
        ),
        Clause::D => (
            true,
            "no offer in the group states a TKDN; SIINAS registration (Pasal 66(2)d) cannot be checked".to_string(),
        ),
    };
    let umk = offer.vendor.scale.is_umk();
    let koperasi = offer.vendor.legal_form == LegalForm::Koperasi;
    let locality = locality(offer.vendor.region_code, buyer);
    let unit_price = unit_price(offer);
    let mut reasons = vec![cascade_reason];
    reasons.push(match (umk, koperasi) {
        (_, true) => "koperasi: preferred under Perpres 12/2021 and Inpres 2/2022".to_string(),
        (true, false) => "usaha mikro/kecil: preferred under Perpres 12/2021 and Inpres 2/2022".to_string(),
        (false, false) => "not UMK or koperasi (or its scale is not stated)".to_string(),
    });
    reasons.push(
        match locality {
            Locality::SameRegency => "vendor in the buyer's regency/city",
            Locality::SameProvince => "vendor in the buyer's province",
            Locality::National => "vendor outside the buyer's province",
            Locality::Unknown => "vendor location unknown or no buyer region given",
        }
        .to_string(),
    );
    if let Some(price) = unit_price {
        reasons.push(format!("price per base unit including PPN: {}", crate::normalize::rupiah::format_rupiah(price)));
    }
    Explanation {
        pdn_tier: pdn::tier(offer.tkdn, offer.bmp),
        pdn_preferred: preferred,
        umk,
        koperasi,
        locality,
        unit_price,
        reasons,
    }
}

fn locality(vendor: Option<&str>, buyer: Option<&BuyerContext>) -> Locality {
    let (Some(vendor), Some(buyer)) = (vendor, buyer) else { return Locality::Unknown };
    let province = |code: &str| code.split('.').next().unwrap_or_default().to_string();
    if vendor == buyer.region_code {
        Locality::SameRegency
    } else if province(vendor) == province(&buyer.region_code) {
        Locality::SameProvince
    } else {
        Locality::National
    }
}

/// Price per base unit including PPN, only when it is confident: a pack price is never taken
/// for a unit price, and an assumed or conflicting pack size is never compared.
pub fn unit_price(offer: &Offer) -> Option<Decimal> {
    offer.confident_unit_price()
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
