//! One offer on the comparison page: marketplace, listing, vendor, prices and why no PPN, TKDN,
//! stock or availability, minimum order, reasons.

use super::amounts;
use super::lang::Lang;
use super::survey::{uncounted_why, unit_price};
use super::words::{self, Names};
use crate::model::Offer;
use crate::search::{Explanation, Uncounted, VendorFacts};
use maud::{Markup, html};

/// What the page knows about an offer besides the offer itself.
pub struct Shown<'a> {
    pub why: Option<&'a Explanation>,
    /// The vendor's facts as the answer's accounts of it state them.
    pub facts: &'a VendorFacts,
    pub cheapest: bool,
    /// The element id a link can point at (the pinned cheapest offer's).
    pub anchor: Option<&'a str>,
    /// Its place in the page's order, from 1.
    pub position: usize,
    /// Its product group's place on the page, which with `position` makes its ids unique.
    pub group: usize,
    pub names: &'a Names,
    pub lang: Lang,
    /// Why its unit price is left out of the product's figures (lowest, median), when it is.
    pub uncounted: Option<Uncounted>,
    /// Named by the page's `offer=`: ticked for the survey when the page opens.
    pub ticked: bool,
}

/// The offer as a list item; its checkbox belongs to the survey form (`form="survey"`).
pub fn item(offer: &Offer, shown: &Shown<'_>) -> Markup {
    let lang = shown.lang;
    let id = offer.gateway_id();
    let class = if shown.cheapest { "offer cheapest" } else { "offer" };
    // The checkbox is named by its offer (`aria-labelledby`): 300 boxes all called "Include in
    // the price survey" cannot be told apart in a screen reader's list of fields.
    let key = format!("o{}-{}", shown.group, shown.position);
    let part = |what: &str| format!("{key}-{what}");
    html! {
        li class=(class) id=[shown.anchor] value=(shown.position) data-marketplace=(offer.marketplace.as_str()) data-offer=(id) {
            div {
                @if shown.cheapest {
                    span.mark { (lang.pick("Termurah per satuan", "Cheapest per unit")) } " "
                }
                span.market id=(part("market")) { (shown.names.of(&offer.marketplace)) }
                div.title id=(part("title")) {
                    @match &offer.url {
                        Some(url) => a href=(url) rel="noopener" { (offer.title) },
                        None => (offer.title),
                    }
                }
                div.vendor {
                    span id=(part("vendor")) { (offer.vendor.name) }
                    @for badge in words::badges(shown.facts) { span.badge { (badge) } }
                    div.market { (words::vendor_place(offer, shown.facts, lang)) }
                }
            }
            (prices(offer, &part("price"), lang))
            // Folded on a phone to keep the card short; always open on a wide screen (style.css).
            details.detail {
                summary { (lang.pick("Rincian: kemasan, TKDN, stok, alasan urutan", "Details: pack, TKDN, stock, why here")) }
                (facts(offer, lang))
                // A price the figures above leave out (a meterai sold per pcs among sheets) says so.
                @if let Some(uncounted) = shown.uncounted {
                    p.uncounted { (lang.pick("Tidak dihitung dalam angka produk ini: ", "Not counted in this product's figures: ")) (uncounted_why(offer, uncounted, lang)) }
                }
                @if let Some(why) = shown.why {
                    p.why { strong { (lang.pick("Alasan urutan: ", "Why here: ")) } (words::reasons(offer, why, shown.names, lang)) }
                }
            }
            label.pick {
                input type="checkbox" name="offer" value=(id) form="survey" checked[shown.ticked]
                    aria-labelledby={ (part("pick")) " " (part("title")) " " (part("vendor")) " " (part("market")) " " (part("price")) };
                " " span id=(part("pick")) { (lang.pick("Masukkan ke survei harga", "Include in the price survey")) }
            }
        }
    }
}

fn prices(offer: &Offer, price_id: &str, lang: Lang) -> Markup {
    let unknown = lang.pick("tidak diketahui", "unknown");
    let base = offer.unit.base_unit.as_deref().or(offer.unit.name.as_deref());
    html! {
        dl.facts {
            dt { (lang.pick("Harga (termasuk PPN)", "Price (incl. PPN)")) }
            dd.price id=(price_id) {
                @match &offer.price { Some(p) => (amounts::rupiah_of(p, p.amount_including_vat, lang)), None => (unknown) } @if let Some(name) = &offer.unit.name { " / " (name) }
                @if let Some(note) = offer.price.as_ref().and_then(|p| amounts::approximate(p, lang)) {
                    " " span.approximate { "(" (note) ")" }
                }
            }
            dt { (lang.pick("Tanpa PPN", "Excl. PPN")) }
            dd {
                @match &offer.price {
                    Some(p) => {
                        (amounts::rupiah_of(p, p.amount_excluding_vat, lang))
                        @if let Some(reason) = words::no_ppn_reason(p.vat_basis, lang) { " " (reason) }
                    },
                    None => (unknown),
                }
            }
            dt { (lang.pick("Harga satuan", "Unit price")) }
            dd.unit-price {
                @match offer.price.as_ref().zip(unit_price(offer)) {
                    Some((p, u)) => { (amounts::rupiah_of(p, u, lang)) @if let Some(base) = base { " / " (base) } },
                    None => { (lang.pick("tidak diketahui (isi kemasan tidak jelas)", "unknown (pack size not known)")) },
                }
            }
        }
    }
}

fn facts(offer: &Offer, lang: Lang) -> Markup {
    let not_stated = lang.pick("tidak dicantumkan", "not stated");
    let percent = |v: Option<rust_decimal::Decimal>| v.map(|v| amounts::percent(v, lang));
    html! {
        dl.facts {
            dt { (lang.pick("Kemasan", "Pack")) }
            dd {
                (offer.unit.name.as_deref().unwrap_or(not_stated))
                @if let (Some(base), Some(quantity)) = (&offer.unit.base_unit, offer.unit.quantity) {
                    " = " (amounts::number(quantity, lang)) " " (base)
                }
            }
            dt { "TKDN" } dd { (percent(offer.tkdn).unwrap_or_else(|| not_stated.into())) }
            dt { "BMP" } dd { (percent(offer.bmp).unwrap_or_else(|| not_stated.into())) }
            dt { (lang.pick("Stok", "Stock")) }
            dd {
                @match (offer.stock, offer.availability) {
                    (Some(n), _) => (n),
                    (None, Some(a)) => (words::availability(a, lang)),
                    (None, None) => (not_stated),
                }
            }
            @if let Some(packs) = offer.min_order {
                dt { (lang.pick("Minimal pembelian", "Minimum order")) }
                dd { (packs) @if let Some(name) = &offer.unit.name { " " (name) } }
            }
        }
    }
}
