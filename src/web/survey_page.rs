//! The printable price survey (A4): per product, the surveyed offers and min/median/max.

use super::amounts;
use super::lang::Lang;
use super::layout;
use super::params::PageQuery;
use super::survey::{self, Figures, Product, Survey, unit_price};
use super::words;
use crate::model::Price;
use maud::{Markup, html};
use rust_decimal::Decimal;

/// The survey sheet.
pub fn render(query: &PageQuery, survey: &Survey<'_>) -> Markup {
    let lang = query.lang;
    let mut other = query.clone();
    other.lang = if lang == Lang::En { Lang::Id } else { Lang::En };
    // The same survey in the other language: its chosen offers, or its offers per product.
    let other_link = other.link("/survey", &chosen_or_top(query));
    let title = format!("{} — {}", lang.pick("Survei harga", "Price survey"), query.q);
    layout::page(
        lang,
        &title,
        Some(&other_link),
        html! {
            h1 { (lang.pick("Survei harga pasar", "Market price survey")) ": " (query.q) }
            p {
                (lang.pick("Dibuat oleh Pasar pada ", "Made by Pasar on ")) (survey.made_at)
                @if let Some(region) = query.region { " · " (lang.pick("Wilayah pembeli: ", "Buyer's region: ")) (region.name) }
            }
            p.sources-line {
                (lang.pick("Marketplace yang dicari: ", "Marketplaces searched: ")) (survey.searched.join(", ")) ". "
                @if survey.missing.is_empty() {
                    (lang.pick("Semua menjawab.", "All answered."))
                } @else {
                    (lang.pick("Tidak menjawab: ", "Did not answer: "))
                    @for (i, (name, why)) in survey.missing.iter().enumerate() {
                        @if i > 0 { "; " }
                        (name) " (" (why) ")"
                    }
                    "."
                }
            }
            @if let Some(filters) = &survey.filters {
                p.filters { (lang.pick("Hanya penawaran yang memenuhi: ", "Only offers meeting: ")) (filters) ". "
                    (lang.pick("Angka pasar di bawah dihitung dari penawaran itu saja.", "The market figures below are of those offers only.")) }
            }
            @if let Some(partial) = &survey.partial {
                p.note.partial { (partial) }
            }
            p.no-print {
                // The ticks go back with the buyer, who came to change them, not to start again.
                a.button href=(query.link("/", &query.offer_pairs())) { (lang.pick("Kembali ke perbandingan", "Back to the comparison")) } " "
                a.button.secondary href=(query.link("/survey.csv", &chosen_or_top(query))) { (lang.pick("Unduh CSV", "Download CSV")) } " "
                a.button.secondary href=(query.link("/survey.xlsx", &chosen_or_top(query))) { (lang.pick("Unduh Excel (.xlsx)", "Download Excel (.xlsx)")) }
            }
            @if !survey.missing_offers.is_empty() {
                div.errors {
                    (lang.pick("Penawaran yang diminta tetapi tidak ada di antara penawaran yang dibandingkan: ", "Offers asked for that are not among the compared offers: "))
                    (survey.missing_offers.join(", "))
                }
            }
            @if survey.products.is_empty() {
                p { (lang.pick("Tidak ada penawaran untuk survei ini.", "No offers for this survey.")) }
            }
            @for product in &survey.products { (table(product, lang)) }
            p.note {
                (lang.pick(
                    "Harga satuan = harga per satuan dasar termasuk PPN; kosong bila isi kemasan tidak diketahui. Angka pasar dihitung dari semua penawaran produk itu yang harga satuannya dapat dibandingkan (sama dengan API compare), tidak hanya baris terpilih. Median: nilai tengah; untuk jumlah genap, rata-rata dua nilai tengah (seperti MEDIAN di Excel). ≈: harga perkiraan dari marketplace (mis. «Rp 251rb»), tidak dihitung bila ada harga pasti. Waktu baca: saat Pasar membaca halaman marketplace tersebut.",
                    "Unit price = price per base unit including PPN; empty when the pack size is unknown. Market figures cover every offer of the product whose unit price can be compared (as the API's compare), not only the chosen rows. Median: the middle value; for an even count, the mean of the two middle values (as Excel's MEDIAN). ≈: an approximate price from the marketplace (e.g. «Rp 251rb»), not counted where exact prices exist. Read at: when Pasar read that marketplace's page."
                ))
            }
        },
    )
}

