//! Step 2a: shipping remarks (`belum termasuk ongkir`, `+ ongkir`, `gratis ongkir`, `… PPN dan
//! ongkir`) and `nego`, removed before the PPN hints are read.
//!
//! A price that leaves shipping out, or ships free, is still the price of the goods, and `nego`
//! says only that the asking price may come down: so these remarks go, and the PPN hint beside
//! them (`belum termasuk PPN dan ongkir`) keeps its meaning. A price that includes shipping
//! (`termasuk ongkir`) is not the price of the goods: that remark stays, and the text is
//! unreadable.

use super::tax::{EXCLUDING, TAX_WORDS, with_label};
use super::text::{is_standalone, strip_word_prefix, strip_word_suffix};

/// Remarks handled per text, which keeps hostile inputs linear (as `tax::MAX_HINTS`).
const MAX_REMARKS: usize = 8;

/// Names of the shipping charge, longest first.
const SHIPPING: [&str; 8] = [
    "ongkos pengiriman",
    "biaya pengiriman",
    "ongkos kirim",
    "biaya kirim",
    "pengiriman",
    "ongkir",
    "shipping",
    "delivery",
];

/// Words joining two charges under one qualifier (`PPN dan ongkir`).
const JOINERS: [&str; 5] = ["dan", "&", ",", "/", "+"];

/// Words before the shipping charge saying it costs nothing.
const FREE: [&str; 3] = ["gratis", "free", "bebas"];

/// "Negotiable", after the amount, longest first.
const NEGO: [&str; 4] = ["bisa nego", "boleh nego", "masih nego", "nego"];

/// The cleaned text without the remarks that leave shipping out of the price, nor a `nego`.
pub(super) fn strip(cleaned: &str) -> String {
    let mut rest = cleaned.to_owned();
    let mut from = 0;
    for _ in 0..MAX_REMARKS {
        let Some((start, end)) = next_charge(&rest, from) else { break };
        match excluded_span(&rest, start, end) {
            Some((cut_start, cut_end)) => {
                rest.replace_range(cut_start..cut_end, " ");
                from = cut_start;
            }
            None => from = end,
        }
    }
    strip_nego(&rest)
}

/// The first shipping name at or after `from`, as a byte span.
fn next_charge(s: &str, from: usize) -> Option<(usize, usize)> {
    SHIPPING
        .iter()
        .filter_map(|word| {
            let tail = s.get(from..)?;
            tail.match_indices(word)
                .map(|(at, _)| (from + at, from + at + word.len()))
                .find(|&(start, end)| is_standalone(s, start, end))
        })
        .min_by_key(|&(start, end)| (start, std::cmp::Reverse(end)))
}

/// What to cut for the shipping name at `start..end` when the text leaves it out of the price
/// (or ships it free); `None` when it does not say so.
fn excluded_span(s: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = s.get(..start)?.trim_end();
    let after = s.get(end..)?;
    // `belum termasuk ongkir dan PPN`: the qualifier stays for the tax word after.
    if let Some(tax_start) = joined_tax_word_at(after).map(|at| end + at)
        && ends_with_exclusion(before)
    {
        return Some((start, tax_start));
    }
    if let Some(head) = FREE.iter().chain(EXCLUDING.iter()).find_map(|word| strip_word_suffix(before, word)) {
        return Some((with_label(s, head.len()), end));
    }
    if let Some(head) = before.strip_suffix('+') {
        return Some((head.len(), end));
    }
    // `belum termasuk PPN dan ongkir`: the charge joins the tax word's qualifier.
    let joiner = JOINERS.iter().find_map(|joiner| strip_joiner(before, joiner))?;
    let tax = TAX_WORDS.iter().find_map(|word| strip_word_suffix(joiner.trim_end(), word))?;
    ends_with_exclusion(tax.trim_end()).then_some((joiner.len(), end))
}

/// `s` without a trailing joiner: a word (`dan`) must stand alone, a sign need not.
fn strip_joiner<'a>(s: &'a str, joiner: &str) -> Option<&'a str> {
    if joiner.chars().all(char::is_alphabetic) { strip_word_suffix(s, joiner) } else { s.strip_suffix(joiner) }
}

/// Where a tax word starts in `after` when only a joiner stands before it (` dan ppn`).
fn joined_tax_word_at(after: &str) -> Option<usize> {
    let trimmed = after.trim_start();
    let joined = JOINERS.iter().find_map(|joiner| {
        let rest = if joiner.chars().all(char::is_alphabetic) {
            strip_word_prefix(trimmed, joiner)
        } else {
            trimmed.strip_prefix(joiner)
        };
        rest.map(str::trim_start)
    })?;
    let starts_with_tax = TAX_WORDS.iter().any(|word| strip_word_prefix(joined, word).is_some());
    starts_with_tax.then(|| after.len() - joined.len())
}

fn ends_with_exclusion(s: &str) -> bool {
    EXCLUDING.iter().any(|word| strip_word_suffix(s, word).is_some())
}

/// The text without a `nego` at its end (`Rp 1.250.000 nego`, `… (nego)`, `…, bisa nego`).
fn strip_nego(s: &str) -> String {
    let trimmed = s.trim_end();
    let (inner, closed) = match trimmed.strip_suffix(')') {
        Some(inner) => (inner.trim_end(), true),
        None => (trimmed, false),
    };
    let Some(head) = NEGO.iter().find_map(|word| strip_word_suffix(inner, word)) else { return s.to_owned() };
    let head = head.trim_end();
    let head = if closed { head.strip_suffix('(') } else { Some(head) };
    match head.map(|h| h.trim_end_matches([' ', ','])) {
        Some(head) if head.bytes().any(|b| b.is_ascii_digit()) => head.to_owned(),
        _ => s.to_owned(),
    }
}
