//! Content negotiation for `/graphql`, as GraphQL over HTTP (draft) and its audit expect.
//!
//! `application/graphql-response+json` only when the client names it; `application/json` for a
//! missing `Accept`, `*/*` and `application/*` (legacy clients read only that); GraphiQL for a
//! `GET` that prefers `text/html` (a browser).

use axum::http::{HeaderMap, HeaderValue, header};

/// What a response to a GraphQL request is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MediaType {
    /// `application/json`: every well-formed request answers 200.
    Json,
    /// `application/graphql-response+json`: request errors answer 400, without `data`.
    GraphqlResponse,
}

impl MediaType {
    pub(super) fn content_type(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Self::Json => "application/json; charset=utf-8",
            Self::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
        })
    }
}

/// What the client asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wanted {
    /// A GraphQL response in this media type.
    Graphql(MediaType),
    /// The GraphiQL page (only offered for `GET`).
    Html,
    /// Nothing Pasar can write.
    Unsupported,
}

/// Picks the best representation by `q`; on a tie the more specific GraphQL type wins, and
/// JSON wins over HTML so that `*/*` never turns a GraphQL request into a web page.
pub(super) fn negotiate(headers: &HeaderMap, html_allowed: bool) -> Wanted {
    let values: Vec<&str> = headers.get_all(header::ACCEPT).iter().filter_map(|v| v.to_str().ok()).collect();
    if values.iter().all(|v| v.trim().is_empty()) {
        return Wanted::Graphql(MediaType::Json);
    }
    let (mut graphql, mut json, mut html) = (0.0_f32, 0.0_f32, 0.0_f32);
    for range in values.iter().flat_map(|v| v.split(',')) {
        let mut parts = range.split(';');
        let mime = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0)
            .clamp(0.0, 1.0);
        match mime.as_str() {
            "application/graphql-response+json" => graphql = graphql.max(q),
            "application/json" | "application/*" | "*/*" => json = json.max(q),
            "text/html" => html = html.max(q),
            _ => {}
        }
    }
    if html_allowed && html > 0.0 && html > graphql && html > json {
        Wanted::Html
    } else if graphql > 0.0 && graphql >= json {
        Wanted::Graphql(MediaType::GraphqlResponse)
    } else if json > 0.0 {
        Wanted::Graphql(MediaType::Json)
    } else {
        Wanted::Unsupported
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(accept: &str, html_allowed: bool) -> Wanted {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(accept).expect("header value"));
        negotiate(&headers, html_allowed)
    }

    #[test]
    fn a_missing_accept_and_wildcards_mean_application_json() {
        assert_eq!(negotiate(&HeaderMap::new(), true), Wanted::Graphql(MediaType::Json));
        assert_eq!(wanted("*/*", true), Wanted::Graphql(MediaType::Json));
        assert_eq!(wanted("application/*", false), Wanted::Graphql(MediaType::Json));
    }

    #[test]
    fn the_graphql_response_type_is_used_only_when_named_and_preferred() {
        assert_eq!(wanted("application/graphql-response+json", false), Wanted::Graphql(MediaType::GraphqlResponse));
        let apollo = "application/graphql-response+json,application/json;q=0.9";
        assert_eq!(wanted(apollo, false), Wanted::Graphql(MediaType::GraphqlResponse));
        let legacy_first = "application/graphql-response+json;q=0.5, application/json";
        assert_eq!(wanted(legacy_first, false), Wanted::Graphql(MediaType::Json));
    }

    #[test]
    fn a_browser_gets_html_only_where_html_is_offered() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(wanted(browser, true), Wanted::Html);
        assert_eq!(wanted(browser, false), Wanted::Graphql(MediaType::Json));
    }

    #[test]
    fn refused_or_unknown_types_are_unsupported() {
        assert_eq!(wanted("text/plain", false), Wanted::Unsupported);
        assert_eq!(wanted("application/json;q=0", false), Wanted::Unsupported);
    }
}
