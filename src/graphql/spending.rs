//! `spending` and `spendingRanking`: a Pemda's spending across marketplaces, and a province's
//! ranking. Totals are public; the list of transactions (work units, vendors' NPWPs) is only for
//! a configured client with the `transactions` scope, and every such read is audited.

use super::count::clamp_i32;
use super::error::{codes, report_failure};
use super::lookup::RegionView;
use super::marketplace::{MarketplaceView, marketplace};
use super::spending_types::{
    AmountView, MarketplaceTally, MonthSpending, PaymentSpending, RankedBuyerView, SpendingShares, VendorSpending,
    rfc3339,
};
use crate::model::{Issue, MarketplaceId, PaymentMethod, Transaction, TransactionStatus};
use crate::search::SourceStatus;
use crate::spending::{LedgerSource, Spending, SpendingError};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result, SimpleObject};
use base64::Engine;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The `[clients]` name of the caller when it holds the `transactions` scope.
#[derive(Debug, Clone, Default)]
pub struct TransactionReader(pub Option<Arc<str>>);

impl ErrorExtensions for SpendingError {
    fn extend(&self) -> async_graphql::Error {
        let code = if *self == SpendingError::BadCursor { codes::BAD_CURSOR } else { codes::BAD_USER_INPUT };
        async_graphql::Error::new(self.to_string()).extend_with(|_, e| {
            e.set("code", code);
            e.set("field", self.field());
        })
    }
}

/// Reports each failed marketplace beside the data, as a search does.
pub(super) fn report(
    ctx: &Context<'_>,
    failures: impl IntoIterator<Item = (MarketplaceId, crate::marketplace::MarketplaceError)>,
) {
    for (marketplace, error) in failures {
        report_failure(ctx, &marketplace, &error);
    }
}

/// A buyer's spending in one year across marketplaces.
pub(super) struct SpendingView(pub(super) Arc<Spending>);

/// What a Pemda bought on the marketplaces in one calendar year (WIB): completed transactions
/// only, exact sums; a marketplace that failed is in `sources` and the errors, never counted as 0.
#[Object(name = "Spending")]
impl SpendingView {
    /// The buyer.
    async fn buyer(&self) -> RegionView {
        RegionView(self.0.buyer)
    }
    /// The year.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// Completed transactions' total over every marketplace that answered.
    async fn total(&self) -> AmountView {
        self.0.summary.all.total.into()
    }
    /// Completed transactions counted.
    async fn transaction_count(&self) -> i32 {
        clamp_i32(self.0.summary.all.count)
    }
    /// True when every marketplace answered and its whole ledger was read: as many entries as
    /// it states, each readable, with a status Pasar knows, every completed amount read.
    async fn complete(&self) -> bool {
        self.0.complete()
    }
    /// When the oldest of its ledgers was read from its marketplace, RFC 3339 in UTC to the
    /// second: figures served from the cache are as old as this, not as the answer. A closed
    /// year's ledger is kept a day, the current year's (WIB) five minutes. Null when none was read.
    async fn read_at(&self) -> Option<String> {
        self.0.read_at().map(rfc3339)
    }
    /// What happened to each marketplace asked.
    async fn sources(&self) -> Vec<SpendingSource> {
        self.0.sources.iter().cloned().map(SpendingSource).collect()
    }
    /// Per marketplace that answered.
    async fn by_marketplace(&self) -> Vec<MarketplaceTally> {
        self.0.summary.by_marketplace.iter().map(|(m, t)| MarketplaceTally(m.clone(), *t)).collect()
    }
    /// Per month, January to December (all twelve).
    async fn by_month(&self) -> Vec<MonthSpending> {
        let months = self.0.summary.by_month.iter().enumerate();
        months
            .map(|(i, t)| MonthSpending {
                month: clamp_i32(i + 1),
                total: t.total.into(),
                transaction_count: clamp_i32(t.count),
            })
            .collect()
    }
    /// Per payment method used.
    async fn by_payment_method(&self) -> Vec<PaymentSpending> {
        let methods = self.0.summary.by_payment.iter();
        methods
            .map(|(m, t)| PaymentSpending { method: *m, total: t.total.into(), transaction_count: clamp_i32(t.count) })
            .collect()
    }
    /// Shares going to UMK, koperasi, local and provincial vendors, and certified TKDN.
    async fn shares(&self) -> SpendingShares {
        let s = &self.0.summary.shares;
        SpendingShares {
            umk: s.umk.into(),
            koperasi: s.koperasi.into(),
            same_region: s.same_region.into(),
            same_province: s.same_province.into(),
            certified_tkdn: s.tkdn.into(),
        }
    }
    /// The vendors that sold the most, largest first.
    async fn top_vendors(
        &self,
        #[graphql(desc = "How many, 1 to 100.", default = 10)] first: i32,
    ) -> Result<Vec<VendorSpending>> {
        let first = usize::try_from(first).ok().filter(|n| (1..=100).contains(n));
        let first = first.ok_or_else(|| SpendingError::BadFirst { max: 100 }.extend())?;
        Ok(self.0.summary.vendors.iter().take(first).cloned().map(VendorSpending).collect())
    }
    /// The transactions themselves (every status), by date. Only for a configured client with
    /// the `transactions` scope (`TRANSACTIONS_FORBIDDEN` otherwise); each read is audited.
    async fn transactions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, 1 to 500.", default = 50)] first: i32,
        #[graphql(desc = "`endCursor` of the previous page.")] after: Option<String>,
    ) -> Result<TransactionPage> {
        let Some(client) = ctx.data_opt::<TransactionReader>().and_then(|r| r.0.clone()) else {
            return Err(async_graphql::Error::new(
                "the list of transactions needs a configured client (x-api-key) with the `transactions` scope",
            )
            .extend_with(|_, e| e.set("code", codes::TRANSACTIONS_FORBIDDEN)));
        };
        let first = usize::try_from(first).ok().filter(|n| (1..=500).contains(n));
        let first = first.ok_or_else(|| SpendingError::BadFirst { max: 500 }.extend())?;
        let all = self.0.transactions();
        let start = match after {
            None => 0,
            Some(cursor) => {
                read_cursor(&cursor).filter(|n| *n <= all.len()).ok_or_else(|| SpendingError::BadCursor.extend())?
            }
        };
        let nodes: Vec<TransactionView> = all.iter().skip(start).take(first).cloned().map(TransactionView).collect();
        let end = start + nodes.len();
        tracing::info!(
            target: "pasar::audit",
            client = %client, buyer = self.0.buyer.code, year = self.0.year, count = nodes.len(),
            "transactions read"
        );
        Ok(TransactionPage {
            total_count: clamp_i32(all.len()),
            has_next_page: end < all.len(),
            end_cursor: (!nodes.is_empty()).then(|| write_cursor(end)),
            nodes,
        })
    }
}

