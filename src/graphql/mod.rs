//! The GraphQL API: schema building, the query root, the types and the error codes.
//!
//! The schema is the contract clients rely on; `schema/pasar.graphql` is its exported SDL and a
//! test fails when the two differ.

pub mod admission;
pub(crate) mod bearer;
pub mod clients;
pub(crate) mod coded;
mod compare;
mod count;
mod decimals;
mod error;
mod expansion;
mod freshness;
mod given;
pub mod graphiql;
pub mod http;
mod in_flight;
mod inputs;
mod lookup;
mod marketplace;
mod mutation;
mod negotiate;
mod nulls;
mod numbers;
mod offer_age;
mod order;
pub mod origin;
mod past_float;
pub mod persisted;
mod prescan;
mod price;
mod query;
mod ranking;
mod response_cache;
mod selection;
mod serial;
mod spending;
mod spending_types;
mod subscription;
mod types;
mod variables;
mod vendor;
mod wire;
pub mod ws;

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
        // Over the registry the search service serves at each request, so it follows reloads.
        .data(crate::spending::SpendingService::new(spending_registry(&service)))
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

/// The spending service `schema` answers from, for the buyer's pages to share (one set of ledger
/// caches, one load of a ledger however many ask for it); a new one over `service` for a schema
/// built without it.
pub fn spending_of(schema: &PasarSchema, service: &SearchService) -> crate::spending::SpendingService {
    match schema.data::<crate::spending::SpendingService>() {
        Some(spending) => spending.clone(),
        None => crate::spending::SpendingService::new(spending_registry(service)),
    }
}

/// The parsed-document cache `schema` executes from, for admission to parse into: a document
/// is parsed once, whichever of the two reads it first.
pub fn documents_of(schema: &PasarSchema) -> wire::Documents {
    schema.data::<wire::Documents>().cloned().unwrap_or_default()
}

/// The spending service's view of the marketplaces: the search service's current registry.
fn spending_registry(service: &SearchService) -> crate::spending::RegistrySource {
    let service = service.clone();
    std::sync::Arc::new(move || service.registry())
}

/// Keeps this instance in step with purges other instances sharing its cache make: their
/// marketplace's paging knowledge is forgotten and every stored response dropped, as a purge here
/// does. Needs a tokio runtime; does nothing without a shared cache.
pub fn follow_purges_elsewhere(schema: &PasarSchema) {
    let Some(service) = schema.data::<SearchService>() else { return };
    let Some(mut purges) = service.purges_elsewhere() else { return };
    let schema = schema.clone();
    tokio::spawn(async move {
        use tokio::sync::broadcast::error::RecvError;
        loop {
            let marketplace = match purges.recv().await {
                Ok(marketplace) => marketplace,
                Err(RecvError::Lagged(_)) => None,
                Err(RecvError::Closed) => return,
            };
            if let Some(service) = schema.data::<SearchService>() {
                service.forget_learned(marketplace.as_deref());
            }
            if let Some(responses) = schema.data::<response_cache::ResponseCache>() {
                responses.clear();
            }
        }
    });
}

/// Drops every stored finished response (adapters were reloaded: some may hold pages of a
/// marketplace that changed).
pub fn forget_stored_responses(schema: &PasarSchema) {
    if let Some(responses) = schema.data::<response_cache::ResponseCache>() {
        responses.clear();
    }
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
