//! Counts, quantities and ratings as marketplaces send them: JSON numbers, or the same numbers
//! as text (`"120"`, `"4,8"`, `"1.000"`), which many APIs do for every number they return.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;
use std::str::FromStr;

/// A number sent as a number or as text (`12`, `"12"`, `"4,8"`, `"1.000"`). A single separator
/// before exactly three digits groups thousands, as in rupiah: no count or rating is written to
/// three decimals, and reading `"1.000"` as one would be off by a factor of a thousand.
pub(crate) fn read_number(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        Value::String(s) => read_text(s.trim()),
        _ => None,
    }
    .map(|d| d.normalize())
}

fn read_text(text: &str) -> Option<Decimal> {
    let digits = text.bytes().filter(|b| !matches!(b, b'.' | b',')).all(|b| b.is_ascii_digit());
    if !digits || text.is_empty() {
        return None;
    }
    let seps: Vec<usize> = text.match_indices(['.', ',']).map(|(i, _)| i).collect();
    match seps.as_slice() {
        [] => Decimal::from_str(text).ok(),
        [i] if text.len() - i - 1 == 3 => Decimal::from_str(&text.replace(['.', ','], "")).ok(),
        [_] => Decimal::from_str(&text.replace(',', ".")).ok(),
        _ => None,
    }
}

/// A whole, non-negative count (a stock, a total, a minimum order) sent as a number or as text;
/// `None` for a fraction, a negative number or anything that is not a number.
pub(crate) fn read_count(value: &Value) -> Option<u64> {
    read_number(value).filter(|n| n.fract().is_zero()).and_then(|n| n.to_u64())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use serde_json::json;

    #[test]
    fn numbers_sent_as_strings_read_like_numbers() {
        let cases = [
            (json!(12), Some(dec!(12))),
            (json!("12"), Some(dec!(12))),
            (json!(" 4,8 "), Some(dec!(4.8))),
            (json!("4.75"), Some(dec!(4.75))),
            (json!("1.000"), Some(dec!(1000))),
            (json!("1,000"), Some(dec!(1000))),
            (json!("1.000,5"), None),
            (json!("dua"), None),
            (json!("-3"), None),
            (json!(""), None),
            (json!(true), None),
        ];
        for (value, want) in cases {
            assert_eq!(read_number(&value), want, "{value}");
        }
    }

    #[test]
    fn counts_are_whole_and_never_negative_however_they_are_sent() {
        let cases = [
            (json!(1230), Some(1230)),
            (json!(12.0), Some(12)),
            (json!("1230"), Some(1230)),
            (json!("1.230"), Some(1230)),
            (json!("1,230"), Some(1230)),
            (json!(" 0 "), Some(0)),
            (json!(2.5), None),
            (json!("2,5"), None),
            (json!(-4), None),
            (json!("banyak"), None),
            (json!(null), None),
        ];
        for (value, want) in cases {
            assert_eq!(read_count(&value), want, "{value}");
        }
    }
}
