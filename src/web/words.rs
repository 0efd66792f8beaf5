//! What the search found, said in plain words: the policy ranking's reasons, where a vendor is,
//! why a price carries no PPN, availability. Never a raw code. Amounts are written by `amounts`,
//! what each marketplace asked did by `sources`.

use super::amounts::percent;
use super::lang::Lang;
use crate::model::{Availability, BusinessScale, MarketplaceId, Offer, VatBasis};
use crate::normalize::pdn::PdnTier;
use crate::normalize::region;
use crate::search::{Explanation, Locality, Stated, VendorFacts};
use std::collections::BTreeMap;

/// Marketplaces' display names by id (`"mbiz"` → `"Mbizmarket"`), from the registry.
#[derive(Debug, Clone, Default)]
pub struct Names(pub BTreeMap<String, String>);

impl Names {
    /// Each marketplace's display name, from `(id, name)` pairs; a name two marketplaces share
    /// carries each one's id (`Stub (s-one)`), so a filed survey says which did not answer
    /// (review33w W33-11).
    pub fn new<'a>(entries: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> Self {
        let shared = |name: &str| entries.clone().filter(|(_, other)| *other == name).count() > 1;
        let named = entries.clone().map(|(id, name)| {
            let shown = if shared(name) { format!("{name} ({id})") } else { name.to_string() };
            (id.to_string(), shown)
        });
        Self(named.collect())
    }

    /// The display name, or the id when the marketplace is no longer registered.
    pub fn of<'a>(&'a self, id: &'a MarketplaceId) -> &'a str {
        self.0.get(id.as_str()).map_or(id.as_str(), String::as_str)
    }
}

/// The policy ranking's reasons for one offer, e.g. "Penyedia UMK di Kota Kediri (satu
/// kabupaten/kota dengan Anda); TKDN 42%".
pub fn reasons(offer: &Offer, why: &Explanation, names: &Names, lang: Lang) -> String {
    let scale = why.facts.scale.as_ref().map_or(BusinessScale::Unknown, |s| s.value);
    let vendor = match (why.koperasi, why.umk, scale, lang) {
        (true, _, _, Lang::Id) => "Koperasi",
        (true, _, _, Lang::En) => "Cooperative",
        (false, true, _, Lang::Id) => "Penyedia UMK",
        (false, true, _, Lang::En) => "Micro/small vendor (UMK)",
        (false, false, BusinessScale::Unknown, Lang::Id) => "Penyedia (skala usaha tidak dicantumkan)",
        (false, false, BusinessScale::Unknown, Lang::En) => "Vendor (business scale not stated)",
        (false, false, _, Lang::Id) => "Penyedia non-UMK",
        (false, false, _, Lang::En) => "Vendor not UMK",
    };
    let place = vendor_place(offer, &why.facts, lang);
    let near = match why.locality {
        Locality::SameRegency => lang.pick(" (satu kabupaten/kota dengan Anda)", " (your regency/city)"),
        Locality::SameProvince => lang.pick(" (satu provinsi dengan Anda)", " (your province)"),
        Locality::National => lang.pick(" (di luar provinsi Anda)", " (outside your province)"),
        Locality::Unknown => "",
    };
    let at = lang.pick("di", "in");
    let sources = sources(&why.facts, why.koperasi, names, lang);
    format!("{vendor} {at} {place}{near}; {}{sources}", pdn_reason(why, lang))
}

/// ` (sumber: skala usaha: akun lain penyedia ini di Padi UMKM, lokasi: akun ini di
/// Mbizmarket)`: which account stated each vendor fact the order used (the same vendor's
/// accounts in the answer are joined, see `search::policy::facts`).
fn sources(facts: &VendorFacts, koperasi: bool, names: &Names, lang: Lang) -> String {
    let mut said = Vec::new();
    match (&facts.koperasi, &facts.scale) {
        (Some(form), _) if koperasi => {
            said.push(format!("{}: {}", lang.pick("bentuk usaha", "legal form"), account(form, names, lang)));
        }
        (_, Some(scale)) => {
            said.push(format!("{}: {}", lang.pick("skala usaha", "business scale"), account(scale, names, lang)));
        }
        _ => {}
    }
    if let Some(region) = &facts.region {
        said.push(format!("{}: {}", lang.pick("lokasi", "location"), account(region, names, lang)));
    }
    if said.is_empty() {
        return String::new();
    }
    format!(" ({}: {})", lang.pick("sumber", "source"), said.join(", "))
}

fn account<T>(stated: &Stated<T>, names: &Names, lang: Lang) -> String {
    let market = names.of(&stated.by);
    match (stated.own, lang) {
        (true, Lang::Id) => format!("akun ini di {market}"),
        (true, Lang::En) => format!("this account on {market}"),
        (false, Lang::Id) => format!("akun lain penyedia ini di {market}"),
        (false, Lang::En) => format!("the vendor's other account on {market}"),
    }
}

