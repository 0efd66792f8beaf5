//! Vendors merged across marketplaces.

use super::codes;
use super::lookup::{RegionView, region_by_code};
use super::marketplace::{MarketplaceView, marketplace};
use super::serial::{Lean, Serial};
use crate::model::{BusinessScale, Issue, LegalForm, Offer};
use crate::search::SearchService;
use crate::search::{Account, Vendor};
use async_graphql::{Context, ErrorExtensions, ID, Object, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn too_many_vendor_offers() -> async_graphql::Error {
    let message = format!("this request lists more than {MAX_VENDOR_OFFERS_PER_REQUEST} offers through Vendor.offers");
    async_graphql::Error::new(message).extend_with(|_, e| {
        e.set("code", codes::QUERY_TOO_COMPLEX);
        e.set("limit", "max_vendor_offers");
    })
}

/// Offers one request may list through `Vendor.offers`, however they nest. `Offer.vendor` and
/// `Vendor.offers` form a cycle, and each level multiplies the answer by a vendor's offers (up to
/// 200): a 200-byte query nesting them seven deep, within every limit on the document (none of
/// which sees list lengths), asked for millions of offers and would have run the process out of
/// memory.
pub(crate) const MAX_VENDOR_OFFERS_PER_REQUEST: usize = 1_000;

/// How many offers the request has listed through `Vendor.offers`: request data, added by every
/// door that executes (`http::run`, the socket's `Operation::run`). A request without it lists
/// none, so a door that forgets it fails closed.
#[derive(Debug, Default)]
pub(crate) struct VendorOffersListed(AtomicUsize);

/// A seller, one entry however many marketplaces it sells on.
pub(super) struct VendorView(pub(super) Arc<Vendor>);

/// A vendor, with every marketplace account merged into it (by NPWP or normalised name).
#[Object(name = "Vendor", serial)]
impl VendorView {
    /// Id derived from the data, so every instance gives a seller the same one: from the NPWP
    /// entity (`npwp-012345678`), a sole trader's NIK (`nik-…`), else name and region. It can
    /// change once: a sole trader one marketplace sends by NIK and another by NPWP15, or a
    /// record without NPWP, is found to be one seller only when both have been seen under one
    /// name and region; the merged vendor then takes the NPWP id, and the id it was shown by
    /// before is listed in `formerIds` and still answers `vendor(id:)`; unless that vendor's
    /// records turn out to be two businesses (`NPWP_SHARED`), which the record then leaves.
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }
    /// Ids this vendor was answered under before it was found to be one seller with another
    /// record (see `id`), oldest first; each still answers `vendor(id:)` while the vendor is
    /// remembered. A client that keys vendors by id merges those entries into this one.
    async fn former_ids(&self) -> Vec<ID> {
        self.0.former_ids.iter().cloned().map(ID).collect()
    }
    /// Canonical name, legal form first (`"PT Maju Jaya Abadi"`). A vendor whose records share
    /// one NPWP entity under names or forms that cannot be one business (issue `NPWP_SHARED`) is
    /// named by all of them, sorted, joined by `" / "` (`"CV Berkah Abadi / PT Sentosa Makmur
    /// Jaya"`); each offer's `seller` names its own account.
    async fn name(&self) -> &str {
        &self.0.record.name
    }
    /// Legal form; `UNKNOWN` when none is stated, or when its records state forms that cannot be
    /// one business's (a PT and a CV under one NPWP: issue `NPWP_SHARED`).
    async fn legal_form(&self) -> LegalForm {
        self.0.record.legal_form
    }
    /// 16-digit NPWP, when a valid one was sent and its 16-digit form is known; for a vendor
    /// whose accounts are two businesses (`NPWP_SHARED`), only when every account sent it.
    async fn npwp(&self) -> Option<&str> {
        self.0.record.npwp.as_deref()
    }
    /// Business scale (PP 7/2021); `UNKNOWN` when none is stated, and for a vendor whose records
    /// cannot be one business (`NPWP_SHARED`): a scale stated belongs to only one of them.
    async fn scale(&self) -> BusinessScale {
        self.0.record.scale
    }
    /// Whether it is an usaha mikro or kecil (UMK preference, Perpres 12/2021); false when its
    /// scale is `UNKNOWN`.
    async fn umk(&self) -> bool {
        self.0.record.scale.is_umk()
    }
    /// Whether it is a koperasi (counts with UMK for preference rules).
    async fn koperasi(&self) -> bool {
        self.0.record.legal_form == LegalForm::Koperasi
    }
    /// Where the vendor is, when its location resolves to exactly one region; for a vendor whose
    /// accounts are two businesses (`NPWP_SHARED`), only where every account is.
    async fn region(&self) -> Option<Lean<RegionView>> {
        self.0.record.region_code.and_then(region_by_code).map(Lean)
    }
    /// What could not be read cleanly about the vendor: an invalid NPWP, a location that is
    /// ambiguous (`REGION_AMBIGUOUS`, candidates named) or unknown (see `resolveRegion`), or
    /// records sharing one NPWP entity that cannot be one business (`NPWP_SHARED`: a PT and a CV,
    /// or two different names; every name and form is named, and one NPWP is likely mistyped).
    async fn issues(&self) -> &[Issue] {
        &self.0.record.issues
    }
    /// Each marketplace's own record of this vendor.
    async fn accounts(&self) -> Serial<AccountView<'_>> {
        self.0.accounts.iter().map(AccountView).collect()
    }
    /// Offers from this vendor seen in recent searches. A request lists at most 1,000 offers
    /// through this field, however often it selects it; past that the field is an error with
    /// `QUERY_TOO_COMPLEX` (`extensions.limit`: `max_vendor_offers`).
    async fn offers(&self, ctx: &Context<'_>) -> Result<Vec<Offer>> {
        let wanted = self.0.offer_ids.len();
        let listed = ctx.data_opt::<VendorOffersListed>().map(|listed| listed.0.fetch_add(wanted, Ordering::Relaxed));
        if listed.is_none_or(|before| before + wanted > MAX_VENDOR_OFFERS_PER_REQUEST) {
            return Err(too_many_vendor_offers());
        }
        let service = ctx.data_unchecked::<SearchService>();
        let mut offers = Vec::with_capacity(wanted);
        for id in &self.0.offer_ids {
            offers.extend(service.recent_offer(id).await);
        }
        Ok(offers)
    }
}

/// One marketplace's record of a vendor.
pub(super) struct AccountView<'a>(&'a Account);

/// One marketplace account of a vendor.
#[Object(name = "VendorAccount", serial)]
impl AccountView<'_> {
    /// The marketplace holding the account.
    async fn marketplace(&self, ctx: &Context<'_>) -> Result<MarketplaceView> {
        marketplace(ctx, &self.0.marketplace)
    }
    /// The account id on that marketplace; null when its adapter maps none (the vendor's name
    /// is not given as one).
    async fn source_id(&self) -> Option<&str> {
        self.0.source_id.as_deref()
    }
    /// The name exactly as that marketplace writes it.
    async fn raw_name(&self) -> &str {
        &self.0.raw_name
    }
    /// The canonical name of that account (`"CV Berkah Abadi"`): under a vendor whose accounts
    /// cannot be one business (`NPWP_SHARED`), which of them this one is. The raw name when an
    /// instance remembered the account without it.
    async fn name(&self) -> &str {
        if self.0.name.is_empty() { &self.0.raw_name } else { &self.0.name }
    }
    /// The legal form that account's listing states.
    async fn legal_form(&self) -> LegalForm {
        self.0.legal_form
    }
    /// The location as that marketplace writes it.
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }
}
