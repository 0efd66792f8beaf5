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

/// The conditions a comparison ran under, in words (`hanya UMK; TKDN ≥ 25 %; …`), or `None`
/// when it ran on every offer: figures made under a filter must say so wherever they go.
pub fn filters_said(query: &super::params::PageQuery, lang: Lang) -> Option<String> {
    let rupiah = |d: rust_decimal::Decimal| super::amounts::rupiah(d);
    let mut said: Vec<String> = Vec::new();
    let flags = [
        (query.pdn, ("hanya produk dalam negeri (TKDN)", "domestic products only (TKDN)")),
        (query.umk, ("hanya UMK", "micro and small businesses only")),
        (query.koperasi, ("hanya koperasi", "cooperatives only")),
        (query.in_stock, ("hanya yang ada stoknya", "in stock only")),
    ];
    said.extend(flags.into_iter().filter(|(on, _)| *on).map(|(_, (id, en))| lang.pick(id, en).to_string()));
    if let Some(tkdn) = query.min_tkdn {
        said.push(format!("TKDN ≥ {} %", tkdn.normalize()));
    }
    match (query.min_price, query.max_price) {
        (Some(min), Some(max)) => {
            said.push(format!("{} {}–{}", lang.pick("harga kemasan", "pack price"), rupiah(min), rupiah(max)))
        }
        (Some(min), None) => said.push(format!("{} ≥ {}", lang.pick("harga kemasan", "pack price"), rupiah(min))),
        (None, Some(max)) => said.push(format!("{} ≤ {}", lang.pick("harga kemasan", "pack price"), rupiah(max))),
        (None, None) => {}
    }
    (!said.is_empty()).then(|| said.join("; "))
}
