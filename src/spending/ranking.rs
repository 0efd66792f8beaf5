//! Ranking a province's Pemdas by spending: one total per (Pemda, marketplace), from the totals
//! endpoint where the adapter has one, else from the (cached) ledger; a bounded number of calls
//! in flight, every total cached like the ledgers.

use super::summary::Tally;
use crate::marketplace::{LedgerTotals, MarketplaceError, RegistryEntry};
use crate::model::{Amount, MarketplaceId};
use crate::normalize::region::{self, Region, RegionLevel};
use futures::StreamExt;
use std::time::SystemTime;

/// Totals fetched at once while ranking.
pub(super) const RANKING_CONCURRENCY: usize = 6;

/// A Pemda's total on one marketplace.
#[derive(Debug, Clone)]
pub struct Part {
    /// The sums.
    pub totals: LedgerTotals,
    /// Whether it is whole (a ledger read only in part is not).
    pub whole: bool,
    /// Whether it is the marketplace's own recap (`[transaction_totals]`) rather than Pasar's
    /// reading of the ledger.
    pub from_recap: bool,
    /// When it was read from the marketplace.
    pub read_at: Option<SystemTime>,
}

type Total = (usize, MarketplaceId, Result<Part, MarketplaceError>);

/// One Pemda's place in a ranking.
#[derive(Debug, Clone)]
pub struct RankedBuyer {
    /// 1-based; equal totals share a rank, and the next rank skips as many places (1, 2, 2, 4).
    pub rank: usize,
    /// The Pemda.
    pub region: &'static Region,
    /// Completed transactions' total.
    pub total: Amount,
    /// Completed transactions counted.
    pub count: u64,
    /// False when a marketplace's total for it is missing (it failed) or short (its ledger was
    /// read only in part).
    pub complete: bool,
    /// True when a part of the total is a marketplace's own recap, not Pasar's reading of its
    /// ledger (which `spending` and the `/belanja` page give): a recap may count what the
    /// ledger does not, such as an order in progress.
    pub from_recap: bool,
    /// True when any Pemda of the ranking is not complete: its missing part may place it above
    /// this one, so every rank may still change, not only the incomplete rows'.
    pub provisional: bool,
    /// When the oldest of its parts was read from its marketplace (a cached total is as old).
    pub read_at: Option<SystemTime>,
}

/// A ranking, and the marketplaces that failed for some Pemda.
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    /// Largest total first (ties listed by code, sharing their rank).
    pub buyers: Vec<RankedBuyer>,
    /// Each failing marketplace once, with its first error.
    pub failures: Vec<(MarketplaceId, MarketplaceError)>,
}

/// The kabupaten and kota of `province`, of `level` when given.
pub(super) fn pemdas(province: &str, level: Option<RegionLevel>) -> Vec<&'static Region> {
    region::all()
        .iter()
        .filter(|r| r.province_code == province && r.level != RegionLevel::Province)
        .filter(|r| level.is_none_or(|l| r.level == l))
        .collect()
}

