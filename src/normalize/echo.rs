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
    echoed_within(text, ECHO_CHARS)
}

/// `text` shown as [`echoed`] shows it, cut after `chars` characters: a page's form field shows
/// back as much as the field may hold (a search text's 200 characters).
pub fn echoed_within(text: &str, chars: usize) -> String {
    let mut out = String::new();
    for (at, c) in text.chars().enumerate() {
        if at == chars {
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

/// Whether `text` holds a character [`echoed`] would not send as it is, other than whitespace:
/// a page cannot show it back as written, so it refuses it (a search text, too).
pub fn has_hidden(text: &str) -> bool {
    text.chars().any(is_hidden)
}

/// A control character other than whitespace, or a format character (a text-direction override,
/// a zero-width one): shown as written, it hides or reorders what is around it.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && !c.is_whitespace()) || is_format(c)
}

/// Whether `shown`, as [`echoed`] wrote it, shows a hidden character: a control picture or a
/// format character's code point (`\u{202E}`).
pub fn shows_hidden(shown: &str) -> bool {
    let code_point = |escape: &str| {
        let hex = escape.split_once('}')?.0;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?).filter(|c| is_format(*c))
    };
    shown.chars().any(is_control_picture) || shown.split("\\u{").skip(1).any(|rest| code_point(rest).is_some())
}

/// A control picture stands in for `c`: what [`echoed`] writes.
pub fn is_control_picture(c: char) -> bool {
    ('\u{2400}'..='\u{2426}').contains(&c)
}

/// Bidirectional overrides, isolates and marks (the Arabic letter mark too), zero-width and
/// invisible characters (word joiner, invisible operators, the deprecated shaping controls,
/// interlinear annotation, tags) and the byte-order mark. The soft hyphen is left out: pasted
/// text carries it, and it reorders nothing (review41 R41-6).
pub fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
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
    fn every_invisible_or_direction_character_is_hidden_and_shown_by_its_code_point() {
        for c in ['\u{061C}', '\u{180E}', '\u{2060}', '\u{2064}', '\u{206A}', '\u{206F}', '\u{FFF9}', '\u{E0041}'] {
            let text = format!("a{c}b");
            assert!(has_hidden(&text), "{:04X}", u32::from(c));
            assert_eq!(echoed(&text), format!("a\\u{{{:04X}}}b", u32::from(c)));
        }
        assert!(!has_hidden("kertas\u{00AD}hvs \t a4"), "a soft hyphen, a tab and a space stay");
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
    fn a_hidden_character_is_found_before_and_after_it_is_shown() {
        for text in ["kertas\u{0}hvs", "kertas\u{202E}a4", "a\u{200B}b", "x\u{7f}"] {
            assert!(has_hidden(text) && shows_hidden(&echoed(text)), "{text:?}");
        }
        for text in ["kertas hvs\ta4", "kertas \\u{41} é", "\\u{zz}"] {
            // A page shows such a text as it is.
            assert!(!has_hidden(text) && !shows_hidden(text), "{text:?}");
        }
    }
}
