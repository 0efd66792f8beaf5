//! Stable error codes in `extensions.code`, mapped once from each layer's error type, and given to
//! the errors async-graphql raises itself (parsing, validation, coercion).

use crate::marketplace::MarketplaceError;
use crate::model::MarketplaceId;
use crate::search::SearchError;
use async_graphql::parser::types::OperationDefinition;
use async_graphql::{Context, ErrorExtensionValues, ErrorExtensions, ServerError};

/// The codes of the registry (`codes.rs`) this layer uses, by their client-facing names.
pub mod codes {
    use crate::codes::Code;
    pub const BAD_USER_INPUT: &str = Code::BadUserInput.as_str();
    pub const BAD_CURSOR: &str = Code::BadCursor.as_str();
    pub const OFFER_NOT_FOUND: &str = Code::OfferNotFound.as_str();
    pub const VENDOR_NOT_FOUND: &str = Code::VendorNotFound.as_str();
    pub const BAD_REQUEST: &str = Code::BadRequest.as_str();
    pub const UNSUPPORTED_CONTENT_TYPE: &str = Code::UnsupportedContentType.as_str();
    pub const UNSUPPORTED_CONTENT_ENCODING: &str = Code::UnsupportedContentEncoding.as_str();
    pub const REQUEST_TOO_LARGE: &str = Code::RequestTooLarge.as_str();
    pub const QUERY_TOO_COMPLEX: &str = Code::QueryTooComplex.as_str();
    pub const RATE_LIMITED: &str = Code::RateLimited.as_str();
    pub const REQUEST_TIMEOUT: &str = Code::RequestTimeout.as_str();
    pub const SERVER_BUSY: &str = Code::ServerBusy.as_str();
    pub const SERVER_SHUTTING_DOWN: &str = Code::ServerShuttingDown.as_str();
    pub const ORIGIN_NOT_ALLOWED: &str = Code::OriginNotAllowed.as_str();
    pub const FORBIDDEN: &str = Code::Forbidden.as_str();
    pub const GRAPHQL_PARSE_FAILED: &str = Code::GraphqlParseFailed.as_str();
    pub const GRAPHQL_VALIDATION_FAILED: &str = Code::GraphqlValidationFailed.as_str();
    pub const OPERATION_RESOLUTION_FAILURE: &str = Code::OperationResolutionFailure.as_str();
    pub const PERSISTED_QUERY_NOT_FOUND: &str = Code::PersistedQueryNotFound.as_str();
    pub const PERSISTED_QUERY_HASH_MISMATCH: &str = Code::PersistedQueryHashMismatch.as_str();
    pub const PERSISTED_QUERY_NOT_SUPPORTED: &str = Code::PersistedQueryNotSupported.as_str();
    pub const PERSISTED_QUERY_NOT_IN_LIST: &str = Code::PersistedQueryNotInList.as_str();
    pub const METHOD_NOT_ALLOWED: &str = Code::MethodNotAllowed.as_str();
    pub const NOT_ACCEPTABLE: &str = Code::NotAcceptable.as_str();
    pub const NOT_FOUND: &str = Code::NotFound.as_str();
    pub const TRANSACTIONS_FORBIDDEN: &str = Code::TransactionsForbidden.as_str();
}

impl ErrorExtensions for SearchError {
    fn extend(&self) -> async_graphql::Error {
        let code = match self {
            SearchError::Cursor(_) => codes::BAD_CURSOR,
            SearchError::BadQuery
            | SearchError::ControlCharacter(_)
            | SearchError::NoWord
            | SearchError::BadFirst { .. }
            | SearchError::UnknownMarketplace(_) => codes::BAD_USER_INPUT,
        };
        async_graphql::Error::new(self.to_string()).extend_with(|_, e| {
            e.set("code", code);
            e.set("field", self.field());
        })
    }
}

/// Reports a marketplace failure as a GraphQL error beside the partial data.
pub(super) fn report_failure(ctx: &Context<'_>, marketplace: &MarketplaceId, error: &MarketplaceError) {
    let mut extended = async_graphql::Error::new(format!("Marketplace {marketplace} {error}")).extend_with(|_, e| {
        e.set("code", error.code());
        e.set("marketplace", marketplace.as_str());
    });
    if let MarketplaceError::RateLimited { retry_after: Some(seconds) } = error {
        extended = extended.extend_with(|_, e| e.set("retryAfter", *seconds));
    }
    if let Some(cause) = error.cause() {
        extended = extended.extend_with(|_, e| e.set("cause", cause.as_str()));
    }
    let server_error: ServerError = extended.into_server_error(ctx.item.pos);
    ctx.add_error(ctx.set_error_path(server_error));
}

