//! The GraphQL API: schema building, the query root, the types and the error codes.
//!
//! The schema is the contract clients rely on; `schema/pasar.graphql` is its exported SDL and a
//! test fails when the two differ.

mod error;
mod inputs;
mod lookup;
mod mutation;
mod query;
mod types;
mod vendor;

pub use error::codes;
pub use mutation::{AdminToken, MutationRoot, Presented};
pub use query::QueryRoot;

use crate::search::SearchService;
use async_graphql::{EmptySubscription, Schema};

/// The Pasar schema type.
pub type PasarSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// Query depth beyond which a request is refused before it runs.
pub const MAX_DEPTH: usize = 12;
/// Query complexity beyond which a request is refused before it runs.
pub const MAX_COMPLEXITY: usize = 2_000;

/// Builds the schema over a search service; `admin` enables operator mutations.
pub fn build_schema(service: SearchService, admin: AdminToken) -> PasarSchema {
    Schema::build(QueryRoot, MutationRoot, EmptySubscription)
        .data(service)
        .data(admin)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .finish()
}

/// The SDL of the schema, as `pasar schema` prints it and `schema/pasar.graphql` stores it.
pub fn sdl() -> String {
    Schema::build(QueryRoot, MutationRoot, EmptySubscription).finish().sdl()
}
