//! Coercing a variable's value to its declared type (spec §6.4.1) before execution. async-graphql
//! refuses some values while validating (a string for an `Int`) and others only when a resolver
//! reads its argument (an `Int` beyond 32 bits, a `Decimal` that is not a number, a string for an
//! input object): those ran, answered `data: null` with a field error and HTTP 200, where the
//! others answered 400 without `data`. A value is checked here against the same rules, so every
//! such request is refused the same way.

use super::types::TYPES;
use crate::normalize::echo::echoed;
use async_graphql::parser::types::{BaseType, Type};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

/// Why `value` cannot be a value of `ty`, naming where in it (`filter.minPrice`, `[2]`).
pub(crate) fn refusal(value: &Value, ty: &Type) -> Option<String> {
    at(value, ty).map(|why| why.said())
}

/// Where in `value` a part cannot be of `ty` (`.minPrice`, `[2]`; empty for the whole value).
pub(super) fn refused_path(value: &Value, ty: &Type) -> Option<String> {
    at(value, ty).map(|why| why.path.iter().rev().map(String::as_str).collect())
}

/// A refusal, with the path to the refused part built on the way out (the common case, a
/// value that fits, builds none).
struct Why {
    /// Innermost first: `[1]`, then `.marketplaces`.
    path: Vec<String>,
    what: What,
}

/// What an `Int` holds, as said when a number is outside it.
pub(crate) const INT_RANGE: &str = "-2147483648 to 2147483647";

/// What a `Decimal` takes, as said when a value is not one Pasar reads (a literal's refusal says
/// the same, `decimals.rs`).
pub(crate) const DECIMAL_WANTED: &str =
    "write a number of at most 28 significant digits without an exponent, best as a string (\"150000\", \"12.5\")";

enum What {
    NotA(String),
    /// A number past what an `Int` holds (a whole one, or a float such as 1e20).
    OutsideInt,
    Needs(String),
    NoField(String),
}

impl Why {
    fn new(what: What) -> Self {
        Self { path: Vec::new(), what }
    }

    fn within(mut self, step: String) -> Self {
        self.path.push(step);
        self
    }

    fn said(self) -> String {
        let path: String = self.path.iter().rev().map(String::as_str).collect();
        let place =
            if path.is_empty() { "the value".to_string() } else { format!("`{}`", path.trim_start_matches('.')) };
        match self.what {
            What::NotA(name) if name == "Decimal" => format!("{place} is not a Decimal Pasar reads: {DECIMAL_WANTED}"),
            What::NotA(name) => {
                let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
                format!("{place} is not {article} {name}")
            }
            What::OutsideInt => format!("{place} is outside what an Int holds ({INT_RANGE})"),
            What::Needs(ty) => format!("{place} needs a value of type {ty}"),
            // The client's own key: quoted as every echo is (review41 R41-9).
            What::NoField(field) => format!("{place} has no field `{}`", echoed(&field)),
        }
    }
}

fn at(value: &Value, ty: &Type) -> Option<Why> {
    if value.is_null() {
        return (!ty.nullable).then(|| Why::new(What::Needs(ty.to_string())));
    }
    match &ty.base {
        BaseType::List(item) => match value {
            Value::Array(items) => {
                items.iter().enumerate().find_map(|(i, v)| Some(at(v, item)?.within(format!("[{i}]"))))
            }
            // A single value stands for a list of one.
            single => at(single, item),
        },
        BaseType::Named(name) => scalar_or_input(value, name.as_str()),
    }
}

