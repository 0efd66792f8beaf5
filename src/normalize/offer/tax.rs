//! What one offer states about its PPN: the inclusion flag, the rate, the seller's PKP status,
//! an exemption and a regional tax. Deciding what they add up to is `vat::treatment`'s job.

use super::{flag, issue};
use crate::codes::Code;
use crate::model::{Issue, VatBasis};
use crate::normalize::percent::parse_percent;
use crate::normalize::price::ParsedPrice;
use crate::normalize::raw::RawOffer;
use crate::normalize::vat::{Stated, Treatment};

/// Reads the offer's statements; `text` is what the price text says (a PPN hint, `non-PKP`),
/// which is more specific than any flag and wins.
pub(super) fn stated(raw: &RawOffer, text: &ParsedPrice, issues: &mut Vec<Issue>) -> Stated {
    let read = raw.vat_rate.as_ref().map(|r| parse_percent(&r.value));
    Stated {
        includes_vat: text.includes_vat.or_else(|| flag(raw.includes_vat.as_ref(), "price.includesVat", issues)),
        rate: read.as_ref().and_then(|r| r.as_ref().ok().copied().flatten()),
        rate_unreadable: read.as_ref().is_some_and(Result::is_err),
        pkp: text.pkp.or_else(|| flag(raw.vendor_pkp.as_ref(), "seller.pkp", issues)),
        exempt: flag(raw.vat_exempt.as_ref(), "price.vatExempt", issues),
        regional_tax: flag(raw.regional_tax.as_ref(), "price.regionalTax", issues),
    }
}

/// Reports a stated rate that cannot be read (`"110"`, `"-11"`, `"abc"`). Where PPN applies the
/// listing's rate is unknown and the file's would be a guess, so this returns `true` and the
/// price is null, as for an unknown inclusion: a client filtering on either amount must not
/// take a split at an assumed rate for a stated one (review39n R39n-6).
pub(super) fn unreadable_rate(
    raw: &RawOffer,
    stated: Stated,
    treatment: Option<&Treatment>,
    issues: &mut Vec<Issue>,
) -> bool {
    if !stated.rate_unreadable {
        return false;
    }
    let sent = raw.vat_rate.as_ref().map(|r| r.value.to_string()).unwrap_or_default();
    let moot = treatment.is_some_and(|t| matches!(t.basis, VatBasis::Exempt | VatBasis::Pbjt | VatBasis::NotPkp));
    let message = if moot {
        format!("the PPN rate {sent} could not be read; no PPN applies to this offer, so it changes nothing")
    } else {
        format!("the PPN rate {sent} could not be read, so no amount with or without PPN is given at an assumed rate")
    };
    issues.push(issue("price.vatRate", Code::VatRateUnreadable.as_str(), &message));
    !moot
}
