//! The left-to-right pass of [`super::key::product_key`] over what brand and kind left: pack
//! phrases dropped, measures turned into specs, codes, numbers, colours and size words kept as
//! specs, the remaining words as tokens.

use super::category::NETWORK;
use super::food;
use super::lex::{self, Class, Tok};
use super::tables::{self, Dimension};
use super::worn::{self, Worn};
use codes::processor;
use rust_decimal::Decimal;

mod amounts;
mod codes;
mod sizes;
mod values;

/// Length of `phrase` if it matches the tokens at `at`.
pub(super) fn matches(toks: &[Tok], at: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for word in phrase.split(' ') {
        if !toks.get(at + n)?.is(word) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// The left-to-right pass over what brand and kind left.
pub(super) struct Reader<'a> {
    toks: &'a [Tok],
    at: usize,
    /// Grams on paper are grammage (`80 gr` is `80gsm`).
    paper: bool,
    /// A notebook's sheets are what it is (`38 Lembar` is not `58 Lembar`), not its pack.
    book: bool,
    pub(super) specs: Vec<String>,
    pub(super) words: Vec<String>,
    /// Net content already read: a second mass or volume is the pack's (`1 kg … (20 kg)`).
    content: Vec<Dimension>,
    /// Whether the last thing read was a pack word, so `isi 24` after it is a count.
    after_pack: bool,
    /// On something worn `S`, `M`, `L` and a shoe's number are sizes.
    worn: Worn,
    /// On food `Plain` is a flavour.
    food: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(toks: &'a [Tok], paper: bool, book: bool, worn: Worn, food: bool) -> Self {
        let (specs, words, content) = (Vec::new(), Vec::new(), Vec::new());
        Self { toks, at: 0, paper, book, specs, words, content, after_pack: false, worn, food }
    }

    fn peek(&self, ahead: usize) -> Option<&'a Tok> {
        self.toks.get(self.at + ahead)
    }

    fn is_num(&self, ahead: usize) -> bool {
        self.peek(ahead).is_some_and(|t| t.class == Class::Num)
    }

    fn is_counted_pack(&self, ahead: usize) -> bool {
        self.peek(ahead).is_some_and(|t| tables::COUNTED_PACKS.contains(&t.text.as_str()))
    }

    fn is_pack_word(&self, ahead: usize) -> bool {
        self.peek(ahead).is_some_and(|t| tables::is_pack_word(&t.text))
    }

    fn unit_at(&self, ahead: usize) -> Option<(&'static str, Dimension)> {
        self.peek(ahead).filter(|t| t.class == Class::Word).and_then(|t| tables::unit(&t.text))
    }

    fn skip(&mut self, n: usize, pack: bool) {
        self.at += n;
        self.after_pack = pack;
    }

    fn spec(&mut self, spec: String, n: usize) {
        self.specs.push(spec);
        self.skip(n, false);
    }

    pub(super) fn run(&mut self) {
        while let Some(tok) = self.peek(0) {
            match tok.class {
                Class::Num => self.number(&tok.text),
                Class::Word | Class::Code => self.word(tok),
            }
        }
    }

    fn number(&mut self, number: &str) {
        // `Sepatu PDH Pantofel K88 40`: a shoe's last number is its size (R38m-5).
        if self.worn == Worn::Shoe && self.peek(1).is_none() && worn::shoe_size(number) {
            return self.spec(format!("size {number}"), 1);
        }
        if self.counted_xs(number) {
            return;
        }
        if self.peek(1).is_some_and(|t| t.is("x")) && self.is_num(2) {
            return self.times(number);
        }
        // An amount in thousands or millions is below a thousand of them; `6203 RB` is a code.
        let priced = self.peek(1).is_some_and(|t| tables::PRICE_WORDS.contains(&t.text.as_str()));
        if priced && number.parse::<Decimal>().is_ok_and(|n| n < Decimal::ONE_THOUSAND) && self.rupiah(number, 1) {
            return;
        }
        if self.electrical(number) {
            return;
        }
        if let Some(unit) = self.unit_at(1) {
            if self.spelled_size(unit) {
                // `60 cm x 90 cm` is the size `60 x 90 cm` (review27c H5).
                let size = format!("{number}x{}{}", self.peek(3).map_or("", |t| t.text.as_str()), unit.0);
                return self.spec(tables::paper_size(&size).map_or(size, str::to_string), 5);
            }
            return self.measure(number, unit, 2);
        }
        if self.peek(1).is_some_and(|t| t.is("persen")) {
            // `ORIGINAL 100%` is a seller's claim; `Alkohol 70%` says what it is.
            return if number == "100" { self.skip(2, false) } else { self.spec(format!("{number}%"), 2) };
        }
        let storage_word = |t: Option<&Tok>| t.is_some_and(|t| tables::STORAGE_WORDS.contains(&t.text.as_str()));
        let before = self.at.checked_sub(1).and_then(|i| self.toks.get(i));
        if storage_word(before) || storage_word(self.peek(1)) {
            // `SSD 512`, `RAM 8`, `256 SSD`: gigabytes.
            return self.measure(number, ("gb", Dimension::Storage), 1);
        }
        if self.book && self.peek(1).is_some_and(|t| t.is("lembar") || t.is("lbr")) {
            return self.spec(format!("{number}sheet"), 2);
        }
        if let Some(next) = self.peek(1).filter(|t| tables::is_pack_word(&t.text)) {
            let container = tables::CONTAINERS.contains(&next.text.as_str());
            let small = number.parse::<u32>().is_ok_and(|n| n <= tables::MAX_CONTAINER_COUNT);
            // A part of a counted pack (`1/2 Rim`, `0,5 Lusin`) is the pack's as its count is:
            // kept, the half ream met the half dozen notebooks on `0.5` (review33m N5).
            let part = number.parse::<Decimal>().is_ok_and(|n| n > Decimal::ZERO && n < Decimal::ONE)
                && tables::COUNTED_PACKS.contains(&next.text.as_str());
            if !container || small || part {
                return self.skip(2, true);
            }
        }
        self.spec(number.to_string(), 1);
    }

    /// Whether a length in `unit` is followed by `x` and another length in the same unit.
    fn spelled_size(&self, unit: (&'static str, Dimension)) -> bool {
        unit.1 == Dimension::Length
            && self.peek(2).is_some_and(|t| t.is("x"))
            && self.is_num(3)
            && self.unit_at(4) == Some(unit)
    }

    /// `20 x 1 Kg` (a pack of twenty) or `120 x 60 cm` (a size).
    fn times(&mut self, first: &str) {
        let counted = self.peek(3).is_some_and(|t| {
            tables::is_pack_word(&t.text)
                || matches!(tables::unit(&t.text), Some((_, Dimension::Mass | Dimension::Volume)))
        });
        if counted {
            return self.skip(2, true);
        }
        let mut size = first.to_string();
        let mut n = 1;
        while self.peek(n).is_some_and(|t| t.is("x")) && self.is_num(n + 1) {
            if let Some(next) = self.peek(n + 1) {
                size.push('x');
                size.push_str(&next.text);
            }
            n += 2;
        }
        if let Some((unit, Dimension::Length)) = self.unit_at(n) {
            size.push_str(unit);
            n += 1;
        }
        let size = tables::paper_size(&size).map_or(size, str::to_string);
        self.spec(size, n);
    }

    fn measure(&mut self, number: &str, (unit, dimension): (&'static str, Dimension), n: usize) {
        let (mut unit, mut dimension) = (unit, dimension);
        if self.paper && dimension == Dimension::Mass && unit == "g" {
            (unit, dimension) = ("gsm", Dimension::Grammage);
        }
        if matches!(dimension, Dimension::Mass | Dimension::Volume) {
            if self.content.contains(&dimension) {
                return self.skip(n, true);
            }
            self.content.push(dimension);
        }
        let mut value = number.trim_start_matches('0').to_string();
        if value.is_empty() || value.starts_with('.') {
            value.insert(0, '0');
        }
        let bigger = match unit {
            "g" => Some("kg"),
            "ml" => Some("l"),
            "mb" => Some("gb"),
            _ => None,
        };
        // `1500 ml` is `1,5 L`: a thousand of the small unit is written as the big one.
        if let (Some(bigger), Ok(amount)) = (bigger, value.parse::<Decimal>())
            && amount >= Decimal::ONE_THOUSAND
        {
            (value, unit) = ((amount / Decimal::ONE_THOUSAND).normalize().to_string(), bigger);
        }
        self.spec(format!("{value}{unit}"), n);
    }

    fn word(&mut self, tok: &Tok) {
        let text = tok.text.as_str();
        // `Rp 150 rb`, `IDR150 rb`: the amount is the number after the currency or written onto
        // it (the lexer reads `IDR` as `Rp`).
        let amount = match text.strip_prefix("rp") {
            Some("") => self.peek(1).filter(|t| t.class == Class::Num).map(|t| (t.text.as_str(), 2)),
            Some(amount) if tok.class == Class::Code => Some((amount, 1)),
            _ => None,
        };
        if let Some((amount, word_at)) = amount
            && self.rupiah(amount, word_at)
        {
            return;
        }
        match text {
            "isi" => return self.isi(),
            "per" => {
                let mut n = 1;
                while self
                    .peek(n)
                    .is_some_and(|t| tables::is_pack_word(&t.text) || tables::PER_WORDS.contains(&t.text.as_str()))
                {
                    n += 1;
                }
                return self.skip(n, true);
            }
            "x" if self.length_after_code() => return,
            // `Pro X`: a letter of the name, not a times sign, with no number after it.
            "x" if self.named_x() => {
                self.words.push("x".to_string());
                return self.skip(1, false);
            }
            "x" => return self.skip(1, self.after_pack),
            _ if tables::PART_WORDS.contains(&text) && self.is_counted_pack(1) => return self.skip(2, true),
            // `box of 50`: as `box isi 50`.
            "of" if self.after_pack => return self.isi(),
            // `Hrg 98rb`: read as a code `hrg98` until an amount stopped joining (review36 gt).
            "harga" | "hrg" if self.price() => return,
            "rp" if self.is_num(1) => {
                let amount = self.peek(1).map(|t| t.text.clone()).unwrap_or_default();
                return self.spec(format!("rp{amount}"), 2);
            }
            // A currency with no amount says nothing of the product.
            "rp" => return self.skip(1, false),
            _ => {}
        }
        if tables::MEASURE_LABELS.contains(&text) && self.is_num(1) && self.unit_at(2).is_some() {
            return self.skip(1, false);
        }
        if tables::LABELS.contains(&text) || tables::STORAGE_WORDS.contains(&text) {
            // `SSD`, `RAM` said what the number beside them is; alone they say nothing.
            return self.skip(1, false);
        }
        // `1 pc` is a pack, `PC 908` a model code.
        if tables::is_pack_word(text) && !(text == "pc" && self.is_num(1)) {
            // `box 2500 lbr`, `pak 100`: the count of a container. `dus 20 kg` is left to the
            // measure, which knows whether the title already gave the net content.
            let n = match (self.is_num(1), self.is_pack_word(2), self.peek(2).is_none()) {
                (true, true, _) => 3,
                (true, false, true) => 2,
                _ => 1,
            };
            return self.skip(n, true);
        }
        if tables::HARDNESS.contains(&text) {
            return self.spec(text.to_string(), 1);
        }
        // `Susu Coklat` / `Susu Stroberi`: a flavour keeps variants apart as a colour does.
        if let Some((flavour, n)) = food::named(text, self.peek(1).map(|t| t.text.as_str()), self.food) {
            return self.spec(flavour.to_string(), n);
        }
        if let Some(spec) = tables::colour(text).or_else(|| tables::size(text)) {
            return self.spec(spec.to_string(), 1);
        }
        if self.worn_size(tok) {
            return;
        }
        // `2XL`, `3XL` are the sizes `XXL`, `XXXL` (review37m R37m-5: read `2xl`, a volume, a
        // one-sided spec beside `XL`).
        if let Some(size) = tables::clothing_size(text) {
            self.words.push(size);
            return self.skip(1, false);
        }
        if tok.class == Class::Code {
            // `PG-810 XL` is `PG-810XL`, the high-yield model (review37m R37m-4: the `XL` was a
            // one-sided word, and the standard cartridge met it).
            // On clothes `K123 XL` is the code and the size (R38m-5: read `k123xl`).
            let glued = self.worn == Worn::No && text.contains(|c: char| c.is_ascii_digit());
            if glued && self.peek(1).is_some_and(|t| t.is("xl")) {
                return self.spec(format!("{text}xl"), 2);
            }
            if let Some(size) = tables::paper_size(text) {
                return self.spec(size.to_string(), 1);
            }
            // `5G` said of a modem or phone: its network, no weight (`category`).
            if lex::NETWORKS.contains(&text) {
                return self.spec(format!("{text} {NETWORK}"), 1);
            }
            if self.bolt(text) {
                return;
            }
            if let Some((class, generation)) = processor(text) {
                self.specs.extend(generation);
                return self.spec(class, 1);
            }
            return self.spec(text.to_string(), 1);
        }
        if let Some(code) = self.split_code(text) {
            return self.spec(code, 2);
        }
        self.words.push(tables::synonym(text).to_string());
        self.skip(1, false);
    }

    /// `isi 12 pcs`, `Dus isi 24`: a count; `Isi 3 Kue`: only the word goes.
    fn isi(&mut self) {
        if !self.is_num(1) {
            return self.skip(1, self.after_pack);
        }
        if self.is_pack_word(2) {
            self.skip(3, true);
        } else if self.unit_at(2).is_some() {
            // `isi 500 ml` is net content; `dus isi 20 kg` after `1 kg` is the pack's.
            self.skip(1, self.after_pack);
        } else if self.after_pack || self.peek(2).is_none() {
            self.skip(2, true);
        } else {
            self.skip(1, false);
        }
    }
}
