//! Counts shown as GraphQL `Int` (32-bit): larger values saturate rather than wrap or fail.

/// `n` as an `i32`, saturating at `i32::MAX`.
pub(super) fn clamp_i32<T: TryInto<i32>>(n: T) -> i32 {
    n.try_into().unwrap_or(i32::MAX)
}
