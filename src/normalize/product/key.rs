//! Reading a title into a [`ProductKey`]: brand, kind, then what is left, with the pack taken out.
//!
//! Steps: tokens ([`lex`]); the first brand phrase names the brand, and every phrase of that brand
//! is taken out; the first kind wording names the kind (longest wording at its position), and
//! every wording of that kind is taken out (`Axioo Hype AIO PC All in One` keeps `hype`); noise
//! words go; then a left-to-right pass drops pack phrases (`1 Rim`, `Box isi 5 Rim`,
//! `(500 lbr)`, `per Porsi`, `20 x 1 Kg`), turns measures into specs (`80 gr` on paper →
//! `80gsm`, `1000 ml` → `1l`), keeps codes, numbers, colours and size words as specs, and the
//! remaining words as tokens.

use super::ProductKey;
use super::added;
use super::apart::{self, Says};
use super::boards;
use super::category::category;
use super::face;
use super::food;
use super::ink;
use super::lex::{Class, Tok};
use super::maker::{labelled_field, ordinary_or_brand, unknown_brand};
use super::markers;
use super::names;
use super::phrases::{BRANDS, KINDS, Table};
use super::place::Place;
use super::reader::{Reader, matches};
use super::series;
use super::tables;
use super::variants;
use super::vocab;
use super::worn::{SIZE_LABELS, Worn};
use std::collections::HashMap;

/// What a title says about the product, independent of pack and seller.
pub fn product_key(title: &str) -> ProductKey {
    let mut toks = face::tokens(title);
    // `Mj` is meja; `CT 202137` is a code's prefix, not an abbreviation.
    for at in 0..toks.len() {
        let before_number = toks.get(at + 1).is_some_and(|t| t.class == Class::Num);
        // `nF`, `uF` are units, never abbreviations (`nf` was read `nyaf`).
        let unit = tables::electrical(&toks[at].text).is_some();
        if toks[at].class == Class::Word
            && !before_number
            && !unit
            && let Some(word) = vocab::expand(&toks[at].text)
        {
            toks[at].text = word.to_string();
        }
    }
    white_board(&mut toks);
    shorthand(&mut toks);
    doubled(&mut toks);
    let says = Says::read(&toks);
    // `Free Spidol Whiteboard … 60 x 90 cm` is the board, and its kind no marker's.
    toks.drain(..apart::gift(&toks));
    let whole = toks.clone();
    let ink = toks.iter().any(|t| tables::INK_WORDS.contains(&t.text.as_str()));
    let brand = take_phrase(&mut toks, names::BRANDS, &BRANDS).map(str::to_string);
    let kind = take_phrase(&mut toks, names::KINDS, &KINDS).or_else(|| sized_paper(&mut toks));
    if ink {
        ink::rewrite(&mut toks);
    }
    let mut included = markers::take(&mut toks, ink);
    let field = labelled_field(title);
    let (brand, in_dictionary) = match brand {
        Some(brand) => (Some(brand.to_string()), None),
        None => ordinary_or_brand(unknown_brand(&toks, field.as_deref()), field.is_some()),
    };
    let named = brand.as_deref().and_then(|brand| named_at(&whole, brand));
    included.extend(take_included(&mut toks));
    let worn = Worn::read(&whole);
    // `Size 42` on a shoe: the label says what the number is (R38m-5).
    let label = |t: &Tok| worn != Worn::No && SIZE_LABELS.contains(&t.text.as_str());
    toks.retain(|t| !(t.class == Class::Word && tables::NOISE.contains(&t.text.as_str()) && !label(t)));
    let paper = kind.is_some_and(|k| k.starts_with("kertas"));
    let book = kind.is_some_and(|k| k.starts_with("buku"));
    let food = food::edible(whole.iter().map(|t| t.text.as_str()));
    let mut reader = Reader::new(&toks, paper, book, worn, food);
    reader.run();
    let Reader { mut specs, words: mut tokens, .. } = reader;
    if ink {
        ink::colour_cartridge(&mut specs, &mut tokens);
    }
    // `Ballpoint Pen`: a word the kind's own wordings hold says nothing more.
    let wordings = names::KINDS.iter().filter(|(k, _)| Some(*k) == kind).flat_map(|(_, p)| p.iter());
    let said: Vec<&str> = wordings.flat_map(|p| p.split(' ')).collect();
    tokens.retain(|t| !said.contains(&t.as_str()));
    specs.extend(included);
    if kind.is_none_or(|k| k.starts_with("kertas")) {
        paper_grammage(&mut specs);
    }
    // A line is a word of the key: `S23+` reads `plus`, which `take_included` takes, and keys
    // equal but for their place are one product (review38m R38m-8).
    let lines = variants::lines(&whole);
    tokens.extend(lines.iter().cloned());
    specs.sort();
    specs.dedup();
    tokens.sort();
    tokens.dedup();
    let kept =
        |w: &str| tokens.iter().any(|t| t == w) || specs.iter().any(|s| s.starts_with(w) && category(s) == "model");
    let maker_end = named.as_ref().map(|name| name.end);
    let mut place = Place::read(&whole, named, kept);
    place.in_dictionary = in_dictionary;
    place.lines = lines;
    // `Ink Tank 315`: the kind's words name a series too.
    place.said = added::read(&whole);
    place.series = series::read(&whole, |w| tokens.iter().any(|t| t == w) || said.contains(&w), &specs, maker_end);
    ProductKey { brand, kind: kind.unwrap_or_default().to_string(), specs, tokens, says, place }
}

