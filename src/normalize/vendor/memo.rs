//! Canonical names remembered per thread.
//!
//! A marketplace's vendors come back page after page, and reading a name (lexing, tidying,
//! legal forms) cost about a fifteenth of a miss's CPU in the profile of issue 25. The reading is
//! a function of the raw name and the legal-form field only, so a remembered answer is the same
//! answer; the memo is per thread (no lock on the miss path) and emptied when full.

use super::{CanonicalName, canonical_name, name_key};
use std::cell::RefCell;
use std::collections::HashMap;

/// Names remembered per thread before the memo starts over (a few hundred KiB).
const CAPACITY: usize = 4096;

/// A canonical name and its merging key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// [`canonical_name`]'s answer.
    pub canonical: CanonicalName,
    /// [`name_key`] of it.
    pub name_key: String,
}

type Memo = HashMap<String, Vec<(Option<String>, Read)>, foldhash::fast::RandomState>;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// [`canonical_name`] and [`name_key`] of `raw`, read once per thread and remembered.
pub fn read_name(raw: &str, legal_form_hint: Option<&str>) -> Read {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(found) = memo.get(raw).and_then(|reads| reads.iter().find(|(h, _)| h.as_deref() == legal_form_hint))
        {
            return found.1.clone();
        }
        let canonical = canonical_name(raw, legal_form_hint);
        let read = Read { name_key: name_key(&canonical), canonical };
        if memo.len() >= CAPACITY {
            memo.clear();
        }
        memo.entry(raw.to_string()).or_default().push((legal_form_hint.map(str::to_string), read.clone()));
        read
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_name_reads_the_same_as_a_fresh_one() {
        for (raw, hint) in [("PT. Maju Jaya", None), ("Maju Jaya", Some("CV")), ("Maju Jaya", None)] {
            let fresh = canonical_name(raw, hint);
            let first = read_name(raw, hint);
            let again = read_name(raw, hint);
            assert_eq!(first.canonical, fresh);
            assert_eq!(again, first);
            assert_eq!(again.name_key, name_key(&fresh));
        }
        assert_eq!(read_name("Maju Jaya", Some("CV")).canonical.name, "CV Maju Jaya");
        assert_eq!(read_name("Maju Jaya", None).canonical.name, "Maju Jaya");
    }
}
