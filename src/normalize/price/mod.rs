//! Reading a price written by a marketplace into an exact rupiah amount.
//!
//! [`parse_price`] runs these steps, one file each:
//!
//! 1. `text`: clean (whitespace variants to a space, dash variants to `-`,
//!    zero-width characters dropped, lower-cased) and spot "price on request".
//! 2. `tax`: find PPN hints (`termasuk PPN`, `excl. PPN`, `+PPN`, …), remove
//!    them together with a rate such as `11%`.
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
//! - With a magnitude a lone separator is a decimal (`Rp 1.5jt`, `1,25 jt`,
//!   `1.250 jt`).
//! - `+PPN` and `+ PPN 11%` mean PPN is added on top: excluded. A bare
//!   `PPN 11%` says nothing and gives `includes_vat: None` with an issue (see
//!   `tax`); the amount is still read. A remark in parentheses that mentions
//!   the tax (`(Harga sudah termasuk PPN)`) is a tax hint, removed whole.
//! - A range is kept as lower bound + `range_max`, never averaged; reversed
//!   bounds or different units are `INVALID_RANGE`.
//! - Negative amounts (`-Rp5.000`, the formatter's own negative form) and
//!   amounts above [`MAX_AMOUNT`] give no amount. Zero is a placeholder, not
//!   a price: no amount, with `ZERO`.
//! - Digits below one sen are rounded half-up, with `ROUNDED`.
//! - Only ASCII digits count: full-width or Arabic-Indic digits, `1e6`,
//!   a space as grouping (`1 250 000`) and compound forms (`1jt 500rb`) are
//!   unreadable.

mod json;
mod number;
mod range;
mod side;
mod tax;
mod text;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_table;

pub use json::parse_price_json;

use crate::codes::Code;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest amount the parser accepts: Rp10 triliun (10^13).
///
/// No single offer comes near it, and anything above is far more likely a
/// misread than a price.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x4E72_A000, 0x918, 0, false, 0);

/// Whether an amount is exact or read from a lossy display form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precision {
    /// Written out in full (`Rp1.250.000`, `65000.0`).
    #[default]
    Exact,
    /// A compact display form (`1,3 jt`, `36 M`, `15k`): never use it for totals.
    Approximate,
}

/// The source's number conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Indonesian: `.` groups thousands, `,` is the decimal mark, `M` = miliar (10^9).
    #[default]
    Id,
    /// English: `,` groups thousands, `.` is the decimal mark, `M` = million (10^6).
    En,
}

impl Locale {
    /// The character this locale uses to group thousands.
    pub fn grouping_mark(self) -> char {
        match self {
            Self::Id => '.',
            Self::En => ',',
        }
    }
}

/// Why a price was read with a caveat, or not read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PriceIssueCode {
    /// The text (or JSON value) is empty, blank or null.
    Empty,
    /// No amount could be read from the text.
    Unreadable,
    /// The text says the price is given on request ("Hubungi penjual").
    OnRequest,
    /// `.`/`,` allows two readings: the amount is read with the policy's choice
    /// (thousands), or not at all when no reading is defensible.
    AmbiguousSeparator,
    /// The amount is below zero; a price cannot be.
    Negative,
    /// The amount is above [`MAX_AMOUNT`] or too long to hold.
    Overflow,
    /// The amount is zero: a placeholder, not a price, so no amount is given.
    Zero,
    /// The text names another currency (`USD 100`).
    ForeignCurrency,
    /// The text gives a range; `amount` is its lower bound.
    RangeGiven,
    /// The two bounds of a range are reversed or carry different units.
    InvalidRange,
    /// The amount comes from a compact form (`jt`, `rb`, `M`, `T`, `k`).
    CompactApproximate,
    /// The amount had digits below one sen and was rounded half-up.
    Rounded,
    /// A PPN hint such as `+PPN` or a bare `PPN 11%` does not say whether
    /// the price includes it, or two hints contradict each other.
    AmbiguousVatHint,
}

