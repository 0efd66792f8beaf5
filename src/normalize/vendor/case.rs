//! Display casing of the words of a vendor name.
//!
//! Source casing is ignored on purpose: `"PT. MAJU JAYA ABADI"` and `"PT Maju Jaya Abadi"` must
//! display the same on every marketplace. Words are Title Case, except acronyms that can be told
//! apart without the source casing (no vowel: `"PLN"`; a short list: `"ATK"`, `"BNI"`), roman
//! numerals (`"II"`), short letter+digit codes (`"A1"`, `"3M"`) and a few joining words
//! (`"dan"`, `"di"`) that stay lowercase after the first word.

/// Acronyms with a vowel, kept uppercase.
const ACRONYMS: &[&str] = &[
    "AC", "APD", "ATK", "BCA", "BNI", "BPD", "BRI", "BUMD", "BUMN", "DIY", "DKI", "ICT", "IKM", "IT", "KSO", "KUD",
    "KSU", "KPRI", "LED", "PDAM", "PGRI", "PPOB", "RI", "SMA", "SMK", "SPBU", "TI", "UD", "UKM", "UMK", "UMKM", "UPT",
    "UPTD", "USA",
];

/// Vowel-less abbreviations that are not written in capitals.
const NOT_ACRONYMS: &[&str] = &["DR", "DRS", "DRG", "HJ", "JL", "JLN", "MR", "MRS", "MS", "ST", "TBK"];

/// Joining words written in lowercase unless they open the name.
const LOWERCASE: &[&str] = &["AND", "ATAU", "DAN", "DARI", "DI", "KE", "OF", "UNTUK", "YANG"];

const ROMAN: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
];

/// Whether an uppercase word is written in capitals in a display name.
fn stays_uppercase(word: &str) -> bool {
    if ACRONYMS.contains(&word) || ROMAN.contains(&word) {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.chars().any(|c| c.is_ascii_digit()) {
        return letters <= 3;
    }
    let vowel_less =
        (2..=5).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase() && !"AEIOUY".contains(c));
    vowel_less && !NOT_ACRONYMS.contains(&word)
}

/// Words with a fixed mixed-case spelling.
const SPELLED: &[(&str, &str)] = &[("BUMDES", "BUMDes")];

/// Writes one uppercase word of a name for display; `first` is the first word after the form.
pub(super) fn display_word(word: &str, first: bool) -> String {
    if let Some((_, spelled)) = SPELLED.iter().find(|(upper, _)| *upper == word) {
        return (*spelled).to_owned();
    }
    if stays_uppercase(word) {
        return word.to_owned();
    }
    if !first && LOWERCASE.contains(&word) {
        return word.to_lowercase();
    }
    title_case(word)
}

/// `"AL-IKHLAS"` → `"Al-Ikhlas"`, `"JUM'AT"` → `"Jum'at"`.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut at_start = true;
    for c in word.chars() {
        if c.is_alphanumeric() {
            if at_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_start = false;
        } else {
            out.push(c);
            if matches!(c, '-' | '/' | '&' | '+') {
                at_start = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::display_word;

    #[test]
    fn words_display_by_their_kind() {
        let cases = [
            ("MAJU", false, "Maju"),
            ("AL-IKHLAS", false, "Al-Ikhlas"),
            ("JUM'AT", false, "Jum'at"),
            ("PLN", false, "PLN"),
            ("ATK", false, "ATK"),
            ("II", false, "II"),
            ("A1", false, "A1"),
            ("JAYA88", false, "Jaya88"),
            ("DAN", false, "dan"),
            ("DAN", true, "Dan"),
            ("HJ", false, "Hj"),
            ("TBK", false, "Tbk"),
            ("ÇELIK", false, "Çelik"),
            ("&", false, "&"),
            ("BUMDES", false, "BUMDes"),
        ];
        for (word, first, expected) in cases {
            assert_eq!(display_word(word, first), expected, "{word}");
        }
    }
}
