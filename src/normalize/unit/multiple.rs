//! A count of packs written with `x` beside a pack or a part of one: `2 x 1/2 Rim`, `1/2 Rim x
//! 2`, `2 x 1 Rim`, `Rim x 2`. Read as one pack, two half reams at Rp56.000 were Rp224 a sheet,
//! their group's dearest (review33m N1). A count of packs before a pack of reams (`2 Pack 1/2
//! Rim`: two half reams, or half a ream in two packs?) and a multiple followed by another pack
//! (`1 Rim x 5 Box`) are not read: the size is left unknown.

use super::lexicon::{base_unit, is_pack_word, number};

/// How many of the pack the words around it say the offer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Multiple {
    Times(u32),
    Unread,
}

/// The multiple around a pack statement running from `start` (its count or part) to `end` (its
/// pack word); `None` when there is none.
pub(super) fn around(words: &[&str], start: usize, end: usize) -> Option<Multiple> {
    let multiple = match (before(words, start), after(words, end)) {
        (None, None) => return None,
        (Some(n), None) | (None, Some(n)) => n,
        (Some(_), Some(_)) => Multiple::Unread,
    };
    Some(multiple)
}

fn before(words: &[&str], start: usize) -> Option<Multiple> {
    let prior = words.get(start.checked_sub(1)?)?;
    let counted = start.checked_sub(2).and_then(|i| number(words[i]));
    if *prior == "x" {
        return counted.map(Multiple::Times);
    }
    if let Some(n) = prior.strip_suffix('x').and_then(number) {
        return Some(Multiple::Times(n));
    }
    // `2 Pack 1/2 Rim`, `2 Pak 1 Rim`: is the count of outer packs of this one? (`Box 5 Rim` is
    // one box of five, read by the caller.)
    let one = number(words[start]).is_none_or(|n| n == 1);
    (one && is_pack_word(prior) && counted.is_some_and(|n| n > 1)).then_some(Multiple::Unread)
}

fn after(words: &[&str], end: usize) -> Option<Multiple> {
    let next = words.get(end + 1)?;
    let (n, follower) = if *next == "x" {
        (words.get(end + 2).and_then(|w| number(w))?, words.get(end + 3))
    } else {
        (next.strip_prefix('x').and_then(number)?, words.get(end + 2))
    };
    // `1 Rim x 5 Box`: five boxes of what?
    if follower.is_some_and(|w| is_pack_word(w) || base_unit(w).is_some()) {
        return Some(Multiple::Unread);
    }
    Some(Multiple::Times(n))
}
