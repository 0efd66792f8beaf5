//! Free-text resolution: tokenizer, name index and the [`resolve`] rules.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::table::{self, PROVINCE_ALIASES, REGION_ALIASES};
use super::{Region, RegionLevel, Resolution};

/// Inputs longer than this (in bytes) are not region names.
const MAX_LEN: usize = 256;
/// Inputs with more words than this are not region names.
const MAX_TOKENS: usize = 16;

/// Compact name key (see [`compact`]) → every region with that name, in code
/// order.
static INDEX: LazyLock<HashMap<String, Vec<&'static Region>>> = LazyLock::new(|| {
    let mut index: HashMap<String, Vec<&'static Region>> = HashMap::new();
    let mut add = |name: &str, region: &'static Region| {
        let Some(tokens) = tokenize(name) else { return };
        let entry = index.entry(compact(&tokens)).or_default();
        if !entry.iter().any(|r| r.code == region.code) {
            entry.push(region);
        }
    };
    for region in table::regions() {
        add(region.short_name, region);
    }
    for (code, aliases) in PROVINCE_ALIASES.iter().chain(REGION_ALIASES) {
        if let Some(region) = table::by_code(code) {
            for alias in *aliases {
                add(alias, region);
            }
        }
    }
    index
});

/// Resolves free text to a region.
///
/// Rules, in order:
/// 1. Text made only of digits and dots is a code: `"35.71"`, `"3571"`,
///    `"35"`, or a code retired in 2022 (`"92.01"` → `96.01`, see
///    `table::by_legacy_code`).
/// 2. The text is split into lower-cased words at anything that is not a
///    letter or digit (spaces, NBSP, dots, commas, parentheses, hyphens), so
///    `"KAB.  KEDIRI"`, `"Kab Kediri"` and `"kab.kediri"` are the same.
///    `"Kep."` reads as `"Kepulauan"` and `"Sumatra"` as `"Sumatera"`.
///    Trailing `"Indonesia"` and 5-digit postal codes are dropped.
/// 3. A leading level word sets the level: `Kab`, `Kabupaten`, `Pemkab`
///    (regency); `Kota`, `Kotamadya`, `Kodya`, `Pemkot` (city); `Provinsi`,
///    `Propinsi`, `Prov`, `Pemprov` (province), optionally preceded by
///    `Pemerintah [Daerah]` or `Pemda` and followed by `Adm.`/`Administrasi`.
///    A trailing level word (`"Kediri (Kota)"`, `"Kediri (Kab.)"`) does the
///    same, unless it is part of the name (`"Lima Puluh Kota"`). Two
///    different level words (`"Kab./Kota Kediri"`) state no level.
/// 4. The remaining words are joined without spaces and looked up among the
///    official names and aliases, so spelling variants such as `"Bau Bau"`/
///    `"Baubau"`, `"Toli-Toli"`/`"Tolitoli"` or `"Palangka Raya"`/
///    `"Palangkaraya"` all match. A stated level filters the matches and is
///    never overridden (`"Kota Sidoarjo"` is [`Resolution::NotFound`]: there
///    is only a Kabupaten Sidoarjo). If the name is unknown, the level word
///    may be part of a one-word name (`"Kota Baru"` → Kabupaten Kotabaru).
/// 5. If the whole text does not match, a trailing province (after a comma
///    or not: `"Banjar, Jawa Barat"`, `"Kota Kediri (Jatim)"`) narrows the
///    candidates to that province. It only narrows: `"Kediri, Jawa Timur"`
///    and `"Bandung, Jawa Barat"` stay ambiguous because both the kabupaten
///    and the kota lie in that province, and a province that contradicts
///    the name (`"Kota Kediri, Jawa Barat"`) gives [`Resolution::NotFound`].
///    With a province given, a name that is both a province and a
///    regency/city means the latter (`"Jambi, Jambi"` → Kota Jambi).
///
/// 6. If nothing above matches, a region named with its level word after a
///    comma at the end of an address (`"Jl. Dhoho 12, Kota Kediri"`, also
///    with a province after it) is read, when no part before it names a
///    region (`"Kota Kediri, Kota Malang"` stays [`Resolution::NotFound`]).
///
/// A bare name shared by several regions (`"Kediri"`, `"Malang"`,
/// `"Bandung"`, and `"Jambi"`, `"Bengkulu"`, `"Gorontalo"`, `"Yogyakarta"`
/// which are also provinces) is [`Resolution::Ambiguous`] with every
/// candidate. Never panics; anything else is [`Resolution::NotFound`].
pub fn resolve(text: &str) -> Resolution {
    match resolve_whole(text) {
        Resolution::NotFound if text.len() <= MAX_LEN => at_end_of_address(text),
        read => read,
    }
}

