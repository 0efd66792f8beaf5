//! Spending figures from transactions: totals, by marketplace, month and payment method, the
//! shares that matter to a Pemda's procurement policy, and the largest vendors.
//!
//! Only completed transactions with a readable amount count; every figure is an exact sum.
//! Shares are of the value including PPN, each with the value it is computed over (`base`) and
//! the value whose answer is not known (`unknown`, left out of the base).

use super::locality::locality;
use crate::model::{Amount, LegalForm, MarketplaceId, PaymentMethod, Transaction, TransactionStatus, VendorRecord};
use crate::normalize::region::Region;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A total and how many transactions make it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// The sum.
    pub total: Amount,
    /// Completed transactions counted.
    pub count: usize,
}

impl Tally {
    fn add(&mut self, amount: Amount) {
        self.total = self.total.plus(amount);
        self.count += 1;
    }
}

/// Value that meets a condition, over the value where it is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    /// Value meeting the condition.
    pub value: Decimal,
    /// Value where the condition is known (the share's denominator).
    pub base: Decimal,
    /// Value where it is not known, outside the base.
    pub unknown: Decimal,
}

impl Share {
    fn add(&mut self, known: Option<bool>, amount: Decimal) {
        match known {
            Some(yes) => {
                self.base += amount;
                if yes {
                    self.value += amount;
                }
            }
            None => self.unknown += amount,
        }
    }

    /// `value / base`, to 4 decimals; `None` when nothing is known.
    pub fn ratio(&self) -> Option<Decimal> {
        (!self.base.is_zero()).then(|| (self.value / self.base).round_dp(4))
    }
}

/// The shares of a buyer's spending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shares {
    /// To usaha mikro and kecil.
    pub umk: Share,
    /// To koperasi.
    pub koperasi: Share,
    /// To vendors in the buyer's own kabupaten/kota.
    pub same_region: Share,
    /// To vendors in the buyer's province.
    pub same_province: Share,
    /// On goods with a certified TKDN.
    pub tkdn: Share,
}

/// One vendor's sales to the buyer.
#[derive(Debug, Clone)]
pub struct VendorTotal {
    /// The vendor as one of its transactions names it.
    pub vendor: VendorRecord,
    /// What it sold.
    pub tally: Tally,
    /// Where it sold it.
    pub marketplaces: Vec<MarketplaceId>,
}

/// Every figure of a buyer's year.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// All completed transactions.
    pub all: Tally,
    /// Per marketplace, in the order given.
    pub by_marketplace: Vec<(MarketplaceId, Tally)>,
    /// Per month, January first.
    pub by_month: [Tally; 12],
    /// Per payment method.
    pub by_payment: BTreeMap<PaymentMethod, Tally>,
    /// The shares.
    pub shares: Shares,
    /// Vendors, largest first.
    pub vendors: Vec<VendorTotal>,
}

