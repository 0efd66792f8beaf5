//! Round trips with the formatter, and invariants over a sweep of hostile inputs.

use super::{Locale, MAX_AMOUNT, ParsedPrice, PriceIssueCode, parse_price};
use crate::normalize::rupiah::{format_rupiah, round_sen};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A deterministic spread of amounts from 0 to `MAX_AMOUNT`, with and without sen.
fn sweep() -> Vec<Decimal> {
    let mut amounts = vec![
        dec!(0),
        dec!(0.01),
        dec!(0.5),
        dec!(1),
        dec!(999),
        dec!(1000),
        dec!(1250),
        dec!(65000),
        dec!(1250000),
        dec!(1126126.13),
        dec!(35921908461),
        MAX_AMOUNT,
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for step in 0..2_000_u64 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let digits = 1 + (step % 13) as u32;
        let rupiah = seed % 10_u64.pow(digits);
        let sen = if step % 3 == 0 { 0 } else { seed % 100 };
        amounts.push(Decimal::from(rupiah) + Decimal::new(sen as i64, 2));
    }
    amounts
}

#[test]
fn formatting_then_parsing_returns_the_same_amount() {
    for amount in sweep() {
        let text = format_rupiah(amount);
        let parsed = parse_price(&text, Locale::Id);
        if round_sen(amount).is_zero() {
            // Zero is a placeholder, not a price.
            assert_eq!((parsed.amount, parsed.issue_codes()), (None, vec!["ZERO"]), "{text}");
            continue;
        }
        if round_sen(amount) <= super::PLACEHOLDER_MAX {
            assert_eq!((parsed.amount, parsed.issue_codes()), (None, vec!["PLACEHOLDER"]), "{text}");
            continue;
        }
        assert_eq!(parsed.amount, Some(round_sen(amount)), "{text}");
        assert_eq!(parsed.precision, super::Precision::Exact, "{text}");
        assert!(parsed.issues.is_empty(), "{text}: {:?}", parsed.issues);
    }
}

#[test]
fn cldr_and_code_styled_output_parses_to_the_same_amount() {
    for amount in sweep().into_iter().filter(|a| round_sen(*a) > super::PLACEHOLDER_MAX) {
        let canonical = format_rupiah(amount);
        let digits = canonical.trim_start_matches("Rp");
        for text in [format!("Rp\u{a0}{digits}"), format!("IDR\u{a0}{digits}"), format!("Rp. {digits},-")] {
            if text.ends_with(",-") && digits.contains(',') {
                continue;
            }
            let parsed = parse_price(&text, Locale::Id);
            assert_eq!(parsed.amount, Some(round_sen(amount)), "{text}");
        }
    }
}

#[test]
fn english_grouping_round_trips_in_the_english_locale() {
    for amount in sweep().into_iter().filter(|a| round_sen(*a) > super::PLACEHOLDER_MAX) {
        let english: String = format_rupiah(amount)
            .trim_start_matches("Rp")
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect();
        let parsed = parse_price(&format!("IDR {english}"), Locale::En);
        assert_eq!(parsed.amount, Some(round_sen(amount)), "{english}");
    }
}

/// Checks what every result must satisfy, whatever the input.
fn assert_invariants(input: &str, parsed: &ParsedPrice) {
    match parsed.amount {
        Some(amount) => {
            assert!(amount >= Decimal::ZERO && amount <= MAX_AMOUNT, "{input:?}");
            assert!(amount.scale() <= 2, "{input:?}");
            if let Some(max) = parsed.range_max {
                assert!(amount <= max && max <= MAX_AMOUNT, "{input:?}");
            }
        }
        None => {
            assert!(parsed.range_max.is_none(), "{input:?}");
            assert!(!parsed.issues.is_empty(), "{input:?} gave no amount and no issue");
        }
    }
}

const PIECES: [&str; 26] = [
    "0", "1", "5", "999", ".", ",", "-", "/", " ", "rp", "idr", "jt", "m", "rb", "t", "%", "(", ")", "ppn", "+", "s/d",
    "\u{a0}", "é", "١", "\u{200b}", "e",
];

#[test]
fn no_combination_of_tricky_pieces_panics_or_breaks_an_invariant() {
    for a in PIECES {
        for b in PIECES {
            for c in PIECES {
                let input = format!("{a}{b}{c}");
                for locale in [Locale::Id, Locale::En] {
                    assert_invariants(&input, &parse_price(&input, locale));
                }
            }
        }
    }
}

#[test]
fn absurd_inputs_are_refused_without_panicking() {
    let long_digits = "9".repeat(100_000);
    let long_grouped = format!("1{}", ".000".repeat(10_000));
    let long_fraction = format!("1,{}", "5".repeat(10_000));
    let many_dashes = "1-".repeat(5_000);
    let many_hints = "termasuk ppn ".repeat(2_000);
    let hostile_hints = "ppn ".repeat(100_000);
    let hostile_ranges = "1 - ".repeat(100_000);
    let hostile_units = "1/per ".repeat(100_000);
    let unicode_soup = "Rp \u{0130}\u{1F4B0}\u{202E}1\u{0000}2\u{FFFF}";
    for input in [
        long_digits.as_str(),
        &long_grouped,
        &long_fraction,
        &many_dashes,
        &many_hints,
        &hostile_hints,
        &hostile_ranges,
        &hostile_units,
        unicode_soup,
        "\u{0}",
        "rp.",
        "s/d",
        "per",
        "/",
        "%",
        "(+ppn",
        "ppn)",
    ] {
        for locale in [Locale::Id, Locale::En] {
            assert_invariants(input, &parse_price(input, locale));
        }
    }
    let overflow = parse_price(&long_digits, Locale::Id);
    assert!(overflow.has_issue(PriceIssueCode::Overflow));
}

#[test]
fn issue_messages_never_quote_the_input() {
    for input in ["zqx", "Rp zqx", "1.2.3 zqx", "zqx ppn", "Rp 5.000/zqx!"] {
        let parsed = parse_price(input, Locale::Id);
        assert!(!parsed.issues.is_empty(), "{input}: an issue to look at");
        for issue in &parsed.issues {
            assert!(!issue.message.contains("zqx"), "{input}: {issue}");
        }
    }
}

#[test]
fn issue_codes_are_stable_screaming_snake_strings() {
    let codes = [
        (PriceIssueCode::Empty, "EMPTY"),
        (PriceIssueCode::AmbiguousSeparator, "AMBIGUOUS_SEPARATOR"),
        (PriceIssueCode::CompactApproximate, "COMPACT_APPROXIMATE"),
        (PriceIssueCode::AmbiguousVatHint, "AMBIGUOUS_VAT_HINT"),
    ];
    for (code, text) in codes {
        assert_eq!(code.code(), text);
        assert_eq!(code.to_string(), text);
    }
}

#[test]
fn the_default_locale_is_indonesian() {
    assert_eq!(Locale::default(), Locale::Id);
    assert_eq!(MAX_AMOUNT, dec!(10000000000000));
}
