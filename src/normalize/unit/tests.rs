use super::*;
use rust_decimal_macros::dec;

fn case(field: Option<&str>, title: &str) -> (Option<String>, Option<Decimal>) {
    let unit = parse_unit(field, title);
    (unit.base_unit, unit.quantity)
}

/// Unit field, title, expected base unit, expected pack size.
type Case = (Option<&'static str>, &'static str, Option<&'static str>, Option<Decimal>);

#[test]
fn packs_are_read_from_unit_fields_and_titles() {
    let cases: &[Case] = &[
        (Some("Rim"), "Kertas HVS A4 80gsm Sinar Dunia", Some("lembar"), Some(dec!(500))),
        (Some("rim"), "Kertas HVS A4 80 gsm 1 rim", Some("lembar"), Some(dec!(500))),
        (Some("box"), "Kertas HVS A4 80gsm Box 5 Rim", Some("lembar"), Some(dec!(2500))),
        (Some("box"), "Kertas HVS A4 80gsm 1 Box (5 Rim)", Some("lembar"), Some(dec!(2500))),
        (None, "SIDU HVS A4 80 gr (500 lbr)", Some("lembar"), Some(dec!(500))),
        (Some("Dus"), "Air Mineral 600 ml dus 24 botol", Some("botol"), Some(dec!(24))),
        (Some("box"), "Ballpoint hitam 0,5 mm box isi 12", Some("pcs"), Some(dec!(12))),
        (Some("Pak"), "Amplop coklat kabinet pak 100", Some("pcs"), Some(dec!(100))),
        (Some("Lusin"), "Ballpoint Standard AE7 hitam", Some("pcs"), Some(dec!(12))),
        (None, "Ballpoint Standard AE7 2 lusin", Some("pcs"), Some(dec!(24))),
        (Some("Kodi"), "Kain seragam", Some("pcs"), Some(dec!(20))),
        (Some("gross"), "Klip kertas No. 3", Some("pcs"), Some(dec!(144))),
        (Some("Box"), "Masker medis 3-ply isi 50 pcs", Some("pcs"), Some(dec!(50))),
        (Some("unit"), "Laptop Core i5 16GB 512GB", Some("unit"), Some(dec!(1))),
        (Some("Kg"), "Gula pasir 1 kg", Some("kg"), Some(dec!(1))),
        (Some("Galon"), "Air mineral galon 19 L", Some("galon"), Some(dec!(1))),
        (Some("pcs"), "Flashdisk 64GB", Some("pcs"), Some(dec!(1))),
        (Some("box isi 12"), "Pulpen", Some("pcs"), Some(dec!(12))),
        (Some("Rim"), "HVS A4 5rim", Some("lembar"), Some(dec!(500))),
        (Some("orang-bulan"), "Jasa Tenaga Ahli per Orang Bulan", Some("orang-bulan"), Some(dec!(1))),
        (None, "Kopi Dus 20 x 1 Kg", Some("kg"), Some(dec!(20))),
        (Some("renceng"), "Kopi Kapal Api Renceng isi 10 Sachet", Some("sachet"), Some(dec!(10))),
        (Some("box"), "Teh Celup Lipton Green Tea isi 25 Kantong", Some("kantong"), Some(dec!(25))),
        (Some("kantong"), "Masker Sensi 3 Ply Earloop Kantong isi 10 pcs", Some("pcs"), Some(dec!(10))),
        (Some("Kantong"), "Kantong Plastik Hitam", Some("kantong"), Some(dec!(1))),
    ];
    for (field, title, base, quantity) in cases {
        assert_eq!(case(*field, title), (base.map(str::to_string), *quantity), "{field:?} / {title}");
    }
}

#[test]
fn a_model_code_is_never_a_pack_count() {
    let twelve = (Some("pcs".to_string()), Some(dec!(12)));
    assert_eq!(case(Some("Lusin"), "Pulpen Faster Biru 0,5 mm C600 (Lusin isi 12 Pcs)"), twelve);
    assert_eq!(case(None, "Pulpen Faster Biru 0,5 mm C600 (Lusin isi 12 Pcs)"), twelve);
    assert_eq!(case(None, "Ballpoint Snowman V-5 Lusin isi 12 Pcs"), twelve);
    assert_eq!(case(None, "Pulpen Joyko BP-338 1 Lusin"), twelve);
    assert_eq!(case(None, "Spidol Snowman BG-12 Hitam Gross isi 144 Pcs").1, Some(dec!(144)));
    assert_eq!(case(None, "SNOWMAN BG-12 HITAM 1 GROSS").1, Some(dec!(144)));
    assert_eq!(case(None, "Tinta Epson 003 70 ml hitam").1, None, "003 counts nothing");
    let computer = parse_unit(Some("Unit"), "Lenovo IdeaCentre AIO 3 PC All in One Core i5 / 8 GB / 512 GB SSD");
    assert_eq!((computer.quantity, computer.confident), (Some(dec!(1)), true));
    assert_eq!(case(None, "Klip Kertas isi 10 pc").1, Some(dec!(10)));
}

#[test]
fn a_container_of_unstated_size_is_unknown_not_one() {
    for (field, title) in [
        (Some("DUS"), "Air Mineral Aqua 600 ml /DUS"),
        (Some("Box"), "Pulpen Standard AE7 Hitam 1 BOX"),
        (Some("Karton"), "Masker Medis Sensi 3 Ply Hijau Karton isi 40 Box"),
        (Some("karton"), "Masker Medis Sensi 3 Ply 1 Karton (40 Box)"),
        (Some("Dus"), "Kopi Kapal Api Dus isi 12 Renceng"),
        (None, "Kopi Kapal Api Dus isi 12 Renceng"),
        (Some("box"), "Kertas HVS A4 1 Rim"),
    ] {
        let unit = parse_unit(field, title);
        assert_eq!(unit.quantity, None, "{field:?} / {title}");
        assert!(!unit.confident && unit.note.is_some(), "{field:?} / {title}");
    }
}

#[test]
fn derivation_and_confidence_say_where_the_size_comes_from() {
    let unit = parse_unit(Some("Rim"), "Kertas HVS A4 1 Rim");
    assert_eq!((unit.derivation, unit.confident), (PackDerivation::Stated, true));
    let unit = parse_unit(Some("Dus"), "Air Mineral 600 ml Dus isi 24 Botol");
    assert_eq!((unit.derivation, unit.confident), (PackDerivation::Title, true));
    let unit = parse_unit(None, "Tinta Epson 003 70 ml hitam");
    assert_eq!((unit.derivation, unit.confident, unit.quantity), (PackDerivation::Assumed, false, None));
    // The unit field wins over the title, but a title that disagrees makes it unfit to compare.
    let unit = parse_unit(Some("pcs"), "Masker Medis isi 50 pcs");
    assert_eq!((unit.derivation, unit.confident, unit.quantity), (PackDerivation::Stated, false, Some(dec!(1))));
}

#[test]
fn a_unit_field_stating_a_size_not_read_is_not_a_base_unit_of_its_own() {
    let unit = parse_unit(Some("Roll 50 m"), "Kabel NYM 2x1,5");
    assert_eq!((unit.base_unit, unit.quantity, unit.confident), (None, None, false));
    assert_eq!(unit.name.as_deref(), Some("roll 50 m"));
}

#[test]
fn the_unit_name_is_kept_as_the_marketplace_wrote_it_lowercased_and_none_is_made_up() {
    assert_eq!(parse_unit(Some(" Rim "), "x").name.as_deref(), Some("rim"));
    assert_eq!(parse_unit(None, "x").name, None);
    assert_eq!(parse_unit(None, "Kertas A4 1 Rim").name, None, "the title states the pack, not a unit field");
}

#[test]
fn absurd_counts_are_not_taken_as_pack_sizes() {
    assert_eq!(case(None, "box isi 99999999999"), (None, None));
    assert_eq!(case(None, "0 lembar"), (None, None));
}

/// The property over every sandbox listing: the catalogue is generated in-process.
#[cfg(feature = "sandbox")]
mod sandbox_catalogue {
    use super::*;
    use crate::sandbox::{Catalogue, MarketplaceKind, SandboxOptions};

    /// `N` and the word after it from the first `isi N` in a title, read independently of the reader.
    fn isi_statement(title: &str) -> Option<(u32, Option<String>)> {
        let lower = title.to_lowercase();
        let tokens: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
        let at = tokens.iter().position(|t| *t == "isi")?;
        let n = tokens.get(at + 1)?.parse().ok()?;
        Some((n, tokens.get(at + 2).map(|w| (*w).to_string())))
    }

    /// The pack size an `isi N <word>` statement allows: N of a base unit, N times a fixed pack's
    /// size; `None` when it counts things of unstated size (then only "unknown" or the truth fit).
    fn allowed_by_isi(n: u32, word: Option<&str>) -> Option<Decimal> {
        match word {
            None => Some(Decimal::from(n)),
            Some(word) if base_unit(word).is_some() || FILLERS.contains(&word) => Some(Decimal::from(n)),
            Some(word) => fixed_pack(word).map(|(_, size)| Decimal::from(n * size)),
        }
    }

    #[test]
    fn every_sandbox_offer_that_says_isi_n_reads_as_n_or_unknown_and_never_disagrees_with_the_truth() {
        let options = SandboxOptions::default();
        let catalogue = Catalogue::generate(options.products, options.seed);
        let (mut checked, mut known, mut wrong) = (0usize, 0usize, Vec::new());
        let mut against_truth = (0usize, Vec::new());
        let mut unknown_by = std::collections::BTreeMap::new();
        let mut of_other_things = 0usize;
        for &kind in MarketplaceKind::all() {
            for i in 0..catalogue.products_per_marketplace() {
                let view = catalogue.view(kind, i);
                let title = kind.title(&view);
                let unit = parse_unit(Some(view.pack.unit), &title);
                if unit.base_unit.as_deref() == Some(view.good.base_unit) && unit.confident {
                    against_truth.0 += 1;
                    if unit.quantity != Some(Decimal::from(view.pack.quantity)) {
                        against_truth.1.push(format!("{title} [{}]: {:?}", view.pack.unit, unit.quantity));
                    }
                }
                let Some((n, word)) = isi_statement(&title) else { continue };
                let Some(allowed) = allowed_by_isi(n, word.as_deref()) else {
                    // `isi 4 Kue`, `isi 40 Box`: a count of things of unstated size claims no pack
                    // size; the truth check above covers these offers.
                    of_other_things += 1;
                    continue;
                };
                checked += 1;
                match unit.quantity {
                    None => *unknown_by.entry(format!("{word:?} [{}]", view.pack.unit)).or_insert(0) += 1,
                    Some(q) if q == allowed => known += 1,
                    Some(q) => wrong.push(format!("{title} [{}]: {q}, isi allows {allowed}", view.pack.unit)),
                }
            }
        }
        eprintln!("unknown after isi N: {unknown_by:?}");
        eprintln!(
            "isi N titles checked: {checked}, read as N: {known}; isi N of other things: {of_other_things}; \
             confident same-base readings checked against the truth: {}",
            against_truth.0
        );
        assert!(checked > 6_000, "only {checked} sandbox titles say isi N");
        assert!(
            wrong.is_empty(),
            "{} of {checked} disagree with their own isi N: {:#?}",
            wrong.len(),
            &wrong[..wrong.len().min(20)]
        );
        assert!(known * 10 > checked * 9, "only {known} of {checked} isi-N titles were read");
        assert!(against_truth.0 > 20_000, "only {} confident readings in the truth's base unit", against_truth.0);
        let misread = &against_truth.1;
        assert!(
            misread.is_empty(),
            "{} confident packs disagree with the truth: {:#?}",
            misread.len(),
            &misread[..misread.len().min(20)]
        );
    }
}

#[test]
fn the_pack_statements_issue_24_names_are_read_wherever_the_title_states_them() {
    let cases: &[Case] = &[
        (None, "Pulpen Joyko Hitam @25", Some("pcs"), Some(dec!(25))),
        (None, "Envelope White No. 104 box of 50", Some("pcs"), Some(dec!(50))),
        (None, "Gula Pasir Rose Brand isi 6 x 2 kg", Some("kg"), Some(dec!(12))),
        (None, "Kertas HVS A4 70 gsm 1 DUS = 4 RIM", Some("lembar"), Some(dec!(2000))),
        (None, "Kertas HVS A4 70 gsm (10 rim)", Some("lembar"), Some(dec!(5000))),
        (None, "Pensil 2B Eterna per lusin", Some("pcs"), Some(dec!(12))),
        // The unit field's `dus` is the title's `karton`: one statement, not a conflict.
        (Some("dus"), "Air Mineral Cleo 600 ml 1 karton isi 48", Some("pcs"), Some(dec!(48))),
        // Nested: a karton of 48 packs of 200 sheets is 9,600 sheets, not a karton of 200.
        (None, "Tisu Wajah Nice 200 Sheet (1 Karton (48 Pak))", Some("lembar"), Some(dec!(9600))),
    ];
    for (field, title, base, quantity) in cases {
        assert_eq!(case(*field, title), (base.map(str::to_string), *quantity), "{field:?} {title}");
    }
}

fn count(field: Option<&str>, title: &str) -> Option<(Option<&'static str>, u32, Option<&'static str>)> {
    pack_count(field, title).map(|c| (c.pack, c.quantity, c.named))
}

#[test]
fn a_bare_count_after_a_pack_word_names_no_unit_and_may_count_packs() {
    // Review 25 R5: the karton of 40 boxes of masks, the box and karton of pens.
    let karton = pack_count(Some("karton"), "Masker Sensi 3 Ply Earloop Karton isi 40").expect("a count");
    assert_eq!((karton.pack, karton.quantity, karton.named), (Some("dus"), 40, None));
    assert!(karton.may_count_packs());
    assert!(pack_count(Some("box"), "Pulpen Standard AE7 Hitam Box isi 12").is_some_and(|c| c.may_count_packs()));
    assert_eq!(count(Some("dus"), "Hand Sanitizer Antis Dus isi 12"), Some((Some("dus"), 12, None)));
    assert_eq!(count(Some("box"), "Kertas HVS A4 70 gsm Sinar Dunia Box isi 5"), Some((Some("box"), 5, None)));
}

#[test]
fn a_count_with_its_unit_word_names_it() {
    let mask_box = pack_count(Some("box"), "Masker Sensi 3 Ply Earloop Box isi 50 pcs").expect("a count");
    assert_eq!((mask_box.pack, mask_box.quantity, mask_box.named), (Some("box"), 50, Some("pcs")));
    assert!(!mask_box.may_count_packs());
    assert_eq!(
        count(Some("dus"), "Hand Sanitizer Antis 500 ml 1 Dus (12 Botol)"),
        Some((Some("dus"), 12, Some("botol")))
    );
    assert_eq!(count(None, "Amplop Paperline Pak isi 100 Lembar"), Some((Some("pak"), 100, Some("lembar"))));
    // The pack word is the unit field's when the title names none.
    assert_eq!(count(Some("pak"), "Kertas HVS A4 70 gsm isi 5 Lembar"), Some((Some("pak"), 5, Some("lembar"))));
}

#[test]
fn a_bare_count_after_a_pak_is_pieces() {
    // A pak is the inner pack: `1 Pak isi 100` envelopes are a hundred envelopes.
    let pak = pack_count(None, "Amplop Paperline Putih 110 Polos 1 Pak isi 100").expect("a count");
    assert_eq!((pak.pack, pak.quantity, pak.named), (Some("pak"), 100, None));
    assert!(!pak.may_count_packs());
}

#[test]
fn an_offer_is_never_priced_by_a_bare_count_after_a_box_dus_or_karton_alone() {
    let held = |field: Option<&str>, title: &str| {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        (unit.quantity, unit.confident, unit.note == Some(BARE_PACK_COUNT))
    };
    for (field, title) in [
        (Some("karton"), "Masker Sensi 3 Ply Earloop Karton isi 40"),
        (None, "Masker Sensi 3 Ply Earloop Karton isi 40"),
        (Some("karton"), "PASEO Tisu 200 Sheet 2 Ply Karton isi 48"),
        (Some("box"), "Pulpen Standard AE7 Hitam Box isi 12"),
        (Some("box isi 12"), "Pulpen Standard AE7 Hitam"),
        (Some("dus"), "Hand Sanitizer Antis Dus isi 12"),
        (Some("box"), "Teh Celup Sariwangi Black Tea isi 25"),
    ] {
        assert_eq!(held(field, title), (None, false, true), "{field:?} / {title}");
    }
    // A count with its unit, a fixed pack, a pak (the inner pack) and a container the title
    // does not size keep what `parse_unit` reads.
    for (field, title) in [
        (Some("box"), "Masker Sensi 3 Ply Earloop Box isi 50 pcs"),
        (Some("dus"), "Hand Sanitizer Antis 500 ml 1 Dus (12 Botol)"),
        (Some("lusin"), "Pulpen Faster C600 Lusin isi 12 Pcs"),
        (Some("pak"), "Amplop Paperline 1 Pak isi 100"),
        (Some("Karton"), "Masker Medis Sensi 3 Ply Hijau Karton isi 40 Box"),
    ] {
        let read = parse_unit(field, title);
        assert_eq!(hold_bare_count(read.clone(), field, title), read, "{field:?} / {title}");
    }
}

#[test]
fn a_held_reading_is_the_bare_count_read_as_pieces_for_compare_to_confirm() {
    let (unit, count) = held_reading(Some("dus"), "Hand Sanitizer Antis Dus isi 12").expect("held");
    assert_eq!((unit.base_unit.as_deref(), unit.quantity, unit.confident), (Some("pcs"), Some(dec!(12)), true));
    assert_eq!((count.pack, count.quantity, count.named), (Some("dus"), 12, None));
    assert_eq!(held_reading(Some("box"), "Masker Sensi 3 Ply Earloop Box isi 50 pcs"), None);
}

#[test]
fn a_karton_written_ktn_bx_ball_koli_doos_or_slof_holds_its_bare_count_like_a_karton() {
    // review26b F7: each of these, 40 boxes of masks at Rp1.000.002, was Rp25.000 "per mask".
    let held = |field: Option<&str>, title: &str| {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        (unit.quantity, unit.confident, unit.note == Some(BARE_PACK_COUNT))
    };
    for (field, title) in [
        (Some("ktn"), "Masker Coba Earloop Ktn isi 40"),
        (Some("Ktn"), "Masker Coba Earloop isi 40"),
        (Some("Slof"), "Masker Coba Earloop isi 40"),
        (None, "Masker Coba Earloop Ktn isi 40"),
        (Some("Bx"), "Masker Uji Earloop Bx isi 40"),
        (Some("Ball"), "Masker Uji Earloop Ball isi 40"),
        (Some("Bale"), "Masker Uji Earloop Bale isi 40"),
        (Some("Koli"), "Masker Uji Earloop Koli isi 40"),
        (Some("Cartoon"), "Masker Uji Earloop Cartoon isi 40"),
        (Some("Doos"), "Masker Uji Earloop Doos isi 40"),
    ] {
        assert_eq!(held(field, title), (None, false, true), "{field:?} / {title}");
    }
    // A ball point pen is no bal, and a count naming its unit stays counted.
    assert_eq!(held(None, "Pulpen Kenko Ball Point isi 12"), (Some(dec!(12)), true, false));
    assert_eq!(held(Some("Ktn"), "Masker Coba Earloop Ktn isi 40 Box"), (None, false, false));
    assert_eq!(held(Some("Ktn"), "Masker Coba Earloop Ktn isi 2000 pcs"), (Some(dec!(2000)), true, false));
}

#[test]
fn a_count_of_koli_after_the_products_own_count_is_how_it_ships_not_more_of_it() {
    // review27 G1: "Kirim 2 Koli" multiplied the pack: 4 chairs in 2 parcels read as 8 chairs.
    let held = |field: Option<&str>, title: &str| {
        let unit = hold_bare_count(parse_unit(field, title), field, title);
        (unit.base_unit, unit.quantity)
    };
    let pcs = |n| (Some("pcs".to_string()), Some(n));
    assert_eq!(held(Some("set"), "Ujikoli Kursi Lipat Chitose isi 4 pcs Kirim 2 Koli"), pcs(dec!(4)));
    assert_eq!(held(Some("box"), "Ujiunit Masker isi 50 pcs Pengiriman 3 Koli"), pcs(dec!(50)));
    let water = held(Some("dus"), "Ujiunit Air Mineral 600 ml 24 Botol Kirim 2 Koli");
    assert_eq!(water.1, Some(dec!(24)), "{water:?}");
}
