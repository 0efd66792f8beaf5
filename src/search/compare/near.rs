//! Why near groups were kept apart (issue 24 item 1): for each group, the groups of the same kind
//! that look most alike and the decisive differences that split them, so a buyer who expected one
//! product sees why there are two.

use super::ProductGroup;
use crate::normalize::product::{self, MatchExplanation};

/// How many near groups each group names.
const NEAR_PER_GROUP: usize = 3;

/// Below this similarity two groups are not near: they differ in more than a decisive detail.
const NEAR_SCORE: f64 = 0.5;

/// A group kept apart from another one that looks alike.
#[derive(Debug, Clone)]
pub struct NearGroup {
    /// The other group's id.
    pub id: String,
    /// The other group's title.
    pub title: String,
    /// The two groups' keys compared: `conflicts` says what kept them apart.
    pub apart: MatchExplanation,
}

/// Fills the `near` of the first `shown` groups: the most similar groups of the same kind (any of
/// `groups`) that conflict with it.
pub(super) fn mark(groups: &mut [ProductGroup], shown: usize) {
    let near: Vec<Vec<NearGroup>> = groups.iter().take(shown).enumerate().map(|(i, g)| near_of(i, g, groups)).collect();
    for (group, near) in groups.iter_mut().zip(near) {
        group.near = near;
    }
}

fn near_of(at: usize, group: &ProductGroup, groups: &[ProductGroup]) -> Vec<NearGroup> {
    let mut near: Vec<NearGroup> = groups
        .iter()
        .enumerate()
        .filter(|&(j, other)| j != at && other.lead.kind == group.lead.kind)
        .filter_map(|(_, other)| apart(group, other).map(|apart| (other, apart)))
        .map(|(other, apart)| NearGroup { id: other.id.clone(), title: other.title.clone(), apart })
        .collect();
    // Most alike first; ids break ties so the answer never depends on the order of equals.
    near.sort_by(|a, b| b.apart.score.total_cmp(&a.apart.score).then_with(|| a.id.cmp(&b.id)));
    near.truncate(NEAR_PER_GROUP);
    near
}

/// What keeps `other` apart from `group`, when it is near: a decisive difference between alike
/// titles, or, for groups that differ in words alone, those words when the two would read the
/// same without them (`Sewa Mobil Toyota +SOPIR`: `avanza ≠ hiace, commuter`).
fn apart(group: &ProductGroup, other: &ProductGroup) -> Option<MatchExplanation> {
    let mut apart = product::explain(&group.lead, &other.lead);
    if apart.same {
        return None;
    }
    if !apart.conflicts.is_empty() {
        return (apart.score >= NEAR_SCORE).then_some(apart);
    }
    if super::group_title(&group.lead) != super::group_title(&other.lead) {
        return None;
    }
    let only = |a: &ProductGroup, b: &ProductGroup| {
        a.lead.tokens.iter().filter(|w| b.lead.tokens.binary_search(w).is_err()).cloned().collect::<Vec<_>>().join(", ")
    };
    apart.conflicts.push(format!("words {} ≠ {}", only(group, other), only(other, group)));
    Some(apart)
}
