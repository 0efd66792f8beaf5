//! Words that change which product a title names without naming it: compatible or refilled
//! ink and toner (`Kompatibel`, `Refill untuk`), a refill sold without its container (`Isi
//! Ulang`) against one sold with it (`+ Galon`), and ink colours written as letters (`BK`, `C`,
//! `M`, `Y`) or as two words (`Biru Muda`).
//!
//! They are read before the rest of the title, because `isi` and `galon` would otherwise be read
//! as a pack, and a lone `C` or `M` as a letter of a model code or a unit.

use super::category::{BIRO, ORIGIN_COMPATIBLE, REFILL_ONLY};
use super::lex::{Class, Tok};
use super::tables;

/// Takes the markers out of `toks` and returns their specs; ink colour letters are rewritten in
/// place as colour names when the title is about ink or toner (`ink`).
pub(super) fn take(toks: &mut Vec<Tok>, ink: bool) -> Vec<String> {
    let mut specs = Vec::new();
    let mut at = 0;
    while at < toks.len() {
        let next = toks.get(at + 1).map(|t| t.text.as_str());
        let text = toks[at].text.as_str();
        let (spec, taken): (Option<String>, usize) = match text {
            _ if tables::COMPATIBLE.contains(&text) => (Some(ORIGIN_COMPATIBLE.to_string()), 1),
            // `Refill untuk Epson` is another maker's ink; `Ink Refill` is the maker's own bottle.
            "refill" | "isi" if is_refill(text, next) => {
                let words = if text == "isi" { 2 } else { 1 };
                match toks.get(at + words).map(|t| t.text.as_str()) {
                    Some(after) if tables::FOR.contains(&after) => (Some(ORIGIN_COMPATIBLE.to_string()), words + 1),
                    _ if ink => (None, words),
                    _ => (Some(REFILL_ONLY.to_string()), words),
                }
            }
            _ if INCLUDE.contains(&text) && next == Some("galon") => (Some(WITH_GALLON.to_string()), 2),
            // `1/2 Biro`, `Setengah Biro`: a desk with drawers on one side, not the plain desk.
            _ if next == Some("biro") && biro_share(&toks[at]).is_some() => {
                (biro_share(&toks[at]).map(|share| format!("{BIRO}{share}")), 2)
            }
            // `Galon Baru + Isi`: a new gallon with its water.
            "galon" if with_water(&toks[at + 1..]) => {
                (Some(WITH_GALLON.to_string()), with_water_len(&toks[at + 1..]) + 1)
            }
            _ => {
                if ink {
                    recolour(toks, at);
                }
                at += 1;
                continue;
            }
        };
        specs.extend(spec);
        toks.drain(at..at + taken);
    }
    specs
}

/// How much of a desk's width its drawers take (`1/2 Biro`, `Setengah Biro`, `1 Biro`).
fn biro_share(tok: &Tok) -> Option<&'static str> {
    match tok.text.as_str() {
        "1/2" | "0.5" | "0,5" | "setengah" => Some("0.5"),
        "1" => Some("1"),
        _ => None,
    }
}

/// The spec of an offer sold with its gallon.
const WITH_GALLON: &str = "+galon";

/// Words before `galon` that say it comes with the water (`+ Galon`, `Beserta Galon`).
const INCLUDE: &[&str] = &["dengan", "beserta", "plus", "include", "termasuk", "with", "incl", "free"];

fn is_refill(text: &str, next: Option<&str>) -> bool {
    text == "refill" || next == Some("ulang")
}

/// `Baru + Isi`, `+ Isi`, `dan Isi` after `galon`.
fn with_water(rest: &[Tok]) -> bool {
    with_water_len(rest) > 0
}

fn with_water_len(rest: &[Tok]) -> usize {
    let skip = usize::from(rest.first().is_some_and(|t| t.is("baru")));
    let joined = rest.get(skip).is_some_and(|t| matches!(t.text.as_str(), "plus" | "dan" | "dengan"));
    let water = rest.get(skip + 1).is_some_and(|t| t.is("isi") || t.is("air"));
    if joined && water { skip + 2 } else { 0 }
}

/// In ink context, `C`/`M`/`Y`/`K`/`BK` and `Biru Muda`/`Merah Muda` are colours.
fn recolour(toks: &mut Vec<Tok>, at: usize) {
    if toks[at].class != Class::Word {
        return;
    }
    if let Some((_, colour)) = tables::INK_LETTERS.iter().find(|(letter, _)| toks[at].is(letter)) {
        toks[at].text = (*colour).to_string();
        return;
    }
    let light = toks.get(at + 1).is_some_and(|t| t.is("muda"));
    let colour = match toks[at].text.as_str() {
        "biru" if light => "cyan",
        "merah" if light => "magenta",
        _ => return,
    };
    toks[at].text = colour.to_string();
    toks.remove(at + 1);
}
