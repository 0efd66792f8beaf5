//! Failed fields written as the spec writes them (§6.4.4, "Handling Execution Errors").
//!
//! async-graphql leaves a field whose resolver fails out of its object (the container keeps only
//! the fields that resolved), so `{ offer(id: "x") { id } region(code: "35.71") { name } }` had no
//! `offer` key; the spec and clients such as Apollo Client expect one. A failed nullable field is
//! `null`; a failed non-null field makes its nearest nullable ancestor `null`, up to `data`
//! itself. Each error's `path` says where a field failed (an error whose field is present, such
//! as a marketplace failure reported beside `search`'s partial data, changes nothing), and the
//! schema's SDL says which fields may be null.

use super::selection::groups;
use async_graphql::parser::types::{
    BaseType, ExecutableDocument, OperationDefinition, OperationType, SelectionSet, Type, TypeKind,
    TypeSystemDefinition,
};
use async_graphql::{PathSegment, ServerError, Value};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Output field types by (object type, field name), read once from the schema's own SDL.
static FIELD_TYPES: LazyLock<HashMap<(String, String), Type>> = LazyLock::new(|| {
    let Ok(document) = async_graphql::parser::parse_schema(super::sdl()) else { return HashMap::new() };
    let mut types = HashMap::new();
    for definition in document.definitions {
        let TypeSystemDefinition::Type(definition) = definition else { continue };
        let TypeKind::Object(object) = definition.node.kind else { continue };
        for field in object.fields {
            types.insert((definition.node.name.node.to_string(), field.node.name.node.to_string()), field.node.ty.node);
        }
    }
    types
});

/// Sets to `null` what each failed field of `errors` makes null.
pub(super) fn null_failed_fields(
    data: &mut Value,
    errors: &[ServerError],
    document: &ExecutableDocument,
    operation: &OperationDefinition,
) {
    let targets: Vec<&[PathSegment]> = errors
        .iter()
        .filter(|e| failed_here(data, &e.path))
        .map(|e| &e.path[..nulled_prefix(&e.path, document, operation)])
        .collect();
    if targets.iter().any(|t| t.is_empty()) {
        *data = Value::Null;
        return;
    }
    if *data == Value::Null && !targets.is_empty() {
        // Every root field failed and each may be null: the response map has their keys.
        *data = Value::Object(Default::default());
    }
    for target in targets {
        set_null(data, target);
    }
}

/// Whether `path` names a field that failed: missing from an object that is there, or inside an
/// object async-graphql answered `null` (it nulls a list's item whose only field failed, even a
/// `ProductGroup!`), which its nearest nullable ancestor then stands for.
fn failed_here(data: &Value, path: &[PathSegment]) -> bool {
    let Some((PathSegment::Field(key), parents)) = path.split_last() else { return false };
    if parents.is_empty() && *data == Value::Null {
        return true;
    }
    match at(data, parents) {
        Some(Value::Object(map)) => !map.contains_key(key.as_str()),
        Some(Value::Null) => true,
        _ => false,
    }
}

/// How much of `path` leads to the value that becomes `null`: all of it when the failed field
/// may be null, else up to its nearest nullable ancestor; 0 is `data` itself.
fn nulled_prefix(path: &[PathSegment], document: &ExecutableDocument, operation: &OperationDefinition) -> usize {
    let nullable = nullability(path, document, operation);
    (1..=path.len()).rev().find(|&n| nullable[n - 1]).unwrap_or(0)
}

/// Whether the value at each step of `path` may be null. A step the schema does not describe
/// (`__typename`, a union's member) counts as nullable, so nothing above it is nulled.
fn nullability(path: &[PathSegment], document: &ExecutableDocument, operation: &OperationDefinition) -> Vec<bool> {
    let mut object = match operation.ty {
        OperationType::Query => "Query",
        OperationType::Mutation => "Mutation",
        OperationType::Subscription => "Subscription",
    }
    .to_string();
    let mut sets: Vec<&SelectionSet> = vec![&operation.selection_set.node];
    let mut current: Option<Type> = None;
    let mut nullable = Vec::with_capacity(path.len());
    for segment in path {
        let next = match segment {
            PathSegment::Field(key) => {
                groups(&sets, document).into_iter().find(|g| g.key == key.as_str()).and_then(|g| {
                    let ty = FIELD_TYPES.get(&(object.clone(), g.field.to_string()))?.clone();
                    sets = g.subs;
                    Some(ty)
                })
            }
            PathSegment::Index(_) => match current.take().map(|t| t.base) {
                Some(BaseType::List(item)) => Some(*item),
                _ => None,
            },
        };
        let Some(ty) = next else { break };
        nullable.push(ty.nullable);
        if let BaseType::Named(name) = &ty.base {
            object = name.to_string();
        }
        current = Some(ty);
    }
    nullable.resize(path.len(), true);
    nullable
}

fn at<'v>(data: &'v Value, path: &[PathSegment]) -> Option<&'v Value> {
    path.iter().try_fold(data, |value, segment| match (segment, value) {
        (PathSegment::Field(key), Value::Object(map)) => map.get(key.as_str()),
        (PathSegment::Index(i), Value::List(items)) => items.get(*i),
        _ => None,
    })
}

