//! How to build and serve the sandboxes.

/// How to build and serve the sandboxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxOptions {
    /// Listings per marketplace.
    pub products: usize,
    /// Catalogue seed: the same seed and size give the same catalogue.
    pub seed: u64,
    /// Bearer token `mbiz` requires.
    pub mbiz_token: String,
    /// API key `ekatalog` requires in its `X-Api-Key` header.
    pub ekatalog_key: String,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        Self {
            products: 10_000,
            seed: 42,
            mbiz_token: "sandbox-mbiz-token".to_owned(),
            ekatalog_key: "sandbox-ekatalog-key".to_owned(),
        }
    }
}