/// Sums `ledgers` (one per marketplace) for `buyer`.
pub fn summarise(buyer: &Region, ledgers: &[(MarketplaceId, &[Arc<Transaction>])]) -> Summary {
    let mut summary = Summary::default();
    let mut vendors: BTreeMap<String, VendorTotal> = BTreeMap::new();
    for (marketplace, transactions) in ledgers {
        let mut here = Tally::default();
        for t in transactions.iter().filter(|t| t.status == TransactionStatus::Completed) {
            let Some(amount) = t.amount else { continue };
            here.add(amount);
            summary.all.add(amount);
            summary.by_month[usize::from(t.date.month.clamp(1, 12) - 1)].add(amount);
            summary.by_payment.entry(t.payment_method).or_default().add(amount);
            let value = amount.including_vat;
            let v = &t.vendor;
            let s = &mut summary.shares;
            s.umk.add((v.scale != crate::model::BusinessScale::Unknown).then(|| v.scale.is_umk()), value);
            s.koperasi.add(Some(v.legal_form == LegalForm::Koperasi), value);
            let (same_region, same_province) = locality(v, buyer);
            s.same_region.add(same_region, value);
            s.same_province.add(same_province, value);
            s.tkdn.add(t.tkdn_known.then_some(t.tkdn.is_some()), value);
            let key = v.entity_key.clone().unwrap_or_else(|| v.name_key.clone());
            let entry = vendors.entry(key).or_insert_with(|| VendorTotal {
                vendor: v.clone(),
                tally: Tally::default(),
                marketplaces: Vec::new(),
            });
            entry.tally.add(amount);
            if !entry.marketplaces.contains(marketplace) {
                entry.marketplaces.push(marketplace.clone());
            }
        }
        summary.by_marketplace.push((marketplace.clone(), here));
    }
    summary.vendors = vendors.into_values().collect();
    summary.vendors.sort_by_key(|v| std::cmp::Reverse(v.tally.total.including_vat));
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::raw::{RawOffer, RawValue, ValueFormat};
    use crate::normalize::region;
    use crate::normalize::transaction::{RawTransaction, normalize_transaction};
    use crate::normalize::vat::VatPolicy;
    use rust_decimal_macros::dec;
    use serde_json::Value;

    /// A completed purchase of `juta` million rupiah (PPN included) from a vendor in `location`.
    fn bought(location: &str, juta: u64) -> Arc<Transaction> {
        let vat = Arc::new(VatPolicy { includes_vat: Some(true), rate: dec!(11), rules: Vec::new() });
        let raw = RawTransaction {
            offer: RawOffer {
                source_id: format!("TRX-{location}"),
                title: "TRX".into(),
                price: RawValue { value: Value::from(juta * 1_000_000), format: ValueFormat::IntegerRupiah },
                vat,
                vendor_name: format!("CV {location}"),
                vendor_region: Some(location.into()),
                ..RawOffer::default()
            },
            date: "2023-06-01".into(),
            buyer: "35.71".into(),
            status: Some("SELESAI".into()),
            ..RawTransaction::default()
        };
        Arc::new(normalize_transaction(&MarketplaceId::new("x"), raw).expect("readable"))
    }

    /// The review's ledger (W33-14): Rp1, 2, 4, 8 and 16 juta, bought by Kota Kediri.
    fn kota_kediri_bought_from(places: &[(&str, u64)]) -> Shares {
        let ledger: Vec<Arc<Transaction>> = places.iter().map(|(place, juta)| bought(place, *juta)).collect();
        let kediri = region::by_code("35.71").expect("Kota Kediri");
        summarise(kediri, &[(MarketplaceId::new("x"), ledger.as_slice())]).shares
    }

    fn juta(share: &Share) -> (Decimal, Decimal, Decimal) {
        let m = dec!(1000000);
        (share.value / m, share.base / m, share.unknown / m)
    }

    #[test]
    fn a_province_alone_says_nothing_of_the_buyers_kota_but_another_province_places_the_vendor_outside_it() {
        let shares = kota_kediri_bought_from(&[("Kota Kediri", 1), ("Jawa Timur", 2), ("Jawa Barat", 4)]);
        assert_eq!(juta(&shares.same_region), (dec!(1), dec!(5), dec!(2)), "Jawa Timur unknown, Jawa Barat outside");
        assert_eq!(juta(&shares.same_province), (dec!(3), dec!(7), dec!(0)));
    }

    #[test]
    fn a_name_of_several_regions_places_the_vendor_in_or_out_of_the_province_when_every_candidate_agrees() {
        // "Kediri" is Kabupaten (35.06) or Kota (35.71) Kediri; "Bandung" Kabupaten or Kota Bandung.
        let shares = kota_kediri_bought_from(&[("Kediri", 4), ("Bandung", 16), ("Antah Berantah", 8)]);
        assert_eq!(juta(&shares.same_province), (dec!(4), dec!(20), dec!(8)), "both Kediris lie in Jawa Timur");
        assert_eq!(juta(&shares.same_region), (dec!(0), dec!(16), dec!(12)), "one Kediri is the buyer, one is not");
    }
}
