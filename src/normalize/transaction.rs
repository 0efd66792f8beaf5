//! One raw ledger entry into one [`Transaction`].
//!
//! The amount, its PPN and the seller are read exactly as an offer's price and vendor are (the
//! same tax model, the same vendor reading), so a transaction's amounts agree with the offers'.
//! One difference: an entry is dated, and the rate of its date applies. An adapter file's
//! constant rate is today's (11 %, or 12 % for luxury goods); an entry that states no rate of its
//! own is split at the rate in force on its date: 10 % before 1 April 2022 (UU HPP), 11 % to
//! January 2025, 12 % after only for a file of luxury goods (review39n R39n-2).

use super::date::wib_date;
use super::offer::normalize_offer;
use super::raw::{RawOffer, RawValue};
use super::text::plain_text;
use super::vat::{self, VatPolicy};
use crate::codes::Code;
use crate::model::{
    Amount, Issue, MarketplaceId, PaymentMethod, Price, Transaction, TransactionStatus, VatBasis, WibDate,
};
use serde_json::Value;
use std::sync::Arc;

/// One ledger entry's mapped fields, before normalisation.
#[derive(Debug, Clone, Default)]
pub struct RawTransaction {
    /// The amount as `price`, its PPN fields, the seller and TKDN, read as an offer's are; its
    /// `source_id` is the transaction id.
    pub offer: RawOffer,
    /// The date or timestamp as sent.
    pub date: String,
    /// The buyer's code as sent.
    pub buyer: String,
    /// The buyer's work unit.
    pub satker: Option<String>,
    /// The status word (after the file's `values` table).
    pub status: Option<String>,
    /// The payment method word (after the file's `values` table).
    pub payment_method: Option<String>,
    /// The number of items.
    pub item_count: Option<RawValue>,
}

/// Normalises one entry; `Err` says why it cannot be placed in time (its date is unreadable).
pub fn normalize_transaction(marketplace: &MarketplaceId, mut raw: RawTransaction) -> Result<Transaction, String> {
    let date = wib_date(&raw.date).ok_or_else(|| format!("date `{}` is not a date", plain_text(&raw.date)))?;
    let tkdn_known = raw.offer.tkdn.is_some();
    let rate_stated = raw.offer.vat_rate.is_some();
    if !rate_stated {
        raw.offer.vat = policy_on(&raw.offer.vat, date);
    }
    let offer = normalize_offer(marketplace, &raw.offer);
    let stated_price = offer.price.as_ref().filter(|_| rate_stated);
    let issues = stated_price.and_then(|p| rate_not_in_force(&raw.offer.vat, date, p)).into_iter().collect();
    Ok(Transaction {
        id: offer.source_id,
        date,
        buyer: plain_text(&raw.buyer),
        satker: raw.satker.as_deref().map(plain_text).filter(|s| !s.is_empty()),
        vendor: offer.vendor,
        amount: offer
            .price
            .map(|p| Amount { including_vat: p.amount_including_vat, excluding_vat: p.amount_excluding_vat }),
        status: raw.status.as_deref().map_or(TransactionStatus::Unknown, status),
        payment_method: raw.payment_method.as_deref().map_or(PaymentMethod::Unknown, payment_method),
        item_count: raw.item_count.as_ref().and_then(|v| count(&v.value)),
        tkdn: offer.tkdn,
        tkdn_known,
        issues,
    })
}

/// The flag on an entry that states a PPN rate not in force on its date: its amount is split at
/// that rate all the same, since it is what the seller charged (the evidence), but a buyer or an
/// auditor must see it. An entry stating no rate is split at its date's, so is never flagged.
fn rate_not_in_force(policy: &VatPolicy, date: WibDate, price: &Price) -> Option<Issue> {
    let (rate, file) = (price.vat_rate, policy.default_effective());
    if !matches!(price.vat_basis, VatBasis::Included | VatBasis::Excluded) || vat::in_force_on(date, rate, file) {
        return None;
    }
    let then = vat::rate_on(date, file);
    Some(Issue {
        field: "amount",
        code: Code::VatRateNotInForce.as_str(),
        message: format!(
            "the entry states PPN of {rate} %, but the rate in force on {date} was {then} %; its amount is split at \
             {rate} % as stated"
        ),
    })
}

/// The file's policy for an entry of `date` that states no rate: the rate in force on that date
/// for the file's goods ([`vat::rate_on`]), whatever rate the file gives for today.
fn policy_on(policy: &Arc<VatPolicy>, date: WibDate) -> Arc<VatPolicy> {
    let today = policy.default_effective();
    let then = vat::rate_on(date, today);
    if then == today {
        return Arc::clone(policy);
    }
    Arc::new(VatPolicy { rate: then, ..(**policy).clone() })
}

fn key(text: &str) -> String {
    text.trim().to_lowercase().replace([' ', '-'], "_")
}

