//! Vendor names: canonical display name, matching key, legal form, and business scale.
//!
//! A name is folded (full-width → ASCII, NBSP → space), cut into words, and its legal form is read
//! from three places only: the front (`"PT. MAJU"`, `"P.T. Maju"`), after the last comma
//! (`"Maju Jaya, PT"`), and, for `PT`/`CV`/`UD`, the very end (`"MAJU JAYA PT"`). A form word
//! anywhere else is part of the name (`"Toko Buku PT Jaya"` is a Toko named `"BUKU PT JAYA"`).
//! `Tbk` and `Persero` become flags. A form is only taken off when some name is left, so `"PT"`
//! alone is a name, not an empty PT, and `"PT PT"` is a PT named `"PT"`.
//!
//! The display name is a fixpoint: read again it gives the same display name and core. So the
//! reading never depends on what the display drops (commas, loose `&`/`-` at the ends, unbalanced
//! or empty brackets, see `tidy.rs`), and since the display writes the form in front wherever it
//! was read, what follows it there (a koperasi kind, the same form again, `Persero`) is read as
//! following it (`"Persero Maju PT"` is `"PT Maju (Persero)"`).
//!
//! Decisions:
//! - A name without a form token is [`LegalForm::Unknown`], never `Perorangan`: a missing `PT` says
//!   nothing about who is behind the name.
//! - `Tbk` or `Persero` without any other form means [`LegalForm::Pt`].
//! - Koperasi kinds are written as their acronym: `"Koperasi Serba Usaha Maju"`, `"Kop. Serba
//!   Usaha Maju"` and `"KSU Maju"` all display `"KSU Maju"`, core `"KSU MAJU"` (the kind stays in
//!   the core: a KSU and a KPRI of the same name are different koperasi).
//! - `PD`, `BUMDes`, `PDAM` are not read as forms (`PD` is both Perusahaan Dagang and Perusahaan
//!   Daerah) and stay in the name.
//! - The separate legal-form field (`hint`) is used when the name has no form. When both name a
//!   form and they differ, the name wins (it is what the display shows) and
//!   [`CanonicalName::hint_conflict`] is set; a field that refines the name (`"PT Perorangan"` for
//!   a `PT …` name) is taken.

mod case;
mod forms;
mod lex;
mod memo;
mod read;
#[cfg(test)]
mod reread_tests;
mod scale;
#[cfg(test)]
mod tests;
mod tidy;

pub use forms::parse_legal_form;
pub use memo::{Read, read_name};
pub use scale::parse_scale;

use crate::model::LegalForm;
use forms::Form;
use lex::Item;
use read::{Found, front_form, take_followers, take_suffixes};

/// A vendor name split into legal form, core name and modifiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalName {
    /// Display name: legal form first, core in Title Case, modifiers last
    /// (`"PT Sinar Nusantara Tbk"`, `"PT Pos Indonesia (Persero)"`, `"KPRI Sejahtera"`).
    /// Empty when the raw name has no letters or digits.
    pub name: String,
    /// The core name for matching: uppercase, no legal form, no punctuation, single spaces
    /// (`"MAJU JAYA ABADI"`). Koperasi keep their kind (`"KPRI SEJAHTERA"`).
    pub core: String,
    /// The legal form read from the name, else from the hint.
    pub legal_form: LegalForm,
    /// A listed company (`Tbk`).
    pub tbk: bool,
    /// A state-owned Persero (`(Persero)`).
    pub persero: bool,
    /// The hint named a different legal form than the name; the name's form was kept.
    pub hint_conflict: bool,
}

