//! What the price reader gives back: the amount, its precision and every caveat, with codes.

use crate::codes::Code;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest amount the parser accepts: Rp10 triliun (10^13).
///
/// No single offer comes near it, and anything above is far more likely a
/// misread than a price.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x4E72_A000, 0x918, 0, false, 0);

/// The largest amount read as a placeholder rather than a price: Rp 10.
///
/// Sellers type `Rp 1` (or 5, or 10) where a marketplace demands a number and the price is
/// given on request. Nothing a procurement marketplace sells costs that little: the cheapest
/// things sold by the piece (a sheet of paper, a paper clip) cost several times more, so
/// `Rp 50` or `Rp 1.000` stay prices.
pub const PLACEHOLDER_MAX: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

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
    /// A bare `M` after a number written in the other language's way (`IDR 1.5M` read as
    /// Indonesian): `M` is miliar in Indonesian and million in English, so no amount is given.
    AmbiguousMagnitude,
    /// The amount is below zero; a price cannot be.
    Negative,
    /// The amount is above [`MAX_AMOUNT`] or too long to hold.
    Overflow,
    /// The amount is zero: a placeholder, not a price, so no amount is given.
    Zero,
    /// The amount is at most [`PLACEHOLDER_MAX`] (`Rp 1`, `Rp 5`, `Rp 10`): what a seller types
    /// where the marketplace demands a number and the price is on request, so no amount is given.
    Placeholder,
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
            Self::AmbiguousMagnitude => Code::AmbiguousMagnitude,
            Self::Negative => Code::Negative,
            Self::Overflow => Code::Overflow,
            Self::Zero => Code::Zero,
            Self::Placeholder => Code::Placeholder,
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
    /// `Some(false)` when the text says the seller is not PKP (`non-PKP`): it charges no PPN,
    /// so the amount is the price with and without it. `None` when the text does not say.
    pub pkp: Option<bool>,
    /// Every caveat, in the order found.
    pub issues: Vec<PriceIssue>,
}

impl ParsedPrice {
    /// A result with no amount and a single issue.
    pub(super) fn failed(code: PriceIssueCode, message: &str) -> Self {
        Self { issues: vec![PriceIssue::new(code, message)], ..Self::default() }
    }

    /// Whether any issue has this code.
    pub fn has_issue(&self, code: PriceIssueCode) -> bool {
        self.issues.iter().any(|issue| issue.code == code)
    }

    /// Whether the amount is a firm price: read in full, not a range's lower bound, not a
    /// separator read by policy (`Price.exact` of an offer; `false` without an amount).
    pub fn is_firm(&self) -> bool {
        self.amount.is_some()
            && self.precision == Precision::Exact
            && self.range_max.is_none()
            && !self.has_issue(PriceIssueCode::AmbiguousSeparator)
    }

    /// The issue codes, in order.
    pub fn issue_codes(&self) -> Vec<&'static str> {
        self.issues.iter().map(|issue| issue.code.code()).collect()
    }

    pub(super) fn push(&mut self, code: PriceIssueCode, message: &str) {
        self.issues.push(PriceIssue::new(code, message));
    }
}
