//! Business scale labels (`penyedia_ukm`, `status_umkk`).

use super::lex::fold_char;
use crate::model::BusinessScale;

/// Words that name one scale, Indonesian and English.
const SCALE_WORDS: &[(&str, BusinessScale)] = &[
    ("mikro", BusinessScale::Mikro),
    ("micro", BusinessScale::Mikro),
    ("kecil", BusinessScale::Kecil),
    ("small", BusinessScale::Kecil),
    ("menengah", BusinessScale::Menengah),
    ("medium", BusinessScale::Menengah),
    ("besar", BusinessScale::Besar),
    ("large", BusinessScale::Besar),
    ("big", BusinessScale::Besar),
];

/// Words that turn a label around (`"Non Kecil"`, `"Bukan UMK"`).
const NEGATIONS: &[&str] = &["non", "bukan", "tidak", "not"];

/// Reads a business-scale label: `"Mikro"`, `"Usaha Kecil"`, `"kecil"`, `"MENENGAH"`, `"Besar"`,
/// `"micro"`, `"small"`, `"medium"`, `"large"`, `"UMKM - Mikro"`.
///
/// The label must name exactly one scale. `"UMKM"` and `"UMK"` (a group of scales, not one),
/// `"Belum Terdefinisi"`, `"Mikro/Kecil"`, negated labels (`"Non UMKM"`, `"Non Kecil"`), numeric
/// codes and anything else are [`BusinessScale::Unknown`].
pub fn parse_scale(text: &str) -> BusinessScale {
    let folded: String = text.chars().filter_map(fold_char).flat_map(char::to_lowercase).collect();
    let mut scale = None;
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()) {
        if NEGATIONS.contains(&word) {
            return BusinessScale::Unknown;
        }
        let Some((_, this)) = SCALE_WORDS.iter().find(|(name, _)| *name == word) else {
            continue;
        };
        match scale {
            Some(seen) if seen != *this => return BusinessScale::Unknown,
            _ => scale = Some(*this),
        }
    }
    scale.unwrap_or(BusinessScale::Unknown)
}

#[cfg(test)]
mod tests {
    use super::parse_scale;
    use crate::model::BusinessScale::{self, *};

    #[test]
    fn scale_labels_read_as_one_scale_or_unknown() {
        let cases: &[(&str, BusinessScale)] = &[
            ("Mikro", Mikro),
            ("Usaha Mikro", Mikro),
            ("USAHA MIKRO", Mikro),
            ("micro", Mikro),
            ("UMKM - Mikro", Mikro),
            ("Kecil", Kecil),
            ("kecil", Kecil),
            ("Usaha Kecil", Kecil),
            ("small", Kecil),
            ("Small Enterprise", Kecil),
            ("Menengah", Menengah),
            ("usaha menengah", Menengah),
            ("medium", Menengah),
            ("Besar", Besar),
            ("Usaha Besar", Besar),
            ("large", Besar),
            ("  Ｋｅｃｉｌ\u{00A0}", Kecil),
            ("UMKM", Unknown),
            ("UMK", Unknown),
            ("Non UMKM", Unknown),
            ("Non-Kecil", Unknown),
            ("Bukan Usaha Kecil", Unknown),
            ("Mikro/Kecil", Unknown),
            ("Mikro dan Kecil", Unknown),
            ("Belum Terdefinisi", Unknown),
            ("", Unknown),
            ("1", Unknown),
            ("kecilan", Unknown),
            ("🙂", Unknown),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_scale(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn repeating_the_same_scale_is_still_that_scale() {
        assert_eq!(parse_scale("Kecil (Usaha Kecil)"), Kecil);
    }
}
