//! Sizes on something worn (review38m R38m-5, see `worn`).

use super::super::lex::{Class, Tok};
use super::super::tables;
use super::super::worn::{LETTER_SIZES, SIZE_LABELS, Worn};
use super::Reader;

impl Reader<'_> {
    /// On something worn, `Size 42` is a size and `L` one however placed, never a code's part
    /// (R38m-5: `Popok … L 30` read `l30`, related to `xl30`). Whether the token was read so.
    pub(super) fn worn_size(&mut self, tok: &Tok) -> bool {
        if self.worn == Worn::No {
            return false;
        }
        if SIZE_LABELS.contains(&tok.text.as_str()) {
            match self.peek(1).filter(|t| t.class == Class::Num) {
                Some(number) => self.spec(format!("size {}", number.text), 2),
                None => self.skip(1, false),
            }
        } else if tok.class == Class::Word && LETTER_SIZES.contains(&tok.text.as_str()) {
            self.words.push(tok.text.clone());
            self.skip(1, false);
        } else {
            return false;
        }
        true
    }

    /// `2 XL` on something worn is `2XL`, the size `XXL` (review38m R38m-10: read the number `2`
    /// and the word `xl`, it was apart from `2XL`). Whether the number was read so.
    pub(super) fn counted_xs(&mut self, number: &str) -> bool {
        let size = self.peek(1).filter(|t| t.is("xl")).and_then(|_| tables::clothing_size(&format!("{number}xl")));
        match size.filter(|_| self.worn != Worn::No) {
            Some(size) => {
                self.words.push(size);
                self.skip(2, false);
                true
            }
            None => false,
        }
    }
}
