//! Step 3: ranges (`Rp120rb - Rp150rb`, `… s/d …`, `… sampai …`), and
//! reading one or two bounds into a [`Reading`].
//!
//! A range is never averaged: `amount` is the lower bound and `range_max`
//! the upper. A bare lower bound takes the upper bound's magnitude when it
//! looks like a compact mantissa (`1,2 - 1,5 jt`, `120-150rb`), but not when
//! it is grouped (`900.000 - 1,5 jt` stays 900000).

use super::number::{self, Amount};
use super::side::{self, Side};
use super::text::is_standalone;
use super::{Locale, PLACEHOLDER_MAX, ParsedPrice, Precision, PriceIssue, PriceIssueCode};
use rust_decimal::Decimal;

/// Range separators; words must stand alone (`to` in `toko` is not one).
const SEPARATORS: [&str; 9] = ["sampai dengan", "sampai", "hingga", "s/d", "s.d.", "s.d", "to", "~", "-"];

/// A successfully read price text, before it becomes a `ParsedPrice`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reading {
    /// The amount, or the lower bound of a range.
    pub(super) amount: Decimal,
    /// The upper bound of a range.
    pub(super) range_max: Option<Decimal>,
    /// Whether a compact form was involved.
    pub(super) approximate: bool,
    /// Whether rounding to sen changed either bound.
    pub(super) rounded: bool,
    /// Whether either bound read a decimal mark as a thousands separator.
    pub(super) ambiguous: bool,
    /// The unit the price is per.
    pub(super) unit: Option<String>,
}

/// Reads a single amount or a range from the tidied text.
pub(super) fn read(body: &str, locale: Locale) -> Result<Reading, PriceIssue> {
    match split(body) {
        Some((low, high)) => read_range(low, high, locale),
        None => read_single(body, locale),
    }
}

fn read_single(body: &str, locale: Locale) -> Result<Reading, PriceIssue> {
    let side = side::lex(body, locale)?;
    let amount = evaluate(&side, locale)?;
    Ok(Reading {
        amount: amount.value,
        range_max: None,
        approximate: side.magnitude.is_some(),
        rounded: amount.rounded,
        ambiguous: amount.ambiguous,
        unit: side.unit,
    })
}

fn read_range(low: &str, high: &str, locale: Locale) -> Result<Reading, PriceIssue> {
    let mut low = side::lex(low, locale)?;
    let high = side::lex(high, locale)?;
    if low.magnitude.is_none() && is_compact_mantissa(&low.number) {
        low.magnitude = high.magnitude;
    }
    let unit = merge_units(low.unit.take(), high.unit.clone())?;
    let min = evaluate(&low, locale)?;
    let max = evaluate(&high, locale)?;
    if min.value > max.value {
        return Err(invalid_range("the lower bound is above the upper bound"));
    }
    Ok(Reading {
        amount: min.value,
        range_max: Some(max.value),
        approximate: low.magnitude.is_some() || high.magnitude.is_some(),
        rounded: min.rounded || max.rounded,
        ambiguous: min.ambiguous || max.ambiguous,
        unit,
    })
}

fn evaluate(side: &Side, locale: Locale) -> Result<Amount, PriceIssue> {
    number::evaluate(&side.number, side.magnitude, locale)
}

fn invalid_range(message: &str) -> PriceIssue {
    PriceIssue::new(PriceIssueCode::InvalidRange, message)
}

fn merge_units(low: Option<String>, high: Option<String>) -> Result<Option<String>, PriceIssue> {
    match (low, high) {
        (Some(low), Some(high)) if low != high => Err(invalid_range("the two bounds are per different units")),
        (low, high) => Ok(high.or(low)),
    }
}

/// `1`, `120`, `1,2`, `1.5`: up to three digits and at most two decimals.
fn is_compact_mantissa(number: &str) -> bool {
    let (head, tail) = number.split_once(['.', ',']).unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let has_tail = number.len() > head.len();
    (1..=3).contains(&head.len()) && digits(head) && digits(tail) && tail.len() <= 2 && (!has_tail || !tail.is_empty())
}

