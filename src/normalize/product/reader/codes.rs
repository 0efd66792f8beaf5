//! Model codes written in parts: a short letter prefix apart from its number (`PC 908`), a
//! processor class in front of its generation (`i5-1235U`), and the `x` that is a letter of a
//! name (`Pro X`) rather than a multiplier.

use super::super::category::SIZE_CODES;
use super::super::lex::Class;
use super::super::tables;
use super::super::vocab;
use super::super::worn::{self, Worn};
use super::Reader;

/// The rest of a model code written apart from its letters: digits with one letter after them
/// (`640i` of `VS 640i`, `285a` of `CE 285A`) or two numbers joined by a hyphen (`150-160` of
/// `JV 150-160`). A measure glued to its unit (`80gsm`) is not.
fn numbered_code(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    digits > 0
        && (rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_alphabetic())
            || rest.strip_prefix('-').is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit())))
}

/// A model code with the processor class in front (`i5`, `ci5`, `i5-1235U` → `i5` and `1235u`).
pub(super) fn processor(code: &str) -> Option<(String, Option<String>)> {
    let rest = code.strip_prefix('c').unwrap_or(code);
    let class = rest.get(..2).filter(|c| matches!(*c, "i3" | "i5" | "i7" | "i9"))?;
    let generation = rest[2..].trim_start_matches('-');
    let valid =
        generation.is_empty() || (generation.len() >= 4 && generation.starts_with(|c: char| c.is_ascii_digit()));
    valid.then(|| (class.to_string(), (!generation.is_empty()).then(|| generation.to_string())))
}

impl Reader<'_> {
    /// `PC 908`, `CE 285A`, `EB X500`: a short letter prefix written apart from the rest of a
    /// model code, joined so it reads as `PC908` and `PC-908` do. Not before a measure or a pack
    /// (`AH 1 PK`), nor a size code.
    pub(super) fn split_code(&self, prefix: &str) -> Option<String> {
        // A unit word reaches here only when no number came before it (`Lion L 44`).
        let reserved = tables::colour(prefix).is_some()
            || tables::size(prefix).is_some()
            || (tables::is_pack_word(prefix) && prefix != "pc")
            || tables::STORAGE_WORDS.contains(&prefix)
            || tables::synonym(prefix) != prefix
            || tables::electrical(prefix).is_some()
            || matches!(prefix, "x" | "isi" | "per" | "rp" | "ink" | "tnt" | "gl");
        if prefix.chars().count() > 3 || reserved {
            return None;
        }
        let next = self.peek(1)?;
        let joins = match next.class {
            // `PLN 20.000`, `XL 100rb`: an operator's name before an amount, never a model code
            // (review36 R36-5: `pln20000` met `PLN Rp 50.000`, no amount on one side).
            Class::Num if self.amount_at(1) => false,
            // `Sepatu XY 42`: the shoe's size.
            Class::Num if self.worn == Worn::Shoe && self.peek(2).is_none() && worn::shoe_size(&next.text) => false,
            // `AC 2uF`: the number is an electrical value (review37m R37m-3: read `ac2`).
            Class::Num => {
                !(self.unit_at(2).is_some()
                    || self.is_pack_word(2)
                    || self.peek(2).is_some_and(|t| t.is("x") || tables::electrical(&t.text).is_some()))
            }
            // `Sky Pro Core i5`: the processor class is a spec of its own, never a code's rest.
            // `Stapler Max HD-10`: a word before a code with letters of its own is no part of it
            // (review36b R36b-7: read `maxhd10`, the model was lost beside `Stapler HD-10 Max`).
            Class::Code if next.text.starts_with(char::is_alphabetic) => {
                let word = vocab::known(prefix) && prefix.chars().any(|c| "aeiou".contains(c));
                !SIZE_CODES.contains(&next.text.as_str()) && processor(&next.text).is_none() && !word
            }
            Class::Code => numbered_code(&next.text),
            Class::Word => false,
        };
        joins.then(|| format!("{prefix}{}", next.text))
    }

    /// Whether an `x` is a letter of a name (`Mouse Logitech Pro X`): after a word and before no
    /// number, measure or pack.
    pub(super) fn named_x(&self) -> bool {
        let before = self.at.checked_sub(1).and_then(|i| self.toks.get(i));
        let word = before.is_some_and(|t| t.class == Class::Word && !tables::is_pack_word(&t.text));
        let after = self.peek(1);
        word && after
            .is_none_or(|t| t.class == Class::Word && tables::unit(&t.text).is_none() && !tables::is_pack_word(&t.text))
    }
}
