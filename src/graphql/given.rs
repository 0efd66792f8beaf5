//! Which variable a refused argument's value came from. A resolver refusing its input (a search
//! text with a control character, an unknown region code) names the argument in
//! `extensions.field` but cannot see how it was given; the variables checked before execution
//! name theirs in `extensions.variable`, and a client sending its values as variables needs the
//! same to point at its own input (review41 R41-10).

use async_graphql::parser::types::{OperationDefinition, Selection};
use async_graphql::{PathSegment, ServerError, Value};

/// Adds `extensions.variable` to `error` when the argument (or the part of it) its `field` names
/// was given as a variable of `operation` (`search(query: $q)`, `filter: $f` or
/// `filter: { vendorRegion: $r }`).
pub(super) fn name_variable(error: &mut ServerError, operation: &OperationDefinition) {
    let Some(extensions) = error.extensions.as_mut() else { return };
    if extensions.get("variable").is_some() {
        return;
    }
    let Some(Value::String(field)) = extensions.get("field") else { return };
    let Some(PathSegment::Field(root)) = error.path.first() else { return };
    if let Some(variable) = variable_of(operation, root, field) {
        extensions.set("variable", variable);
    }
}

/// The variable the argument `field` (dotted into input objects) of the root field answering as
/// `root` was given by, if it was.
fn variable_of(operation: &OperationDefinition, root: &str, field: &str) -> Option<String> {
    let selected = operation.selection_set.node.items.iter().find_map(|selection| match &selection.node {
        Selection::Field(selected) if selected.node.response_key().node == root => Some(selected),
        _ => None,
    })?;
    let mut parts = field.split('.');
    let argument = parts.next()?;
    let mut value = &selected.node.arguments.iter().find(|(name, _)| name.node == argument)?.1.node;
    loop {
        match value {
            async_graphql_value::Value::Variable(name) => return Some(name.to_string()),
            async_graphql_value::Value::Object(fields) => value = fields.get(parts.next()?)?,
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variable(document: &str, root: &str, field: &str) -> Option<String> {
        let document = async_graphql::parser::parse_query(document).expect("a document");
        let (_, operation) = document.operations.iter().next().expect("an operation");
        variable_of(&operation.node, root, field)
    }

    #[test]
    fn an_argument_given_as_a_variable_is_named_by_it_however_deep_the_field() {
        let query = "query($q: String!) { search(query: $q, first: 5) { complete } }";
        assert_eq!(variable(query, "search", "query").as_deref(), Some("q"));
        let region = r#"query($r: String) { s: search(query: "k", filter: { vendorRegion: $r }) { complete } }"#;
        assert_eq!(variable(region, "s", "filter.vendorRegion").as_deref(), Some("r"));
        let filter = r#"query($f: OfferFilter) { search(query: "k", filter: $f) { complete } }"#;
        assert_eq!(variable(filter, "search", "filter.vendorRegion").as_deref(), Some("f"));
        assert_eq!(variable(r#"{ search(query: "k") { complete } }"#, "search", "query"), None, "a literal");
        assert_eq!(variable(query, "other", "query"), None, "another root field");
    }
}
