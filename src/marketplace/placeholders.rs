//! The values an adapter file's request templates name, `{query}` to `{cursor}`, and how they
//! are filled into its path, query parameters and JSON body.

use super::SearchRequest;
use super::definition::{FirstCursor, PaginationKind};
use serde_json::Value;

/// Values for `{query}`, `{page}`, `{page_size}`, `{offset}` and `{cursor}`.
pub(super) struct Placeholders {
    values: Vec<(&'static str, Value)>,
}

impl Placeholders {
    pub(super) fn new(kind: PaginationKind, request: &SearchRequest, first: FirstCursor) -> Self {
        let limit = request.limit.max(1);
        let page = match kind {
            PaginationKind::Page => request.offset / limit + 1,
            PaginationKind::Offset | PaginationKind::Cursor => 1,
        };
        Self {
            values: vec![
                ("query", Value::from(request.query.clone())),
                ("page", Value::from(page)),
                ("page_size", Value::from(limit)),
                ("offset", Value::from(request.offset)),
                (
                    "cursor",
                    match (&request.cursor, first) {
                        (Some(cursor), _) => Value::from(cursor.as_str()),
                        (None, FirstCursor::Empty) => Value::from(""),
                        (None, FirstCursor::Absent) => Value::Null,
                    },
                ),
            ],
        }
    }

    /// Adds (or replaces) one value.
    pub(super) fn with(mut self, name: &'static str, value: Value) -> Self {
        self.values.retain(|(n, _)| *n != name);
        self.values.push((name, value));
        self
    }

    /// `template` with each `{name}` replaced by its value's text, in one pass: a value is never
    /// read as a template itself, so a search for `kopi {page}` is sent as typed.
    pub(super) fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let known = after.find('}').and_then(|close| {
                let value = self.values.iter().find(|(name, _)| *name == &after[..close])?;
                Some((close, &value.1))
            });
            match known {
                Some((close, value)) => {
                    push_text(&mut out, value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A body string that is exactly one placeholder keeps the value's JSON type (`"{page}"`
    /// becomes the number 2); anything else is text substitution.
    pub(super) fn fill_body(&self, table: &toml::Table) -> Value {
        let map = table.iter().map(|(key, value)| (key.clone(), self.fill_value(value))).collect();
        Value::Object(map)
    }

    fn fill_value(&self, value: &toml::Value) -> Value {
        match value {
            toml::Value::String(s) => self
                .values
                .iter()
                .find(|(name, _)| s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) == Some(name))
                .map_or_else(|| Value::from(self.fill(s)), |(_, v)| v.clone()),
            toml::Value::Table(t) => self.fill_body(t),
            toml::Value::Array(items) => Value::Array(items.iter().map(|v| self.fill_value(v)).collect()),
            other => serde_json::to_value(other).unwrap_or(Value::Null),
        }
    }
}

/// A placeholder's value as text: a string as it is, null as nothing, anything else as JSON.
fn push_text(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => out.push_str(s),
        Value::Null => {}
        other => out.push_str(&other.to_string()),
    }
}
