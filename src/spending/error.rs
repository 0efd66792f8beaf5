//! What a spending question can get wrong.

use crate::normalize::echo::echoed;

/// A spending or ranking request Pasar refuses; each maps to `BAD_USER_INPUT`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpendingError {
    /// The buyer is not a Kemendagri region code.
    #[error("`{}` is not the Kemendagri code of a province, kabupaten or kota (e.g. \"35.71\")", echoed(.0))]
    UnknownBuyer(String),
    /// The province is not a province code.
    #[error("`{}` is not the Kemendagri code of a province (e.g. \"35\")", echoed(.0))]
    UnknownProvince(String),
    /// The year is before 2000 or after the current year (WIB).
    #[error("year {year} is outside 2000–{current}")]
    BadYear {
        /// The year asked.
        year: i32,
        /// The current year in WIB.
        current: i32,
    },
    /// `marketplaces: []` names none: asking none answered Rp0 as if complete.
    #[error("`marketplaces` must name at least one marketplace, or be left out to ask every one with a ledger")]
    NoMarketplaces,
    /// No registered marketplace has this id.
    #[error("unknown marketplace `{}`", echoed(.0))]
    UnknownMarketplace(String),
    /// The marketplace is registered but its adapter file has no `[transactions]`.
    #[error("marketplace `{0}` keeps no transaction ledger Pasar can read")]
    NoLedger(String),
    /// `level: PROVINCE`: a ranking lists a province's kabupaten and kota, never a province, so
    /// the answer was an empty list that looked like a year with nothing bought.
    #[error(
        "`level` must be CITY or REGENCY (or left out for both): a ranking lists a province's kabupaten and kota; \
         ask `spending(buyer: \"35\")` for a provincial government's own purchases"
    )]
    ProvinceLevel,
    /// `first` is out of range.
    #[error("`first` must be between 1 and {max}")]
    BadFirst {
        /// The largest allowed.
        max: usize,
    },
    /// The `after` cursor was not issued for this list.
    #[error("the cursor was not issued for this list of transactions")]
    BadCursor,
}

impl SpendingError {
    /// The argument at fault, as `spending` spells it (`extensions.field`): every refusal is of
    /// one argument, so a form can mark it (review37s R37s-11). `spendingRanking` names its
    /// one `marketplace` ([`Self::ranking_field`]).
    pub fn field(&self) -> &'static str {
        match self {
            Self::UnknownBuyer(_) => "buyer",
            Self::UnknownProvince(_) => "province",
            Self::BadYear { .. } => "year",
            Self::NoMarketplaces | Self::UnknownMarketplace(_) | Self::NoLedger(_) => "marketplaces",
            Self::ProvinceLevel => "level",
            Self::BadFirst { .. } => "first",
            Self::BadCursor => "after",
        }
    }

    /// The argument at fault as `spendingRanking` spells it: `marketplace`, one id.
    pub fn ranking_field(&self) -> &'static str {
        match self.field() {
            "marketplaces" => "marketplace",
            field => field,
        }
    }
}
