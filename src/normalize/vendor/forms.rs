//! Legal-form tokens: which words name a legal form, and how forms are written back.

use super::lex::{Item, lex};
use crate::model::LegalForm;

/// A legal form read from a name, with the koperasi kind when one was named (`"KPRI"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Form {
    pub(super) form: LegalForm,
    pub(super) kind: Option<&'static str>,
}

/// One way of writing a legal form inside a name.
struct Phrase {
    words: &'static [&'static str],
    form: LegalForm,
    /// Only counts with a dot after it (`"Tk."`: a bare `"TK"` is a kindergarten).
    needs_dot: bool,
    /// Also counts at the very end of a name without a comma before it (`"MAJU JAYA PT"`).
    bare_suffix: bool,
}

const fn phrase(words: &'static [&'static str], form: LegalForm) -> Phrase {
    Phrase { words, form, needs_dot: false, bare_suffix: false }
}

const fn code(words: &'static [&'static str], form: LegalForm) -> Phrase {
    Phrase { words, form, needs_dot: false, bare_suffix: true }
}

/// Koperasi kinds: the acronym and the words it stands for after "Koperasi".
pub(super) const KOPERASI_KINDS: &[(&str, &[&str])] = &[
    ("KPRI", &["PEGAWAI", "REPUBLIK", "INDONESIA"]),
    ("KPN", &["PEGAWAI", "NEGERI"]),
    ("KSPPS", &["SIMPAN", "PINJAM", "DAN", "PEMBIAYAAN", "SYARIAH"]),
    ("KSP", &["SIMPAN", "PINJAM"]),
    ("KSU", &["SERBA", "USAHA"]),
    ("KUD", &["UNIT", "DESA"]),
    ("KOPKAR", &["KARYAWAN"]),
    ("KOPWAN", &["WANITA"]),
    ("KOPONTREN", &["PONDOK", "PESANTREN"]),
];

/// The most words in one of [`PHRASES`].
const MAX_PHRASE_WORDS: usize = 3;

const PHRASES: &[Phrase] = &[
    code(&["PT"], LegalForm::Pt),
    phrase(&["PERSEROAN", "TERBATAS"], LegalForm::Pt),
    code(&["CV"], LegalForm::Cv),
    phrase(&["COMMANDITAIRE", "VENNOOTSCHAP"], LegalForm::Cv),
    phrase(&["PERSEKUTUAN", "KOMANDITER"], LegalForm::Cv),
    code(&["UD"], LegalForm::Ud),
    phrase(&["USAHA", "DAGANG"], LegalForm::Ud),
    phrase(&["FA"], LegalForm::Firma),
    phrase(&["FIRMA"], LegalForm::Firma),
    phrase(&["TOKO"], LegalForm::Toko),
    Phrase { words: &["TK"], form: LegalForm::Toko, needs_dot: true, bare_suffix: false },
    phrase(&["KOPERASI"], LegalForm::Koperasi),
    phrase(&["KOP"], LegalForm::Koperasi),
    phrase(&["YAYASAN"], LegalForm::Yayasan),
    phrase(&["PERUM"], LegalForm::Perum),
    phrase(&["PERUSAHAAN", "UMUM"], LegalForm::Perum),
    phrase(&["PERUMDA"], LegalForm::Perumda),
    phrase(&["PERUSAHAAN", "UMUM", "DAERAH"], LegalForm::Perumda),
];

// `form_ending_at` looks back at most `MAX_PHRASE_WORDS` words.
const _: () = {
    let mut at = 0;
    while at < PHRASES.len() {
        assert!(PHRASES[at].words.len() <= MAX_PHRASE_WORDS);
        at += 1;
    }
};

/// The koperasi acronyms as one-word phrases (`"KSU Maju Bersama"`).
fn koperasi_acronym(word: &str) -> Option<&'static str> {
    KOPERASI_KINDS.iter().map(|(acronym, _)| *acronym).find(|acronym| *acronym == word)
}

/// The uppercase words of `items[at..at + len]`, when they are all words.
fn words_at(items: &[Item], at: usize, len: usize) -> Option<Vec<&str>> {
    items.get(at..at.checked_add(len)?)?.iter().map(Item::word).collect()
}

/// Whether the words of `phrase` start at `items[at]`, with commas allowed between them: the
/// display drops commas, so `"Perseroan, Terbatas"` must read like `"Perseroan Terbatas"`.
/// Gives the number of items spanned and whether the last word had a dot after it.
fn phrase_at(items: &[Item], at: usize, phrase: &[&str]) -> Option<(usize, bool)> {
    let mut next = at;
    let mut dotted = false;
    for (n, expected) in phrase.iter().enumerate() {
        if n > 0 {
            next += items.get(next..)?.iter().take_while(|item| **item == Item::Comma).count();
        }
        match items.get(next)? {
            Item::Word(word) if word.text == *expected => dotted = word.dotted,
            _ => return None,
        }
        next += 1;
    }
    Some((next - at, dotted))
}

/// The longest legal-form phrase starting at `items[at]`, with its length in items.
/// `bare_suffix_only` keeps only the short codes that may close a name without a comma.
pub(super) fn form_at(items: &[Item], at: usize, bare_suffix_only: bool) -> Option<(Form, usize)> {
    if let Some(kind) = items.get(at).and_then(Item::word).and_then(koperasi_acronym) {
        if bare_suffix_only {
            return None;
        }
        return Some((Form { form: LegalForm::Koperasi, kind: Some(kind) }, 1));
    }
    PHRASES
        .iter()
        .filter(|p| !bare_suffix_only || p.bare_suffix)
        .filter_map(|p| {
            phrase_at(items, at, p.words).filter(|(_, dotted)| *dotted || !p.needs_dot).map(|(len, _)| (p, len))
        })
        .max_by_key(|(p, _)| p.words.len())
        .map(|(p, len)| (Form { form: p.form, kind: None }, len))
}

