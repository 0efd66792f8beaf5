//! What one offer states about its PPN: the inclusion flag, the rate, the seller's PKP status,
//! an exemption and a regional tax. Deciding what they add up to is `vat::treatment`'s job.

use super::{flag, issue};
use crate::codes::Code;
use crate::model::Issue;
use crate::normalize::percent::parse_percent;
use crate::normalize::price::ParsedPrice;
use crate::normalize::raw::RawOffer;
use crate::normalize::vat::Stated;

/// Reads the offer's statements; `text` is what the price text says (a PPN hint, `non-PKP`),
/// which is more specific than any flag and wins.
pub(super) fn stated(raw: &RawOffer, text: &ParsedPrice, issues: &mut Vec<Issue>) -> Stated {
    let rate = match raw.vat_rate.as_ref().map(|r| parse_percent(&r.value)) {
        Some(Ok(rate)) => rate,
        None => None,
        Some(Err(_)) => {
            issues.push(issue(
                "price.vatRate",
                Code::VatRateUnreadable.as_str(),
                "the PPN rate could not be read; the adapter's rate was used",
            ));
            None
        }
    };
    Stated {
        includes_vat: text.includes_vat.or_else(|| flag(raw.includes_vat.as_ref(), "price.includesVat", issues)),
        rate,
        pkp: text.pkp.or_else(|| flag(raw.vendor_pkp.as_ref(), "seller.pkp", issues)),
        exempt: flag(raw.vat_exempt.as_ref(), "price.vatExempt", issues),
        regional_tax: flag(raw.regional_tax.as_ref(), "price.regionalTax", issues),
    }
}
