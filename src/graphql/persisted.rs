//! Persisted queries: Apollo's automatic persisted queries (APQ) and, for production, trusted
//! documents from a manifest.
//!
//! APQ, as Apollo Client's `createPersistedQueryLink` speaks it: a request carries
//! `extensions.persistedQuery = {version: 1, sha256Hash}`. Hash only: the stored document runs,
//! or `PERSISTED_QUERY_NOT_FOUND` (HTTP 200) tells the client to resend with the query. Query and
//! hash: the hash must be the query's SHA-256, then the document is remembered (weighed in bytes
//! against `[http] persisted_queries_mb`, least recently used evicted first, so clients cannot
//! grow memory without limit; admission checks every document against the request limits before
//! it is stored).
//!
//! Trusted documents (`[http] persisted_only = true`): only the manifest's documents run, named
//! by hash or sent in full; APQ registration is off and anything else is refused.

use super::codes;
use super::error::coded;
use super::wire::WireRequest;
use async_graphql::ServerError;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// The document store of one gateway.
#[derive(Clone)]
pub struct PersistedQueries {
    automatic: moka::sync::Cache<String, Arc<str>>,
    manifest: Arc<HashMap<String, Arc<str>>>,
    only: bool,
}

/// Why a manifest could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// The file could not be read.
    #[error("cannot read the persisted-query manifest {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a manifest.
    #[error("the persisted-query manifest {path} is not an Apollo persisted-query manifest: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// `persisted_only` without a manifest would refuse every request.
    #[error("`[http] persisted_only = true` needs `[http] persisted_manifest`")]
    Missing,
}

#[derive(Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    operations: Vec<ManifestOperation>,
}

#[derive(Deserialize)]
struct ManifestOperation {
    id: String,
    body: String,
}

/// A request after its persisted query, if any, was resolved.
pub(super) struct Resolved {
    /// The request with its document filled in.
    pub(super) request: WireRequest,
    /// Whether it named its document by hash (a `GET` of it may be cached by a CDN).
    pub(super) by_hash: bool,
    /// The hash to remember its document under, once admission has admitted it ([`keep`]).
    ///
    /// [`keep`]: PersistedQueries::keep
    to_keep: Option<String>,
}

impl PersistedQueries {
    /// A store of automatic persisted queries weighing at most `bytes`, plus the manifest's
    /// documents.
    pub fn new(bytes: u64, manifest: Option<&Path>, only: bool) -> Result<Self, ManifestError> {
        let manifest = match manifest {
            Some(path) => read_manifest(path)?,
            None if only => return Err(ManifestError::Missing),
            None => HashMap::new(),
        };
        // A document's weight is its text and its hash key, plus the entry's own bookkeeping.
        let weigher =
            |hash: &String, document: &Arc<str>| u32::try_from(hash.len() + document.len() + 64).unwrap_or(u32::MAX);
        let automatic = moka::sync::Cache::builder().max_capacity(bytes).weigher(weigher).build();
        Ok(Self { automatic, manifest: Arc::new(manifest), only })
    }

    /// Fills in the document of a hash-only request, checks a hashed one (remembered only by
    /// [`keep`](Self::keep)), and in trusted-documents mode refuses any document not in the
    /// manifest.
    pub(super) fn resolve(&self, mut request: WireRequest) -> Result<Resolved, ServerError> {
        let Some(hash) = persisted_hash(&request)? else {
            if self.only {
                let listed = request.query.as_deref().is_some_and(|q| self.manifest.contains_key(&sha256(q)));
                if !listed {
                    return Err(not_in_list());
                }
            }
            return Ok(Resolved { request, by_hash: false, to_keep: None });
        };
        let mut to_keep = None;
        match request.query.as_deref() {
            None => {
                let stored = self.manifest.get(&hash).cloned().or_else(|| self.automatic.get(&hash));
                let Some(document) = stored else {
                    if self.only {
                        return Err(not_in_list());
                    }
                    let error = ServerError::new("PersistedQueryNotFound", None);
                    return Err(coded(error, codes::PERSISTED_QUERY_NOT_FOUND));
                };
                request.query = Some(document.to_string());
            }
            Some(query) => {
                if sha256(query) != hash {
                    let message = "extensions.persistedQuery.sha256Hash is not the SHA-256 of `query`.";
                    return Err(coded(ServerError::new(message, None), codes::PERSISTED_QUERY_HASH_MISMATCH));
                }
                if self.only {
                    if !self.manifest.contains_key(&hash) {
                        return Err(not_in_list());
                    }
                } else {
                    to_keep = Some(hash);
                }
            }
        }
        Ok(Resolved { request, by_hash: true, to_keep })
    }