/// The longest legal-form phrase that ends exactly at `items[end - 1]`, with its length in items.
pub(super) fn form_ending_at(items: &[Item], end: usize, bare_suffix_only: bool) -> Option<(Form, usize)> {
    let mut longest = None;
    let mut words = 0;
    for start in (0..end).rev() {
        match items[start] {
            Item::Comma => continue,
            Item::Word(_) => {}
            Item::Open | Item::Close => break,
        }
        if let Some((form, len)) = form_at(items, start, bare_suffix_only)
            && start + len == end
        {
            longest = Some((form, len));
        }
        words += 1;
        if words == MAX_PHRASE_WORDS {
            break;
        }
    }
    longest
}

/// The koperasi kind written out after "Koperasi" (`"Serba Usaha"`) or as its acronym (`"KSU"`).
pub(super) fn koperasi_kind_at(items: &[Item], at: usize) -> Option<(&'static str, usize)> {
    if let Some(kind) = items.get(at).and_then(Item::word).and_then(koperasi_acronym) {
        return Some((kind, 1));
    }
    KOPERASI_KINDS.iter().find_map(|(acronym, words)| phrase_at(items, at, words).map(|(len, _)| (*acronym, len)))
}

/// Whether the word is the `Tbk` (listed company) modifier.
pub(super) fn is_tbk(word: &str) -> bool {
    word == "TBK"
}

/// Whether the word is the `Persero` (state-owned PT) modifier.
pub(super) fn is_persero(word: &str) -> bool {
    word == "PERSERO"
}

/// How a legal form is written at the front of a display name (`""` when it is not written).
pub(super) fn display_prefix(form: LegalForm) -> &'static str {
    match form {
        LegalForm::Pt | LegalForm::PtPerorangan => "PT",
        LegalForm::Cv => "CV",
        LegalForm::Ud => "UD",
        LegalForm::Firma => "Firma",
        LegalForm::Koperasi => "Koperasi",
        LegalForm::Yayasan => "Yayasan",
        LegalForm::Toko => "Toko",
        LegalForm::Perum => "Perum",
        LegalForm::Perumda => "Perumda",
        LegalForm::Perorangan | LegalForm::Unknown => "",
    }
}

/// Words a separate legal-form field may hold besides the name tokens.
const FIELD_ONLY: &[(&[&str], LegalForm)] = &[
    (&["PT", "PERORANGAN"], LegalForm::PtPerorangan),
    (&["PERSEROAN", "PERORANGAN"], LegalForm::PtPerorangan),
    (&["PERORANGAN"], LegalForm::Perorangan),
    (&["PERSEORANGAN"], LegalForm::Perorangan),
    (&["ORANG", "PRIBADI"], LegalForm::Perorangan),
    (&["INDIVIDU"], LegalForm::Perorangan),
    (&["INDIVIDUAL"], LegalForm::Perorangan),
    (&["PERSERO"], LegalForm::Pt),
    (&["PT", "PERSERO"], LegalForm::Pt),
    (&["PT", "TBK"], LegalForm::Pt),
    (&["TBK"], LegalForm::Pt),
    (&["LIMITED", "LIABILITY", "COMPANY"], LegalForm::Pt),
    (&["LIMITED", "PARTNERSHIP"], LegalForm::Cv),
    (&["COOPERATIVE"], LegalForm::Koperasi),
    (&["FOUNDATION"], LegalForm::Yayasan),
    (&["TK"], LegalForm::Toko),
    (&["BUMD"], LegalForm::Perumda),
    (&["PERUSAHAAN", "DAERAH"], LegalForm::Perumda),
];

/// Reads a separate legal-form field (`bentuk_usaha`: `"PT"`, `"Perseroan Terbatas"`,
/// `"Koperasi"`, `"Perorangan"`, `"PT Perorangan"`, …).
///
/// The whole field must name one form; anything else (`""`, `"Lainnya"`, `"Persekutuan Perdata"`,
/// `"BUMN"`, which may be a Persero or a Perum) is [`LegalForm::Unknown`].
pub fn parse_legal_form(text: &str) -> LegalForm {
    let items: Vec<Item> = lex(text).into_iter().filter(|item| *item != Item::Comma).collect();
    let Some(words) = words_at(&items, 0, items.len()) else {
        return LegalForm::Unknown;
    };
    if words.is_empty() {
        return LegalForm::Unknown;
    }
    if let Some((_, form)) = FIELD_ONLY.iter().find(|(field, _)| *field == words.as_slice()) {
        return *form;
    }
    if words == ["KOPERASI"] || words == ["KOP"] {
        return LegalForm::Koperasi;
    }
    if words.first().is_some_and(|w| matches!(*w, "KOPERASI" | "KOP"))
        && koperasi_kind_at(&items, 1).is_some_and(|(_, len)| len + 1 == items.len())
    {
        return LegalForm::Koperasi;
    }
    match form_at(&items, 0, false) {
        Some((form, len)) if len == items.len() => form.form,
        _ => LegalForm::Unknown,
    }
}

/// The form a reader takes the written [`display_prefix`] for (`PT Perorangan` is written `"PT"`),
/// or `None` when no form is written.
pub(super) fn written_form(form: LegalForm) -> Option<LegalForm> {
    match form {
        LegalForm::PtPerorangan => Some(LegalForm::Pt),
        LegalForm::Perorangan | LegalForm::Unknown => None,
        form => Some(form),
    }
}
