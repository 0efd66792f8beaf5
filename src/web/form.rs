//! The search form of the comparison page, and what it says when a value cannot be read.
//!
//! A value that cannot be read stays in its field as written (so it can be corrected, not
//! retyped), the field is marked (`aria-invalid`, `aria-describedby` to its message) and the
//! page opens with a summary that names each field by its label and links to it. No
//! `role=alert`: on a page that just loaded, the changed title says it (an alert present at load
//! is announced unreliably).

use super::fields::{self, error_id};
use super::lang::Lang;
use super::params::{Invalid, PageQuery, Sort};
use crate::normalize::region::{self, RegionLevel};
use maud::{Markup, html};

/// The values a field shows and the error that goes with it.
struct Field<'a> {
    name: &'static str,
    value: String,
    error: Option<&'a Invalid>,
}

impl<'a> Field<'a> {
    fn new(name: &'static str, read: String, invalid: &'a [Invalid]) -> Self {
        let error = invalid.iter().find(|i| i.field == name);
        // What the buyer wrote, when it could not be read; else the value as read.
        let value = error.map_or(read, |e| e.value.clone());
        Field { name, value, error }
    }

    /// The label, then the message (when wrong), each tied to the control by id.
    fn label(&self, lang: Lang) -> Markup {
        html! {
            label for=(self.name) { (fields::label(self.name, lang).unwrap_or(self.name)) }
            @if let Some(e) = self.error { p.field-error id=(error_id(self.name)) { (e.problem(lang)) } }
        }
    }

    fn invalid(&self) -> Option<&'static str> {
        self.error.map(|_| "true")
    }

    fn described_by(&self) -> Option<String> {
        self.error.map(|_| error_id(self.name))
    }
}

/// The summary before the form: every error, named by its field's label, linking to the field.
pub fn errors(invalid: &[Invalid], lang: Lang) -> Markup {
    html! {
        @if !invalid.is_empty() {
            div.errors #errors {
                h2 { (lang.pick("Periksa isian berikut", "Please check these fields")) }
                ul {
                    @for i in invalid {
                        @match i.field {
                            "q" | "region" | "sort" | "tkdn" | "min" | "max" => li { a href={ "#" (i.field) } { (i.message(lang)) } },
                            _ => li { (i.message(lang)) },
                        }
                    }
                }
            }
        }
    }
}

/// The page title when some value could not be read: it is what a screen reader says first.
pub fn error_title(invalid: &[Invalid], lang: Lang) -> String {
    let names: Vec<&str> = invalid.iter().map(|i| fields::label(i.field, lang).unwrap_or(i.field)).collect();
    format!("{} {} — Pasar", lang.pick("Kesalahan:", "Error:"), names.join("; "))
}

/// The search form.
pub fn render(query: &PageQuery, invalid: &[Invalid]) -> Markup {
    let lang = query.lang;
    let decimal = |d: Option<rust_decimal::Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    let tkdn = Field::new("tkdn", decimal(query.min_tkdn), invalid);
    let min = Field::new("min", decimal(query.min_price), invalid);
    let max = Field::new("max", decimal(query.max_price), invalid);
    let q = Field::new("q", query.q.clone(), invalid);
    let region = Field::new("region", String::new(), invalid);
    let sort = Field::new("sort", String::new(), invalid);
    html! {
        form.search role="search" method="get" action="/" {
            @if lang == Lang::En { input type="hidden" name="lang" value="en"; }
            div.wide.ask {
                (q.label(lang))
                input #q type="search" name="q" value=(q.value) required maxlength="200" placeholder="kertas hvs a4"
                    aria-invalid=[q.invalid()] aria-describedby=[q.described_by()];
            }
            // Folded on a phone once a search is shown, so the offers start in the first screen;
            // always open on a wide screen (style.css).
            details.filters.wide open[query.q.is_empty() || !invalid.is_empty()] {
                summary { (lang.pick("Wilayah, urutan dan filter", "Region, order and filters")) (chosen(query)) }
                div.filter-grid {
                    div { (region.label(lang)) (region_select(query, &region)) p.hint #region-hint { (region_hint(query, lang)) } }
                    div {
                        (sort.label(lang))
                        select #sort name="sort" aria-invalid=[sort.invalid()] aria-describedby=[sort.described_by()] {
                            @if let Some(e) = sort.error { option value=(e.value) selected { (e.value) } }
                            option value="policy" selected[sort.error.is_none() && query.sort() == Sort::Policy] {
                                (lang.pick("Sesuai aturan pengadaan (perlu wilayah)", "Procurement rules (needs a region)"))
                            }
                            option value="unit_price" selected[sort.error.is_none() && query.sort() == Sort::UnitPrice] {
                                (lang.pick("Harga satuan termurah", "Cheapest per unit"))
                            }
                        }
                    }
                    div {
                        (tkdn.label(lang))
                        // Text, not number: a number field would drop what it cannot read.
                        input #tkdn type="text" inputmode="decimal" name="tkdn" value=(tkdn.value)
                            aria-invalid=[tkdn.invalid()] aria-describedby=[tkdn.described_by()];
                    }
                    div {
                        (min.label(lang))
                        input #min type="text" inputmode="numeric" name="min" value=(min.value)
                            aria-invalid=[min.invalid()] aria-describedby=[min.described_by()];
                    }
                    div {
                        (max.label(lang))
                        input #max type="text" inputmode="numeric" name="max" value=(max.value)
                            aria-invalid=[max.invalid()] aria-describedby=[max.described_by()];
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
            // After the filters, so Tab goes search text, filters, then the button.
            div.wide { button type="submit" { (lang.pick("Cari", "Search")) } }
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

fn region_hint(query: &PageQuery, lang: Lang) -> &'static str {
    match query.region {
        None => lang.pick(
            "Pilih provinsi lalu tekan Cari; kabupaten dan kota provinsi itu lalu ada di daftar ini.",
            "Choose your province and press Search; its regencies and cities then appear in this list.",
        ),
        Some(_) => lang.pick(
            "Daftar ini memuat semua provinsi dan kabupaten/kota di provinsi yang dipilih.",
            "This list holds every province and the regencies and cities of the chosen one.",
        ),
    }
}

/// Province first: every province, and the regencies and cities of the chosen region's province
/// only (~80 options rather than 553); picking another province and searching lists its own.
fn region_select(query: &PageQuery, field: &Field<'_>) -> Markup {
    let lang = query.lang;
    let chosen = query.region;
    let regions = region::all();
    let province = chosen.and_then(region::province_of);
    let described = match field.described_by() {
        Some(error) => format!("{error} region-hint"),
        None => "region-hint".to_string(),
    };
    html! {
        select #region name="region" aria-invalid=[field.invalid()] aria-describedby=(described) {
            @if let Some(e) = field.error { option value=(e.value) selected { (e.value) } }
            option value="" { (lang.pick("— pilih wilayah —", "— choose a region —")) }
            optgroup label=(lang.pick("Provinsi", "Provinces")) {
                @for p in regions.iter().filter(|r| r.level == RegionLevel::Province) {
                    option value=(p.code) selected[chosen.map(|c| c.code) == Some(p.code)] { (p.name) }
                }
            }
            @if let Some(p) = province {
                optgroup label={ (lang.pick("Kabupaten dan kota di ", "Regencies and cities in ")) (p.name) } {
                    @for r in regions.iter().filter(|r| r.level != RegionLevel::Province && r.province_code == p.code) {
                        option value=(r.code) selected[chosen.map(|c| c.code) == Some(r.code)] { (r.name) }
                    }
                }
            }
        }
    }
}
