//! Which unit prices a product group compares.

use super::*;
use crate::model::{MarketplaceId, PackDerivation, UnitPrice};
use crate::normalize::product::ProductKey;

pub(super) fn offer(id: &str, per_unit: i64, base: &str, confident: bool, exact: bool) -> (Offer, Option<Explanation>) {
    let mut offer = Offer::sample(id);
    offer.unit.base_unit = Some(base.to_string());
    let mut price = offer.price.clone().expect("the sample has a price");
    price.amount_including_vat = Decimal::from(per_unit);
    price.exact = exact;
    offer.unit_price = Some(UnitPrice { price, derivation: PackDerivation::Title, confident });
    (offer, None)
}

fn group_of(offers: Vec<(Offer, Option<Explanation>)>) -> ProductGroup {
    let offers: Vec<Offer> = offers.into_iter().map(|(o, _)| o).collect();
    build(
        (product::product_key("x"), product::product_key("x")),
        offers,
        product::explain(&product::product_key("x"), &product::product_key("x")),
        None,
        &policy::Facts::default(),
        &policy::Scope::default(),
    )
}

fn cheapest_id(group: &ProductGroup) -> Option<&str> {
    group.cheapest().map(|o| o.source_id.as_str())
}

#[test]
fn an_unconfident_unit_price_never_wins_cheapest_nor_counts_in_the_range() {
    let group = group_of(vec![offer("assumed", 3, "pcs", false, true), offer("stated", 2000, "pcs", true, true)]);
    assert_eq!(cheapest_id(&group), Some("stated"));
    assert_eq!(group.unit_prices, [Decimal::from(2000)]);
}

#[test]
fn an_approximate_price_never_wins_cheapest_over_an_exact_one() {
    let group = group_of(vec![offer("compact", 1500, "pcs", true, false), offer("exact", 2000, "pcs", true, true)]);
    assert_eq!(cheapest_id(&group), Some("exact"));
    let only_compact = group_of(vec![offer("compact", 1500, "pcs", true, false)]);
    assert_eq!(cheapest_id(&only_compact), Some("compact"));
}

#[test]
fn unit_prices_in_another_base_unit_are_not_compared() {
    let group = group_of(vec![
        offer("per-sheet", 60, "lembar", true, true),
        offer("per-pack-a", 15000, "pak", true, true),
        offer("per-pack-b", 14000, "pak", true, true),
    ]);
    assert_eq!(cheapest_id(&group), Some("per-pack-b"));
    assert_eq!(group.unit_prices, [Decimal::from(14000), Decimal::from(15000)]);
}

#[test]
fn a_group_with_no_confident_unit_price_has_no_cheapest() {
    let group = group_of(vec![offer("a", 10, "pcs", false, true)]);
    assert_eq!(cheapest_id(&group), None);
    assert!(group.unit_prices.is_empty() && group.median_unit_price().is_none());
}

pub(super) fn titled(marketplace: &str, id: &str, title: &str, per_unit: i64) -> Offer {
    let (mut offer, _) = offer(id, per_unit, "lembar", true, true);
    offer.marketplace = MarketplaceId::new(marketplace);
    offer.title = title.to_string();
    offer
}

/// Each group as its id, its title key and its offers' ids, in the order given.
fn shape(groups: &[ProductGroup]) -> Vec<(String, ProductKey, Vec<String>)> {
    let ids = |g: &ProductGroup| g.offers.iter().map(|(o, _)| o.gateway_id()).collect();
    groups.iter().map(|g| (g.id.clone(), g.key.clone(), ids(g))).collect()
}

