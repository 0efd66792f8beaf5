//! A bare count after the volume of each bottle of drinking water or hand sanitizer: `Air
//! Mineral 600 ml Dus isi 24` is 24 bottles, not 24 inner packs (review26b F4).
//!
//! Read only where nothing else in the title could be what the count multiplies, because each
//! wider reading priced something wrongly and confidently: a weight may be the whole pack's
//! (`Gula Pasir 1 kg isi 20` at Rp25.000), a sheet or piece count the box's (`2500 Lembar Box isi
//! 5`), a multipack holds packs (`600 ml 6 Pack Dus isi 4`, `Twinpack`, `Shrink`, `2 x 600 ml`), a
//! capacity is no content (`Mesin Cuci 7 kg Dus isi 1`) (review28d); milk, yoghurt drinks, cups and
//! food boxes come in unnamed inner packs (`65 ml Karton isi 10` of packs of five, `Gelas Plastik
//! 220 ml Dus isi 20` of sleeves of fifty; review29b J1, J2). So: water or hand sanitizer, one
//! volume of each item (50 ml to 2 litres) first, a count a dus of bottles holds (6 to 48), the
//! title's only two numbers (`1 Dus` aside), and no second pack word or multipack word anywhere.
//! The count may stand in the unit field (`Dus isi 24` beside `Air Mineral 600 ml`): read so
//! over the title and the field's words together ([`in_field`]). Standing alone the offer is priced so; `compare` still confirms and weighs it against the
//! product's other offers as any bare count (`unit::per_bottle`).

use super::lexicon::{fixed_pack, number};
use super::read;
use super::{CONTAINERS, Statement};

/// Volumes an item's size is written in, in millilitres each.
const VOLUMES: &[(&str, u32)] =
    &[("ml", 1), ("l", 1000), ("lt", 1000), ("ltr", 1000), ("liter", 1000), ("litre", 1000), ("liters", 1000)];

/// Millilitres one counted item may hold: a cup of water to a two-litre bottle. Beyond it the
/// volume is as often the pack's (`Sabun Cair 5 Liter Dus isi 4` jerrycans, or one of 5 L).
const ITEM_ML: std::ops::RangeInclusive<u32> = 50..=2000;

/// Items one dus of bottles or cups holds.
const ITEMS: std::ops::RangeInclusive<u32> = 6..=48;

/// Vessels of a liquid other than a bottle: a count of them is of pieces (`Air Mineral Gelas
/// 220 ml Dus isi 48` holds 48 cups).
const VESSELS: &[&str] = &["gelas", "cup", "cups", "kaleng", "can", "cans", "pouch", "kotak", "sachet", "saset"];

/// Words that make a pack of packs: `Twin Pack`, `Bundle`, `Shrink`, `2 x 600 ml`; so does any
/// word holding `pack` (`Twinpack`, `Sixpack`, `Multipack`).
const MULTIPACK: &[&str] = &[
    "x", "twin", "duo", "trio", "triple", "bundle", "bundling", "paket", "set", "shrink", "tray", "inner", "renteng",
    "renceng", "pk", "pck", "slop", "ikat",
];

/// Words for several dus sold as one (`Double`, `Grosir`, `Pallet`), or for what is no bottle's
/// content (`Dispenser`): the count may not be of that offer's bottles (review29c P5).
const NOT_ONE_DUS: &[&str] = &[
    "double",
    "dobel",
    "couple",
    "combo",
    "jumbo",
    "pallet",
    "palet",
    "grosir",
    "bulk",
    "kodian",
    "lusinan",
    "dispenser",
];

/// What the title must be of: drinking water or hand sanitizer, sold by the dus of bottles or
/// cups with no inner pack.
fn water_or_sanitizer(words: &[&str]) -> bool {
    let water = words.iter().any(|w| matches!(*w, "mineral" | "minerale" | "aqua"))
        || words.windows(2).any(|w| w[0] == "air" && matches!(w[1], "minum" | "putih"));
    water || words.iter().any(|w| matches!(*w, "sanitizer" | "sanitiser"))
}

/// The pack statement in the words ([`read::statement`]), a bare count after the one volume of
/// each item read as so many items.
pub(super) fn statement<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    read::statement(words).map(|read| per_item(words, read))
}

