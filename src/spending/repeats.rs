//! A transaction id a ledger lists again: the same entry twice (a page overlapping the one
//! before), the same order in a later state (a status changed while the pages were read), or
//! two amounts for one order, which no figure can take (review37s R37s-6).
//!
//! An order moves one way: in progress, then completed, then perhaps cancelled (a cancellation
//! after completion is a refund or an annulment); none comes back from cancelled. So of two
//! states listed for one id, the one further along is the newer, whichever page listed it, and
//! it is the truth: a completed order listed again as cancelled is not spending. Two amounts
//! for one order have no such order between them: it is counted in no total, and the figure
//! is not complete.

use crate::model::{Transaction, TransactionStatus};

/// What a second listing of an id read already says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Repeat {
    /// The same entry again (or an earlier state): the first stands.
    Same,
    /// The order in a later state: it replaces the first.
    Later,
    /// Another amount for the order: neither can be counted.
    Conflict,
}

/// How `again` stands to `first`, both listed under one id.
pub(super) fn compare(first: &Transaction, again: &Transaction) -> Repeat {
    if first.amount != again.amount {
        Repeat::Conflict
    } else if stage(again.status) > stage(first.status) {
        Repeat::Later
    } else {
        Repeat::Same
    }
}

/// How far along its life an order in `status` is; a word Pasar does not know places it nowhere.
fn stage(status: TransactionStatus) -> Option<u8> {
    match status {
        TransactionStatus::InProgress => Some(1),
        TransactionStatus::Completed => Some(2),
        TransactionStatus::Cancelled => Some(3),
        TransactionStatus::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_state_outranks_an_unknown_word_and_cancelled_outranks_completed() {
        assert!(stage(TransactionStatus::Cancelled) > stage(TransactionStatus::Completed));
        assert!(stage(TransactionStatus::Completed) > stage(TransactionStatus::InProgress));
        assert!(stage(TransactionStatus::InProgress) > stage(TransactionStatus::Unknown));
    }
}
