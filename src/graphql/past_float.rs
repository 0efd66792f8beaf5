//! Numbers in a request's JSON that no `f64` holds (`1e400`, 400 digits): serde_json refuses the
//! whole text there ("number out of range"), so a variable holding one was a 400 for the whole
//! request (the whole batch, the socket's `subscribe`), where the same number written in the
//! document is its argument's `BAD_USER_INPUT` (`numbers.rs`).
//!
//! Read again only when serde_json refused the text for that reason: the text is read with the
//! number as `null`, and the number is kept with its place, for the variable's coercion to refuse
//! (`wire::coerce_variables`). A request that reads never comes here, and serde_json's `Number`
//! stays as it is (its `arbitrary_precision` feature would make every number in the program a
//! string, and `Value`s read through other formats, postcard's pages among them, change shape).

use crate::normalize::echo::echoed;
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

/// The most such numbers one text is read past; each costs one more reading of the whole text.
const MAX_NUMBERS: usize = 8;

/// A number past any float, in the place the text held it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PastFloat {
    /// Where, from the text's root: `variables`, `f`, `minPrice`; `0`, `variables`, `n`.
    pub(super) steps: Vec<Step>,
    /// As written, in full (quoting clips it).
    pub(super) written: String,
}

impl PastFloat {
    /// The steps after the first `skip`, as a GraphQL path reads them: `.minPrice`, `[2]`.
    pub(super) fn part(&self, skip: usize) -> String {
        let said = |step: &Step| match step {
            Step::Index(index) => format!("[{index}]"),
            Step::Key(key) => format!(".{key}"),
        };
        self.steps.iter().skip(skip).map(said).collect()
    }

    /// The whole path, as a refusal of a number outside any variable names it (`extensions.x`).
    pub(super) fn place(&self) -> String {
        self.part(0).trim_start_matches('.').to_string()
    }

    /// This number in a variable's value, when the step at `at` names the variable.
    pub(super) fn in_variable(&self, at: usize) -> Option<InVariable> {
        let Some(Step::Key(variable)) = self.steps.get(at) else { return None };
        Some(InVariable { variable: variable.clone(), part: self.part(at + 1), written: self.written.clone() })
    }

    /// The refusal of a request holding this number where no variable is (`extensions`).
    pub(super) fn malformed(&self) -> String {
        format!("`{}` holds {}, a number larger than any float", self.place(), echoed(&self.written))
    }
}

/// A number past any float in a variable's value, for its coercion to refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct InVariable {
    /// The variable's name, without `$`.
    pub(super) variable: String,
    /// Where in its value (`.minPrice`), empty for the whole.
    pub(super) part: String,
    /// As written, in full.
    pub(super) written: String,
}

impl InVariable {
    /// Why the variable cannot take its value, as `variables::refusal` says it.
    pub(super) fn why(&self) -> String {
        let place = if self.part.is_empty() {
            "the value".to_string()
        } else {
            format!("`{}`", self.part.trim_start_matches('.'))
        };
        format!("{place} is {}, a number larger than any Int or Float holds", echoed(&self.written))
    }
}

/// One step of a path into JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    /// Into an array.
    Index(usize),
    /// Into an object.
    Key(String),
}

/// Reads `text` as `T`, each number past any float read as `null` and returned with its place;
/// `Err` is serde_json's own refusal when the text has another fault (or more such numbers than
/// [`MAX_NUMBERS`]).
pub(super) fn read<T: DeserializeOwned>(text: &[u8]) -> Result<(T, Vec<PastFloat>), serde_json::Error> {
    let first = match serde_json::from_slice(text) {
        Ok(read) => return Ok((read, Vec::new())),
        Err(error) if is_past_float(&error) => error,
        Err(error) => return Err(error),
    };
    let mut text = text.to_vec();
    let mut found = Vec::new();
    while found.len() < MAX_NUMBERS {
        let error = match serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(&text)) {
            Ok(read) => return Ok((read, found)),
            Err(error) if is_past_float(error.inner()) => error,
            // A type the `null` read in its place cannot be (`"query": 1e400`): the number's fault.
            Err(error) if error.inner().is_data() => return Err(first),
            Err(error) => return Err(error.into_inner()),
        };
        let Some((start, end)) = number_around(&text, error.inner()) else { break };
        let written = String::from_utf8_lossy(&text[start..end]).into_owned();
        found.push(PastFloat { steps: error.path().iter().map(step).collect(), written });
        text.splice(start..end, *b"null");
    }
    Err(first)
}

/// Whether serde_json refused a number no `f64` holds: its `ErrorCode` is private, its message
/// is not (pinned by a test below).
fn is_past_float(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("number out of range")
}

fn step(segment: &Segment) -> Step {
    match segment {
        Segment::Seq { index } => Step::Index(*index),
        Segment::Map { key } => Step::Key(key.clone()),
        // Neither is met reading JSON into maps, lists and plain structs.
        Segment::Enum { variant } => Step::Key(variant.clone()),
        Segment::Unknown => Step::Key("?".to_string()),
    }
}

/// The byte range of the number serde_json stopped in (its column counts bytes, from 0).
fn number_around(text: &[u8], error: &serde_json::Error) -> Option<(usize, usize)> {
    let line_start = match error.line() {
        0 => return None,
        1 => 0,
        line => text.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(line - 2)?.0 + 1,
    };
    let at = (line_start + error.column()).min(text.len());
    let in_number = |b: &u8| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E');
    let start = at - text[..at].iter().rev().take_while(|b| in_number(b)).count();
    let end = at + text[at..].iter().take_while(|b| in_number(b)).count();
    (start < end).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn read_value(text: &str) -> Result<(Value, Vec<PastFloat>), String> {
        read(text.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn serde_json_still_refuses_such_a_number_in_words_this_module_reads() {
        let refused = serde_json::from_str::<Value>("[1e400]").expect_err("refused");
        assert!(is_past_float(&refused), "{refused}");
        let other = serde_json::from_str::<Value>("[1e]").expect_err("refused");
        assert!(!is_past_float(&other), "{other}");
    }

    #[test]
    fn each_number_past_any_float_is_read_as_null_and_kept_with_its_place() {
        let digits = "9".repeat(400);
        let text =
            format!("[{{\"variables\":{{\"n\":1e400}}}},\n {{\"variables\": {{\"f\": {{\"x\": [1, -{digits}]}}}}}}]");
        let (value, found) = read_value(&text).expect("read");
        assert_eq!(value, json!([{ "variables": { "n": null } }, { "variables": { "f": { "x": [1, null] } } }]));
        let places: Vec<_> = found.iter().map(|f| (f.place(), f.part(2), f.written.len())).collect();
        assert_eq!(
            places,
            [("[0].variables.n".into(), ".n".into(), 5), ("[1].variables.f.x[1]".into(), ".f.x[1]".into(), 401)]
        );
        let (_, found) = read_value("{\"v\": 1e99999999999999999999}").expect("an exponent past i32");
        assert_eq!(found[0].written, "1e99999999999999999999");
    }

    #[test]
    fn text_that_reads_or_has_another_fault_is_as_serde_json_reads_it() {
        assert_eq!(read_value("{\"n\": 1e-400, \"m\": 1e308}").expect("read").1, []);
        let broken = read_value("{\"n\": 1e400, \"m\": }").expect_err("refused");
        assert!(broken.starts_with("expected value"), "{broken}");
        let many = format!("[{}]", ["1e400"; MAX_NUMBERS + 1].join(","));
        let refused = read_value(&many).expect_err("refused");
        assert!(refused.starts_with("number out of range at line 1 column 6"), "{refused}");
    }
}
