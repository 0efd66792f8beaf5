//! Prices given as JSON values: v5 `harga` floats, v6 integers, numeric strings.

use super::number::{self, overflow};
use super::{Locale, ParsedPrice, PriceIssue, PriceIssueCode, parse_price};
use rust_decimal::Decimal;
use serde_json::{Number, Value};

/// For JSON inputs: numbers and numeric strings (`"5000000"`, `"5000000.00"`,
/// `1661440000`, `65000.0`).
///
/// A number is read exactly (a float through its shortest decimal form, so
/// `65000.1` is 65000.1, not 65000.1000000000058). A string in machine form
/// (`^\d+(\.\d+)?$`, what `decimal_string` and `integer_rupiah` fields send)
/// is read with `.` as the decimal mark whatever the locale (`"1250000.50"`), save one group
/// of thousands (`"150.000"`, `"12.500"`): as adapters/README §7 says, a single `.` before
/// exactly three digits groups thousands, with `AMBIGUOUS_SEPARATOR` (read as a decimal it was
/// Rp 150, exact: a price a thousand times too low, review39n R39n-1). Any other string goes
/// through [`parse_price`] with `locale`.
/// `null` is `EMPTY`; booleans, arrays and objects are `UNREADABLE`.
pub fn parse_price_json(value: &Value, locale: Locale) -> ParsedPrice {
    match value {
        Value::Null => ParsedPrice::failed(PriceIssueCode::Empty, "the price is null"),
        Value::String(text) => match (thousands_group(text), machine_number(text)) {
            (Some(thousands), _) => from_decimal(Ok(thousands), true),
            (None, Some(decimal)) => from_decimal(Ok(decimal), false),
            (None, None) => parse_price(text, locale),
        },
        Value::Number(number) => from_decimal(to_decimal(number), false),
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => {
            ParsedPrice::failed(PriceIssueCode::Unreadable, "a price must be a JSON number or string")
        }
    }
}

/// For `integer_rupiah` fields: as [`parse_price_json`], but an amount with sen is no amount
/// (`UNREADABLE`). The adapter promised whole rupiah, so `1250000.5` means the field is not what
/// it says (sen counted as rupiah, or another field): reading it as Rp 1.250.000,50 would guess.
pub fn parse_whole_rupiah_json(value: &Value) -> ParsedPrice {
    let parsed = parse_price_json(value, Locale::Id);
    let has_sen = parsed.amount.iter().chain(parsed.range_max.iter()).any(|a| !a.fract().is_zero());
    let rounded = parsed.issues.iter().any(|issue| issue.code == PriceIssueCode::Rounded);
    if has_sen || rounded {
        return ParsedPrice::failed(PriceIssueCode::Unreadable, "whole rupiah were expected; the value has sen");
    }
    parsed
}

/// For `number` and `decimal_string` fields: as [`parse_price_json`], but text naming a currency
/// or a word beside an amount (`"Rp 12.500"`, `"1,25 jt"`) is no amount (`UNREADABLE`). The field
/// is not what the adapter says it is; and under it `"12.500"` is 12.5, so reading `"Rp 12.500"`
/// as 12,500 would give one field two scales.
pub fn parse_number_json(value: &Value) -> ParsedPrice {
    let parsed = parse_price_json(value, Locale::Id);
    let worded = matches!(value, Value::String(text) if text.chars().any(char::is_alphabetic));
    if worded && parsed.amount.is_some() {
        let message = "a number was expected; the text names a currency or a word (map it as idr_text)";
        return ParsedPrice::failed(PriceIssueCode::Unreadable, message);
    }
    parsed
}

fn from_decimal(decimal: Result<Decimal, PriceIssue>, ambiguous: bool) -> ParsedPrice {
    match decimal.and_then(number::finish) {
        Ok(amount) => {
            let mut out = ParsedPrice::default();
            super::range::apply(
                &mut out,
                super::range::Reading {
                    amount: amount.value,
                    range_max: None,
                    approximate: false,
                    rounded: amount.rounded,
                    ambiguous,
                    unit: None,
                },
            );
            out
        }
        Err(issue) => ParsedPrice { issues: vec![issue], ..ParsedPrice::default() },
    }
}

/// `"150.000"`, `"1.000"`: one to three digits (not starting with 0), a `.` and three digits,
/// read as thousands.
fn thousands_group(text: &str) -> Option<Decimal> {
    let (thousands, units) = text.trim().split_once('.')?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&thousands.len()) && !thousands.starts_with('0') && units.len() == 3;
    if !(grouped && digits(thousands) && digits(units)) {
        return None;
    }
    Some(Decimal::from(thousands.parse::<u32>().ok()? * 1000 + units.parse::<u32>().ok()?))
}