/// Rule 6: the region an address ends with. Only a part starting with a level word is read: a
/// bare trailing word may be a street's or a village's name as well as a regency's.
fn at_end_of_address(text: &str) -> Resolution {
    let parts: Vec<&str> = text.split(',').collect();
    for at in 1..parts.len() {
        if parts[..at].iter().any(|part| resolve_whole(part) != Resolution::NotFound) {
            return Resolution::NotFound;
        }
        let tail = text.splitn(at + 1, ',').last().unwrap_or_default();
        let leveled = tokenize(tail).and_then(|tokens| tokens.first().and_then(|t| level_word(t))).is_some();
        if leveled && let read @ (Resolution::Found(_) | Resolution::Ambiguous(_)) = resolve_whole(tail) {
            return read;
        }
    }
    Resolution::NotFound
}

/// The kabupaten/kota of a kecamatan's or kelurahan's code (`35.71.01`, `35.71.01.1001`, `357101`,
/// `3571011001`): Kemendagri codes nest by parts, and Pasar reads regions to the kabupaten/kota
/// (review39n R39n-7: a vendor in `35.71.01` was REGION_UNKNOWN while spending counted the code as
/// Kota Kediri's own).
fn kab_kota_above(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = code.split('.').collect();
    let head = match parts.as_slice() {
        [p, k, d, rest @ ..]
            if [p, k, d].iter().all(|s| s.len() == 2 && digits(s))
                && matches!(rest, [] | [_])
                && rest.iter().all(|v| v.len() == 4 && digits(v)) =>
        {
            format!("{p}.{k}")
        }
        [plain] if matches!(plain.len(), 6 | 10) && digits(plain) => format!("{}.{}", &plain[..2], &plain[2..4]),
        _ => return None,
    };
    table::by_code(&head).filter(|region| region.level != RegionLevel::Province)
}

fn resolve_whole(text: &str) -> Resolution {
    if table::looks_like_code(text) {
        return match table::by_code(text).or_else(|| table::by_legacy_code(text)).or_else(|| kab_kota_above(text)) {
            Some(region) => Resolution::Found(region),
            None => Resolution::NotFound,
        };
    }
    if text.len() > MAX_LEN {
        return Resolution::NotFound;
    }
    let Some(mut tokens) = tokenize(text) else {
        return Resolution::NotFound;
    };
    while tokens.last().is_some_and(|t| t == "indonesia" || is_postal_code(t)) {
        tokens.pop();
    }
    let direct = lookup(&tokens);
    if !direct.is_empty() {
        return conclude(direct);
    }
    for split in (1..tokens.len()).rev() {
        let Some(province) = province(&tokens[split..]) else {
            continue;
        };
        let mut candidates = lookup(&tokens[..split]);
        candidates.retain(|r| r.province_code == province.code);
        if candidates.iter().any(|r| r.level != RegionLevel::Province) {
            candidates.retain(|r| r.level != RegionLevel::Province);
        }
        if !candidates.is_empty() {
            return conclude(candidates);
        }
    }
    Resolution::NotFound
}

/// Turns a candidate list into a [`Resolution`].
fn conclude(mut candidates: Vec<&'static Region>) -> Resolution {
    candidates.sort_by_key(|r| r.code);
    candidates.dedup_by_key(|r| r.code);
    match candidates.as_slice() {
        [] => Resolution::NotFound,
        [one] => Resolution::Found(one),
        _ => Resolution::Ambiguous(candidates),
    }
}

