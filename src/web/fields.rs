//! The form's fields by their labels: the same words label a control and name it in an error,
//! so a buyer told "Harga kemasan dari …: …" finds the field it means (not a URL parameter).

use super::lang::Lang;

/// The visible label of the control that sends `field`, or None for a parameter with no control.
pub fn label(field: &str, lang: Lang) -> Option<&'static str> {
    Some(match field {
        "q" => lang.pick("Barang yang dicari", "What you are looking for"),
        "region" => lang.pick("Wilayah Anda (lokasi pengiriman)", "Your region (delivery)"),
        "sort" => lang.pick("Urutan", "Order"),
        "tkdn" => lang.pick("TKDN minimum (%)", "Minimum TKDN (%)"),
        "min" => lang.pick("Harga kemasan dari (Rp, termasuk PPN)", "Pack price from (Rp, incl. PPN)"),
        "max" => lang.pick("Harga kemasan sampai (Rp, termasuk PPN)", "Pack price up to (Rp, incl. PPN)"),
        "top" => {
            lang.pick("Penawaran per produk (jika tidak ada yang dipilih)", "Offers per product (when none is chosen)")
        }
        "lang" => lang.pick("Bahasa", "Language"),
        _ => return None,
    })
}

/// The id of the error message shown with `field`'s control (its `aria-describedby`).
pub fn error_id(field: &str) -> String {
    format!("{field}-error")
}