/// Where `brand` is named among `toks`: its table's first phrase there, else its first word.
fn named_at(toks: &[Tok], brand: &str) -> Option<std::ops::Range<usize>> {
    if let Some((_, phrases)) = names::BRANDS.iter().find(|(name, _)| *name == brand) {
        return (0..toks.len()).find_map(|at| longest(toks, at, phrases).map(|len| at..at + len));
    }
    let first = brand.split(' ').next()?.to_lowercase();
    toks.iter().position(|t| t.text == first).map(|at| at..at + 1)
}

/// `White Board` is one word, the whiteboard, never the colour white: `Spidol Joyko White Board
/// Biru` is the blue whiteboard marker, and a `Spidol Snowman White Board Hitam` is not a white one.
fn white_board(toks: &mut Vec<Tok>) {
    // On a board or a sticker the white is the board's own (and keeps it from a black board).
    let about_markers = boards::about_markers(toks);
    while let Some(at) = toks.windows(2).position(|w| w[0].is("white") && w[1].is("board")).filter(|_| about_markers) {
        toks[at].text = "whiteboard".to_string();
        toks.remove(at + 1);
    }
}

/// Sellers' shorthand for a board's words: `WB` (whiteboard), `Ppn Tulis` (papan tulis), `Pghps`
/// (penghapus). `Ppn` alone is the tax (PPN), so only before `tulis`.
fn shorthand(toks: &mut [Tok]) {
    for at in 0..toks.len() {
        let tulis = toks.get(at + 1).is_some_and(|t| t.is("tulis"));
        let word = match toks[at].text.as_str() {
            "wb" => "whiteboard",
            "pghps" => "penghapus",
            "ppn" if tulis => "papan",
            _ => continue,
        };
        toks[at].text = word.to_string();
    }
}

/// `Kupu-Kupu` and `Kupukupu` are `Kupu Kupu`: a word that is one half written twice (Indonesian
/// reduplication, which the lexer joins across its hyphen) is read as the two words, so one
/// maker's brooms are one maker's however written (review33m N10). Joining the spaced form
/// instead glued a maker written twice (`Copylas Copylas`) into a maker of its own (review34m
/// M34-2). Halves of three letters or more: `yoyo` stays a word.
fn doubled(toks: &mut Vec<Tok>) {
    let mut at = 0;
    while at < toks.len() {
        let text = &toks[at].text;
        let half = text.len() / 2;
        let twice =
            text.len().is_multiple_of(2) && half >= 3 && text.is_char_boundary(half) && text[..half] == text[half..];
        if toks[at].class == Class::Word && twice {
            let word = Tok { text: text[..half].to_string(), class: Class::Word };
            toks[at] = word.clone();
            toks.insert(at + 1, word);
            at += 1;
        }
        at += 1;
    }
}

