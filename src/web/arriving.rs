//! The comparison page while the marketplaces answer: a live region that each marketplace's
//! cheapest offers are written into as it answers, closed when the comparison is written after
//! it. The stylesheet hides what arrived once the comparison follows (`.arriving:has(~ .compared)`),
//! so the page needs no script.

use super::amounts;
use super::lang::Lang;
use super::sources;
use super::survey::unit_price;
use super::words::Names;
use crate::model::Offer;
use crate::search::SourceReport;
use maud::{Markup, PreEscaped, html};

/// Offers of one marketplace listed as it answers; the comparison shows them all.
const SHOWN: usize = 5;

/// The live region's start, left open: the marketplaces' parts are written into it.
pub fn opening(lang: Lang) -> Markup {
    html! {
        (PreEscaped(r#"<section class="arriving" aria-live="polite" aria-labelledby="arriving-title">"#))
        h2 #arriving-title { (lang.pick("Penawaran yang sudah masuk", "Offers in so far")) }
        p.note { (lang.pick(
            "Setiap marketplace muncul di sini begitu menjawab; perbandingan lengkap menyusul setelah semua menjawab atau waktunya habis.",
            "Each marketplace shows here as soon as it answers; the full comparison follows once all have answered or their time is up."
        )) }
    }
}

/// One marketplace's part: what happened to it and its cheapest offers per unit.
pub fn arrived(report: &SourceReport, offers: &[Offer], names: &Names, lang: Lang) -> Markup {
    let mut cheapest: Vec<&Offer> = offers.iter().collect();
    // Offers without a unit price fit to compare last.
    cheapest.sort_by_key(|o| (unit_price(o).is_none(), unit_price(o)));
    let more = offers.len().saturating_sub(SHOWN);
    html! {
        div.arrived data-marketplace=(report.marketplace.as_str()) {
            h3 { (names.of(&report.marketplace)) ": " (sources::source_state(report, lang)) }
            @if !cheapest.is_empty() {
                ol.arrived-offers {
                    @for offer in cheapest.iter().take(SHOWN) { (line(offer, lang)) }
                }
            }
            @if more > 0 {
                p.note { (match lang {
                    Lang::Id => format!("dan {more} penawaran lainnya dari marketplace ini"),
                    Lang::En => format!("and {more} more from this marketplace"),
                }) }
            }
        }
    }
}

/// An offer in one line: title, unit (or pack) price including PPN, vendor.
fn line(offer: &Offer, lang: Lang) -> Markup {
    let base = offer.unit.base_unit.as_deref().or(offer.unit.name.as_deref());
    html! {
        li {
            span.title { (offer.title) } " — "
            // An approximate quote (`Rp 229rb`) is marked here as on the page that follows.
            @match (unit_price(offer), &offer.price) {
                (Some(u), Some(p)) => { (amounts::rupiah_of(p, u, lang)) @if let Some(base) = base { " / " (base) } },
                (Some(u), None) => { (amounts::rupiah(u, lang)) @if let Some(base) = base { " / " (base) } },
                (None, Some(p)) => { (amounts::rupiah_of(p, p.amount_including_vat, lang)) @if let Some(name) = &offer.unit.name { " / " (name) } },
                (None, None) => { (lang.pick("harga tidak diketahui", "price unknown")) },
            }
            " — " (offer.vendor.name)
        }
    }
}

/// The live region's end, with the last thing it announces: the comparison follows.
pub fn closing(lang: Lang) -> Markup {
    html! {
        p.arrived-done { (lang.pick(
            "Semua marketplace sudah menjawab atau waktunya habis: perbandingan lengkap ada di bawah.",
            "Every marketplace has answered or run out of time: the full comparison is below."
        )) }
        (PreEscaped("</section>"))
    }
}

/// Written into the page when the comparison could not be finished after the page had started.
pub fn failed(lang: Lang) -> Markup {
    html! {
        div.errors.compared role="alert" { (lang.pick(
            "Perbandingan tidak dapat diselesaikan. Muat ulang halaman untuk mencoba lagi.",
            "The comparison could not be finished. Reload the page to try again."
        )) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arriving_offer_quoted_approximately_is_marked_as_on_the_page() {
        let mut offer = Offer::sample("a");
        let exact = line(&offer, Lang::Id).into_string();
        assert!(exact.contains("Rp") && !exact.contains('≈'), "{exact}");
        if let Some(price) = offer.price.as_mut() {
            price.exact = false;
        }
        let approximate = line(&offer, Lang::Id).into_string();
        assert!(approximate.contains("≈ Rp"), "{approximate}");
    }
}