fn pdn_reason(why: &Explanation, lang: Lang) -> String {
    let from = why.tkdn_stated_by.as_deref().map(|by| match lang {
        Lang::Id => format!(" (dicantumkan {by}, penawaran lain produk yang sama)"),
        Lang::En => format!(" (as {by}, another listing of the same product, states)"),
    });
    let tkdn = why.tkdn.map(|t| format!("{}{}", percent(t, lang), from.unwrap_or_default()));
    // BMP is worth naming only where it lifts the offer to the top tier.
    let bmp = why.bmp.filter(|b| !b.is_zero() && why.pdn_tier == PdnTier::TkdnBmp40).map(|b| percent(b, lang));
    match (why.pdn_preferred, bmp, tkdn, lang) {
        (true, Some(b), Some(t), _) => format!("TKDN {t}, BMP {b} (TKDN+BMP ≥ 40%)"),
        (true, None, Some(t), _) => format!("TKDN {t}"),
        (true, _, None, _) => lang
            .pick(
                "tidak ada penawaran produk ini yang mencantumkan TKDN di atas 0%",
                "no offer of this product states a TKDN above 0 %",
            )
            .to_string(),
        (false, _, Some(t), Lang::Id) => {
            format!("dikesampingkan aturan PDN (Perpres 46/2025 Pasal 66): ada penawaran ber-TKDN lebih tinggi, produk ini TKDN {t}")
        }
        (false, _, Some(t), Lang::En) => {
            format!("set aside by the PDN rule (Perpres 46/2025 art. 66): offers with a higher TKDN exist, this one has TKDN {t}")
        }
        (false, _, None, Lang::Id) => {
            "dikesampingkan aturan PDN (Perpres 46/2025 Pasal 66): ada penawaran ber-TKDN, produk ini tidak mencantumkannya"
                .to_string()
        }
        (false, _, None, Lang::En) => {
            "set aside by the PDN rule (Perpres 46/2025 art. 66): offers with a TKDN exist, this one states none".to_string()
        }
    }
}

/// Where the vendor is: the region's official name, else what the marketplace wrote.
pub fn vendor_place(offer: &Offer, facts: &VendorFacts, lang: Lang) -> String {
    let vendor = &offer.vendor;
    facts
        .region_code()
        .and_then(region::by_code)
        .map(|r| r.name.to_string())
        .or_else(|| vendor.location.clone())
        .unwrap_or_else(|| lang.pick("lokasi tidak diketahui", "location unknown").to_string())
}

/// The vendor's badges: UMK and koperasi, the two that procurement rules prefer, by the facts
/// any of the vendor's accounts in the answer states.
pub fn badges(facts: &VendorFacts) -> Vec<&'static str> {
    let mut out = Vec::new();
    if facts.umk() {
        out.push("UMK");
    }
    if facts.koperasi() {
        out.push("Koperasi");
    }
    out
}

/// Why a price carries no PPN, in the words a buyer checks a survey by; `None` when PPN applies.
pub fn no_ppn_reason(basis: VatBasis, lang: Lang) -> Option<&'static str> {
    let said = match basis {
        VatBasis::Included | VatBasis::Excluded => return None,
        VatBasis::NotPkp => ("(penjual bukan PKP, tidak memungut PPN)", "(the seller is not PKP and charges no PPN)"),
        VatBasis::Exempt => ("(barang bebas PPN)", "(the goods carry no PPN)"),
        VatBasis::Pbjt => ("(dikenai PBJT daerah, bukan PPN)", "(regional PBJT applies instead of PPN)"),
        VatBasis::ZeroRate => ("(penjual tidak memungut PPN)", "(the seller charges no PPN)"),
    };
    Some(lang.pick(said.0, said.1))
}

/// The stated availability as the page says it.
pub fn availability(availability: Availability, lang: Lang) -> &'static str {
    let said = match availability {
        Availability::InStock => ("tersedia", "in stock"),
        Availability::Limited => ("stok terbatas", "limited stock"),
        Availability::PreOrder => ("pre-order (inden)", "pre-order"),
        Availability::OutOfStock => ("stok habis", "out of stock"),
        Availability::Discontinued => ("tidak dijual lagi", "discontinued"),
    };
    lang.pick(said.0, said.1)
}

