//! The price survey's content, shared by the printable sheet and the CSV: which offers, when
//! Pasar read them, min/median/max per product, and which marketplaces answered.

use super::amounts;
use super::evidence::picked_first;
use super::lang::Lang;
use super::params::{PageQuery, Sort};
use super::sources;
use super::words::Names;
use crate::model::Offer;
use crate::normalize::echo::echoed;
use crate::search::{
    CompareOutcome, Explanation, ProductGroup, SourceStatus, Uncounted, VendorFacts, listed_at_stand_in, median,
};
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::time::{Duration, SystemTime};

/// Western Indonesian Time, UTC+7 all year: the time the buyer's office reads.
const WIB: Duration = Duration::from_secs(7 * 3600);

/// A group's offers in the order the page shows them. Policy order is the search service's;
/// unit-price order re-sorts it by the explanation's unit price (stable, unknown last), which is
/// the order the service gives when no buyer is named.
pub fn in_order(group: &ProductGroup, sort: Sort) -> Vec<(&Offer, Option<&Explanation>)> {
    let mut offers: Vec<(&Offer, Option<&Explanation>)> = group.offers.iter().map(|(o, e)| (o, e.as_ref())).collect();
    if sort == Sort::UnitPrice {
        offers.sort_by(|(_, a), (_, b)| match (a.and_then(|e| e.unit_price), b.and_then(|e| e.unit_price)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
    }
    offers
}

/// One surveyed offer.
pub struct Row<'a> {
    pub offer: &'a Offer,
    /// The vendor's facts as the answer's accounts of it state them.
    pub facts: VendorFacts,
    pub marketplace: &'a str,
    /// When Pasar read the marketplace's page holding it, WIB.
    pub read_at: String,
    /// Why the offer is left out of the product's market figures, when it is.
    pub uncounted: Option<Uncounted>,
}

impl Row<'_> {
    /// What a reader must know before using the row's prices: an approximate price, and why the
    /// row is not among the market figures. `None` for an exact, counted price.
    pub fn price_note(&self, lang: Lang) -> Option<String> {
        let approximate = self.offer.price.as_ref().and_then(|p| amounts::approximate(p, lang));
        let uncounted = self.uncounted.map(|why| {
            format!("{} {}", lang.pick("tidak dihitung:", "not counted:"), uncounted_why(self.offer, why, lang))
        });
        let notes: Vec<String> = approximate.into_iter().chain(uncounted).collect();
        (!notes.is_empty()).then(|| notes.join("; "))
    }
}

/// Why an offer's unit price is left out of its product's market figures: first a price that
/// could not be read, whatever its pack says.
pub fn uncounted_why(offer: &Offer, why: Uncounted, lang: Lang) -> &'static str {
    if offer.price.is_none() {
        return unread_price(offer, lang);
    }
    match why {
        Uncounted::NoConfidentPack => lang.pick("isi kemasan tidak pasti", "pack size not certain"),
        Uncounted::OtherUnit => lang.pick("satuan dasar lain", "another base unit"),
        Uncounted::Approximate => lang.pick("harga tidak pasti", "price not exact"),
        // An amount sellers type for "ask us" is said as such: no other offer may be there to be
        // far below (review35m M35-8, M35-10).
        Uncounted::FarBelowOthers if listed_at_stand_in(offer) => {
            lang.pick("harga contoh, bukan harga jual", "a sample amount, not a selling price")
        }
        Uncounted::FarBelowOthers => lang.pick("harga jauh di bawah penawaran lain", "price far below the others"),
        Uncounted::BesidePlaceholders => lang.pick(
            "harga lain sepuluh kali lebih murah, tak jelas mana yang benar",
            "other prices ten times lower; which is right cannot be told",
        ),
        Uncounted::PricesApart => lang.pick(
            "harga penawaran lain berbeda lebih dari sepuluh kali, tak jelas mana yang benar",
            "other offers' prices differ more than tenfold; which is right cannot be told",
        ),
    }
}

