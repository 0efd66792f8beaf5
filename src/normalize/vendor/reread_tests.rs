//! A display name is a fixpoint: reading it again gives the same display name and core.
//!
//! Each case below broke that once (most were minimal inputs found by
//! `canonical_name_is_idempotent_on_its_own_output_for_name_shaped_text` or by an exhaustive
//! search over the same fragments); the expected first reading is pinned too, so a later fix
//! cannot reach the fixpoint by reading the raw name differently without anyone noticing.

use super::*;
use crate::model::LegalForm;

/// Raw name → display name, name key, `Tbk`, `Persero`.
const REREAD: &[(&str, &str, &str, bool, bool)] = &[
    // A form repeated at the front across punctuation the display drops is read once.
    ("PT, PT Maju", "PT Maju", "PT:MAJU", false, false),
    ("Fa., Fa. Maju", "Firma Maju", "FIRMA:MAJU", false, false),
    ("PT ( PT Maju", "PT Maju", "PT:MAJU", false, false),
    ("PT () PT Maju", "PT Maju", "PT:MAJU", false, false),
    ("KPRI, KPRI", "KPRI", "KOPERASI:KPRI", false, false),
    // The same at the end: loose marks and stray brackets between two suffixes.
    ("Maju PT / PT", "PT Maju", "PT:MAJU", false, false),
    ("Maju UD ( UD", "UD Maju", "UD:MAJU", false, false),
    ("Maju PT ) PT", "PT Maju", "PT:MAJU", false, false),
    // A repeat is read after the kind, and the kind after a repeat.
    ("Koperasi Koperasi KSU", "KSU", "KOPERASI:KSU", false, false),
    ("Koperasi, Serba Usaha Maju", "KSU Maju", "KOPERASI:KSU MAJU", false, false),
    // A form read off the end is written in front, so what follows it there is read as such.
    ("Persero Maju PT", "PT Maju (Persero)", "PT:MAJU", false, true),
    ("PT, Persero Maju", "PT Maju (Persero)", "PT:MAJU", false, true),
    ("Serba Usaha Maju, Koperasi", "KSU Maju", "KOPERASI:KSU MAJU", false, false),
    // Commas inside a phrase are dropped by the display, so the phrase is read through them.
    ("Perseroan, Terbatas Maju", "PT Maju", "PT:MAJU", false, false),
    ("Serba ,Usaha ,Firma ,Kop.", "KSU Firma", "KOPERASI:KSU FIRMA", false, false),
    // Brackets the display drops do not hide a form at the front.
    ("( PT ( Maju )", "PT (Maju)", "PT:MAJU", false, false),
    ("()PT.KPRI", "PT KPRI", "PT:KPRI", false, false),
    // Only form words: a form is taken off while a name is left, the last word is the name.
    ("Fa. ,Fa.", "Firma Fa", "FIRMA:FA", false, false),
    ("PT PT", "PT PT", "PT:PT", false, false),
    ("Toko Tk.", "Toko TK", "TOKO:TK", false, false),
    // A koperasi kind is a name of its own, wherever it was read.
    ("Tbk ,KSU", "KSU Tbk", "KOPERASI:KSU", true, false),
    ("Koperasi  Tbk. ,KSP", "KSP Tbk", "KOPERASI:KSP", true, false),
    // Another kind after a comma is part of the name, not a second, dropped kind.
    ("KPRI Maju, KSU", "KPRI Maju KSU", "KOPERASI:KPRI MAJU KSU", false, false),
    // Bracketed modifiers go to the end only when a name is left, else they are the name.
    ("(Persero) 3", "PT 3 (Persero)", "PT:3", false, true),
    ("PT PT (Tbk)", "PT PT Tbk", "PT:PT", true, false),
    ("(Persero)", "Persero", "UNKNOWN:PERSERO", false, false),
    ("(Persero) (Tbk)", "PT Persero Tbk", "PT:PERSERO", true, false),
    ("CV (Persero)", "PT CV (Persero)", "PT:CV", false, true),
];

#[test]
fn names_that_once_read_differently_the_second_time_are_fixpoints() {
    for (raw, name, key, tbk, persero) in REREAD {
        let once = canonical_name(raw, None);
        assert_eq!(
            (once.name.as_str(), name_key(&once).as_str(), once.tbk, once.persero),
            (*name, *key, *tbk, *persero),
            "{raw:?}"
        );
        let twice = canonical_name(&once.name, None);
        assert_eq!(twice, once, "{raw:?} read again as {:?}", once.name);
    }
}

#[test]
fn display_names_are_fixpoints_with_the_same_hint_too() {
    let raws = REREAD.iter().map(|(raw, ..)| *raw).chain(["Persero Maju", "Serba Usaha Maju", "(Tbk)", "PT"]);
    for raw in raws {
        for hint in ["PT", "PT Perorangan", "CV", "Koperasi", "Toko", "Perorangan"] {
            let once = canonical_name(raw, Some(hint));
            let twice = canonical_name(&once.name, Some(hint));
            assert_eq!((&twice.name, &twice.core), (&once.name, &once.core), "{raw:?} with {hint:?}");
        }
    }
}

#[test]
fn a_hinted_form_reads_what_follows_it_in_the_display() {
    let got = canonical_name("Persero Maju", Some("PT"));
    assert_eq!((got.name.as_str(), got.core.as_str(), got.persero), ("PT Maju (Persero)", "MAJU", true));
    let got = canonical_name("Serba Usaha Maju", Some("Koperasi"));
    assert_eq!((got.name.as_str(), got.core.as_str()), ("KSU Maju", "KSU MAJU"));
}

#[test]
fn every_written_form_reads_back_as_the_form_it_stands_for() {
    let all = [
        LegalForm::Pt,
        LegalForm::PtPerorangan,
        LegalForm::Cv,
        LegalForm::Ud,
        LegalForm::Koperasi,
        LegalForm::Firma,
        LegalForm::Yayasan,
        LegalForm::Toko,
        LegalForm::Perum,
        LegalForm::Perumda,
        LegalForm::Perorangan,
        LegalForm::Unknown,
    ];
    for form in all {
        let written = lex::lex(forms::display_prefix(form));
        let read = forms::form_at(&written, 0, false).filter(|(_, len)| *len == written.len());
        assert_eq!(read.map(|(read, _)| read.form), forms::written_form(form), "{form:?}");
    }
}

#[test]
fn letters_whose_case_does_not_round_trip_read_as_they_come_back() {
    // Found by `canonical_name_is_idempotent_on_its_own_output_for_any_text` (minimal input
    // "\u{11D67}\u{2126}"): the display lowercases the Ohm sign U+2126 to `ω`, which reads back as
    // the Greek capital U+03A9, a different core. The Kelvin and Angstrom signs, `ϴ`, `ẞ` and `ŉ`
    // did the same.
    for raw in
        ["\u{11D67}\u{2126}", "A\u{2126}", "A\u{212A}", "A\u{212B}", "A\u{3F4}", "A\u{1E9E}", "\u{149}", "A\u{149}"]
    {
        let once = canonical_name(raw, None);
        let twice = canonical_name(&once.name, None);
        assert_eq!((&twice.name, &twice.core), (&once.name, &once.core), "{raw:?}");
    }
    assert_eq!(canonical_name("PT A\u{2126}", None).core, "A\u{3A9}");
    assert_eq!(canonical_name("Ma\u{1E9E}", None).core, "MASS");
}
