//! What a ranking compares its offers within: the PDN cascade over comparable products, the TKDN
//! a product's listings agree on, and the base unit its unit prices are compared in.
//!
//! Pasal 66(2) asks whether a domestic product with TKDN+BMP ≥ 40 % (or TKDN ≥ 25 %, or any
//! certified TKDN) is offered *for the good being bought*, not for one brand of it, nor for
//! anything else the same answer holds. So the cascade is decided over a comparable product:
//! the same kind and decisive specs, any brand (A4 70 gsm HVS paper from every mill). A product
//! of no known kind is comparable only with itself (its whole key), since nothing says which
//! other brand sells the same good.
//!
//! TKDN is certified per product, not per listing: a listing that states none of a product whose
//! other listings state one (and agree) is read with that TKDN, named as such, instead of being
//! set aside for what its marketplace does not publish (Bela and PaDi UMKM state no TKDN).

use crate::model::Offer;
use crate::normalize::pdn;
use crate::normalize::product::{self, ProductKey};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::rc::Rc;

const FORTY: Decimal = Decimal::from_parts(40, 0, 0, false, 0);
pub(super) const TWENTY_FIVE: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

/// Which clause of the PDN cascade decides a comparable product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Clause {
    A,
    B,
    C,
    #[default]
    D,
}

/// The clause deciding a comparable product, and the offer that decided it (for the reason).
#[derive(Debug, Clone, Default)]
pub struct Cascade {
    pub(super) clause: Clause,
    /// The offer with the highest TKDN+BMP (clause a) or TKDN (b, c): `ekatalog:EK-1 (TKDN+BMP
    /// 79.5 %)`.
    pub(super) by: Option<String>,
}

/// The highest value seen so far, and its offer.
type Highest<'a> = (Decimal, &'a Offer);

impl Cascade {
    /// The clause over `offers`, each read with its own TKDN or its product's (`read`).
    pub fn over<'a>(offers: impl IntoIterator<Item = (&'a Offer, Read<'a>)>) -> Self {
        let (mut sum, mut tkdn): (Option<Highest>, Option<Highest>) = (None, None);
        for (offer, read) in offers {
            let higher = |best: Option<(Decimal, &'a Offer)>, value: Option<Decimal>| match (best, value) {
                (Some((b, _)), Some(v)) if v <= b => best,
                (_, Some(v)) => Some((v, offer)),
                (best, None) => best,
            };
            sum = higher(sum, pdn::tkdn_plus_bmp(read.tkdn, read.bmp));
            tkdn = higher(tkdn, read.tkdn);
        }
        let by =
            |(value, offer): (Decimal, &Offer), what: &str| Some(format!("{} ({what} {value} %)", offer.gateway_id()));
        match (sum, tkdn) {
            // Clause a asks for TKDN ≥ 25 %: where no offer has it, a 40 % sum of a lower TKDN
            // would set every offer aside, the one that reached it too (review33w W33-5).
            (Some(s), Some(t)) if s.0 >= FORTY && t.0 >= TWENTY_FIVE => {
                Self { clause: Clause::A, by: by(s, "TKDN+BMP") }
            }
            (_, Some(t)) if t.0 >= TWENTY_FIVE => Self { clause: Clause::B, by: by(t, "TKDN") },
            (_, Some(t)) if t.0 > Decimal::ZERO => Self { clause: Clause::C, by: by(t, "TKDN") },
            _ => Self::default(),
        }
    }
}

impl Cascade {
    /// Whether the cascade puts an offer read as `read` first.
    pub(super) fn preferred(&self, read: &Read) -> bool {
        let tkdn = read.tkdn.unwrap_or_default();
        match self.clause {
            Clause::A | Clause::B => tkdn >= TWENTY_FIVE,
            Clause::C => tkdn > Decimal::ZERO,
            Clause::D => true,
        }
    }

    /// Why [`Cascade::preferred`] says what it says, in words a buyer can quote: the clause, and
    /// the offer that decided it. Written only for the offers an answer shows.
    pub(super) fn reason(&self, read: &Read) -> String {
        // An offer stating no TKDN is ranked as 0 %, but is not said to have one.
        let stated = match (read.tkdn, read.by) {
            (None, _) => "states no TKDN".to_string(),
            (Some(t), None) => format!("has TKDN {t} %"),
            (Some(t), Some(by)) => format!("has TKDN {t} % (as {by}, a listing of the same product, states)"),
        };
        let by = self.by.as_deref().map(|by| format!(": {by}")).unwrap_or_default();
        let preferred = self.preferred(read);
        match self.clause {
            Clause::A if preferred => format!(
                "PDN: {stated}, ≥ 25 %, as Pasal 66(2)a requires when a product with TKDN+BMP ≥ 40 % is offered{by}"
            ),
            Clause::A => {
                let below = if read.tkdn.is_some() { ", below 25 %" } else { "" };
                format!(
                    "set aside by Pasal 66(2)a: a product with TKDN+BMP ≥ 40 % is offered{by}; this one {stated}{below}"
                )
            }
            Clause::B if preferred => format!("PDN: {stated}, ≥ 25 % (Pasal 66(2)b)"),
            Clause::B => {
                format!("set aside by Pasal 66(2)b: products with TKDN ≥ 25 % are offered{by}; this one {stated}")
            }
            Clause::C if preferred => format!("PDN: {stated}, certified below 25 % (Pasal 66(2)c)"),
            Clause::C => {
                format!(
                    "set aside by Pasal 66(2)c: certified domestic products are offered{by}; this one states no TKDN"
                )
            }
            Clause::D => "no offer of this product states a TKDN; SIINAS registration (Pasal 66(2)d) cannot be checked"
                .to_string(),
        }
    }
}

