//! Step 5: what `.` and `,` mean, the exact `Decimal`, the magnitude and sen.
//!
//! The separator rules (domain.md §4.2), for a digit string that starts and
//! ends with a digit and never has two separators in a row:
//!
//! - Only one kind, repeated (`35.921.908.461`, `1,250,000`): grouping, so the
//!   groups must be 1–3 digits then exactly 3 (`1.2.3` is unreadable).
//! - Both kinds: the last one is the decimal mark and occurs once; the other
//!   groups. Exactly three digits after it (`52.071.487,453`): rupiah never
//!   have three decimals, so it is read as one more thousands group, flagged
//!   ambiguous. Four or more: no amount, `AMBIGUOUS_SEPARATOR`.
//! - One separator followed by exactly 3 digits, without a magnitude: a
//!   thousands separator. Flagged ambiguous when it is the locale's decimal
//!   mark (`1,250` in `id`, `1.250` in `en`) or when the head is not a
//!   well-formed first group (`1250,000`). A head of `0` (`0.250`) can only
//!   be a decimal.
//! - With a magnitude a lone separator is the decimal mark (`1,5 jt`, `1.5M`), unless three
//!   digits follow it: `Rp 1.500 rb` is 1.500 ribu to its Indonesian writer and 1.5 ribu to an
//!   English one, so it gives no amount (`AMBIGUOUS_SEPARATOR`); `0,125 jt` can only be a decimal.
//! - Any other single separator is the decimal mark (`1.5`, `1,25 jt`,
//!   `65000.0`).

use super::{Locale, MAX_AMOUNT, PriceIssue, PriceIssueCode};
use crate::normalize::rupiah::round_sen;
use rust_decimal::Decimal;

/// Most integer digits accepted before a magnitude (`MAX_AMOUNT` has 14).
const MAX_INTEGER_DIGITS: usize = 15;
/// Most significant digits a `Decimal` holds exactly.
const MAX_TOTAL_DIGITS: usize = 28;

/// A compact-form multiplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Magnitude {
    /// `rb`, `ribu`, `k`: 10^3.
    Thousand,
    /// `jt`, `juta`, `mn`, `million`, and `m` in `en`: 10^6.
    Million,
    /// `miliar`, `milyar`, `b`, `bn`, and `m` in `id`: 10^9.
    Billion,
    /// `t`, `tn`, `triliun`, `trillion`: 10^12.
    Trillion,
}

impl Magnitude {
    /// Reads a magnitude word (lower-case, a trailing `.` allowed).
    pub(super) fn from_word(word: &str, locale: Locale) -> Option<Self> {
        let word = word.strip_suffix('.').unwrap_or(word);
        match word {
            "rb" | "rbu" | "ribu" | "k" | "thousand" => Some(Self::Thousand),
            "jt" | "juta" | "mn" | "mio" | "million" => Some(Self::Million),
            "miliar" | "milyar" | "b" | "bn" | "billion" => Some(Self::Billion),
            "t" | "tn" | "triliun" | "trilyun" | "trillion" => Some(Self::Trillion),
            "m" if locale == Locale::Id => Some(Self::Billion),
            "m" => Some(Self::Million),
            _ => None,
        }
    }

    fn factor(self) -> Decimal {
        let exponent = match self {
            Self::Thousand => 3,
            Self::Million => 6,
            Self::Billion => 9,
            Self::Trillion => 12,
        };
        Decimal::from(10_i64.pow(exponent))
    }
}

/// An amount ready to report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Amount {
    /// Rounded to sen, within `0..=MAX_AMOUNT`.
    pub(super) value: Decimal,
    /// Whether rounding to sen changed the value.
    pub(super) rounded: bool,
    /// Whether a decimal mark before three digits was read as a thousands separator.
    pub(super) ambiguous: bool,
}

/// Integer digits, fraction digits, and whether a separator was read by policy.
type Split = (String, String, bool);