    /// Remembers the document of a hashed request under its hash. Admission calls it once every
    /// limit has passed, the batch's fan-out included: a refused document is never kept.
    pub(super) fn keep(&self, resolved: &mut Resolved) {
        if let (Some(hash), Some(query)) = (resolved.to_keep.take(), resolved.request.query.as_deref()) {
            self.automatic.insert(hash, Arc::from(query));
        }
    }
}

/// The hash a request names, lower-case hex; an unusable `persistedQuery` is an error.
fn persisted_hash(request: &WireRequest) -> Result<Option<String>, ServerError> {
    let Some(persisted) = request.extensions.as_ref().and_then(|e| e.get("persistedQuery")) else {
        return Ok(None);
    };
    let bad = |message: &str| coded(ServerError::new(message, None), codes::BAD_REQUEST);
    if persisted.get("version").and_then(serde_json::Value::as_u64) != Some(1) {
        return Err(coded(
            ServerError::new("Only version 1 of persisted queries is supported.", None),
            codes::PERSISTED_QUERY_NOT_SUPPORTED,
        ));
    }
    let hash = persisted
        .get("sha256Hash")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| bad("extensions.persistedQuery needs `sha256Hash`, a string."))?;
    if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad("extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits."));
    }
    Ok(Some(hash.to_ascii_lowercase()))
}

fn not_in_list() -> ServerError {
    let message = "This server runs trusted documents only, and this document is not in its manifest.";
    coded(ServerError::new(message, None), codes::PERSISTED_QUERY_NOT_IN_LIST)
}

