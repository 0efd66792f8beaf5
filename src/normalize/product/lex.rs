//! Cutting a title into words, numbers and codes.
//!
//! Letters are lowercased and accents folded. A `.` or `,` between digits stays in the number, a
//! `/` between letters or digits stays in the chunk (`1/2`, `g/m2`), a `-` between digits stays (`10-1M`),
//! and any other `-` between letters or digits joins them (`Wi-Fi` → `wifi`, `EB-X500` → `ebx500`). A number glued to a unit or pack
//! word is cut in two (`80gsm` → `80`, `gsm`); any other mix of letters and digits is a code
//! (`CE285A`, `i5`, `A4`).

use super::food;
use super::tables;
use rust_decimal::Decimal;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Word,
    Num,
    Code,
}

/// One token of a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tok {
    pub(super) text: String,
    pub(super) class: Class,
}

impl Tok {
    fn new(text: impl Into<String>, class: Class) -> Self {
        Self { text: text.into(), class }
    }

    /// Whether this token is the word `word`.
    pub(super) fn is(&self, word: &str) -> bool {
        self.text == word
    }
}

/// The tokens of `title`, in order.
pub(super) fn tokens(title: &str) -> Vec<Tok> {
    let title = title.replace('½', " 1/2 ").replace('¼', " 1/4 ").replace('¾', " 3/4 ");
    let mut out = Vec::new();
    let chunks = chunks(&title);
    let device = chunks.iter().any(|c| DEVICE_WORDS.contains(&c.as_str()));
    let grams = food::edible(chunks.iter().map(String::as_str));
    for (at, chunk) in chunks.iter().enumerate() {
        let memory = device || chunks.get(at + 1).is_some_and(|next| next == "gb");
        classify(chunk, memory, grams, &mut out);
    }
    out
}

/// Words of a phone's, tablet's or computer's title, where `3/64` is memory (`memory_pair`).
const DEVICE_WORDS: &[&str] = &[
    "hp",
    "handphone",
    "smartphone",
    "ponsel",
    "phone",
    "iphone",
    "tablet",
    "tab",
    "ipad",
    "laptop",
    "notebook",
    "oppo",
    "vivo",
    "xiaomi",
    "redmi",
    "poco",
    "realme",
    "infinix",
    "tecno",
    "itel",
    "samsung",
    "galaxy",
    "ram",
];

fn fold(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let folded = match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        '²' => '2',
        '³' => '3',
        c if c.is_alphabetic() => c.to_lowercase().next().unwrap_or(c),
        _ => return None,
    };
    Some(folded)
}

/// Runs of letters and digits with their inner `.`, `,`, `/` and `-` handled.
fn chunks(title: &str) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    let folded: Vec<Option<char>> = chars.iter().map(|&c| fold(c)).collect();
    let at = |i: Option<usize>| i.and_then(|i| folded.get(i).copied().flatten());
    let mut out = Vec::new();
    let mut current = String::new();
    let mut possessive = false;
    for (i, &c) in chars.iter().enumerate() {
        if std::mem::take(&mut possessive) {
            continue;
        }
        if let Some(f) = at(Some(i)) {
            current.push(f);
            continue;
        }
        let (prev, next) = (at(i.checked_sub(1)), at(Some(i + 1)));
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        match c {
            // `Men's`: the possessive `s` is no word (a lone `S` is a size on clothes, R38m-5).
            '\'' | '’' if prev.is_some_and(char::is_alphabetic) && next == Some('s') && at(Some(i + 2)).is_none() => {
                possessive = true;
            }
            '.' | ',' if digit(prev) && digit(next) => current.push(c),
            '/' if prev.is_some() && next.is_some() => current.push('/'),
            // `10-1M`: a hyphen between digits stays, so the number before it is seen (`No 10`).
            '-' | '‐' | '‑' if digit(prev) && digit(next) => current.push('-'),
            '-' | '‐' | '‑' if prev.is_some() && next.is_some() => {}
            // `24"`, `1/2"`: inches.
            '"' | '”' if digit(prev) => {
                out.push(std::mem::take(&mut current));
                out.push("inch".to_string());
            }
            // `60×90 cm`, `60*90 cm`: a size written with a times sign is the size `60 x 90 cm`
            // (review27c H5: read as the numbers 60 and 90 cm, the board lost its size).
            '×' | '*' if c == '×' || (prev.is_some() && next.is_some() && (digit(prev) || digit(next))) => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                out.push("x".to_string());
            }
            // `+ Galon`: what comes with the offer; `@12`: so many per pack; `100%`: a share.
            '+' | '@' | '%' => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                let word = match c {
                    '+' => "plus",
                    '@' => "isi",
                    _ => "persen",
                };
                out.push(word.to_string());
            }
            _ if !current.is_empty() => out.push(std::mem::take(&mut current)),
            _ => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Grammage spellings written as a unit over square metres.
