//! The comparison page: the search form, each marketplace's state, and the product groups.

use super::group;
use super::lang::Lang;
use super::layout;
use super::params::{Invalid, PageQuery, Sort};
use super::words::{self, Names};
use crate::normalize::region::{self, RegionLevel};
use crate::search::CompareOutcome;
use maud::{Markup, html};

/// What the page says when there is no comparison to show: nothing asked yet, or why it could
/// not run. A comparison is streamed into the page (`streamed.rs`) between [`around_answer`]'s
/// two parts.
pub enum Answer {
    NotAsked,
    Refused(String),
}

/// The whole page without a comparison.
pub fn render(query: &PageQuery, invalid: &[Invalid], answer: &Answer) -> Markup {
    let lang = query.lang;
    let said = match answer {
        Answer::NotAsked => html! { p.note { (lang.pick(
            "Tulis nama barang, pilih wilayah Anda, lalu tekan Cari. Pasar menanyai setiap marketplace sekaligus.",
            "Type what you need, pick your region and press Search. Pasar asks every marketplace at once."
        )) } },
        Answer::Refused(why) => html! { div.errors role="alert" { (why) } },
    };
    page(query, invalid, said)
}

/// The page up to where the comparison goes (head, form) and the rest, to be sent around a
/// comparison written as it arrives.
pub fn around_answer(query: &PageQuery) -> (String, String) {
    // The answer is the last thing in `main`; text the page shows back is escaped, so the last
    // `</main>` is the page's own.
    let mut top = page(query, &[], html! {}).into_string();
    let at = top.rfind("</main>").unwrap_or(top.len());
    let bottom = top.split_off(at);
    (top, bottom)
}

fn page(query: &PageQuery, invalid: &[Invalid], answer: Markup) -> Markup {
    let lang = query.lang;
    let other = switch_language(query);
    let title = match query.q.is_empty() {
        true => lang.pick("Pasar — bandingkan harga", "Pasar — compare prices").to_string(),
        false => format!("{} — Pasar", query.q),
    };
    layout::page(
        lang,
        &title,
        &other,
        html! {
            h1 { (lang.pick("Bandingkan penawaran antar-marketplace", "Compare offers across marketplaces")) }
            (form(query, invalid.is_empty()))
            @if !invalid.is_empty() {
                div.errors role="alert" {
                    ul { @for i in invalid { li { (i.message(lang)) } } }
                }
            }
            (answer)
        },
    )
}

fn switch_language(query: &PageQuery) -> String {
    let mut other = query.clone();
    other.lang = if query.lang == Lang::En { Lang::Id } else { Lang::En };
    if other.q.is_empty() && other.lang == Lang::En { "/?lang=en".into() } else { other.link("/", &[]) }
}

fn form(query: &PageQuery, valid: bool) -> Markup {
    let lang = query.lang;
    let decimal = |d: Option<rust_decimal::Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    html! {
        form.search role="search" method="get" action="/" {
            @if lang == Lang::En { input type="hidden" name="lang" value="en"; }
            div.wide.ask {
                label for="q" { (lang.pick("Barang yang dicari", "What you are looking for")) }
                div.ask-row {
                    input #q type="search" name="q" value=(query.q) required maxlength="200" placeholder="kertas hvs a4";
                    button type="submit" { (lang.pick("Cari", "Search")) }
                }
            }
            // Folded on a phone once a search is shown, so the offers start in the first screen;
            // always open on a wide screen (style.css).
            details.filters.wide open[query.q.is_empty() || !valid] {
                summary { (lang.pick("Wilayah, urutan dan filter", "Region, order and filters")) (chosen(query)) }
                div.filter-grid {
            div {
                label for="region" { (lang.pick("Wilayah Anda (lokasi pengiriman)", "Your region (delivery)")) }
                (region_select(query))
            }
            div {
                label for="sort" { (lang.pick("Urutan", "Order")) }
                select #sort name="sort" {
                    option value="policy" selected[query.sort() == Sort::Policy] {
                        (lang.pick("Sesuai aturan pengadaan (perlu wilayah)", "Procurement rules (needs a region)"))
                    }
                    option value="unit_price" selected[query.sort() == Sort::UnitPrice] {
                        (lang.pick("Harga satuan termurah", "Cheapest per unit"))
                    }
                }
            }
            div {
                label for="tkdn" { (lang.pick("TKDN minimum (%)", "Minimum TKDN (%)")) }
                input #tkdn type="number" name="tkdn" min="0" max="100" step="any" value=(decimal(query.min_tkdn));
            }
            div {
                label for="min" { (lang.pick("Harga kemasan dari (Rp, termasuk PPN)", "Pack price from (Rp, incl. PPN)")) }
                input #min type="text" inputmode="numeric" name="min" value=(decimal(query.min_price));
            }
            div {
                label for="max" { (lang.pick("Harga kemasan sampai (Rp, termasuk PPN)", "Pack price up to (Rp, incl. PPN)")) }
                input #max type="text" inputmode="numeric" name="max" value=(decimal(query.max_price));
            }
            fieldset.wide {
                legend { (lang.pick("Hanya tampilkan", "Only show")) }
                (check("pdn", query.pdn, lang.pick("Produk dalam negeri (TKDN bersertifikat)", "Domestic products (certified TKDN)")))
                (check("umk", query.umk, lang.pick("Penyedia UMK", "Micro and small vendors (UMK)")))
                (check("koperasi", query.koperasi, lang.pick("Koperasi", "Cooperatives")))
                (check("stock", query.in_stock, lang.pick("Stok tersedia", "In stock")))
            }
                }
            }
        }
    }
}

