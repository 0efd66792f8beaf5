//! Rupiah rounding and Indonesian-style display.
//!
//! The canonical display is the seed-article style with no space after the
//! currency symbol: `Rp1.250.000`. Dots group thousands, a comma marks sen,
//! and sen are shown only when they are not zero (`Rp1.126.126,13`).
//! [`crate::normalize::price::parse_price`] with `Locale::Id` reads every
//! string produced here back to the same amount.

use rust_decimal::{Decimal, RoundingStrategy};

/// Formats an amount Indonesian style: `"Rp1.250.000"`; sen shown only when
/// non-zero: `"Rp1.126.126,13"`; negative `"-Rp5.000"`.
///
/// The amount is first rounded half-up to sen with [`round_sen`], so
/// `1.005` is shown as `"Rp1,01"` and a negative amount that rounds to zero
/// is shown as `"Rp0"`.
pub fn format_rupiah(amount: Decimal) -> String {
    let rounded = round_sen(amount);
    let sign = if rounded < Decimal::ZERO { "-" } else { "" };
    let digits = rounded.abs().to_string();
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    format!("{sign}Rp{}{}", group_thousands(whole), sen_suffix(fraction))
}

/// Rounds half-up (away from zero at .5) to sen (2 dp) — Indonesian invoices
/// do not use banker's rounding.
///
/// `1.005` becomes `1.01` and `-1.005` becomes `-1.01`. Amounts that already
/// have two or fewer decimals are returned unchanged (their scale is kept).
pub fn round_sen(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Inserts a dot every three digits from the right: `"1250000"` → `"1.250.000"`.
fn group_thousands(digits: &str) -> String {
    let count = digits.chars().count();
    let mut out = String::with_capacity(count + count / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (count - index).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// `",13"` for 13 sen, `",50"` for a fraction written as `"5"`, and nothing
/// when the fraction is zero.
fn sen_suffix(fraction: &str) -> String {
    if fraction.chars().all(|c| c == '0') {
        return String::new();
    }
    let mut sen: String = fraction.chars().take(2).collect();
    while sen.len() < 2 {
        sen.push('0');
    }
    format!(",{sen}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn whole_rupiah_are_grouped_with_dots_and_show_no_sen() {
        let cases = [
            (dec!(0), "Rp0"),
            (dec!(5), "Rp5"),
            (dec!(999), "Rp999"),
            (dec!(1000), "Rp1.000"),
            (dec!(65000), "Rp65.000"),
            (dec!(1250000), "Rp1.250.000"),
            (dec!(1250000.00), "Rp1.250.000"),
            (dec!(35921908461), "Rp35.921.908.461"),
            (dec!(10000000000000), "Rp10.000.000.000.000"),
        ];
        for (amount, expected) in cases {
            assert_eq!(format_rupiah(amount), expected, "amount {amount}");
        }
    }

    #[test]
    fn sen_are_shown_with_a_comma_only_when_not_zero() {
        let cases = [
            (dec!(1126126.13), "Rp1.126.126,13"),
            (dec!(0.5), "Rp0,50"),
            (dec!(1234.1), "Rp1.234,10"),
            (dec!(1.01), "Rp1,01"),
            (dec!(1000.001), "Rp1.000"),
            (dec!(1.005), "Rp1,01"),
            (dec!(999.999), "Rp1.000"),
        ];
        for (amount, expected) in cases {
            assert_eq!(format_rupiah(amount), expected, "amount {amount}");
        }
    }

    #[test]
    fn negative_amounts_put_the_minus_before_the_symbol() {
        assert_eq!(format_rupiah(dec!(-5000)), "-Rp5.000");
        assert_eq!(format_rupiah(dec!(-1250000.5)), "-Rp1.250.000,50");
        assert_eq!(format_rupiah(dec!(-0.004)), "Rp0");
    }

    #[test]
    fn extreme_decimals_format_without_panicking() {
        assert_eq!(format_rupiah(Decimal::MAX), "Rp79.228.162.514.264.337.593.543.950.335");
        assert!(format_rupiah(Decimal::MIN).starts_with("-Rp79.228"));
        assert_eq!(format_rupiah(Decimal::new(1, 28)), "Rp0");
    }

    #[test]
    fn rounding_to_sen_goes_half_up_away_from_zero() {
        let cases = [
            (dec!(1.005), dec!(1.01)),
            (dec!(1.015), dec!(1.02)),
            (dec!(1.025), dec!(1.03)),
            (dec!(1.0049), dec!(1.00)),
            (dec!(-1.005), dec!(-1.01)),
            (dec!(-1.0049), dec!(-1.00)),
            (dec!(2.675), dec!(2.68)),
            (dec!(1126126.125), dec!(1126126.13)),
            (dec!(1250000), dec!(1250000)),
            (dec!(0.001), dec!(0)),
        ];
        for (amount, expected) in cases {
            assert_eq!(round_sen(amount), expected, "amount {amount}");
        }
    }

    #[test]
    fn rounding_to_sen_keeps_at_most_two_decimals() {
        assert_eq!(round_sen(dec!(3.14159)).scale(), 2);
        assert_eq!(round_sen(dec!(3.1)).scale(), 1);
        assert_eq!(round_sen(Decimal::MAX), Decimal::MAX);
    }
}
