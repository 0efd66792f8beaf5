//! What a spec is about (size, grammage, model code…), to say what conflicts.

use super::food;
use super::tables::{self, Dimension};

/// Paper and sheet sizes written as codes.
pub(super) const SIZE_CODES: &[&str] =
    &["a0", "a1", "a2", "a3", "a4", "a5", "a6", "b4", "b5", "f4", "q4", "legal", "letter", "aa", "aaa", "kabinet"];

/// The spec of a compatible, refilled or remanufactured ink or toner; a title without it is
/// taken for the maker's own.
pub(super) const ORIGIN_COMPATIBLE: &str = "kompatibel";

/// The spec of a refill sold without its container (`isi ulang`, `refill`).
pub(super) const REFILL_ONLY: &str = "isi-ulang";

/// The colour spec of an ink's colour cartridge (`Tricolor`, `Color`, `Warna`; see `ink`).
pub(super) const COLOUR_CARTRIDGE: &str = "warna";

/// The colour spec of a pack of an ink's black and colour cartridges (`Combo Pack`).
pub(super) const BLACK_AND_COLOUR: &str = "hitam+warna";

/// The prefix of a desk's drawer unit spec (`biro0.5`): a title without one is the plain desk.
pub(super) const BIRO: &str = "biro";

/// The word after a mobile network's spec (`5g network`): a `5G` modem's, never five grams.
pub(super) const NETWORK: &str = "network";

/// What a spec is about, to say what conflicts.
pub(super) fn category(spec: &str) -> &'static str {
    if spec.strip_suffix(NETWORK).is_some_and(|g| g.ends_with("g ")) {
        return NETWORK;
    }
    // `size 42`: a shoe's or garment's size after its label (`worn`).
    if SIZE_CODES.contains(&spec) || spec.starts_with("size ") {
        return "size";
    }
    if spec.starts_with('+') {
        return "included";
    }
    if spec == ORIGIN_COMPATIBLE {
        return "origin";
    }
    if spec.strip_prefix(BIRO).is_some_and(|share| share.parse::<f64>().is_ok()) {
        return "variant";
    }
    if spec == REFILL_ONLY {
        return "contents";
    }
    if tables::HARDNESS.contains(&spec) {
        return "hardness";
    }
    // A flavour is what a food's colour is: which variant it is (`food`).
    let flavour = food::FLAVOURS.iter().any(|(_, f)| *f == spec);
    if tables::COLOURS.iter().any(|(_, c)| *c == spec) || flavour || matches!(spec, COLOUR_CARTRIDGE | BLACK_AND_COLOUR)
    {
        return "colour";
    }
    if spec.strip_prefix("rp").is_some_and(|amount| amount.chars().all(|c| c.is_ascii_digit() || c == '.')) {
        return "face value";
    }
    if is_cpu(spec) {
        return "processor";
    }
    // `680xl` is HP's high-yield cartridge, never 680 x litres (review37m R37m-4: read a volume,
    // `HP 680` met it); `2xl` stays a clothing size.
    if spec.strip_suffix("xl").is_some_and(|n| n.len() >= 2 && n.bytes().all(|b| b.is_ascii_digit())) {
        return "model";
    }
    let suffix = spec.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == 'x');
    if suffix.len() < spec.len()
        && let Some((_, _, dimension)) = tables::UNITS.iter().find(|(_, canonical, _)| *canonical == suffix)
    {
        return match dimension {
            Dimension::Grammage => "grammage",
            Dimension::Mass => "weight",
            Dimension::Volume => "volume",
            Dimension::Storage => "storage",
            Dimension::Length => "dimension",
            Dimension::Capacity => "capacity",
            Dimension::Brightness => "brightness",
            Dimension::Screen => "screen",
            Dimension::Ply => "ply",
            Dimension::Sheets => "sheets",
            Dimension::Power => "power",
            Dimension::Drawers => "drawers",
            Dimension::Doors => "doors",
            Dimension::Tiers => "tiers",
            Dimension::Ports => "ports",
            Dimension::Channels => "channels",
            Dimension::Resolution => "resolution",
        };
    }
    // `60x90`, a bolt's `x20`; `26x` is HP's high-yield toner, a model (review38m R38m-7: read a
    // size, the `26a` toner met it).
    let size = spec.contains('x') && !spec.ends_with('x');
    if size && spec.chars().all(|c| c.is_ascii_digit() || c == '.' || c == 'x') {
        return "dimension";
    }
    "model"
}

/// `i3`, `i5`, `i7`, `i9`: a processor class, which no other spec of a laptop repeats.
pub(super) fn is_cpu(spec: &str) -> bool {
    matches!(spec, "i3" | "i5" | "i7" | "i9")
}
