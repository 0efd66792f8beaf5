//! Percentages as marketplaces write them: TKDN, BMP and per-item PPN rates.

use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

/// Why a percentage could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentError {
    /// Not a number in any known writing.
    Unreadable,
    /// A number outside 0–100.
    OutOfRange,
}

/// Reads `"45,5"`, `"45.50"`, `"45,5 %"`, `45.5` or `"45"`; `""` and `null` mean "not stated".
pub fn parse_percent(value: &Value) -> Result<Option<Decimal>, PercentError> {
    let number = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => Decimal::from_str(&n.to_string()).map_err(|_| PercentError::Unreadable)?,
        Value::String(s) => {
            let cleaned = s.trim().trim_end_matches('%').trim();
            if cleaned.is_empty() || cleaned == "-" {
                return Ok(None);
            }
            // Only one separator can appear in a percentage, so a comma is always the decimal mark.
            Decimal::from_str(&cleaned.replace(',', ".")).map_err(|_| PercentError::Unreadable)?
        }
        _ => return Err(PercentError::Unreadable),
    };
    if number < Decimal::ZERO || number > Decimal::ONE_HUNDRED {
        return Err(PercentError::OutOfRange);
    }
    Ok(Some(number.normalize()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use serde_json::json;

    #[test]
    fn every_writing_seen_in_the_wild_reads_the_same() {
        for value in [json!("45,5"), json!("45.50"), json!(45.5), json!("45,5 %"), json!(" 45.5% ")] {
            assert_eq!(parse_percent(&value), Ok(Some(dec!(45.5))), "{value}");
        }
    }

    #[test]
    fn empty_and_null_mean_not_stated() {
        for value in [json!(""), json!(null), json!("  "), json!("-")] {
            assert_eq!(parse_percent(&value), Ok(None), "{value}");
        }
    }

    #[test]
    fn nonsense_and_out_of_range_values_are_errors_not_guesses() {
        assert_eq!(parse_percent(&json!("abc")), Err(PercentError::Unreadable));
        assert_eq!(parse_percent(&json!({"v": 1})), Err(PercentError::Unreadable));
        assert_eq!(parse_percent(&json!("45,5,1")), Err(PercentError::Unreadable));
        assert_eq!(parse_percent(&json!(140)), Err(PercentError::OutOfRange));
        assert_eq!(parse_percent(&json!("-3")), Err(PercentError::OutOfRange));
    }
}
