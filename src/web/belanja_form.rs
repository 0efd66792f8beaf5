//! `/belanja` without its figures: the form that asks for a region and a year, alone when the
//! page is opened bare, and above what was wrong when the values given could not be used (a
//! plain-text refusal left the reader of the page with nothing to correct them in).

use super::lang::Lang;
use super::layout;
use crate::codes::Code;
use maud::{Markup, html};

/// The parameter a refusal is about, so the form can mark that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Wilayah,
    Tahun,
    /// Neither value is wrong (a marketplace could not be read, say).
    Neither,
}

/// One reason the report could not be made, in Indonesian like the page.
#[derive(Debug)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

impl Problem {
    pub fn new(field: Field, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

/// The form, keeping the values given, with `problems` listed above it and their fields marked.
pub fn render(wilayah: &str, tahun: &str, problems: &[Problem]) -> Markup {
    let wrong = |field: Field| problems.iter().any(|p| p.field == field).then_some("true");
    let described = |field: Field, hint: &str| match wrong(field) {
        Some(_) => format!("{hint} errors"),
        None => hint.to_string(),
    };
    let body = html! {
        h1 { "Belanja Pemda di marketplace pengadaan" }
        p.lead { "Total, bulan, marketplace, penyedia terbesar dan peringkat di provinsi dari transaksi e-purchasing yang selesai dalam satu tahun anggaran." }
        @if !problems.is_empty() {
            div.errors #errors role="alert" data-code=(Code::BadUserInput.as_str()) {
                h2 { "Periksa isian berikut" }
                ul { @for p in problems {
                    @match p.field {
                        Field::Wilayah => li { a href="#wilayah" { (p.message) } },
                        Field::Tahun => li { a href="#tahun" { (p.message) } },
                        Field::Neither => li { (p.message) },
                    }
                } }
            }
        }
        form.search method="get" action="/belanja" {
            div {
                label for="wilayah" { "Kode wilayah (Kemendagri)" }
                input #wilayah type="text" name="wilayah" value=(wilayah) required inputmode="decimal" placeholder="35.71"
                    aria-invalid=[wrong(Field::Wilayah)] aria-describedby=(described(Field::Wilayah, "wilayah-hint"));
            }
            div {
                label for="tahun" { "Tahun anggaran" }
                input #tahun type="text" name="tahun" value=(tahun) required inputmode="numeric" placeholder="2022"
                    aria-invalid=[wrong(Field::Tahun)] aria-describedby=(described(Field::Tahun, "tahun-hint"));
            }
            button type="submit" { "Tampilkan" }
            // Below the row, not under each field: the fields stay level however the hints wrap.
            p.hint.wide {
                span #wilayah-hint { "Kode wilayah: 35 untuk provinsi, 35.71 untuk kabupaten atau kota." }
                " "
                span #tahun-hint { "Tahun: misalnya 2022." }
            }
        }
    };
    let title = if problems.is_empty() { "Belanja Pemda — Pasar" } else { "Kesalahan: Belanja Pemda — Pasar" };
    // Written in Indonesian only, as the report is.
    layout::page(Lang::Id, title, None, body)
}
