//! Every stable code Pasar gives clients, in one registry: the `extensions.code` of GraphQL
//! errors, and the `code` of normalisation issues (on offers, vendors and parsed prices).
//!
//! Clients branch on these strings, so they never change meaning. Each layer keeps its own error
//! type and maps it to a [`Code`] once; the schema's descriptions list the codes, and a test
//! (`graphql/error.rs`) checks the lists against this registry both ways, so the schema documents
//! no code that is never emitted.

/// Where a code appears.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// In `errors[].extensions.code`.
    Error,
    /// In a `NormalizationIssue.code` or a `PriceIssue.code`.
    Issue,
}

macro_rules! registry {
    ($( $(#[doc = $doc:literal])* $variant:ident = $text:literal, $kind:ident; )*) => {
        /// A stable code (see the module docs).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, for the test that holds the schema's lists to this registry.
            #[cfg(test)]
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The code as clients see it.
            pub const fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }

            /// Where it appears.
            #[cfg(test)]
            pub const fn kind(self) -> Kind {
                match self { $( Code::$variant => Kind::$kind, )* }
            }
        }
    };
}

registry! {
    /// The request's arguments are invalid.
    BadUserInput = "BAD_USER_INPUT", Error;
    /// The `after` cursor was not issued by this API for this search.
    BadCursor = "BAD_CURSOR", Error;
    /// The body is not a GraphQL request.
    BadRequest = "BAD_REQUEST", Error;
    /// The content type is not JSON.
    UnsupportedContentType = "UNSUPPORTED_CONTENT_TYPE", Error;
    /// The body is compressed in a coding the gateway does not decode.
    UnsupportedContentEncoding = "UNSUPPORTED_CONTENT_ENCODING", Error;
    /// The body is over the size limit.
    RequestTooLarge = "REQUEST_TOO_LARGE", Error;
    /// The query is over a nesting, token, alias, root-field, fan-out or batch limit.
    QueryTooComplex = "QUERY_TOO_COMPLEX", Error;
    /// The client sent too many requests, or holds too many operations at once
    /// (`extensions.limit` names which).
    RateLimited = "RATE_LIMITED", Error;
    /// The request body stalled longer than `[http] body_timeout`.
    RequestTimeout = "REQUEST_TIMEOUT", Error;
    /// The gateway holds as many request bytes as it may (`[http] max_bytes_in_flight_mb`); retry.
    ServerBusy = "SERVER_BUSY", Error;
    /// The gateway is shutting down: a socket's new `subscribe` is refused, and an operation
    /// still running at the drain deadline is stopped; send it again on a new connection.
    ServerShuttingDown = "SERVER_SHUTTING_DOWN", Error;
    /// A browser page from an origin `[http] cors_origins` does not allow opened a WebSocket.
    OriginNotAllowed = "ORIGIN_NOT_ALLOWED", Error;
    /// The operation needs the admin token.
    Forbidden = "FORBIDDEN", Error;
    /// The query is not a GraphQL document (a syntax error, or empty).
    GraphqlParseFailed = "GRAPHQL_PARSE_FAILED", Error;
    /// The document does not fit the schema, or exceeds the depth or complexity limit.
    GraphqlValidationFailed = "GRAPHQL_VALIDATION_FAILED", Error;
    /// `operationName` names no operation of the document, or is needed and missing.
    OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE", Error;
    /// Only a persisted-query hash was sent and no document is stored under it.
    PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND", Error;
    /// `extensions.persistedQuery.sha256Hash` is not the SHA-256 of the `query` sent with it.
    PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH", Error;
    /// `extensions.persistedQuery` names a version other than 1.
    PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED", Error;
    /// Trusted-documents mode: the document is not in the persisted-query manifest.
    PersistedQueryNotInList = "PERSISTED_QUERY_NOT_IN_LIST", Error;
    /// A mutation was sent with `GET`.
    MethodNotAllowed = "METHOD_NOT_ALLOWED", Error;
    /// `Accept` allows no media type Pasar writes.
    NotAcceptable = "NOT_ACCEPTABLE", Error;
    /// No address of Pasar's has this path (a plain-text 404 naming the addresses it has).
    NotFound = "NOT_FOUND", Error;
    /// `offer(id)`: no offer with that id was seen within the retention (or the id is malformed
    /// or names no registered marketplace: `extensions.wellFormed`, `extensions.knownMarketplace`).
    OfferNotFound = "OFFER_NOT_FOUND", Error;
    /// `vendor(id)`: no vendor with that id (or one merged into another since) was seen within
    /// the retention.
    VendorNotFound = "VENDOR_NOT_FOUND", Error;
    /// `Spending.transactions` needs a configured client (`x-api-key`) with the `transactions`
    /// scope.
    TransactionsForbidden = "TRANSACTIONS_FORBIDDEN", Error;
    /// A marketplace missed its deadline.
    MarketplaceTimeout = "MARKETPLACE_TIMEOUT", Error;
    /// A marketplace was unreachable or answered an HTTP error.
    MarketplaceUnavailable = "MARKETPLACE_UNAVAILABLE", Error;
    /// A marketplace asked us to slow down.
    MarketplaceRateLimited = "MARKETPLACE_RATE_LIMITED", Error;
    /// A marketplace answered something unreadable or too large.
    MarketplaceBadResponse = "MARKETPLACE_BAD_RESPONSE", Error;
    /// A marketplace is at its concurrency limit and the call could not wait in time.
    MarketplaceOverloaded = "MARKETPLACE_OVERLOADED", Error;
    /// A marketplace is skipped after failing (search's breaker after repeated failures,
    /// spending's lane for 10 s after one that took it down).
    MarketplaceCircuitOpen = "MARKETPLACE_CIRCUIT_OPEN", Error;
    /// An adapter reload removed a marketplace while the search ran; the others answered.
    MarketplaceRemoved = "MARKETPLACE_REMOVED", Error;

    /// A price field was empty.
    Empty = "EMPTY", Issue;
    /// A price could not be read.
    Unreadable = "UNREADABLE", Issue;
    /// The price is "on request" (`Hubungi penjual`, `nego`).
    OnRequest = "ON_REQUEST", Issue;
    /// `.`/`,` allows two readings of the amount.
    AmbiguousSeparator = "AMBIGUOUS_SEPARATOR", Issue;
    /// A bare `M` after a number written the other language's way: million or miliar.
    AmbiguousMagnitude = "AMBIGUOUS_MAGNITUDE", Issue;
    /// The amount is below zero.
    Negative = "NEGATIVE", Issue;
    /// The amount is too large to hold exactly.
    Overflow = "OVERFLOW", Issue;
    /// The amount is zero, a placeholder rather than a price.
    Zero = "ZERO", Issue;
    /// The amount is Rp 1 to Rp 10, what sellers type where a number is required and the price
    /// is on request: a placeholder rather than a price.
    Placeholder = "PLACEHOLDER", Issue;
    /// The text names another currency.
    ForeignCurrency = "FOREIGN_CURRENCY", Issue;
    /// The text gives a range; the amount is its lower bound.
    RangeGiven = "RANGE_GIVEN", Issue;
    /// A range's bounds are reversed or carry different units.
    InvalidRange = "INVALID_RANGE", Issue;
    /// The amount comes from a compact form (`1,25 jt`, `150rb`): approximate.
    CompactApproximate = "COMPACT_APPROXIMATE", Issue;
    /// Digits below one sen were rounded half-up.
    Rounded = "ROUNDED", Issue;
    /// A PPN hint does not say whether the price includes it, or two hints contradict.
    AmbiguousVatHint = "AMBIGUOUS_VAT_HINT", Issue;
    /// A per-item PPN rate could not be read: where PPN applies the price is null, never split at
    /// an assumed rate.
    VatRateUnreadable = "VAT_RATE_UNREADABLE", Issue;
    /// The PPN rate charged is one no law has in force today (10 %; 12 % on a marketplace whose
    /// own rate is 11), or on a transaction's date: the amount is split at it as stated.
    VatRateNotInForce = "VAT_RATE_NOT_IN_FORCE", Issue;
    /// PPN applies but neither the offer nor the adapter says whether the price includes it.
    VatInclusionUnknown = "VAT_INCLUSION_UNKNOWN", Issue;
    /// A yes/no field (PPN included, PKP, exempt, regional tax) holds something else.
    FlagUnreadable = "FLAG_UNREADABLE", Issue;
    /// A count or rating (pack quantity, minimum order, seller rating) is not a number.
    NumberUnreadable = "NUMBER_UNREADABLE", Issue;
    /// The stated pack quantity and a size the unit field or the title states disagree.
    PackConflict = "PACK_CONFLICT", Issue;
    /// The availability text is none of the known wordings.
    AvailabilityUnknown = "AVAILABILITY_UNKNOWN", Issue;
    /// The price is too large to compute its PPN exactly.
    PriceOutOfRange = "PRICE_OUT_OF_RANGE", Issue;
    /// The vendor's location matches several regions (candidates named in the message).
    RegionAmbiguous = "REGION_AMBIGUOUS", Issue;
    /// The vendor's location matches no Kemendagri region.
    RegionUnknown = "REGION_UNKNOWN", Issue;
    /// A TKDN or BMP value is not a percentage between 0 and 100.
    PercentUnreadable = "PERCENT_UNREADABLE", Issue;
    /// A BMP above the 15 % a company's BMP certificate can carry: not counted (`bmp` null).
    BmpAboveCeiling = "BMP_ABOVE_CEILING", Issue;
    /// A listing link that is not http(s) was dropped.
    UrlRejected = "URL_REJECTED", Issue;
    /// The NPWP field was empty.
    NpwpEmpty = "NPWP_EMPTY", Issue;
    /// The NPWP has neither 15 nor 16 digits.
    NpwpWrongLength = "NPWP_WRONG_LENGTH", Issue;
    /// The NPWP is a placeholder (all zeros, `-`, `n/a`).
    NpwpPlaceholder = "NPWP_PLACEHOLDER", Issue;
    /// The NPWP has characters other than digits and separators.
    NpwpBadCharacters = "NPWP_BAD_CHARACTERS", Issue;
    /// A vendor's records share one NPWP entity under names or legal forms that cannot be one
    /// business (a PT and a CV): one NPWP is likely mistyped. Both are named in the message.
    NpwpShared = "NPWP_SHARED", Issue;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
