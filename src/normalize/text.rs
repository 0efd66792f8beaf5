//! Upstream text made plain before it reaches clients or logs.
//!
//! Marketplace strings are untrusted: markup, control characters (including terminal escapes
//! and bidirectional overrides) and runs of whitespace are removed, so a title cannot carry a
//! script into a buyer's page or an escape sequence into an operator's terminal.

use super::echo::is_hidden;
use std::borrow::Cow;

/// Plain text: tags removed, control and format characters dropped, whitespace collapsed.
pub fn plain_text(text: &str) -> String {
    plain(text).into_owned()
}

/// [`plain_text`], borrowing `text` when it is plain already (most upstream text is).
pub fn plain(text: &str) -> Cow<'_, str> {
    if is_plain(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) {
            // Skip the tag up to its '>'; an unclosed '<' swallows the rest, like a browser would.
            for t in chars.by_ref() {
                if t == '>' {
                    break;
                }
            }
            out.push(' ');
        } else if is_hidden(c) {
            continue;
        } else {
            out.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    Cow::Owned(out.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
}

/// No markup, no hidden characters, and single spaces between words only.
fn is_plain(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c == '<' || is_hidden(c) || (c.is_whitespace() && (c != ' ' || after_space)) {
            return false;
        }
        after_space = c == ' ';
    }
    !after_space || text.is_empty()
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn markup_and_control_characters_do_not_survive() {
        let cases = [
            ("Kertas <b>HVS</b> A4", "Kertas HVS A4"),
            ("<script>alert(1)</script>Toner", "alert(1) Toner"),
            ("Tinta\u{1b}[31m merah\u{7}", "Tinta[31m merah"),
            ("PT\u{202E}abc", "PTabc"),
            ("  Meja\t\n kerja  ", "Meja kerja"),
            ("Harga < 5 juta", "Harga < 5 juta"),
            ("<img src=x onerror=alert(1)", ""),
            ("Kertas HVS A4", "Kertas HVS A4"),
            ("Kertas  HVS", "Kertas HVS"),
            ("Kertas HVS ", "Kertas HVS"),
            (" Kertas", "Kertas"),
            ("", ""),
            (" ", ""),
        ];
        for (raw, plain) in cases {
            assert_eq!(plain_text(raw), plain, "{raw:?}");
        }
    }
}