/// Why a line of figures counts no offer (the market's, or the chosen rows'): each was left out,
/// and its row says why; "dari 0 penawaran" alone read as a product nobody sells (review35m M35-10).
pub fn none_counted(market: bool, lang: Lang) -> &'static str {
    if market {
        lang.pick(
            "Tidak ada harga yang dihitung: setiap penawaran produk ini dikesampingkan, alasannya tertulis di kolom Harga satuan",
            "No price is counted: every offer of this product is left out, and the Unit price column says why",
        )
    } else {
        lang.pick(
            "Tidak ada harga yang dihitung: setiap baris terpilih dikesampingkan, alasannya tertulis di kolom Harga satuan",
            "No price is counted: every chosen row is left out, and the Unit price column says why",
        )
    }
}

/// Why an offer has no price, from the price issue that says so (`NEGATIVE`, `ZERO`, …): a
/// caveat such as `ROUNDED` may come before it.
fn unread_price(offer: &Offer, lang: Lang) -> &'static str {
    let mut price_codes = offer.issues.iter().filter(|issue| issue.field == "price").map(|issue| issue.code);
    price_codes
        .find_map(|code| unread_because(code, lang))
        .unwrap_or_else(|| lang.pick("harga tidak terbaca", "price could not be read"))
}

fn unread_because(code: &str, lang: Lang) -> Option<&'static str> {
    match code {
        "NEGATIVE" => Some(lang.pick("harga negatif, tidak terbaca", "negative price, not read")),
        "ZERO" | "PLACEHOLDER" => Some(lang.pick(
            "harga Rp 0 s.d. Rp 10: harga contoh, bukan harga jual",
            "Rp 0 to Rp 10: a sample amount, not a selling price",
        )),
        "OVERFLOW" => Some(lang.pick("harga terlalu besar, tidak terbaca", "price too large, not read")),
        "ON_REQUEST" => Some(lang.pick("harga atas permintaan", "price on request")),
        _ => None,
    }
}

/// Lowest, median and highest of a set of unit prices including PPN, and how many there are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub min: Option<Decimal>,
    /// As spreadsheets' MEDIAN and the API's `unitPriceMedian` (see `search::median`).
    pub median: Option<Decimal>,
    pub max: Option<Decimal>,
    pub count: usize,
}

impl Figures {
    /// The figures of `prices`, in any order.
    pub fn of(mut prices: Vec<Decimal>) -> Self {
        prices.sort();
        Self { min: prices.first().copied(), median: median(&prices), max: prices.last().copied(), count: prices.len() }
    }
}

/// One product of the survey.
pub struct Product<'a> {
    pub title: String,
    pub rows: Vec<Row<'a>>,
    /// Over the group's counted offers, exactly as the API's `compare` (`unitPriceMin`,
    /// `unitPriceMedian`, `unitPriceMax`): the market, not only the rows chosen.
    pub market: Figures,
    /// The base unit the figures are per (`lembar`), when the counted offers name one.
    pub base_unit: Option<String>,
    /// Over the chosen rows that are among the counted offers.
    pub selected: Figures,
    /// How many of the group's offers its figures leave out (`uncounted`).
    pub left_out: usize,
}

/// The whole survey.
pub struct Survey<'a> {
    /// What was searched for, and the buyer's region (name and code) when one was given: a file
    /// travels without its URL.
    pub search: String,
    pub region: Option<String>,
    pub products: Vec<Product<'a>>,
    /// Every marketplace asked, by display name.
    pub searched: Vec<&'a str>,
    /// Those whose offers are missing, with why.
    pub missing: Vec<(&'a str, String)>,
    /// When the survey was made, WIB.
    pub made_at: String,
    /// Offers asked for by id (`offer=`) that the comparison does not hold.
    pub missing_offers: Vec<String>,
    /// Which marketplaces list more matches than were compared (`sources::partial_coverage`).
    pub partial: Option<String>,
    /// The filters the comparison ran under, in words (`fields::filters_said`).
    pub filters: Option<String>,
}

