//! Catalogue and index tests at realistic sizes.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use super::catalogue::Catalogue;
use super::index::SearchIndex;
use super::text;
use super::{MarketplaceKind, SandboxOptions};

fn products_on(catalogue: &Catalogue, kind: MarketplaceKind) -> HashSet<u32> {
    catalogue.listings(kind).iter().map(|l| l.master).collect()
}

#[test]
fn same_seed_gives_the_same_catalogue() {
    let a = Catalogue::generate(3_000, 7);
    let b = Catalogue::generate(3_000, 7);
    let c = Catalogue::generate(3_000, 8);
    for &kind in MarketplaceKind::all() {
        assert_eq!(a.listings(kind), b.listings(kind));
        assert_eq!(a.truth(kind), b.truth(kind));
        assert_eq!(a.vendor_truth(kind), b.vendor_truth(kind));
        assert_ne!(a.listings(kind), c.listings(kind));
    }
}

#[test]
fn most_listings_have_their_product_on_every_other_marketplace() {
    for products in [50, 1_000, 20_000] {
        let catalogue = Catalogue::generate(products, 42);
        let on: Vec<HashSet<u32>> = MarketplaceKind::all().iter().map(|&k| products_on(&catalogue, k)).collect();
        for &kind in MarketplaceKind::all() {
            let listings = catalogue.listings(kind);
            let everywhere = listings.iter().filter(|l| on.iter().all(|p| p.contains(&l.master))).count();
            let share = everywhere as f64 / listings.len() as f64;
            assert!(share >= 0.5, "{kind} with {products} listings: only {share:.2} on all four");
        }
    }
}

#[test]
fn a_good_share_of_listings_is_the_same_product_from_the_same_vendor_on_all_four() {
    let catalogue = Catalogue::generate(5_000, 42);
    let pairs = |kind| -> HashSet<(String, String)> {
        catalogue.truth(kind).listings.into_iter().map(|l| (l.product, l.vendor)).collect()
    };
    let all: Vec<HashSet<(String, String)>> = MarketplaceKind::all().iter().map(|&k| pairs(k)).collect();
    for (kind, mine) in MarketplaceKind::all().iter().zip(&all) {
        let everywhere = mine.iter().filter(|pair| all.iter().all(|other| other.contains(*pair))).count();
        let share = everywhere as f64 / mine.len() as f64;
        assert!(share >= 0.2, "{kind}: only {share:.2} of (product, vendor) pairs are on all four");
    }
}

#[test]
fn the_same_product_is_titled_differently_on_each_marketplace() {
    let catalogue = Catalogue::generate(2_000, 42);
    let titles = |kind| -> HashSet<String> { catalogue.truth(kind).listings.into_iter().map(|l| l.title).collect() };
    let all: Vec<(MarketplaceKind, HashSet<String>)> = MarketplaceKind::all().iter().map(|&k| (k, titles(k))).collect();
    for (i, (a, mine)) in all.iter().enumerate() {
        for (b, other) in &all[i + 1..] {
            let same = mine.intersection(other).count();
            assert!(same < mine.len() / 20, "{a} and {b} share {same} titles; they should rarely coincide");
        }
    }
}

#[test]
fn no_title_ends_in_a_dangling_separator() {
    let catalogue = Catalogue::generate(2_000, 42);
    for &kind in MarketplaceKind::all() {
        let titles = catalogue.truth(kind).listings.into_iter().map(|l| l.title);
        let dangling: Vec<String> = titles.filter(|t| t.trim_end().ends_with(['-', '|', '/'])).take(3).collect();
        assert!(dangling.is_empty(), "{kind}: {dangling:?}");
    }
}

#[test]
fn prices_are_whole_hundreds_so_ppn_stays_whole_rupiah() {
    let catalogue = Catalogue::generate(5_000, 3);
    for &kind in MarketplaceKind::all() {
        for (i, listing) in catalogue.listings(kind).iter().enumerate() {
            assert!(listing.price > 0 && listing.price % 100 == 0, "{kind} listing {i}: {}", listing.price);
            let view = catalogue.view(kind, i);
            assert_eq!(view.price_including_vat() * 100, listing.price * (100 + view.vat_percent()));
        }
    }
}

#[test]
fn the_same_product_costs_about_the_same_per_base_unit_everywhere() {
    let catalogue = Catalogue::generate(5_000, 42);
    let mut per_unit: HashMap<String, Vec<f64>> = HashMap::new();
    for &kind in MarketplaceKind::all() {
        for l in catalogue.truth(kind).listings {
            let price: f64 = l.price_excluding_vat.try_into().expect("prices fit in f64");
            per_unit.entry(l.product).or_default().push(price / f64::from(l.pack_quantity));
        }
    }
    for (product, prices) in per_unit {
        let (lo, hi) = prices.iter().fold((f64::MAX, 0.0f64), |(lo, hi), &p| (lo.min(p), hi.max(p)));
        // Vendor levels, pack discounts and noise stay within ~20 %; rounding to Rp100 adds
        // more on cheap single pieces.
        assert!(hi / lo < 1.35, "{product}: {lo}..{hi} per base unit");
    }
}

