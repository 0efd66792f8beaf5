//! A client's own text as Pasar shows it back: in an error message (GraphQL, the downloads'
//! plain text, the pages' alerts) and in a refused page's form.
//!
//! What a client sends is as untrusted as what a marketplace sends, and a refusal is read in
//! terminals and logs: shown raw, a NUL, a terminal escape, a line break or a bidirectional
//! override travels into them, and a 100 KB value makes a 100 KB message (review38h R38h-6).

use std::fmt::Write;

/// The most characters of a client's value an error message quotes; every valid value Pasar
/// echoes (an offer or vendor id, a region code, a marketplace id) is shorter.
pub const ECHO_CHARS: usize = 64;

/// ␦, for a control character with no picture of its own.
const SUBSTITUTE_PICTURE: char = '\u{2426}';

/// `text` as a refusal quotes it: at most [`ECHO_CHARS`] characters and an ellipsis for the
/// rest, each control character (a line break too) as its picture (`␀`, `␛`, `␊`), each
/// invisible or bidirectional format character as its code point (`\u{202E}`).
pub fn echoed(text: &str) -> String {
    let mut out = String::new();
    for (at, c) in text.chars().enumerate() {
        if at == ECHO_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push(picture(c));
        } else if is_format(c) {
            let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with each control character other than whitespace as its picture, and nothing else
/// changed: a search text a page shows back in its form, where a bidirectional mark may be part
/// of what was searched for.
pub fn pictured(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && !c.is_whitespace() { picture(c) } else { c }).collect()
}

/// A control picture stands in for `c`: what [`pictured`] and [`echoed`] write.
pub fn is_control_picture(c: char) -> bool {
    ('\u{2400}'..='\u{2426}').contains(&c)
}

/// Bidirectional overrides, isolates and marks, zero-width characters and the byte-order mark.
pub fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The picture of a control character (a NUL as `␀`, DEL as `␡`); `␦` where it has none.
fn picture(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1F => char::from_u32(0x2400 + code).unwrap_or(SUBSTITUTE_PICTURE),
        0x7F => '\u{2421}',
        _ => SUBSTITUTE_PICTURE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidirectional_characters_are_shown_not_sent() {
        assert_eq!(echoed("mbiz:\u{0}\u{202E}\u{1b}[31m\n"), "mbiz:␀\\u{202E}␛[31m␊");
        assert_eq!(echoed("35.71\u{85}\u{7f}\u{FEFF}"), "35.71␦␡\\u{FEFF}");
        assert_eq!(echoed("Kota Surabaya é"), "Kota Surabaya é");
    }

    #[test]
    fn a_long_value_is_cut_after_its_first_characters() {
        let long = "é".repeat(100_000);
        let shown = echoed(&long);
        assert_eq!(shown.chars().count(), ECHO_CHARS + 1);
        assert!(shown.ends_with("é…"));
        assert_eq!(echoed(&"x".repeat(ECHO_CHARS)), "x".repeat(ECHO_CHARS), "at the bound: whole");
    }

    #[test]
    fn a_search_text_keeps_its_spaces_and_marks() {
        assert_eq!(pictured("kertas\u{0}hvs\t\u{202E}a4"), "kertas␀hvs\t\u{202E}a4");
    }
}