/// Canonicalises a vendor name; `legal_form_hint` is a separate legal-form field
/// (`bentuk_usaha`), read with [`parse_legal_form`].
pub fn canonical_name(raw: &str, legal_form_hint: Option<&str>) -> CanonicalName {
    let mut modifiers = tidy::Modifiers::default();
    let mut items = tidy::tidy(lex::lex(raw), None, &mut modifiers);
    let mut found = Found { tbk: modifiers.tbk, persero: modifiers.persero, ..Found::default() };
    let front = front_form(&items);
    take_suffixes(&mut items, &mut found, front);
    if let Some((form, len)) = front {
        items.drain(..len);
        found.prefix = Some(form);
    }
    let name_form = found.prefix.or(found.suffix);
    let name_kind = found.prefix.and_then(|form| form.kind).or(found.suffix.and_then(|form| form.kind));

    let hint = legal_form_hint.map_or(LegalForm::Unknown, parse_legal_form);
    let from_name = match name_form {
        Some(form) => Some(form.form),
        None if found.tbk || found.persero => Some(LegalForm::Pt),
        None => None,
    };
    let (legal_form, hint_conflict) = match from_name {
        None => (hint, false),
        Some(form) if hint == LegalForm::Unknown || hint == form => (form, false),
        Some(LegalForm::Pt) if hint == LegalForm::PtPerorangan => (hint, false),
        Some(form @ (LegalForm::Ud | LegalForm::Toko)) if hint == LegalForm::Perorangan => (form, false),
        Some(form) => (form, true),
    };
    // The display writes the form in front of the core, wherever it was read; what follows it
    // is read now as a reader of the display will read it.
    let kind = match forms::written_form(legal_form) {
        Some(form) => take_followers(&mut items, &mut found, Form { form, kind: name_kind }),
        None => None,
    };
    let words = core_items(items, kind, &mut modifiers);
    found.tbk |= modifiers.tbk;
    found.persero |= modifiers.persero;
    let core = core_key(kind, &words);
    let mut parts: Vec<String> = Vec::new();
    if !core.is_empty() {
        match kind {
            Some(kind) => parts.push(kind.to_owned()),
            None => parts.push(forms::display_prefix(legal_form).to_owned()),
        }
        parts.push(display(&words));
        if found.persero {
            parts.push("(Persero)".to_owned());
        }
        if found.tbk {
            parts.push("Tbk".to_owned());
        }
    }
    parts.retain(|part| !part.is_empty());
    CanonicalName { name: parts.join(" "), core, legal_form, tbk: found.tbk, persero: found.persero, hint_conflict }
}

/// The merging key: legal-form code, `":"`, core (`"PT:MAJU JAYA ABADI"`).
///
/// `PT Perorangan` shares `PT`'s code and `Perorangan` shares `UNKNOWN`'s, because the name alone
/// cannot tell them apart and one marketplace may send the form field while another does not.
pub fn name_key(name: &CanonicalName) -> String {
    let code = match name.legal_form {
        LegalForm::PtPerorangan => legal_form_code(LegalForm::Pt),
        LegalForm::Perorangan => legal_form_code(LegalForm::Unknown),
        form => legal_form_code(form),
    };
    format!("{code}:{}", name.core)
}

/// A stable uppercase code for a legal form (`"PT"`, `"PT_PERORANGAN"`, `"KOPERASI"`, `"UNKNOWN"`).
pub fn legal_form_code(form: LegalForm) -> &'static str {
    match form {
        LegalForm::Pt => "PT",
        LegalForm::PtPerorangan => "PT_PERORANGAN",
        LegalForm::Cv => "CV",
        LegalForm::Ud => "UD",
        LegalForm::Koperasi => "KOPERASI",
        LegalForm::Firma => "FIRMA",
        LegalForm::Yayasan => "YAYASAN",
        LegalForm::Toko => "TOKO",
        LegalForm::Perum => "PERUM",
        LegalForm::Perumda => "PERUMDA",
        LegalForm::Perorangan => "PERORANGAN",
        LegalForm::Unknown => "UNKNOWN",
    }
}

/// The words and balanced, non-empty brackets that remain, without commas, without loose `&`/`-`
/// at the ends, and without the kind in brackets (`"(KPRI)"`).
fn core_items(items: Vec<Item>, kind: Option<&str>, modifiers: &mut tidy::Modifiers) -> Vec<Item> {
    tidy::tidy(items.into_iter().filter(|item| *item != Item::Comma).collect(), kind, modifiers)
}

/// The matching key: uppercase words, punctuation gone, single spaces.
fn core_key(kind: Option<&str>, items: &[Item]) -> String {
    let mut key = String::new();
    for word in kind.into_iter().chain(items.iter().filter_map(Item::word)) {
        for c in word.chars().filter(|c| *c != '\'') {
            if c.is_alphanumeric() || lex::is_combining(c) {
                key.push(c);
            } else if !key.ends_with(' ') {
                key.push(' ');
            }
        }
        if !key.ends_with(' ') {
            key.push(' ');
        }
    }
    key.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The core words for display, Title Case, parentheses hugging their contents.
fn display(items: &[Item]) -> String {
    let mut out = String::new();
    let mut first = true;
    let mut after_open = true;
    for item in items {
        match item {
            Item::Open => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push('(');
                after_open = true;
            }
            Item::Close => out.push(')'),
            Item::Word(word) => {
                if !after_open {
                    out.push(' ');
                }
                out.push_str(&case::display_word(&word.text, first));
                first = first && !word.has_content();
                after_open = false;
            }
            Item::Comma => {}
        }
    }
    out
}
