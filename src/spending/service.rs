//! The spending service: selection, checks, the caches, and the answers.

use super::error::SpendingError;
use super::failures::LedgerFailures;
use super::fetch;
use super::lanes::Lanes;
use super::ledger::{Ledger, older};
use super::page_sizes::PageSizes;
use super::ranking::{self, Part, Ranking};
use super::summary::{Summary, summarise};
use crate::marketplace::{LedgerTotals, MarketplaceError, Registry, RegistryEntry};
use crate::model::{MarketplaceId, Transaction};
use crate::normalize::date::wib_date_at;
use crate::normalize::region::{self, Region, RegionLevel};
use moka::future::Cache;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How long a closed year's ledger or total is kept.
const CLOSED_YEAR_TTL: Duration = Duration::from_secs(24 * 3600);
/// How long the current year's is kept.
const CURRENT_YEAR_TTL: Duration = Duration::from_secs(300);
/// Bytes of ledgers kept per cache (a closed year's, the current year's), weighed by their
/// transactions: a count alone let a few thousand ledgers of up to 40,000 transactions each
/// hold gigabytes.
const LEDGER_BYTES: u64 = 64 * 1024 * 1024;
/// Totals kept at most per cache (a few dozen bytes each).
const MAX_TOTALS: u64 = 16_384;

type Key = (MarketplaceId, String, i32);
/// A marketplace's recap and when it was asked.
type Recap = (LedgerTotals, SystemTime);

/// Where the service finds the marketplaces served now (adapters may be reloaded).
pub type RegistrySource = Arc<dyn Fn() -> Arc<Registry> + Send + Sync>;

/// One marketplace's part of a buyer's year.
#[derive(Debug, Clone)]
pub struct LedgerSource {
    /// The marketplace.
    pub marketplace: MarketplaceId,
    /// Its ledger, or why it could not be read.
    pub ledger: Result<Arc<Ledger>, MarketplaceError>,
}

/// A buyer's year across marketplaces.
#[derive(Debug, Clone)]
pub struct Spending {
    /// The buyer.
    pub buyer: &'static Region,
    /// The year (WIB).
    pub year: i32,
    /// Each marketplace asked.
    pub sources: Vec<LedgerSource>,
    /// The figures over the marketplaces that answered.
    pub summary: Summary,
}

impl Spending {
    /// True when every marketplace answered and its whole ledger was read and placed
    /// ([`Ledger::complete`]).
    pub fn complete(&self) -> bool {
        self.sources.iter().all(|s| s.ledger.as_ref().is_ok_and(|l| l.complete()))
    }

    /// When the oldest of its ledgers was read; `None` when none was.
    pub fn read_at(&self) -> Option<SystemTime> {
        self.sources.iter().filter_map(|s| s.ledger.as_ref().ok()).fold(None, |at, l| older(at, l.read_at))
    }

    /// Every transaction read, by date, then marketplace and id.
    pub fn transactions(&self) -> Vec<(MarketplaceId, Arc<Transaction>)> {
        let mut all: Vec<(MarketplaceId, Arc<Transaction>)> = self
            .sources
            .iter()
            .filter_map(|s| s.ledger.as_ref().ok().map(|l| (s, l)))
            .flat_map(|(s, l)| l.transactions.iter().map(|t| (s.marketplace.clone(), Arc::clone(t))))
            .collect();
        all.sort_by(|(ma, a), (mb, b)| (a.date, ma, &a.id).cmp(&(b.date, mb, &b.id)));
        all
    }
}

/// The spending service, shared by GraphQL and the pages. Cheap to clone.
#[derive(Clone)]
pub struct SpendingService {
    registry: RegistrySource,
    closed: Cache<Key, Arc<Ledger>>,
    current: Cache<Key, Arc<Ledger>>,
    totals_closed: Cache<Key, Recap>,
    totals_current: Cache<Key, Recap>,
    lanes: Arc<Lanes>,
    page_sizes: Arc<PageSizes>,
    failures: Arc<LedgerFailures>,
}

impl SpendingService {
    /// A service over the marketplaces `registry` gives at each request (it follows reloads).
    pub fn new(registry: RegistrySource) -> Self {
        let cache = |ttl| {
            Cache::builder()
                .weigher(|_: &Key, ledger: &Arc<Ledger>| ledger.estimated_bytes())
                .max_capacity(LEDGER_BYTES)
                .time_to_live(ttl)
                .build()
        };
        Self {
            registry,
            closed: cache(CLOSED_YEAR_TTL),
            current: cache(CURRENT_YEAR_TTL),
            totals_closed: Cache::builder().max_capacity(MAX_TOTALS).time_to_live(CLOSED_YEAR_TTL).build(),
            totals_current: Cache::builder().max_capacity(MAX_TOTALS).time_to_live(CURRENT_YEAR_TTL).build(),
            lanes: Arc::default(),
            page_sizes: Arc::default(),
            failures: Arc::default(),
        }
    }

