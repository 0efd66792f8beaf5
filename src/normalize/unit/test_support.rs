//! What the pack tests read: the reading an offer shows on its own, and the readings expected.

use super::*;

/// The reading an offer shows on its own: base unit, quantity, confident.
pub(super) fn shown(field: Option<&str>, title: &str) -> (Option<String>, Option<Decimal>, bool) {
    let unit = hold_bare_count(parse_unit(field, title), field, title);
    (unit.base_unit, unit.quantity, unit.confident)
}

/// A confident reading of `quantity` base units.
pub(super) fn of(base: &str, quantity: Decimal) -> (Option<String>, Option<Decimal>, bool) {
    (Some(base.to_string()), Some(quantity), true)
}

/// No size read, or none to compare.
pub(super) const NOT_KNOWN: (Option<String>, Option<Decimal>, bool) = (None, None, false);
