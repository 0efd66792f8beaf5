//! async-graphql's refusal of a `Decimal` literal it cannot read, said in Pasar's words and
//! naming the input field: `Failed to parse "Decimal": Scale exceeds the maximum precision
//! allowed: 308 > 28 (occurred while parsing "OfferFilter")` was library text with no
//! `extensions.field`, where Pasar's own range errors name it (review38h R38h-9).

use super::variables::{self, DECIMAL_WANTED as WANTED};
use crate::codes::Code;
use async_graphql::parser::types::{OperationDefinition, Selection};
use async_graphql::{Pos, ServerError};

/// How async-graphql's message starts.
const LIBRARY: &str = "Failed to parse \"Decimal\"";

/// `error` said again when it is async-graphql's refusal of a `Decimal` in `operation`.
pub(super) fn said_by_pasar(error: &mut ServerError, operation: Option<&OperationDefinition>) {
    if !error.message.starts_with(LIBRARY) {
        return;
    }
    let field = operation.zip(error.locations.first()).and_then(|(operation, at)| refused_field(operation, *at));
    error.message = match &field {
        Some(field) => format!("`{field}` is not a Decimal Pasar reads: {WANTED}"),
        None => format!("a Decimal argument is not one Pasar reads: {WANTED}"),
    };
    let extensions = error.extensions.get_or_insert_with(Default::default);
    extensions.set("code", Code::BadUserInput.as_str());
    if let Some(field) = field {
        extensions.set("field", field);
    }
}

/// The argument (and the field inside it, `filter.minPrice`) of a root field of `operation`
/// whose literal starts at `at` and holds a part no Decimal reads.
fn refused_field(operation: &OperationDefinition, at: Pos) -> Option<String> {
    let root = variables::root(operation);
    operation.selection_set.node.items.iter().find_map(|selection| {
        let Selection::Field(field) = &selection.node else { return None };
        let (argument, value) = field.node.arguments.iter().find(|(_, value)| value.pos == at)?;
        let value = value.node.clone().into_const()?.into_json().ok()?;
        let path = variables::refused_path(root, &field.node.name.node, &argument.node, &value)?;
        Some(format!("{}{path}", argument.node))
    })
}
