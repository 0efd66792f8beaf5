//! The price survey as CSV: UTF-8 with a byte-order mark (so spreadsheets do not guess another
//! encoding), `;`-separated, one row per offer, amounts exact (no rounding, no thousands
//! separators). In Indonesian the decimal mark is `,`, as the spreadsheets that expect `;` read
//! it; in English it is `.`.

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
                product.title.clone(),
                row.marketplace.to_string(),
                offer.title.clone(),
                offer.url.clone().unwrap_or_default(),
                offer.vendor.name.clone(),
                offer.vendor.npwp.clone().unwrap_or_default(),
                words::vendor_place(offer, lang),
                amount(price.map(|p| p.amount_including_vat)),
                amount(price.map(|p| p.amount_excluding_vat)),
                offer.unit.name.clone(),
                offer.unit.quantity.map(|q| number(q, lang)).unwrap_or_default(),
                offer.unit.base_unit.clone().unwrap_or_default(),
                amount(unit_price(offer)),
                amount(offer.tkdn),
                amount(offer.bmp),
                row.read_at.clone(),
                offer.gateway_id(),
            ])?;
        }
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

fn header(lang: Lang) -> [&'static str; 17] {
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
        ],
    }
}

/// The exact amount, trailing zeros dropped, in the language's decimal mark.
fn number(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_every_digit_and_use_the_languages_decimal_mark() {
        let amount = Decimal::new(12_345_678_905, 4);
        assert_eq!(number(amount, Lang::Id), "1234567,8905");
        assert_eq!(number(amount, Lang::En), "1234567.8905");
        assert_eq!(number(Decimal::new(15_000_000, 2), Lang::Id), "150000");
    }
}