#[test]
fn seed_vendors_are_listed_with_their_research_details() {
    let catalogue = Catalogue::generate(1_000, 42);
    let vendors = catalogue.vendor_truth(MarketplaceKind::Mbiz).vendors;
    let find = |name: &str| vendors.iter().find(|v| v.name == name).expect("seed vendor is on mbiz");
    let maju = find("PT Maju Jaya Abadi");
    assert_eq!((maju.region.as_str(), maju.scale.as_str(), maju.pkp), ("35.78", "menengah", true));
    let rejeki = find("UD Sumber Rejeki");
    assert_eq!((rejeki.region.as_str(), rejeki.pkp), ("35.06", false));
    assert_eq!(find("PT Sinar Nusantara Tbk").region, "35.25");
    assert_eq!(find("Koperasi Pegawai Republik Indonesia (KPRI) Sejahtera").region, "35.15");
    let berkah: Vec<_> = vendors.iter().filter(|v| v.name == "CV Berkah Mandiri").collect();
    assert_eq!(berkah.len(), 2, "two different entities share the name");
    assert_ne!(berkah[0].vendor, berkah[1].vendor);
    assert!(vendors.len() >= 60, "only {} vendors on mbiz", vendors.len());
}

#[test]
fn branches_share_the_entity_key_and_entities_never_do() {
    let catalogue = Catalogue::generate(100_000, 42);
    let mut entity_of_key: HashMap<&str, u32> = HashMap::new();
    let mut branches = 0;
    for v in &catalogue.vendors {
        assert_eq!(v.npwp15.len(), 15);
        assert!(v.npwp15.bytes().all(|b| b.is_ascii_digit()));
        match entity_of_key.insert(&v.npwp15[..9], v.entity) {
            Some(entity) => {
                assert_eq!(entity, v.entity, "NPWP entity key {} reused", &v.npwp15[..9]);
                branches += 1;
            }
            None => assert!(v.npwp15.ends_with("000"), "a head office has branch code 000"),
        }
    }
    assert!(branches >= 3, "only {branches} branches");
}

#[test]
fn searching_100_000_listings_finds_exactly_the_matching_titles() {
    let started = Instant::now();
    let catalogue = Catalogue::generate(100_000, 42);
    let generated = started.elapsed();
    let kind = MarketplaceKind::JatimBejo;
    let titles: Vec<String> =
        (0..catalogue.products_per_marketplace()).map(|i| kind.title(&catalogue.view(kind, i))).collect();
    let started = Instant::now();
    let index = SearchIndex::build(titles.len(), |i, buf| buf.push_str(&titles[i]));
    let indexed = started.elapsed();
    assert_eq!(index.len(), 100_000);

    for query in ["kertas hvs a4", "toner 85a", "laptop core i5 16", "nasi kotak ayam", "kursi kerja hitam"] {
        let started = Instant::now();
        let hits = index.search(query);
        let took = started.elapsed();
        eprintln!("{query:?}: {} hits in {took:?}", hits.len());
        let mut wanted = Vec::new();
        text::tokens(query, &mut wanted);
        let (last, exact) = wanted.split_last().expect("queries have tokens");
        let expected: Vec<usize> = titles
            .iter()
            .enumerate()
            .filter(|(_, title)| {
                let mut tokens = Vec::new();
                text::tokens(title, &mut tokens);
                exact.iter().all(|w| tokens.contains(w)) && tokens.iter().any(|t| t.starts_with(last.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        assert!(!expected.is_empty(), "{query:?} should match something");
        assert_eq!(hits.all(), expected, "{query:?}");
    }
    eprintln!("generated 2 × 100 000 listings in {generated:?}, indexed one marketplace in {indexed:?}");
}

/// The load bench's uncached phase cycles through these at 50 connections: with fewer than two
/// per connection in flight, concurrent misses would share their upstream calls; with pages
/// short of 10 it would fetch fewer than the 50 offers a search is measured for.
#[test]
fn search_phrases_outnumber_the_connections_twice_and_fill_each_marketplace_page() {
    let phrases = super::search_phrases();
    assert!(phrases.len() >= 100, "only {} phrases", phrases.len());
    let options = SandboxOptions::default();
    let catalogue = Catalogue::generate(options.products, options.seed);
    let indexes: Vec<SearchIndex> =
        MarketplaceKind::all().iter().map(|&kind| SearchIndex::of(&catalogue, kind)).collect();
    let mut fetched = 0;
    for phrase in &phrases {
        assert_eq!(phrase.trim(), phrase, "a phrase is searched as it is");
        for (kind, index) in MarketplaceKind::all().iter().zip(&indexes) {
            let found = match index.search(phrase) {
                super::index::Hits::Some(ids) => ids.len(),
                super::index::Hits::All(_) => panic!("{phrase:?} has no word to search for"),
            };
            assert!(found > 0, "{phrase:?} finds nothing on {kind:?}");
            fetched += found.min(10);
        }
    }
    let per_search = fetched as f64 / phrases.len() as f64;
    assert!(per_search >= 49.5, "a first page of 10 from each of the five holds {per_search:.2} offers on average");
}

#[test]
fn empty_and_single_listing_catalogues_work() {
    for products in [0, 1] {
        let catalogue = Catalogue::generate(products, 1);
        for &kind in MarketplaceKind::all() {
            assert_eq!(catalogue.listings(kind).len(), products);
            assert_eq!(catalogue.truth(kind).listings.len(), products);
        }
    }
}
