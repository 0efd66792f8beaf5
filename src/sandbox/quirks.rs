//! Paging quirks real marketplaces have, settable at runtime through `PUT /_sandbox/quirks`:
//! a silent page-size clamp, a total that is missing or off by a few, a cursor naming an empty
//! page after the last one, the first page served whatever position is asked, and a slice of the catalogue (only the first matches listed), so a
//! test can choose how many matches a query has. The ground truth (`/_sandbox/truth`) lists the
//! same slice.

use std::sync::RwLock;

use serde::{Deserialize, Serialize};

/// The quirks as JSON: `{"max_page_size":40,"total":"off_by","total_off_by":-3,"max_matches":54}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quirks {
    /// Serves at most this many items a page, whatever was asked, without saying so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_page_size: Option<usize>,
    /// How the total is stated.
    #[serde(default)]
    pub total: TotalQuirk,
    /// Added to the true total when `total` is `off_by` (may be negative).
    #[serde(default)]
    pub total_off_by: i64,
    /// Cursor marketplaces name a next cursor on their last page, which leads to an empty page.
    #[serde(default)]
    pub trailing_empty_page: bool,
    /// Only the first this many matches of any query are listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_matches: Option<usize>,
    /// Serves the first page whatever page, offset or cursor is asked for (an API that does not
    /// page), still saying there is more.
    #[serde(default)]
    pub ignores_paging: bool,
    /// Every this-many-th listed match carries the id of the match listed just before it, with
    /// its own title and price (a marketplace whose ids are not unique). e-Katalog only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeats_id_every: Option<usize>,
    /// A page starting past the last match is answered with this HTTP status (Django REST
    /// Framework answers 404 "Invalid page."). Mbizmarket only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub past_end_status: Option<u16>,
    /// A page starting past the last match is answered with the last page (Django's
    /// `Paginator.get_page`). Mbizmarket only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub past_end_last_page: bool,
    /// A page starting at or past this position fails with HTTP 500 (a marketplace failing deep
    /// in a walk). Mbizmarket only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fails_from: Option<usize>,
    /// The status `fails_from` answers with (default 500): a 404 there is a passing refusal
    /// inside the list (a WAF, a deploy). Mbizmarket only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fails_with: Option<u16>,
    /// This many listings were added at the head of every list since (the matches after the
    /// first `max_matches`, listed first): what was listed moves down, as a marketplace's
    /// newest-first list does between a client's pages. Mbizmarket only.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub new_at_head: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// How a marketplace states its total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TotalQuirk {
    /// The true count.
    #[default]
    Exact,
    /// Left out of the answer.
    Missing,
    /// The true count plus `total_off_by`.
    OffBy,
}

impl Quirks {
    /// Checks the settings make sense.
    pub fn validate(&self) -> Result<(), String> {
        if self.max_page_size == Some(0) {
            return Err("max_page_size must be at least 1".into());
        }
        if self.repeats_id_every.is_some_and(|every| every < 2) {
            return Err("repeats_id_every must be at least 2".into());
        }
        if self.past_end_status.is_some_and(|status| !(400..600).contains(&status)) {
            return Err("past_end_status must be an HTTP error status (400–599)".into());
        }
        if self.total_off_by.unsigned_abs() > 1_000_000 {
            return Err("total_off_by must be within ±1000000".into());
        }
        Ok(())
    }

    /// The page size served for `asked`.
    pub(crate) fn page_size(&self, asked: usize) -> usize {
        self.max_page_size.map_or(asked, |max| asked.min(max))
    }

    /// The error status a page starting at `start` of `matches` is answered with, if any.
    pub(crate) fn page_refusal(&self, start: usize, matches: usize) -> Option<u16> {
        let past_end = self.past_end_status.filter(|_| start >= matches && matches > 0);
        past_end.or(self.fails_from.filter(|&from| start >= from).map(|_| self.fails_with.unwrap_or(500)))
    }

    /// Where the page asked to start at `asked` really starts.
    pub(crate) fn start(&self, asked: usize) -> usize {
        if self.ignores_paging { 0 } else { asked }
    }

    /// Where a page of `per_page` asked to start at `start` of `matches` starts, for a marketplace
    /// that answers a page past the end with its last page.
    pub(crate) fn start_within(&self, start: usize, per_page: usize, matches: usize) -> usize {
        if self.past_end_last_page && start >= matches && matches > 0 {
            (matches - 1) / per_page * per_page
        } else {
            start
        }
    }

    /// Where the match whose id the match listed at `position` carries is listed: itself, or
    /// the one before it when `repeats_id_every` says so.
    pub(crate) fn id_from(&self, position: usize) -> usize {
        match self.repeats_id_every {
            Some(every) if (position + 1).is_multiple_of(every) => position - 1,
            _ => position,
        }
    }

    /// The total stated for `listed` matches.
    pub(crate) fn stated_total(&self, listed: usize) -> Option<usize> {
        match self.total {
            TotalQuirk::Exact => Some(listed),
            TotalQuirk::Missing => None,
            TotalQuirk::OffBy => {
                let total = i64::try_from(listed).unwrap_or(i64::MAX).saturating_add(self.total_off_by);
                Some(usize::try_from(total.max(0)).unwrap_or(0))
            }
        }
    }
}

/// The current quirks of one sandbox.
#[derive(Debug, Default)]
pub(crate) struct QuirkSwitch(RwLock<Quirks>);

impl QuirkSwitch {
    pub(crate) fn get(&self) -> Quirks {
        self.0.read().map(|q| q.clone()).unwrap_or_default()
    }

    pub(crate) fn set(&self, quirks: Quirks) -> Result<(), String> {
        quirks.validate()?;
        let mut current = self.0.write().map_err(|_| "quirk settings unavailable".to_string())?;
        *current = quirks;
        Ok(())
    }
}