/// The TKDN (and BMP) a product's listings agree on, and the listing that states it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductTkdn {
    pub tkdn: Decimal,
    /// The BMP, when every listing stating the TKDN states the same one.
    pub bmp: Option<Decimal>,
    /// The stating listing with the lowest id (`jatim-bejo:JB-0000442`).
    pub by: String,
}

impl ProductTkdn {
    /// What the listings of one product that state a TKDN agree on; `None` when none states one
    /// or they disagree (a guess between two certificates is no reading).
    pub fn agreed<'a>(offers: impl IntoIterator<Item = &'a Offer>) -> Option<Self> {
        let mut stating = offers.into_iter().filter(|o| o.tkdn.is_some());
        let first = stating.next()?;
        let (tkdn, mut bmp, mut by) = (first.tkdn?, first.bmp, first.gateway_id());
        for offer in stating {
            if offer.tkdn != Some(tkdn) {
                return None;
            }
            if offer.bmp != bmp {
                bmp = None;
            }
            by = by.min(offer.gateway_id());
        }
        Some(Self { tkdn, bmp, by })
    }
}

/// What the cascade reads as an offer's TKDN and BMP: its own listing's, else its product's.
#[derive(Debug, Clone, Copy)]
pub struct Read<'a> {
    pub tkdn: Option<Decimal>,
    pub bmp: Option<Decimal>,
    /// The other listing the values come from; `None` when they are the offer's own (or none).
    pub by: Option<&'a str>,
}

impl<'a> Read<'a> {
    pub fn of(offer: &Offer, product: Option<&'a ProductTkdn>) -> Self {
        match (offer.tkdn, product) {
            (None, Some(p)) => Self { tkdn: Some(p.tkdn), bmp: p.bmp, by: Some(p.by.as_str()) },
            _ => Self { tkdn: offer.tkdn, bmp: offer.bmp, by: None },
        }
    }
}

/// What one offer is ranked within (see the module's text).
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The cascade over every offer of the same comparable product in the answer.
    pub cascade: Cascade,
    /// The TKDN the offer's product's listings agree on.
    pub product_tkdn: Option<ProductTkdn>,
    /// The base unit the offer's unit price is compared in; an offer priced per another is not
    /// compared on price (`None`: every confident unit price is).
    pub unit: Option<String>,
}

/// The comparable product of a key: kind and decisive specs, or the whole key when the kind is
/// unknown.
pub fn comparable(key: &ProductKey) -> String {
    match key.kind.is_empty() {
        false => format!("{}|{}", key.kind, key.specs.join(" ")),
        true => format!("|{:?}|{}|{}", key.brand, key.specs.join(" "), key.tokens.join(" ")),
    }
}

/// One scope per product, each given as its comparable class ([`comparable`]) and its offers'
/// indexes in `offers`: the cascade over every offer of every product of its class, the TKDN
/// its own offers agree on. (`unit` is left for the caller, which knows how it counts prices.)
pub fn per_product(offers: &[&Offer], products: &[(String, Vec<usize>)]) -> Vec<Scope> {
    let tkdns: Vec<Option<ProductTkdn>> =
        products.iter().map(|(_, at)| ProductTkdn::agreed(at.iter().map(|&i| offers[i]))).collect();
    // Each class's products in one pass: a search's window holds hundreds of classes.
    let mut classes: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, (class, _)) in products.iter().enumerate() {
        classes.entry(class.as_str()).or_default().push(at);
    }
    let cascades: HashMap<&str, Cascade> = classes
        .into_iter()
        .map(|(class, of_class)| {
            let reads = of_class.into_iter().flat_map(|p| {
                let tkdn = tkdns[p].as_ref();
                products[p].1.iter().map(move |&i| (offers[i], Read::of(offers[i], tkdn)))
            });
            (class, Cascade::over(reads))
        })
        .collect();
    products
        .iter()
        .zip(tkdns)
        .map(|((class, _), product_tkdn)| Scope { cascade: cascades[class.as_str()].clone(), product_tkdn, unit: None })
        .collect()
}

/// The scopes of a mixed answer (a search in policy order), where a product is the offers of
/// one product key: the scopes, and each offer's index into them.
pub fn per_offer(offers: &[&Offer]) -> (Vec<Scope>, Vec<usize>) {
    let keys: Vec<Rc<ProductKey>> =
        offers.iter().map(|o| product::shared_offer_key(&o.title, o.brand.as_deref(), o.model.as_deref())).collect();
    let mut index: HashMap<&ProductKey, usize> = HashMap::new();
    let mut products: Vec<(String, Vec<usize>)> = Vec::new();
    let mut of = Vec::with_capacity(offers.len());
    for (at, key) in keys.iter().enumerate() {
        let product = *index.entry(key).or_insert_with(|| {
            products.push((comparable(key), Vec::new()));
            products.len() - 1
        });
        products[product].1.push(at);
        of.push(product);
    }
    (per_product(offers, &products), of)
}