/// `"5000000"`, `"5000000.00"`, `"1250000.5"`: ASCII digits with at most one
/// `.` between digits. Too long for a `Decimal` falls through to the text
/// parser, which reports the overflow.
fn machine_number(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let (integer, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(integer) && digits(fraction) { Decimal::from_str_exact(text).ok() } else { None }
}

fn to_decimal(number: &Number) -> Result<Decimal, PriceIssue> {
    if let Some(integer) = number.as_i64() {
        return Ok(Decimal::from(integer));
    }
    if let Some(integer) = number.as_u64() {
        return Ok(Decimal::from(integer));
    }
    let text = number.to_string();
    let parsed =
        if text.contains(['e', 'E']) { Decimal::from_scientific(&text) } else { Decimal::from_str_exact(&text) };
    parsed.map_err(|_| out_of_reach(number.as_f64()))
}

/// The issue for a float `Decimal` cannot hold: huge or tiny beyond 28 digits.
fn out_of_reach(float: Option<f64>) -> PriceIssue {
    match float {
        Some(value) if value < 0.0 => {
            PriceIssue::new(PriceIssueCode::Negative, "the amount is negative; a price cannot be")
        }
        Some(value) if value.abs() < 1.0 => {
            PriceIssue::new(PriceIssueCode::Unreadable, "the number has more decimal places than can be held")
        }
        _ => overflow(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use serde_json::json;

    fn read(value: Value) -> (Option<Decimal>, Vec<&'static str>) {
        let parsed = parse_price_json(&value, Locale::Id);
        (parsed.amount, parsed.issue_codes())
    }

    #[test]
    fn json_integers_and_floats_are_read_exactly() {
        assert_eq!(read(json!(1661440000)), (Some(dec!(1661440000)), vec![]));
        assert_eq!(read(json!(65000.0)), (Some(dec!(65000)), vec![]));
        assert_eq!(read(json!(1234.56)), (Some(dec!(1234.56)), vec![]));
        assert_eq!(read(json!(10000000000000_u64)), (Some(dec!(10000000000000)), vec![]));
        assert_eq!(read(json!(1e6)), (Some(dec!(1000000)), vec![]));
    }

    #[test]
    fn json_numeric_strings_go_through_the_text_parser() {
        assert_eq!(read(json!("5000000")), (Some(dec!(5000000)), vec![]));
        assert_eq!(read(json!("5000000.00")), (Some(dec!(5000000)), vec![]));
        assert_eq!(read(json!("Rp1.250.000")), (Some(dec!(1250000)), vec![]));
        assert_eq!(read(json!("")), (None, vec!["EMPTY"]));
        assert_eq!(read(json!("1,25 jt")), (Some(dec!(1250000)), vec!["COMPACT_APPROXIMATE"]));
        assert_eq!(read(json!("-5000")), (None, vec!["NEGATIVE"]));
    }

    #[test]
    fn json_machine_decimal_strings_use_a_dot_as_the_decimal_mark_in_any_locale() {
        assert_eq!(read(json!(" 1250000.50 ")), (Some(dec!(1250000.5)), vec![]));
        assert_eq!(read(json!("1250000.505")), (Some(dec!(1250000.51)), vec!["ROUNDED"]));
        assert_eq!(read(json!("125.5")), (Some(dec!(125.5)), vec![]));
        assert_eq!(read(json!("99999999999999999999999999999999")), (None, vec!["OVERFLOW"]));
        assert_eq!(read(json!("12345678901234567890")), (None, vec!["OVERFLOW"]));
        assert_eq!(read(json!("1.")), (None, vec!["UNREADABLE"]));
    }

    /// review39n R39n-1: `"150.000"` in a `number` field was Rp 150, exact. adapters/README §7:
    /// a single `.` before exactly three digits groups thousands; rupiah have no three-decimal
    /// amounts, but the reading is a policy, so it says so.
    #[test]
    fn json_strings_of_one_thousands_group_are_thousands_and_say_the_separator_was_ambiguous() {
        for (text, amount) in [("150.000", dec!(150000)), ("12.500", dec!(12500)), ("125.500", dec!(125500))] {
            assert_eq!(read(json!(text)), (Some(amount), vec!["AMBIGUOUS_SEPARATOR"]), "{text}");
            let number = parse_number_json(&json!(text));
            assert_eq!((number.amount, number.issue_codes()), (Some(amount), vec!["AMBIGUOUS_SEPARATOR"]), "{text}");
        }
        assert_eq!(read(json!("1.000")), (Some(dec!(1000)), vec!["AMBIGUOUS_SEPARATOR"]));
        assert_eq!(parse_whole_rupiah_json(&json!("12.500")).amount, Some(dec!(12500)));
        // A leading zero groups nothing: 0.500 is half a rupiah, a placeholder.
        assert_eq!(read(json!("0.500")), (None, vec!["PLACEHOLDER"]));
    }

    #[test]
    fn json_values_that_are_not_prices_give_issues_not_panics() {
        assert_eq!(read(json!(null)), (None, vec!["EMPTY"]));
        assert_eq!(read(json!(true)), (None, vec!["UNREADABLE"]));
        assert_eq!(read(json!([1])), (None, vec!["UNREADABLE"]));
        assert_eq!(read(json!({"harga": 1})), (None, vec!["UNREADABLE"]));
        assert_eq!(read(json!(-5)), (None, vec!["NEGATIVE"]));
        assert_eq!(read(json!(-0.5)), (None, vec!["NEGATIVE"]));
        assert_eq!(read(json!(u64::MAX)), (None, vec!["OVERFLOW"]));
        assert_eq!(read(json!(1.5e300)), (None, vec!["OVERFLOW"]));
        assert_eq!(read(json!(-1.5e300)), (None, vec!["NEGATIVE"]));
    }

    #[test]
    fn json_one_rupiah_is_a_placeholder_as_in_text() {
        assert_eq!(read(json!(1)), (None, vec!["PLACEHOLDER"]));
        assert_eq!(read(json!("1")), (None, vec!["PLACEHOLDER"]));
        assert_eq!(read(json!(1000)), (Some(dec!(1000)), vec![]));
    }

    #[test]
    fn json_zero_and_sub_sen_floats_carry_an_issue() {
        assert_eq!(read(json!(0)), (None, vec!["ZERO"]));
        assert_eq!(read(json!(-0.0)), (None, vec!["ZERO"]));
        assert_eq!(read(json!(1000.125)), (Some(dec!(1000.13)), vec!["ROUNDED"]));
        assert_eq!(read(json!(1.5e-30)), (None, vec!["UNREADABLE"]));
    }
}