    /// The marketplaces served now.
    pub fn registry(&self) -> Arc<Registry> {
        (self.registry)()
    }

    /// The current year in WIB.
    pub fn current_year() -> i32 {
        let secs = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        wib_date_at(i64::try_from(secs).unwrap_or(0)).year
    }

    fn check_year(year: i32) -> Result<(), SpendingError> {
        let current = Self::current_year();
        if (2000..=current).contains(&year) { Ok(()) } else { Err(SpendingError::BadYear { year, current }) }
    }

    /// The marketplaces asked: those named (at least one, each keeping a ledger), else every
    /// enabled one that keeps one.
    pub fn select(&self, named: Option<&[String]>) -> Result<Vec<RegistryEntry>, SpendingError> {
        let Some(named) = named else {
            let registry = self.registry();
            let all = registry.entries().iter().filter(|e| e.enabled && e.marketplace.keeps_ledger());
            return Ok(all.cloned().collect());
        };
        if named.is_empty() {
            return Err(SpendingError::NoMarketplaces);
        }
        let registry = self.registry();
        let mut chosen: Vec<RegistryEntry> = Vec::new();
        for id in named {
            let entry = registry.get(id).ok_or_else(|| SpendingError::UnknownMarketplace(id.clone()))?;
            if !entry.marketplace.keeps_ledger() {
                return Err(SpendingError::NoLedger(id.clone()));
            }
            if !chosen.iter().any(|c| c.marketplace.id() == entry.marketplace.id()) {
                chosen.push(entry.clone());
            }
        }
        Ok(chosen)
    }

    /// `buyer`'s spending in `year` on `marketplaces` (every one with a ledger when `None`).
    pub async fn spending(
        &self,
        buyer: &str,
        year: i32,
        marketplaces: Option<&[String]>,
    ) -> Result<Spending, SpendingError> {
        let region = region::by_code(buyer).ok_or_else(|| SpendingError::UnknownBuyer(buyer.to_string()))?;
        Self::check_year(year)?;
        let entries = self.select(marketplaces)?;
        let loads = entries.iter().map(|e| async move {
            LedgerSource {
                marketplace: e.marketplace.id().clone(),
                ledger: self.year_ledger(e, region.code, year).await,
            }
        });
        let sources = futures::future::join_all(loads).await;
        let answered: Vec<(MarketplaceId, &[Arc<Transaction>])> = sources
            .iter()
            .filter_map(|s| s.ledger.as_ref().ok().map(|l| (s.marketplace.clone(), l.transactions.as_slice())))
            .collect();
        let summary = summarise(region, &answered);
        Ok(Spending { buyer: region, year, sources, summary })
    }

    /// The kabupaten/kota of `province` (of `level` when given) ranked by spending in `year` on
    /// `marketplace` (every one with a ledger when `None`).
    pub async fn ranking(
        &self,
        province: &str,
        year: i32,
        marketplace: Option<&str>,
        level: Option<RegionLevel>,
    ) -> Result<Ranking, SpendingError> {
        let found = region::by_code(province).filter(|r| r.level == RegionLevel::Province);
        let province = found.ok_or_else(|| SpendingError::UnknownProvince(province.to_string()))?;
        if level == Some(RegionLevel::Province) {
            return Err(SpendingError::ProvinceLevel);
        }
        Self::check_year(year)?;
        let named = marketplace.map(|m| vec![m.to_string()]);
        let entries = self.select(named.as_deref())?;
        let service = self.clone();
        let totals = move |entry: RegistryEntry, code: String| {
            let service = service.clone();
            async move { service.totals(&entry, &code, year).await }
        };
        Ok(ranking::rank(ranking::pemdas(province.code, level), entries, totals).await)
    }

    fn caches(&self, year: i32) -> (&Cache<Key, Arc<Ledger>>, &Cache<Key, Recap>) {
        if year < Self::current_year() {
            (&self.closed, &self.totals_closed)
        } else {
            (&self.current, &self.totals_current)
        }
    }