/// Picks the chosen offers (or the first `top` of each product in page order) from a comparison.
pub fn build<'a>(outcome: &'a CompareOutcome, query: &PageQuery, names: &'a Names, now: SystemTime) -> Survey<'a> {
    let reports = &outcome.sources.reports;
    // The offer's own read; else the oldest page its marketplace served in this answer.
    let read_at = |offer: &Offer| {
        let age = || reports.iter().find(|r| r.marketplace == offer.marketplace).map_or(0, |r| r.age_seconds);
        wib(offer.read_at.get().unwrap_or_else(|| now.checked_sub(Duration::from_secs(age())).unwrap_or(now)))
    };
    let products: Vec<Product<'a>> = outcome
        .groups
        .iter()
        .filter_map(|group| {
            let verdicts = group.uncounted_by_offer();
            let uncounted =
                |offer: &Offer| verdicts.iter().find(|(o, _)| std::ptr::eq(*o, offer)).and_then(|(_, why)| *why);
            let ordered = in_order(group, query.sort());
            let picked: Vec<&Offer> = if query.chosen.is_empty() {
                // The survey is price evidence: the rows the market figures count come first,
                // each part in the page's order.
                let offers: Vec<&Offer> = ordered.iter().map(|(o, _)| *o).collect();
                let mut top: Vec<usize> = picked_first(&offers, uncounted).into_iter().take(query.top()).collect();
                top.sort_by_key(|&i| (uncounted(offers[i]).is_some(), i));
                top.into_iter().map(|i| offers[i]).collect()
            } else {
                ordered.into_iter().filter(|(o, _)| query.chosen.contains(&o.gateway_id())).map(|(o, _)| o).collect()
            };
            let rows: Vec<Row<'a>> = picked
                .into_iter()
                .map(|offer| Row {
                    offer,
                    facts: outcome.facts.of(offer),
                    marketplace: names.of(&offer.marketplace),
                    read_at: read_at(offer),
                    uncounted: uncounted(offer),
                })
                .collect();
            (!rows.is_empty()).then(|| product(group, rows))
        })
        .collect();
    let surveyed: Vec<String> = products.iter().flat_map(|p| p.rows.iter().map(|r| r.offer.gateway_id())).collect();
    // The client's own ids, listed on the page and in the downloads as a refusal quotes them.
    let missing_offers = query.chosen.iter().filter(|id| !surveyed.contains(id)).map(|id| echoed(id)).collect();
    let lang = query.lang;
    Survey {
        search: query.q.trim().to_string(),
        region: query.region.map(|r| format!("{} ({})", r.name, r.code)),
        products,
        // A marketplace switched off was not asked: neither searched nor silent.
        searched: reports
            .iter()
            .filter(|r| r.status != SourceStatus::Disabled)
            .map(|r| names.of(&r.marketplace))
            .collect(),
        missing: reports
            .iter()
            .filter(|r| r.status != SourceStatus::Disabled)
            .filter(|r| !sources::answered(r) || sources::partly(r))
            .map(|r| (names.of(&r.marketplace), sources::source_state(r, lang)))
            .collect(),
        made_at: wib(now),
        missing_offers,
        partial: sources::partial_coverage(&outcome.coverage, names, lang),
        filters: filters_said(query, lang),
    }
}

/// The conditions a comparison ran under, in words (`hanya UMK; TKDN ≥ 25 %; …`), or `None`
/// when it ran on every offer: figures made under a filter must say so wherever they go.
fn filters_said(query: &PageQuery, lang: Lang) -> Option<String> {
    let rupiah = |amount| amounts::rupiah(amount, lang);
    let mut said: Vec<String> = Vec::new();
    let flags = [
        (query.pdn, ("hanya produk dalam negeri (TKDN)", "domestic products only (TKDN)")),
        (query.umk, ("hanya UMK", "micro and small businesses only")),
        (query.koperasi, ("hanya koperasi", "cooperatives only")),
        (query.in_stock, ("hanya yang ada stoknya", "in stock only")),
    ];
    said.extend(flags.into_iter().filter(|(on, _)| *on).map(|(_, (id, en))| lang.pick(id, en).to_string()));
    if let Some(tkdn) = query.min_tkdn {
        said.push(format!("TKDN ≥ {} %", tkdn.normalize()));
    }
    match (query.min_price, query.max_price) {
        (Some(min), Some(max)) => {
            said.push(format!("{} {}–{}", lang.pick("harga kemasan", "pack price"), rupiah(min), rupiah(max)))
        }
        (Some(min), None) => said.push(format!("{} ≥ {}", lang.pick("harga kemasan", "pack price"), rupiah(min))),
        (None, Some(max)) => said.push(format!("{} ≤ {}", lang.pick("harga kemasan", "pack price"), rupiah(max))),
        (None, None) => {}
    }
    (!said.is_empty()).then(|| said.join("; "))
}

