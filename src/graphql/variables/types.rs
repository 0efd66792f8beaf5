//! What the schema says about input positions, read once from its SDL: each field's and
//! directive's arguments, each input object's fields, each enum's values.

use async_graphql::parser::types::{BaseType, InputValueDefinition, Type, TypeKind, TypeSystemDefinition};
use async_graphql::parser::{Positioned, parse_schema};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// An input position: its type, and whether it has a default of its own.
#[derive(Debug)]
pub(super) struct Input {
    pub(super) ty: Type,
    pub(super) has_default: bool,
}

/// A field of an object or interface: its arguments and the named type it returns.
#[derive(Debug)]
pub(super) struct Field {
    pub(super) args: HashMap<String, Input>,
    pub(super) returns: String,
}

/// The schema's input positions.
#[derive(Debug, Default)]
pub(super) struct Types {
    fields: HashMap<String, HashMap<String, Field>>,
    inputs: HashMap<String, HashMap<String, Input>>,
    enums: HashMap<String, HashSet<String>>,
    directives: HashMap<String, HashMap<String, Input>>,
    roots: HashMap<&'static str, String>,
}

/// Pasar's schema, read once from its SDL as `schema/pasar.graphql` stores it (a test keeps the
/// file equal to the code): it is fixed at build time, configuration only hides parts.
pub(super) static TYPES: LazyLock<Types> =
    LazyLock::new(|| Types::from_sdl(include_str!("../../../schema/pasar.graphql")));

fn inputs(definitions: &[Positioned<InputValueDefinition>]) -> HashMap<String, Input> {
    let input = |d: &InputValueDefinition| Input { ty: d.ty.node.clone(), has_default: d.default_value.is_some() };
    definitions.iter().map(|d| (d.node.name.node.to_string(), input(&d.node))).collect()
}

/// The named type under lists and non-null marks.
pub(super) fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(item) => named(item),
    }
}

impl Types {
    /// Reads `sdl`; an SDL that does not parse gives an empty index, which checks nothing.
    pub(super) fn from_sdl(sdl: &str) -> Self {
        let mut types = Self::default();
        let Ok(document) = parse_schema(sdl) else { return types };
        for definition in document.definitions {
            match definition {
                TypeSystemDefinition::Type(ty) => types.add(ty.node.name.node.to_string(), ty.node.kind),
                TypeSystemDefinition::Directive(d) => {
                    types.directives.insert(d.node.name.node.to_string(), inputs(&d.node.arguments));
                }
                TypeSystemDefinition::Schema(schema) => {
                    let schema = schema.node;
                    let roots =
                        [("query", schema.query), ("mutation", schema.mutation), ("subscription", schema.subscription)];
                    for (root, name) in roots {
                        if let Some(name) = name {
                            types.roots.insert(root, name.node.to_string());
                        }
                    }
                }
            }
        }
        types
    }

    fn add(&mut self, name: String, kind: TypeKind) {
        let fields_of = |fields: &[Positioned<async_graphql::parser::types::FieldDefinition>]| {
            let field = |f: &async_graphql::parser::types::FieldDefinition| Field {
                args: inputs(&f.arguments),
                returns: named(&f.ty.node).to_string(),
            };
            fields.iter().map(|f| (f.node.name.node.to_string(), field(&f.node))).collect()
        };
        match kind {
            TypeKind::Object(object) => _ = self.fields.insert(name, fields_of(&object.fields)),
            TypeKind::Interface(interface) => _ = self.fields.insert(name, fields_of(&interface.fields)),
            TypeKind::InputObject(input) => _ = self.inputs.insert(name, inputs(&input.fields)),
            TypeKind::Enum(e) => {
                let values = e.values.iter().map(|v| v.node.value.node.to_string()).collect();
                self.enums.insert(name, values);
            }
            TypeKind::Scalar | TypeKind::Union(_) => {}
        }
    }

    /// The root type of an operation kind (`"query"`, `"mutation"`, `"subscription"`).
    pub(super) fn root(&self, kind: &'static str) -> &str {
        self.roots.get(kind).map_or(
            match kind {
                "mutation" => "Mutation",
                "subscription" => "Subscription",
                _ => "Query",
            },
            String::as_str,
        )
    }

    pub(super) fn field(&self, parent: &str, name: &str) -> Option<&Field> {
        self.fields.get(parent)?.get(name)
    }

    pub(super) fn directive_arg(&self, directive: &str, name: &str) -> Option<&Input> {
        self.directives.get(directive)?.get(name)
    }

    pub(super) fn input_fields(&self, ty: &str) -> Option<&HashMap<String, Input>> {
        self.inputs.get(ty)
    }

    pub(super) fn enum_values(&self, ty: &str) -> Option<&HashSet<String>> {
        self.enums.get(ty)
    }
}
