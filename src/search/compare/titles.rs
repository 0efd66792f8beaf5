//! Titles that say what a group is and tell groups apart. A title names the kind and the brand,
//! then the decisive specs and up to three words every offer of the group has (the model or the
//! variant: `Sewa Mobil Daihatsu Xenia +SOPIR`, `Tenaga Ahli Sistem Informasi`), in the order and
//! the letter case one of its offers writes them (`Laptop Lenovo ThinkPad E14 I7 16GB 1TB Windows
//! 11 Pro`, where the key's sorted order read `… 11 16GB 1TB E14 I7`). Without the words a group
//! of one variant read as the generic product ("Tenaga Ahli" for offers all of Sistem
//! Informasi), and groups that differ only in such words (`Toyota Avanza`, `Toyota Hiace
//! Commuter`, both "dengan Sopir") got one title. Where groups would still read the same, the
//! words that set each apart are chosen first.

use super::ProductGroup;
use crate::model::Offer;
use crate::normalize::product::{ProductKey, grouped_amount};
use std::collections::{BTreeSet, HashMap};

/// Most words added to a title.
const MOST_WORDS: usize = 3;

/// A title from the key alone: kind, brand, then specs in sorted order (`"Kertas HVS Sinar
/// Dunia 80GSM A4"`). A product of no known kind is named by its words instead (`"Joyko Clip
/// Paper 3"`), never by its brand and numbers alone. Groups that read the same by it are alike.
pub(super) fn group_title(key: &ProductKey) -> String {
    title_with(key, key.brand.as_deref(), &[], &Written::default())
}

/// Gives each group its title: kind and brand, then its specs and the words every offer of it
/// has, those that set it apart from groups otherwise titled alike first, as its reference offer
/// ([`reference`]) writes them.
///
/// Each group comes with [`group_title`] as its title (`build`), which is what alike means here.
pub(super) fn settle(groups: &mut [ProductGroup]) {
    let mut by_title: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, group) in groups.iter().enumerate() {
        by_title.entry(group.title.as_str()).or_default().push(at);
    }
    let written: Vec<Written> = groups.iter().map(|g| Written::new(reference(g))).collect();
    let words: Vec<Vec<&str>> = groups.iter().zip(&written).map(|(g, w)| w.in_order(own_words(g))).collect();
    let titles: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(at, group)| {
            let alike = by_title.get(group.title.as_str()).map_or(&[][..], Vec::as_slice);
            let mine = &words[at];
            let apart = |w: &str| alike.iter().any(|&other| other != at && !words[other].contains(&w));
            let (set_apart, rest): (Vec<&str>, Vec<&str>) = mine.iter().partition(|w| apart(w));
            let first: Vec<&str> = set_apart.into_iter().chain(rest).take(MOST_WORDS).collect();
            let chosen: Vec<String> = mine.iter().filter(|w| first.contains(w)).map(|w| w.to_string()).collect();
            title_with(&group.key, group.brand(), &chosen, &written[at])
        })
        .collect();
    for (group, title) in groups.iter_mut().zip(titles) {
        group.title = title;
    }
}

/// The offer title a group's title follows: the one that writes the brand earliest, in mixed
/// case if one does, then the lowest marketplace and id. The model usually follows the brand
/// (`Lenovo ThinkPad E14 - Laptop Kantor Core i7 …` rather than `Laptop Kantor Core i7 … merk
/// Lenovo ThinkPad E14`), and the choice leaves out the offers' order, which a buyer's region
/// changes: the same offers are titled alike for every buyer.
fn reference(group: &ProductGroup) -> &str {
    let brand = group.lead.brand.as_deref().and_then(|b| b.split_whitespace().next()).map(str::to_lowercase);
    let rank = |offer: &Offer| {
        let words = Written::new(&offer.title);
        let at = brand.as_deref().and_then(|b| words.lower.iter().position(|w| w == b)).unwrap_or(usize::MAX);
        (at, !words.mixed)
    };
    let first = |a: &&Offer, b: &&Offer| {
        rank(a).cmp(&rank(b)).then_with(|| (&a.marketplace, &a.source_id).cmp(&(&b.marketplace, &b.source_id)))
    };
    group.offers.iter().map(|(offer, _)| offer).min_by(first).map_or("", |offer| offer.title.as_str())
}