/// Pasar's status words and the common ones of Indonesian marketplaces.
pub fn status(text: &str) -> TransactionStatus {
    match key(text).as_str() {
        "completed" | "complete" | "selesai" | "done" | "paid" | "lunas" => TransactionStatus::Completed,
        "cancelled" | "canceled" | "batal" | "dibatalkan" | "refunded" | "ditolak" => TransactionStatus::Cancelled,
        "in_progress" | "processing" | "proses" | "diproses" | "dikirim" | "pending" | "shipped" => {
            TransactionStatus::InProgress
        }
        _ => TransactionStatus::Unknown,
    }
}

/// Pasar's payment words and the common ones of Indonesian marketplaces.
pub fn payment_method(text: &str) -> PaymentMethod {
    match key(text).as_str() {
        "" => PaymentMethod::Unknown,
        "virtual_account" | "va" => PaymentMethod::VirtualAccount,
        "bank_transfer" | "transfer" | "transfer_bank" => PaymentMethod::BankTransfer,
        "government_card" | "kkp" | "kartu_kredit_pemerintah" => PaymentMethod::GovernmentCard,
        "cash_management" | "cms" => PaymentMethod::CashManagement,
        _ => PaymentMethod::Other,
    }
}

fn count(value: &Value) -> Option<u32> {
    match value {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::raw::ValueFormat;
    use crate::normalize::vat::VatPolicy;
    use rust_decimal_macros::dec;
    use std::sync::Arc;

    fn raw(amount: Value, pkp: bool) -> RawTransaction {
        let vat = Arc::new(VatPolicy { includes_vat: Some(true), rate: dec!(11), rules: Vec::new() });
        RawTransaction {
            offer: RawOffer {
                source_id: "TRX-1".into(),
                title: "TRX-1".into(),
                price: RawValue { value: amount, format: ValueFormat::IntegerRupiah },
                vendor_pkp: Some(RawValue { value: Value::Bool(pkp), format: ValueFormat::Boolean }),
                vat,
                vendor_name: "CV. BERKAH MANDIRI".into(),
                vendor_region: Some("Kota Kediri".into()),
                ..RawOffer::default()
            },
            date: "2022-12-31T17:30:00Z".into(),
            buyer: "35.71".into(),
            status: Some("SELESAI".into()),
            payment_method: Some("Virtual Account".into()),
            ..RawTransaction::default()
        }
    }

    #[test]
    fn a_transaction_weighs_its_struct_and_its_text() {
        let m = MarketplaceId::new("jatim-bejo");
        let t = normalize_transaction(&m, raw(Value::from(1_110_000), true)).expect("readable");
        let text = t.id.len() + t.buyer.len() + t.vendor.raw_name.len() + t.vendor.name.len();
        assert!(t.estimated_bytes() >= std::mem::size_of::<Transaction>() + text, "{}", t.estimated_bytes());
        let mut longer = t.clone();
        longer.satker = Some("x".repeat(1_000));
        assert_eq!(longer.estimated_bytes(), t.estimated_bytes() + 1_000);
    }

    #[test]
    fn a_gross_amount_from_a_pkp_seller_is_split_as_an_offer_price_is() {
        let m = MarketplaceId::new("jatim-bejo");
        let t = normalize_transaction(&m, raw(Value::from(1_110_000), true)).expect("readable");
        let amount = t.amount.expect("amount");
        assert_eq!((amount.including_vat, amount.excluding_vat), (dec!(1110000), dec!(1000000)));
        assert_eq!(t.date.to_string(), "2023-01-01");
        assert_eq!((t.status, t.payment_method), (TransactionStatus::Completed, PaymentMethod::VirtualAccount));
        assert_eq!(t.vendor.region_code, Some("35.71"));
    }

    #[test]
    fn a_seller_that_is_not_pkp_charges_no_ppn_and_an_unreadable_amount_is_unknown() {
        let m = MarketplaceId::new("jatim-bejo");
        let t = normalize_transaction(&m, raw(Value::from(500_000), false)).expect("readable");
        assert_eq!(t.amount.map(|a| a.excluding_vat), Some(dec!(500000)));
        let t = normalize_transaction(&m, raw(Value::from("Rp ?"), true)).expect("readable");
        assert_eq!(t.amount, None);
    }

    #[test]
    fn an_entry_dated_before_april_2022_is_split_at_the_ten_percent_of_its_date() {
        let m = MarketplaceId::new("mbiz");
        let split = |date: &str, gross: i64, stated: Option<i64>| {
            let mut entry = raw(Value::from(gross), true);
            entry.date = date.into();
            entry.offer.vat_rate = stated.map(|r| RawValue { value: Value::from(r), format: ValueFormat::Number });
            let amount = normalize_transaction(&m, entry).expect("readable").amount.expect("amount");
            (amount.including_vat, amount.excluding_vat)
        };
        assert_eq!(split("2022-03-31T16:59:00Z", 1_100_000, None), (dec!(1100000), dec!(1000000)), "23:59 WIB");
        assert_eq!(split("2022-03-31T17:00:00Z", 1_110_000, None), (dec!(1110000), dec!(1000000)), "1 April WIB");
        assert_eq!(
            split("2021-06-01", 1_110_000, Some(11)),
            (dec!(1110000), dec!(1000000)),
            "a stated rate is its own"
        );
    }

    /// Review39n R39n-2: a file of 12 (luxury goods) or 10 (never updated) split every entry at
    /// its own rate, whatever the entry's date.
    #[test]
    fn an_entry_of_a_file_rated_other_than_eleven_is_split_at_the_rate_in_force_on_its_date() {
        let m = MarketplaceId::new("l12");
        let excluding = |file_rate, date: &str| {
            let mut entry = raw(Value::from(1_110_000), true);
            entry.date = date.into();
            entry.offer.vat = Arc::new(VatPolicy { rate: file_rate, ..(*entry.offer.vat).clone() });
            normalize_transaction(&m, entry).expect("readable").amount.expect("amount").excluding_vat
        };
        let (ten, eleven, twelve) = (dec!(1009090.91), dec!(1000000), dec!(991071.43));
        for (date, luxury) in [
            ("2022-01-15", ten),
            ("2022-03-31T16:30:00Z", ten),
            ("2022-03-31T17:30:00Z", eleven),
            ("2024-12-31", eleven),
            ("2025-01-31T16:59:00Z", eleven),
            ("2025-01-31T17:00:00Z", twelve),
        ] {
            assert_eq!(excluding(dec!(12), date), luxury, "a file of luxury goods, {date}");
        }
        for (date, then) in [("2022-01-15", ten), ("2022-03-31T17:30:00Z", eleven), ("2026-06-01", eleven)] {
            assert_eq!(excluding(dec!(10), date), then, "a file still at 10 %, {date}");
        }
        assert_eq!(excluding(dec!(0), "2021-06-01"), dec!(1110000), "a file charging no PPN");
    }

    /// An entry stating its own rate keeps it, as the seller charged it, but one not in force on
    /// its date is flagged: 12 % on ordinary goods in 2023, 11 % in January 2022, 10 % in 2024.
    #[test]
    fn an_entry_stating_a_rate_not_in_force_on_its_date_keeps_it_and_is_flagged() {
        let m = MarketplaceId::new("jatim-bejo");
        let read = |date: &str, gross: i64, stated: Option<i64>, pkp: bool| {
            let mut entry = raw(Value::from(gross), pkp);
            entry.date = date.into();
            entry.offer.vat_rate = stated.map(|r| RawValue { value: Value::from(r), format: ValueFormat::Number });
            let t = normalize_transaction(&m, entry).expect("readable");
            let codes: Vec<&str> = t.issues.iter().map(|i| i.code).collect();
            (t.amount.expect("amount").excluding_vat, codes)
        };
        let flagged = vec!["VAT_RATE_NOT_IN_FORCE"];
        assert_eq!(read("2023-06-01", 1_120_000, Some(12), true), (dec!(1000000), flagged.clone()), "12 % in 2023");
        assert_eq!(read("2022-01-15", 1_110_000, Some(11), true), (dec!(1000000), flagged.clone()), "11 %, Jan 2022");
        assert_eq!(read("2024-06-01", 1_100_000, Some(10), true), (dec!(1000000), flagged), "10 % in 2024");
        assert_eq!(read("2023-06-01", 1_110_000, Some(11), true), (dec!(1000000), vec![]), "in force");
        assert_eq!(read("2022-01-15", 1_100_000, Some(10), true), (dec!(1000000), vec![]), "in force then");
        assert_eq!(read("2022-01-15", 1_100_000, None, true), (dec!(1000000), vec![]), "the date's rate");
        assert_eq!(read("2023-06-01", 500_000, Some(12), false), (dec!(500000), vec![]), "no PPN charged");
        let t = {
            let mut entry = raw(Value::from(1_120_000), true);
            entry.date = "2023-06-01".into();
            entry.offer.vat_rate = Some(RawValue { value: Value::from(12), format: ValueFormat::Number });
            normalize_transaction(&m, entry).expect("readable")
        };
        let said = t.issues.first().map(|i| (i.field, i.message.as_str()));
        let message = "the entry states PPN of 12 %, but the rate in force on 2023-06-01 was 11 %; its amount is \
                       split at 12 % as stated";
        assert_eq!(said, Some(("amount", message)));
    }

    #[test]
    fn statuses_and_payment_words_are_read_or_left_unknown() {
        assert_eq!(status("Dibatalkan"), TransactionStatus::Cancelled);
        assert_eq!(status("in-progress"), TransactionStatus::InProgress);
        assert_eq!(status("PROCESSING"), TransactionStatus::InProgress, "Mbiz's, PaDi's and Bela's word");
        assert_eq!(status("??"), TransactionStatus::Unknown);
        assert_eq!(payment_method("KKP"), PaymentMethod::GovernmentCard);
        assert_eq!(payment_method("cek"), PaymentMethod::Other);
    }
}
