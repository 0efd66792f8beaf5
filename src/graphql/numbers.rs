//! A document the parser refused at a number it cannot hold: `first: 1e309`, or 3,000 digits.
//! Both are valid GraphQL tokens (an IntValue or FloatValue has no length limit), so they are the
//! client's argument out of range, `BAD_USER_INPUT` naming it as `first: 2147483648` is, not a
//! document that is not GraphQL (review38h R38h-9).

use super::codes;
use super::error::coded;
use crate::normalize::echo::echoed;
use async_graphql::{Pos, ServerError};

/// The refusal of a number past any float at `at`, where the parser stopped, if that is one.
pub(super) fn out_of_range(query: &str, at: Pos) -> Option<ServerError> {
    let start = offset(query, at)?;
    let token: &str = {
        let rest = &query[start..];
        let end = rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')));
        &rest[..end.unwrap_or(rest.len())]
    };
    if !is_number(token) || token.parse::<f64>().is_ok_and(f64::is_finite) {
        return None;
    }
    let field = argument(&query[..start])?;
    let message = format!("`{field}` got {}, a number larger than any Int or Float holds", echoed(token));
    let mut error = coded(ServerError::new(message, Some(at)), codes::BAD_USER_INPUT);
    error.extensions.get_or_insert_with(Default::default).set("field", field);
    Some(error)
}

/// The byte offset of a 1-based line and column (in characters).
fn offset(query: &str, at: Pos) -> Option<usize> {
    let line_start = if at.line <= 1 { 0 } else { query.match_indices('\n').nth(at.line - 2).map(|(i, _)| i + 1)? };
    let line = &query[line_start..];
    let column = line.char_indices().nth(at.column.checked_sub(1)?).map(|(i, _)| i)?;
    Some(line_start + column)
}

/// An IntValue or FloatValue as the GraphQL grammar writes them (§2.9.1, §2.9.2).
fn is_number(token: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = token.strip_prefix('-').unwrap_or(token);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    digits(whole) && (whole == "0" || !whole.starts_with('0')) && fraction.is_none_or(digits) && exponent_ok
}

/// The argument (or input field, dotted under its argument: `filter.minPrice`) whose value
/// starts where `before` ends.
fn argument(before: &str) -> Option<String> {
    let mut names = vec![name_before(before)?];
    let mut depth = 0usize;
    for (at, c) in before.char_indices().rev() {
        match c {
            '}' | ']' => depth += 1,
            '[' if depth > 0 => depth -= 1,
            '{' if depth > 0 => depth -= 1,
            // The object this value is a field of: named by the field or argument it is the value of.
            '{' => match name_before(&before[..at]) {
                Some(name) => names.push(name),
                None => break,
            },
            '(' => break,
            _ => {}
        }
    }
    names.reverse();
    Some(names.join("."))
}

/// `name` when `text` ends with `name:` (and spaces).
fn name_before(text: &str) -> Option<String> {
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || c == ',').strip_suffix(':')?.trim_end();
    let start = text.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let name = &text[start..];
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(query: &str) -> Option<(String, String)> {
        let error = async_graphql::parser::parse_query(query).err()?;
        let refused = out_of_range(query, error.positions().next()?)?;
        let field = refused.extensions.as_ref()?.get("field")?.to_string();
        Some((field, refused.message))
    }

    #[test]
    fn a_number_past_any_float_names_its_argument() {
        let (field, message) = refused("{ search(query: \"x\", first: 1e309) { complete } }").expect("refused");
        assert_eq!(
            (field.as_str(), message.as_str()),
            ("\"first\"", "`first` got 1e309, a number larger than any Int or Float holds")
        );
        let digits = format!("{{ search(query: \"x\",\n  first: {}) {{ complete }} }}", "9".repeat(3_000));
        let (field, message) = refused(&digits).expect("refused");
        assert_eq!(field, "\"first\"");
        assert!(message.chars().count() < 150, "{message}");
        let nested = "{ search(query: \"x\", filter: { minPrice: -1e400 }) { complete } }";
        assert_eq!(refused(nested).map(|r| r.0).as_deref(), Some("\"filter.minPrice\""));
    }

    #[test]
    fn other_syntax_errors_are_left_to_the_parser() {
        for query in ["{ search(first: 1.) { a } }", "{", "{ a(b: 01) }", "{ a(b: 1e) }"] {
            assert_eq!(refused(query), None, "{query}");
        }
    }
}
