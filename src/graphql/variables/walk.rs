//! Every argument value an operation gives (in its fields, the fragments it spreads and their
//! directives), each part of a list or input object too, with the type the schema gives its
//! place and the place's name (`filter.minPrice`): what the check of variables' usages, the
//! check of number literals, and the naming of a refused variable's place each look at.

use super::types::{Input, TYPES, named};
use async_graphql::parser::types::{
    BaseType, Directive, ExecutableDocument, OperationDefinition, OperationType, Selection, SelectionSet, Type,
};
use async_graphql::{Pos, Positioned};
use async_graphql_value::Value;
use std::collections::HashSet;

/// One value in its place.
pub(crate) struct Place<'a, 'p> {
    pub(crate) value: &'a Value,
    /// Where the argument's value starts (a part of a list or object has no position of its own).
    pub(crate) pos: Pos,
    pub(crate) ty: &'static Type,
    /// Whether the place has a default of its own.
    pub(crate) has_default: bool,
    /// The argument, then the input fields down to the value: `["filter", "minPrice"]`.
    pub(crate) path: &'p [&'a str],
}

/// Calls `visit` on every value of `operation` in document order, and stops at its first `Err`.
pub(crate) fn each_value<'a, E>(
    document: &'a ExecutableDocument,
    operation: &'a Positioned<OperationDefinition>,
    visit: impl FnMut(&Place<'a, '_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut walk = Walk { document, seen: HashSet::new(), path: Vec::new(), visit };
    walk.directives(&operation.node.directives)?;
    walk.set(&operation.node.selection_set, TYPES.root(root(&operation.node)))
}

/// The kind of `operation`, as the schema's roots are looked up.
pub(crate) fn root(operation: &OperationDefinition) -> &'static str {
    match operation.ty {
        OperationType::Query => "query",
        OperationType::Mutation => "mutation",
        OperationType::Subscription => "subscription",
    }
}

struct Walk<'a, F> {
    document: &'a ExecutableDocument,
    /// Fragments walked already (a cycle is validation's to refuse).
    seen: HashSet<&'a str>,
    path: Vec<&'a str>,
    visit: F,
}

impl<'a, E, F: FnMut(&Place<'a, '_>) -> Result<(), E>> Walk<'a, F> {
    fn set(&mut self, set: &'a Positioned<SelectionSet>, parent: &str) -> Result<(), E> {
        for selection in &set.node.items {
            self.directives(selection.node.directives())?;
            match &selection.node {
                Selection::Field(field) => {
                    // An unknown field is validation's to refuse.
                    let Some(def) = TYPES.field(parent, &field.node.name.node) else { continue };
                    for (name, value) in &field.node.arguments {
                        if let Some(input) = def.args.get(name.node.as_str()) {
                            self.argument(name.node.as_str(), value, input)?;
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

    fn directives(&mut self, directives: &'a [Positioned<Directive>]) -> Result<(), E> {
        for directive in directives {
            for (name, value) in &directive.node.arguments {
                if let Some(input) = TYPES.directive_arg(&directive.node.name.node, &name.node) {
                    self.argument(name.node.as_str(), value, input)?;
                }
            }
        }
        Ok(())
    }

    fn argument(&mut self, name: &'a str, value: &'a Positioned<Value>, input: &'static Input) -> Result<(), E> {
        self.path.push(name);
        let walked = self.at(&value.node, value.pos, &input.ty, input.has_default);
        self.path.pop();
        walked
    }

    fn at(&mut self, value: &'a Value, pos: Pos, ty: &'static Type, has_default: bool) -> Result<(), E> {
        (self.visit)(&Place { value, pos, ty, has_default, path: &self.path })?;
        match value {
            Value::List(items) => {
                let item = match &ty.base {
                    BaseType::List(item) => item.as_ref(),
                    BaseType::Named(_) => ty,
                };
                items.iter().try_for_each(|v| self.at(v, pos, item, false))
            }
            Value::Object(fields) => {
                let Some(defs) = TYPES.input_fields(named(ty)) else { return Ok(()) };
                for (name, value) in fields {
                    if let Some(def) = defs.get(name.as_str()) {
                        self.path.push(name.as_str());
                        let walked = self.at(value, pos, &def.ty, def.has_default);
                        self.path.pop();
                        walked?;
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}