#[test]
fn the_same_offers_give_the_same_groups_in_any_order_and_with_repeats() {
    let offers = vec![
        titled("mbiz", "1", "Kertas HVS A4 80gsm Sinar Dunia 1 rim", 100),
        titled("padi", "7", "Kertas HVS Sinar Dunia A4 80 gsm", 100),
        titled("jatim", "3", "SIDU Kertas HVS A4 80gr", 100),
        titled("mbiz", "2", "Kertas HVS F4 70gsm PaperOne", 90),
        titled("padi", "9", "PaperOne HVS F4 70 gsm", 90),
        titled("jatim", "4", "Toner HP 85A hitam", 500),
    ];
    let reference = shape(&group(offers.clone(), None, &policy::Facts::default()));
    assert!(reference.iter().any(|(_, _, ids)| ids.len() >= 2), "some group of several: {reference:?}");
    let group_ids: BTreeSet<&String> = reference.iter().map(|(id, _, _)| id).collect();
    assert_eq!(group_ids.len(), reference.len(), "every group its own id: {reference:?}");
    let mut reversed = offers.clone();
    reversed.reverse();
    assert_eq!(shape(&group(reversed, None, &policy::Facts::default())), reference);
    let mut rotated = offers.clone();
    rotated.rotate_left(2);
    let mut repeated = rotated.clone();
    repeated.extend(offers.iter().take(3).cloned());
    assert_eq!(shape(&group(rotated, None, &policy::Facts::default())), reference);
    assert_eq!(
        shape(&group(repeated, None, &policy::Facts::default())),
        reference,
        "an offer listed twice counts once"
    );
}

#[test]
fn offers_whose_marketplaces_state_different_brands_are_never_one_group() {
    let branded = |marketplace: &str, brand: Option<&str>| {
        let mut offer = titled(marketplace, "1", "Kertas HVS A4 80gsm 1 rim", 100);
        offer.brand = brand.map(str::to_string);
        offer
    };
    let unstated = group(vec![branded("mbiz", None), branded("padi", None)], None, &policy::Facts::default());
    assert_eq!(unstated.len(), 1, "the same title is one product: {:?}", shape(&unstated));
    let same = group(
        vec![branded("mbiz", Some("Copylas")), branded("padi", Some("COPYLAS"))],
        None,
        &policy::Facts::default(),
    );
    assert_eq!(same.len(), 1, "{:?}", shape(&same));
    assert_eq!(same[0].key.brand.as_deref(), Some("Copylas"));
    let different = group(
        vec![branded("mbiz", Some("Copylas")), branded("padi", Some("Natural"))],
        None,
        &policy::Facts::default(),
    );
    assert_eq!(different.len(), 2, "{:?}", shape(&different));
}

#[test]
fn a_group_counts_the_offers_it_leaves_out_of_its_unit_prices_by_why() {
    let group = group_of(vec![
        offer("assumed", 3, "pak", false, true),
        offer("per-sheet", 60, "lembar", true, true),
        offer("compact", 1500, "pak", true, false),
        offer("exact-a", 15000, "pak", true, true),
        offer("exact-b", 14000, "pak", true, true),
    ]);
    assert_eq!(group.unit_prices, [Decimal::from(14000), Decimal::from(15000)]);
    let expected = [(Uncounted::NoConfidentPack, 1), (Uncounted::OtherUnit, 1), (Uncounted::Approximate, 1)];
    assert_eq!(group.uncounted, expected);
    assert!(group_of(vec![offer("a", 10, "pcs", true, true)]).uncounted.is_empty());
}

#[test]
fn a_group_is_titled_by_what_its_offers_are_never_by_a_kind_they_are_not() {
    let clip = product::offer_key("Paper Clip Joyko No 3", Some("Joyko"), None);
    let title = group_title(&clip);
    assert!(!title.contains("Kertas"), "{title}");
    assert!(title.contains("Clip") && title.contains("Joyko"), "{title}");
    let paper = product::offer_key("PAPER SIDU A4 80GSM", None, None);
    assert!(group_title(&paper).starts_with("Kertas HVS"), "{}", group_title(&paper));
    // A permanent marker written `Spidol … Permanent` is no whiteboard marker (review25b F4).
    let permanent = group_title(&product::offer_key("Spidol Snowman Permanent Hitam", None, None));
    assert!(permanent.starts_with("Spidol Snowman") && !permanent.contains("Whiteboard"), "{permanent}");
    let bag = group_title(&product::offer_key("Tas Spidol Titi Hitam", None, None));
    assert!(!bag.contains("Whiteboard"), "{bag}");
    let whiteboard = group_title(&product::offer_key("Spidol Snowman Whiteboard Hitam", None, None));
    assert!(whiteboard.starts_with("Spidol Whiteboard Snowman"), "{whiteboard}");
    // One naming no type is not called a whiteboard marker (review33w W33-4).
    let untyped = group_title(&product::offer_key("Spidol Snowman Hitam", None, None));
    assert!(untyped.starts_with("Spidol Snowman") && !untyped.contains("Whiteboard"), "{untyped}");
}

