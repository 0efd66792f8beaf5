//! Comparing offers: the same product across marketplaces, grouped, cheapest per base unit first.

use super::error::SearchError;
use super::fanout::{self, Want};
use super::filter::OfferFilter;
use super::limits::{COMPARE_WINDOW, MAX_GROUPS};
use super::policy::{self, BuyerContext, Explanation};
use super::report::Sources;
use super::service::SearchService;
use super::validate;
use crate::marketplace::Registry;
use crate::model::{MarketplaceId, Offer};
use crate::normalize::product::{self, MatchExplanation, ProductKey};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// A comparison as the client asked for it.
#[derive(Debug, Clone, Default)]
pub struct CompareParams {
    /// What the buyer is looking for.
    pub query: String,
    /// Which offers to consider.
    pub filter: OfferFilter,
    /// Who is buying: with it, offers in a group are in policy order.
    pub buyer: Option<BuyerContext>,
    /// How many groups.
    pub first: u32,
}

/// Offers that are one product.
#[derive(Debug, Clone)]
pub struct ProductGroup {
    /// A stable id for these offers under this matcher version (see [`product::group_id`]).
    pub id: String,
    /// What the buyer reads: [`group_title`], with the words that tell it apart from groups
    /// that would read the same (see `titles`).
    pub title: String,
    /// What the titles agree on: what every one of them says ([`product::shared_key`]), which
    /// is all the title and the specs show.
    pub key: ProductKey,
    /// The first offer's key, which each other was matched against: what near groups are
    /// weighed by, and the brand read from.
    pub lead: ProductKey,
    /// The offers, cheapest per base unit first (policy order when a buyer is given).
    pub offers: Vec<(Offer, Option<Explanation>)>,
    /// Why the offers were put together: the first offer against each other one, merged.
    pub matched: MatchExplanation,
    /// The comparable unit prices including PPN, ascending (see [`comparable`]).
    pub unit_prices: Vec<Decimal>,
    /// Marketplaces carrying it, sorted.
    pub marketplaces: Vec<MarketplaceId>,
    /// How many of its offers are left out of `unit_prices`, by why; only reasons that occur.
    pub uncounted: Vec<(Uncounted, usize)>,
    /// Groups of the same kind that look alike but were kept apart, and why (see [`near`]).
    pub near: Vec<NearGroup>,
}

/// Why an offer of a group is left out of its unit-price comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, async_graphql::Enum)]
pub enum Uncounted {
    /// No confident unit price: no readable price, or a pack size nothing states (assumed) or
    /// stated in conflicting ways.
    NoConfidentPack,
    /// A unit price per another base unit than the one most of the group's offers share (a
    /// bottle, a sachet and a piece of one product count as the same unit).
    OtherUnit,
    /// An approximate price (`Rp 150rb`) in a group where other offers have exact ones.
    Approximate,
    /// A unit price more than ten times below the rest of its product's counted offers in the same
    /// pack, where those above are more: a placeholder (a ream at Rp 100) or a misread pack, never
    /// the cheapest. Also an offer listed at a placeholder amount (Rp 11 to Rp 1.000 written as a
    /// power of ten or one digit repeated: Rp 100, Rp 999) whose pack has prices over ten times
    /// its own and none between that is not a placeholder amount: see `BESIDE_PLACEHOLDERS`;
    /// and every offer of a product whose counted offers are all listed at Rp 11 to Rp 100 so
    /// written (three folders at Rp 100 say nothing of the folder's price).
    FarBelowOthers,
    /// A price of a pack whose placeholder amounts (`FAR_BELOW_OTHERS`) are at least as many as the
    /// prices over ten times theirs: four folders at Rp 100 beside two at Rp 5.000 read like four
    /// sachets at Rp 1.000 beside two strips read as single pieces, so which side is the product's
    /// price cannot be told and the pack states no figure.
    BesidePlaceholders,
    /// A price of a pack whose prices fall on two sides more than ten times apart, as many on
    /// each side and not all placeholder amounts (envelopes at Rp 500 beside as many at Rp 6.000,
    /// a laptop at Rp 10.000 beside one at Rp 8.650.000): which side is the product's price cannot
    /// be told, and the pack states no figure.
    PricesApart,
}

