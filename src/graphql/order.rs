//! Response keys in selection-set order (GraphQL spec §7.1.2, "Serialized Map Ordering").
//!
//! async-graphql 7.2 resolves the fields of a query's selection set concurrently and inserts each
//! into the response map as it finishes (`FuturesUnordered` in `do_resolve_container`), so a slow
//! `search` comes after a quick `marketplaces` whatever the query said. The executed document says
//! the order; this restores it, recursively, after execution.
//!
//! Before that, `nulls.rs` writes the fields that failed as `null`.

use super::nulls::null_failed_fields;
use super::selection::{Group, groups};
use async_graphql::parser::types::{ExecutableDocument, OperationDefinition, SelectionSet};
use async_graphql::{ServerError, Value};
use std::cell::OnceCell;

/// Reorders `data`, the result of `operation` in `document`, after setting to `null` what each
/// of `errors` says failed.
pub(super) fn in_selection_order(
    data: &mut Value,
    errors: &[ServerError],
    document: &ExecutableDocument,
    operation: &OperationDefinition,
) {
    null_failed_fields(data, errors, document, operation);
    Level::new(&[&operation.selection_set.node], document).apply(data, document);
}

/// The response keys of one selection level, and the levels below them, worked out once however
/// many list items share them (CollectFields per object was a few percent of a 40-offer search).
struct Level<'d> {
    groups: Vec<Group<'d>>,
    below: Vec<OnceCell<Level<'d>>>,
}

impl<'d> Level<'d> {
    fn new(sets: &[&'d SelectionSet], document: &'d ExecutableDocument) -> Self {
        let groups = groups(sets, document);
        let below = groups.iter().map(|_| OnceCell::new()).collect();
        Self { groups, below }
    }

    fn below(&self, i: usize, document: &'d ExecutableDocument) -> &Level<'d> {
        self.below[i].get_or_init(|| Level::new(&self.groups[i].subs, document))
    }

    fn apply(&self, value: &mut Value, document: &'d ExecutableDocument) {
        match value {
            Value::List(items) => items.iter_mut().for_each(|item| self.apply(item, document)),
            // Fields that resolved at once arrive in order: only descend, rebuild nothing.
            Value::Object(map) if self.in_order(map) => {
                for (i, child) in map.values_mut().enumerate() {
                    if matches!(child, Value::Object(_) | Value::List(_)) {
                        self.below(i, document).apply(child, document);
                    }
                }
            }
            Value::Object(map) => {
                let mut unordered = std::mem::take(map);
                for (i, group) in self.groups.iter().enumerate() {
                    if let Some(mut child) = unordered.swap_remove(group.key) {
                        if matches!(child, Value::Object(_) | Value::List(_)) {
                            self.below(i, document).apply(&mut child, document);
                        }
                        map.insert(group.key.clone(), child);
                    }
                }
                // Keys the document does not name (none today) keep a place rather than vanish.
                map.extend(unordered);
            }
            _ => {}
        }
    }

    /// Whether `map` holds exactly this level's keys, in order.
    fn in_order(&self, map: &async_graphql::indexmap::IndexMap<async_graphql::Name, Value>) -> bool {
        map.len() == self.groups.len() && map.keys().zip(&self.groups).all(|(key, group)| key == group.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::types::DocumentOperations;

    fn keys(value: &Value) -> Vec<String> {
        match value {
            Value::Object(map) => map.keys().map(ToString::to_string).collect(),
            other => panic!("not an object: {other}"),
        }
    }

    fn ordered(query: &str, data: serde_json::Value) -> Value {
        let document = async_graphql::parser::parse_query(query).expect("parses");
        let DocumentOperations::Single(operation) = &document.operations else { panic!("one operation") };
        let mut data = Value::from_json(data).expect("valid value");
        in_selection_order(&mut data, &[], &document, &operation.node);
        data
    }

    #[test]
    fn root_keys_follow_the_selection_whatever_order_they_arrived_in() {
        let data = ordered(
            "{ z: search { complete } a: search { complete } m: marketplaces { id } }",
            serde_json::json!({ "m": [], "a": { "complete": true }, "z": { "complete": false } }),
        );
        assert_eq!(keys(&data), ["z", "a", "m"]);
    }

    #[test]
    fn nested_objects_in_lists_and_fragments_follow_the_selection() {
        let data = ordered(
            "{ ...F list { b ... on T { a } c } } fragment F on Query { first }",
            serde_json::json!({ "list": [{ "c": 1, "a": 2, "b": 3 }, { "a": 4, "c": 5, "b": 6 }], "first": 0 }),
        );
        assert_eq!(keys(&data), ["first", "list"]);
        let Value::Object(map) = &data else { panic!("object") };
        let Some(Value::List(items)) = map.get("list") else { panic!("list") };
        assert_eq!(items.len(), 2);
        for item in items {
            assert_eq!(keys(item), ["b", "a", "c"]);
        }
    }

    #[test]
    fn a_key_selected_twice_merges_both_sub_selections_in_order() {
        let data = ordered("{ s { y } t s { x y z } }", serde_json::json!({ "t": 1, "s": { "z": 1, "x": 2, "y": 3 } }));
        assert_eq!(keys(&data), ["s", "t"]);
        let Value::Object(map) = &data else { panic!("object") };
        assert_eq!(keys(map.get("s").expect("s")), ["y", "x", "z"]);
    }
}