/// Lower-case hex SHA-256 of a document, as Apollo Client hashes it.
pub fn sha256(document: &str) -> String {
    Sha256::digest(document.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn read_manifest(path: &Path) -> Result<HashMap<String, Arc<str>>, ManifestError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ManifestError::Read { path: shown.clone(), source })?;
    let format = |message: String| ManifestError::Format { path: shown.clone(), message };
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| format(e.to_string()))?;
    if manifest.format != "apollo-persisted-query-manifest" || manifest.version != 1 {
        return Err(format(format!("format `{}` version {}", manifest.format, manifest.version)));
    }
    let mut documents = HashMap::new();
    for operation in manifest.operations {
        if operation.id.to_ascii_lowercase() != sha256(&operation.body) {
            return Err(format(format!("operation `{}`: its id is not the SHA-256 of its body", operation.id)));
        }
        documents.insert(operation.id.to_ascii_lowercase(), Arc::from(operation.body));
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: Option<&str>, hash: Option<&str>) -> WireRequest {
        let extensions = hash.map(|h| {
            serde_json::json!({"persistedQuery": {"version": 1, "sha256Hash": h}})
                .as_object()
                .cloned()
                .unwrap_or_default()
        });
        WireRequest { query: query.map(Into::into), extensions, ..WireRequest::default() }
    }

    /// Resolves `request` and keeps its document, as admission does once it admitted it.
    fn register(store: &PersistedQueries, request: WireRequest) -> Result<Resolved, ServerError> {
        let mut resolved = store.resolve(request)?;
        store.keep(&mut resolved);
        Ok(resolved)
    }

    fn code(error: &ServerError) -> String {
        error.extensions.as_ref().and_then(|e| e.get("code")).map(ToString::to_string).unwrap_or_default()
    }

    #[test]
    fn the_hash_is_apollo_clients_sha256_hex() {
        assert_eq!(sha256("{ __typename }"), "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b");
    }

    #[test]
    fn a_hash_only_request_is_not_found_then_runs_once_registered() {
        let store = PersistedQueries::new(64 * 1024, None, false).expect("store");
        let query = "{ __typename }";
        let hash = sha256(query);
        let error = store.resolve(request(None, Some(&hash))).err().expect("unknown");
        assert_eq!(code(&error), "\"PERSISTED_QUERY_NOT_FOUND\"");
        assert!(store.resolve(request(Some(query), Some(&hash))).is_ok());
        let unkept = store.resolve(request(None, Some(&hash))).err().expect("resolved, not kept");
        assert_eq!(code(&unkept), "\"PERSISTED_QUERY_NOT_FOUND\"");
        assert!(register(&store, request(Some(query), Some(&hash))).is_ok());
        let resolved = store.resolve(request(None, Some(&hash))).expect("stored");
        assert_eq!(resolved.request.query.as_deref(), Some(query));
        assert!(resolved.by_hash);
    }

    #[test]
    fn a_hash_that_is_not_the_querys_is_refused_and_not_stored() {
        let store = PersistedQueries::new(64 * 1024, None, false).expect("store");
        let other = sha256("{ other }");
        let error = register(&store, request(Some("{ __typename }"), Some(&other))).err().expect("mismatch");
        assert_eq!(code(&error), "\"PERSISTED_QUERY_HASH_MISMATCH\"");
        let error = store.resolve(request(None, Some(&other))).err().expect("not stored");
        assert_eq!(code(&error), "\"PERSISTED_QUERY_NOT_FOUND\"");
    }

    #[test]
    fn trusted_documents_mode_runs_the_manifest_and_refuses_everything_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("persisted.json");
        let body = "query Ping { __typename }";
        let manifest = serde_json::json!({
            "format": "apollo-persisted-query-manifest", "version": 1,
            "operations": [{"id": sha256(body), "name": "Ping", "type": "query", "body": body}]
        });
        std::fs::write(&path, manifest.to_string()).expect("write");
        let store = PersistedQueries::new(64 * 1024, Some(&path), true).expect("store");
        assert_eq!(
            store.resolve(request(None, Some(&sha256(body)))).ok().and_then(|r| r.request.query).as_deref(),
            Some(body)
        );
        assert!(store.resolve(request(Some(body), None)).is_ok());
        for refused in [
            request(Some("{ __typename }"), None),
            request(Some("{ a }"), Some(&sha256("{ a }"))),
            request(None, Some(&sha256("{ b }"))),
        ] {
            let error = store.resolve(refused).err().expect("refused");
            assert_eq!(code(&error), "\"PERSISTED_QUERY_NOT_IN_LIST\"");
        }
    }

    #[test]
    fn the_store_is_bounded_by_the_bytes_of_its_documents_not_their_count() {
        let store = PersistedQueries::new(1024 * 1024, None, false).expect("store");
        // 40 documents of 64 KiB each: 2.5 MiB offered to a 1 MiB store.
        for i in 0..40 {
            let query = format!("{{ __typename }} # {i} {}", "x".repeat(64 * 1024));
            assert!(register(&store, request(Some(&query), Some(&sha256(&query)))).is_ok());
        }
        store.automatic.run_pending_tasks();
        let weight = store.automatic.weighted_size();
        assert!(weight <= 1024 * 1024, "{weight} bytes held");
        assert!(weight >= 512 * 1024, "the store still holds what fits: {weight} bytes");
    }

    #[test]
    fn a_manifest_whose_id_is_not_its_body_hash_is_refused_at_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("persisted.json");
        let manifest =
            r#"{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"abc","body":"{ a }"}]}"#;
        std::fs::write(&path, manifest).expect("write");
        assert!(matches!(PersistedQueries::new(64 * 1024, Some(&path), true), Err(ManifestError::Format { .. })));
        assert!(matches!(PersistedQueries::new(64 * 1024, None, true), Err(ManifestError::Missing)));
    }
}
