//! A lone UTF-16 surrogate escape (`"… Lembar \ud83d"`) is what a backend sends when it cuts a
//! title at N UTF-16 units inside an emoji. serde_json refuses it, and with it the whole item
//! (its price and seller intact), so an item that fails to read is read once more with each
//! unpaired surrogate written as U+FFFD, as a lenient UTF-16 decoder would. Only a failing item
//! pays for the second reading.

/// `json` with each unpaired `\uD800`–`\uDFFF` escape replaced by `\uFFFD`; `None` when it has
/// none (then the reading failed for another reason).
pub(super) fn replaced(json: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(json.len());
    let mut changed = false;
    let mut at = 0;
    while at < json.len() {
        if json[at] != b'\\' {
            out.push(json[at]);
            at += 1;
            continue;
        }
        let Some(unit) = escape_at(json, at) else {
            // Any other escape (`\\`, `\"`, …) is copied whole, so its second byte never starts one.
            out.extend_from_slice(json.get(at..at + 2).unwrap_or(&json[at..]));
            at += 2;
            continue;
        };
        let paired = is_high(unit) && escape_at(json, at + 6).is_some_and(is_low);
        if paired {
            out.extend_from_slice(&json[at..at + 12]);
            at += 12;
        } else if is_high(unit) || is_low(unit) {
            out.extend_from_slice(br"\uFFFD");
            changed = true;
            at += 6;
        } else {
            out.extend_from_slice(&json[at..at + 6]);
            at += 6;
        }
    }
    changed.then_some(out)
}

/// The code unit of a `\uXXXX` escape starting at `at`.
fn escape_at(json: &[u8], at: usize) -> Option<u16> {
    let escape = json.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    u16::from_str_radix(hex, 16).ok()
}

fn is_high(unit: u16) -> bool {
    (0xD800..=0xDBFF).contains(&unit)
}

fn is_low(unit: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Option<String> {
        replaced(json.as_bytes()).map(|bytes| String::from_utf8(bytes).expect("still UTF-8"))
    }

    #[test]
    fn a_cut_emoji_becomes_the_replacement_character_and_the_text_reads() {
        let cut = r#"{"name":"Kertas HVS \ud83d","price":"Rp 50.000"}"#;
        let fixed = read(cut).expect("replaced");
        assert!(serde_json::from_str::<serde_json::Value>(cut).is_err());
        let value: serde_json::Value = serde_json::from_str(&fixed).expect("reads");
        assert_eq!(value["name"], "Kertas HVS \u{FFFD}");
        assert_eq!(read(r#"["\udc00x", "\ud83d\u0041"]"#).as_deref(), Some(r#"["\uFFFDx", "\uFFFD\u0041"]"#));
    }

    #[test]
    fn pairs_other_escapes_and_escaped_backslashes_are_left_alone() {
        assert_eq!(read(r#"["\ud83d\ude00", "\u00e9", "\n"]"#), None);
        // `\\ud83d` is a backslash and the letters `ud83d`, not an escape.
        assert_eq!(read(r#"["C:\\ud83d"]"#), None);
        assert_eq!(read(r#"["\\\ud83d"]"#).as_deref(), Some(r#"["\\\uFFFD"]"#));
    }
}
