//! Every query asks the same selection twice: once through async-graphql's own resolution
//! (`plain`, `plains`), once through [`Lean`] and [`Serial`] (`lean`, `leans`). The answers and
//! errors must be the same, whatever the selection holds.

use super::{Lean, Serial};
use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema, Value};

struct Thing(i32);

#[Object]
impl Thing {
    async fn a(&self) -> i32 {
        self.0
    }
    async fn b(&self) -> String {
        format!("b{}", self.0)
    }
    async fn nested(&self) -> Inner {
        Inner(self.0)
    }
    async fn times(&self, by: i32) -> i32 {
        self.0 * by
    }
    /// Fails for odd things (a nullable field: null beside its error).
    async fn failing(&self) -> async_graphql::Result<Option<i32>> {
        if self.0 % 2 == 1 { Err("odd thing".into()) } else { Ok(Some(self.0)) }
    }
    /// Fails for odd things, and may not be null.
    async fn required(&self) -> async_graphql::Result<i32> {
        if self.0 % 2 == 1 { Err("odd and required".into()) } else { Ok(self.0) }
    }
}

struct Inner(i32);

#[Object]
impl Inner {
    async fn x(&self) -> i32 {
        self.0 + 100
    }
    async fn y(&self) -> i32 {
        self.0 + 200
    }
}

struct Root;

#[Object]
impl Root {
    async fn plain(&self, n: i32) -> Thing {
        Thing(n)
    }
    async fn lean(&self, n: i32) -> Lean<Thing> {
        Lean(Thing(n))
    }
    async fn plains(&self) -> Vec<Thing> {
        (0..35).map(Thing).collect()
    }
    async fn leans(&self) -> Serial<Lean<Thing>> {
        (0..35).map(|n| Lean(Thing(n))).collect()
    }
}

/// Runs `{ plain(n) <sel> lean(n) <sel> }` (or the list pair) and returns both halves and the
/// errors of each, paths rewritten to start at a common root.
async fn both(selection: &str, n: i32, lists: bool, fragments: &str) -> (Value, Value, Vec<String>, Vec<String>) {
    let schema = Schema::new(Root, EmptyMutation, EmptySubscription);
    let (old, new) = if lists {
        ("plains".to_string(), "leans".to_string())
    } else {
        (format!("plain(n: {n})"), format!("lean(n: {n})"))
    };
    let query = format!("{{ old: {old} {selection} new: {new} {selection} }} {fragments}");
    let response = schema.execute(query.as_str()).await;
    let data = response.data.into_json().unwrap();
    let errors = |root: &str| -> Vec<String> {
        let mut found: Vec<String> = response
            .errors
            .iter()
            .filter(|e| matches!(e.path.first(), Some(async_graphql::PathSegment::Field(name)) if name == root))
            .map(|e| format!("{} at {:?} {:?}", e.message, &e.path[1..], e.locations.len()))
            .collect();
        found.sort();
        found
    };
    let (old_errors, new_errors) = (errors("old"), errors("new"));
    let pick = |key: &str| Value::from_json(data.get(key).cloned().unwrap_or_default()).unwrap();
    (pick("old"), pick("new"), old_errors, new_errors)
}

async fn assert_same(selection: &str, fragments: &str) {
    for (n, lists) in [(2, false), (3, false), (0, true)] {
        let (old, new, old_errors, new_errors) = both(selection, n, lists, fragments).await;
        assert_ne!(old, Value::Null, "{selection} answered nothing");
        assert_eq!(old, new, "{selection} (n {n}, lists {lists})");
        assert_eq!(old_errors, new_errors, "{selection} (n {n}, lists {lists})");
    }
}

#[tokio::test]
async fn plain_fields_and_nested_objects_resolve_as_async_graphql_resolves_them() {
    assert_same("{ a b nested { x y } }", "").await;
}

#[tokio::test]
async fn aliases_repeated_keys_and_typename_resolve_as_async_graphql_resolves_them() {
    assert_same("{ one: a a a two: times(by: 3) nested { x } nested { y } __typename t: __typename }", "").await;
    assert_same("{ nested { x } n: nested { y } nested { __typename } }", "").await;
}

#[tokio::test]
async fn fragments_and_directives_resolve_as_async_graphql_resolves_them() {
    assert_same("{ ...F a nested { ...G } }", "fragment F on Thing { b nested { x } } fragment G on Inner { y }").await;
    assert_same("{ a b @include(if: false) nested @skip(if: false) { x } ... on Thing { times(by: 2) } }", "").await;
}

#[tokio::test]
async fn failing_fields_give_the_same_nulls_and_errors_at_the_same_paths() {
    assert_same("{ a failing nested { x } }", "").await;
    assert_same("{ a required b }", "").await;
    let (_, new, _, errors) = both("{ a failing }", 3, false, "").await;
    assert_eq!(errors, ["odd thing at [Field(\"failing\")] 1"]);
    // As async-graphql leaves a failed field out (`graphql::nulls` fills it in afterwards).
    let Value::Object(fields) = new else { panic!("an object") };
    assert_eq!((fields.get("a"), fields.get("failing")), (Some(&Value::from(3)), None));
}
