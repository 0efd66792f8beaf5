//! How sellers write a face value, read before and after the lexer cuts a title (review36 R36-3
//! to R36-7): each writing comes out as the one amount `Rp 150.000` reads, so different face
//! values meet in `amounts` and never group, however each is written.

use super::lex::{self, Class, Tok};
use super::tables;
use rust_decimal::Decimal;

/// `Voucher 100 000`: thousands apart by a space are one number (`100.000`). Only a run whose last
/// group is `000`: a title's numbers side by side (`Kabel 2 100`) are left alone. Read as two
/// numbers, `100 000` and `150 000` met on their common `000`.
pub(super) fn spaced_thousands(title: &str) -> String {
    let pieces: Vec<&str> = title.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(pieces.len());
    let mut at = 0;
    while at < pieces.len() {
        let groups = pieces[at + 1..].iter().take_while(|p| three_digits(p)).count();
        let last = (1..=groups).rev().find(|&n| ends_a_run(pieces[at + n]));
        match last.filter(|_| leads_a_run(pieces[at])) {
            Some(n) => {
                out.push(pieces[at..=at + n].join("."));
                at += n + 1;
            }
            None => {
                out.push(pieces[at].to_string());
                at += 1;
            }
        }
    }
    out.join(" ")
}

/// One to three digits, not starting with 0 (`003` is a model number), after no other digit.
fn leads_a_run(piece: &str) -> bool {
    let digits = piece.bytes().rev().take_while(u8::is_ascii_digit).count();
    let before = piece[..piece.len() - digits].chars().last();
    (1..=3).contains(&digits)
        && !piece[piece.len() - digits..].starts_with('0')
        && before.is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '.' | ','))
}

fn three_digits(piece: &str) -> bool {
    piece.len() >= 3 && piece.as_bytes()[..3].iter().all(u8::is_ascii_digit)
}

/// `000`, `000,-`, `000)`: the last group of thousands, nothing alphanumeric after it.
fn ends_a_run(piece: &str) -> bool {
    piece.starts_with("000") && !piece[3..].starts_with(|c: char| c.is_alphanumeric() || matches!(c, '.' | ','))
}

/// `Rp 100,000`, `IDR100,000`: after a currency a single `,` before exactly three digits groups
/// thousands, as the adapter spec reads a price (`Rp 100.000`); elsewhere `1,5` stays a decimal.
/// Read as a decimal, `Rp 100,000` was Rp 100.
fn comma_thousands(title: &str) -> String {
    let lower = title.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = title.as_bytes().to_vec();
    for currency in ["rp", "idr"] {
        for (at, _) in lower.match_indices(currency) {
            if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let mut i = at + currency.len();
            while i < bytes.len() && matches!(bytes[i], b'.' | b' ') {
                i += 1;
            }
            let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let comma = i + digits;
            let group = bytes.get(comma + 1..comma + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit));
            let after = bytes.get(comma + 4).copied();
            if (1..=3).contains(&digits)
                && bytes.get(comma) == Some(&b',')
                && group
                && !after.is_some_and(|b| b.is_ascii_digit() || b == b',')
            {
                out[comma] = b'.';
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| title.to_string())
}

/// The tokens of `title` with every writing of an amount read as the one amount it is.
pub(super) fn tokens(title: &str) -> Vec<Tok> {
    let mut toks = lex::tokens(&comma_thousands(&spaced_thousands(title)));
    thousands_k(&mut toks);
    toks
}

/// How many amounts `toks` write: `Rp150rb`, `Rp 150.000`, `150 rb`, a round `150.000`.
pub(super) fn written(toks: &[Tok]) -> usize {
    let priced = |t: Option<&Tok>| t.is_some_and(|t| tables::rupiah("1", &t.text).is_some());
    let glued = |t: &Tok| {
        t.class == Class::Code && t.text.strip_prefix("rp").is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
    };
    let mut count = 0;
    for (at, tok) in toks.iter().enumerate() {
        let number = tok.class == Class::Num && (tables::round_thousand(&tok.text) || priced(toks.get(at + 1)));
        let after_rp = at > 0 && toks[at - 1].is("rp");
        let rp = tok.is("rp") && toks.get(at + 1).is_some_and(|t| t.class == Class::Num);
        count += usize::from(glued(tok) || (number && !after_rp) || rp);
    }
    count
}

/// `Pulsa Telkomsel 100 K`, `Saldo GoPay 100K`: a number below a thousand with a `K` apart or
/// glued after it is so many thousand (`100 rb`) in a title about a good sold by its face value
/// or stating rupiah, and where nothing says colour: an ink or toner word, or another ink letter
/// (`C M Y K`), keeps the `K` an ink's black (`Tinta Epson 003 K`, `Toner 100 K`). Without the
/// first condition an ink's model number before its `K` became an amount where no ink word was
/// written, and a resistor's `100K` was `Rp 100.000` (review36b R36b-5); before `Ohm` it is kilo-ohms.
fn thousands_k(toks: &mut [Tok]) {
    let colour = toks.iter().any(|t| {
        tables::INK_WORDS.contains(&t.text.as_str()) || matches!(t.text.as_str(), "c" | "m" | "y" | "bk" | "cmyk")
    });
    let face = toks.iter().any(|t| tables::FACE_VALUE_GOODS.contains(&t.text.as_str()) || t.text.starts_with("rp"));
    if colour || !face {
        return;
    }
    for at in 1..toks.len() {
        let number = &toks[at - 1];
        let below_thousand = number.class == Class::Num
            && !number.text.starts_with('0')
            && number.text.parse::<Decimal>().is_ok_and(|n| n < Decimal::ONE_THOUSAND);
        let ohm = toks.get(at + 1).is_some_and(|t| t.is("ohm"));
        if below_thousand && toks[at].class == Class::Word && toks[at].is("k") && !ohm {
            toks[at].text = "rb".to_string();
        }
    }
}
