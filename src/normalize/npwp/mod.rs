//! NPWP (Indonesian tax id) parsing: 15-digit, 16-digit badan and 16-digit NIK-based forms.
//!
//! NPWP15 is `XX.XXX.XXX.X-XXX.XXX`: 9 digits that name the taxpayer (shared by all its branches),
//! 3 for the tax office, 3 for the branch (`000` = head office). Since PMK 112/PMK.03/2022 a badan
//! uses `"0" + NPWP15` as its 16-digit NPWP and a resident individual uses the NIK.
//!
//! Decisions:
//! - `npwp16` is derived from a 15-digit input only for legal forms that are a badan of their own
//!   ([`is_badan`]: PT, CV, Firma, Koperasi, Yayasan, Perum, Perumda). A UD or a Toko is run on its
//!   owner's personal NPWP, whose 16-digit form is the owner's NIK, and an unknown form may be an
//!   individual too: for those `npwp16` is `None` rather than a guess.
//! - A 16-digit number starting with `0` is a badan NPWP16 whatever the legal form says; any other
//!   16-digit number is NIK-based. The NIK's inner structure (region, birth date) is not checked.
//! - Dots, dashes, slashes, commas and any kind of space are separators; full-width digits fold to
//!   ASCII; any other character is [`NpwpError::BadCharacters`]. `"-"`, `"null"`, `"N/A"`,
//!   `"tidak ada"` and the like are [`NpwpError::Empty`].
//! - Placeholders: one repeated digit (`000000000000000`, `111111111111111`), a straight run
//!   (`012345678901234`, `987654321098765`), an all-zero taxpayer part (`000000000xxx000`) and
//!   all-zero input of any length. `01.234.567.8-909.000` is *not* one: only whole-number runs are.
//! - 22-digit NITKU (NPWP16 + 6-digit branch) is not accepted: its format is unverified.

use crate::codes::Code;
use crate::model::LegalForm;

#[cfg(test)]
mod tests;

/// A validated NPWP in every form Pasar keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Npwp {
    /// The 16-digit NPWP: `"0"` + NPWP15 for a badan, the input when it had 16 digits; `None` for a
    /// 15-digit number of an individual or unknown form (the NIK cannot be derived).
    pub npwp16: Option<String>,
    /// The 15-digit NPWP, digits only, when the input had 15 digits or 16 starting with `0`.
    pub npwp15: Option<String>,
    /// The legal-entity key for merging: the first 9 digits of NPWP15 (branches share it), or all 16
    /// digits of a NIK-based number.
    pub entity_key: String,
    /// The branch: the last 3 digits of NPWP15 (`"000"` = head office); `None` when NIK-based.
    pub branch: Option<String>,
    /// Whether the number is a NIK used as NPWP (16 digits, not starting with `0`).
    pub nik_based: bool,
}

/// Why an NPWP was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NpwpError {
    /// Nothing but spaces and separators, or a word for "none" (`"-"`, `"N/A"`).
    #[error("the NPWP is empty")]
    Empty,
    /// Not 15 or 16 digits.
    #[error("the NPWP has {digits} digits, not 15 or 16")]
    WrongLength {
        /// How many digits it had.
        digits: usize,
    },
    /// A filler value: all zeros, one repeated digit, a straight run of digits.
    #[error("the NPWP is a placeholder, not a real number")]
    Placeholder,
    /// Characters other than digits and separators.
    #[error("the NPWP holds characters other than digits, dots, dashes and spaces")]
    BadCharacters,
}

impl NpwpError {
    /// The stable code clients see (the registry in `codes.rs`).
    pub fn code(&self) -> &'static str {
        let code = match self {
            Self::Empty => Code::NpwpEmpty,
            Self::WrongLength { .. } => Code::NpwpWrongLength,
            Self::Placeholder => Code::NpwpPlaceholder,
            Self::BadCharacters => Code::NpwpBadCharacters,
        };
        code.as_str()
    }
}

