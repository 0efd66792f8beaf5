use super::*;
use crate::model::LegalForm::{self, *};

/// Raw name → display name, core, legal form; no `Tbk`/`Persero`, no hint.
const NAMES: &[(&str, &str, &str, LegalForm)] = &[
    ("PT. MAJU JAYA ABADI", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("Maju Jaya Abadi, PT", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("pt maju jaya abadi", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("PT.MAJU JAYA ABADI ", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("P.T. Maju Jaya Abadi", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("PT MAJU JAYA ABADI.", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("Maju Jaya Abadi PT", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("Maju Jaya Abadi, P.T.", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("Maju Jaya Abadi ,PT", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("PERSEROAN TERBATAS MAJU JAYA ABADI", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("Maju Jaya Abadi, Perseroan Terbatas", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("ＰＴ．ＭＡＪＵ\u{3000}ＪＡＹＡ\u{3000}ＡＢＡＤＩ", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("PT\u{00A0}Maju\u{00A0}Jaya\u{200B} Abadi", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("  PT   Maju \t Jaya\nAbadi  ", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("PT. PT MAJU JAYA ABADI", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("PT Maju Jaya Abadi, PT", "PT Maju Jaya Abadi", "MAJU JAYA ABADI", Pt),
    ("Maju (PT)", "PT Maju", "MAJU", Pt),
    ("PT.INET GLOBAL INDO", "PT Inet Global Indo", "INET GLOBAL INDO", Pt),
    ("PT. SINAR SURYA CALLISTA ", "PT Sinar Surya Callista", "SINAR SURYA CALLISTA", Pt),
    ("CV.BERKAH MANDIRI", "CV Berkah Mandiri", "BERKAH MANDIRI", Cv),
    ("Berkah Mandiri, CV", "CV Berkah Mandiri", "BERKAH MANDIRI", Cv),
    ("C.V. Berkah Mandiri", "CV Berkah Mandiri", "BERKAH MANDIRI", Cv),
    ("cv berkah mandiri", "CV Berkah Mandiri", "BERKAH MANDIRI", Cv),
    ("Berkah Mandiri CV.", "CV Berkah Mandiri", "BERKAH MANDIRI", Cv),
    ("CV.PARAMITRA TEKNIK", "CV Paramitra Teknik", "PARAMITRA TEKNIK", Cv),
    ("Persekutuan Komanditer Berkah Mandiri", "CV Berkah Mandiri", "BERKAH MANDIRI", Cv),
    ("UD. Sumber Rejeki", "UD Sumber Rejeki", "SUMBER REJEKI", Ud),
    ("U.D. SUMBER REJEKI", "UD Sumber Rejeki", "SUMBER REJEKI", Ud),
    ("Sumber Rejeki, UD", "UD Sumber Rejeki", "SUMBER REJEKI", Ud),
    ("Usaha Dagang Sumber Rejeki", "UD Sumber Rejeki", "SUMBER REJEKI", Ud),
    ("UD Toko Makmur", "UD Toko Makmur", "TOKO MAKMUR", Ud),
    ("Koperasi Pegawai Republik Indonesia (KPRI) Sejahtera", "KPRI Sejahtera", "KPRI SEJAHTERA", Koperasi),
    ("KPRI Sejahtera", "KPRI Sejahtera", "KPRI SEJAHTERA", Koperasi),
    ("KPRI SEJAHTERA", "KPRI Sejahtera", "KPRI SEJAHTERA", Koperasi),
    ("Kop. Pegawai Republik Indonesia Sejahtera", "KPRI Sejahtera", "KPRI SEJAHTERA", Koperasi),
    ("Sejahtera, KPRI", "KPRI Sejahtera", "KPRI SEJAHTERA", Koperasi),
    ("KSU Maju Bersama", "KSU Maju Bersama", "KSU MAJU BERSAMA", Koperasi),
    ("Kop. Serba Usaha Maju Bersama", "KSU Maju Bersama", "KSU MAJU BERSAMA", Koperasi),
    ("Koperasi Serba Usaha (KSU) Maju Bersama", "KSU Maju Bersama", "KSU MAJU BERSAMA", Koperasi),
    ("Koperasi KSU Maju Bersama", "KSU Maju Bersama", "KSU MAJU BERSAMA", Koperasi),
    ("KUD Sumber Tani", "KUD Sumber Tani", "KUD SUMBER TANI", Koperasi),
    ("Koperasi Unit Desa Sumber Tani", "KUD Sumber Tani", "KUD SUMBER TANI", Koperasi),
    ("Koperasi Unit Desa", "KUD", "KUD", Koperasi),
    ("Koperasi Karyawan Sejahtera", "KOPKAR Sejahtera", "KOPKAR SEJAHTERA", Koperasi),
    ("Koperasi Maju Bersama", "Koperasi Maju Bersama", "MAJU BERSAMA", Koperasi),
    ("Kop Maju Bersama", "Koperasi Maju Bersama", "MAJU BERSAMA", Koperasi),
    ("Maju Bersama, Koperasi", "Koperasi Maju Bersama", "MAJU BERSAMA", Koperasi),
    ("Fa. Sinar Terang", "Firma Sinar Terang", "SINAR TERANG", Firma),
    ("Firma Sinar Terang", "Firma Sinar Terang", "SINAR TERANG", Firma),
    ("Sinar Terang, Fa.", "Firma Sinar Terang", "SINAR TERANG", Firma),
    ("Yayasan Pendidikan Al-Ikhlas", "Yayasan Pendidikan Al-Ikhlas", "PENDIDIKAN AL IKHLAS", Yayasan),
    ("YAYASAN AL IKHLAS", "Yayasan Al Ikhlas", "AL IKHLAS", Yayasan),
    ("Toko Sumber Makmur", "Toko Sumber Makmur", "SUMBER MAKMUR", Toko),
    ("Tk. Sumber Makmur", "Toko Sumber Makmur", "SUMBER MAKMUR", Toko),
    ("TK Pertiwi", "TK Pertiwi", "TK PERTIWI", Unknown),
    ("Toko", "Toko", "TOKO", Unknown),
    ("Perum Perumnas", "Perum Perumnas", "PERUMNAS", Perum),
    (
        "Perusahaan Umum Daerah Air Minum Tirta Sembada",
        "Perumda Air Minum Tirta Sembada",
        "AIR MINUM TIRTA SEMBADA",
        Perumda,
    ),
    ("PD. Sumber Rejeki", "PD Sumber Rejeki", "PD SUMBER REJEKI", Unknown),
    ("Sumber Makmur", "Sumber Makmur", "SUMBER MAKMUR", Unknown),
    ("PT", "PT", "PT", Unknown),
    ("Toko Buku PT Jaya", "Toko Buku PT Jaya", "BUKU PT JAYA", Toko),
    ("Maju CV Jaya", "Maju CV Jaya", "MAJU CV JAYA", Unknown),
    ("CV Maju Jaya, PT", "CV Maju Jaya PT", "MAJU JAYA PT", Cv),
    ("PT Toko Bagus", "PT Toko Bagus", "TOKO BAGUS", Pt),
    ("PT. Kopi Kenangan", "PT Kopi Kenangan", "KOPI KENANGAN", Pt),
    ("PT Maju & Putra", "PT Maju & Putra", "MAJU PUTRA", Pt),
    ("PT Maju&Putra", "PT Maju&Putra", "MAJU PUTRA", Pt),
    ("PT. Jum’at Berkah", "PT Jum'at Berkah", "JUMAT BERKAH", Pt),
    ("CV. Alat Tulis dan ATK", "CV Alat Tulis dan ATK", "ALAT TULIS DAN ATK", Cv),
    ("3M Indonesia, PT", "PT 3M Indonesia", "3M INDONESIA", Pt),
    ("PT Maju Jaya (Cabang Malang)", "PT Maju Jaya (Cabang Malang)", "MAJU JAYA CABANG MALANG", Pt),
    ("PT Maju Jaya (", "PT Maju Jaya", "MAJU JAYA", Pt),
    ("PT Maju Jaya ()", "PT Maju Jaya", "MAJU JAYA", Pt),
    ("PT. \u{1F642} Maju Jaya", "PT Maju Jaya", "MAJU JAYA", Pt),
    ("PT \"MAJU JAYA\" - ", "PT Maju Jaya", "MAJU JAYA", Pt),
    ("PT. Çelik Anadolu", "PT Çelik Anadolu", "ÇELIK ANADOLU", Pt),
    ("CV Cafe\u{0301} Jaya", "CV Cafe\u{0301} Jaya", "CAFE\u{0301} JAYA", Cv),
    ("", "", "", Unknown),
    ("  ,.,  ", "", "", Unknown),
];

#[test]
fn vendor_names_canonicalise_to_form_core_and_display() {
    for (raw, name, core, form) in NAMES {
        let got = canonical_name(raw, None);
        assert_eq!(
            (got.name.as_str(), got.core.as_str(), got.legal_form, got.tbk, got.persero),
            (*name, *core, *form, false, false),
            "{raw:?}"
        );
        assert!(!got.hint_conflict, "{raw:?}");
    }
}

/// Raw name → display name, core, tbk, persero; all are PTs.
const MODIFIERS: &[(&str, &str, &str, bool, bool)] = &[
    ("PT SINAR NUSANTARA TBK", "PT Sinar Nusantara Tbk", "SINAR NUSANTARA", true, false),
    ("PT. Sinar Nusantara Tbk.", "PT Sinar Nusantara Tbk", "SINAR NUSANTARA", true, false),
    ("PT Sinar Nusantara, Tbk", "PT Sinar Nusantara Tbk", "SINAR NUSANTARA", true, false),
    ("Sinar Nusantara Tbk, PT", "PT Sinar Nusantara Tbk", "SINAR NUSANTARA", true, false),
    ("PT Sinar Nusantara (Tbk)", "PT Sinar Nusantara Tbk", "SINAR NUSANTARA", true, false),
    ("Sinar Nusantara Tbk", "PT Sinar Nusantara Tbk", "SINAR NUSANTARA", true, false),
    ("PT. Maju Jaya (Persero)", "PT Maju Jaya (Persero)", "MAJU JAYA", false, true),
    ("PT Maju Jaya (PERSERO)", "PT Maju Jaya (Persero)", "MAJU JAYA", false, true),
    ("PT (Persero) Maju Jaya", "PT Maju Jaya (Persero)", "MAJU JAYA", false, true),
    ("PT Persero Maju Jaya", "PT Maju Jaya (Persero)", "MAJU JAYA", false, true),
    ("PT Maju Jaya Persero", "PT Maju Jaya (Persero)", "MAJU JAYA", false, true),
    ("Maju Jaya (Persero), PT", "PT Maju Jaya (Persero)", "MAJU JAYA", false, true),
    ("PT. POS INDONESIA (PERSERO)", "PT Pos Indonesia (Persero)", "POS INDONESIA", false, true),
    ("PT PLN (Persero)", "PT PLN (Persero)", "PLN", false, true),
    (
        "PT Pelabuhan Indonesia II (Persero)",
        "PT Pelabuhan Indonesia II (Persero)",
        "PELABUHAN INDONESIA II",
        false,
        true,
    ),
    (
        "PT Bank Negara Indonesia (Persero) Tbk",
        "PT Bank Negara Indonesia (Persero) Tbk",
        "BANK NEGARA INDONESIA",
        true,
        true,
    ),
    (
        "PT. BANK RAKYAT INDONESIA (PERSERO), TBK.",
        "PT Bank Rakyat Indonesia (Persero) Tbk",
        "BANK RAKYAT INDONESIA",
        true,
        true,
    ),
    ("PT Telkom (Persero) Cabang Malang", "PT Telkom Cabang Malang (Persero)", "TELKOM CABANG MALANG", false, true),
];

#[test]
fn tbk_and_persero_become_flags_and_trail_the_display_name() {
    for (raw, name, core, tbk, persero) in MODIFIERS {
        let got = canonical_name(raw, None);
        assert_eq!(
            (got.name.as_str(), got.core.as_str(), got.legal_form, got.tbk, got.persero),
            (*name, *core, Pt, *tbk, *persero),
            "{raw:?}"
        );
    }
}

/// Raw name, hint → display name, legal form, conflict.
const HINTS: &[(&str, &str, &str, LegalForm, bool)] = &[
    ("Maju Jaya Abadi", "PT", "PT Maju Jaya Abadi", Pt, false),
    ("Maju Jaya Abadi", "Perseroan Terbatas", "PT Maju Jaya Abadi", Pt, false),
    ("MAJU JAYA ABADI", "P.T.", "PT Maju Jaya Abadi", Pt, false),
    ("Berkah Mandiri", "CV", "CV Berkah Mandiri", Cv, false),
    ("Maju Bersama", "Koperasi", "Koperasi Maju Bersama", Koperasi, false),
    ("Maju Bersama", "Koperasi Serba Usaha", "Koperasi Maju Bersama", Koperasi, false),
    ("Sumber Makmur", "Toko", "Toko Sumber Makmur", Toko, false),
    ("Maju Jaya Abadi", "Perorangan", "Maju Jaya Abadi", Perorangan, false),
    ("PT Maju Jaya Abadi", "PT Perorangan", "PT Maju Jaya Abadi", PtPerorangan, false),
    ("Maju Jaya Abadi", "Perseroan Perorangan", "PT Maju Jaya Abadi", PtPerorangan, false),
    ("UD Sumber Rejeki", "Perorangan", "UD Sumber Rejeki", Ud, false),
    ("PT Maju Jaya Abadi", "pt", "PT Maju Jaya Abadi", Pt, false),
    ("CV Berkah Mandiri", "PT", "CV Berkah Mandiri", Cv, true),
    ("PT Maju Jaya", "Koperasi", "PT Maju Jaya", Pt, true),
    ("Maju Jaya", "Lainnya", "Maju Jaya", Unknown, false),
    ("Maju Jaya", "", "Maju Jaya", Unknown, false),
    ("Maju Jaya", "BUMN", "Maju Jaya", Unknown, false),
    ("", "PT", "", Pt, false),
];

#[test]
fn a_separate_legal_form_field_fills_in_but_never_overrides_the_name() {
    for (raw, hint, name, form, conflict) in HINTS {
        let got = canonical_name(raw, Some(hint));
        assert_eq!(
            (got.name.as_str(), got.legal_form, got.hint_conflict),
            (*name, *form, *conflict),
            "{raw:?} with {hint:?}"
        );
    }
}

#[test]
fn legal_form_fields_read_whole_or_not_at_all() {
    let cases: &[(&str, LegalForm)] = &[
        ("PT", Pt),
        ("P.T.", Pt),
        ("Perseroan Terbatas", Pt),
        ("PT Perorangan", PtPerorangan),
        ("CV", Cv),
        ("Persekutuan Komanditer", Cv),
        ("Firma", Firma),
        ("Koperasi", Koperasi),
        ("KSU", Koperasi),
        ("Yayasan", Yayasan),
        ("UD", Ud),
        ("TK", Toko),
        ("Perum", Perum),
        ("BUMD", Perumda),
        ("Perorangan", Perorangan),
        ("Orang Pribadi", Perorangan),
        ("Persekutuan Perdata", Unknown),
        ("PT Maju", Unknown),
        ("-", Unknown),
    ];
    for (text, form) in cases {
        assert_eq!(parse_legal_form(text), *form, "{text:?}");
    }
}

#[test]
fn name_keys_join_the_form_code_and_the_core() {
    let key = |raw: &str, hint: Option<&str>| name_key(&canonical_name(raw, hint));
    assert_eq!(key("PT. MAJU JAYA ABADI", None), "PT:MAJU JAYA ABADI");
    assert_eq!(key("Maju Jaya Abadi, PT", None), key("P.T. Maju Jaya Abadi", None));
    assert_eq!(key("PT Maju Jaya Abadi", Some("PT Perorangan")), "PT:MAJU JAYA ABADI");
    assert_eq!(key("Maju Jaya", Some("Perorangan")), key("Maju Jaya", None));
    assert_eq!(key("KPRI Sejahtera", None), "KOPERASI:KPRI SEJAHTERA");
    assert_ne!(key("CV Maju Jaya", None), key("PT Maju Jaya", None));
}

#[test]
fn every_legal_form_has_a_distinct_code() {
    let forms = [Pt, PtPerorangan, Cv, Ud, Koperasi, Firma, Yayasan, Toko, Perum, Perumda, Perorangan, Unknown];
    let mut codes: Vec<&str> = forms.iter().map(|form| legal_form_code(*form)).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), forms.len());
}

#[test]
fn odd_strings_never_panic_and_keep_the_output_clean() {
    let long = "PT ".repeat(5_000) + &"Maju ".repeat(20_000);
    let nested = "(".repeat(10_000) + "PT" + &")".repeat(10_000);
    let unclosed = "(".repeat(100_000) + "Maju";
    let inner = "PT A ".to_owned() + &"(Persero) A (Tbk) ".repeat(20_000);
    let odd: Vec<String> = [
        "",
        " ",
        ".",
        ",",
        "(",
        ")",
        ")(",
        "()",
        "&",
        "-",
        "'",
        "P.",
        "P.T.",
        "PT.",
        ", PT",
        "PT,",
        "(PT)",
        "(Persero)",
        "Tbk",
        "PT Tbk",
        "Tbk, PT",
        "Koperasi",
        "Kop.",
        "KOPERASI (KPRI)",
        "\u{1F600}\u{1F600}",
        "\u{0301}",
        "\u{0301}PT",
        "ß",
        "ǅ",
        "İstanbul",
        "\u{FEFF}PT Maju",
        "\0\u{1}\u{7F}",
        "\u{FF08}PT\u{FF09}",
        "日本語の会社",
        "مؤسسة",
        "A.B.C.D.E.F.",
        "...PT...",
        "P.T.P.T.P.T.",
        ",,,,PT,,,,",
        "PT(Persero)(Persero)(Tbk)",
        "\u{10FFFF}",
        "\u{D7FF}",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([long, nested, unclosed, inner])
    .collect();
    for raw in &odd {
        for hint in [None, Some(raw.as_str()), Some("PT")] {
            let got = canonical_name(raw, hint);
            assert_eq!(got.name.trim(), got.name, "{raw:?}");
            assert!(!got.name.contains("  "), "{raw:?}");
            assert!(!got.core.contains("  ") && got.core.trim() == got.core, "{raw:?}");
            assert!(got.core.chars().all(|c| c == ' ' || c.is_alphanumeric() || lex::is_combining(c)), "{raw:?}");
            assert_eq!(got.name.is_empty(), got.core.is_empty(), "{raw:?}");
            let _ = name_key(&got);
            let _ = parse_scale(raw);
        }
    }
}

#[test]
fn canonicalising_a_display_name_again_changes_nothing() {
    for (raw, ..) in NAMES {
        let once = canonical_name(raw, None);
        let twice = canonical_name(&once.name, None);
        assert_eq!((&twice.name, &twice.core, twice.legal_form), (&once.name, &once.core, once.legal_form), "{raw:?}");
    }
    for (raw, ..) in MODIFIERS {
        let once = canonical_name(raw, None);
        assert_eq!(canonical_name(&once.name, None), once, "{raw:?}");
    }
}