/// `41 penawaran di 4 marketplace`; `41 offers on 4 marketplaces`, `1 offer on 1 marketplace`.
pub fn offers_on(offers: usize, marketplaces: usize, lang: Lang) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match lang {
        Lang::Id => format!("{offers} penawaran di {marketplaces} marketplace"),
        Lang::En => {
            format!("{} on {}", plural(offers, "offer", "offers"), plural(marketplaces, "marketplace", "marketplaces"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::pdn;
    use rust_decimal::Decimal;

    #[test]
    fn a_display_name_two_marketplaces_share_carries_each_ones_id() {
        let names = Names::new([("s-one", "Stub"), ("s-two", "Stub"), ("mbiz", "Mbizmarket")].into_iter());
        let of = |id: &str| names.of(&crate::model::MarketplaceId::new(id)).to_string();
        assert_eq!([of("s-one"), of("s-two"), of("mbiz")], ["Stub (s-one)", "Stub (s-two)", "Mbizmarket"]);
    }

    fn explanation(offer: &Offer, preferred: bool, locality: Locality) -> Explanation {
        Explanation {
            pdn_tier: pdn::tier(offer.tkdn, offer.bmp),
            pdn_preferred: preferred,
            umk: offer.vendor.scale.is_umk(),
            koperasi: offer.vendor.legal_form == crate::model::LegalForm::Koperasi,
            locality,
            tkdn: offer.tkdn,
            bmp: offer.bmp,
            tkdn_stated_by: None,
            facts: VendorFacts::own(offer),
            unit_price: None,
            reasons: vec!["English, never shown".into()],
        }
    }

    fn names() -> Names {
        Names([("mbiz".to_string(), "Mbizmarket".to_string()), ("padi-umkm".into(), "Padi UMKM".into())].into())
    }

    #[test]
    fn a_fact_another_account_of_the_vendor_stated_says_which_marketplace_stated_it() {
        let mut offer = Offer::sample("c");
        offer.vendor.region_code = None;
        let mut why = explanation(&offer, true, Locality::SameRegency);
        let stated = |value| Stated { value, by: MarketplaceId::new("padi-umkm"), own: false };
        why.facts = VendorFacts { scale: Some(stated(BusinessScale::Kecil)), ..VendorFacts::default() };
        why.facts.region = Some(Stated { value: "35.72", by: MarketplaceId::new("padi-umkm"), own: false });
        why.umk = true;
        let text = reasons(&offer, &why, &names(), Lang::Id);
        assert!(text.starts_with("Penyedia UMK di Kota Blitar (satu kabupaten/kota dengan Anda)"), "{text}");
        assert!(
            text.ends_with("(sumber: skala usaha: akun lain penyedia ini di Padi UMKM, lokasi: akun lain penyedia ini di Padi UMKM)"),
            "{text}"
        );
    }

    #[test]
    fn a_umk_vendor_in_the_buyers_city_reads_as_the_issue_says() {
        let mut offer = Offer::sample("a");
        offer.marketplace = MarketplaceId::new("mbiz");
        offer.vendor.scale = BusinessScale::Kecil;
        offer.vendor.region_code = Some("35.71");
        offer.tkdn = Some(Decimal::new(42, 0));
        let text = reasons(&offer, &explanation(&offer, true, Locality::SameRegency), &names(), Lang::Id);
        assert_eq!(
            text,
            "Penyedia UMK di Kota Kediri (satu kabupaten/kota dengan Anda); TKDN 42% \
             (sumber: skala usaha: akun ini di Mbizmarket, lokasi: akun ini di Mbizmarket)"
        );
    }

    #[test]
    fn a_set_aside_offer_says_why_in_indonesian() {
        let mut offer = Offer::sample("b");
        offer.tkdn = Some(Decimal::new(105, 1));
        let text = reasons(&offer, &explanation(&offer, false, Locality::National), &names(), Lang::Id);
        assert!(
            text.starts_with("Penyedia non-UMK di Kota Administrasi Jakarta Pusat (di luar provinsi Anda)"),
            "{text}"
        );
        assert!(text.contains("dikesampingkan aturan PDN") && text.contains("TKDN 10,5%"), "{text}");
    }

    #[test]
    fn a_price_without_ppn_says_whether_the_seller_the_goods_or_a_regional_tax_is_why() {
        let said = |basis| no_ppn_reason(basis, Lang::Id);
        assert_eq!((said(VatBasis::Included), said(VatBasis::Excluded)), (None, None));
        assert_eq!(said(VatBasis::NotPkp), Some("(penjual bukan PKP, tidak memungut PPN)"));
        assert_eq!(said(VatBasis::Exempt), Some("(barang bebas PPN)"));
        assert_eq!(said(VatBasis::Pbjt), Some("(dikenai PBJT daerah, bukan PPN)"));
        assert_eq!(no_ppn_reason(VatBasis::ZeroRate, Lang::En), Some("(the seller charges no PPN)"));
    }

    #[test]
    fn offer_counts_are_written_as_each_language_writes_them() {
        assert_eq!(offers_on(41, 4, Lang::En), "41 offers on 4 marketplaces");
        assert_eq!(offers_on(1, 1, Lang::En), "1 offer on 1 marketplace");
        assert_eq!(offers_on(41, 4, Lang::Id), "41 penawaran di 4 marketplace");
    }
}
