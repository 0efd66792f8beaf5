//! A maker no table knows, read from a title (`Kertas HVS Copylas A4`, `Stapler Merek Max HD-10`,
//! `Merek: Sunlight, Varian: Jeruk Nipis`): what [`super::key`] takes for the brand when no brand
//! phrase names one.

use super::lex::{self, Class, Tok};
use super::tables;
use super::vocab;

/// A brand no table knows: the word after a `Merek:` label, else the first word the matcher does
/// not know (`Kertas HVS Copylas A4`, `ICHIKO Black Mesh Swivel Chair`, `Kertas A4 70 gr -
/// Natural`). Acronyms without vowels (`PVC`) are not taken for brands. It stays among the
/// words too, so a title that names it elsewhere still shares it.
pub(super) fn unknown_brand(toks: &[Tok], field: Option<&[String]>) -> Option<String> {
    let unknown = |t: &Tok| {
        t.class == Class::Word
            && t.text.chars().count() >= 3
            && t.text.chars().any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
            && !vocab::known(&t.text)
    };
    // Else a vowel-less acronym of three letters or more that is not a code's prefix (`TVT`,
    // not `TN 2260`); technical acronyms (`DVR`, `PVC`) are known words.
    let acronym = |i: usize| {
        let t = &toks[i];
        t.class == Class::Word
            && t.text.chars().count() >= 3
            && t.text.chars().all(|c| c.is_ascii_alphabetic() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
            && !vocab::known(&t.text)
            && (toks.get(i + 1).is_none_or(|n| n.class == Class::Word) || measure_at(toks, i + 1))
    };
    let labelled = toks.windows(2).position(|w| matches!(w[0].text.as_str(), "merek" | "merk" | "brand"));
    // The word a `Merek:` field names is the maker even when the matcher knows it (review36b
    // R36b-1: `Stapler HD-10 Merek: Max` joined Kenko's stapler), unless it says there is none.
    let stated = |i: usize| {
        let t = &toks[i];
        t.class == Class::Word
            && field.and_then(|f| f.first()).is_some_and(|w| *w == t.text)
            && !NO_MAKER.contains(&t.text.as_str())
    };
    let at = labelled
        .map(|i| i + 1)
        .filter(|&i| unknown(&toks[i]) || acronym(i) || stated(i))
        .or_else(|| (0..toks.len()).find(|&i| unknown(&toks[i]) && !chalk_named(toks, i)))
        .or_else(|| (0..toks.len()).find(|&i| acronym(i)))?;
    // The run of unknown words around it: `Gunung Madu`, `So Klin`, `Stapler Kangaro`.
    // A vowel-less run word is a code's prefix (`Mimaki JV 150-160`), not a brand's.
    let other = |t: &Tok| {
        t.class == Class::Word
            && t.text.chars().count() >= 2
            && t.text.chars().any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
            && !vocab::known(&t.text)
    };
    let start = (0..at).rev().take_while(|&i| other(&toks[i])).last().unwrap_or(at);
    let mut run: Vec<usize> = (start..=at).collect();
    // A known word inside the run is passed over, not its end: in `Sabun Mandi Cair Lifebuoy`
    // the maker comes after `cair`, and `Mandi` alone would be every soap maker's brand, so a
    // title naming no maker joined them all (review31 R6).
    // A labelled brand is one field's value, and the known word after it starts the next field
    // (`Merek: Trendee, Tinta: Black, Ujung: 0.5mm`).
    // An unknown acronym is passed over too (`Seragam Sekolah SMP Ujiab`, `Kabel Tembaga NYM
    // Ujiab`): ending the run there left `Sekolah` the brand of every maker (review32m M2). Before
    // a number it is a code's prefix, and the run ends.
    let passed = |i: usize| {
        let t = &toks[i];
        let acronym = t.text.len() >= 2 && t.text.chars().all(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c));
        let code = toks.get(i + 1).is_none_or(|n| n.class != Class::Word);
        t.class == Class::Word && (vocab::known(&t.text) || (acronym && !code)) && labelled.is_none()
    };
    // A labelled brand is the field's value, up to its comma (`Merek: Sunlight, Varian: Jeruk
    // Nipis` is Sunlight, review32m M6).
    let in_field = |i: usize| labelled.is_none() || field.is_none_or(|f| f.contains(&toks[i].text));
    while let Some(&last) = run.last() {
        let gap = (last + 1..toks.len()).take_while(|&i| passed(i)).count();
        match toks.get(last + 1 + gap) {
            Some(t) if gap <= RUN_GAP && other(t) && in_field(last + 1 + gap) => run.push(last + 1 + gap),
            _ => break,
        }
    }
    let words: Vec<String> = run
        .iter()
        .map(|&i| &toks[i])
        .map(|t| {
            let mut chars = t.text.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect();
    Some(words.join(" "))
}

/// A brand read from a title's words, or, when every word of it is a dictionary's, none and the
/// words apart (review35m M35-6: `Kancing`, `Clip`, `Extra` were the brands of every button
/// folder, paper clip and staple refill). A `Merek:` field says it is a brand.
pub(super) fn ordinary_or_brand(read: Option<String>, labelled: bool) -> (Option<String>, Option<String>) {
    match read {
        Some(words) if !labelled && words.to_lowercase().split(' ').all(vocab::ordinary) => (None, Some(words)),
        read => (read, None),
    }
}

/// The words of the value a `Merek:` label gives, up to the comma, `;`, `|` or the next `Label:`:
/// the tokens lose the punctuation that ends the field.
pub(super) fn labelled_field(title: &str) -> Option<Vec<String>> {
    let lower = title.to_lowercase();
    let value = ["merek", "merk", "brand"].iter().find_map(|label| {
        lower.match_indices(label).find_map(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = &lower[at + label.len()..];
            let whole = before.is_none_or(|c| !c.is_alphanumeric());
            // `(Merek Max)`: a label in brackets names the maker without a colon.
            let bracketed = (before == Some('(') && after.starts_with(char::is_whitespace))
                .then(|| after.split(')').next().unwrap_or(after));
            let rest =
                after.trim_start().strip_prefix(':').or(bracketed).or_else(|| bare(&lower[..at], label, after))?;
            whole.then_some(rest)
        })
    })?;
    let value = value.split([',', ';', '|', '\n']).next().unwrap_or(value);
    // `Sunlight Varian: Jeruk Nipis`: the word before the next colon is the next field's label.
    let value = match value.split_once(':') {
        Some((head, _)) => head.trim_end().rsplit_once(char::is_whitespace).map_or("", |(kept, _)| kept),
        None => value,
    };
    Some(lex::tokens(value).into_iter().map(|t| t.text).collect())
}

/// `Stapler Merek Max HD-10`: a `Merek` without its colon names the maker written after it, a
/// word that names nothing else (review37m R37m-8: read no maker, the title met Kenko's). Not
/// `Tanpa Merek`, nor `Brand New`.
fn bare<'a>(before: &str, label: &str, after: &'a str) -> Option<&'a str> {
    let next = lex::tokens(after).into_iter().next()?;
    let names = next.class == Class::Word
        && !tables::NOISE.contains(&next.text.as_str())
        && !NO_MAKER.contains(&next.text.as_str())
        && tables::colour(&next.text).is_none();
    let labelled = label != "brand" && after.starts_with(char::is_whitespace) && !before.trim_end().ends_with("tanpa");
    (names && labelled).then_some(after)
}

