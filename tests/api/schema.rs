//! The exported SDL is the contract: it must match the code.

use std::path::Path;
use std::process::Command;

#[test]
fn the_committed_sdl_matches_what_pasar_schema_prints() {
    let output = Command::new(env!("CARGO_BIN_EXE_pasar")).arg("schema").output().expect("pasar runs");
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).expect("utf-8");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/pasar.graphql");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &printed).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == printed, "schema/pasar.graphql is stale: run `UPDATE_SCHEMA=1 cargo test --test api schema`");
}

#[test]
fn money_is_never_a_graphql_int() {
    let sdl = pasar::sdl();
    assert!(sdl.contains("scalar Decimal"));
    let price = sdl.split("type Price {").nth(1).and_then(|rest| rest.split('}').next()).expect("type Price");
    assert!(!price.contains(": Int"), "{price}");
}

/// The number the schema's description of `argument` states as its upper limit ("1 to N").
fn documented_limit(sdl: &str, argument: &str) -> u64 {
    let at = sdl.find(&format!("\t\t{argument}")).unwrap_or_else(|| panic!("{argument} is in the SDL"));
    let description = &sdl[sdl[..at].rfind("\"\"\"\n\t\t").expect("described")..at];
    let after = description.split(" to ").nth(1).unwrap_or_else(|| panic!("a range in {description:?}"));
    after.split(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse().ok()).expect("a number")
}

#[tokio::test]
async fn the_limits_the_schema_states_are_the_limits_the_api_enforces() {
    let app = crate::helpers::spawn_app().await;
    let sdl = pasar::sdl();
    let search_first = documented_limit(&sdl, "first: Int = 20");
    let long_query = "k".repeat(201);
    let cases = [
        ("{ search(query: \"kertas\", first: 101) { complete } }".to_string(), search_first),
        ("{ compare(query: \"kertas\", first: 51) { complete } }".to_string(), 50),
        (format!("{{ search(query: \"{long_query}\") {{ complete }} }}"), 200),
    ];
    assert_eq!(search_first, 100, "the search description states 1 to 100");
    assert!(sdl.contains("1 to 50") && sdl.contains("1 to 200 characters"), "compare and query limits are documented");
    for (query, limit) in cases {
        let response = app.graphql(&query, serde_json::json!({})).await;
        let message = response["errors"][0]["message"].as_str().unwrap_or_else(|| panic!("an error: {response}"));
        assert!(message.contains(&format!(" {limit}")), "{message:?} names the limit {limit}");
        assert_eq!(response["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{response}");
    }
}

/// Everything a client can name in the schema, with its description if any.
fn undescribed(sdl: &str) -> (usize, Vec<String>) {
    use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};
    let document = async_graphql::parser::parse_schema(sdl).expect("the SDL parses");
    let (mut seen, mut missing) = (0, Vec::new());
    let mut check = |name: String, description: bool| {
        seen += 1;
        if !description {
            missing.push(name);
        }
    };
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else { continue };
        let ty = ty.node;
        let type_name = ty.name.node.to_string();
        check(type_name.clone(), ty.description.is_some());
        match ty.kind {
            TypeKind::Object(object) => {
                for field in object.fields {
                    let field = field.node;
                    let field_name = format!("{type_name}.{}", field.name.node);
                    check(field_name.clone(), field.description.is_some());
                    for argument in field.arguments {
                        check(
                            format!("{field_name}({}:)", argument.node.name.node),
                            argument.node.description.is_some(),
                        );
                    }
                }
            }
            TypeKind::Interface(interface) => {
                for field in interface.fields {
                    check(format!("{type_name}.{}", field.node.name.node), field.node.description.is_some());
                }
            }
            TypeKind::Enum(enumeration) => {
                for value in enumeration.values {
                    check(format!("{type_name}.{}", value.node.value.node), value.node.description.is_some());
                }
            }
            TypeKind::InputObject(input) => {
                for field in input.fields {
                    check(format!("{type_name}.{}", field.node.name.node), field.node.description.is_some());
                }
            }
            TypeKind::Scalar | TypeKind::Union(_) => {}
        }
    }
    (seen, missing)
}

#[test]
fn every_type_field_argument_enum_value_and_scalar_has_a_description() {
    let (seen, missing) = undescribed(&pasar::sdl());
    assert!(seen > 200, "only {seen} schema items were found: the walk is broken");
    assert!(missing.is_empty(), "{} schema items have no description:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn the_description_check_finds_an_undescribed_field() {
    let (seen, missing) = undescribed(
        "\"\"\"A thing.\"\"\"\ntype Thing {\n  \"\"\"Named.\"\"\"\n  a: Int\n  b(x: Int): Int\n}\nscalar Bare\n",
    );
    assert_eq!(seen, 5);
    assert_eq!(missing, ["Thing.b", "Thing.b(x:)", "Bare"]);
}
