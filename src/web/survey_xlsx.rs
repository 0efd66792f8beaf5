//! The price survey as an Excel workbook (`/survey.xlsx`): what the CSV cannot say. Every cell
//! has its type: NPWPs (written as on paper, `01.234.567.8-901.000`), ids, links and names are text
//! (a spreadsheet never drops an NPWP's leading zero or turns it into `8,10744E+14`, and seller
//! text is never a formula); amounts are numbers in a rupiah format. The header row is bold and
//! frozen. A second sheet gives each product's market figures (the same as the API's `compare`)
//! and the chosen rows', and says who did not answer.
//!
//! Amounts are written as spreadsheet numbers (binary floating point, as Excel holds every
//! number): exact to the sen for any price below a trillion rupiah; the CSV keeps every digit.

use super::amounts;
use super::lang::Lang;
use super::survey::{self, Figures, Product, Survey, unit_price};
use super::survey_csv::header;
use super::words;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// Percent values (`45,12`) as plain numbers.
const NUMBER: &str = "0.####";

/// The workbook's bytes.
pub fn render(survey: &Survey<'_>, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    offers(workbook.add_worksheet(), survey, lang)?;
    summary(workbook.add_worksheet(), survey, lang)?;
    workbook.save_to_buffer()
}

struct Formats {
    header: Format,
    rupiah: Format,
    number: Format,
}

fn formats() -> Formats {
    Formats {
        header: Format::new().set_bold(),
        rupiah: Format::new().set_num_format(amounts::XLSX_RUPIAH),
        number: Format::new().set_num_format(NUMBER),
    }
}

