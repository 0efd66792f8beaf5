//! The code of an operation refused before it ran: the client's variable values, or the document.
//!
//! async-graphql checks variable values inside validation, by substituting them into the
//! arguments that use them, so a variable of the wrong type (`$first: Int` given `"ten"`) comes
//! back as a validation error, coded `GRAPHQL_VALIDATION_FAILED` as a bad document would be. The
//! document is fine; the values are not, as with a required variable left out (`BAD_USER_INPUT`,
//! `wire::coerce_variables`). Such an error is told apart by where it points: at an argument
//! whose value uses a variable. async-graphql skips an argument whose variables are absent, so
//! there the values are the only thing it can have refused.

use super::error::codes;
use super::wire::coded;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Pos, Positioned, ServerError};
use std::collections::HashSet;

/// async-graphql's message for an argument value it could not coerce (validation rule
/// `ArgumentsOfCorrectType`).
const BAD_ARGUMENT: &str = "Invalid value for argument";

/// Codes each error of a refused operation: `BAD_USER_INPUT` where a variable's value was
/// refused, `GRAPHQL_VALIDATION_FAILED` otherwise.
pub(super) fn code_refusal(errors: Vec<ServerError>, document: &ExecutableDocument) -> Vec<ServerError> {
    let fed = arguments_fed_by_variables(document);
    let code = |error: &ServerError| {
        let by_value = error.message.starts_with(BAD_ARGUMENT) && error.locations.iter().any(|at| fed.contains(at));
        if by_value { codes::BAD_USER_INPUT } else { codes::GRAPHQL_VALIDATION_FAILED }
    };
    errors
        .into_iter()
        .map(|error| {
            let code = code(&error);
            coded(error, code)
        })
        .collect()
}

/// Where each argument (of a field or a directive) whose value uses a variable is named.
fn arguments_fed_by_variables(document: &ExecutableDocument) -> HashSet<Pos> {
    let mut fed = HashSet::new();
    for (_, operation) in document.operations.iter() {
        note_directives(&operation.node.directives, &mut fed);
        walk(&operation.node.selection_set, &mut fed);
    }
    for fragment in document.fragments.values() {
        note_directives(&fragment.node.directives, &mut fed);
        walk(&fragment.node.selection_set, &mut fed);
    }
    fed
}

/// Where the arguments in `$arguments` whose value uses a variable are named. (A macro: the
/// parser's non-constant `Value` is not exported under a name to write in a signature.)
macro_rules! fed_by {
    ($arguments:expr) => {
        $arguments.iter().filter(|(_, value)| value.node.clone().into_const().is_none()).map(|(name, _)| name.pos)
    };
}

fn walk(set: &Positioned<SelectionSet>, fed: &mut HashSet<Pos>) {
    for selection in &set.node.items {
        match &selection.node {
            Selection::Field(field) => {
                fed.extend(fed_by!(field.node.arguments));
                note_directives(&field.node.directives, fed);
                walk(&field.node.selection_set, fed);
            }
            Selection::FragmentSpread(spread) => note_directives(&spread.node.directives, fed),
            Selection::InlineFragment(inline) => {
                note_directives(&inline.node.directives, fed);
                walk(&inline.node.selection_set, fed);
            }
        }
    }
}

fn note_directives(directives: &[Positioned<async_graphql::parser::types::Directive>], fed: &mut HashSet<Pos>) {
    for directive in directives {
        fed.extend(fed_by!(directive.node.arguments));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    fn codes_of(query: &str, at: Pos) -> &'static str {
        let document = parse_query(query).expect("the test document parses");
        let error = ServerError::new(format!("{BAD_ARGUMENT} \"first\", expected type \"Int\""), Some(at));
        let coded = code_refusal(vec![error], &document);
        let code = coded[0].extensions.as_ref().and_then(|e| e.get("code")).cloned();
        match code {
            Some(async_graphql::Value::String(code)) if code == codes::BAD_USER_INPUT => codes::BAD_USER_INPUT,
            Some(async_graphql::Value::String(code)) if code == codes::GRAPHQL_VALIDATION_FAILED => {
                codes::GRAPHQL_VALIDATION_FAILED
            }
            other => panic!("unexpected code {other:?}"),
        }
    }

    #[test]
    fn a_refused_argument_fed_by_a_variable_is_the_clients_input() {
        let query = "query($n: Int) { search(query: \"x\", first: $n) { complete } }";
        assert_eq!(codes_of(query, Pos { line: 1, column: 37 }), codes::BAD_USER_INPUT);
    }

    #[test]
    fn a_refused_literal_argument_is_a_validation_failure() {
        let query = "query($n: Int) { search(query: \"x\", first: \"ten\") { complete } }";
        assert_eq!(codes_of(query, Pos { line: 1, column: 37 }), codes::GRAPHQL_VALIDATION_FAILED);
    }

    #[test]
    fn arguments_in_fragments_and_directives_are_found() {
        let query = "query($n: Int, $b: Boolean) { ...F } \
                     fragment F on Query { search(query: \"x\", first: $n) @include(if: $b) { complete } }";
        let document = parse_query(query).expect("the test document parses");
        let fed = arguments_fed_by_variables(&document);
        assert_eq!(fed.len(), 2, "{fed:?}");
    }
}
