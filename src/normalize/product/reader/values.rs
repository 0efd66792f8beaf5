//! Values read after a number or a code that say which part it is: an electrical value
//! (`100K Ohm`, `100 nF`) and a bolt's length after its thread (`M8 x 20`).

use super::super::lex::Class;
use super::super::tables;
use super::Reader;
use rust_decimal::Decimal;

/// The value a part's three-digit code stands for (`104` on a capacitor, `472` on a resistor):
/// two digits and a power of ten, in picofarads or ohms, written as a title writes the value
/// (`100nf`, `4.7kohm`). Review38 (`Kapasitor Keramik 104 50V` met `… 103 50V`: bare numbers,
/// read as model codes, and the shared `50v` related them). A last digit of 0 is left a number:
/// `Resistor 330` and `Elco 470` are written values as often as codes, and 7 to 9 are no powers.
fn coded_value(number: &str, resistor: bool) -> Option<String> {
    let digits = number.as_bytes();
    let code = digits.len() == 3 && digits.iter().all(u8::is_ascii_digit) && digits[0] != b'0';
    let power = digits.get(2).filter(|d| code && (b'1'..=b'6').contains(d))? - b'0';
    let value = Decimal::from(number[..2].parse::<u32>().ok()?) * Decimal::from(10u32.pow(u32::from(power)));
    scaled(value, if resistor { RESISTANCE } else { CAPACITANCE })
}

/// Units of a capacitance and of a resistance, from the largest, with their size in the least.
const CAPACITANCE: &[(u32, &str)] = &[(1_000_000, "uf"), (1_000, "nf"), (1, "pf")];
const RESISTANCE: &[(u32, &str)] = &[(1_000_000, "mohm"), (1_000, "kohm"), (1, "ohm")];

/// `value` (in the least of `units`) in the largest unit it is one or more of.
fn scaled(value: Decimal, units: &[(u32, &str)]) -> Option<String> {
    let (scale, unit) = units.iter().find(|(scale, _)| value >= Decimal::from(*scale))?;
    Some(format!("{}{unit}", (value / Decimal::from(*scale)).normalize()))
}

/// A value as one spelling: `0.1uf` is `100nf`, `1000ohm` is `1kohm` (review38m R38m-10:
/// `Kapasitor 0.1uF 50V` was apart from `104 50V`, read `100nf`). A voltage stays as written.
fn one_spelling(number: &str, unit: &str) -> String {
    let written = || format!("{number}{unit}");
    let Ok(amount) = number.parse::<Decimal>() else { return written() };
    [CAPACITANCE, RESISTANCE]
        .into_iter()
        .find_map(|units| {
            let (scale, _) = units.iter().find(|(_, u)| *u == unit)?;
            scaled(amount * Decimal::from(*scale), units)
        })
        .unwrap_or_else(written)
}

