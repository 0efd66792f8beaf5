//! Numbers a client wrote that the place they stand cannot hold: the client's argument out of
//! range, `BAD_USER_INPUT` naming it in `extensions.field`, however the number is written
//! (review38h R38h-9).
//!
//! `first: 1e309`, or 3,000 digits, are valid GraphQL tokens (an IntValue or FloatValue has no
//! length limit) the parser cannot hold: not a document that is not GraphQL. `first:
//! 99999999999999999999` parses (as a float, past i64) and was async-graphql's validation failure,
//! `first: 2147483648` its field error with no name: each is an `Int` argument out of range.

use super::codes;
use super::error::coded;
use super::variables::{INT_RANGE, Place, each_value, named};
use crate::normalize::echo::echoed;
use async_graphql::parser::types::{ExecutableDocument, OperationDefinition};
use async_graphql::{Pos, Positioned, ServerError};
use async_graphql_value::Value;

/// The refusal of a number past any float at `at`, where the parser stopped, if that is one.
pub(super) fn out_of_range(query: &str, at: Pos) -> Option<ServerError> {
    let (start, token) = number_at(query, at)?;
    if token.parse::<f64>().is_ok_and(f64::is_finite) {
        return None;
    }
    let field = argument(&query[..start])?;
    Some(refused(format!("`{field}` got {}, a number larger than any Int or Float holds", echoed(token)), at, field))
}

/// Refuses `document` when an `Int` argument of any of its operations is given a number literal no
/// `Int` holds, `selected` first. Not only the operation run: async-graphql validates them all,
/// and refused `first: 99999999999999999999` in another as `GRAPHQL_VALIDATION_FAILED` naming no
/// argument, while `first: 2147483648` there (an i64, which its validation takes) passed.
pub(super) fn int_out_of_range_in(
    query: &str,
    document: &ExecutableDocument,
    selected: &Positioned<OperationDefinition>,
) -> Result<(), ServerError> {
    int_out_of_range(query, document, selected)?;
    let others = document.operations.iter().map(|(_, operation)| operation);
    others
        .filter(|other| !std::ptr::eq(*other, selected))
        .try_for_each(|other| int_out_of_range(query, document, other))
}

/// Refuses `operation` when an `Int` argument is given a number literal no `Int` holds; a number
/// that is no whole one (`first: 1.5`) is left to validation, as any value of the wrong type.
fn int_out_of_range(
    query: &str,
    document: &ExecutableDocument,
    operation: &Positioned<OperationDefinition>,
) -> Result<(), ServerError> {
    each_value(document, operation, |place: &Place<'_, '_>| {
        let Value::Number(number) = place.value else { return Ok(()) };
        let int = f64::from(i32::MIN)..=f64::from(i32::MAX);
        if named(place.ty) != "Int" || number.as_f64().is_none_or(|n| int.contains(&n)) {
            return Ok(());
        }
        // As written: the parser keeps 99999999999999999999 as the float 1e20. A part of an
        // object has no position of its own, so it is said as read.
        let written = number_at(query, place.pos).map_or_else(|| number.to_string(), |(_, token)| token.to_string());
        let field = place.path.join(".");
        let message = format!("`{field}` got {}, a number outside what an Int holds ({INT_RANGE})", echoed(&written));
        Err(refused(message, place.pos, field))
    })
}

fn refused(message: String, at: Pos, field: String) -> ServerError {
    let mut error = coded(ServerError::new(message, Some(at)), codes::BAD_USER_INPUT);
    error.extensions.get_or_insert_with(Default::default).set("field", field);
    error
}

/// The number token starting at `at`, and its byte offset, if one does.
fn number_at(query: &str, at: Pos) -> Option<(usize, &str)> {
    let start = offset(query, at)?;
    let rest = &query[start..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')));
    let token = &rest[..end.unwrap_or(rest.len())];
    is_number(token).then_some((start, token))
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
