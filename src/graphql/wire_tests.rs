//! The wire forms of a request, read (split from `wire.rs`).

use super::*;

fn code(error: &ServerError) -> String {
    error.extensions.as_ref().and_then(|e| e.get("code")).map(ToString::to_string).unwrap_or_default()
}

fn wire(query: &str, operation_name: Option<&str>) -> WireRequest {
    WireRequest { query: Some(query.into()), operation_name: operation_name.map(Into::into), ..WireRequest::default() }
}

#[test]
fn parameters_of_the_wrong_json_type_are_malformed() {
    for body in
        [r#"{"query": 1}"#, r#"{"query": "{ a }", "variables": "x"}"#, r#"{"query": "{ a }", "extensions": []}"#]
    {
        assert!(from_body(body.as_bytes()).is_err(), "{body}");
    }
    assert!(from_body(br#"{"query": "{ a }", "variables": null, "operationName": null}"#).is_ok());
}

#[test]
fn a_get_query_string_carries_json_variables() {
    let request =
        from_query_string("query=query%20Q(%24n%3A%20String!)%20%7B%20a%20%7D&variables=%7B%22n%22%3A%22x%22%7D")
            .expect("valid");
    assert_eq!(request.variables.expect("variables")["n"], "x");
    assert!(from_query_string("query=%7Ba%7D&variables=%5B%5D").is_err());
}

#[test]
fn a_query_string_is_decoded_as_a_form_and_bytes_that_are_not_utf8_are_refused_not_replaced() {
    let read = from_query_string("quer%79=%7B+a+%7D&operationName=%E2%82%AC&x=%FF").expect("decodes");
    assert_eq!((read.query.as_deref(), read.operation_name.as_deref()), (Some("{ a }"), Some("€")));
    let refused = from_query_string("query=%7B+a(t%3A+%22%FF%22)+%7D").expect_err("not UTF-8");
    assert_eq!(refused, "`query` is not UTF-8 once decoded");
    assert!(from_query_string("variables=%7B%22a%22%3A%22%C3%28%22%7D").is_err(), "inside variables too");
}

#[test]
fn a_graphql_parameter_given_twice_in_a_query_string_is_refused_as_a_json_body_refuses_it() {
    for repeated in [
        "query=%7B__typename%7D&query=%7Bmarketplaces%7Bid%7D%7D",
        "query=%7Ba%7D&operationName=A&operationName=B",
        "query=%7Ba%7D&variables=%7B%7D&variables=%7B%22n%22%3A1%7D",
        "extensions=%7B%7D&query=%7Ba%7D&extensions=null",
        "quer%79=%7Ba%7D&query=%7Bb%7D",
    ] {
        let refused = from_query_string(repeated).expect_err(repeated);
        assert!(refused.starts_with("duplicate parameter `"), "{repeated}: {refused}");
    }
    assert!(from_query_string("query=%7Ba%7D&x=1&x=2").is_ok(), "a parameter Pasar does not read may repeat");
}

#[test]
fn an_empty_query_is_a_coded_parse_failure_in_plain_words() {
    let error = prepare(wire("  ", None)).err().expect("refused");
    assert_eq!(code(&error), "\"GRAPHQL_PARSE_FAILED\"");
    assert!(error.message.contains("empty"), "{}", error.message);
}

#[test]
fn a_syntax_error_is_one_coded_line_with_its_location() {
    let error = prepare(wire("{", None)).err().expect("refused");
    assert_eq!(code(&error), "\"GRAPHQL_PARSE_FAILED\"");
    assert!(!error.message.contains('\n') && error.message.starts_with("Syntax error"), "{}", error.message);
    assert_eq!(error.locations.len(), 1);
}

#[test]
fn a_required_variable_without_a_value_is_bad_user_input() {
    let query = "query Q($q: String!, $n: Int, $d: Int! = 1) { a }";
    for variables in [r#"{}"#, r#"{"q": null}"#] {
        let mut request = wire(query, None);
        request.variables = serde_json::from_str(variables).expect("JSON");
        let error = prepare(request).err().expect("refused");
        assert_eq!(code(&error), "\"BAD_USER_INPUT\"", "{variables}");
        assert!(error.message.contains("$q"), "{}", error.message);
    }
    let mut given = wire(query, None);
    given.variables = serde_json::from_str(r#"{"q": "x"}"#).expect("JSON");
    assert!(prepare(given).is_ok());
}

#[test]
fn a_variable_left_out_takes_its_default_and_an_explicit_null_stays_null() {
    let mut request = wire("query Q($b: Boolean = true, $n: Int = 2, $s: String) { a }", None);
    request.variables = serde_json::from_str(r#"{"n": null}"#).expect("JSON");
    let prepared = prepare(request).expect("prepared");
    let variables = prepared.request.variables.into_value().into_json().expect("JSON");
    assert_eq!(variables, serde_json::json!({"b": true, "n": null}));
}

#[test]
fn the_operation_is_chosen_by_name_or_refused_with_a_code() {
    let two = "query A { a } query B { b }";
    assert!(prepare(wire(two, Some("B"))).is_ok());
    assert!(prepare(wire("{ a }", Some(""))).is_ok(), "an empty name is no name");
    for name in [None, Some("C")] {
        let error = prepare(wire(two, name)).err().expect("refused");
        assert_eq!(code(&error), "\"OPERATION_RESOLUTION_FAILURE\"");
    }
}

#[test]
fn an_unknown_operation_name_is_quoted_with_its_hidden_characters_shown() {
    let error = prepare(wire("query A { a } query B { b }", Some("A\u{202E}B"))).err().expect("refused");
    assert_eq!(code(&error), "\"OPERATION_RESOLUTION_FAILURE\"");
    assert_eq!(error.message, "Unknown operation named \"A\\u{202E}B\".");
}