#[test]
fn the_median_is_the_spreadsheets_and_written_without_trailing_zeros() {
    let d = |text: &str| text.parse::<Decimal>().expect("decimal");
    let odd = median(&[d("100.000"), d("2220.000"), d("3000")]).expect("a median");
    assert_eq!(odd.to_string(), "2220");
    let even = median(&[d("1570.1250"), d("1570.2500")]).expect("a median");
    assert_eq!(even.to_string(), "1570.1875");
    assert_eq!(median(&[]), None);
}

#[test]
fn bottles_and_pieces_of_one_product_are_compared_and_sheets_are_not() {
    // "Dus (24 Botol)" and "Dus isi 24" of the same water.
    let group = group_of(vec![
        offer("per-bottle-a", 3000, "botol", true, true),
        offer("per-bottle-b", 3100, "botol", true, true),
        offer("per-piece", 2900, "pcs", true, true),
        offer("per-sheet", 60, "lembar", true, true),
    ]);
    assert_eq!(group.unit_prices, [Decimal::from(2900), Decimal::from(3000), Decimal::from(3100)]);
    assert_eq!(cheapest_id(&group), Some("per-piece"));
    assert_eq!(group.uncounted, [(Uncounted::OtherUnit, 1)]);
}

#[test]
fn groups_that_differ_in_words_alone_are_titled_apart_and_named_near_each_other() {
    let offers = vec![
        titled("ekatalog", "1", "Sewa Mobil Toyota Avanza dengan Sopir", 650_000),
        titled("mbiz", "2", "Rental Mobil Toyota Avanza dengan Sopir", 640_000),
        titled("ekatalog", "3", "Sewa Mobil Toyota Hiace Commuter dengan Sopir", 1_200_000),
        titled("mbiz", "4", "Sewa Mobil Toyota Innova Reborn dengan Sopir", 900_000),
    ];
    let groups = group(offers, None, &policy::Facts::default());
    let mut titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
    titles.sort_unstable();
    let expected = [
        "Sewa Mobil Toyota Avanza +SOPIR",
        "Sewa Mobil Toyota Hiace Commuter +SOPIR",
        "Sewa Mobil Toyota Innova Reborn +SOPIR",
    ];
    assert_eq!(titles, expected, "{:?}", shape(&groups));
    for group in &groups {
        let near: Vec<&str> = group.near.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(near.len(), 2, "{}: {near:?}", group.title);
        assert!(near.iter().all(|t| *t != group.title), "{near:?}");
        assert!(
            group.near.iter().all(|n| n.apart.conflicts.iter().any(|c| c.starts_with("words "))),
            "{:?}",
            group.near
        );
    }
}

#[test]
fn a_title_names_the_variant_every_offer_of_the_group_is() {
    let offers = vec![
        titled("ekatalog", "1", "Jasa Tenaga Ahli Sistem Informasi", 9_000_000),
        titled("mbiz", "2", "Tenaga Ahli Sistem Informasi per Orang Bulan", 9_500_000),
        titled("ekatalog", "3", "Sewa Mobil Daihatsu Xenia dengan Sopir", 600_000),
        titled("mbiz", "4", "Kertas HVS Sinar Dunia A4 80gsm", 50_000),
    ];
    let groups = group(offers, None, &policy::Facts::default());
    let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
    assert!(titles.contains(&"Tenaga Ahli Sistem Informasi"), "{titles:?}");
    assert!(titles.contains(&"Sewa Mobil Daihatsu Xenia +SOPIR"), "{titles:?}");
    assert!(titles.contains(&"Kertas HVS Sinar Dunia A4 80GSM"), "in the order written: {titles:?}");
}

