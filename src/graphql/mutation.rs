//! Operator mutations, allowed only with the admin token.

use super::error::codes;
use super::response_cache::ResponseCache;
use crate::normalize::echo::echoed;
use crate::search::SearchService;
use async_graphql::{Context, ErrorExtensions, ID, Object, Result, SimpleObject};

/// The bearer token a request presented, if any (from its `Authorization` header).
#[derive(Debug, Clone, Default)]
pub struct Presented(pub Option<String>);

/// Whether the request's client is a `[clients]` entry with the `admin` scope.
#[derive(Clone, Copy)]
pub struct AdminScope(pub bool);

/// The admin token the gateway was started with (`PASAR_ADMIN_TOKEN`); `None` disables admin
/// operations entirely.
#[derive(Clone, Default)]
pub struct AdminToken(pub Option<String>);

/// Operator entry points.
pub struct MutationRoot;

/// What a purge removed.
#[derive(SimpleObject)]
pub(super) struct PurgeResult {
    /// Cached pages before the purge in the purged scope's cache (all marketplaces share one cache).
    entries_before: i32,
    /// The marketplace purged; null when all were.
    marketplace: Option<ID>,
}

/// Operator operations; each needs the admin token as `Authorization: Bearer …`.
#[Object(name = "Mutation")]
impl MutationRoot {
    /// Empties the result cache of one marketplace, or of all when `marketplace` is omitted.
    /// Requires `Authorization: Bearer <admin token>`; refused (and nothing purged) otherwise.
    async fn purge_cache(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The marketplace id to purge; every marketplace when omitted.")] marketplace: Option<ID>,
    ) -> Result<PurgeResult> {
        authorize(ctx)?;
        let service = ctx.data_unchecked::<SearchService>();
        if let Some(id) = &marketplace
            && service.registry().get(id).is_none()
        {
            let e = async_graphql::Error::new(format!("unknown marketplace `{}`", echoed(id)));
            return Err(e.extend_with(|_, ext| ext.set("code", codes::BAD_USER_INPUT)));
        }
        let before = service.purge_cache(marketplace.as_ref().map(|id| id.as_str())).await;
        // Stored answers go with the pages they were built from, here where the purge happened:
        // cleared for any mutation at all, a refused one (no token) emptied them too, and anyone
        // could make every cached request run again. After the pages: an answer begun since
        // reads the purged cache, and one begun before is taken back by the generation check.
        if let Some(stored) = ctx.data_opt::<ResponseCache>() {
            stored.clear();
        }
        Ok(PurgeResult { entries_before: i32::try_from(before).unwrap_or(i32::MAX), marketplace })
    }
}

fn authorize(ctx: &Context<'_>) -> Result<()> {
    if ctx.data_opt::<AdminScope>().is_some_and(|scope| scope.0) {
        return Ok(());
    }
    let expected = ctx.data_opt::<AdminToken>().and_then(|t| t.0.as_deref());
    let presented = ctx.data_opt::<Presented>().and_then(|p| p.0.as_deref());
    match (expected, presented) {
        (Some(expected), Some(presented)) if constant_time_eq(expected.as_bytes(), presented.as_bytes()) => Ok(()),
        (None, _) => Err(forbidden("admin operations are disabled: PASAR_ADMIN_TOKEN is not set")),
        _ => Err(forbidden("this operation needs `Authorization: Bearer <admin token>`")),
    }
}

fn forbidden(message: &str) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, e| e.set("code", codes::FORBIDDEN))
}

/// Compares without returning early, so response time does not reveal how much of a guess matched.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn tokens_match_only_when_identical() {
        assert!(constant_time_eq(b"s3cret", b"s3cret"));
        assert!(!constant_time_eq(b"s3cret", b"s3creT"));
        assert!(!constant_time_eq(b"s3cret", b"s3cre"));
        assert!(!constant_time_eq(b"", b"x"));
    }
}