/// How much of one marketplace's matches a comparison grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The marketplace.
    pub marketplace: MarketplaceId,
    /// Its matching offers that were grouped (its first ones, at most [`COMPARE_WINDOW`]).
    pub grouped: usize,
    /// Whether it has matching offers beyond those (not grouped): more to read, or more stated
    /// than its pages reach (a marketplace serving only its first page).
    pub more: bool,
}

/// The groups and what each marketplace did.
#[derive(Debug, Clone)]
pub struct CompareOutcome {
    /// Product groups, those on most marketplaces first.
    pub groups: Vec<ProductGroup>,
    /// What each marketplace did.
    pub sources: Sources,
    /// How much of each answering marketplace's matches was grouped.
    pub coverage: Vec<Coverage>,
    /// Every vendor's policy facts as this answer's accounts of it state them.
    pub facts: policy::Facts,
}

impl SearchService {
    /// Fetches each marketplace's first matching offers and groups them into products.
    pub async fn compare(&self, params: &CompareParams) -> Result<CompareOutcome, SearchError> {
        self.compare_in(&self.registry(), params).await
    }

    /// [`compare`](Self::compare) on `registry`, the one its request resolves its answer in.
    pub async fn compare_in(&self, registry: &Registry, params: &CompareParams) -> Result<CompareOutcome, SearchError> {
        let query = validate::admit(&params.query, params.first, MAX_GROUPS, &params.filter, registry)?;
        let want = |_: &MarketplaceId| Want::first(COMPARE_WINDOW);
        let fetched = fanout::fan_out(registry, &self.path, query, &want, &params.filter, false).await;
        Ok(assemble_aside(fetched, params.clone()).await)
    }
}