/// What the folded filters hold, for their summary: ` — Kota Kediri, UMK`.
fn chosen(query: &PageQuery) -> String {
    let mut said: Vec<&str> = query.region.map(|r| r.name).into_iter().collect();
    let flags = [(query.pdn, "PDN"), (query.umk, "UMK"), (query.koperasi, "Koperasi")];
    said.extend(flags.iter().filter(|(on, _)| *on).map(|(_, name)| *name));
    if said.is_empty() { String::new() } else { format!(" — {}", said.join(", ")) }
}

fn check(name: &str, checked: bool, text: &str) -> Markup {
    html! { label { input type="checkbox" name=(name) value="1" checked[checked]; " " (text) } }
}

/// Every province, then its regencies and cities, from the bundled Kemendagri table.
fn region_select(query: &PageQuery) -> Markup {
    let lang = query.lang;
    let chosen = query.region.map(|r| r.code);
    let regions = region::all();
    let provinces = regions.iter().filter(|r| r.level == RegionLevel::Province);
    html! {
        select #region name="region" {
            option value="" { (lang.pick("— pilih wilayah —", "— choose a region —")) }
            @for province in provinces {
                optgroup label=(province.name) {
                    option value=(province.code) selected[chosen == Some(province.code)] {
                        (lang.pick("Seluruh provinsi ", "All of ")) (province.name)
                    }
                    @for r in regions.iter().filter(|r| r.level != RegionLevel::Province && r.province_code == province.code) {
                        option value=(r.code) selected[chosen == Some(r.code)] { (r.name) }
                    }
                }
            }
        }
    }
}

/// The comparison: what each marketplace did, then the product groups and the survey form.
pub fn results(query: &PageQuery, outcome: &CompareOutcome, names: &Names) -> Markup {
    let lang = query.lang;
    html! {
        @let reports = &outcome.sources.reports;
        @let answered = reports.iter().filter(|r| words::answered(r)).count();
        section aria-labelledby="sources-title" {
            h2 #sources-title { (lang.pick("Marketplace yang dicari", "Marketplaces searched")) }
            // Folded on a phone while every marketplace answered (style.css keeps it open when wide).
            details.sources-fold open[answered < reports.len()] {
            summary { (words::answered_of(answered, reports.len(), lang)) }
            ul.sources {
                @for report in &outcome.sources.reports {
                    li class=(if words::answered(report) { "answered" } else { "missing" }) data-marketplace=(report.marketplace.as_str()) {
                        strong { (names.of(&report.marketplace)) } ": " (words::source_state(report, lang))
                    }
                }
            }
            }
        }
        @if query.region.is_none() {
            p.note { (lang.pick(
                "Pilih wilayah Anda untuk urutan sesuai aturan pengadaan (PDN, UMK dan koperasi, kedekatan) dan alasannya.",
                "Choose your region for the procurement-rule order (PDN, UMK and cooperatives, locality) and its reasons."
            )) }
        }
        @if outcome.groups.is_empty() {
            p { (lang.pick("Tidak ada penawaran yang cocok.", "No matching offers.")) }
        }
        @for (i, group) in outcome.groups.iter().enumerate() {
            (group::render(query, group, i, names, &outcome.facts))
        }
        // The offers' survey checkboxes belong to this form wherever it stands (`form="survey"`).
        (survey_form(query))
    }
}

fn survey_form(query: &PageQuery) -> Markup {
    let lang = query.lang;
    html! {
        form #survey .survey-form method="get" action="/survey" {
            @for (key, value) in query.search_pairs() { input type="hidden" name=(key) value=(value); }
            div {
                label for="top" { (lang.pick("Penawaran per produk (jika tidak ada yang dipilih)", "Offers per product (when none is chosen)")) }
                select #top name="top" {
                    @for n in [1, 3, 5, 10] { option value=(n) selected[n == query.top()] { (n) } }
                }
            }
            button type="submit" { (lang.pick("Buat survei harga (cetak)", "Make a price survey (print)")) }
            button.secondary type="submit" formaction="/survey.csv" { (lang.pick("Unduh CSV", "Download CSV")) }
            button.secondary type="submit" formaction="/survey.xlsx" { (lang.pick("Unduh Excel (.xlsx)", "Download Excel (.xlsx)")) }
        }
    }
}