fn write_cursor(n: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("tx:{n}"))
}

fn read_cursor(text: &str) -> Option<usize> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text).ok()?;
    String::from_utf8(bytes).ok()?.strip_prefix("tx:")?.parse().ok()
}

/// One marketplace asked for a buyer's year.
pub(super) struct SpendingSource(LedgerSource);

/// What happened to one marketplace's ledger.
#[Object(name = "SpendingSource")]
impl SpendingSource {
    /// The marketplace.
    async fn marketplace(&self, ctx: &Context<'_>) -> Result<MarketplaceView> {
        marketplace(ctx, &self.0.marketplace)
    }
    /// `OK`, or why it is missing.
    async fn status(&self) -> SourceStatus {
        self.0.ledger.as_ref().map_or_else(SourceStatus::of, |_| SourceStatus::Ok)
    }
    /// Transactions read from it (every status).
    async fn transaction_count(&self) -> i32 {
        clamp_i32(self.0.ledger.as_ref().map_or(0, |l| l.transactions.len()))
    }
    /// Entries of the buyer's year it sent that could not be read, completed ones whose amount
    /// could not be, and those whose status Pasar does not know: not in any total.
    async fn unreadable_count(&self) -> i32 {
        clamp_i32(self.0.ledger.as_ref().map_or(0, |l| l.skipped + l.unreadable() + l.unknown_status_count()))
    }
    /// Entries it sent that state another buyer than the one asked: left out of every figure.
    async fn other_buyer_count(&self) -> i32 {
        clamp_i32(self.0.ledger.as_ref().map_or(0, |l| l.other_buyer))
    }
    /// Entries it sent dated outside the year asked (in WIB): left out of every figure.
    async fn outside_year_count(&self) -> i32 {
        clamp_i32(self.0.ledger.as_ref().map_or(0, |l| l.outside_year))
    }
    /// Entries stating a PPN rate not in force on their date (WIB): each is in the totals at the
    /// rate it states, what the seller charged, and flagged `VAT_RATE_NOT_IN_FORCE` in
    /// `transactions`. The figures stand (`complete` is unchanged), but the rate charged was wrong.
    async fn vat_rate_not_in_force_count(&self) -> i32 {
        clamp_i32(self.0.ledger.as_ref().map_or(0, |l| l.rate_not_in_force()))
    }
    /// When its ledger was read (the walk through its pages began), RFC 3339 in UTC to the
    /// second; with the year before's ledger read for entries filed there, the older of the
    /// two. Null when it could not be read.
    async fn read_at(&self) -> Option<String> {
        self.0.ledger.as_ref().ok().and_then(|l| l.read_at).map(rfc3339)
    }
    /// What went wrong, in a sentence: why it could not be read, or what its figures leave out
    /// (entries unreadable or of unknown status, a ledger ending short of the total it states,
    /// entries of another year or buyer left out, entries listed twice and counted once, entries
    /// stating a PPN rate not in force on their date).
    async fn message(&self) -> Option<String> {
        match &self.0.ledger {
            Err(e) => Some(format!("{} {e}", self.0.marketplace)),
            Ok(l) => Some(l.problems().join("; ")).filter(|m| !m.is_empty()),
        }
    }
}

