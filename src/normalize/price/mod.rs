//! Reading a price written by a marketplace into an exact rupiah amount.
//!
//! [`parse_price`] runs these steps, one file each:
//!
//! 1. `text`: clean (whitespace variants to a space, dash variants to `-`,
//!    zero-width characters dropped, lower-cased) and spot "price on request".
//! 2. `shipping`: remove remarks that leave shipping out (`+ ongkir`, `belum termasuk PPN dan
//!    ongkir`) or say `nego`; then `tax`: find PPN hints (`termasuk PPN`, `excl. PPN`, `+PPN`,
//!    …), remove them together with a rate such as `11%`.
//! 3. `range`: split `Rp120rb - Rp150rb`, `… s/d …`, `… sampai …`.
//! 4. `side`: per bound, the unit (`/rim`, `per lembar`), sign and currency
//!    token, the `,-` "no cents" mark and the magnitude word (`rb`, `jt`, `M`, …).
//! 5. `number`: decide what `.` and `,` mean, build the `Decimal`, apply the
//!    magnitude with checked arithmetic and round half-up to sen.
//!
//! The parser never guesses a number it cannot defend. Decisions (the written policy,
//! domain.md §4):
//!
//! - Separators (rules in `number`): `Rp 1.250` is 1250. A lone `.` or `,`
//!   before exactly three digits groups thousands, whichever the locale —
//!   rupiah have no three-decimal amounts; when that mark is the locale's
//!   decimal mark (`IDR 1,250` in `id`, `Rp 52.071.487,453`) the amount is
//!   read as thousands with `AMBIGUOUS_SEPARATOR`. More than three digits
//!   after the last of two kinds of mark gives no amount.
//! - With a magnitude a lone separator is a decimal (`Rp 1.5jt`, `1,25 jt`),
//!   except before exactly three digits (`Rp 1.500 rb`, `1,250 jt`, `1,500K`):
//!   a thousands group to one writer and a decimal to another, 1,000 times
//!   apart, so no amount (`AMBIGUOUS_SEPARATOR`).
//! - A bare `M` after a number written the other language's way (`IDR 1.5M`
//!   in `id`, `1,250 M` in `en`), or after the code `IDR` in `id` (`IDR 2M`),
//!   gives no amount (`AMBIGUOUS_MAGNITUDE`): its writer's `M` may be million
//!   or miliar.
//! - `+PPN` and `+ PPN 11%` mean PPN is added on top: excluded. A bare
//!   `PPN 11%` says nothing and gives `includes_vat: None` with an issue (see
//!   `tax`); the amount is still read. A remark in parentheses that mentions
//!   the tax (`(Harga sudah termasuk PPN)`) is a tax hint, removed whole; so is
//!   a label before a hint (`Rp 1.250.000 harga termasuk PPN`). `non-PKP` is read
//!   as a seller that charges no PPN (`pkp: Some(false)`); a trailing `nett`
//!   (net of discounts) is dropped and says nothing about PPN.
//! - Shipping left out or free (`+ ongkir`, `belum termasuk ongkos kirim`, `… PPN dan ongkir`,
//!   `gratis ongkir`) and a trailing `nego` are dropped: the amount is still the goods' asking
//!   price, and a PPN hint joined to them keeps its meaning. A price that includes shipping
//!   (`termasuk ongkir`) is not the goods' price: unreadable.
//! - A range is kept as lower bound + `range_max`, never averaged; reversed
//!   bounds or different units are `INVALID_RANGE`.
//! - Negative amounts (`-Rp5.000`, the formatter's own negative form) and
//!   amounts above [`MAX_AMOUNT`] give no amount. Zero is a placeholder, not
//!   a price: no amount, with `ZERO`; so is an amount up to [`PLACEHOLDER_MAX`]
//!   (`Rp 1`, what sellers type for "price on request"), with `PLACEHOLDER`.
//! - Digits below one sen are rounded half-up, with `ROUNDED`.
//! - Only ASCII digits count: full-width or Arabic-Indic digits, `1e6`,
//!   a space as grouping (`1 250 000`) and compound forms (`1jt 500rb`) are
//!   unreadable.

mod json;
mod number;
mod range;
mod shipping;
mod side;
mod tax;
mod text;
mod types;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_table;
#[cfg(test)]
mod tests_tails;

pub use json::{parse_number_json, parse_price_json, parse_whole_rupiah_json};
pub use types::{Locale, MAX_AMOUNT, PLACEHOLDER_MAX, ParsedPrice, Precision, PriceIssue, PriceIssueCode};

/// Reads a price written as text, such as `"Rp 1.250.000 (termasuk PPN)"`,
/// `"1,25 jt"`, `"Rp120rb - Rp150rb"` or `"Rp 75.000/rim"`.
///
/// `locale` is the source's convention: it decides what a bare `M` means and
/// which separator groups thousands when a lone one is followed by three
/// digits. The function never panics and never guesses: see the module docs.
pub fn parse_price(text: &str, locale: Locale) -> ParsedPrice {
    let cleaned = text::clean(text);
    if cleaned.is_empty() {
        return ParsedPrice::failed(PriceIssueCode::Empty, "the price text is empty");
    }
    if text::is_on_request(&cleaned) {
        let mut out = ParsedPrice::failed(PriceIssueCode::Unreadable, "no amount in the text");
        out.push(PriceIssueCode::OnRequest, "the price is given on request");
        return out;
    }
    let hint = tax::extract(&shipping::strip(&cleaned));
    let mut out = ParsedPrice {
        includes_vat: hint.includes_vat,
        pkp: hint.pkp,
        issues: hint.issue.into_iter().collect(),
        ..ParsedPrice::default()
    };
    let body = text::tidy(&hint.rest);
    if body.is_empty() {
        out.push(PriceIssueCode::Unreadable, "no amount, only a tax hint");
        return out;
    }
    match range::read(&body, locale) {
        Ok(reading) => range::apply(&mut out, reading),
        Err(issue) => out.issues.push(issue),
    }
    out
}
