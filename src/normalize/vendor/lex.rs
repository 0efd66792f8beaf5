//! Folding and tokenising a raw vendor name.
//!
//! Every character is folded first (full-width ASCII to ASCII, any Unicode space to a plain space,
//! typographic quotes and dashes to ASCII, zero-width characters dropped), then the text is cut into
//! uppercase words, commas and parentheses. Dots only end words, but a dotted run of single letters
//! (`"P.T."`, `"C.V."`, `"U.D."`) is merged into one word. Everything works on `char`s, never on
//! byte offsets, so no input can panic.

/// One token of a vendor name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    /// A word, uppercased.
    Word(Word),
    /// A `,` or `;`.
    Comma,
    /// A `(`, `[` or `{`.
    Open,
    /// A `)`, `]` or `}`.
    Close,
}

/// A word of a vendor name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// The word, uppercased. A lone `&`, `-`, `/` or `+` is kept as a word of its own.
    pub(super) text: String,
    /// Whether a `.` followed the word directly (`"Tk."`).
    pub(super) dotted: bool,
    /// Whether the word is a single letter or a merged dotted run of them.
    letters: bool,
}

impl Word {
    /// Whether the word holds a letter or a digit (and is not only `&`, `-`, …).
    pub(super) fn has_content(&self) -> bool {
        self.text.chars().any(char::is_alphanumeric)
    }
}

impl Item {
    /// Whether this item is a word with a letter or digit in it.
    pub(super) fn has_content(&self) -> bool {
        matches!(self, Item::Word(word) if word.has_content())
    }

    /// The word's uppercase text, when this item is a word.
    pub(super) fn word(&self) -> Option<&str> {
        match self {
            Item::Word(word) => Some(&word.text),
            _ => None,
        }
    }
}

/// Folds one character, or drops it (`None`).
pub(super) fn fold_char(c: char) -> Option<char> {
    match c {
        // Full-width ASCII block: `ＰＴ．` → `PT.`.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' => Some('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{3002}' | '\u{FF61}' => Some('.'),
        '\u{3001}' | '\u{FF64}' => Some(','),
        // Turkish dotted/dotless I have no one-to-one case pair: `İ` lowercases to `i` plus a
        // combining dot, which then uppercases to two characters, so a name would not read back
        // the same. Indonesian does not use them; fold both to `I`.
        '\u{0130}' | '\u{0131}' => Some('I'),
        c if c.is_whitespace() || c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// Whether `c` is a combining mark (kept inside words, so decomposed `é` stays one word).
pub(super) fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Characters that may join the parts of one word (`"Al-Ikhlas"`, `"Jum'at"`, `"A&B"`).
fn is_joiner(c: char) -> bool {
    matches!(c, '&' | '\'' | '-' | '/' | '+')
}

/// Cuts a raw name into items.
pub(super) fn lex(raw: &str) -> Vec<Item> {
    // Uppercase of the lowercase, folded again: the display writes most letters in lowercase and
    // the next reading uppercases them, so a name must already be what that round trip gives (the
    // Ohm sign `Ω` comes back as the Greek `Ω`, `ẞ` as `SS`, `ŉ` as `'N`).
    let chars: Vec<char> = raw
        .chars()
        .filter_map(fold_char)
        .flat_map(char::to_lowercase)
        .flat_map(char::to_uppercase)
        .filter_map(fold_char)
        .collect();
    let mut items = Vec::new();
    let mut glued = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_word_char(c) || is_joiner(c) {
            let start = i;
            while i < chars.len() && (is_word_char(chars[i]) || is_joiner(chars[i])) {
                i += 1;
            }
            let dotted = chars.get(i) == Some(&'.');
            push_word(&mut items, &chars[start..i], dotted, glued);
            glued = dotted;
            if dotted {
                i += 1;
            }
            continue;
        }
        glued = false;
        match c {
            ',' | ';' => items.push(Item::Comma),
            '(' | '[' | '{' => items.push(Item::Open),
            ')' | ']' | '}' => items.push(Item::Close),
            _ => {}
        }
        i += 1;
    }
    items
}

/// Pushes one run of word characters and joiners, trimming joiners at its ends and merging
/// dotted single letters into the word before.
fn push_word(items: &mut Vec<Item>, run: &[char], dotted: bool, glued: bool) {
    let trimmed: &[char] = {
        let start = run.iter().position(|c| !is_joiner(*c));
        let end = run.iter().rposition(|c| !is_joiner(*c));
        match (start, end) {
            (Some(start), Some(end)) => &run[start..=end],
            _ => {
                // Only joiners: keep a lone `&`, `-`, `/` or `+` as a word of its own.
                if let [c @ ('&' | '-' | '/' | '+')] = run {
                    items.push(Item::Word(Word { text: c.to_string(), dotted: false, letters: false }));
                }
                return;
            }
        }
    };
    let text: String = trimmed.iter().collect();
    let single_letter = matches!(trimmed, [c] if c.is_alphabetic());
    if single_letter
        && glued
        && let Some(Item::Word(last)) = items.last_mut()
        && last.letters
        && last.dotted
    {
        last.text.push_str(&text);
        last.dotted = dotted;
        return;
    }
    items.push(Item::Word(Word { text, dotted, letters: single_letter }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(raw: &str) -> Vec<String> {
        lex(raw)
            .into_iter()
            .map(|item| match item {
                Item::Word(word) if word.dotted => format!("{}.", word.text),
                Item::Word(word) => word.text,
                Item::Comma => ",".to_owned(),
                Item::Open => "(".to_owned(),
                Item::Close => ")".to_owned(),
            })
            .collect()
    }

    #[test]
    fn dotted_single_letters_merge_into_one_word() {
        assert_eq!(words("P.T. Maju"), ["PT.", "MAJU"]);
        assert_eq!(words("C.V.Berkah"), ["CV.", "BERKAH"]);
        assert_eq!(words("U.D Sumber"), ["UD", "SUMBER"]);
    }

    #[test]
    fn spaced_initials_do_not_merge() {
        assert_eq!(words("A. B. Jaya"), ["A.", "B.", "JAYA"]);
    }

    #[test]
    fn commas_parentheses_and_lone_joiners_are_tokens() {
        assert_eq!(words("Maju (Persero), PT"), ["MAJU", "(", "PERSERO", ")", ",", "PT"]);
        assert_eq!(words("Putra & Putri -Al-Ikhlas-"), ["PUTRA", "&", "PUTRI", "AL-IKHLAS"]);
    }

    #[test]
    fn full_width_and_unicode_spaces_fold_to_ascii() {
        assert_eq!(words("ＰＴ．\u{3000}ＭＡＪＵ\u{00A0}JAYA\u{200B}"), ["PT.", "MAJU", "JAYA"]);
    }
}