fn offers(sheet: &mut Worksheet, survey: &Survey<'_>, lang: Lang) -> Result<(), XlsxError> {
    let f = formats();
    sheet.set_name(lang.pick("Penawaran", "Offers"))?;
    for (col, title) in (0u16..).zip(header(lang)) {
        sheet.write_string_with_format(0, col, title, &f.header)?;
    }
    let mut row = 1u32;
    for product in &survey.products {
        for surveyed in &product.rows {
            let offer = surveyed.offer;
            let price = offer.price.as_ref();
            let texts: [(u16, String); 12] = [
                (0, product.title.clone()),
                (1, surveyed.marketplace.to_string()),
                (2, offer.title.clone()),
                (3, offer.url.clone().unwrap_or_default()),
                (4, offer.vendor.name.clone()),
                // As on paper and as the CSV and the printed sheet write it: a reader checks it
                // against the vendor's documents, which never show it as bare digits.
                (5, surveyed.facts.npwp.as_ref().map(|n| amounts::npwp(&n.value)).unwrap_or_default()),
                (6, words::vendor_place(offer, &surveyed.facts, lang)),
                (9, offer.unit.name.clone().unwrap_or_default()),
                (11, offer.unit.base_unit.clone().unwrap_or_default()),
                (15, surveyed.read_at.clone()),
                (16, offer.gateway_id()),
                (17, surveyed.price_note(lang).unwrap_or_default()),
            ];
            for (col, text) in texts.iter().filter(|(_, t)| !t.is_empty()) {
                sheet.write_string(row, *col, text)?;
            }
            let amounts = [
                (7, price.map(|p| p.amount_including_vat), &f.rupiah),
                (8, price.map(|p| p.amount_excluding_vat), &f.rupiah),
                (10, offer.unit.quantity, &f.number),
                (12, unit_price(offer), &f.rupiah),
                (13, offer.tkdn, &f.number),
                (14, offer.bmp, &f.number),
            ];
            for (col, amount, format) in amounts {
                if let Some(value) = amount.and_then(|d| d.to_f64()) {
                    sheet.write_number_with_format(row, col, value, format)?;
                }
            }
            row += 1;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (col, width) in
        [(0u16, 28.0), (2, 40.0), (3, 30.0), (4, 28.0), (5, 20.0), (6, 22.0), (15, 22.0), (16, 22.0), (17, 30.0)]
    {
        sheet.set_column_width(col, width)?;
    }
    Ok(())
}

fn summary(sheet: &mut Worksheet, survey: &Survey<'_>, lang: Lang) -> Result<(), XlsxError> {
    let f = formats();
    sheet.set_name(lang.pick("Ringkasan", "Summary"))?;
    let titles = match lang {
        Lang::Id => [
            "produk",
            "cakupan",
            "jumlah_penawaran",
            "terendah",
            "median",
            "tertinggi",
            "satuan_dasar",
            "dikesampingkan",
            "catatan",
        ],
        Lang::En => ["product", "covers", "offers", "lowest", "median", "highest", "base_unit", "left_out", "note"],
    };
    for (col, title) in (0u16..).zip(titles) {
        sheet.write_string_with_format(0, col, title, &f.header)?;
    }
    let mut row = 1u32;
    for product in &survey.products {
        let market = lang.pick("pasar (semua penawaran yang dibandingkan)", "market (every compared offer)");
        let chosen = lang.pick("baris terpilih", "chosen rows");
        let chosen_left_out = product.rows.len().saturating_sub(product.selected.count);
        for (covers, figures, left_out) in
            [(market, &product.market, product.left_out), (chosen, &product.selected, chosen_left_out)]
        {
            figures_row(sheet, row, product, covers, figures, &f)?;
            sheet.write_number(row, 7, left_out as f64)?;
            if figures.count == 0 && left_out > 0 {
                sheet.write_string(row, 8, survey::none_counted(covers == market, lang))?;
            }
            row += 1;
        }
    }
    row += 1;
    let mut note = |text: String| -> Result<(), XlsxError> {
        sheet.write_string(row, 0, text)?;
        row += 1;
        Ok(())
    };
    note(format!("{}{}", lang.pick("Survei harga pasar: ", "Market price survey: "), survey.search))?;
    if let Some(region) = &survey.region {
        note(format!("{}{region}", lang.pick("Wilayah pembeli: ", "Buyer's region: ")))?;
    }
    note(format!("{}{}", lang.pick("Dibuat: ", "Made: "), survey.made_at))?;
    note(format!(
        "{}{}",
        lang.pick("Marketplace yang dicari: ", "Marketplaces searched: "),
        survey.searched.join(", ")
    ))?;
    for (name, why) in &survey.missing {
        note(format!("{}{name} ({why})", lang.pick("Tidak menjawab: ", "Did not answer: ")))?;
    }
    for id in &survey.missing_offers {
        let said = lang.pick("Tidak ada di antara penawaran yang dibandingkan: ", "Not among the compared offers: ");
        note(format!("{said}{id}"))?;
    }
    if let Some(filters) = &survey.filters {
        note(format!("{}{filters}", lang.pick("Hanya penawaran yang memenuhi: ", "Only offers meeting: ")))?;
    }
    if let Some(partial) = &survey.partial {
        note(partial.clone())?;
    }
    note(
        lang.pick(
            "Median: nilai tengah; untuk jumlah genap, rata-rata dua nilai tengah (seperti MEDIAN di Excel).",
            "Median: the middle value; for an even count, the mean of the two middle values (as Excel's MEDIAN).",
        )
        .to_string(),
    )?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 36.0)?;
    sheet.set_column_width(1, 36.0)?;
    Ok(())
}

fn figures_row(
    sheet: &mut Worksheet,
    row: u32,
    product: &Product<'_>,
    covers: &str,
    figures: &Figures,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string(row, 0, &product.title)?;
    sheet.write_string(row, 1, covers)?;
    sheet.write_number(row, 2, figures.count as f64)?;
    for (col, value) in [(3u16, figures.min), (4, figures.median), (5, figures.max)] {
        if let Some(value) = value.and_then(|d: Decimal| d.to_f64()) {
            sheet.write_number_with_format(row, col, value, &f.rupiah)?;
        }
    }
    if let Some(base) = &product.base_unit {
        sheet.write_string(row, 6, base)?;
    }
    Ok(())
}