/// Turns a digit string and an optional magnitude into an amount.
pub(super) fn evaluate(number: &str, magnitude: Option<Magnitude>, locale: Locale) -> Result<Amount, PriceIssue> {
    let (integer, fraction, ambiguous) = split_separators(number, magnitude.is_some(), locale)?;
    let value = to_decimal(&integer, &fraction)?;
    let scaled = match magnitude {
        Some(magnitude) => value.checked_mul(magnitude.factor()).ok_or_else(overflow)?,
        None => value,
    };
    finish(scaled).map(|amount| Amount { ambiguous, ..amount })
}

/// Checks the bounds and rounds half-up to sen; shared with JSON numbers.
pub(super) fn finish(value: Decimal) -> Result<Amount, PriceIssue> {
    if value < Decimal::ZERO {
        return Err(PriceIssue::new(PriceIssueCode::Negative, "the amount is negative; a price cannot be"));
    }
    let rounded = round_sen(value);
    if rounded > MAX_AMOUNT {
        return Err(overflow());
    }
    Ok(Amount { value: rounded, rounded: rounded != value, ambiguous: false })
}

pub(super) fn overflow() -> PriceIssue {
    PriceIssue::new(PriceIssueCode::Overflow, "the amount is above the Rp10 triliun limit")
}

fn unreadable(message: &str) -> PriceIssue {
    PriceIssue::new(PriceIssueCode::Unreadable, message)
}

fn ambiguous(message: &str) -> PriceIssue {
    PriceIssue::new(PriceIssueCode::AmbiguousSeparator, message)
}

/// Splits the digit string into integer and fraction digits.
fn split_separators(number: &str, has_magnitude: bool, locale: Locale) -> Result<Split, PriceIssue> {
    check_shape(number)?;
    let dots = number.matches('.').count();
    let commas = number.matches(',').count();
    match (dots, commas) {
        (0, 0) => Ok((number.to_owned(), String::new(), false)),
        (1, 0) => single(number, '.', has_magnitude, locale),
        (0, 1) => single(number, ',', has_magnitude, locale),
        (_, 0) => Ok((grouped(number, '.')?, String::new(), false)),
        (0, _) => Ok((grouped(number, ',')?, String::new(), false)),
        _ => mixed(number),
    }
}

/// Digits and separators only, digits at both ends, no doubled separator.
fn check_shape(number: &str) -> Result<(), PriceIssue> {
    let is_sep = |c: char| c == '.' || c == ',';
    let valid_chars = number.chars().all(|c| c.is_ascii_digit() || is_sep(c));
    let ends = number.starts_with(|c: char| c.is_ascii_digit()) && number.ends_with(|c: char| c.is_ascii_digit());
    let doubled = number.as_bytes().windows(2).any(|pair| pair.iter().all(|&b| is_sep(char::from(b))));
    if valid_chars && ends && !doubled { Ok(()) } else { Err(unreadable("the number is not well formed")) }
}

/// One separator: thousands or decimal (see the module docs).
fn single(number: &str, sep: char, has_magnitude: bool, locale: Locale) -> Result<Split, PriceIssue> {
    let (head, tail) = number.split_once(sep).unwrap_or((number, ""));
    if tail.len() != 3 || head.starts_with('0') {
        return Ok((head.to_owned(), tail.to_owned(), false));
    }
    if has_magnitude {
        return Err(ambiguous(
            "one separator before three digits and a magnitude: a thousands group or a decimal, \
             1,000 times apart",
        ));
    }
    let well_formed = head.len() <= 3 && sep == locale.grouping_mark();
    Ok((format!("{head}{tail}"), String::new(), !well_formed))
}

/// Validates grouping (`1.250.000`) and returns the bare digits.
fn grouped(number: &str, sep: char) -> Result<String, PriceIssue> {
    let mut groups = number.split(sep);
    let first = groups.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
    if first_ok && groups.all(|group| group.len() == 3) {
        Ok(number.replace(sep, ""))
    } else {
        Err(unreadable("the thousands groups are not three digits each"))
    }
}

