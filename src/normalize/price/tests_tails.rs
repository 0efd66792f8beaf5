//! Remarks sellers write after the amount that are not about the amount (review33w W33-10):
//! shipping left out or free, and "nego". They keep the price and the PPN hint beside them.

use super::{Locale, parse_price};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Amount, `includes_vat` and issue codes of one text.
fn read(text: &str) -> (Option<Decimal>, Option<bool>, Vec<&'static str>) {
    let parsed = parse_price(text, Locale::Id);
    (parsed.amount, parsed.includes_vat, parsed.issue_codes())
}

#[test]
fn shipping_left_out_beside_the_ppn_hint_keeps_the_price_and_the_hint() {
    for text in [
        "Rp 1.250.000 harga belum termasuk ppn dan ongkir",
        "Rp 1.250.000 belum termasuk PPN & ongkos kirim",
        "Rp 1.250.000 (belum termasuk PPN dan ongkir)",
        "Rp 1.250.000 belum termasuk ongkir dan PPN",
        "Rp 1.250.000 belum termasuk PPN, belum termasuk ongkir",
        "Rp 1.250.000 exclude PPN + ongkir",
    ] {
        assert_eq!(read(text), (Some(dec!(1250000)), Some(false), vec![]), "{text}");
    }
}

#[test]
fn shipping_left_out_or_free_keeps_the_price_and_says_nothing_about_ppn() {
    for text in [
        "Rp 1.250.000 + ongkir",
        "Rp 1.250.000 +ongkir",
        "Rp 1.250.000 belum termasuk ongkos kirim",
        "Rp 1.250.000 (belum termasuk ongkir)",
        "Rp 1.250.000 harga belum termasuk biaya pengiriman",
        "Rp 1.250.000 excl. shipping",
        "Rp 1.250.000 gratis ongkir",
        "Rp 1.250.000 (free ongkir)",
    ] {
        assert_eq!(read(text), (Some(dec!(1250000)), None, vec![]), "{text}");
    }
}

#[test]
fn nego_after_the_amount_keeps_the_asking_price() {
    for text in ["Rp 1.250.000 nego", "Rp 1.250.000 (nego)", "Rp 1.250.000 bisa nego", "Rp 1.250.000,- nego"] {
        assert_eq!(read(text), (Some(dec!(1250000)), None, vec![]), "{text}");
    }
    let with_hint = read("Rp 1.250.000 belum termasuk PPN, nego");
    assert_eq!(with_hint, (Some(dec!(1250000)), Some(false), vec![]));
}

#[test]
fn a_price_that_includes_shipping_is_not_the_goods_price_and_stays_unread() {
    for text in ["Rp 1.250.000 termasuk ongkir", "Rp 1.250.000 sudah termasuk PPN dan ongkir", "Rp 1.250.000 ongkir"] {
        let (amount, _, codes) = read(text);
        assert_eq!((amount, codes.contains(&"UNREADABLE")), (None, true), "{text}");
    }
}