/// The statement read again when it is a bare count of bottles or cups; otherwise as it was.
fn per_item<'a>(words: &[&'a str], read: Statement<'a>) -> Statement<'a> {
    let Statement::Size { quantity, container, named: false, .. } = read else { return read };
    if !ITEMS.contains(&quantity) || !water_or_sanitizer(words) || !only_this_pack(words, quantity) {
        return read;
    }
    // `1 Dus isi 24` is the one dus the offer is.
    let one_pack = |i: usize| words[i] == "1" && words.get(i + 1).is_some_and(|w| CONTAINERS.contains(w));
    let numeric = |i: &usize| words[*i].bytes().any(|b| b.is_ascii_digit()) && !one_pack(*i);
    let mut sizes = (0..words.len()).filter(numeric);
    let (Some(at), Some(_), None) = (sizes.next(), sizes.next(), sizes.next()) else { return read };
    if !volume(&words[at..]).is_some_and(|ml| ITEM_ML.contains(&ml)) {
        return read;
    }
    let vessel = words.iter().any(|w| VESSELS.contains(w));
    Statement::Size { base: if vessel { "pcs" } else { "botol" }, quantity, container, named: true }
}

/// Whether the bare count is said of the title's one pack word (`Dus isi 24`, `isi 24`, `Dus
/// 24`), with no multipack word beside it.
fn only_this_pack(words: &[&str], quantity: u32) -> bool {
    let packs = words.iter().filter(|w| CONTAINERS.contains(w) || fixed_pack(w).is_some()).count();
    let counted = (0..words.len().saturating_sub(1))
        .any(|i| (words[i] == "isi" || CONTAINERS.contains(&words[i])) && number(words[i + 1]) == Some(quantity));
    let isi = words.iter().filter(|w| **w == "isi").count();
    let multipack = |w: &&str| MULTIPACK.contains(w) || NOT_ONE_DUS.contains(w) || w.contains("pack");
    counted && packs <= 1 && isi <= 1 && !words.iter().any(multipack)
}

/// The volume the words begin with, in millilitres: `600 ml`, `600ml`, `1 Liter`, `1,5 L`,
/// `1.5liter`; the number must come first, so that it is the title's size and not the count.
fn volume(words: &[&str]) -> Option<u32> {
    let first = *words.first()?;
    let split = first.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.'))).unwrap_or(first.len());
    let (amount, unit) = match &first[split..] {
        "" => (first, *words.get(1)?),
        glued => (&first[..split], glued),
    };
    let (_, each) = VOLUMES.iter().find(|(word, _)| *word == unit)?;
    millilitres(amount, *each)
}

/// Decimals a volume is read with (`1,5 L`, `0,75 L`): `1.500 ml` may be either 1500 or 1.5
/// millilitres, so it is not read.
const MAX_DECIMALS: usize = 2;

/// `amount` of a unit of `each` millilitres, when it is a whole number of them.
fn millilitres(amount: &str, each: u32) -> Option<u32> {
    let (whole, decimals) = amount.split_once([',', '.']).unwrap_or((amount, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(decimals) || decimals.len() > MAX_DECIMALS {
        return None;
    }
    let scale = 10u32.pow(decimals.len() as u32);
    let fraction = if decimals.is_empty() { 0 } else { decimals.parse().ok()? };
    let scaled = whole.parse::<u32>().ok()?.checked_mul(scale)?.checked_add(fraction)?.checked_mul(each)?;
    (scaled % scale == 0).then_some(scaled / scale).filter(|ml| *ml > 0)
}

/// A bare count in the unit field (`Dus isi 24`) read by the volume of each bottle the title
/// states (`Air Mineral 600 ml`), as the same count in the title is: over the title with the
/// field's words after it when the title states no count, or over the title alone when it states
/// the same one. Anything else keeps the field's bare count (held as any other).
pub(super) fn in_field<'a>(field: Statement<'a>, field_words: &[&'a str], title_words: &[&'a str]) -> Statement<'a> {
    let Statement::Size { quantity, container, named: false, .. } = field else { return field };
    let words: Vec<&str> = match read::statement(title_words) {
        None => title_words.iter().chain(field_words).copied().collect(),
        Some(Statement::Size { quantity: q, named: false, .. }) if q == quantity => title_words.to_vec(),
        _ => return field,
    };
    match statement(&words) {
        Some(Statement::Size { base, quantity: q, named: true, .. }) if q == quantity => {
            Statement::Size { base, quantity, container, named: true }
        }
        _ => field,
    }
}