#[test]
fn a_group_names_a_brand_only_when_a_table_knows_it_or_an_offer_states_it() {
    let brand_of = |title: &str, stated: Option<&str>| {
        let mut offer = titled("mbiz", "1", title, 100);
        offer.brand = stated.map(str::to_string);
        let groups = group(vec![offer], None, &policy::Facts::default());
        groups[0].brand().map(str::to_string)
    };
    assert_eq!(brand_of("Seragam PDH Khaki Lengan Panjang", None), None);
    assert_eq!(brand_of("Jasa Tenaga Ahli Hukum", None), None);
    assert_eq!(brand_of("Kertas HVS Sinar Dunia A4 80gsm", None).as_deref(), Some("Sinar Dunia"));
    assert_eq!(brand_of("Kertas HVS Copylas A4 80gsm", None), None);
    assert_eq!(brand_of("Kertas HVS Copylas A4 80gsm", Some("COPYLAS")).as_deref(), Some("Copylas"));
}

#[test]
fn a_brand_read_past_the_maker_shows_the_maker_an_offer_states() {
    let offer = |id: &str, title: &str, stated: Option<&str>| {
        let mut offer = titled("mbiz", id, title, 25_000);
        offer.brand = stated.map(str::to_string);
        offer
    };
    // The title-only offer comes first (by id), so the key the group was matched on reads
    // `Ujilampu Sorot` (a word no table knows; `Bohlam` is a known word since review34m M34-6).
    let offers = vec![
        offer("1", "Ujilampu Lampu Sorot LED 12 Watt Putih", None),
        offer("2", "Lampu Sorot LED 12 Watt Putih", Some("UJILAMPU")),
    ];
    let groups = group(offers, None, &policy::Facts::default());
    assert_eq!(groups.len(), 1, "{:?}", shape(&groups));
    assert_eq!(groups[0].lead.brand.as_deref(), Some("Ujilampu Sorot"));
    assert_eq!(groups[0].brand(), Some("Ujilampu"));
    // Whole words only, and what the brand writes first.
    assert_eq!(super::stated_part("Ujilampu Sorot", "Uji"), None);
    assert_eq!(super::stated_part("Ujilampu Sorot", " ujilampu sorot "), Some("Ujilampu Sorot"));
    assert_eq!(super::stated_part("Ujilampu Sorot", "Sorot"), None);
    assert_eq!(super::stated_part("Ujilampu Sorot", ""), None);
}

#[test]
fn a_title_keeps_the_order_its_first_offer_writes_not_a_sorted_one() {
    let offers = vec![titled("mbiz", "1", "Laptop Lenovo ThinkPad E14 Core i7 16GB 1TB SSD", 15_000_000)];
    let groups = group(offers, None, &policy::Facts::default());
    let title = groups[0].title.as_str();
    let at = |part: &str| title.find(part).unwrap_or_else(|| panic!("{part} in {title}"));
    assert!(at("E14") < at("I7") && at("I7") < at("16GB") && at("16GB") < at("1TB"), "{title}");
}

#[test]
fn a_title_follows_the_offer_that_writes_the_brand_first_and_keeps_a_bare_number_with_its_word() {
    let offers = vec![
        titled(
            "ekatalog",
            "1",
            "Laptop Kantor Core i7 / 16 GB / 1 TB SSD / Windows 11 Pro merk Lenovo ThinkPad E14",
            15_000,
        ),
        titled("mbiz", "2", "Lenovo ThinkPad E14 - Laptop Kantor Core i7 / 16 GB / 1 TB SSD / Windows 11 Pro", 15_100),
        titled("padi", "3", "Snack Box - Isi 4 Kue + Air Mineral", 20),
        titled("padi", "4", "Jasa Tenaga Ahli Keuangan Daerah", 9_000),
        titled("padi", "5", "Snack Box Isi 2 Kue + Teh Kotak Fresh", 15),
    ];
    let groups = group(offers, None, &policy::Facts::default());
    let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
    assert!(titles.contains(&"Laptop Lenovo ThinkPad E14 I7 16GB 1TB Windows 11 Pro"), "{:?}", shape(&groups));
    assert!(titles.contains(&"Snack Box Isi 4 +AIR Mineral"), "{titles:?}");
    assert!(titles.contains(&"Tenaga Ahli Keuangan Daerah"), "each word as written: {titles:?}");
    assert!(!titles.iter().any(|t| t.contains("Teh +TEH")), "what a title includes is not said twice: {titles:?}");
}

