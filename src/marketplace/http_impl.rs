//! The declarative adapter as a [`Marketplace`]: searches, and the ledger where the file has one.

use super::http::HttpAdapter;
use super::{LedgerPage, LedgerRequest, LedgerTotals, Marketplace, MarketplaceError, SearchPage, SearchRequest};
use crate::model::MarketplaceId;

#[async_trait::async_trait]
impl Marketplace for HttpAdapter {
    fn id(&self) -> &MarketplaceId {
        &self.id
    }

    fn cache_partition(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        for (name, value) in &self.headers {
            (name.as_str(), value.as_bytes()).hash(&mut hasher);
        }
        hasher.finish()
    }

    async fn search(&self, request: &SearchRequest) -> Result<SearchPage, MarketplaceError> {
        let body = self.send(self.build(request)).await?;
        self.parse(&body)
    }

    fn keeps_ledger(&self) -> bool {
        self.definition.transactions.is_some()
    }

    fn has_totals(&self) -> bool {
        self.definition.transaction_totals.is_some()
    }

    async fn transactions(&self, request: &LedgerRequest) -> Result<LedgerPage, MarketplaceError> {
        super::ledger::transactions(self, request).await
    }

    async fn transaction_totals(&self, request: &LedgerRequest) -> Result<Option<LedgerTotals>, MarketplaceError> {
        super::ledger::totals(self, request).await
    }
}