    /// `buyer`'s `year` (WIB) on `entry`: the ledger the marketplace files under the year, with
    /// the entries dated in it that it files under the year before or after ([`neighbour_years`]:
    /// a marketplace filing by UTC date lists 00:30 WIB on 1 January under the year before).
    /// Without them such an entry was in neither year's answer, and both said complete (review37s
    /// R37s-2). The ledgers are cached apart, so a neighbour's read serves its own answer too.
    pub async fn year_ledger(
        &self,
        entry: &RegistryEntry,
        buyer: &str,
        year: i32,
    ) -> Result<Arc<Ledger>, MarketplaceError> {
        // The year's own first: a marketplace failing it is not asked twice more.
        let own = self.ledger(entry, buyer, year).await?;
        let neighbour =
            |y: i32| async move { (y, self.ledger(entry, buyer, y).await.ok().filter(|l| l.cut_short.is_none())) };
        let read = futures::future::join_all(neighbour_years(year).map(neighbour)).await;
        let neighbours: Vec<(i32, Option<&Ledger>)> = read.iter().map(|(y, l)| (*y, l.as_deref())).collect();
        Ok(Arc::new(own.with_neighbours(year, &neighbours)))
    }

    /// One ledger, cached; concurrent requests share one load, failures are not kept. A failed
    /// load is logged once, however many requests waited for it, and summarised under load.
    pub async fn ledger(&self, entry: &RegistryEntry, buyer: &str, year: i32) -> Result<Arc<Ledger>, MarketplaceError> {
        let key = (entry.marketplace.id().clone(), buyer.to_string(), year);
        let load = async {
            let loaded = fetch::load_ledger(entry, &self.lanes, &self.page_sizes, buyer, year).await;
            self.failures.note(entry.marketplace.id(), &loaded, buyer, year);
            loaded.map(Arc::new)
        };
        self.caches(year).0.try_get_with(key, load).await.map_err(|e| (*e).clone())
    }

    /// One total: the ledger's sums where Pasar has read it (it is cached) or the marketplace
    /// keeps no totals endpoint, else the endpoint's recap, which is one call where a ledger is
    /// many. A recap may count what the ledger does not (an order in progress), and the
    /// ledger's figure is the one `spending` gives (review37s R37s-1).
    pub async fn totals(&self, entry: &RegistryEntry, buyer: &str, year: i32) -> Result<Part, MarketplaceError> {
        let read =
            |l: Arc<Ledger>| Part { totals: l.totals(), whole: l.complete(), from_recap: false, read_at: l.read_at };
        if !entry.marketplace.has_totals() {
            return self.year_ledger(entry, buyer, year).await.map(read);
        }
        if let Some(ledger) = self.cached_year_ledger(entry, buyer, year).await {
            return Ok(read(ledger));
        }
        let key = (entry.marketplace.id().clone(), buyer.to_string(), year);
        let load = async {
            let asked = SystemTime::now();
            let loaded = fetch::load_totals(entry, &self.lanes, buyer, year).await;
            self.failures.note(entry.marketplace.id(), &loaded, buyer, year);
            let recap = loaded?.ok_or_else(|| MarketplaceError::BadResponse { reason: "no totals".into() })?;
            Ok::<_, MarketplaceError>((recap, asked))
        };
        let (recap, asked) = self.caches(year).1.try_get_with(key, load).await.map_err(|e| (*e).clone())?;
        Ok(Part { totals: recap, whole: true, from_recap: true, read_at: Some(asked) })
    }

    /// [`Self::year_ledger`] when every ledger it needs is cached already; `None` otherwise.
    async fn cached_year_ledger(&self, entry: &RegistryEntry, buyer: &str, year: i32) -> Option<Arc<Ledger>> {
        let key = |y: i32| (entry.marketplace.id().clone(), buyer.to_string(), y);
        let own = self.caches(year).0.get(&key(year)).await?;
        let mut neighbours = Vec::new();
        for y in neighbour_years(year) {
            neighbours.push((y, self.caches(y).0.get(&key(y)).await?));
        }
        let neighbours: Vec<(i32, Option<&Ledger>)> =
            neighbours.iter().map(|(y, l)| (*y, Some(l.as_ref()).filter(|l| l.cut_short.is_none()))).collect();
        Some(Arc::new(own.with_neighbours(year, &neighbours)))
    }
}

/// The years whose ledgers may hold entries dated in `year` (WIB): the one before, where a
/// marketplace keeping its books in UTC files the first seven hours of 1 January, and the one
/// after, where one keeping them in WITA or WIT (Makassar, Jayapura: east of WIB) files the last
/// hour or two of 31 December. The year after is read only once it has begun (WIB): before, no
/// ledger can be filed under it. Cost: a closed year's answer reads three ledgers, each cached.
fn neighbour_years(year: i32) -> impl Iterator<Item = i32> {
    let current = SpendingService::current_year();
    [year - 1, year + 1].into_iter().filter(move |y| *y <= current)
}
