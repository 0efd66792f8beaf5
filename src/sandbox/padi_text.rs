//! How PaDi UMKM words things: titles ending in the pack (`box isi 12`, `dus 24 botol`,
//! `(500 lbr)`), seller names as UMKM sellers type them (`Maju Jaya Abadi, PT`,
//! `CV.BERKAH MANDIRI`), cities with the kind after the name (`Kediri (Kota)`), and prices as
//! English-style text (`IDR 1,250,000.00`) or Indonesian shorthand (`1,25 jt`, `Rp 75rb`).
//!
//! Shorthand is shown only for sellers that charge no PPN, so the text states the whole price;
//! those listings are priced at what the shorthand can say (three significant digits), which
//! makes the text exact and the ground truth equal to it.

use super::firm::{LegalForm, Scale};
use super::listing::{Listing, ListingView};
use super::regions::{CityStyle, REGIONS};
use super::text::{glue_units, words};
use super::vendors::Vendor;

/// Listings above this are always written out in full: `M` means million in English text.
const COMPACT_BELOW: u64 = 900_000_000;

/// Titles as PaDi sellers write them: the pack last, some all in lowercase. The variant goes
/// just before the pack, never a model number: `BG-12 gross isi 144` would read as 12 gross.
pub(super) fn title(view: &ListingView<'_>) -> String {
    let (name, brand, model) = (view.name(), view.make.brand, view.make.model);
    let (variant, pack) = (view.variant.label, pack_phrase(view));
    match view.listing.template % 3 {
        0 => words(&[name, brand, model, &glue_units(variant), &pack]),
        1 => words(&[brand, name, model, variant, &pack]),
        _ => words(&[brand, model, name, variant, &pack]).to_lowercase(),
    }
}

/// The pack as sellers write it after the name; empty for a single piece.
fn pack_phrase(view: &ListingView<'_>) -> String {
    let (unit, quantity) = (view.pack.unit, view.pack.quantity);
    if quantity <= 1 {
        return String::new();
    }
    let base = match view.good.base_unit {
        "lembar" => "lbr",
        other => other,
    };
    // A base unit that is itself a container word (`pak` of tissues) only reads after `isi`.
    let style = if base == "pak" { 0 } else { (view.listing.template / 3) % 3 };
    match style {
        0 if base == "pcs" => format!("{unit} isi {quantity}"),
        0 => format!("{unit} isi {quantity} {base}"),
        1 => format!("{unit} {quantity} {base}"),
        _ => format!("({quantity} {base})"),
    }
}

/// The seller's name as typed on PaDi: the legal form before or after, with or without a dot.
pub(super) fn seller_name(vendor: &Vendor) -> String {
    if let Some(spelling) = vendor.spelling {
        return spelling.padi_name.to_owned();
    }
    let (core, upper) = (&vendor.core_name, vendor.core_name.to_uppercase());
    let (tbk, tbk_upper) = if vendor.tbk { (" Tbk", " TBK") } else { ("", "") };
    let pick = |forms: [String; 3]| forms[((vendor.style >> 16) % 3) as usize].clone();
    match vendor.legal_form {
        LegalForm::Pt => {
            pick([format!("{core}{tbk}, PT"), format!("PT {upper}{tbk_upper}"), format!("PT. {core}{tbk}")])
        }
        LegalForm::Cv => pick([format!("CV.{upper}"), format!("{core}, CV"), format!("CV {core}")]),
        LegalForm::Ud => pick([format!("UD {core}"), format!("UD.{upper}"), format!("{core}, UD")]),
        LegalForm::Koperasi => pick([format!("Koperasi {core}"), format!("KOPERASI {upper}"), format!("Kop. {core}")]),
        LegalForm::Toko => pick([format!("Toko {core}"), format!("TOKO {upper}"), format!("Tk. {core}")]),
    }
}

