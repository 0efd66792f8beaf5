//! `/belanja.csv` and `/belanja.xlsx`: the page's figures as rows for a report.

use super::lang::Lang;
use super::survey_csv::{number, text};
use crate::model::PaymentMethod;
use crate::spending::Spending;
use crate::spending::{Ranking, Share};
use rust_decimal::Decimal;

/// One row: section, item, value with PPN, value without PPN, count (each when it has one).
pub type Row = (String, String, Option<Decimal>, Option<Decimal>, Option<usize>);

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Vendors listed, largest first, as on the page.
pub const TOP_VENDORS: usize = 5;

/// Marks the text as UTF-8 for spreadsheets that would read it as another code page (the
/// survey's CSV carries it too).
const BOM: &str = "\u{feff}";

/// What a Pemda's figures leave out, said under the total on the page and in the downloads.
#[derive(Debug, Default)]
pub struct Gaps {
    /// Marketplaces that could not be read, with why: "PaDi UMKM (menjawab HTTP 503)".
    pub failed: Vec<String>,
    /// Marketplaces read in part, with what is missing.
    pub short: Vec<String>,
    /// Entries a marketplace sent that are not the buyer's year's, with how many: "Mbizmarket:
    /// 30 transaksi bertanggal di luar tahun 2023 tidak dihitung", "Mbizmarket: 50 transaksi
    /// milik pembeli lain tidak dihitung". The figure stands without them.
    pub left_out: Vec<(String, usize)>,
    /// Entries a marketplace sent stating a PPN rate not in force on their date, with how many:
    /// counted at the rate stated (what the seller charged), but a reader must see it.
    pub rates: Vec<(String, usize)>,
    /// Marketplaces that could not be read for some Pemda of the ranking, with why: said at the
    /// ranking, never under this Pemda's own total, which they do not touch (review37s R37s-8).
    pub ranking_failed: Vec<String>,
}

/// Why a ranking's ranks may still change, naming the marketplaces that failed for some Pemda.
pub fn provisional_note(failed: &[String]) -> String {
    let which = if failed.is_empty() { String::new() } else { format!(" ({})", failed.join(", ")) };
    format!(
        "total sebagian Pemda belum lengkap karena marketplace tidak dapat dibaca{which}, \
         sehingga peringkat setiap Pemda dapat berubah setelah semuanya terbaca"
    )
}

/// The rows of a Pemda's year, then the province ranking; what the figures leave out (`gaps`)
/// is said right under the total, as the page says it, and when the figures were made
/// (`made_at`): the current year's ledgers are read again every few minutes, and two filed
/// copies must be told apart (review33w W33-7).
pub fn rows(
    spending: &Spending,
    names: &dyn Fn(&str) -> String,
    ranking: &Ranking,
    gaps: &Gaps,
    made_at: &str,
) -> Vec<Row> {
    let s = &spending.summary;
    // The file travels without its URL: the first row says whose year it is.
    let (buyer, year) = (&spending.buyer, spending.year);
    let mut out: Vec<Row> = vec![(
        "Total".into(),
        format!("{} ({}), tahun {year}", buyer.name, buyer.code),
        Some(s.all.total.including_vat),
        Some(s.all.total.excluding_vat),
        Some(s.all.count),
    )];
    out.push(("Dibuat".into(), format!("oleh Pasar pada {made_at}"), None, None, None));
    if let Some(read_at) = spending.read_at() {
        out.push(("Dibaca".into(), format!("dari marketplace pada {}", super::survey::wib(read_at)), None, None, None));
    }
    for marketplace in &gaps.failed {
        let said = format!("{marketplace} tidak dapat dibaca: nilainya tidak termasuk dalam total (bukan nol)");
        out.push(("Data belum lengkap".into(), said, None, None, None));
    }
    for marketplace in &gaps.short {
        let said = format!("{marketplace}: transaksi itu tidak termasuk dalam total");
        out.push(("Data belum lengkap".into(), said, None, None, None));
    }
    for (said, count) in &gaps.left_out {
        out.push(("Tidak dihitung".into(), said.clone(), None, None, Some(*count)));
    }
    for (said, count) in &gaps.rates {
        out.push(("Tarif PPN".into(), said.clone(), None, None, Some(*count)));
    }
    for (m, t) in &s.by_marketplace {
        out.push((
            "Marketplace".into(),
            names(m.as_str()),
            Some(t.total.including_vat),
            Some(t.total.excluding_vat),
            Some(t.count),
        ));
    }
    for (i, t) in s.by_month.iter().enumerate() {
        let (incl, excl) = (Some(t.total.including_vat), Some(t.total.excluding_vat));
        out.push(("Bulan".into(), MONTHS[i].into(), incl, excl, Some(t.count)));
    }
    for (m, t) in &s.by_payment {
        out.push((
            "Metode pembayaran".into(),
            payment_name(*m).into(),
            Some(t.total.including_vat),
            Some(t.total.excluding_vat),
            Some(t.count),
        ));
    }
    for v in s.vendors.iter().take(TOP_VENDORS) {
        let t = &v.tally;
        out.push((
            "Penyedia terbesar".into(),
            v.vendor.name.clone(),
            Some(t.total.including_vat),
            Some(t.total.excluding_vat),
            Some(t.count),
        ));
    }
    for (name, share) in shares(spending) {
        out.push(("Porsi (nilai)".into(), name.into(), Some(share.value), None, None));
        out.push(("Porsi (dasar)".into(), name.into(), Some(share.base), None, None));
        out.push(("Porsi (tidak diketahui)".into(), name.into(), Some(share.unknown), None, None));
    }
    // As on the page: a year in which no Pemda has a transaction ranks nobody, where the rows
    // would list every Pemda of the province as 'Peringkat 1' at Rp0.
    let ranked = if ranking.ranks_nobody() { &[][..] } else { &ranking.buyers[..] };
    if !ranked.is_empty() && ranking.provisional() {
        out.push(("Peringkat sementara".into(), provisional_note(&gaps.ranking_failed), None, None, None));
    }
    for b in ranked {
        // A total missing a marketplace's part says so, as the page's `*` does; a whole total
        // in a ranking with a missing one keeps a rank that may change.
        let section = match (b.complete, b.provisional) {
            (false, _) => format!("Peringkat {} (belum lengkap)", b.rank),
            (true, true) => format!("Peringkat {} (sementara)", b.rank),
            (true, false) => format!("Peringkat {}", b.rank),
        };
        out.push((
            section,
            b.region.name.into(),
            Some(b.total.including_vat),
            Some(b.total.excluding_vat),
            usize::try_from(b.count).ok(),
        ));
    }
    out
}