impl PriceIssueCode {
    /// The stable code clients and logs see (the registry in `codes.rs`).
    pub fn code(&self) -> &'static str {
        let code = match self {
            Self::Empty => Code::Empty,
            Self::Unreadable => Code::Unreadable,
            Self::OnRequest => Code::OnRequest,
            Self::AmbiguousSeparator => Code::AmbiguousSeparator,
            Self::Negative => Code::Negative,
            Self::Overflow => Code::Overflow,
            Self::Zero => Code::Zero,
            Self::ForeignCurrency => Code::ForeignCurrency,
            Self::RangeGiven => Code::RangeGiven,
            Self::InvalidRange => Code::InvalidRange,
            Self::CompactApproximate => Code::CompactApproximate,
            Self::Rounded => Code::Rounded,
            Self::AmbiguousVatHint => Code::AmbiguousVatHint,
        };
        code.as_str()
    }
}

impl fmt::Display for PriceIssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One caveat about a parsed price. The message never quotes the raw input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceIssue {
    /// The stable code.
    pub code: PriceIssueCode,
    /// A human sentence explaining the code for this input.
    pub message: String,
}

impl PriceIssue {
    /// Builds an issue from a code and a message.
    pub fn new(code: PriceIssueCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
}

impl fmt::Display for PriceIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// What [`parse_price`] read from one price text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedPrice {
    /// The amount in rupiah (at most 2 decimals, no trailing zeros); `None`
    /// when it cannot be read unambiguously — never a guessed number.
    pub amount: Option<Decimal>,
    /// The upper bound of a range (`Rp120rb - Rp150rb`); `amount` is then the
    /// lower bound. Never averaged.
    pub range_max: Option<Decimal>,
    /// `Approximate` when either bound came from a compact form; `Exact`
    /// (the default) when there is no amount.
    pub precision: Precision,
    /// The unit the price is per, lower-cased: `"rim"` from `Rp 75.000/rim`.
    pub per_unit: Option<String>,
    /// `Some(true)` for "termasuk PPN"/"incl. PPN", `Some(false)` for "belum
    /// termasuk PPN"/"excl. PPN"/"+PPN", `None` without a clear hint (a bare
    /// `PPN 11%` also yields `None`, with an issue).
    pub includes_vat: Option<bool>,
    /// Every caveat, in the order found.
    pub issues: Vec<PriceIssue>,
}

impl ParsedPrice {
    /// A result with no amount and a single issue.
    fn failed(code: PriceIssueCode, message: &str) -> Self {
        Self { issues: vec![PriceIssue::new(code, message)], ..Self::default() }
    }

    /// Whether any issue has this code.
    pub fn has_issue(&self, code: PriceIssueCode) -> bool {
        self.issues.iter().any(|issue| issue.code == code)
    }

    /// The issue codes, in order.
    pub fn issue_codes(&self) -> Vec<&'static str> {
        self.issues.iter().map(|issue| issue.code.code()).collect()
    }

    fn push(&mut self, code: PriceIssueCode, message: &str) {
        self.issues.push(PriceIssue::new(code, message));
    }

    /// Fills the amount fields from a successful reading and adds the
    /// informational issues that go with it.
    fn apply(&mut self, reading: range::Reading) {
        if reading.rounded {
            self.push(PriceIssueCode::Rounded, "digits below one sen were rounded half-up");
        }
        if reading.amount.is_zero() {
            self.push(PriceIssueCode::Zero, "the price is zero, which marks a placeholder rather than a price");
            return;
        }
        if reading.ambiguous {
            self.push(
                PriceIssueCode::AmbiguousSeparator,
                "a decimal mark before three digits was read as a thousands separator; \
                 rupiah have no three-decimal amounts",
            );
        }
        self.amount = Some(reading.amount.normalize());
        self.range_max = reading.range_max.map(|max| max.normalize());
        self.per_unit = reading.unit;
        if reading.range_max.is_some() {
            self.push(PriceIssueCode::RangeGiven, "a price range was given; amount is its lower bound");
        }
        if reading.approximate {
            self.precision = Precision::Approximate;
            self.push(
                PriceIssueCode::CompactApproximate,
                "a compact form (rb, jt, M, T, k) is a rounded display value",
            );
        }
    }
}

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
    let hint = tax::extract(&cleaned);
    let mut out = ParsedPrice {
        includes_vat: hint.includes_vat,
        issues: hint.issue.into_iter().collect(),
        ..ParsedPrice::default()
    };
    let body = text::tidy(&hint.rest);
    if body.is_empty() {
        out.push(PriceIssueCode::Unreadable, "no amount, only a tax hint");
        return out;
    }
    match range::read(&body, locale) {
        Ok(reading) => out.apply(reading),
        Err(issue) => out.issues.push(issue),
    }
    out
}
