//! "All Variable Usages Are Allowed" (spec §5.8.5): a variable may be used only where its type
//! fits. async-graphql has the rule, but its chain of rules never passes it the input values it
//! looks at, so `query($n: String) { search(first: $n) }` ran while `$n` was left out, and the
//! same document was refused or run depending on the values sent.

use super::walk::{Place, each_value};
use async_graphql::parser::types::{BaseType, ExecutableDocument, OperationDefinition, Type, VariableDefinition};
use async_graphql::{Positioned, ServerError};
use async_graphql_value::Value;

/// Refuses the operation when a variable is used where its type does not fit (the caller codes
/// the error, as a validation failure).
pub(crate) fn check(
    document: &ExecutableDocument,
    operation: &Positioned<OperationDefinition>,
) -> Result<(), ServerError> {
    let variables = &operation.node.variable_definitions;
    // Most documents declare none: then no usage can be wrong, and nothing is walked.
    if variables.is_empty() {
        return Ok(());
    }
    each_value(document, operation, |place| match place.value {
        Value::Variable(name) => usage(variables, name, place),
        _ => Ok(()),
    })
}

/// Where `variable` is first used in `operation`: its argument, and the input fields down to it
/// (`filter.maxPrice`).
pub(crate) fn place_of(
    document: &ExecutableDocument,
    operation: &Positioned<OperationDefinition>,
    variable: &str,
) -> Option<String> {
    let found = each_value(document, operation, |place| match place.value {
        Value::Variable(name) if name.as_str() == variable => Err(place.path.join(".")),
        _ => Ok(()),
    });
    found.err()
}

fn usage(variables: &[Positioned<VariableDefinition>], name: &str, place: &Place<'_, '_>) -> Result<(), ServerError> {
    // An undefined variable is validation's to refuse.
    let Some(def) = variables.iter().find(|d| d.node.name.node == name) else { return Ok(()) };
    let (location, has_default) = (place.ty, place.has_default);
    let var = &def.node.var_type.node;
    let var_default = def.node.default_value.as_ref().is_some_and(|d| d.node != async_graphql::Value::Null);
    let allowed = if !location.nullable && var.nullable {
        (var_default || has_default) && compatible(var, &Type { base: location.base.clone(), nullable: true })
    } else {
        compatible(var, location)
    };
    if allowed {
        return Ok(());
    }
    let message = format!("Variable \"${name}\" of type \"{var}\" used in position expecting type \"{location}\".");
    Err(ServerError { locations: vec![def.pos, place.pos], ..ServerError::new(message, None) })
}

/// AreTypesCompatible (spec §5.8.5).
fn compatible(var: &Type, location: &Type) -> bool {
    if !location.nullable {
        return !var.nullable && compatible(&nullable(var), &nullable(location));
    }
    if !var.nullable {
        return compatible(&nullable(var), location);
    }
    match (&var.base, &location.base) {
        (BaseType::List(v), BaseType::List(l)) => compatible(v, l),
        (BaseType::Named(v), BaseType::Named(l)) => v == l,
        _ => false,
    }
}

fn nullable(ty: &Type) -> Type {
    Type { base: ty.base.clone(), nullable: true }
}

#[cfg(test)]
mod tests {
    use super::check;
    use async_graphql::parser::parse_query;

    fn allowed(query: &str) -> Result<(), String> {
        let document = parse_query(query).expect("the test document parses");
        let operation = document.operations.iter().next().expect("one operation").1;
        check(&document, operation).map_err(|e| e.message)
    }

    #[test]
    fn a_variable_fits_a_position_of_its_type_or_a_nullable_one_of_it() {
        for query in [
            "query($n: Int) { search(query: \"x\", first: $n) { complete } }",
            "query($n: Int!) { search(query: \"x\", first: $n) { complete } }",
            "query($q: String = \"x\") { search(query: $q) { complete } }",
            "query($q: String!) { search(query: $q) { complete } }",
            "query($m: ID!) { search(query: \"x\", filter: { marketplaces: [$m] }) { complete } }",
            "query($m: [ID!]) { search(query: \"x\", filter: { marketplaces: $m }) { complete } }",
            "query($b: Boolean!) { marketplaces @include(if: $b) { id } }",
            "query($b: Boolean = false) { marketplaces @skip(if: $b) { id } }",
            "query($u: Boolean) { search(query: \"x\", filter: { umkOnly: $u }) { complete } }",
        ] {
            assert_eq!(allowed(query), Ok(()), "{query}");
        }
    }

    #[test]
    fn a_variable_of_another_type_or_nullable_where_a_value_is_needed_is_refused() {
        for query in [
            "query($n: String) { search(query: \"x\", first: $n) { complete } }",
            "query($q: String) { search(query: $q) { complete } }",
            "query($m: ID) { search(query: \"x\", filter: { marketplaces: [$m] }) { complete } }",
            "query($m: ID) { search(query: \"x\", filter: { marketplaces: $m }) { complete } }",
            "query($b: Boolean) { marketplaces @include(if: $b) { id } }",
            "query($s: String) { search(query: \"x\", sort: $s) { complete } }",
            "query($n: String) { ...F } fragment F on Query { search(query: \"x\", first: $n) { complete } }",
            "query($n: String) { ... on Query { search(query: \"x\", first: $n) { complete } } }",
        ] {
            let refused = allowed(query).expect_err(query);
            assert!(refused.contains("used in position expecting type"), "{query}: {refused}");
        }
    }
}
