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
mod response_cache;
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
    let mut builder = describe_scalars(Schema::build(QueryRoot, MutationRoot, SubscriptionRoot))
        .data(service)
        .data(admin)
        .data(response_cache::ResponseCache::default())
        .data(wire::Documents::default())
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
    describe_scalars(Schema::build(QueryRoot, MutationRoot, SubscriptionRoot)).finish().sdl()
}

/// Descriptions for scalars that come from async-graphql's integrations.
fn describe_scalars(
    builder: async_graphql::SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot>,
) -> async_graphql::SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    const DECIMAL: &str = "An exact decimal number written as a JSON string (`\"1250000.50\"`), so money is never \
                           rounded through a float. Amounts are in rupiah unless a field says otherwise.";
    builder
        .override_output_type_description::<rust_decimal::Decimal>(DECIMAL)
        .override_input_type_description::<rust_decimal::Decimal>(DECIMAL)
}
