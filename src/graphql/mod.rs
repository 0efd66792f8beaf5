//! The GraphQL API: schema building, the query root, the types and the error codes.
//!
//! The schema is the contract clients rely on; `schema/pasar.graphql` is its exported SDL and a
//! test fails when the two differ.

mod compare;
mod count;
mod error;
mod freshness;
pub mod graphiql;
pub mod http;
mod inputs;
mod lookup;
mod marketplace;
mod mutation;
mod negotiate;
mod order;
pub mod persisted;
mod prescan;
mod query;
pub mod ratelimit;
mod subscription;
mod types;
mod vendor;
mod wire;

pub use error::codes;
pub use mutation::{AdminToken, MutationRoot};
pub use query::QueryRoot;
pub use subscription::SubscriptionRoot;

use crate::config::RequestLimits;
use crate::search::SearchService;
use async_graphql::Schema;

/// The Pasar schema type.
pub type PasarSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Builds the schema over a search service; `admin` enables operator mutations.
pub fn build_schema(service: SearchService, admin: AdminToken, limits: &RequestLimits) -> PasarSchema {
    let mut builder = Schema::build(QueryRoot, MutationRoot, SubscriptionRoot)
        .data(service)
        .data(admin)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(limits.max_nesting);
    if !limits.introspection {
        builder = builder.disable_introspection();
    }
    if !limits.suggestions {
        builder = builder.disable_suggestions();
    }
    builder.finish()
}

/// The SDL of the schema, as `pasar schema` prints it and `schema/pasar.graphql` stores it.
pub fn sdl() -> String {
    Schema::build(QueryRoot, MutationRoot, SubscriptionRoot).finish().sdl()
}