/// Words that mean "no NPWP", compared lowercase after trimming.
const NONE_WORDS: &[&str] =
    &["-", "--", "n/a", "na", "nil", "none", "null", "undefined", "nan", "kosong", "tidak ada", "belum ada"];

/// Whether a legal form is a badan with its own NPWP, so that NPWP16 = `"0"` + NPWP15.
pub fn is_badan(form: LegalForm) -> bool {
    match form {
        LegalForm::Pt
        | LegalForm::PtPerorangan
        | LegalForm::Cv
        | LegalForm::Firma
        | LegalForm::Koperasi
        | LegalForm::Yayasan
        | LegalForm::Perum
        | LegalForm::Perumda => true,
        LegalForm::Ud | LegalForm::Toko | LegalForm::Perorangan | LegalForm::Unknown => false,
    }
}

/// Parses an NPWP as sent (`"01.234.567.8-909.000"`, `"012345678909000"`, `"0012345678909000"`,
/// a NIK) for a vendor of the given legal form.
pub fn parse_npwp(raw: &str, legal_form: LegalForm) -> Result<Npwp, NpwpError> {
    let trimmed = raw.trim();
    if NONE_WORDS.iter().any(|word| trimmed.eq_ignore_ascii_case(word)) {
        return Err(NpwpError::Empty);
    }
    let digits = digits_of(raw)?;
    if digits.is_empty() {
        return Err(NpwpError::Empty);
    }
    if digits.bytes().all(|b| b == b'0') {
        return Err(NpwpError::Placeholder);
    }
    match digits.len() {
        15 => {
            let npwp15 = checked_npwp15(&digits)?;
            let npwp16 = is_badan(legal_form).then(|| format!("0{npwp15}"));
            Ok(from_npwp15(npwp15, npwp16))
        }
        16 if digits.starts_with('0') => {
            let npwp15 = checked_npwp15(&digits[1..])?;
            Ok(from_npwp15(npwp15, Some(digits.clone())))
        }
        16 => {
            if is_run(&digits) {
                return Err(NpwpError::Placeholder);
            }
            Ok(Npwp { npwp16: Some(digits.clone()), npwp15: None, entity_key: digits, branch: None, nik_based: true })
        }
        digits => Err(NpwpError::WrongLength { digits }),
    }
}

/// The ASCII digits of `raw`, with separators dropped and full-width digits folded.
fn digits_of(raw: &str) -> Result<String, NpwpError> {
    let mut digits = String::new();
    for c in raw.chars() {
        let c = match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        };
        match c {
            '0'..='9' => digits.push(c),
            '.' | '-' | '/' | ',' | '\u{FF0E}' | '\u{FF0D}' | '\u{2010}'..='\u{2015}' => {}
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' => {}
            c if c.is_whitespace() => {}
            _ => return Err(NpwpError::BadCharacters),
        }
    }
    Ok(digits)
}

/// Rejects placeholder NPWP15s; `digits` is 15 ASCII digits.
fn checked_npwp15(digits: &str) -> Result<&str, NpwpError> {
    if is_run(digits) || digits.get(..9).is_some_and(|taxpayer| taxpayer.bytes().all(|b| b == b'0')) {
        return Err(NpwpError::Placeholder);
    }
    Ok(digits)
}

fn from_npwp15(npwp15: &str, npwp16: Option<String>) -> Npwp {
    Npwp {
        npwp16,
        npwp15: Some(npwp15.to_owned()),
        entity_key: npwp15.get(..9).unwrap_or(npwp15).to_owned(),
        branch: npwp15.get(12..).map(str::to_owned),
        nik_based: false,
    }
}

/// Whether ASCII digits are one digit repeated or a straight run up or down (wrapping 9 → 0).
fn is_run(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    [0u8, 1, 9].iter().any(|step| bytes.windows(2).all(|pair| pair[1] == b'0' + (pair[0] - b'0' + step) % 10))
}