/// [`assemble`] on the blocking pool: grouping a few hundred offers takes tens of milliseconds
/// of CPU (more with many groups of one), and on the connection's worker it would hold up every
/// other request dealt to that worker meanwhile (review32w W32-1: a `/healthz` waited 1.5 s).
pub(super) async fn assemble_aside(fetched: Vec<fanout::Fetched>, params: CompareParams) -> CompareOutcome {
    match tokio::task::spawn_blocking(move || assemble(fetched, &params)).await {
        Ok(outcome) => outcome,
        // A panic while grouping is the request's, as it was on the worker.
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

/// The comparison over what each marketplace gave, in registry order: the one assembly for
/// `compare` and its stream, so a streamed page's figures are the same as a plain one's.
pub(super) fn assemble(fetched: Vec<fanout::Fetched>, params: &CompareParams) -> CompareOutcome {
    let mut sources = Sources::default();
    let mut coverage = Vec::new();
    let mut offers = Vec::new();
    for f in fetched {
        if f.error.is_none() || !f.offers.is_empty() {
            // A marketplace serving only its first page states matches paging cannot reach: they
            // exist, ungrouped (review37 R37-6; its report says `ignoresPaging`).
            let more = !f.exhausted || f.reachable.is_some();
            coverage.push(Coverage { marketplace: f.report.marketplace.clone(), grouped: f.offers.len(), more });
        }
        sources.add(f.report, f.error);
        offers.extend(f.offers.iter().map(|(_, offer)| offer.to_offer()));
    }
    let facts = policy::resolve_facts(&offers);
    offers.retain(|o| params.filter.keeps_vendor_facts(&facts.of(o)));
    // What the vendor filters (`umkOnly`, `koperasiOnly`) kept is what was grouped (review29a
    // W13: "100 of Mbizmarket's matches" where 39 UMK offers were).
    for one in &mut coverage {
        one.grouped = offers.iter().filter(|o| o.marketplace == one.marketplace).count();
    }
    let mut groups = grouped(offers, params.buyer.as_ref(), &facts, params.first as usize);
    groups.truncate(params.first as usize);
    CompareOutcome { groups, sources, coverage, facts }
}

/// Groups offers into products and orders the groups: most marketplaces, then most offers.
///
/// The offers are first put in one canonical order (by marketplace, then id) with repeats
/// dropped, so the same offers give the same groups, group titles and order of ties however
/// they arrived: from the cache or the network, pages in any order, an offer listed twice.
#[cfg(test)]
fn group(offers: Vec<Offer>, buyer: Option<&BuyerContext>, facts: &policy::Facts) -> Vec<ProductGroup> {
    grouped(offers, buyer, facts, usize::MAX)
}

/// [`group`], naming near groups for the first `shown` groups only: each is weighed against every
/// other group, so for all of them the work grew with the square of the groups (500 offers of
/// one product each, every listing with its own code, took 2 s of CPU; review32w W32-1).
fn grouped(
    mut offers: Vec<Offer>,
    buyer: Option<&BuyerContext>,
    facts: &policy::Facts,
    shown: usize,
) -> Vec<ProductGroup> {
    offers.sort_by(|a, b| (&a.marketplace, &a.source_id).cmp(&(&b.marketplace, &b.source_id)));
    offers.dedup_by(|a, b| a.marketplace == b.marketplace && a.source_id == b.source_id);
    let keys: Vec<ProductKey> =
        offers.iter().map(|o| product::offer_key(&o.title, o.brand.as_deref(), o.model.as_deref())).collect();
    let members: Vec<Vec<usize>> = product::group(&keys).into_iter().filter(|m| !m.is_empty()).collect();
    pieces::read(&mut offers, &members);
    let scopes = scopes(&offers, &keys, &members);
    let mut slots: Vec<Option<Offer>> = offers.into_iter().map(Some).collect();
    let mut groups: Vec<ProductGroup> = members
        .into_iter()
        .zip(scopes)
        .map(|(members, scope)| {
            let first = members[0];
            let matched = members.iter().skip(1).fold(product::explain(&keys[first], &keys[first]), |acc, &i| {
                intersect(acc, product::explain(&keys[first], &keys[i]))
            });
            let shared = product::shared_key(members.iter().map(|&i| &keys[i])).unwrap_or_default();
            let offers: Vec<Offer> = members.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect();
            build((shared, keys[first].clone()), offers, matched, buyer, facts, &scope)
        })
        .collect();
    // A product no offer of which has a price to count (a placeholder, an unreadable price) comes
    // after the priced ones on as many marketplaces: a marketplace answering many such listings
    // pushed every priced product off the buyer's page (review32w W32-2).
    groups.sort_by(|a, b| {
        b.marketplaces
            .len()
            .cmp(&a.marketplaces.len())
            .then_with(|| a.unit_prices.is_empty().cmp(&b.unit_prices.is_empty()))
            .then_with(|| b.offers.len().cmp(&a.offers.len()))
            .then_with(|| a.unit_prices.first().cmp(&b.unit_prices.first()))
    });
    titles::settle(&mut groups);
    near::mark(&mut groups, shown);
    groups
}

/// Each group's policy scope: the PDN cascade over every group of its comparable product (kind
/// and decisive specs, any brand), the TKDN its own listings agree on, and the base unit its
/// unit prices are counted in.
fn scopes(offers: &[Offer], keys: &[ProductKey], members: &[Vec<usize>]) -> Vec<policy::Scope> {
    let all: Vec<&Offer> = offers.iter().collect();
    let products: Vec<(String, Vec<usize>)> =
        members.iter().map(|m| (policy::comparable(&keys[m[0]]), m.clone())).collect();
    let mut scopes = policy::per_product(&all, &products);
    for (scope, m) in scopes.iter_mut().zip(members) {
        scope.unit = base_unit(m.iter().map(|&i| &offers[i])).map(str::to_string);
    }
    scopes
}

/// What every pair in a group shares.
fn intersect(mut acc: MatchExplanation, next: MatchExplanation) -> MatchExplanation {
    acc.matched_tokens.retain(|t| next.matched_tokens.contains(t));
    acc.matched_specs.retain(|s| next.matched_specs.contains(s));
    acc.conflicts.extend(next.conflicts);
    acc.score = acc.score.min(next.score);
    acc
}

fn build(
    (key, lead): (ProductKey, ProductKey),
    offers: Vec<Offer>,
    matched: MatchExplanation,
    buyer: Option<&BuyerContext>,
    facts: &policy::Facts,
    scope: &policy::Scope,
) -> ProductGroup {
    let ordered: Vec<(Offer, Option<Explanation>)> = match buyer {
        Some(buyer) => policy::rank(offers, Some(buyer), facts, scope).into_iter().map(|(o, e)| (o, Some(e))).collect(),
        None => {
            let mut offers = offers;
            // Cheapest per base unit first; offers without a readable price last.
            offers.sort_by(|a, b| match (policy::unit_price(a), policy::unit_price(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            offers.into_iter().map(|o| (o, None)).collect()
        }
    };
    let mut unit_prices: Vec<Decimal> = comparable(&ordered).into_iter().map(|(_, price)| price).collect();
    unit_prices.sort();
    let marketplaces: BTreeSet<MarketplaceId> = ordered.iter().map(|(o, _)| o.marketplace.clone()).collect();
    let mut uncounted: BTreeMap<Uncounted, usize> = BTreeMap::new();
    for why in classify(&ordered).into_iter().filter_map(|(_, verdict)| verdict.err()) {
        *uncounted.entry(why).or_default() += 1;
    }
    let uncounted = uncounted.into_iter().collect();
    let id = product::group_id(ordered.iter().map(|(o, _)| (o.marketplace.as_str(), o.source_id.as_str())));
    let marketplaces = marketplaces.into_iter().collect();
    let title = group_title(&key);
    ProductGroup {
        id,
        title,
        key,
        lead,
        offers: ordered,
        matched,
        unit_prices,
        marketplaces,
        uncounted,
        near: Vec::new(),
    }
}

impl ProductGroup {
    /// The brand, when a table knows it or an offer states it. A word the title reader took for
    /// a brand only because it knows no such word (`Lengan` of `Lengan Panjang`, `Hukum` of a
    /// legal expert) still keeps offers apart, but is not shown to a buyer as a brand.
    ///
    /// A brand read from a title's words may run past the maker (`Philips Lampu Bohlam LED` reads
    /// `Philips Bohlam`, so that `Sabun Mandi Cair Lifebuoy` keeps `Lifebuoy`): an offer stating
    /// the words it starts with names the brand shown.
    pub fn brand(&self) -> Option<&str> {
        let brand = self.lead.brand.as_deref()?;
        if product::is_known_brand(brand) {
            return Some(brand);
        }
        self.offers.iter().find_map(|(offer, _)| stated_part(brand, offer.brand.as_deref()?))
    }

    /// The cheapest offer per base unit including PPN among the comparable ones; `None` when no
    /// offer has a unit price fit to compare.
    pub fn cheapest(&self) -> Option<&Offer> {
        comparable(&self.offers).into_iter().min_by(|(_, a), (_, b)| a.cmp(b)).map(|(offer, _)| offer)
    }

    /// The median unit price over the counted offers (see [`median`]).
    pub fn median_unit_price(&self) -> Option<Decimal> {
        median(&self.unit_prices)
    }

    /// The offers counted in `unit_prices`, each with its counted unit price including PPN.
    pub fn counted(&self) -> Vec<(&Offer, Decimal)> {
        comparable(&self.offers)
    }

    /// Each offer, in the group's order, with why it is left out of `unit_prices` (`None`: counted).
    pub fn uncounted_by_offer(&self) -> Vec<(&Offer, Option<Uncounted>)> {
        classify(&self.offers).into_iter().map(|(offer, verdict)| (offer, verdict.err())).collect()
    }
}

mod counted;
mod near;
mod pieces;
mod plausible;
mod titles;
use counted::{base_unit, classify, comparable};
pub use counted::{listed_at_stand_in, median};
pub use near::NearGroup;
pub use plausible::far_apart;
use titles::group_title;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_parts;
#[cfg(test)]
mod tests_policy;
#[cfg(test)]
mod tests_titles;

/// The words `brand` starts with, as `brand` writes them, when they are what an offer states
/// (case aside): all of `Copylas` for a stated `COPYLAS`, `Philips` of `Philips Bohlam`.
fn stated_part<'a>(brand: &'a str, stated: &str) -> Option<&'a str> {
    let stated = stated.trim();
    let part = brand.get(..stated.len())?;
    let whole_words = brand[stated.len()..].is_empty() || brand[stated.len()..].starts_with(' ');
    (!stated.is_empty() && whole_words && part.eq_ignore_ascii_case(stated)).then_some(part)
}