const PER_SQUARE_METRE: &[&str] = &["g/m2", "gr/m2", "gram/m2", "grm/m2"];

/// `memory`: whether a pair like `3/64` is a device's memory and storage (on a device's title or
/// before `GB`), see `memory_pair`; `grams`: whether the title is one where `5G` is five grams.
fn classify(chunk: &str, memory: bool, grams: bool, out: &mut Vec<Tok>) {
    let lead_len = chunk.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/'))).unwrap_or(chunk.len());
    let (lead, rest) = chunk.split_at(lead_len);
    let numeric = lead.starts_with(|c: char| c.is_ascii_digit());
    if PER_SQUARE_METRE.contains(&chunk) {
        return out.push(Tok::new("gsm", Class::Word));
    }
    if numeric && PER_SQUARE_METRE.contains(&rest) {
        return out.extend([Tok::new(normalize_number(lead), Class::Num), Tok::new("gsm", Class::Word)]);
    }
    if chunk.contains('/') && (!is_fraction(lead) || rest.contains('/')) {
        return chunk.split('/').filter(|p| !p.is_empty()).for_each(|p| classify(p, memory, grams, out));
    }
    // `Galaxy A14 5G`, `Router 5G`, `Kartu Perdana 4G`: a network, not five grams, on a device's
    // title and wherever grams make no sense (`Teh Celup 5G` is food: five grams).
    if (memory || !grams) && NETWORKS.contains(&chunk) {
        return out.push(Tok::new(chunk, Class::Code));
    }
    let device = memory || rest == "gb";
    if let Some((ram, storage)) = memory_pair(lead, device).filter(|_| matches!(rest, "" | "gb")) {
        // `8/512`, `16/512GB`: memory and storage of a computer, not a fraction.
        return out.extend([
            Tok::new(ram, Class::Num),
            Tok::new("gb", Class::Word),
            Tok::new(storage, Class::Num),
            Tok::new("gb", Class::Word),
        ]);
    }
    // A cable's section: `1.5 mm2`, `1,5mm²` are sold as `1.5 mm`.
    if chunk == SQUARE_MM {
        return out.push(Tok::new("mm", Class::Word));
    }
    if numeric {
        let number = normalize_number(lead);
        if let Some(second) = rest.strip_prefix('x').filter(|r| glued_size(lead, r)) {
            // `2x1.5`, `3x2,5mm2`: a size glued together reads as written apart (`2 x 1.5 mm`),
            // two conductors of 1.5 mm²; joined, `2x15` was another cable's.
            out.extend([Tok::new(number, Class::Num), Tok::new("x", Class::Word)]);
            return classify(second, memory, grams, out);
        }
        if rest == SQUARE_MM {
            return out.extend([Tok::new(number, Class::Num), Tok::new("mm", Class::Word)]);
        }
        if rest.is_empty() {
            out.push(Tok::new(number, Class::Num));
        } else if rest == "k" && number.parse::<Decimal>().is_ok_and(|n| n < Decimal::ONE_THOUSAND) {
            // `150k` is read as `150 K`: face::thousands_k makes it `150 rb` only where money is
            // meant. Read as rupiah here, `Resistor 100K` was `Resistor Rp 100.000` (review36b R36b-5).
            out.extend([Tok::new(number, Class::Num), Tok::new("k", Class::Word)]);
        } else if rest.chars().all(char::is_alphabetic)
            && (tables::unit(rest).is_some()
                || tables::is_pack_word(rest)
                || tables::STORAGE_WORDS.contains(&rest)
                || tables::PRICE_WORDS.contains(&rest)
                || tables::electrical(rest).is_some())
        {
            out.extend([Tok::new(number, Class::Num), Tok::new(rest, Class::Word)]);
        } else if lead.contains(['.', ',']) && !lead.contains('/') && number.contains('.') {
            // `1.5A` keeps its decimal point: read `15a`, the adaptor met a 15-ampere one
            // (review37m R37m-6).
            out.push(Tok::new(format!("{number}{rest}"), Class::Code));
        } else {
            out.push(Tok::new(chunk.replace([',', '.'], ""), Class::Code));
        }
        return;
    }
    if chunk == "idr" {
        // `IDR 150.000` is `Rp 150.000` (review36 R36-3: read `idr150000`, it met `Rp 100.000`).
        out.push(Tok::new("rp", Class::Word));
    } else if chunk.chars().all(char::is_alphabetic) {
        out.push(Tok::new(chunk, Class::Word));
    } else if let Some((currency, amount)) = currency(chunk) {
        // `Rp150rb` is `Rp150 rb`: the price word is read apart, as after a bare number.
        let word = amount.trim_start_matches(|c: char| !c.is_alphabetic());
        let priced = tables::PRICE_WORDS.contains(&word) || word == "k";
        let amount = if priced { &amount[..amount.len() - word.len()] } else { amount };
        out.push(Tok::new(format!("rp{}", normalize_number(amount)), Class::Code));
        if amount.len() < chunk.len() - currency {
            out.push(Tok::new(word, Class::Word));
        }
    } else {
        out.push(Tok::new(chunk.replace([',', '.'], ""), Class::Code));
    }
}