/// Ranks `regions` on `entries` by the totals `totals` gives for (marketplace, region code).
pub(super) async fn rank<F, Fut>(regions: Vec<&'static Region>, entries: Vec<RegistryEntry>, totals: F) -> Ranking
where
    F: Fn(RegistryEntry, String) -> Fut,
    Fut: std::future::Future<Output = Result<Part, MarketplaceError>> + Send,
{
    {
        // Owned jobs: the stream's futures borrow nothing, so the answer stays `Send`.
        let jobs: Vec<(usize, String, RegistryEntry)> = regions
            .iter()
            .enumerate()
            .flat_map(|(i, r)| entries.iter().map(move |e| (i, r.code.to_string(), e.clone())))
            .collect();
        let results: Vec<Total> = futures::stream::iter(jobs)
            .map(|(i, code, e)| {
                let id = e.marketplace.id().clone();
                let total = totals(e, code);
                async move { (i, id, total.await) }
            })
            .buffer_unordered(RANKING_CONCURRENCY)
            .collect()
            .await;
        let mut ranking = Ranking::default();
        let mut buyers: Vec<RankedBuyer> = regions
            .iter()
            .map(|r| RankedBuyer {
                rank: 0,
                region: r,
                total: Amount::default(),
                count: 0,
                complete: true,
                provisional: false,
                from_recap: false,
                read_at: None,
            })
            .collect();
        for (i, marketplace, result) in results {
            let Some(buyer) = buyers.get_mut(i) else { continue };
            match result {
                Ok(Part { totals: t, whole, from_recap, read_at }) => {
                    buyer.read_at = super::ledger::older(buyer.read_at, read_at);
                    buyer.complete &= whole;
                    buyer.from_recap |= from_recap;
                    buyer.total =
                        buyer.total.plus(Amount { including_vat: t.including_vat, excluding_vat: t.excluding_vat });
                    buyer.count += t.count;
                }
                Err(e) => {
                    buyer.complete = false;
                    if !ranking.failures.iter().any(|(m, _)| *m == marketplace) {
                        ranking.failures.push((marketplace, e));
                    }
                }
            }
        }
        ranking.buyers = buyers;
        ranking.order();
        ranking
    }
}

impl Ranking {
    /// Sorts the rows largest first and gives their ranks, provisional when any is incomplete.
    fn order(&mut self) {
        let buyers = &mut self.buyers;
        buyers.sort_by(|a, b| b.total.including_vat.cmp(&a.total.including_vat).then(a.region.code.cmp(b.region.code)));
        share_ranks(buyers);
        let provisional = buyers.iter().any(|b| !b.complete);
        buyers.iter_mut().for_each(|b| b.provisional = provisional);
    }

    /// The ranking with the Pemda `code` at `own`, the figure its own page gives from the
    /// ledgers of the same marketplaces (whole when `complete`): the ranking's row came from the
    /// recaps, which may count otherwise, and one page showed two totals for one Pemda
    /// (review37s R37s-1).
    pub fn with_own(mut self, code: &str, own: Tally, complete: bool, read_at: Option<SystemTime>) -> Self {
        let Some(row) = self.buyers.iter_mut().find(|b| b.region.code == code) else { return self };
        row.read_at = read_at;
        row.total = own.total;
        row.count = u64::try_from(own.count).unwrap_or(u64::MAX);
        row.complete = complete;
        row.from_recap = false;
        self.order();
        self
    }
    /// Whether a Pemda's total is missing or short, so that every rank may still change.
    pub fn provisional(&self) -> bool {
        self.buyers.iter().any(|b| b.provisional)
    }

    /// Whether there is nothing to rank the Pemdas by: none has a completed transaction counted,
    /// and no marketplace failed to say (every Pemda would share rank 1 at Rp0).
    pub fn ranks_nobody(&self) -> bool {
        self.failures.is_empty() && self.buyers.iter().all(|b| b.count == 0 && b.total.including_vat.is_zero())
    }
}

/// Ranks buyers sorted largest first: a Pemda's rank is one more than the number of Pemdas with
/// a larger total. Numbering ties one after another by their code ranked Pemdas that spent the
/// same (every one of them at Rp0 in a year with no transactions) as if one spent more.
fn share_ranks(buyers: &mut [RankedBuyer]) {
    for i in 0..buyers.len() {
        buyers[i].rank = match i.checked_sub(1).map(|before| &buyers[before]) {
            Some(before) if before.total.including_vat == buyers[i].total.including_vat => before.rank,
            _ => i + 1,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn buyer(code: &str, total: i64) -> RankedBuyer {
        let region = region::all().iter().find(|r| r.code == code).expect("a known region");
        let amount = Decimal::from(total);
        RankedBuyer {
            rank: 0,
            region,
            total: Amount { including_vat: amount, excluding_vat: amount },
            count: u64::from(total > 0),
            complete: true,
            provisional: false,
            from_recap: false,
            read_at: None,
        }
    }

    fn ranks(buyers: &[RankedBuyer]) -> Vec<usize> {
        buyers.iter().map(|b| b.rank).collect()
    }

    #[test]
    fn equal_totals_share_a_rank_and_the_next_rank_skips_their_places() {
        let mut buyers = vec![buyer("35.71", 900), buyer("35.72", 500), buyer("35.73", 500), buyer("35.74", 100)];
        share_ranks(&mut buyers);
        assert_eq!(ranks(&buyers), [1, 2, 2, 4]);
    }

    #[test]
    fn a_year_with_no_transactions_ranks_every_pemda_first_and_says_nothing_was_recorded() {
        let mut buyers = vec![buyer("35.71", 0), buyer("35.72", 0), buyer("35.73", 0)];
        share_ranks(&mut buyers);
        assert_eq!(ranks(&buyers), [1, 1, 1]);
        let ranking = Ranking { buyers, failures: Vec::new() };
        assert!(ranking.ranks_nobody());
        let some = Ranking { buyers: vec![buyer("35.71", 10), buyer("35.72", 0)], failures: Vec::new() };
        assert!(!some.ranks_nobody());
    }
}