fn scalar_or_input(value: &Value, name: &str) -> Option<Why> {
    let int = f64::from(i32::MIN)..=f64::from(i32::MAX);
    if name == "Int" && value.as_f64().is_some_and(|n| !int.contains(&n)) {
        return Some(Why::new(What::OutsideInt));
    }
    let fits = match name {
        "Int" => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        "Float" => value.is_number(),
        "String" => value.is_string(),
        "Boolean" => value.is_boolean(),
        "ID" => value.is_string() || value.is_i64() || value.is_u64(),
        "Decimal" => match value {
            Value::String(text) => Decimal::from_str(text).is_ok(),
            Value::Number(number) => Decimal::from_str(&number.to_string()).is_ok(),
            _ => false,
        },
        _ => {
            if let Some(values) = TYPES.enum_values(name) {
                value.as_str().is_some_and(|v| values.contains(v))
            } else if let Some(fields) = TYPES.input_fields(name) {
                let Value::Object(given) = value else { return Some(Why::new(What::NotA(name.to_string()))) };
                if let Some(unknown) = given.keys().find(|k| !fields.contains_key(k.as_str())) {
                    return Some(Why::new(What::NoField(unknown.clone())));
                }
                return fields.iter().find_map(|(field, def)| {
                    let why = match given.get(field) {
                        Some(v) => at(v, &def.ty)?,
                        None if !def.ty.nullable && !def.has_default => Why::new(What::Needs(def.ty.to_string())),
                        None => return None,
                    };
                    Some(why.within(format!(".{field}")))
                });
            } else {
                // A scalar this check does not know is left to its own parser.
                true
            }
        }
    };
    (!fits).then(|| Why::new(What::NotA(name.to_string())))
}

#[cfg(test)]
mod tests {
    use super::refusal;
    use async_graphql::parser::types::Type;
    use serde_json::json;

    fn of(ty: &str, value: serde_json::Value) -> Option<String> {
        refusal(&value, &Type::new(ty).expect("a type"))
    }

    #[test]
    fn values_of_their_type_pass() {
        assert_eq!(of("Int", json!(20)), None);
        assert_eq!(of("Int", json!(null)), None);
        assert_eq!(of("[ID!]", json!(["mbiz", 5])), None);
        assert_eq!(of("[ID!]", json!("mbiz")), None);
        assert_eq!(of("Decimal", json!("1250.50")), None);
        assert_eq!(of("Decimal", json!(1250.5)), None);
        assert_eq!(of("OfferSort", json!("PRICE_ASC")), None);
        assert_eq!(of("OfferFilter", json!({"minPrice": "5", "marketplaces": ["mbiz"]})), None);
    }

    #[test]
    fn values_their_type_cannot_hold_are_refused_naming_where() {
        let outside = "the value is outside what an Int holds (-2147483648 to 2147483647)";
        assert_eq!(of("Int", json!(1_099_511_627_776_i64)).as_deref(), Some(outside));
        assert_eq!(of("Int", json!(1e20)).as_deref(), Some(outside));
        assert_eq!(of("Int", json!(1.5)).as_deref(), Some("the value is not an Int"));
        assert_eq!(of("Int", json!("ten")).as_deref(), Some("the value is not an Int"));
        assert_eq!(of("Int!", json!(null)).as_deref(), Some("the value needs a value of type Int!"));
        assert_eq!(of("OfferFilter", json!("x")).as_deref(), Some("the value is not an OfferFilter"));
        let not_read = format!("`minPrice` is not a Decimal Pasar reads: {}", super::DECIMAL_WANTED);
        assert_eq!(of("OfferFilter", json!({"minPrice": "abc"})), Some(not_read.clone()));
        let long = format!("1{}", "0".repeat(40));
        assert_eq!(of("OfferFilter", json!({"minPrice": long})), Some(not_read));
        assert_eq!(of("OfferFilter", json!({"umkOnly": "x"})).as_deref(), Some("`umkOnly` is not a Boolean"));
        assert_eq!(of("OfferFilter", json!({"nope": 1})).as_deref(), Some("the value has no field `nope`"));
        assert_eq!(
            of("OfferFilter", json!({"min\u{202E}Price": 1})).as_deref(),
            Some("the value has no field `min\\u{202E}Price`"),
            "a client's key is quoted with its hidden characters shown"
        );
        assert_eq!(
            of("OfferFilter", json!({"marketplaces": ["a", null]})).as_deref(),
            Some("`marketplaces[1]` needs a value of type ID!")
        );
        assert_eq!(of("OfferSort", json!("CHEAPEST")).as_deref(), Some("the value is not an OfferSort"));
    }
}
