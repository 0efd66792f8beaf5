//! What an ink's or toner's title says of its cartridge beyond the code (review37m R37m-4,
//! review38m R38m-6): the high-yield `XL` written after the colour or beside a printer's model,
//! and the colour cartridge or a pack of both against the black one.

use super::category::{BLACK_AND_COLOUR, COLOUR_CARTRIDGE, category};
use super::lex::{Class, Tok};
use super::tables;

/// Words before a printer's model in an ink's title (`DeskJet 2135`, `untuk iP2770`).
const PRINTER_WORDS: &[&str] =
    &["printer", "deskjet", "laserjet", "officejet", "pixma", "envy", "untuk", "utk", "for", "buat"];

/// Words of the colour cartridge; `Color`, `Colour`, `Warna` only where no other colour is a label.
const COLOUR_WORDS: &[&str] = &["tricolor", "tricolour", "color", "colour", "warna"];

/// Words joining the two cartridges of a pack (`Black + Tricolor`, the `+` read `plus`).
const JOINERS: &[&str] = &["plus", "dan", "and"];

/// Rewrites an ink's tokens before they are read: a pack of both cartridges is `combo`, and an
/// `XL` written apart is the ink's code's.
pub(super) fn rewrite(toks: &mut Vec<Tok>) {
    spaced_suffix(toks);
    both_cartridges(toks);
    high_yield(toks);
}

/// `Toner HP 85 A` is `85A`, and `26 X` is `26X`: a toner's number and the letter of its yield
/// written apart (review38m R38m-10: the number and a word, apart from `85A`). Not `2 x 70ml`.
fn spaced_suffix(toks: &mut Vec<Tok>) {
    let mut at = 0;
    while at + 1 < toks.len() {
        let number = toks[at].class == Class::Num && (2..=3).contains(&toks[at].text.len());
        let letter = toks[at + 1].class == Class::Word && matches!(toks[at + 1].text.as_str(), "a" | "x");
        let times = toks.get(at + 2).is_some_and(|t| t.class == Class::Num);
        if number && letter && !times {
            let text = format!("{}{}", toks[at].text, toks[at + 1].text);
            toks.splice(at..at + 2, [Tok { text, class: Class::Code }]);
        }
        at += 1;
    }
}

/// `Black + Tricolor`, `Black & Color`, `Hitam + Warna`, `Hitam Warna`: a pack of the black and
/// the colour cartridge, as `Combo` is (review38m R38m-6: read the black colour and an included
/// `+tricolor`, or `color` as a label of the black, so the pack met the black cartridge alone).
/// The colour cartridge first needs its joiner: `Warna Hitam` is the black one.
fn both_cartridges(toks: &mut Vec<Tok>) {
    let black = |t: &Tok| tables::colour(&t.text) == Some("hitam");
    let colour = |t: &Tok| COLOUR_WORDS.contains(&t.text.as_str());
    let joiner = |t: &Tok| JOINERS.contains(&t.text.as_str());
    for at in 0..toks.len() {
        let joined = toks.get(at + 1).is_some_and(joiner);
        let second = toks.get(at + 1 + usize::from(joined));
        let pack = match second {
            Some(second) => (black(&toks[at]) && colour(second)) || (joined && colour(&toks[at]) && black(second)),
            None => false,
        };
        if pack {
            toks.splice(at..at + 2 + usize::from(joined), [Tok { text: "combo".to_string(), class: Class::Word }]);
            return;
        }
    }
}

/// `PG-810 Black XL`, `680 XL Black DeskJet 2135`: an `XL` written apart is the ink's own code's,
/// each one written before it that is no printer's (after `DeskJet`, `untuk`), else the first
/// after it (review38m R38m-6: it went to the title's one code only, and a printer's model made
/// two). `PG-810 XL` is `PG-810XL`.
fn high_yield(toks: &mut Vec<Tok>) {
    let Some(xl) = toks.iter().position(|t| t.class == Class::Word && t.is("xl")) else { return };
    let code = |at: usize| {
        let t = &toks[at];
        let printer = at.checked_sub(1).is_some_and(|i| PRINTER_WORDS.contains(&toks[i].text.as_str()));
        let measured =
            toks.get(at + 1).is_some_and(|n| tables::unit(&n.text).is_some() || tables::is_pack_word(&n.text));
        let digits = t.text.contains(|c: char| c.is_ascii_digit()) && !t.text.starts_with("rp");
        digits && t.class != Class::Word && !printer && !measured
    };
    let before: Vec<usize> = (0..xl).filter(|&at| code(at)).collect();
    let targets =
        if before.is_empty() { (xl + 1..toks.len()).find(|&at| code(at)).into_iter().collect() } else { before };
    if targets.is_empty() {
        return;
    }
    for at in targets {
        toks[at] = Tok { text: format!("{}xl", toks[at].text), class: Class::Code };
    }
    toks.remove(xl);
}

/// `HP 680 Tricolor`, `… Warna`, `… Combo Pack` are not the black `HP 680 Black`: the words were
/// one-sided beside the black colour spec. `Color` or `Warna` beside a colour is that colour's
/// label (`Warna Hitam`), and before `LaserJet` the printer's.
pub(super) fn colour_cartridge(specs: &mut Vec<String>, tokens: &mut Vec<String>) {
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
