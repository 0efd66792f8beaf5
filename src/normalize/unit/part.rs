//! A part of a pack written before its word: `1/2 Rim`, `½ Lusin`, `Setengah Rim`, `0,5 Rim`; or
//! after a ream's: `Rim (1/2)`, `Rim isi 1/2` (review33m N2: read as a whole ream, Rp56 a sheet).
//! Read as the whole pack, a half ream at Rp30.000 was its group's cheapest at Rp60 a sheet
//! (review33w W33-1). A part is read only when it gives a whole count of base units (a half
//! ream is 250 sheets; a third is no count of sheets) and stands alone: `1 1/2 Rim` and `70 1/2
//! Rim` may be a mixed number or a grammage beside a half, so neither is read as a half.

use super::CONTAINERS;
use super::FILLERS;
use super::lexicon::{BOUNDARY, fixed_pack, is_pack_word, number};

/// Packs a part is read after (`Rim 1/2`, `Rim (1/2)`, `Rim isi 1/2`): after a dozen or a
/// gross, a part is as often the size of each piece (`Kran Air Lusin 1/2` of half-inch taps),
/// so it leaves the size unknown there.
const READ_AFTER: &[&str] = &["rim"];

/// Words after a part that make it a size, not a part of the pack (`Rim 1/2 Folio`).
const SIZE_WORDS: &[&str] = &["folio", "kwarto", "quarto", "inch", "inchi", "inci", "in", "mm", "cm", "m"];

/// Words and signs for a part, as numerator and denominator.
const PART_WORDS: &[(&str, u32, u32)] = &[
    ("setengah", 1, 2),
    ("separuh", 1, 2),
    ("half", 1, 2),
    ("seperempat", 1, 4),
    ("sepertiga", 1, 3),
    ("½", 1, 2),
    ("¼", 1, 4),
    ("¾", 3, 4),
    ("⅓", 1, 3),
    ("⅔", 2, 3),
];

/// Fraction digits a decimal part may have (`0,5`, `0,25`); `1.000` is a thousand, not a part.
const MAX_DECIMALS: usize = 2;

/// What a part before a pack of `size` base units makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// So many base units, a whole count.
    Exact(u32),
    /// A part that gives no whole count, or is not read for sure.
    Unread,
}

/// The part written before the pack word at `at`, if the word before it is one.
pub(super) fn before(words: &[&str], at: usize, size: u32) -> Option<Part> {
    let word = words.get(at.checked_sub(1)?)?;
    let (numerator, denominator) = match fraction(word) {
        Some(Some(fraction)) => fraction,
        Some(None) => return Some(Part::Unread),
        None => return None,
    };
    let after_number = at.checked_sub(2).is_some_and(|i| number(words[i]).is_some());
    Some(if after_number { Part::Unread } else { of_size(size, numerator, denominator) })
}

/// The part written after the pack word at `at`, alone or after `isi`, where nothing follows it
/// but the end of the statement. A decimal there is a size (`Pulpen Gel Lusin 0,5`), not read.
pub(super) fn after(words: &[&str], at: usize, size: u32) -> Option<Part> {
    let next = if words.get(at + 1) == Some(&"isi") { at + 2 } else { at + 1 };
    let word = words.get(next)?;
    // `Rim 1/2 Folio` is a size; `5 Rim (1/2 Box)` half a box.
    let follower = words.get(next + 1).copied().unwrap_or_default();
    if word.contains([',', '.']) || SIZE_WORDS.contains(&follower) || is_pack_word(follower) {
        return None;
    }
    let fraction = fraction(word)?;
    let ends = words.get(next + 1).is_none_or(|w| *w == BOUNDARY || FILLERS.contains(w));
    let counted = at.checked_sub(1).is_some_and(|i| number(words[i]).is_some());
    Some(match fraction {
        Some((numerator, denominator)) if ends && !counted && READ_AFTER.contains(&words[at]) => {
            of_size(size, numerator, denominator)
        }
        _ => Part::Unread,
    })
}

/// That part of `size` base units, when it is a whole count.
fn of_size(size: u32, numerator: u32, denominator: u32) -> Part {
    let scaled = size.checked_mul(numerator).filter(|_| denominator > 0);
    let exact = scaled.filter(|s| s % denominator == 0).map(|s| s / denominator).filter(|q| *q > 0);
    exact.map_or(Part::Unread, Part::Exact)
}

/// Whether the words state a part of the container `pack` (`1/2 Dus`); a fixed pack's part is
/// its reading, not beside it.
pub(super) fn of_container(words: &[&str], pack: &str) -> bool {
    CONTAINERS.contains(&pack) && (1..words.len()).any(|at| words[at] == pack && fraction(words[at - 1]).is_some())
}

/// Whether the words state a part of a pack word (`1/2 rim`), read or not.
pub(super) fn states_part(words: &[&str]) -> bool {
    (0..words.len()).any(|at| {
        fixed_pack(words[at]).is_some_and(|(_, size)| {
            at.checked_sub(1).is_some_and(|i| fraction(words[i]).is_some()) || after(words, at, size).is_some()
        })
    })
}

/// A word's fraction: `Some(Some((n, d)))` when read, `Some(None)` when it is a part not read
/// (`1½`, `1.000`), `None` when it is no part at all.
fn fraction(word: &str) -> Option<Option<(u32, u32)>> {
    if let Some((_, n, d)) = PART_WORDS.iter().find(|(w, _, _)| *w == word) {
        return Some(Some((*n, *d)));
    }
    if word.chars().any(|c| PART_WORDS.iter().any(|(w, _, _)| w.chars().eq([c]))) {
        return Some(None);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    // `2x1/2`: a count of parts glued to one, not read.
    if let Some((count, part)) = word.split_once('x')
        && digits(count)
        && fraction(part).is_some()
    {
        return Some(None);
    }
    let (whole, rest, sep) = split_at_separator(word)?;
    if !digits(whole) || !digits(rest) {
        return None;
    }
    let read = if sep == '/' {
        whole.parse().ok().zip(rest.parse().ok())
    } else if rest.len() <= MAX_DECIMALS {
        let denominator = 10u32.pow(rest.len() as u32);
        whole
            .parse::<u32>()
            .ok()
            .and_then(|w| w.checked_mul(denominator)?.checked_add(rest.parse().ok()?))
            .map(|n| (n, denominator))
    } else {
        None
    };
    Some(read)
}

/// `1/2` → `1`, `2`, `/`; `0,5` → `0`, `5`, `,`: one separator between digits.
fn split_at_separator(word: &str) -> Option<(&str, &str, char)> {
    let at = word.find(['/', ',', '.'])?;
    let sep = word[at..].chars().next()?;
    let (whole, rest) = (&word[..at], &word[at + 1..]);
    (!rest.contains(['/', ',', '.'])).then_some((whole, rest, sep))
}