impl Reader<'_> {
    /// `100 Ohm`, `100K Ohm`, `100 nF`, and in a resistor's or capacitor's title `100 K`: one
    /// spec with its multiplier and unit (review36b R36b-3: the unit and the `K` were words, and
    /// `Resistor 100K Ohm` met `Resistor 100 Ohm`). Whether the number was read so.
    pub(super) fn electrical(&mut self, number: &str) -> bool {
        let ohms = |t: &super::Tok| tables::electrical(&t.text) == Some("ohm");
        // A resistor's `1K` is its value in kilo-ohms, as `1K Ohm` is (review37m R37m-3: read
        // `1k`, a code of one digit, `Resistor 1K 5%` met `Resistor 10K 5%` on the shared `5%`).
        // Its `1M`, and an `M` before `Ohm`, is mega-ohms (review38m R38m-4: read one metre, a
        // dimension the kilo-ohm part leaves out, so `1M Ohm 1/4W` met `1K Ohm 1/4W`).
        let resistor = self.toks.iter().any(|t| t.is("resistor"));
        let mega = self.peek(1).is_some_and(|t| t.is("m")) && (resistor || self.peek(2).is_some_and(ohms));
        let prefix = match (self.peek(1).is_some_and(|t| t.is("k")), mega) {
            (true, _) => "k",
            (_, true) => "m",
            _ => "",
        };
        let multiplied = usize::from(!prefix.is_empty());
        let unit = self.peek(1 + multiplied).and_then(|t| tables::electrical(&t.text));
        let goods = self.toks.iter().any(|t| tables::ELECTRICAL_GOODS.contains(&t.text.as_str()));
        match unit {
            Some(unit) => self.spec(one_spelling(number, &format!("{prefix}{unit}")), 2 + multiplied),
            None if !prefix.is_empty() && resistor => self.spec(one_spelling(number, &format!("{prefix}ohm")), 2),
            None if prefix == "k" && goods => self.spec(format!("{number}k"), 2),
            // `12V 2 A` is `12V 2A`: amps written apart beside a voltage (apart, the adaptor left
            // `2A` once a shared `12v` no longer related the models, R37m-6).
            None if self.peek(1).is_some_and(|t| t.is("a")) && self.volts() => self.spec(format!("{number}a"), 2),
            None if goods && !self.measured(1) && !self.temperature() => match coded_value(number, resistor) {
                Some(value) => self.spec(value, 1),
                None => return false,
            },
            None => return false,
        }
        true
    }

    /// Whether the title states a voltage (`12V`, `12 Volt`).
    fn volts(&self) -> bool {
        self.toks.windows(2).any(|w| w[0].class == Class::Num && tables::electrical(&w[1].text) == Some("v"))
    }

    /// Whether the number is a temperature rating (`105°C`, `105 C`, `Suhu 105`), an
    /// electrolytic capacitor's, not a code of its value (review38m R38m-1: `105°C` read as
    /// `105`, 1 µF, met a 1 µF capacitor).
    fn temperature(&self) -> bool {
        const BEFORE: [&str; 3] = ["suhu", "derajat", "temperatur"];
        const AFTER: [&str; 5] = ["c", "derajat", "celcius", "celsius", "oc"];
        let before =
            self.at.checked_sub(1).and_then(|i| self.toks.get(i)).is_some_and(|t| BEFORE.contains(&t.text.as_str()));
        let after = self.peek(1).is_some_and(|t| AFTER.contains(&t.text.trim_start_matches('°')));
        before || after
    }

    /// Whether what follows says the number counts or measures something (`104 mm`, `102 pcs`).
    fn measured(&self, ahead: usize) -> bool {
        self.unit_at(ahead).is_some() || self.is_pack_word(ahead) || self.peek(ahead).is_some_and(|t| t.is("x"))
    }

    /// `M8x20`, `M8x20mm`: a bolt's thread and length written as one code, read as `M8 x 20` is
    /// (review37m R37m-13: `m8x20` split from `m8` and `x20`). Whether the code was read so.
    pub(super) fn bolt(&mut self, code: &str) -> bool {
        let Some((thread, length)) = code.strip_prefix('m').and_then(|rest| rest.split_once('x')) else {
            return false;
        };
        let length = length.strip_suffix("mm").unwrap_or(length);
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(thread) && digits(length)) {
            return false;
        }
        self.specs.push(format!("m{thread}"));
        self.spec(format!("x{length}"), 1);
        true
    }

    /// `M8 x 20`: the length written after a bolt's thread, a spec of its own (review36b R36b-3:
    /// read as a bare number beside the code, `Baut M8 x 20` met `Baut M8 x 30`). Not a count
    /// (`A4 x 5 Rim`) nor a measure, which the number reads itself. Whether it was read so.
    pub(super) fn length_after_code(&mut self) -> bool {
        let code = self.at.checked_sub(1).and_then(|i| self.toks.get(i)).is_some_and(|t| {
            t.class == Class::Code && tables::paper_size(&t.text).is_none() && !t.text.starts_with("rp")
        });
        let length = self.peek(1).filter(|t| t.class == Class::Num).map(|t| t.text.clone());
        // `M8 x 20 mm` is `M8 x 20` (R37m-13: read `20mm`, a dimension clashing with `x20`).
        let millimetres = self.unit_at(2).is_some_and(|(unit, _)| unit == "mm");
        let measured = self.is_pack_word(2) || self.unit_at(2).is_some() || self.peek(2).is_some_and(|t| t.is("x"));
        match length {
            Some(length) if code && millimetres => self.spec(format!("x{length}"), 3),
            Some(length) if code && !measured => self.spec(format!("x{length}"), 2),
            _ => return false,
        }
        true
    }
}