fn set_null(data: &mut Value, path: &[PathSegment]) {
    let Some((last, parents)) = path.split_last() else { return };
    let parent = parents.iter().try_fold(data, |value, segment| match (segment, value) {
        (PathSegment::Field(key), Value::Object(map)) => map.get_mut(key.as_str()),
        (PathSegment::Index(i), Value::List(items)) => items.get_mut(*i),
        _ => None,
    });
    match (last, parent) {
        (PathSegment::Field(key), Some(Value::Object(map))) => {
            map.insert(async_graphql::Name::new(key), Value::Null);
        }
        (PathSegment::Index(i), Some(Value::List(items))) => {
            if let Some(item) = items.get_mut(*i) {
                *item = Value::Null;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::types::DocumentOperations;
    use serde_json::json;

    /// `data` after the fields at `failed` paths failed in `query`.
    fn nulled(query: &str, data: serde_json::Value, failed: &[serde_json::Value]) -> serde_json::Value {
        let document = async_graphql::parser::parse_query(query).expect("parses");
        let DocumentOperations::Single(operation) = &document.operations else { panic!("one operation") };
        let errors: Vec<ServerError> = failed
            .iter()
            .map(|path| {
                let mut error = ServerError::new("failed", None);
                error.path = serde_json::from_value(path.clone()).expect("a path");
                error
            })
            .collect();
        let mut data = Value::from_json(data).expect("valid value");
        null_failed_fields(&mut data, &errors, &document, &operation.node);
        data.into_json().expect("json")
    }

    const OFFER_AND_REGION: &str = r#"{ o: offer(id: "x") { id vendor { name } } region(code: "35") { name } }"#;

    #[test]
    fn a_failed_nullable_field_is_null_beside_the_fields_that_answered() {
        let data = nulled(OFFER_AND_REGION, json!({ "region": { "name": "Jawa Timur" } }), &[json!(["o"])]);
        assert_eq!(data, json!({ "region": { "name": "Jawa Timur" }, "o": null }));
    }

    #[test]
    fn a_failed_non_null_field_makes_its_nearest_nullable_ancestor_null() {
        let answered = json!({ "o": { "id": "x", "vendor": {} }, "region": { "name": "Jawa Timur" } });
        let data = nulled(OFFER_AND_REGION, answered, &[json!(["o", "vendor", "name"])]);
        assert_eq!(data, json!({ "o": null, "region": { "name": "Jawa Timur" } }));

        let query = "{ search(query: \"a\") { offers { edges { node { title price { amount } } } } } }";
        let edges = json!([{ "node": { "title": "A" } }, { "node": { "price": { "amount": "1" } } }]);
        let answered = json!({ "search": { "offers": { "edges": edges } } });
        let price = json!(["search", "offers", "edges", 0, "node", "price"]);
        let data = nulled(query, answered.clone(), std::slice::from_ref(&price));
        assert_eq!(data["search"]["offers"]["edges"][0], json!({ "node": { "title": "A", "price": null } }));
        // `title: String!` in `node: Offer!` in `[OfferEdge!]!` … in `search: SearchResult!`.
        let title = json!(["search", "offers", "edges", 1, "node", "title"]);
        assert_eq!(nulled(query, answered, &[price, title]), json!(null));
    }

    #[test]
    fn when_every_root_field_failed_and_may_be_null_data_is_a_map_of_nulls() {
        let data = nulled(
            r#"{ a: offer(id: "x") { id } b: vendor(id: "y") { id } }"#,
            json!(null),
            &[json!(["b"]), json!(["a"])],
        );
        assert_eq!(data, json!({ "a": null, "b": null }));
        let data = nulled(
            r#"{ a: offer(id: "x") { id } s: search(query: "") { complete } }"#,
            json!(null),
            &[json!(["a"]), json!(["s"])],
        );
        assert_eq!(data, json!(null), "a non-null root field failed");
    }

    #[test]
    fn an_error_beside_a_field_that_answered_changes_nothing() {
        let answered = json!({ "search": { "complete": false } });
        let query = "{ search(query: \"a\") { complete } }";
        let data = nulled(query, answered.clone(), &[json!(["search"]), json!([]), json!(["search", "nope", 0])]);
        assert_eq!(data, answered);
    }

    #[test]
    fn an_object_answered_null_where_it_may_not_be_is_carried_up_to_its_nearest_nullable_ancestor() {
        // async-graphql's answer when the only field of each group fails.
        let query = r#"{ c: compare(query: "toner") { groups { offers(first: -1) { id } } } offer(id: "x") { id } }"#;
        let answered = json!({ "c": { "groups": [null, null] }, "offer": { "id": "x" } });
        let failed = [json!(["c", "groups", 0, "offers"]), json!(["c", "groups", 1, "offers"])];
        assert_eq!(nulled(query, answered, &failed), json!(null), "`compare: CompareResult!` is a root field");
        let query = r#"{ r: region(code: "35") { name } o: offer(id: "x") { vendor { name } } }"#;
        let answered = json!({ "r": null, "o": { "vendor": null } });
        let failed = [json!(["r", "name"]), json!(["o", "vendor", "name"])];
        let data = nulled(query, answered, &failed);
        assert_eq!(data, json!({ "r": null, "o": null }), "`region` may be null, `Offer.vendor` may not");
    }

    #[test]
    fn an_alias_and_a_fragment_are_followed_to_the_field_they_name() {
        let query = r#"{ ...F } fragment F on Query { mine: offer(id: "x") { seller: vendor { name } } }"#;
        let data = nulled(query, json!({ "mine": { "seller": {} } }), &[json!(["mine", "seller", "name"])]);
        assert_eq!(data, json!({ "mine": null }));
    }
}
