//! Feeds arbitrary bytes, read as UTF-8 (lossily), to the price parsers and checks the
//! invariants every `ParsedPrice` keeps. The same list is checked under plain `cargo test` by
//! `src/normalize/proptests.rs` (`price_invariants`); keep the two in step.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pasar::normalize::price::{Locale, MAX_AMOUNT, ParsedPrice, Precision, parse_price, parse_price_json};
use rust_decimal::Decimal;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let json = serde_json::from_str::<Value>(&text).ok();
    for locale in [Locale::Id, Locale::En] {
        check(&parse_price(&text, locale), &text);
        check(&parse_price_json(&Value::String(text.clone().into_owned()), locale), &text);
        if let Some(value) = &json {
            check(&parse_price_json(value, locale), &text);
        }
    }
});

/// Panics, so libFuzzer records the input, when a result breaks the documented contract.
fn check(parsed: &ParsedPrice, input: &str) {
    match parsed.amount {
        Some(amount) => {
            check_amount(amount, input);
            if let Some(max) = parsed.range_max {
                check_amount(max, input);
                assert!(max >= amount, "range_max {max} below amount {amount} for {input:?}");
            }
        }
        None => {
            assert!(parsed.range_max.is_none(), "range_max without an amount for {input:?}");
            assert_eq!(parsed.precision, Precision::Exact, "no amount but not Exact for {input:?}");
            assert!(!parsed.issues.is_empty(), "no amount and no issue for {input:?}");
        }
    }
}

/// An amount is in `0..=MAX_AMOUNT`, with at most 2 decimals and no trailing zeros.
fn check_amount(value: Decimal, input: &str) {
    assert!(value >= Decimal::ZERO && value <= MAX_AMOUNT, "{value} out of range for {input:?}");
    assert!(value.scale() <= 2, "{value} has more than 2 decimals for {input:?}");
    assert_eq!(value.scale(), value.normalize().scale(), "{value} keeps trailing zeros for {input:?}");
}
