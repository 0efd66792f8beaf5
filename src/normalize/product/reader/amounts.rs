//! Amounts of rupiah in a title: a good's face value kept as a spec (`rp150000`), and the price a
//! seller asks, said so (`harga Rp 12rb`), dropped.

use super::super::face;
use super::super::lex::Class;
use super::super::tables;
use super::Reader;

impl Reader<'_> {
    /// An amount with a price word `word_at` tokens on (`150 rb`, `Rp 1,5 jt`), read up to that
    /// word as one amount, `rp150000` as `Rp 150.000` reads: a voucher's or a meterai's face
    /// value and a seller's price are written alike, and no table can list every good sold by
    /// its face value (review35m M35-1), so two amounts never meet and one amount always can.
    /// Thousands of a unit are no rupiah (`10rb mAh`).
    pub(super) fn rupiah(&mut self, amount: &str, word_at: usize) -> bool {
        let Some(value) = self.peek(word_at).and_then(|t| tables::rupiah(amount, &t.text)) else { return false };
        match self.unit_at(word_at + 1) {
            Some(unit) if word_at == 1 => self.measure(&value.to_string(), unit, 3),
            _ => self.spec(format!("rp{value}"), word_at + 1),
        }
        true
    }

    /// `harga Rp 12rb`, `harga 12.000`: what the seller asks, said so, is no spec; dropped with
    /// its word. Whether `harga` was followed by an amount. When the title states no other amount,
    /// the one after `harga` is what the good is worth (`Voucher Harga Rp 100rb`): only the word
    /// goes (review36 R36-11: vouchers of 100rb and 300rb were one product).
    pub(super) fn price(&mut self) -> bool {
        let currency = usize::from(self.peek(1).is_some_and(|t| t.is("rp")));
        let amount = self.peek(1 + currency).is_some_and(|t| {
            t.class == Class::Num || (currency == 0 && t.class == Class::Code && t.text.starts_with("rp"))
        });
        if !amount {
            return false;
        }
        let word = self.peek(2 + currency).is_some_and(|w| tables::rupiah("1", &w.text).is_some());
        let said = 2 + currency + usize::from(word);
        let (before, after) = (&self.toks[..self.at], &self.toks[(self.at + said).min(self.toks.len())..]);
        let others = face::written(before) + face::written(after);
        self.skip(if others == 0 { 1 } else { said }, false);
        true
    }

    /// Whether the number `ahead` is an amount: with a price word after it (`100 rb`) or a round
    /// thousand (`20.000`).
    pub(super) fn amount_at(&self, ahead: usize) -> bool {
        let priced = self.peek(ahead + 1).is_some_and(|t| tables::rupiah("1", &t.text).is_some());
        priced || self.peek(ahead).is_some_and(|t| tables::round_thousand(&t.text))
    }
}