/// Both kinds: the last kind is the decimal mark, the other groups.
fn mixed(number: &str) -> Result<Split, PriceIssue> {
    let (decimal_at, decimal_mark) = number
        .char_indices()
        .rfind(|&(_, c)| c == '.' || c == ',')
        .ok_or_else(|| unreadable("the number is not well formed"))?;
    let head = number.get(..decimal_at).unwrap_or_default();
    let tail = number.get(decimal_at + 1..).unwrap_or_default();
    if head.contains(decimal_mark) {
        return Err(unreadable("the decimal mark appears more than once"));
    }
    let group_mark = if decimal_mark == '.' { ',' } else { '.' };
    let integer = grouped(head, group_mark)?;
    match tail.len() {
        0..=2 => Ok((integer, tail.to_owned(), false)),
        3 => Ok((format!("{integer}{tail}"), String::new(), true)),
        _ => Err(ambiguous(
            "more than three digits after the decimal mark; rupiah never has them, \
             and they do not form a thousands group either",
        )),
    }
}

/// Builds the exact `Decimal`, refusing what it cannot hold.
fn to_decimal(integer: &str, fraction: &str) -> Result<Decimal, PriceIssue> {
    let integer = integer.trim_start_matches('0');
    if integer.len() > MAX_INTEGER_DIGITS {
        return Err(overflow());
    }
    if integer.len() + fraction.len() > MAX_TOTAL_DIGITS {
        return Err(unreadable("too many decimal places"));
    }
    let integer = if integer.is_empty() { "0" } else { integer };
    let text = if fraction.is_empty() { integer.to_owned() } else { format!("{integer}.{fraction}") };
    Decimal::from_str_exact(&text).map_err(|_| unreadable("the number cannot be held exactly"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn value(number: &str, magnitude: Option<Magnitude>) -> Result<Decimal, PriceIssueCode> {
        evaluate(number, magnitude, Locale::Id).map(|amount| amount.value).map_err(|issue| issue.code)
    }

    #[test]
    fn magnitudes_multiply_with_the_locale_deciding_m() {
        assert_eq!(Magnitude::from_word("m", Locale::Id), Some(Magnitude::Billion));
        assert_eq!(Magnitude::from_word("m", Locale::En), Some(Magnitude::Million));
        assert_eq!(Magnitude::from_word("jt.", Locale::En), Some(Magnitude::Million));
        assert_eq!(Magnitude::from_word("e6", Locale::Id), None);
        assert_eq!(value("1,5", Some(Magnitude::Trillion)), Ok(dec!(1500000000000)));
    }

    #[test]
    fn long_or_huge_numbers_overflow_instead_of_panicking() {
        let long = "9".repeat(5000);
        assert_eq!(value(&long, None), Err(PriceIssueCode::Overflow));
        assert_eq!(value("999999999999999", Some(Magnitude::Trillion)), Err(PriceIssueCode::Overflow));
        assert_eq!(value("10000000000001", None), Err(PriceIssueCode::Overflow));
        assert_eq!(value("10000000000000", None), Ok(MAX_AMOUNT));
    }

    #[test]
    fn leading_zeros_do_not_count_towards_overflow() {
        let padded = format!("{}5", "0".repeat(40));
        assert_eq!(value(&padded, None), Ok(dec!(5)));
    }

    #[test]
    fn fractions_too_long_for_a_decimal_are_unreadable() {
        let number = format!("12345.{}", "1".repeat(30));
        assert_eq!(value(&number, None), Err(PriceIssueCode::Unreadable));
    }

    #[test]
    fn sub_sen_digits_are_rounded_half_up() {
        let amount = evaluate("0.125", None, Locale::Id);
        assert_eq!(amount.map(|a| (a.value, a.rounded)), Ok((dec!(0.13), true)));
    }
}
