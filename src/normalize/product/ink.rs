//! What an ink's or toner's title says of its cartridge beyond the code (review37m R37m-4): the
//! high-yield `XL` written after the colour, and the colour cartridge or a pack of both against
//! the black one.

use super::category::{BLACK_AND_COLOUR, COLOUR_CARTRIDGE, category};

/// Reads what `tokens` say of an ink's cartridge into `specs`, taking those words out.
pub(super) fn read(specs: &mut Vec<String>, tokens: &mut Vec<String>) {
    high_yield(specs, tokens);
    colour_cartridge(specs, tokens);
}

/// `PG-810 Black XL`: an `XL` after the colour is the one code's, as `PG-810 XL` is (the
/// standard cartridge met it, the `XL` a one-sided word).
fn high_yield(specs: &mut [String], tokens: &mut Vec<String>) {
    let code = |s: &String| category(s) == "model" && s.contains(|c: char| c.is_ascii_digit());
    let codes: Vec<usize> = (0..specs.len()).filter(|&i| code(&specs[i])).collect();
    if let ([at], true) = (codes.as_slice(), tokens.iter().any(|t| t == "xl")) {
        if !specs[*at].ends_with("xl") {
            specs[*at].push_str("xl");
        }
        tokens.retain(|t| t != "xl");
    }
}

/// `HP 680 Tricolor`, `… Warna`, `… Combo Pack` are not the black `HP 680 Black`: the words were
/// one-sided beside the black colour spec. `Color` or `Warna` beside a colour is that colour's
/// label (`Warna Hitam`), and before `LaserJet` the printer's.
fn colour_cartridge(specs: &mut Vec<String>, tokens: &mut Vec<String>) {
    let coloured = specs.iter().any(|s| category(s) == "colour");
    let printer = |i: usize| tokens.get(i + 1).is_some_and(|t| matches!(t.as_str(), "laserjet" | "laser"));
    let colour_word = |i: usize| match tokens[i].as_str() {
        "tricolor" | "tricolour" => true,
        "color" | "colour" | "warna" => !coloured && !printer(i),
        _ => false,
    };
    let said: Vec<usize> = (0..tokens.len()).filter(|&i| colour_word(i)).collect();
    let combo = tokens.iter().any(|t| t == "combo");
    let spec = match (combo, said.is_empty()) {
        (true, _) => BLACK_AND_COLOUR,
        (false, false) => COLOUR_CARTRIDGE,
        (false, true) => return,
    };
    let mut at = 0;
    tokens.retain(|t| {
        at += 1;
        !(said.contains(&(at - 1)) || t == "combo")
    });
    specs.retain(|s| !(combo && category(s) == "colour"));
    specs.push(spec.to_string());
}