/// Kind and brand, then the words (the key's own when it names no kind, and `added`) and the
/// specs, in the order `written` has them (what it does not show last, words first). A brand no
/// table knows and no offer states (`brand` is `None`) is one of the words: `Seragam PDH Lengan
/// Panjang KHAKI`, where "Lengan" was taken for a brand only because the reader does not know it.
/// A bare number brings the word written before it when the title lacks it (`Isi 4`, `Hype 5`):
/// alone it says nothing. An amount shows as `Rp 150.000` however an offer writes it (review36
/// R36-10: "RP150000", or nothing where one offer wrote `150.000` and another `Rp 150rb`).
fn title_with(key: &ProductKey, brand: Option<&str>, added: &[String], written: &Written) -> String {
    let kind =
        key.shown_kind().split_whitespace().map(|w| written.cased(w, if w.len() <= 3 { upper } else { capitalise }));
    let included = |w: &String| key.specs.iter().any(|s| s.strip_prefix('+') == Some(w.as_str()));
    let guessed = key.brand.as_deref().filter(|_| brand.is_none()).map(str::to_lowercase).filter(|w| !included(w));
    // A guessed brand is a phrase of the title's words: none of them is said again beside it
    // (review32w W32-10: `Stub Clamp Clamp 000`).
    let guessed_words: Vec<String> = guessed.iter().flat_map(|g| g.split_whitespace()).map(str::to_string).collect();
    let own = key.kind.is_empty().then(|| key.tokens.iter().cloned()).into_iter().flatten();
    let rest = own.chain(added.iter().cloned()).filter(|w| !guessed_words.contains(w));
    let words = guessed.into_iter().chain(rest).map(|w| (w, false));
    let mut parts: Vec<(String, bool)> = words.chain(key.specs.iter().map(|s| (s.clone(), true))).collect();
    parts.sort_by_key(|(part, _)| written.place(part));
    let mut shown: Vec<String> = key.shown_kind().split_whitespace().map(str::to_string).collect();
    shown.extend(brand.iter().flat_map(|b| b.split_whitespace()).map(str::to_lowercase));
    shown
        .extend(parts.iter().flat_map(|(part, _)| part.trim_start_matches('+').split_whitespace()).map(str::to_string));
    let mut out: Vec<String> = kind.chain(brand.map(str::to_string)).collect();
    for (part, spec) in &parts {
        let amount = spec.then(|| grouped_amount(part)).flatten();
        // An amount says what it is alone: `Meterai 6000`, not "Meterai Materai 6000".
        if let Some(lead) = written.lead(part).filter(|lead| amount.is_none() && !shown.iter().any(|s| s == lead)) {
            out.push(written.cased(lead, capitalise));
        }
        out.push(match amount {
            Some((true, number)) => format!("Rp {number}"),
            Some((false, number)) if written.writes(&number) => number,
            _ => written.cased(part, if *spec { upper } else { capitalise }),
        });
    }
    out.retain(|p| !p.is_empty());
    out.join(" ")
}

/// A title's words as written and lower-cased, split at anything not a letter or digit.
#[derive(Default)]
struct Written {
    lower: Vec<String>,
    original: Vec<String>,
    /// Whether the title mixes cases: only then is its writing of a word taken over (`ThinkPad`,
    /// `Box`), not from a title in capitals throughout or in lower case.
    mixed: bool,
    title: String,
}

impl Written {
    fn new(title: &str) -> Self {
        let original: Vec<String> =
            title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
        let lower = original.iter().map(|w| w.to_lowercase()).collect();
        let mixed = title.chars().any(char::is_lowercase) && title.chars().any(char::is_uppercase);
        Self { lower, original, mixed, title: title.to_string() }
    }

    /// Whether the title writes `number` grouped (`20.000` in "Token Listrik 20.000", or `20 000`).
    fn writes(&self, number: &str) -> bool {
        self.title.contains(number) || self.title.contains(&number.replace('.', " "))
    }

    /// Where a part of the title (`16gb`, `+sopir`, `xenia`) is first written: the word it is,
    /// else the first word it begins with (`16` of "16 GB"); `usize::MAX` when it is not found.
    fn place(&self, part: &str) -> usize {
        let part = part.trim_start_matches('+');
        let begins =
            |w: &String| (w.len() >= 2 || w.bytes().all(|b| b.is_ascii_digit())) && part.starts_with(w.as_str());
        self.lower.iter().position(|w| w == part).or_else(|| self.lower.iter().position(begins)).unwrap_or(usize::MAX)
    }

    /// `words` in the order this title writes them.
    fn in_order<'a>(&self, words: BTreeSet<&'a str>) -> Vec<&'a str> {
        let mut ordered: Vec<&str> = words.into_iter().collect();
        ordered.sort_by_key(|w| self.place(w));
        ordered
    }

    /// The word written just before a bare number (`isi` of "Isi 4 Kue"), when it is a word.
    fn lead(&self, part: &str) -> Option<&str> {
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let at = self.lower.iter().position(|w| w == part)?;
        let before = self.lower.get(at.checked_sub(1)?)?;
        before.chars().all(char::is_alphabetic).then_some(before.as_str())
    }

    /// `part` as this title writes it when it mixes cases and writes it in mixed case or as a
    /// short capitalised code (`HVS`, `E14`), else `default` of it. What a title includes
    /// (`+SOPIR` of "dengan Sopir") is the reader's mark, not a written word: always `default`.
    fn cased(&self, part: &str, default: fn(&str) -> String) -> String {
        if part.contains(' ') {
            return part.split(' ').map(|word| self.cased(word, default)).collect::<Vec<_>>().join(" ");
        }
        let at = self.lower.iter().position(|w| w == part).filter(|_| self.mixed);
        let taken = at.map(|at| self.original[at].as_str()).filter(|w| {
            let (up, low) = (w.chars().any(char::is_uppercase), w.chars().any(char::is_lowercase));
            up && (low || w.chars().count() <= 4)
        });
        taken.map_or_else(|| default(part), str::to_string)
    }
}

/// The words beyond kind, brand and specs that every offer of the group has and its title (still
/// [`group_title`]) does not already show (an unknown brand stays among the words too).
fn own_words(group: &ProductGroup) -> BTreeSet<&str> {
    let key = &group.key;
    // `+TEH` shows `teh` already: "Snack Box Isi 2 +TEH", not "… Teh +TEH".
    let shown: Vec<String> = group.title.split_whitespace().map(|w| w.trim_start_matches('+').to_lowercase()).collect();
    group
        .matched
        .matched_tokens
        .iter()
        .filter(|w| key.tokens.binary_search(w).is_ok() && !shown.contains(w))
        .map(String::as_str)
        .collect()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn upper(word: &str) -> String {
    word.to_uppercase()
}
