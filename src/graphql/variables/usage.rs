//! "All Variable Usages Are Allowed" (spec §5.8.5): a variable may be used only where its type
//! fits. async-graphql has the rule, but its chain of rules never passes it the input values it
//! looks at, so `query($n: String) { search(first: $n) }` ran while `$n` was left out, and the
//! same document was refused or run depending on the values sent.

use super::types::{Input, TYPES, Types};
use async_graphql::parser::types::{
    BaseType, Directive, ExecutableDocument, OperationDefinition, OperationType, Selection, SelectionSet, Type,
    VariableDefinition,
};
use async_graphql::{Positioned, ServerError};
use async_graphql_value::Value;
use std::collections::HashSet;

/// Refuses the operation when a variable is used where its type does not fit (the caller codes
/// the error, as a validation failure).
pub(crate) fn check(
    document: &ExecutableDocument,
    operation: &Positioned<OperationDefinition>,
) -> Result<(), ServerError> {
    let root = match operation.node.ty {
        OperationType::Query => "query",
        OperationType::Mutation => "mutation",
        OperationType::Subscription => "subscription",
    };
    let variables = &operation.node.variable_definitions;
    // Most documents declare none: then no usage can be wrong, and nothing is walked.
    if variables.is_empty() {
        return Ok(());
    }
    let mut walk = Walk { types: &TYPES, document, variables, seen: HashSet::new() };
    walk.directives(&operation.node.directives)?;
    walk.set(&operation.node.selection_set, TYPES.root(root))
}

struct Walk<'a> {
    types: &'a Types,
    document: &'a ExecutableDocument,
    variables: &'a [Positioned<VariableDefinition>],
    /// Fragments walked already (a cycle is validation's to refuse).
    seen: HashSet<&'a str>,
}

impl<'a> Walk<'a> {
    fn set(&mut self, set: &'a Positioned<SelectionSet>, parent: &str) -> Result<(), ServerError> {
        for selection in &set.node.items {
            self.directives(selection.node.directives())?;
            match &selection.node {
                Selection::Field(field) => {
                    // An unknown field is validation's to refuse.
                    let types = self.types;
                    let Some(def) = types.field(parent, &field.node.name.node) else { continue };
                    for (name, value) in &field.node.arguments {
                        if let Some(input) = def.args.get(name.node.as_str()) {
                            self.value(value, input)?;
                        }
                    }
                    self.set(&field.node.selection_set, &def.returns)?;
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    let Some(fragment) = self.document.fragments.get(name) else { continue };
                    if self.seen.insert(name) {
                        self.directives(&fragment.node.directives)?;
                        self.set(&fragment.node.selection_set, &fragment.node.type_condition.node.on.node)?;
                    }
                }
                Selection::InlineFragment(inline) => {
                    let on = inline.node.type_condition.as_ref().map_or(parent, |c| c.node.on.node.as_str());
                    self.set(&inline.node.selection_set, on)?;
                }
            }
        }
        Ok(())
    }

    fn directives(&self, directives: &[Positioned<Directive>]) -> Result<(), ServerError> {
        for directive in directives {
            for (name, value) in &directive.node.arguments {
                if let Some(input) = self.types.directive_arg(&directive.node.name.node, &name.node) {
                    self.value(value, input)?;
                }
            }
        }
        Ok(())
    }

    fn value(&self, value: &Positioned<Value>, input: &Input) -> Result<(), ServerError> {
        self.at(&value.node, value.pos, &input.ty, input.has_default)
    }

    /// Checks every variable inside `value`, given at a position of type `ty`.
    fn at(&self, value: &Value, pos: async_graphql::Pos, ty: &Type, has_default: bool) -> Result<(), ServerError> {
        match value {
            Value::Variable(name) => self.usage(name, pos, ty, has_default),
            Value::List(items) => {
                let item = match &ty.base {
                    BaseType::List(item) => item.as_ref(),
                    BaseType::Named(_) => ty,
                };
                items.iter().try_for_each(|v| self.at(v, pos, item, false))
            }
            Value::Object(fields) => {
                let Some(defs) = self.types.input_fields(super::types::named(ty)) else { return Ok(()) };
                for (name, value) in fields {
                    if let Some(def) = defs.get(name.as_str()) {
                        self.at(value, pos, &def.ty, def.has_default)?;
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn usage(
        &self,
        name: &str,
        pos: async_graphql::Pos,
        location: &Type,
        has_default: bool,
    ) -> Result<(), ServerError> {
        // An undefined variable is validation's to refuse.
        let Some(def) = self.variables.iter().find(|d| d.node.name.node == name) else { return Ok(()) };
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
        Err(ServerError { locations: vec![def.pos, pos], ..ServerError::new(message, None) })
    }
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
