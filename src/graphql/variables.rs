//! Variables as the spec has them and async-graphql does not quite: where each may be used
//! (`usage`) and which values each can take (`values`), against the schema's input positions
//! read once from its SDL (`types`).

mod types;
mod usage;
mod values;

pub(crate) use usage::check;
pub(crate) use values::refusal;
