use super::*;
use crate::model::LegalForm::{self, *};

/// Input, legal form → npwp16, npwp15, entity key, branch, NIK-based.
type Row =
    (&'static str, LegalForm, Option<&'static str>, Option<&'static str>, &'static str, Option<&'static str>, bool);

const VALID: &[Row] = &[
    ("01.234.567.8-909.000", Pt, Some("0012345678909000"), Some("012345678909000"), "012345678", Some("000"), false),
    ("012345678909000", Pt, Some("0012345678909000"), Some("012345678909000"), "012345678", Some("000"), false),
    ("01 234 567 8 909 000", Cv, Some("0012345678909000"), Some("012345678909000"), "012345678", Some("000"), false),
    (
        "  01.234.567.8-909.000  ",
        Koperasi,
        Some("0012345678909000"),
        Some("012345678909000"),
        "012345678",
        Some("000"),
        false,
    ),
    ("01.234.567.8-909.001", Pt, Some("0012345678909001"), Some("012345678909001"), "012345678", Some("001"), false),
    ("938769908624000", Yayasan, Some("0938769908624000"), Some("938769908624000"), "938769908", Some("000"), false),
    ("93.876.990.8-624.000", Firma, Some("0938769908624000"), Some("938769908624000"), "938769908", Some("000"), false),
    ("938769908624000", Perum, Some("0938769908624000"), Some("938769908624000"), "938769908", Some("000"), false),
    ("938769908624000", Perumda, Some("0938769908624000"), Some("938769908624000"), "938769908", Some("000"), false),
    (
        "938769908624000",
        PtPerorangan,
        Some("0938769908624000"),
        Some("938769908624000"),
        "938769908",
        Some("000"),
        false,
    ),
    ("938769908624000", Perorangan, None, Some("938769908624000"), "938769908", Some("000"), false),
    ("938769908624000", Ud, None, Some("938769908624000"), "938769908", Some("000"), false),
    ("938769908624000", Toko, None, Some("938769908624000"), "938769908", Some("000"), false),
    ("938769908624000", Unknown, None, Some("938769908624000"), "938769908", Some("000"), false),
    ("0012345678909000", Pt, Some("0012345678909000"), Some("012345678909000"), "012345678", Some("000"), false),
    (
        "0012345678909000",
        Perorangan,
        Some("0012345678909000"),
        Some("012345678909000"),
        "012345678",
        Some("000"),
        false,
    ),
    (
        "0012.3456.7890.9000",
        Unknown,
        Some("0012345678909000"),
        Some("012345678909000"),
        "012345678",
        Some("000"),
        false,
    ),
    ("3571012345670001", Perorangan, Some("3571012345670001"), None, "3571012345670001", None, true),
    ("3571 0123 4567 0001", Unknown, Some("3571012345670001"), None, "3571012345670001", None, true),
    ("3571012345670001", Pt, Some("3571012345670001"), None, "3571012345670001", None, true),
    (
        "０１２３４５６７８９０９０００",
        Pt,
        Some("0012345678909000"),
        Some("012345678909000"),
        "012345678",
        Some("000"),
        false,
    ),
    (
        "01.234.567.8\u{2013}909.000",
        Pt,
        Some("0012345678909000"),
        Some("012345678909000"),
        "012345678",
        Some("000"),
        false,
    ),
    (
        "01\u{00A0}234\u{00A0}567\u{00A0}8 909 000",
        Pt,
        Some("0012345678909000"),
        Some("012345678909000"),
        "012345678",
        Some("000"),
        false,
    ),
    ("01/234/567/8/909/000", Pt, Some("0012345678909000"), Some("012345678909000"), "012345678", Some("000"), false),
];

#[test]
fn valid_npwps_yield_every_form_and_the_entity_key() {
    for (raw, form, npwp16, npwp15, key, branch, nik) in VALID {
        let got = parse_npwp(raw, *form).unwrap_or_else(|error| panic!("{raw:?}: {error}"));
        assert_eq!(
            (
                got.npwp16.as_deref(),
                got.npwp15.as_deref(),
                got.entity_key.as_str(),
                got.branch.as_deref(),
                got.nik_based
            ),
            (*npwp16, *npwp15, *key, *branch, *nik),
            "{raw:?} as {form:?}"
        );
    }
}

const INVALID: &[(&str, NpwpError)] = &[
    ("", NpwpError::Empty),
    ("   ", NpwpError::Empty),
    ("-", NpwpError::Empty),
    ("..-..", NpwpError::Empty),
    ("N/A", NpwpError::Empty),
    ("null", NpwpError::Empty),
    ("Tidak Ada", NpwpError::Empty),
    ("0", NpwpError::Placeholder),
    ("00.000.000.0-000.000", NpwpError::Placeholder),
    ("000000000000000", NpwpError::Placeholder),
    ("0000000000000000", NpwpError::Placeholder),
    ("111111111111111", NpwpError::Placeholder),
    ("99.999.999.9-999.999", NpwpError::Placeholder),
    ("1111111111111111", NpwpError::Placeholder),
    ("012345678901234", NpwpError::Placeholder),
    ("123456789012345", NpwpError::Placeholder),
    ("987654321098765", NpwpError::Placeholder),
    ("0123456789012345", NpwpError::Placeholder),
    ("1234567890123456", NpwpError::Placeholder),
    ("000000000909000", NpwpError::Placeholder),
    ("0000000000909000", NpwpError::Placeholder),
    ("01234567890", NpwpError::WrongLength { digits: 11 }),
    ("01.234.567.8-909.00", NpwpError::WrongLength { digits: 14 }),
    ("01.234.567.8-909.00000", NpwpError::WrongLength { digits: 17 }),
    ("0012345678909000000000", NpwpError::WrongLength { digits: 22 }),
    ("12345", NpwpError::WrongLength { digits: 5 }),
    ("NPWP 01.234.567.8-909.000", NpwpError::BadCharacters),
    ("01.234.567.8-909.OOO", NpwpError::BadCharacters),
    ("01234567890900O", NpwpError::BadCharacters),
    ("01_234_567_8_909_000", NpwpError::BadCharacters),
    ("٠١٢٣٤٥٦٧٨٩٠٩٠٠٠", NpwpError::BadCharacters),
    ("01.234.567.8-909.000 \u{1F600}", NpwpError::BadCharacters),
];

#[test]
fn invalid_npwps_are_rejected_with_a_reason() {
    for (raw, expected) in INVALID {
        assert_eq!(parse_npwp(raw, Pt), Err(*expected), "{raw:?}");
    }
}

#[test]
fn error_codes_are_stable() {
    assert_eq!(NpwpError::Empty.code(), "NPWP_EMPTY");
    assert_eq!(NpwpError::WrongLength { digits: 3 }.code(), "NPWP_WRONG_LENGTH");
    assert_eq!(NpwpError::Placeholder.code(), "NPWP_PLACEHOLDER");
    assert_eq!(NpwpError::BadCharacters.code(), "NPWP_BAD_CHARACTERS");
    assert_eq!(NpwpError::WrongLength { digits: 3 }.to_string(), "the NPWP has 3 digits, not 15 or 16");
}

#[test]
fn branches_of_one_company_share_the_entity_key() {
    let head = parse_npwp("01.234.567.8-909.000", Pt).expect("valid");
    let branch = parse_npwp("0012345678915002", Pt).expect("valid");
    assert_eq!(head.entity_key, branch.entity_key);
    assert_eq!(branch.branch.as_deref(), Some("002"));
}

#[test]
fn only_forms_that_are_a_badan_derive_npwp16() {
    let badan = [Pt, PtPerorangan, Cv, Firma, Koperasi, Yayasan, Perum, Perumda];
    let individual = [Ud, Toko, Perorangan, Unknown];
    assert!(badan.into_iter().all(is_badan));
    assert!(!individual.into_iter().any(is_badan));
}

#[test]
fn odd_strings_never_panic() {
    let long_digits = "1".repeat(100_000);
    let long_mixed = "01.".repeat(50_000);
    let odd = [
        "\0",
        "\u{FEFF}",
        "\u{10FFFF}",
        "é",
        "0١",
        "١",
        "ⅰ",
        "½",
        "²",
        "𝟘𝟙𝟚",
        "+62",
        "-0",
        "0x1F",
        "1e15",
        "012345678909000\n",
        long_digits.as_str(),
        long_mixed.as_str(),
    ];
    let mut accepted = 0;
    for raw in odd {
        for form in [Pt, Perorangan, Unknown] {
            if let Ok(npwp) = parse_npwp(raw, form) {
                accepted += 1;
                assert!(npwp.npwp15.as_deref().is_none_or(|n| n.len() == 15), "{raw:?}");
                assert!(npwp.npwp16.as_deref().is_none_or(|n| n.len() == 16), "{raw:?}");
            }
        }
    }
    // The trailing-newline NPWP is valid, so the length checks above do run.
    assert!(accepted > 0, "some odd string parses");
}
