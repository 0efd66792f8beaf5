//! Variables as the spec has them and async-graphql does not quite: where each may be used
//! (`usage`) and which values each can take (`values`), against the schema's input positions
//! read once from its SDL (`types`).

mod types;
mod usage;
mod values;

pub(crate) use usage::check;
pub(crate) use values::refusal;

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