/// The shares with their Indonesian names.
pub fn shares(spending: &Spending) -> [(&'static str, Share); 5] {
    let s = &spending.summary.shares;
    [
        ("Usaha mikro dan kecil (UMK)", s.umk),
        ("Koperasi", s.koperasi),
        ("Penyedia di kabupaten/kota sendiri", s.same_region),
        ("Penyedia di provinsi sendiri", s.same_province),
        ("Barang ber-TKDN tersertifikasi", s.tkdn),
    ]
}

/// The rows as CSV as `/survey.csv` writes Indonesian: `;`-separated, amounts with a decimal
/// comma (a point is text to an Indonesian spreadsheet, left out of its sums), text that would
/// start a formula (a vendor's name is the marketplace's) marked as text.
pub fn csv(rows: &[Row]) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    w.write_record(["Bagian", "Uraian", "Nilai termasuk PPN", "Nilai tanpa PPN", "Jumlah transaksi"])?;
    for (section, item, incl, excl, count) in rows {
        let [incl, excl] = [incl, excl].map(|d| d.map(|d| number(d, Lang::Id)).unwrap_or_default());
        let count = count.map(|c| c.to_string()).unwrap_or_default();
        w.write_record([&text(section), &text(item), &incl, &excl, &count])?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

/// The rows as an `.xlsx` workbook: amounts as numbers (exact to the rupiah at this scale).
pub fn xlsx(rows: &[Row]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_decimal::prelude::ToPrimitive;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Belanja")?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let money = rust_xlsxwriter::Format::new().set_num_format(super::amounts::XLSX_RUPIAH);
    for (c, h) in ["Bagian", "Uraian", "Nilai termasuk PPN", "Nilai tanpa PPN", "Jumlah transaksi"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, (section, item, incl, excl, count)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, section)?;
        sheet.write_string(r, 1, item)?;
        for (column, amount) in [(2, incl), (3, excl)] {
            if let Some(amount) = amount {
                sheet.write_number_with_format(r, column, amount.to_f64().unwrap_or(0.0), &money)?;
            }
        }
        if let Some(count) = count {
            sheet.write_number(r, 4, *count as f64)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 22)?;
    sheet.set_column_width(3, 22)?;
    book.save_to_buffer()
}

/// How a payment method is called in Indonesian.
pub fn payment_name(method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::VirtualAccount => "Virtual account",
        PaymentMethod::BankTransfer => "Transfer bank",
        PaymentMethod::GovernmentCard => "Kartu Kredit Pemerintah (KKP)",
        PaymentMethod::CashManagement => "Cash management system (CMS)",
        PaymentMethod::Other => "Lainnya",
        PaymentMethod::Unknown => "Tidak disebutkan",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_writes_amounts_with_a_decimal_comma_and_a_vendors_formula_as_text() {
        let amount = |text: &str| text.parse::<Decimal>().ok();
        let rows: Vec<Row> = vec![
            (
                "Total".into(),
                "Kota Kediri (35.71), tahun 2022".into(),
                amount("11045555.56"),
                amount("10009916.10"),
                Some(10),
            ),
            ("Penyedia terbesar".into(), "=HYPERLINK(\"http://x\")".into(), amount("500500.5"), None, Some(1)),
        ];
        let text = csv(&rows).expect("csv");
        assert!(text.contains("\nTotal;Kota Kediri (35.71), tahun 2022;11045555,56;10009916,1;10\n"), "{text}");
        assert!(text.contains("\nPenyedia terbesar;\"'=HYPERLINK(\"\"http://x\"\")\";500500,5;;1\n"), "{text}");
    }
}
