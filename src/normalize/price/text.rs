//! Step 1: cleaning the raw text, and the small text helpers other steps share.

/// Characters that render as nothing and only get in the way.
const INVISIBLE: [char; 6] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'];

/// Dash variants (hyphens, en/em dash, minus sign) all read as `-`.
const DASHES: [char; 9] =
    ['\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{FE63}', '\u{FF0D}'];

/// Words that mean "ask the seller", checked only when there are no digits.
const ON_REQUEST: [&str; 10] =
    ["hubungi", "penawaran", "nego", "tanya", "kontak", "call", "contact", "request", "inquiry", "ask"];

/// Labels that may precede the amount and carry no meaning, longest first.
const LABELS: [&str; 6] = ["harga satuan", "harga jual", "harga nett", "harga net", "harga", "price"];

/// Words after the amount saying it is net of discounts and extra charges (`Rp 1.250.000
/// nett`): nothing about PPN, so only removed.
const NET: [&str; 2] = ["nett", "net"];

/// Lower-cases, maps every Unicode space (NBSP, narrow NBSP, thin space, …)
/// to `' '` and every dash to `'-'`, drops zero-width characters, collapses
/// runs of spaces and trims.
///
/// No NFC step is needed: every token the parser accepts is ASCII, and a
/// decomposed letter simply stays unreadable.
pub(super) fn clean(raw: &str) -> String {
    let mapped: String = raw
        .chars()
        .filter(|c| !INVISIBLE.contains(c))
        .map(|c| match c {
            c if c.is_whitespace() => ' ',
            c if DASHES.contains(&c) => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    collapse_spaces(&mapped)
}

/// Collapses runs of spaces into one and trims both ends.
pub(super) fn collapse_spaces(s: &str) -> String {
    s.split(' ').filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ")
}

/// True for "Hubungi penjual", "Minta penawaran", "Harga nego", … — texts with
/// no digit at all that point the buyer to the seller.
pub(super) fn is_on_request(cleaned: &str) -> bool {
    !cleaned.bytes().any(|b| b.is_ascii_digit()) && ON_REQUEST.iter().any(|word| cleaned.contains(word))
}

/// Tidies what is left after the tax hints are removed: empty brackets,
/// doubled spaces, stray `,;:` at the ends, a dangling ` -`, a leading
/// label such as `harga:` and a trailing `nett`.
pub(super) fn tidy(s: &str) -> String {
    let spaced = collapse_spaces(s);
    let out = collapse_spaces(&spaced.replace("( )", " ").replace("()", " "));
    let mut trimmed = trim_punctuation(&out);
    if let Some(rest) = trimmed.strip_suffix(" -") {
        trimmed = trim_punctuation(rest);
    }
    let unlabelled = trim_punctuation(strip_label(trimmed));
    let net = NET.iter().find_map(|word| strip_word_suffix(unlabelled, word)).map(trim_punctuation);
    // A word alone is no amount: left in place to be refused as it is.
    net.filter(|rest| !rest.is_empty()).unwrap_or(unlabelled).to_owned()
}

fn trim_punctuation(s: &str) -> &str {
    s.trim_matches(|c: char| c == ' ' || c == ',' || c == ';' || c == ':')
}

fn strip_label(s: &str) -> &str {
    LABELS.iter().find_map(|label| strip_word_prefix(s, label)).unwrap_or(s)
}

/// `s` without the leading `word`, when `word` is followed by a non-letter.
pub(super) fn strip_word_prefix<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    let boundary = rest.chars().next().is_none_or(|c| !c.is_alphabetic());
    boundary.then_some(rest)
}

/// `s` without the trailing `word`, when `word` is preceded by a non-letter.
pub(super) fn strip_word_suffix<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_suffix(word)?;
    let boundary = rest.chars().next_back().is_none_or(|c| !c.is_alphabetic());
    boundary.then_some(rest)
}

/// Whether the match `s[start..end]` stands alone: no letter touches it.
pub(super) fn is_standalone(s: &str, start: usize, end: usize) -> bool {
    let before = s.get(..start).and_then(|b| b.chars().next_back());
    let after = s.get(end..).and_then(|a| a.chars().next());
    before.is_none_or(|c| !c.is_alphabetic()) && after.is_none_or(|c| !c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_maps_unicode_spaces_and_dashes_and_lowercases() {
        assert_eq!(clean("  Rp\u{A0}1.250.000 "), "rp 1.250.000");
        assert_eq!(clean("Rp\u{202F}5\u{2009}rb"), "rp 5 rb");
        assert_eq!(clean("Rp120.000\u{2013}Rp150.000"), "rp120.000-rp150.000");
        assert_eq!(clean("\u{FEFF}IDR\u{200B} 1"), "idr 1");
        assert_eq!(clean("\u{2212}5000"), "-5000");
    }

    #[test]
    fn on_request_needs_a_keyword_and_no_digits() {
        assert!(is_on_request("hubungi penjual"));
        assert!(is_on_request("minta penawaran"));
        assert!(!is_on_request("nego rp 5.000"));
        assert!(!is_on_request("rp abc"));
    }

    #[test]
    fn tidying_removes_leftovers_of_tax_hints_and_labels() {
        assert_eq!(tidy("rp 1.250.000 ()"), "rp 1.250.000");
        assert_eq!(tidy("rp 1.250.000 (   )"), "rp 1.250.000");
        assert_eq!(tidy("harga: rp 5.000"), "rp 5.000");
        assert_eq!(tidy("rp 1.250.000 -"), "rp 1.250.000");
        assert_eq!(tidy("rp 65.000,-"), "rp 65.000,-");
        assert_eq!(tidy("hargaku"), "hargaku");
        assert_eq!(tidy("rp 1.250.000 nett"), "rp 1.250.000");
        assert_eq!(tidy("harga nett: rp 1.250.000"), "rp 1.250.000");
        assert_eq!(tidy("rp 1.250.000 internet"), "rp 1.250.000 internet");
    }

    #[test]
    fn standalone_matches_are_not_touched_by_letters() {
        assert!(is_standalone("1 to 2", 2, 4));
        assert!(!is_standalone("toko", 0, 2));
        assert!(is_standalone("to", 0, 2));
    }
}
