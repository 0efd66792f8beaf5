//! Resolving what is already in memory without async-graphql's concurrency machinery.
//!
//! async-graphql resolves every object's fields, and every list's items, concurrently: a boxed
//! future per field in a `FuturesUnordered` per object, a `FuturesOrdered` per list longer than
//! 30, and each field's value inserted into the object by hashing its name twice. That pays for
//! itself only where fields wait on I/O; an offer's fields read the offer. Over the peer mocks
//! (`first: 40`) resolving was 14 % of a miss's CPU (perf), most of it the machinery rather than
//! the fields, and 8.5 % after. So objects that only read are `#[Object(serial)]`,
//! lists of them are [`Serial`], and the hottest of them (an offer, its edge, marketplace,
//! vendor and region) are resolved through [`Lean`]: each field awaited in place, the object
//! sized once. The query root, whose fields do call marketplaces, stays concurrent.
//!
//! Both produce exactly what async-graphql would (`lean_container` follows
//! `resolver_utils::container` step by step and hands a selection with fragments or directives
//! to it), and neither calls extensions' per-field hooks: the schema registers no extensions
//! (`graphql::build_schema`); one that needs those hooks must not resolve through these.

use async_graphql::indexmap::IndexMap;
use async_graphql::indexmap::map::Entry;
use async_graphql::parser::types::{Field, Selection};
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::{ContainerType, resolve_container_serial};
use async_graphql::{ContextSelectionSet, Name, OutputType, Positioned, ServerResult, Value};
use std::borrow::Cow;

/// A list whose items are resolved in order, one at a time (same schema type as `Vec<T>`).
pub(super) struct Serial<T>(pub(super) Vec<T>);

impl<T> FromIterator<T> for Serial<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl<T: OutputType> OutputType for Serial<T> {
    fn type_name() -> Cow<'static, str> {
        Vec::<T>::type_name()
    }

    fn qualified_type_name() -> String {
        Vec::<T>::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        Vec::<T>::create_type_info(registry)
    }

    async fn resolve(&self, ctx: &ContextSelectionSet<'_>, field: &Positioned<Field>) -> ServerResult<Value> {
        let mut items = Vec::with_capacity(self.0.len());
        for (index, item) in self.0.iter().enumerate() {
            let at = ctx.with_index(index);
            items.push(OutputType::resolve(item, &at, field).await.map_err(|error| at.set_error_path(error))?);
        }
        Ok(Value::List(items))
    }
}

/// An object resolved field after field in place (same schema type as `T`).
pub(super) struct Lean<T>(pub(super) T);

impl<T: OutputType + ContainerType> OutputType for Lean<T> {
    fn type_name() -> Cow<'static, str> {
        T::type_name()
    }

    fn qualified_type_name() -> String {
        T::qualified_type_name()
    }

    fn introspection_type_name(&self) -> Cow<'static, str> {
        self.0.introspection_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        T::create_type_info(registry)
    }

    async fn resolve(&self, ctx: &ContextSelectionSet<'_>, _field: &Positioned<Field>) -> ServerResult<Value> {
        lean_container(ctx, &self.0).await
    }
}

/// `resolver_utils::resolve_container` for a selection of plain fields: the same values and
/// errors, without a future per field.
async fn lean_container<T: OutputType + ContainerType>(ctx: &ContextSelectionSet<'_>, root: &T) -> ServerResult<Value> {
    let items = &ctx.item.node.items;
    let plain = |selection: &Positioned<Selection>| matches!(&selection.node, Selection::Field(field) if field.node.directives.is_empty());
    if !items.iter().all(plain) {
        return resolve_container_serial(ctx, root).await;
    }
    let mut results = IndexMap::with_capacity(items.len());
    for selection in items {
        let Selection::Field(field) = &selection.node else { continue };
        let ctx_field = ctx.with_field(field);
        let name = field.node.response_key().node.clone();
        let value = if field.node.name.node == "__typename" {
            Value::String(root.introspection_type_name().into_owned())
        } else {
            match root.resolve_field(&ctx_field).await {
                Ok(value) => value.unwrap_or_default(),
                Err(error) => {
                    ctx.add_error(error);
                    continue;
                }
            }
        };
        insert_value(&mut results, name, value);
    }
    Ok(if results.is_empty() { Value::Null } else { Value::Object(results) })
}

/// A response key selected twice merges its objects (and lists of objects) as async-graphql
/// merges them; the first value of a scalar stays.
fn insert_value(target: &mut IndexMap<Name, Value>, name: Name, value: Value) {
    match target.entry(name) {
        Entry::Vacant(entry) => {
            entry.insert(value);
        }
        Entry::Occupied(mut entry) => match (entry.get_mut(), value) {
            (Value::Object(into), Value::Object(from)) => {
                for (key, value) in from {
                    insert_value(into, key, value);
                }
            }
            (Value::List(into), Value::List(from)) => {
                for (into, from) in into.iter_mut().zip(from) {
                    if let (Value::Object(into), Value::Object(from)) = (into, from) {
                        for (key, value) in from {
                            insert_value(into, key, value);
                        }
                    }
                }
            }
            _ => {}
        },
    }
}

#[cfg(test)]
mod tests;