/// Mobile networks written as a number glued to `G`, read as a code (`reader` makes it a spec of
/// the network), not as grams, on all but food.
pub(super) const NETWORKS: &[&str] = &["3g", "4g", "5g"];

/// Square millimetres, a cable's section, as the lexer writes `mm²`.
const SQUARE_MM: &str = "mm2";

/// Whether `first` `x` `rest` is a size glued together with a decimal in it (`2x1.5`, `1,5x2`):
/// `rest` a number, maybe with a unit after it.
fn glued_size(first: &str, rest: &str) -> bool {
    let digits = rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ','))).unwrap_or(rest.len());
    let (second, unit) = rest.split_at(digits);
    let number = |n: &str| n.starts_with(|c: char| c.is_ascii_digit()) && n.ends_with(|c: char| c.is_ascii_digit());
    let decimal = first.contains(['.', ',']) || second.contains(['.', ',']);
    !first.contains('/')
        && number(second)
        && decimal
        && (unit.is_empty() || tables::unit(unit).is_some() || unit == SQUARE_MM)
}

/// `Rp150.000`, `IDR150rb`: the amount written onto a currency, and the currency's length.
fn currency(chunk: &str) -> Option<(usize, &str)> {
    let currency = ["rp", "idr"].into_iter().find(|c| chunk.starts_with(c))?;
    let amount = &chunk[currency.len()..];
    amount.starts_with(|c: char| c.is_ascii_digit()).then_some((currency.len(), amount))
}

/// `8/512`, a phone's `3/64`: a storage size with a memory size before it (review38m R38m-8:
/// `Oppo A17 3/64` read the fraction `0.047`). An odd memory (`3`) over a storage is a fraction
/// as written (a drill bit's `3/64` inch), so it is memory only on a `device`'s title or before
/// `GB`; an even one never is (`8/512` would be written `1/64`), so it is memory on any title
/// (`Acer Aspire 5 i5 8/512`, no word of a computer).
fn memory_pair(text: &str, device: bool) -> Option<(&str, &str)> {
    let (a, b) = text.split_once('/')?;
    let (ram, storage) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    let memory = [2, 3, 4, 6, 8, 12, 16, 32, 64].contains(&ram) && [64, 128, 256, 512, 1024].contains(&storage);
    (memory && (device || ram % 2 == 0)).then_some((a, b))
}

fn is_fraction(text: &str) -> bool {
    match text.split_once('/') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && b.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// `0,5` → `0.5`, `10.000` → `10000`, `1/2` → `0.5`, `1,50` → `1.5`; leading zeros are kept
/// (`003` is a model number).
pub(super) fn normalize_number(text: &str) -> String {
    if let Some((a, b)) = text.split_once('/') {
        return match (a.parse::<u64>(), b.parse::<u64>()) {
            (Ok(a), Ok(b)) if b > 0 && a <= 1_000_000 && b <= 1_000_000 => {
                let thousandths = (a * 1000 + b / 2) / b;
                join(&(thousandths / 1000).to_string(), &format!("{:03}", thousandths % 1000))
            }
            _ => text.to_string(),
        };
    }
    let (dots, commas) = (text.matches('.').count(), text.matches(',').count());
    let decimal = match (dots, commas) {
        (0, 0) => return text.to_string(),
        (_, 0) if grouped(text, '.') => return text.replace('.', ""),
        (_, 0) => '.',
        (0, _) if commas > 1 && grouped(text, ',') => return text.replace(',', ""),
        (0, _) => ',',
        _ => {
            if text.rfind('.') > text.rfind(',') {
                '.'
            } else {
                ','
            }
        }
    };
    let Some((int, frac)) = text.rsplit_once(decimal) else { return text.to_string() };
    let int: String = int.chars().filter(char::is_ascii_digit).collect();
    if frac.contains(['.', ',']) {
        return text.to_string();
    }
    join(if int.is_empty() { "0" } else { &int }, frac)
}

fn join(int: &str, frac: &str) -> String {
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") }
}

/// `10.000`, `1.250.000`: groups of three after the first.
fn grouped(text: &str, separator: char) -> bool {
    let mut parts = text.split(separator);
    let first_ok = parts.next().is_some_and(|p| (1..=3).contains(&p.len()));
    first_ok && parts.all(|p| p.len() == 3)
}