/// The errors of `operation`, which ran, each with a code: Pasar's resolvers code every error
/// they raise (`graphql/error.rs`), so one without a code is async-graphql's own refusal of an
/// argument it could not coerce (`Failed to parse "Int"`, a `Decimal` that is not a number),
/// which is the client's to fix; a `Decimal`'s is said in Pasar's words (`decimals.rs`).
pub(super) fn code_field_errors(errors: &mut Vec<ServerError>, operation: Option<&OperationDefinition>) {
    for error in errors.iter_mut() {
        super::decimals::said_by_pasar(error, operation);
        if let Some(operation) = operation {
            super::given::name_variable(error, operation);
        }
    }
    let coded_errors = std::mem::take(errors).into_iter().map(|e| coded(e, codes::BAD_USER_INPUT)).collect();
    *errors = coded_errors;
}

/// Sets `extensions.code` unless the error already has one.
pub(super) fn coded(mut error: ServerError, code: &str) -> ServerError {
    let extensions = error.extensions.get_or_insert_with(ErrorExtensionValues::default);
    if extensions.get("code").is_none() {
        extensions.set("code", code);
    }
    error
}

/// Most of a document's validation errors listed; one more error says how many are left out.
pub(super) const LISTED_VALIDATION_ERRORS: usize = 20;

/// A document validation refused, its errors coded: the first [`LISTED_VALIDATION_ERRORS`] and
/// one saying how many more. Every door answers through this: a 23 KB document of 3,000 unknown
/// arguments was answered with 3,000 errors, 530 KB, ten of them in a batch 5.3 MB (review38h
/// R38h-2); the first few say what to mend.
pub(super) fn refused_by_validation(errors: Vec<ServerError>) -> Vec<ServerError> {
    let found = errors.len();
    let mut listed: Vec<ServerError> =
        errors.into_iter().take(LISTED_VALIDATION_ERRORS).map(|e| coded(e, codes::GRAPHQL_VALIDATION_FAILED)).collect();
    if found > LISTED_VALIDATION_ERRORS {
        let more = format!("{} more validation errors not listed", found - LISTED_VALIDATION_ERRORS);
        listed.push(coded(ServerError::new(more, None), codes::GRAPHQL_VALIDATION_FAILED));
    }
    listed
}

#[cfg(test)]
mod tests {
    use crate::codes::{Code, Kind};
    use std::collections::BTreeSet;

    /// The `SCREAMING_SNAKE` words in backticks of the description of `field` in `type` (of the
    /// type itself when `field` is `None`).
    fn documented(sdl: &str, type_name: &str, field: Option<&str>) -> BTreeSet<String> {
        let header = format!("type {type_name} {{");
        let at = sdl.find(&header).unwrap_or_else(|| panic!("{header} is in the SDL"));
        let end = match field {
            None => at,
            Some(field) => at + sdl[at..].find(&format!("\t{field}: ")).expect("the field is in the type"),
        };
        let close = sdl[..end].rfind("\"\"\"").expect("a description closes");
        let open = sdl[..close].rfind("\"\"\"").expect("a description opens");
        sdl[open..close]
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|w| w.len() > 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
            .map(str::to_string)
            .collect()
    }

    fn registry(kind: Kind) -> BTreeSet<String> {
        Code::ALL.iter().filter(|c| c.kind() == kind).map(|c| c.as_str().to_string()).collect()
    }

    #[test]
    fn the_schema_documents_exactly_the_error_codes_the_registry_holds() {
        let sdl = super::super::sdl();
        let documented = documented(&sdl, "Query", None);
        assert!(documented.len() > 10, "{documented:?}");
        assert_eq!(documented, registry(Kind::Error));
    }

    #[test]
    fn the_schema_documents_exactly_the_issue_codes_the_registry_holds() {
        let sdl = super::super::sdl();
        let documented = documented(&sdl, "NormalizationIssue", Some("code"));
        assert!(documented.len() > 10, "{documented:?}");
        assert_eq!(documented, registry(Kind::Issue));
    }
}