/// What a `Merek:` field says when the good has no maker: `Tanpa Merek`, `Tidak Ada`, `Lokal`.
const NO_MAKER: &[&str] = &["tanpa", "tidak", "lokal", "lainnya", "bebas"];

/// Known words a brand's run passes over: `Cair` in `Sabun Mandi Cair Ujimh` (brand `Mandi
/// Ujimh`), `Spidol Magnetik` in `Tempat Spidol Magnetik Ujimh`.
const RUN_GAP: usize = 2;

/// `Kapur Tulis`, `Kapur Cair`, `Spidol Kapur`: the product's own name, not its maker (`Kapur
/// Tulis Gatot Putih` is Gatot's), so that chalk of two makers never meets through a title naming
/// neither (review29c P8). `Kapur` elsewhere may still be read as the brand (review28e N1).
fn chalk_named(toks: &[Tok], at: usize) -> bool {
    let next = toks.get(at + 1).is_some_and(|t| t.is("tulis") || t.is("cair"));
    let before = at.checked_sub(1).is_some_and(|i| toks[i].is("spidol") || toks[i].is("marker"));
    toks[at].is("kapur") && (next || before)
}

/// Whether a number at `at` is a measure or a count (`4 Channel`, `5 kg`), not a code's digits.
fn measure_at(toks: &[Tok], at: usize) -> bool {
    toks.get(at + 1).is_some_and(|u| tables::unit(&u.text).is_some() || tables::is_pack_word(&u.text))
}