/// `Kota Kediri` or `Kediri (Kota)`, `Kab. Bandung` or `Bandung (Kab.)`.
pub(super) fn city(vendor: &Vendor) -> String {
    let style = match (vendor.style >> 24).wrapping_add(u64::from(vendor.entity)) % 2 {
        0 => CityStyle::Short,
        _ => CityStyle::Suffix,
    };
    REGIONS[vendor.region].label(style)
}

/// The NPWP a seller gave: none for about half the micro sellers; the NIK of a UD or a Toko;
/// for a badan the 16-digit form or the dotted 15-digit one.
pub(super) fn seller_npwp(vendor: &Vendor) -> Option<String> {
    if vendor.scale == Scale::Mikro && vendor.style & (1 << 32) == 0 {
        return None;
    }
    Some(match &vendor.nik {
        Some(nik) => nik.clone(),
        None if vendor.style & (1 << 33) == 0 => vendor.npwp16(),
        None => super::text::dotted_npwp(&vendor.npwp15),
    })
}

/// `micro`, `small`, `medium` (and `large`, which PaDi UMKM does not admit).
pub(super) const fn umkm_class(scale: Scale) -> &'static str {
    match scale {
        Scale::Mikro => "micro",
        Scale::Kecil => "small",
        Scale::Menengah => "medium",
        Scale::Besar => "large",
    }
}

/// Whether the listing's price is shown in shorthand: about two in five listings of sellers that
/// charge no PPN.
pub(super) fn shows_compact(listing: &Listing, vendor: &Vendor) -> bool {
    !vendor.pkp && (listing.template >> 4) % 5 < 2 && listing.price < COMPACT_BELOW
}

/// `price` rounded half-up to what shorthand can state: three significant digits, whole hundreds.
pub(super) fn compact_round(price: u64) -> u64 {
    let digits = price.checked_ilog10().unwrap_or(0) + 1;
    let step = 10u64.pow(digits.saturating_sub(3)).max(100);
    (price + step / 2) / step * step
}

/// The price text: shorthand for the listings [`shows_compact`] picks, else `IDR 1,250,000.00`.
pub(super) fn price_text(amount: u64, compact: bool) -> String {
    if !compact {
        return format!("IDR {}.00", group_commas(amount));
    }
    if amount >= 1_000_000 {
        format!("{} jt", decimal_comma(amount, 1_000_000))
    } else {
        format!("Rp {}rb", decimal_comma(amount, 1_000))
    }
}

/// `amount / unit` with a decimal comma and no trailing zeros: `1250000 / 10^6` → `1,25`.
fn decimal_comma(amount: u64, unit: u64) -> String {
    let (whole, part) = (amount / unit, amount % unit);
    if part == 0 {
        return whole.to_string();
    }
    let width = unit.ilog10() as usize;
    let fraction = format!("{part:0width$}");
    format!("{whole},{}", fraction.trim_end_matches('0'))
}

/// English thousands grouping: `1250000` → `1,250,000`.
fn group_commas(amount: u64) -> String {
    super::text::group_thousands(amount).replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand_rounds_to_three_significant_digits_in_whole_hundreds() {
        let cases = [
            (1_253_400, 1_250_000),
            (1_255_000, 1_260_000),
            (74_600, 74_600),
            (75_040, 75_000),
            (9_400, 9_400),
            (999_600, 1_000_000),
            (12_345_600, 12_300_000),
        ];
        for (price, rounded) in cases {
            assert_eq!(compact_round(price), rounded, "{price}");
        }
    }

    #[test]
    fn prices_read_as_english_text_or_indonesian_shorthand() {
        assert_eq!(price_text(1_250_000, false), "IDR 1,250,000.00");
        assert_eq!(price_text(900, false), "IDR 900.00");
        assert_eq!(price_text(1_250_000, true), "1,25 jt");
        assert_eq!(price_text(12_000_000, true), "12 jt");
        assert_eq!(price_text(75_000, true), "Rp 75rb");
        assert_eq!(price_text(12_300, true), "Rp 12,3rb");
        assert_eq!(price_text(9_500, true), "Rp 9,5rb");
    }
}
