//! The spec's CollectFields (§6.3.2): the response keys of a selection set, each with the field
//! it names and every sub-selection merged under it, through fragments.
//!
//! Type conditions are not consulted: Pasar's schema has no interfaces, and its one union
//! (`SearchStreamEvent`) is only streamed, never answered over HTTP, where this is used.

use async_graphql::Name;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use std::collections::HashSet;

/// One response key of a selection: the field it names and every sub-selection merged under it.
pub(super) struct Group<'d> {
    pub(super) key: &'d Name,
    pub(super) field: &'d Name,
    pub(super) subs: Vec<&'d SelectionSet>,
}

/// The response keys of `sets`, in first-appearance order: the spec's CollectFields.
pub(super) fn groups<'d>(sets: &[&'d SelectionSet], document: &'d ExecutableDocument) -> Vec<Group<'d>> {
    let mut groups = Vec::new();
    let mut visited = HashSet::new();
    for set in sets {
        collect(set, document, &mut groups, &mut visited);
    }
    groups
}

fn collect<'d>(
    set: &'d SelectionSet,
    document: &'d ExecutableDocument,
    groups: &mut Vec<Group<'d>>,
    visited: &mut HashSet<&'d str>,
) {
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => {
                let key = &field.node.response_key().node;
                let sub = &field.node.selection_set.node;
                match groups.iter_mut().find(|g| g.key == key) {
                    Some(group) => group.subs.push(sub),
                    None => groups.push(Group { key, field: &field.node.name.node, subs: vec![sub] }),
                }
            }
            Selection::InlineFragment(inline) => collect(&inline.node.selection_set.node, document, groups, visited),
            Selection::FragmentSpread(spread) => {
                let name = &spread.node.fragment_name.node;
                // Validation forbids cycles; remembering spreads makes that irrelevant here.
                if visited.insert(name.as_str())
                    && let Some(fragment) = document.fragments.get(name)
                {
                    collect(&fragment.node.selection_set.node, document, groups, visited);
                }
            }
        }
    }
}
