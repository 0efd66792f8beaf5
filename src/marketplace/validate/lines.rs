//! Where a key is written in a TOML text, so that a problem found after parsing (a rule the
//! types cannot express, a bound of `pasar.toml`) still names its line: serde's values have
//! no positions, the parser's do.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Line and column (from 1) of the byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// The line of the value at the dotted `key` (`limits.timeout`, `fields.price.format`,
/// `request.body.0`); the nearest table written when the key itself is not (a missing key is
/// reported where its table is). `None` when the text does not parse or the key is the whole file.
pub fn line_of(text: &str, key: &str) -> Option<usize> {
    locate(text, key).map(|(line, _)| line)
}

/// The line of the value at the dotted `key` when the text writes that very key.
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    locate(text, key).filter(|(_, exact)| *exact).map(|(line, _)| line)
}

/// The line of `key`'s value, or of its nearest table, and whether it is the key's own.
fn locate(text: &str, key: &str) -> Option<(usize, bool)> {
    let root = DeTable::parse(text).ok()?;
    let mut exact = true;
    let mut span = None;
    let mut table = Some(root.get_ref());
    let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
    for part in key.split('.').filter(|p| !p.is_empty()) {
        let found = match (table, array) {
            (Some(t), _) => t.get(part),
            (None, Some(a)) => part.parse::<usize>().ok().and_then(|i| a.get(i)),
            (None, None) => None,
        };
        let Some(found) = found else {
            exact = false;
            break;
        };
        span = Some(found.span());
        (table, array) = match found.get_ref() {
            DeValue::Table(t) => (Some(t), None),
            DeValue::Array(a) => (None, Some(&a[..])),
            _ => (None, None),
        };
    }
    span.map(|s| (line_col(text, s.start).0, exact))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id = \"x\"\n[limits]\ntimeout = \"2s\"\n\n[fields]\nprice = { path = \"/p\", format = \"idr\" }\n\
                        [request]\nbody = [1, 2]\n";

    #[test]
    fn a_key_is_found_on_the_line_it_is_written_whatever_its_depth() {
        assert_eq!(line_of(TEXT, "id"), Some(1));
        assert_eq!(line_of(TEXT, "limits.timeout"), Some(3));
        assert_eq!(line_of(TEXT, "fields.price.format"), Some(6));
        assert_eq!(line_of(TEXT, "request.body.1"), Some(8));
    }

    #[test]
    fn a_key_not_written_is_placed_at_its_nearest_table_and_the_whole_file_nowhere() {
        assert_eq!(line_of(TEXT, "limits.concurrency"), Some(2));
        assert_eq!(line_of_key(TEXT, "limits.concurrency"), None);
        assert_eq!(line_of_key(TEXT, "limits.timeout"), Some(3));
        assert_eq!(line_of(TEXT, ""), None);
        assert_eq!(line_of("not toml = = ", "id"), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("a = \"é\"\nb = 1", 13), (2, 5));
        assert_eq!(line_col("a = \"é\" x", 9), (1, 9));
    }
}