/// The two bounds around the first separator that has digits before it and
/// something after it; `None` when the text is not a range. Linear in the
/// text's length, whatever it holds.
fn split(body: &str) -> Option<(&str, &str)> {
    let first_digit = body.find(|c: char| c.is_ascii_digit())?;
    let mut candidates: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|sep| body.match_indices(sep).map(|(start, matched)| (start, start + matched.len())))
        .filter(|&(start, end)| start > first_digit && is_separator_at(body, start, end))
        .collect();
    candidates.sort_by_key(|&(start, end)| (start, usize::MAX - end));
    let &(start, end) = candidates.first()?;
    Some((body.get(..start)?.trim(), body.get(end..)?.trim()))
}

/// A dash right after `,` `.` or `-` is a "no cents" mark (`65.000,-`), and
/// a word separator must not touch letters.
fn is_separator_at(body: &str, start: usize, end: usize) -> bool {
    let before = body.get(..start).unwrap_or_default();
    let after = body.get(end..).unwrap_or_default();
    let sep = body.get(start..end).unwrap_or_default();
    if after.trim().is_empty() {
        return false;
    }
    if sep == "-" {
        return !before.ends_with([',', '.', '-']);
    }
    let is_word = sep.starts_with(char::is_alphabetic);
    !is_word || is_standalone(body, start, end)
}

/// Fills the amount fields from a successful reading and adds the
/// informational issues that go with it.
pub(super) fn apply(parsed: &mut ParsedPrice, reading: Reading) {
    if reading.rounded {
        parsed.push(PriceIssueCode::Rounded, "digits below one sen were rounded half-up");
    }
    if reading.amount.is_zero() {
        parsed.push(PriceIssueCode::Zero, "the price is zero, which marks a placeholder rather than a price");
        return;
    }
    if reading.amount <= PLACEHOLDER_MAX {
        parsed.push(
            PriceIssueCode::Placeholder,
            "an amount of Rp 10 or less marks a price on request rather than a price",
        );
        return;
    }
    if reading.ambiguous {
        parsed.push(
            PriceIssueCode::AmbiguousSeparator,
            "a decimal mark before three digits was read as a thousands separator; \
             rupiah have no three-decimal amounts",
        );
    }
    parsed.amount = Some(reading.amount.normalize());
    parsed.range_max = reading.range_max.map(|max| max.normalize());
    parsed.per_unit = reading.unit;
    if reading.range_max.is_some() {
        parsed.push(PriceIssueCode::RangeGiven, "a price range was given; amount is its lower bound");
    }
    if reading.approximate {
        parsed.precision = Precision::Approximate;
        parsed.push(PriceIssueCode::CompactApproximate, "a compact form (rb, jt, M, T, k) is a rounded display value");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_split_at_the_first_separator_with_digits_before_it() {
        assert_eq!(split("rp120rb - rp150rb"), Some(("rp120rb", "rp150rb")));
        assert_eq!(split("rp 1 s/d rp 2"), Some(("rp 1", "rp 2")));
        assert_eq!(split("1 sampai dengan 2"), Some(("1", "2")));
        assert_eq!(split("1 s.d. 2"), Some(("1", "2")));
        assert_eq!(split("-5000"), None);
        assert_eq!(split("rp 65.000,-"), None);
        assert_eq!(split("rp 65.000,- - rp 70.000,-"), Some(("rp 65.000,-", "rp 70.000,-")));
        assert_eq!(split("5 toko"), None);
        assert_eq!(split("rp120rb-rp150rb"), Some(("rp120rb", "rp150rb")));
    }

    #[test]
    fn only_short_ungrouped_numbers_count_as_compact_mantissas() {
        assert!(is_compact_mantissa("1"));
        assert!(is_compact_mantissa("120"));
        assert!(is_compact_mantissa("1,25"));
        assert!(!is_compact_mantissa("900.000"));
        assert!(!is_compact_mantissa("1."));
        assert!(!is_compact_mantissa("1500"));
    }
}
