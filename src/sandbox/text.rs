//! Small text helpers shared by the renderers and the search index.

/// Joins the non-empty parts with single spaces.
pub(crate) fn words(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Units that sellers glue to the number before them (`80gsm`, `64GB`, `70ml`).
const GLUED_UNITS: &[&str] = &["gsm", "GB", "TB", "ml", "L", "mm", "cm", "kg", "PK"];

/// `A4 80 gsm` → `A4 80gsm`: the compact spelling many sellers use.
pub(crate) fn glue_units(text: &str) -> String {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    for (i, token) in tokens.iter().enumerate() {
        let glue =
            i > 0 && GLUED_UNITS.contains(token) && tokens[i - 1].chars().last().is_some_and(|c| c.is_ascii_digit());
        if i > 0 && !glue {
            out.push(' ');
        }
        out.push_str(token);
    }
    out
}

/// Indonesian thousands grouping: `61050` → `61.050`.
pub(crate) fn group_thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// NPWP15 with the usual punctuation: `01.234.567.8-909.000`.
pub(crate) fn dotted_npwp(npwp15: &str) -> String {
    let d = npwp15;
    if d.len() != 15 {
        return d.to_owned();
    }
    format!("{}.{}.{}.{}-{}.{}", &d[..2], &d[2..5], &d[5..8], &d[8..9], &d[9..12], &d[12..])
}

/// A percentage given in tenths, in Indonesian style: `455` → `45,5`, `400` → `40`.
pub(crate) fn tenths_comma(tenths: u16) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        frac => format!("{},{frac}", tenths / 10),
    }
}

/// Capitalises the first letter: `rim` → `Rim`.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Lowercase ASCII search tokens of `text`, pushed to `out`. Accented letters fold to their
/// base letter; everything else that is not a letter or digit separates tokens.
pub(crate) fn tokens(text: &str, out: &mut Vec<String>) {
    for_each_token(text, |token| out.push(token.to_owned()));
}

/// Calls `f` with each search token of `text` (see [`tokens`]) without allocating per token.
pub(crate) fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let mut current = String::new();
    for c in text.chars() {
        match fold(c) {
            Some(folded) => current.push(folded),
            None if !current.is_empty() => {
                f(&current);
                current.clear();
            }
            None => {}
        }
    }
    if !current.is_empty() {
        f(&current);
    }
}

fn fold(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let base = match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_glued_only_after_numbers() {
        assert_eq!(glue_units("A4 80 gsm"), "A4 80gsm");
        assert_eq!(glue_units("Core i5 / 16 GB / 512 GB SSD"), "Core i5 / 16GB / 512GB SSD");
        assert_eq!(glue_units("Galon L"), "Galon L");
    }

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(group_thousands(61_050), "61.050");
        assert_eq!(group_thousands(1_250_000), "1.250.000");
        assert_eq!(group_thousands(900), "900");
    }

    #[test]
    fn npwp_gets_its_punctuation() {
        assert_eq!(dotted_npwp("012345678909000"), "01.234.567.8-909.000");
    }

    #[test]
    fn tenths_use_a_decimal_comma() {
        assert_eq!(tenths_comma(455), "45,5");
        assert_eq!(tenths_comma(400), "40");
    }

    #[test]
    fn tokens_are_lowercase_folded_and_split_on_punctuation() {
        let mut out = Vec::new();
        tokens("Kertas HVS A4 80gsm (Café) Wi-Fi", &mut out);
        assert_eq!(out, ["kertas", "hvs", "a4", "80gsm", "cafe", "wi", "fi"]);
    }
}
