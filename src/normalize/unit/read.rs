//! Reading pack statements out of text: the words of a title or a unit field (model codes kept
//! whole, glued counts split), and the statements they make, most explicit first.

use super::lexicon::{BOUNDARY, base_unit, fixed_pack, is_pack_word, number};
use super::multiple::{self, Multiple};
use super::part::{self, Part};
use super::{CONTAINERS, FILLERS, MAX_COUNT, MEASURES, MULTIPLE_UNREAD, OUTER, PART_CONFLICT, PART_UNREAD, Statement};

/// What the unit field states: a pack statement, or one base unit (`"pcs"`, `"Kg"`). A unit
/// field `Kantong` alone is the pack the title sizes (`Masker ... Kantong isi 10 pcs`), a bag
/// holding pieces as often as being one.
pub(super) fn field_statement<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    statement(words).or_else(|| {
        let base = base_unit(words.first()?).filter(|b| *b != "kantong")?;
        Some(Statement::Size { base, quantity: 1, container: None, named: true })
    })
}

/// The text lowercased, with `@` read as `isi` and ` - ` as a statement boundary, for [`words`].
pub(super) fn lowered(text: &str) -> String {
    // `@25`, `@ 1 btl`: so many per pack. ` - ` and `|` end a statement (`isi 12 - Joyko`).
    let mut lower = text.to_lowercase();
    if lower.contains('@') {
        lower = lower.replace('@', " isi ");
    }
    // `1/2"` is half an inch, not a half (`Kran Air Lusin 1/2"`): the quote is lost in words.
    if lower.contains('"') {
        lower = inch_marks(&lower);
    }
    if lower.contains(" - ") {
        lower = lower.replace(" - ", " | ");
    }
    lower
}

/// `"` after a digit written as ` inch`.
fn inch_marks(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len() + 8);
    let mut prior = ' ';
    for c in lower.chars() {
        if c == '"' && prior.is_ascii_digit() {
            out.push_str(" inch");
        } else {
            out.push(c);
        }
        prior = c;
    }
    out
}

/// Words that name a pack only in some titles: `Cartoon` is as often a motif (`Pensil 2B Cartoon
/// isi 12`) and `Ball` balls (`Bola Pingpong Ball isi 6`), each with its plain word.
const MOTIFS: &[(&str, &str)] = &[("cartoon", "kartun"), ("ball", "bola"), ("bale", "bola")];

/// The title [`lowered`], its [`MOTIFS`] read as their plain words when the unit field names
/// another pack: a pak of pencils with a cartoon print is no karton (review27b G10). Beside a unit
/// field naming none, or the same pack (`Cartoon`, `Karton`), they stay the pack (review26b F7).
///
/// In a title about tea bags (`Teh Celup`), a sachet is a bag: `isi 25 Sachet` counts the same
/// 25 kantong as `isi 25 Kantong` (review26b F6).
pub(super) fn lowered_title(title: &str, unit_field: Option<&str>) -> String {
    let lower = lowered(title);
    let field = unit_field.map(|f| lowered(f.trim())).unwrap_or_default();
    let own = words(&field).first().copied().filter(|w| is_pack_word(w));
    let tea_bags = lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == "celup");
    if own.is_none() && !tea_bags {
        return lower;
    }
    let plain = |word: &str| {
        if tea_bags && matches!(word, "sachet" | "saset") {
            return Some("kantong");
        }
        let (_, plain) = MOTIFS.iter().find(|(motif, _)| *motif == word)?;
        own.filter(|own| words(word).first() != Some(own)).map(|_| *plain)
    };
    let (mut out, mut rest) = (String::with_capacity(lower.len()), lower.as_str());
    while let Some(start) = rest.find(char::is_alphanumeric) {
        let end = rest[start..].find(|c: char| !c.is_alphanumeric()).map_or(rest.len(), |e| start + e);
        let word = &rest[start..end];
        out.push_str(&rest[..start]);
        out.push_str(plain(word).unwrap_or(word));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The words of a [`lowered`] text. Digits glued to a unit are split from it (`"5rim"` → `5`,
/// `rim`); any other mix of letters and digits, or words joined by `-` or `/` with a digit in
/// them, is one code (`c600`, `bp-338`, `3-ply`) that is never read as a count. Words borrow
/// from the text (or are fixed spellings): a title is read for every offer normalised.
pub(super) fn words(lower: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for raw in lower.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '/' | ',' | '.' | '|'))) {
        if raw == "|" {
            out.push(BOUNDARY);
            continue;
        }
        let token = raw.trim_matches(|c: char| matches!(c, '-' | '/' | ',' | '.' | '|'));
        if token.is_empty() {
            continue;
        }
        let joined = token.contains(['-', '/']);
        if joined && !token.chars().any(|c| c.is_ascii_digit()) {
            out.extend(token.split(['-', '/']).filter(|p| !p.is_empty()));
        } else if let Some((count, unit)) = glued_count(token).filter(|_| !joined) {
            out.push(count);
            out.push(unit);
        } else {
            out.push(token);
        }
    }
    for i in 0..out.len() {
        // `Ball isi 40`, a unit field `Bale`: a bal; elsewhere `Ball Point` is a pen.
        let bal = matches!(out[i], "ball" | "bale") && (out.len() == 1 || out.get(i + 1) == Some(&"isi"));
        let word = if bal { "bal" } else { alias(out[i]) };
        // `box of 50`, `carton of 5 reams`: `of` after a pack word is `isi`.
        let of = word == "of" && i > 0 && is_pack_word(out[i - 1]);
        out[i] = if of { "isi" } else { word };
    }
    out
}