/// The single province named by `tokens`, if any.
fn province(tokens: &[String]) -> Option<&'static Region> {
    let mut provinces = lookup(tokens);
    provinces.retain(|r| r.level == RegionLevel::Province);
    match provinces.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Every region named by `tokens` (rules 3 and 4 of [`resolve`]).
fn lookup(tokens: &[String]) -> Vec<&'static Region> {
    let mut rest = tokens;
    if let [first, tail @ ..] = rest
        && (first == "pemda" || first == "pemerintah")
    {
        rest = tail;
        if let [second, tail @ ..] = rest
            && second == "daerah"
        {
            rest = tail;
        }
    }
    let mut level = None;
    if let [first, tail @ ..] = rest
        && let Some(found) = level_word(first)
    {
        level = Some(found);
        rest = skip_administrative(tail);
    }
    if rest.is_empty() {
        return Vec::new();
    }
    if let Some(found) = INDEX.get(&compact(rest)) {
        return with_level(found, level);
    }
    let trimmed = strip_trailing_administrative(rest);
    if let [name @ .., last] = trimmed
        && !name.is_empty()
        && let Some(suffix) = level_word(last)
        && level.is_none_or(|l| l == suffix)
        && let Some(found) = INDEX.get(&compact(name))
    {
        return with_level(found, Some(suffix));
    }
    // "Kab./Kota Kediri": two level words; if they differ, neither applies.
    if let Some(first) = level
        && let [second, name @ ..] = rest
        && let Some(second) = level_word(second)
        && let Some(found) = INDEX.get(&compact(skip_administrative(name)))
    {
        return with_level(found, (first == second).then_some(first));
    }
    // "Kota Baru" for Kabupaten Kotabaru: the level word is part of the name.
    if level.is_some()
        && let Some(found) = INDEX.get(&compact(tokens))
    {
        return found.clone();
    }
    Vec::new()
}

fn with_level(found: &[&'static Region], level: Option<RegionLevel>) -> Vec<&'static Region> {
    found.iter().copied().filter(|r| level.is_none_or(|l| r.level == l)).collect()
}

/// The level a word announces, if it is one of the level words of rule 3.
fn level_word(token: &str) -> Option<RegionLevel> {
    match token {
        "kab" | "kabupaten" | "pemkab" => Some(RegionLevel::Regency),
        "kota" | "kotamadya" | "kodya" | "pemkot" => Some(RegionLevel::City),
        "provinsi" | "propinsi" | "prov" | "prop" | "pemprov" | "pemprop" => Some(RegionLevel::Province),
        _ => None,
    }
}

fn is_administrative(token: &str) -> bool {
    matches!(token, "adm" | "administrasi" | "administratif")
}

fn skip_administrative(tokens: &[String]) -> &[String] {
    match tokens {
        [first, tail @ ..] if is_administrative(first) => tail,
        _ => tokens,
    }
}

fn strip_trailing_administrative(tokens: &[String]) -> &[String] {
    match tokens {
        [head @ .., last] if is_administrative(last) => head,
        _ => tokens,
    }
}

fn is_postal_code(token: &str) -> bool {
    token.len() == 5 && token.bytes().all(|b| b.is_ascii_digit())
}

/// Lower-cased words of `text` (rule 2), or `None` if there are more than
/// [`MAX_TOKENS`].
fn tokenize(text: &str) -> Option<Vec<String>> {
    let mut tokens = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if tokens.len() == MAX_TOKENS {
            return None;
        }
        let word = word.to_lowercase();
        tokens.push(match word.as_str() {
            "kep" => "kepulauan".to_owned(),
            "sumatra" => "sumatera".to_owned(),
            _ => word,
        });
    }
    Some(tokens)
}

/// The lookup key: the words joined without separators.
fn compact(tokens: &[String]) -> String {
    tokens.concat()
}