/// A page of transactions.
#[derive(SimpleObject)]
pub(super) struct TransactionPage {
    /// The transactions.
    nodes: Vec<TransactionView>,
    /// Pass as `after` for the next page.
    end_cursor: Option<String>,
    /// Whether more follow.
    has_next_page: bool,
    /// All transactions of the year read.
    total_count: i32,
}

/// One transaction.
pub(super) struct TransactionView((MarketplaceId, Arc<Transaction>));

/// A purchase as its marketplace's ledger records it.
#[Object(name = "Transaction")]
impl TransactionView {
    /// The marketplace's id for it.
    async fn id(&self) -> &str {
        &self.0.1.id
    }
    /// The marketplace.
    async fn marketplace(&self) -> ID {
        ID(self.0.0.to_string())
    }
    /// Date in WIB, `YYYY-MM-DD`.
    async fn date(&self) -> String {
        self.0.1.date.to_string()
    }
    /// The buyer's work unit.
    async fn satker(&self) -> Option<&str> {
        self.0.1.satker.as_deref()
    }
    /// The vendor's canonical name.
    async fn vendor_name(&self) -> &str {
        &self.0.1.vendor.name
    }
    /// The vendor's NPWP (16 digits), when a valid one was sent.
    async fn vendor_npwp(&self) -> Option<&str> {
        self.0.1.vendor.npwp.as_deref()
    }
    /// The amount; null when it could not be read exactly.
    async fn amount(&self) -> Option<AmountView> {
        self.0.1.amount.map(Into::into)
    }
    /// Completed, cancelled, …
    async fn status(&self) -> TransactionStatus {
        self.0.1.status
    }
    /// How it was paid.
    async fn payment_method(&self) -> PaymentMethod {
        self.0.1.payment_method
    }
    /// Items ordered.
    async fn item_count(&self) -> Option<i32> {
        self.0.1.item_count.map(clamp_i32)
    }
    /// TKDN of the goods in percent, when certified.
    async fn tkdn(&self) -> Option<Decimal> {
        self.0.1.tkdn
    }
    /// What a reader must see though it changes no figure: `VAT_RATE_NOT_IN_FORCE` (field
    /// `amount`) when the entry states a PPN rate not in force on its date; the amount is split
    /// at it as stated, since it is what the seller charged.
    async fn issues(&self) -> &[Issue] {
        &self.0.1.issues
    }
}

/// The ranking's rows for `spendingRanking`: none in a year nobody spent in, as the page and
/// the downloads rank nobody, rather than every Pemda first at Rp0.
pub(super) fn ranked(ctx: &Context<'_>, ranking: crate::spending::Ranking, first: usize) -> Vec<RankedBuyerView> {
    if ranking.ranks_nobody() {
        return Vec::new();
    }
    report(ctx, ranking.failures);
    ranking.buyers.into_iter().take(first).map(RankedBuyerView).collect()
}

/// Reports the failed sources of a spending answer.
pub(super) fn report_sources(ctx: &Context<'_>, spending: &Spending) {
    let failed =
        spending.sources.iter().filter_map(|s| s.ledger.as_ref().err().map(|e| (s.marketplace.clone(), e.clone())));
    report(ctx, failed);
}