/// One spelling for words that name the same pack or unit: a title's `karton` is the unit
/// field's `dus`, an English `ream` is a `rim`; abbreviations and Dutch spellings sellers put in
/// a unit field (`Ktn`, `Bx`, `Doos`, `Slof`) are their pack (review26b F7).
pub(super) fn alias(word: &str) -> &str {
    match word {
        "karton" | "carton" | "cartons" | "cartoon" | "ctn" | "ktn" | "kardus" | "dos" | "doos" | "dusan" => "dus",
        "boks" | "boxes" | "bx" => "box",
        "slof" => "slop",
        "pack" | "packs" | "pax" | "pck" => "pak",
        "ream" | "reams" => "rim",
        "dozen" | "dozens" | "lsn" => "lusin",
        "bottle" | "bottles" => "botol",
        "kilo" | "kilogram" => "kg",
        "pieces" | "piece" => "pcs",
        other => other,
    }
}

/// `"5rim"`, `"500lbr"`, `"24btl"`: digits then a pack or unit word.
pub(super) fn glued_count(token: &str) -> Option<(&str, &str)> {
    let split = token.find(|c: char| !c.is_ascii_digit())?;
    let (count, unit) = token.split_at(split);
    let known_word = fixed_pack(unit).is_some() || base_unit(unit).is_some() || CONTAINERS.contains(&unit);
    (!count.is_empty() && known_word).then_some((count, unit))
}

/// The pack statement in the words, most explicit first.
pub(super) fn statement<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    first_statement(words).map(|read| against(words, read))
}

/// The statement read, or no size where a part of a pack stands beside another count of it: `1/2
/// Dus isi 24` and `1/2 Box (5 Rim)` (the whole box's count, or the half's?), `1/2 Rim 500
/// lembar` and `Setengah Rim isi 500` (review33m N9).
fn against<'a>(words: &[&'a str], read: Statement<'a>) -> Statement<'a> {
    let Statement::Size { container, .. } = read else { return read };
    if container.is_some_and(|c| part::of_container(words, c)) || !agrees(words, read) {
        return Statement::Part(PART_CONFLICT);
    }
    read
}

/// Whether the part of a fixed pack the words state, if any, is what every count of its base
/// unit (or of unnamed pieces) in them says.
fn agrees(words: &[&str], read: Statement<'_>) -> bool {
    if !part::states_part(words) {
        return true;
    }
    let Some(Statement::Size { base, quantity, .. }) = counted_fixed_pack(words) else { return true };
    [Some(read), isi_count(words), counted_base_units(words)].into_iter().flatten().all(|other| match other {
        Statement::Size { base: b, quantity: q, named, .. } => q == quantity || (named && b != base),
        _ => true,
    })
}

fn first_statement<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    nested(words)
        .or_else(|| isi_count(words))
        .or_else(|| counted_fixed_pack(words))
        .or_else(|| times(words))
        .or_else(|| counted_base_units(words))
        .or_else(|| container_count(words))
}

/// `"200 Sheet (1 Karton (48 Pak))"`, `"200 lembar isi 3 pak"`: a count of base units, then a
/// count (two or more) of the packs holding it, so the offer is the product of the two. Only a
/// container word may be the outer count's, so `"500 lbr 5 rim"` is left to the other readings.
pub(super) fn nested<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    let (at, inner) = (0..words.len().saturating_sub(1)).find_map(|i| {
        let n = number(words[i])?;
        let base = base_unit(words[i + 1]).filter(|b| !MEASURES.contains(b))?;
        Some((i + 2, (base, n)))
    })?;
    (at..words.len().saturating_sub(1)).find_map(|j| {
        let n = number(words[j]).filter(|n| *n >= 2)?;
        if !OUTER.contains(&words[j + 1]) {
            return None;
        }
        Some(Statement::Size { base: inner.0, quantity: inner.1.checked_mul(n)?, container: None, named: true })
    })
}

