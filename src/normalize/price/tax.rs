//! Step 2: PPN (VAT) hints such as `(termasuk PPN)`, `belum termasuk PPN`,
//! `excl. PPN` and `+PPN`.
//!
//! Each hint is removed from the text, and once any hint is found every
//! percentage (`11%`, `12 %`) goes too: a rate inside a tax hint is not a price.
//!
//! `+PPN` and `+ PPN 11%` mean "PPN is added on top": excluded (the written
//! policy). A bare `PPN 11%` says nothing and gives `None` with an
//! `AMBIGUOUS_VAT_HINT` issue.
//!
//! A remark in parentheses that mentions the tax (`(Harga sudah termasuk
//! PPN)`, `(PPN 11% ditanggung pembeli)`) is a tax hint: its qualifiers are
//! read and the whole remark is removed, so its other words never make the
//! price unreadable. A remark holding the only amount (`(Rp 5.000 incl PPN)`)
//! is left in place.
//!
//! A label written before the hint belongs to it (`Rp 1.250.000 harga termasuk PPN`, `… harga
//! nett belum termasuk PPN`). `non-PKP` says the seller is not PKP and charges no PPN: read as
//! such, and removed.

use super::text::{is_standalone, strip_word_prefix, strip_word_suffix};
use super::{PriceIssue, PriceIssueCode};

/// Hints handled per text; more are left in place (and make it unreadable),
/// which keeps hostile inputs like `"ppn " × 100 000` linear.
const MAX_HINTS: usize = 8;

/// Words that name the tax.
pub(super) const TAX_WORDS: [&str; 4] = ["ppn", "vat", "pajak", "tax"];

/// Words before the tax word meaning "not included", longest first.
pub(super) const EXCLUDING: [&str; 21] = [
    "belum termasuk",
    "tidak termasuk",
    "tdk termasuk",
    "blm termasuk",
    "sebelum",
    "sblm",
    "belum include",
    "excluding",
    "excludes",
    "exclude",
    "excl.",
    "excl",
    "exc.",
    "exc",
    "ex.",
    "ex",
    "tanpa",
    "belum",
    "blm",
    "non-",
    "non",
];

/// Words before the tax word meaning "included", longest first.
const INCLUDING: [&str; 14] = [
    "sudah termasuk",
    "sdh termasuk",
    "termasuk",
    "including",
    "includes",
    "include",
    "incl.",
    "incl",
    "inc.",
    "inc",
    "sudah",
    "sdh",
    "dengan",
    "with",
];

/// Words before the tax word that say it does not apply (`bebas PPN`: the goods are exempt)
/// without saying whether the amount holds any: the hint is read, its meaning unknown.
const EXEMPT: [&str; 2] = ["bebas", "free"];

/// Labels that may stand before a qualified hint and belong to it ("harga termasuk PPN"),
/// longest first.
const HINT_LABELS: [&str; 4] = ["harga nett", "harga net", "harga", "price"];

/// Ways of saying the seller is not PKP (not registered for PPN, so it charges none).
const NOT_PKP: [&str; 4] = ["non-pkp", "non pkp", "nonpkp", "bukan pkp"];

/// Words after the tax word (`PPN included`).
const SUFFIXES: [(&str, bool); 6] =
    [("included", true), ("include", true), ("incl", true), ("excluded", false), ("exclude", false), ("excl", false)];

/// What the tax hints say, and the text without them.
#[derive(Debug)]
pub(super) struct VatHint {
    /// The agreed meaning of the hints, if they have one.
    pub(super) includes_vat: Option<bool>,
    /// An `AMBIGUOUS_VAT_HINT` issue when the hints give no clear answer.
    pub(super) issue: Option<PriceIssue>,
    /// `Some(false)` when the text says the seller is not PKP.
    pub(super) pkp: Option<bool>,
    /// The text with every hint and percentage removed.
    pub(super) rest: String,
}

/// Finds and removes every tax hint in the cleaned (lower-cased) text.
pub(super) fn extract(cleaned: &str) -> VatHint {
    let (mut rest, mut found) = remarks(cleaned);
    while found.len() < MAX_HINTS
        && let Some((start, end, meaning)) = next_hint(&rest)
    {
        found.push(meaning);
        rest.replace_range(start..end, " ");
    }
    if !found.is_empty() {
        rest = strip_percentages(&rest);
    }
    let (includes_vat, issue) = resolve(&found);
    let pkp = remove_not_pkp(&mut rest).then_some(false);
    VatHint { includes_vat, issue, pkp, rest }
}

/// Removes the first `non-PKP` (or the like) standing alone, with a label before it; whether
/// there was one.
fn remove_not_pkp(rest: &mut String) -> bool {
    let found = NOT_PKP.iter().find_map(|word| {
        rest.match_indices(word).map(|(start, _)| (start, start + word.len())).find(|&(s, e)| is_standalone(rest, s, e))
    });
    let Some((start, end)) = found else { return false };
    let start = with_label(rest, start);
    rest.replace_range(start..end, " ");
    true
}