fn chosen_or_top(query: &PageQuery) -> Vec<(&'static str, String)> {
    if query.chosen.is_empty() { vec![("top", query.top().to_string())] } else { query.offer_pairs() }
}

/// One line of figures: the market's (every counted offer of the product, as the API's
/// `compare`) or the chosen rows'. Each amount carries its exact value for machines.
fn figures(figures: &Figures, which: &str, product: &Product<'_>, lang: Lang) -> Markup {
    let money = |d: Option<Decimal>| d.map(|amount| amounts::rupiah(amount, lang)).unwrap_or_else(|| "—".into());
    let exact = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    let per = product.base_unit.as_deref().map(|b| format!(" / {b}")).unwrap_or_default();
    let (id_what, en_what) = match which {
        "market" => ("Pasar — harga satuan termasuk PPN dari ", "Market — unit price incl. PPN over "),
        _ => ("Baris terpilih — dari ", "Chosen rows — over "),
    };
    let count = figures.count;
    html! {
        p.figures data-figures=(which) data-count=(count) {
            (lang.pick(id_what, en_what))
            @match lang {
                Lang::Id => { (count) " penawaran yang dibandingkan" },
                Lang::En => { (count) @if count == 1 { " compared offer" } @else { " compared offers" } },
            }
            ": " (lang.pick("terendah ", "lowest ")) strong.min data-value=(exact(figures.min)) { (money(figures.min)) (per) }
            " · median " strong.median data-value=(exact(figures.median)) { (money(figures.median)) (per) }
            " · " (lang.pick("tertinggi ", "highest ")) strong.max data-value=(exact(figures.max)) { (money(figures.max)) (per) }
            // "dari 0 penawaran" alone read as a product nobody sells (review35m M35-10).
            @if count == 0 { ". " span.none-counted { (survey::none_counted(which == "market", lang)) } }
        }
    }
}

fn table(product: &Product<'_>, lang: Lang) -> Markup {
    let amount = |price: Option<&Price>, of: fn(&Price) -> Decimal| {
        price.map_or_else(|| "—".into(), |p| amounts::rupiah_of(p, of(p), lang))
    };
    html! {
        section.product {
            h2 { (product.title) }
            (figures(&product.market, "market", product, lang))
            (figures(&product.selected, "selected", product, lang))
            div.table-scroll {
                table.survey {
                    thead { tr {
                        th { "Marketplace" } th { (lang.pick("Penawaran dan tautan", "Offer and link")) }
                        th { (lang.pick("Penyedia", "Vendor")) } th { "NPWP" } th { (lang.pick("Wilayah", "Region")) }
                        th.num { (lang.pick("Harga termasuk PPN", "Price incl. PPN")) } th.num { (lang.pick("Tanpa PPN", "Excl. PPN")) }
                        th { (lang.pick("Kemasan", "Pack")) } th.num { (lang.pick("Harga satuan", "Unit price")) }
                        th.num { "TKDN" } th { (lang.pick("Dibaca", "Read at")) }
                    } }
                    tbody {
                        @for row in &product.rows {
                            @let offer = row.offer;
                            @let price = offer.price.as_ref();
                            tr data-offer=(offer.gateway_id()) {
                                td { (row.marketplace) }
                                td { (offer.title) @if let Some(url) = &offer.url { br; a.link href=(url) { (url) } } }
                                td { (offer.vendor.name) @for b in words::badges(&row.facts) { " (" (b) ")" } }
                                td.npwp { (row.facts.npwp.as_ref().map(|n| amounts::npwp(&n.value)).unwrap_or_else(|| "—".into())) }
                                td { (words::vendor_place(offer, &row.facts, lang)) }
                                td.num { (amount(price, |p| p.amount_including_vat)) }
                                td.num { (amount(price, |p| p.amount_excluding_vat)) }
                                td { (offer.unit.name.as_deref().unwrap_or("—")) @if let (Some(base), Some(quantity)) = (&offer.unit.base_unit, offer.unit.quantity) { " (" (amounts::number(quantity, lang)) " " (base) ")" } }
                                td.num {
                                    (price.zip(unit_price(offer)).map_or_else(|| "—".into(), |(p, u)| amounts::rupiah_of(p, u, lang)))
                                    @if let Some(note) = row.price_note(lang) { br; small.price-note { (note) } }
                                }
                                td.num { (offer.tkdn.map(|t| amounts::percent(t, lang)).unwrap_or_else(|| "—".into())) }
                                td { (row.read_at) }
                            }
                        }
                    }
                }
            }
        }
    }
}
