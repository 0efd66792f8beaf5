//! Places in a marketplace's list that deliver no offer: items that could not be read and ids
//! listed before. Positions (and so cursors) count places; counts of what a search delivers
//! must not. A walk from the top sees every such place; a client's later page knows those before
//! it from its cursor, and a later round of one search from the round before, so the count at
//! the end of a list is of offers on every page (review32w W32-5: a list repeating an id ended
//! on 46, called exact, for 45 delivered).

/// The places one marketplace's list left out, up to where a walk read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Gaps {
    /// Left out before the walk's start, when known (unknown: a cursor issued before cursors
    /// carried it).
    before: Option<u32>,
    /// Indices of the places left out from the walk's start on.
    at: Vec<u32>,
}

impl Gaps {
    /// A walk whose start has `before` places left out ahead of it.
    pub(super) fn starting(before: Option<u32>) -> Self {
        Self { before, at: Vec::new() }
    }

    /// The place at `index` delivers no offer.
    pub(super) fn note(&mut self, index: u32) {
        self.at.push(index);
    }

    /// Places left out before `position`, when known.
    pub(super) fn before(&self, position: u32) -> Option<u32> {
        if position == 0 {
            return Some(0);
        }
        let seen = self.at.iter().filter(|&&index| index < position).count();
        self.before.map(|before| before.saturating_add(u32::try_from(seen).unwrap_or(u32::MAX)))
    }

    /// Whether any place was left out (known to be, or unknown before the walk).
    pub(super) fn any(&self) -> bool {
        self.before != Some(0) || !self.at.is_empty()
    }

    /// The offers a list found to end at `end` delivers, and whether that is only an estimate:
    /// with the places before the walk unknown, a walk that left some out here has likely left
    /// some out before too (a list repeating every tenth id reported 464 as exact where paging
    /// delivered 424).
    pub(super) fn total(&self, end: u32) -> (Option<u64>, bool) {
        match self.before(end) {
            Some(left_out) => (Some(u64::from(end.saturating_sub(left_out))), false),
            None => {
                let here = u32::try_from(self.at.len()).unwrap_or(u32::MAX);
                (Some(u64::from(end.saturating_sub(here))), here > 0)
            }
        }
    }

    /// A later round's walk, which started where this one stopped, added to it.
    pub(super) fn extend(&mut self, later: Self) {
        self.at.extend(later.at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_ending_at_a_place_counts_the_offers_before_it_not_the_places() {
        let mut gaps = Gaps::starting(Some(1));
        gaps.note(12);
        gaps.note(30);
        assert_eq!(gaps.total(46), (Some(43), false));
        assert_eq!(gaps.before(30), Some(2));
        assert_eq!(gaps.before(31), Some(3));
    }

    #[test]
    fn with_the_places_before_a_walk_unknown_its_count_is_exact_only_if_it_left_none_out() {
        let mut gaps = Gaps::starting(None);
        assert_eq!(gaps.total(20), (Some(20), false));
        assert_eq!(gaps.before(10), None);
        assert_eq!(gaps.before(0), Some(0));
        gaps.note(15);
        assert_eq!(gaps.total(20), (Some(19), true));
    }

    #[test]
    fn a_later_round_adds_its_places_to_the_walk_before_it() {
        let mut gaps = Gaps::starting(Some(0));
        assert!(!gaps.any());
        gaps.note(3);
        let mut later = Gaps::starting(gaps.before(10));
        later.note(14);
        gaps.extend(later);
        assert!(gaps.any());
        assert_eq!(gaps.total(20), (Some(18), false));
    }
}
