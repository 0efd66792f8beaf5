//! Numbers, money and NPWPs as the buyer's language writes them, and an approximate price's
//! note: every page, the survey files and the spending report write amounts through here.

use super::lang::Lang;
use crate::model::Price;
use crate::normalize::rupiah::format_rupiah;
use rust_decimal::Decimal;

/// A spreadsheet cell's rupiah format, for every workbook (the survey's, the spending report's):
/// `Rp` and two decimals in the reader's own separators.
pub const XLSX_RUPIAH: &str = "\"Rp\"#,##0.00";

/// `42%`, `79,5%` in Indonesian, `79.5%` in English (no space, as each language writes it).
pub fn percent(value: Decimal, lang: Lang) -> String {
    format!("{}%", number(value, lang))
}

/// A quantity as the language writes it: `2.500` and `0,5` in Indonesian, `2,500` and `0.5` in
/// English; every digit kept.
pub fn number(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    let (negative, text) = text.strip_prefix('-').map_or((false, text.as_str()), |t| (true, t));
    let (whole, fraction) = text.split_once('.').map_or((text, None), |(w, f)| (w, Some(f)));
    let (group, mark) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(mark);
        out.push_str(fraction);
    }
    if negative { format!("-{out}") } else { out }
}

/// An NPWP as it is written on paper, so a spreadsheet keeps it as text: a badan's 16-digit
/// NPWP (`0` + NPWP15) as its NPWP15 `01.234.567.8-901.000`, a NIK-based one grouped in fours
/// (`3507 1234 5678 0001`), anything else as sent.
pub fn npwp(digits: &str) -> String {
    let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
    match (digits.len(), digits.strip_prefix('0')) {
        (16, Some(n)) if all_digits => {
            format!("{}.{}.{}.{}-{}.{}", &n[0..2], &n[2..5], &n[5..8], &n[8..9], &n[9..12], &n[12..15])
        }
        (15, _) if all_digits => npwp(&format!("0{digits}")),
        (16, None) if all_digits => {
            format!("{} {} {} {}", &digits[0..4], &digits[4..8], &digits[8..12], &digits[12..16])
        }
        _ => digits.to_string(),
    }
}

/// `Rp1.250.000` and `Rp89,44` in Indonesian, `Rp1,250,000` and `Rp89.44` in English: the
/// language's marks, as [`number`] writes the quantities beside it (an English page wrote
/// `Rp89,44 / sheet` next to `box of 2,500`, the comma meaning two things). Rounded to the sen
/// for reading; the CSV keeps the exact amount.
pub fn rupiah(value: Decimal, lang: Lang) -> String {
    let written = format_rupiah(value);
    match lang {
        Lang::Id => written,
        Lang::En => written
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
    }
}

/// An amount of `price` (the price itself, without PPN, per unit), marked `≈` when the
/// marketplace did not quote the price exactly (`Rp 251rb`).
pub fn rupiah_of(price: &Price, value: Decimal, lang: Lang) -> String {
    if price.exact { rupiah(value, lang) } else { format!("≈ {}", rupiah(value, lang)) }
}

/// What a reader must know of a price the marketplace did not quote exactly: `perkiraan, tertulis
/// «Rp 251rb»`; `None` for an exact price.
pub fn approximate(price: &Price, lang: Lang) -> Option<String> {
    let said = lang.pick("perkiraan, tertulis", "approximate, quoted as");
    (!price.exact).then(|| match &price.raw {
        Some(raw) => format!("{said} «{raw}»"),
        None => lang.pick("perkiraan", "approximate").to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_npwp_is_written_punctuated_and_a_nik_based_one_grouped() {
        assert_eq!(npwp("0012345678901000"), "01.234.567.8-901.000");
        assert_eq!(npwp("012345678901000"), "01.234.567.8-901.000");
        assert_eq!(npwp("3507123456780001"), "3507 1234 5678 0001");
        assert_eq!(npwp("12ab"), "12ab");
    }

    #[test]
    fn numbers_and_percentages_are_written_as_each_language_writes_them() {
        assert_eq!(number(Decimal::new(2_500, 0), Lang::Id), "2.500");
        assert_eq!(number(Decimal::new(2_500, 0), Lang::En), "2,500");
        assert_eq!(number(Decimal::new(12_345_675, 1), Lang::Id), "1.234.567,5");
        assert_eq!(number(Decimal::new(500, 0), Lang::Id), "500");
        assert_eq!(percent(Decimal::new(795, 1), Lang::Id), "79,5%");
        assert_eq!(percent(Decimal::new(795, 1), Lang::En), "79.5%");
    }

    #[test]
    fn rupiah_takes_the_marks_of_the_language_its_quantities_use() {
        assert_eq!(rupiah(Decimal::new(125_000_050, 2), Lang::Id), "Rp1.250.000,50");
        assert_eq!(rupiah(Decimal::new(125_000_050, 2), Lang::En), "Rp1,250,000.50");
        assert_eq!(rupiah(Decimal::new(8_944, 2), Lang::En), "Rp89.44");
        assert_eq!(rupiah(Decimal::new(61_050, 0), Lang::En), "Rp61,050");
    }
}
