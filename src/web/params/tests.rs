//! The buyer pages' URL contract: what is read, refused and written back.

use super::*;

#[test]
fn the_documented_url_reads_as_a_policy_comparison_for_kota_kediri() {
    let (query, invalid) = parse(Some("q=kertas+hvs+a4&region=35.71&pdn=1&umk=1&sort=policy"));
    assert!(invalid.is_empty(), "{invalid:?}");
    assert_eq!(query.q, "kertas hvs a4");
    assert_eq!(query.region.map(|r| r.name), Some("Kota Kediri"));
    assert_eq!(query.sort(), Sort::Policy);
    let params = query.compare_params();
    assert!(params.filter.umk_only && params.filter.pdn_tiers.is_some());
    assert_eq!(params.buyer.map(|b| b.region_code), Some("35.71".to_string()));
}

#[test]
fn a_survey_chooses_at_most_a_hundred_offers() {
    let url = |n: usize| format!("q=x{}", (0..n).map(|i| format!("&offer=mbiz:{i}")).collect::<String>());
    let (query, invalid) = parse(Some(&url(100)));
    assert!(invalid.is_empty(), "{invalid:?}");
    assert_eq!(query.chosen.len(), 100);
    let (query, invalid) = parse(Some(&url(9_000)));
    assert_eq!(invalid.iter().map(|i| i.field).collect::<Vec<_>>(), ["offer"], "said once");
    assert_eq!(query.chosen.len(), 100, "the rest is not read into the survey");
    let said = invalid[0].problem(Lang::En);
    assert!(said.starts_with("A survey holds at most 100 offers"), "not an unknown parameter: {said}");
}

#[test]
fn a_search_text_that_is_not_utf8_is_refused_as_such_and_a_control_character_as_one() {
    let problem = |raw: &str| {
        let (_, invalid) = parse(Some(raw));
        invalid.iter().find(|i| i.field == "q").map(|i| i.problem(Lang::En)).unwrap_or_default()
    };
    assert!(problem("q=kertas%FF").starts_with("The search text is not valid UTF-8"), "{}", problem("q=kertas%FF"));
    assert!(problem("q=%FF%FE").starts_with("The search text is not valid UTF-8"));
    let control = problem("q=kertas%00hvs");
    assert!(
        control.starts_with("The search text holds a control or text-direction character")
            && control.contains("kertas␀hvs"),
        "{control}"
    );
}

#[test]
fn a_price_range_from_above_its_end_is_refused_at_its_end() {
    let (_, invalid) = parse(Some("q=x&min=300000&max=100"));
    assert_eq!(invalid, [Invalid { field: "max", value: "100".into() }]);
    assert!(invalid[0].problem(Lang::Id).starts_with("Harga sampai harus sama dengan atau lebih dari harga dari"));
    let (_, fine) = parse(Some("q=x&min=100&max=100"));
    assert!(fine.is_empty(), "{fine:?}");
    let (_, unreadable) = parse(Some("q=x&max=150rb"));
    assert!(unreadable[0].problem(Lang::Id).starts_with("Harga harus jumlah rupiah"), "{unreadable:?}");
}

#[test]
fn prices_are_read_exactly_and_guesses_are_refused() {
    let (query, invalid) = parse(Some("q=x&min=150.000&max=Rp1.250.000,50"));
    assert!(invalid.is_empty(), "{invalid:?}");
    assert_eq!(query.min_price, Some(Decimal::new(150_000, 0)));
    assert_eq!(query.max_price, Some(Decimal::new(125_000_050, 2)));
    let (_, invalid) = parse(Some("q=x&min=150rb&tkdn=140&region=99.99&top=0&lang=xx"));
    let fields: Vec<&str> = invalid.iter().map(|i| i.field).collect();
    assert_eq!(fields, ["min", "tkdn", "region", "top", "lang"]);
}

#[test]
fn an_english_page_reads_amounts_as_it_writes_them_wherever_lang_stands() {
    let (query, invalid) = parse(Some("q=x&min=150,000&max=Rp1,250,000.50&lang=en"));
    assert!(invalid.is_empty(), "{invalid:?}");
    assert_eq!(query.min_price, Some(Decimal::new(150_000, 0)));
    assert_eq!(query.max_price, Some(Decimal::new(125_000_050, 2)));
    let (query, invalid) = parse(Some("lang=en&min=150.000"));
    assert_eq!((query.min_price, invalid.len()), (None, 1), "150.000 is refused in English, not read as 150");
    let (query, _) = parse(Some("q=x&min=150.000"));
    assert_eq!(query.min_price, Some(Decimal::new(150_000, 0)), "the Indonesian page as before");
}

#[test]
fn without_a_region_the_policy_order_falls_back_to_unit_price() {
    let (query, _) = parse(Some("q=x&sort=policy"));
    assert_eq!(query.sort(), Sort::UnitPrice);
    assert!(query.compare_params().buyer.is_none());
}

#[test]
fn a_repeated_lang_reads_amounts_in_the_language_the_page_is_written_in() {
    let (query, invalid) = parse(Some("q=kertas&lang=en&lang=id&min=150.000"));
    assert_eq!((query.lang, query.min_price, invalid.len()), (Lang::Id, Some(Decimal::from(150_000)), 0));
    let (query, invalid) = parse(Some("q=kertas&lang=id&lang=en&min=1,500"));
    assert_eq!((query.lang, query.min_price, invalid.len()), (Lang::En, Some(Decimal::from(1_500)), 0));
}

#[test]
fn links_carry_the_search_and_the_extra_pairs() {
    let (query, _) = parse(Some("q=kertas+hvs&region=35.71&lang=en"));
    let link = query.link("/survey.csv", &[("top", "2".into())]);
    assert_eq!(link, "/survey.csv?q=kertas+hvs&region=35.71&lang=en&top=2");
}