/// `"isi 12 pcs"`, `"Rim isi 500 Lembar"`, `"Box isi 5 Rim"`, `"box isi 12"`; `"Karton isi 40
/// Box"` and `"isi 3 Kue"` are counts of things of unstated size.
pub(super) fn isi_count<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    words.iter().enumerate().find_map(|(i, &w)| {
        if w != "isi" {
            return None;
        }
        let n = number(words.get(i + 1)?)?;
        let container = i.checked_sub(1).map(|j| words[j]).filter(|c| is_pack_word(c));
        let size = |base, quantity| Some(Statement::Size { base, quantity, container, named: true });
        let unnamed = Some(Statement::Size { base: "pcs", quantity: n, container, named: false });
        // `isi 6 x 2 kg`: six of two kilograms.
        if words.get(i + 2) == Some(&"x")
            && let Some(Statement::Size { base, quantity, .. }) = times(&words[i + 1..])
        {
            return size(base, quantity);
        }
        match words.get(i + 2).copied() {
            None => unnamed,
            Some(next) if FILLERS.contains(&next) || next == BOUNDARY => unnamed,
            Some(next) => match (base_unit(next), fixed_pack(next)) {
                (Some(base), _) => size(base, n),
                (None, Some((base, each))) => size(base, n.checked_mul(each)?),
                (None, None) => Some(Statement::Unsized),
            },
        }
    })
}

/// `"5 rim"`, `"1 lusin"`, `"rim"` alone, `"1/2 rim"` ([`part`]), `"2 x 1/2 rim"` ([`multiple`]).
pub(super) fn counted_fixed_pack<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    words.iter().enumerate().find_map(|(i, &w)| {
        let (base, size) = fixed_pack(w)?;
        let (start, read) = match part::before(words, i, size) {
            Some(Part::Exact(quantity)) => (i - 1, Statement::Size { base, quantity, container: Some(w), named: true }),
            Some(Part::Unread) => return Some(Statement::Part(PART_UNREAD)),
            None => match part::after(words, i, size) {
                Some(Part::Exact(quantity)) => (i, Statement::Size { base, quantity, container: Some(w), named: true }),
                Some(Part::Unread) => return Some(Statement::Part(PART_UNREAD)),
                None => whole_packs(words, i, base, size)?,
            },
        };
        Some(multiplied(words, start, i, read))
    })
}

/// `"5 rim"`, `"rim"`, `"box 5 rim"` at the pack word `at`, with where the statement starts.
fn whole_packs<'a>(words: &[&'a str], at: usize, base: &'static str, size: u32) -> Option<(usize, Statement<'a>)> {
    let counted = at.checked_sub(1).and_then(|j| number(words[j]).map(|n| (j, n)));
    let (start, quantity, container) = match counted {
        // "1 rim" is the rim itself; "box 5 rim" is the box.
        Some((j, 1)) => (j, size, Some(words[at])),
        None => (at, size, Some(words[at])),
        Some((j, n)) => (j, size.checked_mul(n)?, j.checked_sub(1).map(|k| words[k]).filter(|c| is_pack_word(c))),
    };
    Some((start, Statement::Size { base, quantity, container, named: true }))
}

/// The statement times the count of packs written around it (`2 x`, `x 2`), if any.
fn multiplied<'a>(words: &[&'a str], start: usize, end: usize, read: Statement<'a>) -> Statement<'a> {
    let Statement::Size { base, quantity, .. } = read else { return read };
    match multiple::around(words, start, end) {
        None => read,
        Some(Multiple::Times(n)) => {
            quantity.checked_mul(n).filter(|q| *q <= MAX_COUNT).map_or(Statement::Part(MULTIPLE_UNREAD), |quantity| {
                Statement::Size { base, quantity, container: None, named: true }
            })
        }
        Some(Multiple::Unread) => Statement::Part(MULTIPLE_UNREAD),
    }
}

/// `"20 x 1 kg"`, `"12 x 10 sachet"`: a count of counted base units.
pub(super) fn times<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    words.windows(4).find_map(|w| {
        let (outer, inner) = (number(w[0])?, number(w[2])?);
        let base = base_unit(w[3]).filter(|_| w[1] == "x")?;
        Some(Statement::Size { base, quantity: outer.checked_mul(inner)?, container: None, named: true })
    })
}

/// `"500 lbr"`, `"dus 24 botol"`; skips measures (`"600 ml"`), `"1 unit"`, and `"pc"` outside
/// `isi N`, which is as often a computer (`"IdeaCentre AIO 3 PC"`).
pub(super) fn counted_base_units<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    (0..words.len().saturating_sub(1)).find_map(|i| {
        if words[i + 1] == "pc" {
            return None;
        }
        let n = number(words[i])?;
        let base = base_unit(words[i + 1])?;
        let container = i.checked_sub(1).map(|j| words[j]).filter(|c| is_pack_word(c));
        (n > 1 || !MEASURES.contains(&base)).then_some(Statement::Size { base, quantity: n, container, named: true })
    })
}

/// `"dus 24"`, `"pak 100"` at the end: a container and a count of unnamed pieces.
pub(super) fn container_count<'a>(words: &[&'a str]) -> Option<Statement<'a>> {
    words.iter().enumerate().find_map(|(i, &w)| {
        if !CONTAINERS.contains(&w) {
            return None;
        }
        let n = number(words.get(i + 1)?)?;
        match words.get(i + 2).copied() {
            None => Some(Statement::Size { base: "pcs", quantity: n, container: Some(w), named: false }),
            Some(next) if FILLERS.contains(&next) || next == BOUNDARY => {
                Some(Statement::Size { base: "pcs", quantity: n, container: Some(w), named: false })
            }
            Some(_) => Some(Statement::Unsized),
        }
    })
}
