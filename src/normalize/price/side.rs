//! Step 4: one bound of a price — unit, sign, currency, `,-`, magnitude word.

use super::number::Magnitude;
use super::text::{is_standalone, strip_word_prefix, strip_word_suffix};
use super::{Locale, PriceIssue, PriceIssueCode};

/// Rupiah tokens accepted before the amount (`Rp.` before `Rp`).
const RUPIAH_PREFIXES: [&str; 4] = ["rupiah", "idr", "rp.", "rp"];
/// Rupiah tokens accepted after the amount (`65.000 rupiah`).
const RUPIAH_SUFFIXES: [&str; 3] = ["rupiah", "idr", "rp"];
/// Other currencies' codes, refused wherever they stand at an end.
const FOREIGN_CODES: [&str; 10] = ["usd", "eur", "gbp", "sgd", "myr", "rm", "jpy", "aud", "cny", "rmb"];
/// Other currencies' symbols, refused anywhere.
const FOREIGN_SYMBOLS: [char; 4] = ['$', '€', '£', '¥'];
/// The longest unit name accepted, in characters.
const MAX_UNIT_CHARS: usize = 40;

/// One bound of a price, split into its parts but not yet evaluated.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Side {
    /// Digits and separators only, such as `"1.250.000"` or `"1,5"`.
    pub(super) number: String,
    /// The compact-form word, if any.
    pub(super) magnitude: Option<Magnitude>,
    /// The unit after `/` or `per`, lower-case.
    pub(super) unit: Option<String>,
}

/// Splits one bound (`"rp 75.000/rim"`, `"-rp5.000"`, `"1,25 jt"`) into parts.
pub(super) fn lex(s: &str, locale: Locale) -> Result<Side, PriceIssue> {
    let (amount, unit) = split_unit(s)?;
    let body = strip_currency(amount)?;
    let body = strip_no_cents(body);
    let (number, word) = split_number(body);
    if number.is_empty() {
        return Err(no_digits(body));
    }
    let magnitude = match word {
        "" => None,
        word => {
            Some(Magnitude::from_word(word, locale).ok_or_else(|| unreadable("unexpected words next to the amount"))?)
        }
    };
    if matches!(word, "m" | "m.") && written_the_other_way(amount, number, locale) {
        return Err(PriceIssue::new(
            PriceIssueCode::AmbiguousMagnitude,
            "a bare M written the other language's way: million or miliar",
        ));
    }
    Ok(Side { number: number.to_owned(), magnitude, unit })
}

/// Whether the amount before a bare `M`, whose meaning is the locale's, is written the other
/// language's way, where `M` is 1,000 times more or less: its one separator is the locale's
/// thousands mark read as a decimal (`1.5M` in Indonesian, `1,250 M` in English), or, in
/// Indonesian, it follows the code `IDR` (`IDR 2M`: code, then `M` for million, is English;
/// `Rp 2 M` is Indonesian and read as miliar).
fn written_the_other_way(amount: &str, number: &str, locale: Locale) -> bool {
    let mut separators = number.chars().filter(|c| matches!(c, '.' | ','));
    let lone_grouping = separators.next() == Some(locale.grouping_mark()) && separators.next().is_none();
    let coded = locale == Locale::Id && amount.trim_start_matches(['-', ' ']).starts_with("idr");
    lone_grouping || coded
}

fn unreadable(message: &str) -> PriceIssue {
    PriceIssue::new(PriceIssueCode::Unreadable, message)
}

fn no_digits(body: &str) -> PriceIssue {
    if body.chars().any(|c| c.is_numeric() && !c.is_ascii_digit()) {
        unreadable("digits must be ASCII 0-9")
    } else {
        unreadable("no amount in the text")
    }
}

/// `("rp 75.000", Some("rim"))` from `"rp 75.000/rim"` or `"rp 75.000 per rim"`.
fn split_unit(s: &str) -> Result<(&str, Option<String>), PriceIssue> {
    let Some((amount, unit)) = s.split_once('/').or_else(|| split_per(s)) else {
        return Ok((s.trim(), None));
    };
    let unit = unit.trim_matches(|c: char| c == ' ' || c == '-');
    if is_unit_name(unit) {
        Ok((amount.trim(), Some(unit.to_owned())))
    } else {
        Err(unreadable("the text after '/' or 'per' is not a unit name"))
    }
}

