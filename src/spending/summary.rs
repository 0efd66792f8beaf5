//! Spending figures from transactions: totals, by marketplace, month and payment method, the
//! shares that matter to a Pemda's procurement policy, and the largest vendors.
//!
//! Only completed transactions with a readable amount count; every figure is an exact sum.
//! Shares are of the value including PPN, each with the value it is computed over (`base`) and
//! the value whose answer is not known (`unknown`, left out of the base).

use crate::model::{Amount, LegalForm, MarketplaceId, PaymentMethod, Transaction, TransactionStatus, VendorRecord};
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

/// Sums `ledgers` (one per marketplace) for the buyer with Kemendagri `buyer` code.
pub fn summarise(buyer: &str, ledgers: &[(MarketplaceId, &[Arc<Transaction>])]) -> Summary {
    let province = buyer.split('.').next().unwrap_or_default();
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
            s.same_region.add(v.region_code.map(|r| r == buyer), value);
            s.same_province.add(v.region_code.map(|r| r.split('.').next() == Some(province)), value);
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
