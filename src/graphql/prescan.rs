//! A linear scan of the query text before the GraphQL parser sees it.
//!
//! async-graphql 7.2's parser recurses per nesting level and overflows the stack (aborting the
//! whole process) on a ~4 KB query of nested list values (reliability.md §0 item 1), so nesting
//! and size must be bounded without recursion first. The same pass counts aliases, which
//! async-graphql does not limit. Root and fan-out fields are counted on the parse, by the
//! [`expansion`](super::expansion): the text alone cannot tell a fragment on `Offer` from one on
//! `Query`, an alias from a field's name, or one operation from the next.

/// What the scan measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct QueryShape {
    /// Deepest nesting of `{`, `(` and `[` together.
    pub(super) nesting: usize,
    /// Lexical tokens.
    pub(super) tokens: usize,
    /// Aliased fields (`a: search(…)`).
    pub(super) aliases: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Name(&'a str),
    Punct(u8),
    Other,
}

/// Scans `query` once; stops early (returning what it has) once `max_tokens` is passed.
pub(super) fn scan(query: &str, max_tokens: usize) -> QueryShape {
    let mut shape = QueryShape::default();
    let (mut braces, mut parens, mut brackets) = (0usize, 0usize, 0usize);
    let mut previous: Option<Token<'_>> = None;
    let mut lexer = Lexer { text: query.as_bytes(), src: query, pos: 0 };
    while let Some(token) = lexer.next_token() {
        shape.tokens += 1;
        if shape.tokens > max_tokens {
            break;
        }
        match token {
            Token::Punct(b'{') => braces += 1,
            Token::Punct(b'}') => braces = braces.saturating_sub(1),
            Token::Punct(b'(') => parens += 1,
            Token::Punct(b')') => parens = parens.saturating_sub(1),
            Token::Punct(b'[') => brackets += 1,
            Token::Punct(b']') => brackets = brackets.saturating_sub(1),
            Token::Punct(b':') if parens == 0 && brackets == 0 && matches!(previous, Some(Token::Name(_))) => {
                shape.aliases += 1;
            }
            _ => {}
        }
        shape.nesting = shape.nesting.max(braces + parens + brackets);
        previous = Some(token);
    }
    shape
}