/// A short name with a letter (`rim`, `m2`, `12 pcs`, `box (isi 12)`), and
/// not a second price (`Rp 5.000 / Rp 4.500`).
fn is_unit_name(unit: &str) -> bool {
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '(' | ')');
    let is_price = RUPIAH_PREFIXES.iter().any(|token| strip_word_prefix(unit, token).is_some());
    unit.starts_with(char::is_alphanumeric)
        && unit.chars().count() <= MAX_UNIT_CHARS
        && unit.chars().any(char::is_alphabetic)
        && unit.chars().all(allowed)
        && !is_price
}

fn split_per(s: &str) -> Option<(&str, &str)> {
    let (start, _) = s.match_indices("per").find(|&(start, _)| is_standalone(s, start, start + 3))?;
    Some((s.get(..start)?, s.get(start + 3..)?))
}

/// Drops the rupiah token and refuses a sign or another currency.
fn strip_currency(s: &str) -> Result<&str, PriceIssue> {
    if is_foreign(s) {
        return Err(PriceIssue::new(PriceIssueCode::ForeignCurrency, "the amount is in another currency than rupiah"));
    }
    let (sign_before, body) = strip_sign(s);
    let body = RUPIAH_PREFIXES.iter().find_map(|token| strip_word_prefix(body, token)).unwrap_or(body);
    let (sign_after, body) = strip_sign(body);
    let body = RUPIAH_SUFFIXES.iter().find_map(|token| strip_word_suffix(body, token)).map_or(body, str::trim_end);
    let negative = sign_before || sign_after;
    if negative && body.bytes().any(|b| b.is_ascii_digit()) {
        return Err(PriceIssue::new(PriceIssueCode::Negative, "the amount is negative; a price cannot be"));
    }
    Ok(body)
}

fn strip_sign(s: &str) -> (bool, &str) {
    let s = s.trim();
    match s.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    }
}

fn is_foreign(s: &str) -> bool {
    let s = s.trim_start_matches(['-', ' ']);
    s.contains(FOREIGN_SYMBOLS)
        || FOREIGN_CODES.iter().any(|code| strip_word_prefix(s, code).is_some() || strip_word_suffix(s, code).is_some())
}

/// `"65.000"` from `"65.000,-"`, `"65.000.-"` or `"65.000,="` ("no cents").
fn strip_no_cents(s: &str) -> &str {
    let without = s.trim_end_matches(['-', '=']);
    if without.len() == s.len() {
        return s;
    }
    without.strip_suffix([',', '.']).map_or(s, str::trim_end)
}

/// The leading run of digits and separators, and the trimmed rest.
fn split_number(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(s.len());
    let (number, rest) = s.split_at_checked(end).unwrap_or((s, ""));
    (number, rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Result<(String, Option<Magnitude>, Option<String>), PriceIssueCode> {
        lex(s, Locale::Id).map(|side| (side.number, side.magnitude, side.unit)).map_err(|issue| issue.code)
    }

    #[test]
    fn a_bound_is_split_into_number_magnitude_and_unit() {
        let expected = ("75.000".to_owned(), None, Some("rim".to_owned()));
        assert_eq!(parts("rp 75.000/rim"), Ok(expected.clone()));
        assert_eq!(parts("rp. 75.000,- per rim"), Ok(expected));
        let compact = ("1,5".to_owned(), Some(Magnitude::Million), None);
        assert_eq!(parts("rp1,5jt"), Ok(compact));
    }

    #[test]
    fn signs_and_foreign_currencies_are_refused() {
        assert_eq!(parts("-rp5.000"), Err(PriceIssueCode::Negative));
        assert_eq!(parts("rp -5.000"), Err(PriceIssueCode::Negative));
        assert_eq!(parts("usd 100"), Err(PriceIssueCode::ForeignCurrency));
        assert_eq!(parts("100 eur"), Err(PriceIssueCode::ForeignCurrency));
        assert_eq!(parts("$100"), Err(PriceIssueCode::ForeignCurrency));
    }

    #[test]
    fn the_no_cents_mark_needs_a_separator_before_the_dash() {
        assert_eq!(strip_no_cents("65.000,-"), "65.000");
        assert_eq!(strip_no_cents("65.000.--"), "65.000");
        assert_eq!(strip_no_cents("65.000,="), "65.000");
        assert_eq!(strip_no_cents("65.000-"), "65.000-");
    }
}