fn product<'a>(group: &ProductGroup, rows: Vec<Row<'a>>) -> Product<'a> {
    let counted = group.counted();
    let counted_price = |offer: &Offer| {
        let id = (&offer.marketplace, &offer.source_id);
        counted.iter().find(|(o, _)| (&o.marketplace, &o.source_id) == id).map(|(_, p)| *p)
    };
    let selected = Figures::of(rows.iter().filter_map(|r| counted_price(r.offer)).collect());
    let base_unit = counted.first().and_then(|(o, _)| o.unit.base_unit.clone());
    let left_out = group.uncounted.iter().map(|(_, n)| n).sum();
    let market = Figures::of(group.unit_prices.clone());
    Product { title: group.title.clone(), market, base_unit, selected, rows, left_out }
}

/// The price per base unit including PPN, only when it is confident (`Offer::confident_unit_price`):
/// never a pack price passed off as a unit price, nor an assumed or conflicting pack size.
pub fn unit_price(offer: &Offer) -> Option<Decimal> {
    offer.confident_unit_price()
}

/// `2026-12-01 11:32 WIB`.
pub(super) fn wib(time: SystemTime) -> String {
    let utc = humantime::format_rfc3339_seconds(time + WIB).to_string();
    // `2026-12-01T04:32:32Z` shifted by seven hours: only the separator and zone change.
    format!("{} WIB", utc.trim_end_matches('Z').replacen('T', " ", 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(offer: &Offer) -> Row<'_> {
        let facts = crate::search::VendorFacts::own(offer);
        let (marketplace, read_at) = ("Stub", String::new());
        Row { offer, facts, marketplace, read_at, uncounted: Some(Uncounted::NoConfidentPack) }
    }

    #[test]
    fn a_row_whose_price_could_not_be_read_says_so_not_that_its_pack_is_uncertain() {
        let mut offer = Offer::sample("A2");
        offer.price = None;
        offer.issues.push(crate::model::Issue { field: "price", code: "NEGATIVE", message: String::new() });
        assert_eq!(row(&offer).price_note(Lang::Id).as_deref(), Some("tidak dihitung: harga negatif, tidak terbaca"));
        offer.issues.clear();
        assert_eq!(row(&offer).price_note(Lang::En).as_deref(), Some("not counted: price could not be read"));
        // `Rp 0,0001`: rounded first, then zero.
        for code in ["ROUNDED", "ZERO"] {
            offer.issues.push(crate::model::Issue { field: "price", code, message: String::new() });
        }
        let placeholder = "tidak dihitung: harga Rp 0 s.d. Rp 10: harga contoh, bukan harga jual";
        assert_eq!(row(&offer).price_note(Lang::Id).as_deref(), Some(placeholder));
        let priced = Offer::sample("A1");
        assert_eq!(row(&priced).price_note(Lang::Id).as_deref(), Some("tidak dihitung: isi kemasan tidak pasti"));
    }

    #[test]
    fn times_are_written_in_western_indonesian_time() {
        let noon_utc = SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_590_400);
        assert_eq!(wib(noon_utc), "2025-12-01 19:00:00 WIB");
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_two_middle_values_as_in_a_spreadsheet() {
        let figures = Figures::of([4, 1, 3, 2].into_iter().map(|n| Decimal::new(n, 1)).collect());
        assert_eq!(
            (figures.min, figures.median, figures.max, figures.count),
            (Some(Decimal::new(1, 1)), Some(Decimal::new(25, 2)), Some(Decimal::new(4, 1)), 4)
        );
        let odd = Figures::of([5, 1, 3].into_iter().map(Decimal::from).collect());
        assert_eq!(odd.median, Some(Decimal::from(3)));
        assert_eq!(Figures::of(Vec::new()), Figures::default());
    }
}