/// `Office Paper A4 70gsm`, `PAPER SIDU F4`: a bare `paper` is copy paper only beside a paper
/// size or a grammage. Alone it named `Paper Clip Joyko No 3` and `Paper Bag` copy paper, and a
/// group of paper clips was titled "Kertas HVS Joyko 3".
fn sized_paper(toks: &mut Vec<Tok>) -> Option<&'static str> {
    let sized = |t: &Tok| {
        matches!(t.text.as_str(), "a3" | "a4" | "a5" | "f4" | "q4" | "b5" | "gsm")
            || t.text.strip_suffix("gsm").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || tables::SIZES.iter().any(|(word, size)| t.is(word) && !matches!(*size, "aa" | "aaa" | "kabinet"))
            || tables::paper_size(&t.text).is_some()
    };
    if !toks.iter().any(|t| t.is("paper")) || !toks.iter().any(sized) {
        return None;
    }
    toks.retain(|t| !t.is("paper"));
    Some("kertas hvs")
}

/// `dengan Sopir dan BBM`: the items an offer includes, one word each after `dengan` and after
/// each `dan`, as specs `+sopir`, `+bbm`; the words are taken out of the title.
fn take_included(toks: &mut Vec<Tok>) -> Vec<String> {
    // Before a label (`Isi Staples Plus No 10`), `plus` is the maker Plus: a label is no item.
    let includes = |at: usize| {
        tables::INCLUDES.contains(&toks[at].text.as_str())
            && !toks.get(at + 1).is_some_and(|t| tables::LABELS.contains(&t.text.as_str()))
    };
    let Some(start) = (0..toks.len()).find(|&at| includes(at)) else { return Vec::new() };
    let item = |t: &Tok| {
        t.class == Class::Word
            && !tables::NOISE.contains(&t.text.as_str())
            && !tables::is_pack_word(&t.text)
            && !matches!(t.text.as_str(), "per" | "isi")
    };
    let mut items = Vec::new();
    let mut end = start + 1;
    while let Some(t) = toks.get(end).filter(|t| item(t)) {
        items.push(format!("+{}", tables::synonym(&t.text)));
        end += 1;
        match toks.get(end) {
            Some(and) if tables::AND.contains(&and.text.as_str()) => end += 1,
            _ => break,
        }
    }
    // `+ Pemasangan`: what comes with it says nothing, and neither does the `+`.
    toks.drain(start..end);
    items
}

/// `Sidu A4 70`: on paper (a paper size and no grammage written), a bare number a sheet can weigh
/// is the grammage.
fn paper_grammage(specs: &mut [String]) {
    let paper =
        specs.iter().any(|s| matches!(s.as_str(), "a3" | "a4" | "a5" | "f4" | "q4" | "b5" | "letter" | "legal"));
    if !paper || specs.iter().any(|s| s.ends_with("gsm")) {
        return;
    }
    let weighs = |s: &String| {
        let number = s.strip_suffix('g').unwrap_or(s);
        number.parse::<u32>().is_ok_and(|g| (50..=300).contains(&g))
    };
    let mut bare = specs.iter_mut().filter(|s| weighs(s));
    if let (Some(number), None) = (bare.next(), bare.next()) {
        let grams = number.trim_end_matches('g').to_string();
        *number = format!("{grams}gsm");
    }
}

/// The longest phrase of `phrases` at `at`.
fn longest(toks: &[Tok], at: usize, phrases: &[&str]) -> Option<usize> {
    phrases.iter().filter_map(|p| matches(toks, at, p)).max()
}

/// The entry named by the earliest (then longest, then first in the table) phrase, with all of
/// its phrases removed.
fn take_phrase(
    toks: &mut Vec<Tok>,
    table: Table,
    index: &HashMap<&'static str, Vec<(usize, &'static str)>>,
) -> Option<&'static str> {
    let (name, phrases) = (0..toks.len()).find_map(|at| {
        index
            .get(toks[at].text.as_str())?
            .iter()
            .filter_map(|&(entry, phrase)| matches(toks, at, phrase).map(|len| (len, entry)))
            .min_by_key(|&(len, entry)| (std::cmp::Reverse(len), entry))
            .map(|(_, entry)| table[entry])
    })?;
    let mut at = 0;
    while at < toks.len() {
        match longest(toks, at, phrases) {
            Some(len) => drop(toks.drain(at..at + len)),
            None => at += 1,
        }
    }
    Some(name)
}