#[test]
fn products_with_no_price_to_count_come_after_the_priced_ones_on_as_many_marketplaces() {
    let unpriced = |marketplace: &str, id: &str, title: &str| {
        let mut offer = titled(marketplace, id, title, 1);
        (offer.price, offer.unit_price) = (None, None);
        offer
    };
    let offers = vec![
        unpriced("weird", "1", "Kertas HVS A4 80gsm Kode WX001"),
        unpriced("weird", "2", "Kertas HVS A4 80gsm Kode WX001"),
        titled("mbiz", "3", "Map Plastik Biru Folio", 5_000),
        unpriced("weird", "4", "Tinta Printer Hitam Botol 100 ml"),
        unpriced("padi", "5", "Tinta Printer Hitam Botol 100 ml"),
    ];
    let groups = group(offers, None, &policy::Facts::default());
    let order: Vec<Vec<String>> =
        groups.iter().map(|g| g.offers.iter().map(|(o, _)| o.gateway_id()).collect()).collect();
    // Two marketplaces first, priced or not; then the priced product before two unpriced offers.
    assert_eq!(order, [vec!["padi:5", "weird:4"], vec!["mbiz:3"], vec!["weird:1", "weird:2"]], "{order:?}");
}

#[test]
fn only_the_groups_shown_are_weighed_against_the_others_for_near_ones() {
    let offers = vec![
        titled("ekatalog", "1", "Sewa Mobil Toyota Avanza dengan Sopir", 650_000),
        titled("mbiz", "2", "Rental Mobil Toyota Avanza dengan Sopir", 640_000),
        titled("ekatalog", "3", "Sewa Mobil Toyota Hiace Commuter dengan Sopir", 1_200_000),
        titled("mbiz", "4", "Sewa Mobil Toyota Innova Reborn dengan Sopir", 900_000),
    ];
    let all = group(offers.clone(), None, &policy::Facts::default());
    let shown = grouped(offers, None, &policy::Facts::default(), 1);
    assert_eq!(shape(&shown), shape(&all));
    let titles = |g: &ProductGroup| g.near.iter().map(|n| n.title.clone()).collect::<Vec<_>>();
    // The first still names near groups among all of them, the ones not shown are never weighed.
    assert_eq!(titles(&shown[0]), titles(&all[0]));
    assert_eq!(titles(&shown[0]).len(), 2);
    assert!(shown[1..].iter().all(|g| g.near.is_empty()), "{:?}", shown.iter().map(titles).collect::<Vec<_>>());
}

#[test]
fn a_title_never_says_a_word_of_a_guessed_brand_twice() {
    // With a kind, before a bare number; with no kind, beside the title's own words.
    for title in ["Kertas HVS A4 80 gsm stub clamp 000", "Kertas HVS A4 80 gsm stub weird 001", "Stub Clamp Merah"] {
        let groups = group(vec![titled("mbiz", "1", title, 100)], None, &policy::Facts::default());
        let words: Vec<String> = groups[0].title.split_whitespace().map(str::to_lowercase).collect();
        let mut seen = BTreeSet::new();
        assert!(words.iter().all(|w| seen.insert(w)), "{} from {title}: {:?}", groups[0].title, shape(&groups));
    }
}

#[test]
fn a_ream_listed_at_rp_100_beside_reams_at_rp_55_000_is_neither_the_cheapest_nor_counted() {
    let group = group_of(vec![
        offer("placeholder", 100, "rim", true, true),
        offer("ream-a", 55_000, "rim", true, true),
        offer("ream-b", 56_000, "rim", true, true),
        offer("ream-c", 57_000, "rim", true, true),
    ]);
    assert_eq!(cheapest_id(&group), Some("ream-a"));
    assert_eq!(group.unit_prices, [Decimal::from(55_000), Decimal::from(56_000), Decimal::from(57_000)]);
    assert_eq!(group.uncounted, [(Uncounted::FarBelowOthers, 1)]);
}