struct Lexer<'a> {
    text: &'a [u8],
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn next_token(&mut self) -> Option<Token<'a>> {
        self.skip_ignored();
        let &byte = self.text.get(self.pos)?;
        let start = self.pos;
        self.pos += 1;
        Some(match byte {
            b'{' | b'}' | b'(' | b')' | b'[' | b']' | b':' | b'!' | b'$' | b'&' | b'|' | b'@' | b'=' => {
                Token::Punct(byte)
            }
            b'.' if self.text.get(self.pos..self.pos + 2) == Some(b"..") => {
                self.pos += 2;
                Token::Other
            }
            b'"' => {
                self.skip_string();
                Token::Other
            }
            b'_' | b'a'..=b'z' | b'A'..=b'Z' => {
                self.pos +=
                    self.text[self.pos..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
                self.src.get(start..self.pos).map_or(Token::Other, Token::Name)
            }
            _ => {
                // Numbers and anything else: one token per run of such bytes.
                self.pos += self.text[self.pos..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
                    .count();
                Token::Other
            }
        })
    }

    /// Whitespace, commas, a byte-order mark and `#` comments are not tokens.
    fn skip_ignored(&mut self) {
        while let Some(&byte) = self.text.get(self.pos) {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' | b',' => self.pos += 1,
                0xEF if self.text.get(self.pos..self.pos + 3) == Some(&[0xEF, 0xBB, 0xBF]) => self.pos += 3,
                // A comment ends at any line terminator, `\r` alone too, as async-graphql's grammar
                // has it: ended only at `\n`, `#\r` hid all that followed on the line from the scan
                // while the parser read it, nesting included.
                b'#' => self.pos += self.text[self.pos..].iter().take_while(|b| !matches!(b, b'\n' | b'\r')).count(),
                _ => return,
            }
        }
    }

    /// Skips a string whose opening quote was consumed: `"…"` or `"""…"""`.
    fn skip_string(&mut self) {
        if self.text.get(self.pos..self.pos + 2) == Some(b"\"\"") {
            self.pos += 2;
            while self.pos < self.text.len() {
                if self.text.get(self.pos..self.pos + 4) == Some(b"\\\"\"\"") {
                    self.pos += 4;
                } else if self.text.get(self.pos..self.pos + 3) == Some(b"\"\"\"") {
                    self.pos += 3;
                    return;
                } else {
                    self.pos += 1;
                }
            }
            return;
        }
        while let Some(&byte) = self.text.get(self.pos) {
            self.pos += 1;
            match byte {
                b'\\' => self.pos += 1,
                b'"' | b'\n' | b'\r' => return,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_search_has_no_alias() {
        let shape = scan("query Q($q: String!) { search(query: $q) { offers { totalCount } } }", 10_000);
        assert_eq!(shape.aliases, 0);
        assert_eq!(shape.nesting, 3);
    }

    #[test]
    fn aliases_are_counted() {
        let shape = scan(
            "{ a: search(query: \"x\") { complete } b: search(query: \"y\") { complete } marketplaces { id } }",
            10_000,
        );
        assert_eq!(shape.aliases, 2);
    }

    #[test]
    fn argument_object_fields_and_variable_types_are_not_aliases() {
        let shape = scan(
            "query($f: OfferFilter = {minPrice: \"1\"}) { search(query: \"a: b\", filter: {marketplaces: [\"mbiz\"]}) { complete } }",
            10_000,
        );
        assert_eq!(shape.aliases, 0);
    }

    #[test]
    fn nesting_inside_strings_and_comments_does_not_count() {
        let shape = scan(
            "# {{{{[[[[\n{ parsePrice(text: \"[[[[{{{{\\\"\") { amount } x: parsePrice(text: \"\"\"{{{\"\"\") { amount } }",
            10_000,
        );
        assert_eq!((shape.nesting, shape.aliases), (2, 1));
    }

    #[test]
    fn a_comment_or_a_string_ends_at_a_carriage_return_as_the_parser_ends_it() {
        let hidden = format!("{{ a(b: #\r{}1{}) }}", "[".repeat(50), "]".repeat(50));
        assert_eq!(scan(&hidden, 10_000).nesting, 52, "`#\\r` ends the comment");
        let crlf = format!("{{ a(b: #x\r\n{}1{}) }}", "[".repeat(5), "]".repeat(5));
        assert_eq!(scan(&crlf, 10_000).nesting, 7);
        let string = format!("{{ a(b: \"x\r{}1{}) }}", "[".repeat(5), "]".repeat(5));
        assert_eq!(scan(&string, 10_000).nesting, 7, "a string cannot hold a line terminator");
    }

    proptest::proptest! {
        /// Whatever comments, strings and line ends come before them, brackets the parser reads
        /// as brackets are brackets to the scan too: it must never measure less than is parsed.
        #[test]
        fn the_scan_sees_every_bracket_the_parser_sees(prefix in "[#\r\n \"xa,]{0,24}") {
            let query = format!("{{ a(b: {prefix}{}1{}) }}", "[".repeat(30), "]".repeat(30));
            if async_graphql::parser::parse_query(&query).is_ok() {
                proptest::prop_assert!(scan(&query, 10_000).nesting >= 32, "{:?}", query);
            }
        }
    }

    #[test]
    fn deeply_nested_list_values_are_measured_without_recursion() {
        let query = format!(
            "{{ search(query: \"x\", filter: {{marketplaces: {}{}}}) {{ complete }} }}",
            "[".repeat(50_000),
            "]".repeat(50_000)
        );
        assert!(scan(&query, 1_000_000).nesting > 50_000);
    }

    #[test]
    fn the_scan_stops_counting_past_the_token_limit() {
        let query = "{ a ".repeat(10_000);
        assert_eq!(scan(&query, 100).tokens, 101);
    }
}