/// Where a hint starting at `start` starts once a label right before it is counted in.
pub(super) fn with_label(s: &str, start: usize) -> usize {
    let head = s.get(..start).unwrap_or_default().trim_end();
    HINT_LABELS.iter().find_map(|label| strip_word_suffix(head, label)).map_or(start, str::len)
}

/// Removes every parenthesised remark that mentions the tax, when an amount stays outside it,
/// and returns the hints read inside.
fn remarks(cleaned: &str) -> (String, Vec<Option<bool>>) {
    let mut rest = cleaned.to_owned();
    let mut found = Vec::new();
    let mut from = 0;
    while found.len() < MAX_HINTS
        && let Some(open) = rest.get(from..).and_then(|r| r.find('(')).map(|at| from + at)
        && let Some(close) = rest.get(open..).and_then(|r| r.find(')')).map(|at| open + at)
    {
        let inner = rest.get(open + 1..close).unwrap_or_default();
        let outside = format!("{}{}", rest.get(..open).unwrap_or_default(), rest.get(close + 1..).unwrap_or_default());
        if find_tax_word(inner).is_none() || !outside.bytes().any(|b| b.is_ascii_digit()) {
            from = close + 1;
            continue;
        }
        let mut inner = inner.to_owned();
        while found.len() < MAX_HINTS
            && let Some((start, end, meaning)) = next_hint(&inner)
        {
            found.push(meaning);
            inner.replace_range(start..end, " ");
        }
        rest.replace_range(open..=close, " ");
        from = open;
    }
    (rest, found)
}

/// The byte span of the first hint (qualifier + tax word) and its meaning;
/// `None` as meaning when the hint is ambiguous.
fn next_hint(s: &str) -> Option<(usize, usize, Option<bool>)> {
    let (word_start, word_end) = find_tax_word(s)?;
    let before = s.get(..word_start)?.trim_end();
    if let Some((start, meaning)) = prefix_qualifier(before) {
        return Some((with_label(s, start), word_end, Some(meaning)));
    }
    if let Some((end, meaning)) = suffix_qualifier(s, word_end) {
        return Some((word_start, end, Some(meaning)));
    }
    if let Some(head) = EXEMPT.iter().find_map(|word| strip_word_suffix(before, word)) {
        return Some((head.len(), word_end, None));
    }
    // "+ PPN": PPN comes on top of the amount.
    match before.strip_suffix('+') {
        Some(head) => Some((head.len(), word_end, Some(false))),
        None => Some((word_start, word_end, None)),
    }
}

/// The earliest standalone tax word, as a byte span.
fn find_tax_word(s: &str) -> Option<(usize, usize)> {
    TAX_WORDS
        .iter()
        .filter_map(|word| {
            s.match_indices(word)
                .map(|(start, _)| (start, start + word.len()))
                .find(|&(start, end)| is_standalone(s, start, end))
        })
        .min()
}

/// A qualifier ending `before`: where it starts and what it means.
fn prefix_qualifier(before: &str) -> Option<(usize, bool)> {
    let tables = [(&EXCLUDING[..], false), (&INCLUDING[..], true)];
    tables.iter().find_map(|(words, meaning)| {
        words.iter().find_map(|word| strip_word_suffix(before, word)).map(|head| (head.len(), *meaning))
    })
}

/// A qualifier right after the tax word: where it ends and what it means.
fn suffix_qualifier(s: &str, word_end: usize) -> Option<(usize, bool)> {
    let after = s.get(word_end..)?.trim_start();
    SUFFIXES
        .iter()
        .find_map(|(word, meaning)| strip_word_prefix(after, word).map(|tail| (s.len() - tail.len(), *meaning)))
}

