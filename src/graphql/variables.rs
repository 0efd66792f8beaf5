//! Variables as the spec has them and async-graphql does not quite: where each may be used
//! (`usage`) and which values each can take (`values`), against the schema's input positions
//! read once from its SDL (`types`), over every argument value of an operation (`walk`).

mod types;
mod usage;
mod values;
mod walk;

pub(crate) use usage::{check, place_of};
pub(crate) use values::{DECIMAL_WANTED, INT_RANGE, refusal};
pub(crate) use walk::{Place, each_value, root};

/// Where in `value`, the literal of `argument` of the root field `field` of an operation of kind
/// `root` (`"query"`), a part cannot be a value of its type: `.minPrice`, or empty for the whole.
pub(crate) fn refused_path(
    root: &'static str,
    field: &str,
    argument: &str,
    value: &serde_json::Value,
) -> Option<String> {
    let types = &*types::TYPES;
    let input = types.field(types.root(root), field)?.args.get(argument)?;
    values::refused_path(value, &input.ty)
}

/// Where in `value`, given to a variable of type `ty`, a part cannot be of its type (`.maxPrice`).
pub(crate) fn refused_part(value: &serde_json::Value, ty: &async_graphql::parser::types::Type) -> Option<String> {
    values::refused_path(value, ty)
}

/// The named type of a place, under its list and non-null marks (`Int`).
pub(crate) fn named(ty: &async_graphql::parser::types::Type) -> &str {
    types::named(ty)
}
