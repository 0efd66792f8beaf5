//! Fixed examples the properties found, and the fuzz corpus replayed under `cargo test`.

use super::{CORPUS_DIR, check_price_text};
use crate::normalize::vat;
use crate::normalize::vendor::canonical_name;
use rust_decimal::Decimal;

#[test]
fn a_gross_price_of_rp61_comes_back_one_sen_short_after_removing_and_adding_ppn() {
    // Why the gross → net → gross trip is not a property: 61 / 1,11 = 54,9549… → 54,95, and
    // 54,95 × 1,11 = 60,9945 → 60,99. No net amount in sen maps to exactly Rp61 gross.
    let rate = Decimal::from(11);
    let net = vat::split(Decimal::from(61), true, rate).expect("in range");
    let back = vat::split(net.excluding, false, rate).expect("in range");
    assert_eq!((net.excluding, back.including), (Decimal::new(5495, 2), Decimal::new(6099, 2)));
}

#[test]
fn a_form_word_before_a_loose_trailing_mark_is_read_the_same_way_twice() {
    // Found by `canonical_name_is_idempotent_on_its_own_output_for_name_shaped_text` (minimal
    // input "Serba PT &"). A trailing `&`, `-`, `/`, `+`, `()` or unclosed `(` hides the form from
    // `take_suffixes`, then `core_items` drops it from the display, so the second reading finds the
    // form: "Maju Jaya PT -" shows "Maju Jaya PT" (UNKNOWN:MAJU JAYA PT), which reads back as
    // "PT Maju Jaya" (PT:MAJU JAYA).
    for raw in ["Serba PT &", "Maju Jaya PT -", "Maju Jaya PT. -", "Maju Jaya PT ()", "Maju Jaya, PT &", "Maju Tbk -"] {
        let once = canonical_name(raw, None);
        let twice = canonical_name(&once.name, None);
        assert_eq!((&twice.name, &twice.core), (&once.name, &once.core), "{raw:?}");
    }
}

#[test]
fn a_form_word_after_a_stray_leading_bracket_is_read_the_same_way_twice() {
    // Found by the same property. `first_word` stops at a leading `(`, `[` or `)`, so no prefix
    // form is read, then `core_items` drops the unbalanced bracket from the display: "(PT Maju
    // Jaya" shows "PT Maju Jaya" with core "PT MAJU JAYA" and form UNKNOWN, which reads back as
    // core "MAJU JAYA", form PT.
    for raw in ["(PT Maju Jaya", "[ CV Pos", ") CV Pos"] {
        let once = canonical_name(raw, None);
        let twice = canonical_name(&once.name, None);
        assert_eq!((&twice.name, &twice.core), (&once.name, &once.core), "{raw:?}");
    }
}

#[test]
fn every_fuzz_corpus_input_parses_without_panicking_and_keeps_the_invariants() {
    let entries = std::fs::read_dir(CORPUS_DIR).unwrap_or_else(|e| panic!("cannot read {CORPUS_DIR}: {e}"));
    let mut checked = 0_usize;
    let mut failures = Vec::new();
    for entry in entries {
        let path = entry.expect("a readable directory entry").path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        // The fuzz target reads bytes the same way, so inputs it adds to the corpus behave alike.
        let text = String::from_utf8_lossy(&bytes);
        if let Err(message) = check_price_text(&text) {
            failures.push(format!("{}: {message}", path.display()));
        }
        checked += 1;
    }
    assert!(checked > 0, "the fuzz corpus {CORPUS_DIR} is empty");
    assert!(
        failures.is_empty(),
        "{} of {checked} corpus inputs break an invariant:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