/// Removes every `<number> %` (the rate that often follows `PPN`).
fn strip_percentages(s: &str) -> String {
    let mut pieces: Vec<&str> = s.split('%').collect();
    let last = pieces.pop().unwrap_or_default();
    let mut out: String = pieces
        .iter()
        .map(|piece| piece.trim_end().trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.'))
        .collect::<Vec<_>>()
        .join(" ");
    out.push_str(last);
    out
}

/// Agreeing definite hints win; contradicting or only ambiguous ones give no answer.
fn resolve(found: &[Option<bool>]) -> (Option<bool>, Option<PriceIssue>) {
    let has = |value: bool| found.contains(&Some(value));
    match (has(true), has(false)) {
        (true, false) => (Some(true), None),
        (false, true) => (Some(false), None),
        (true, true) => (
            None,
            Some(PriceIssue::new(
                PriceIssueCode::AmbiguousVatHint,
                "the text says both that PPN is included and that it is not",
            )),
        ),
        (false, false) if found.is_empty() => (None, None),
        (false, false) => (
            None,
            Some(PriceIssue::new(
                PriceIssueCode::AmbiguousVatHint,
                "PPN is mentioned without saying whether the price includes it",
            )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(text: &str) -> (Option<bool>, bool, String) {
        let hint = extract(text);
        let rest = super::super::text::tidy(&hint.rest);
        (hint.includes_vat, hint.issue.is_some(), rest)
    }

    #[test]
    fn inclusion_hints_are_read_and_removed_with_their_rate() {
        let expected = |rest: &str| (Some(true), false, rest.to_owned());
        assert_eq!(hint("rp 5.000 (termasuk ppn)"), expected("rp 5.000"));
        assert_eq!(hint("sudah termasuk ppn 11% rp 5.000"), expected("rp 5.000"));
        assert_eq!(hint("rp 5.000 incl.ppn"), expected("rp 5.000"));
        assert_eq!(hint("rp 5.000 ppn included"), expected("rp 5.000"));
    }

    #[test]
    fn exclusion_hints_win_over_the_included_word_they_contain() {
        let expected = |rest: &str| (Some(false), false, rest.to_owned());
        assert_eq!(hint("rp 5.000 belum termasuk ppn"), expected("rp 5.000"));
        assert_eq!(hint("rp 5.000 (belum include ppn 12 %)"), expected("rp 5.000"));
        assert_eq!(hint("rp 5.000 non-ppn"), expected("rp 5.000"));
        assert_eq!(hint("rp 5.000 exc. ppn"), expected("rp 5.000"));
    }

    #[test]
    fn plus_ppn_means_excluded() {
        assert_eq!(hint("rp 5.000 +ppn"), (Some(false), false, "rp 5.000".to_owned()));
        assert_eq!(hint("rp 5.000 + ppn 11%"), (Some(false), false, "rp 5.000".to_owned()));
        assert_eq!(hint("rp 5.000 (+ppn)"), (Some(false), false, "rp 5.000".to_owned()));
    }

    #[test]
    fn bare_ppn_and_contradictions_are_ambiguous() {
        assert_eq!(hint("rp 5.000 ppn 11%"), (None, true, "rp 5.000".to_owned()));
        assert!(hint("termasuk ppn, belum termasuk ppn").1);
    }

    #[test]
    fn a_remark_in_parentheses_is_a_tax_hint_removed_whole() {
        assert_eq!(hint("rp 5.000 (harga sudah termasuk ppn)"), (Some(true), false, "rp 5.000".to_owned()));
        assert_eq!(hint("rp 5.000 (harga belum termasuk ppn 11%)"), (Some(false), false, "rp 5.000".to_owned()));
        assert_eq!(hint("rp 5.000 (ppn ditanggung pembeli)"), (None, true, "rp 5.000".to_owned()));
        // The only amount inside the brackets stays where it is.
        assert_eq!(hint("(rp 5.000 incl ppn)"), (Some(true), false, "(rp 5.000 )".to_owned()));
        assert_eq!(hint("rp 5.000 (nego)"), (None, false, "rp 5.000 (nego)".to_owned()));
    }

    #[test]
    fn a_label_before_a_qualified_hint_is_part_of_it() {
        assert_eq!(hint("rp 1.250.000 harga termasuk ppn"), (Some(true), false, "rp 1.250.000".to_owned()));
        assert_eq!(hint("rp 1.250.000 harga belum termasuk ppn"), (Some(false), false, "rp 1.250.000".to_owned()));
        assert_eq!(hint("rp 1.250.000 harga sudah termasuk ppn 12%"), (Some(true), false, "rp 1.250.000".to_owned()));
        assert_eq!(hint("rp 5.000 harga nett sudah termasuk ppn"), (Some(true), false, "rp 5.000".to_owned()));
        // A label that is not before a hint is left to the reader of the amount.
        assert_eq!(extract("harga rp 5.000").rest, "harga rp 5.000");
    }

    #[test]
    fn non_pkp_says_the_seller_charges_no_ppn_and_is_removed() {
        for text in
            ["rp 1.250.000 non-pkp", "rp 1.250.000 (non pkp)", "rp 1.250.000 harga non-pkp", "bukan pkp rp 1.250.000"]
        {
            let read = extract(text);
            assert_eq!((read.pkp, read.includes_vat), (Some(false), None), "{text}");
            assert_eq!(super::super::text::tidy(&read.rest), "rp 1.250.000", "{text}");
        }
        assert_eq!(extract("rp 1.250.000 pkp").pkp, None, "only a seller that is not PKP is read");
        assert_eq!(extract("rp 1.250.000 nonpkpx").pkp, None);
    }

    #[test]
    fn words_that_merely_contain_a_tax_word_are_left_alone() {
        assert_eq!(hint("rp 5.000 taxi"), (None, false, "rp 5.000 taxi".to_owned()));
        assert_eq!(hint("rp 5.000 11%"), (None, false, "rp 5.000 11%".to_owned()));
    }
}
