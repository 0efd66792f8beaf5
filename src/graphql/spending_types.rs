//! GraphQL views of spending figures: amounts, tallies, shares, vendors, ranked buyers.

use super::count::clamp_i32;
use super::lookup::RegionView;
use super::marketplace::{MarketplaceView, marketplace};
use crate::model::{Amount, BusinessScale, LegalForm, MarketplaceId, PaymentMethod};
use crate::normalize::region;
use crate::spending::{RankedBuyer, Share, Tally, VendorTotal};
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use rust_decimal::Decimal;

/// An amount with and without PPN, as offer prices give it; exact sums.
#[derive(SimpleObject, Clone, Copy)]
#[graphql(name = "SpendingAmount")]
pub(super) struct AmountView {
    /// With PPN.
    amount_including_vat: Decimal,
    /// Without PPN.
    amount_excluding_vat: Decimal,
}

impl From<Amount> for AmountView {
    fn from(a: Amount) -> Self {
        Self { amount_including_vat: a.including_vat, amount_excluding_vat: a.excluding_vat }
    }
}

/// One marketplace's part of a buyer's spending.
pub(super) struct MarketplaceTally(pub(super) MarketplaceId, pub(super) Tally);

/// What a buyer spent on one marketplace.
#[Object(name = "MarketplaceSpending")]
impl MarketplaceTally {
    /// The marketplace.
    async fn marketplace(&self, ctx: &Context<'_>) -> Result<MarketplaceView> {
        marketplace(ctx, &self.0)
    }
    /// Completed transactions' total.
    async fn total(&self) -> AmountView {
        self.1.total.into()
    }
    /// Completed transactions counted.
    async fn transaction_count(&self) -> i32 {
        clamp_i32(self.1.count)
    }
}

/// What a buyer spent in one month (WIB).
#[derive(SimpleObject)]
pub(super) struct MonthSpending {
    /// 1 for January … 12 for December.
    pub(super) month: i32,
    /// Completed transactions' total.
    pub(super) total: AmountView,
    /// Completed transactions counted.
    pub(super) transaction_count: i32,
}

/// What a buyer paid one way.
#[derive(SimpleObject)]
pub(super) struct PaymentSpending {
    /// The payment method.
    pub(super) method: PaymentMethod,
    /// Completed transactions' total.
    pub(super) total: AmountView,
    /// Completed transactions counted.
    pub(super) transaction_count: i32,
}

/// The part of spending (with PPN) that meets a condition, over the value where it is known.
#[derive(SimpleObject)]
pub(super) struct SpendingShare {
    /// `value / base`, to 4 decimals (0.2531 is 25.31 %); null when `base` is 0.
    share: Option<Decimal>,
    /// Value meeting the condition.
    value: Decimal,
    /// Value where the condition is known: the denominator.
    base: Decimal,
    /// Value where it is not known (the vendor's scale or region not stated), outside `base`.
    unknown: Decimal,
}

impl From<Share> for SpendingShare {
    fn from(s: Share) -> Self {
        Self { share: s.ratio(), value: s.value, base: s.base, unknown: s.unknown }
    }
}

/// The shares of a buyer's spending that procurement policy asks about.
#[derive(SimpleObject)]
pub(super) struct SpendingShares {
    /// To usaha mikro and kecil (UMK).
    pub(super) umk: SpendingShare,
    /// To koperasi.
    pub(super) koperasi: SpendingShare,
    /// To vendors in the buyer's own kabupaten/kota. A location naming only the buyer's
    /// province, or several regions (`"Kediri"`: Kabupaten or Kota Kediri), is in `unknown`.
    pub(super) same_region: SpendingShare,
    /// To vendors in the buyer's province. A location naming several regions counts in or out
    /// when every one lies on the same side of the province's border, else it is in `unknown`.
    pub(super) same_province: SpendingShare,
    /// On goods with a certified TKDN (a transaction stating none counts as not certified).
    pub(super) certified_tkdn: SpendingShare,
}

/// A vendor's sales to the buyer.
pub(super) struct VendorSpending(pub(super) VendorTotal);

/// A vendor that sold to the buyer, merged across marketplaces by NPWP (or name).
#[Object(name = "VendorSpending")]
impl VendorSpending {
    /// Canonical name.
    async fn name(&self) -> &str {
        &self.0.vendor.name
    }
    /// Legal form.
    async fn legal_form(&self) -> LegalForm {
        self.0.vendor.legal_form
    }
    /// Business scale as stated.
    async fn scale(&self) -> BusinessScale {
        self.0.vendor.scale
    }
    /// Where it is, when its location resolves to one region.
    async fn region(&self) -> Option<RegionView> {
        self.0.vendor.region_code.and_then(region::by_code).map(RegionView)
    }
    /// Completed transactions' total.
    async fn total(&self) -> AmountView {
        self.0.tally.total.into()
    }
    /// Completed transactions counted.
    async fn transaction_count(&self) -> i32 {
        clamp_i32(self.0.tally.count)
    }
    /// The marketplaces it sold on.
    async fn marketplaces(&self) -> Vec<ID> {
        self.0.marketplaces.iter().map(|m| ID(m.to_string())).collect()
    }
}

/// A Pemda's place in a province's ranking.
pub(super) struct RankedBuyerView(pub(super) RankedBuyer);

/// A kabupaten or kota ranked by its spending.
#[Object(name = "RankedBuyer")]
impl RankedBuyerView {
    /// 1 for the largest total; equal totals share a rank, and the next rank skips as many
    /// places (1, 2, 2, 4).
    async fn rank(&self) -> i32 {
        clamp_i32(self.0.rank)
    }
    /// The Pemda.
    async fn region(&self) -> RegionView {
        RegionView(self.0.region)
    }
    /// Completed transactions' total.
    async fn total(&self) -> AmountView {
        self.0.total.into()
    }
    /// Completed transactions counted.
    async fn transaction_count(&self) -> i32 {
        clamp_i32(self.0.count)
    }
    /// False when a marketplace failed for this Pemda: its total is then missing, not zero.
    async fn complete(&self) -> bool {
        self.0.complete
    }
    /// True on every row when any row of the ranking is not `complete`: a Pemda whose total is
    /// missing a part may belong above this one, so this rank may change once every marketplace
    /// answers, even though this row's own total is whole.
    async fn rank_provisional(&self) -> bool {
        self.0.provisional
    }
    /// True when a part of `total` is a marketplace's own recap (`[transaction_totals]`, one
    /// call) rather than Pasar's reading of its ledger, which `spending` gives: a recap may
    /// count what the ledger does not (an order in progress). A ledger Pasar has read (cached)
    /// is used instead of the recap.
    async fn from_recap(&self) -> bool {
        self.0.from_recap
    }
    /// When the oldest part of its total was read from its marketplace (a ledger or a recap),
    /// RFC 3339 in UTC to the second; null when no marketplace answered for it.
    async fn read_at(&self) -> Option<String> {
        self.0.read_at.map(rfc3339)
    }
}

/// A read time as the API gives it: `"2026-12-06T04:32:05Z"`.
pub(super) fn rfc3339(at: std::time::SystemTime) -> String {
    humantime::format_rfc3339_seconds(at).to_string()
}
