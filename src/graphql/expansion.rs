//! What an operation selects once its fragments are spread in, counted without spreading them.
//!
//! The [`prescan`](super::prescan) measures the text, but a fragment spread twice, whose
//! fragment spreads the next one twice, and so on, selects 2^n fields from n short lines.
//! async-graphql's validation and execution walk every spread: 2^20 `__typename` took 0.5-0.8 s
//! and 180 MB per request, 2^30 pinned a worker for good and grew the process past 23 GB, and a
//! `search` inside such a chain runs once per spread whatever `max_fan_out_fields` says. Each
//! fragment's counts are remembered here, so counting is linear in the document and runs at
//! admission, before either.
//!
//! The depth and the document's total of fields are async-graphql's own depth and complexity
//! (one per field, fragments inlined, every operation of the document), counted the same way so
//! that admission refuses them first, naming the limit, and async-graphql's own checks (which
//! answer a bare "Query is nested too deep") never fire.

use async_graphql::Name;
use async_graphql::Positioned;
use async_graphql::parser::types::{ExecutableDocument, FragmentDefinition, Selection, SelectionSet};
use std::collections::HashMap;

/// Root fields whose every call asks all marketplaces: the searches, and the spending figures,
/// which ask every ledger marketplace (a ranking, for every kab/kota of the province). Counted by
/// the field's name, never its alias.
pub(super) const FAN_OUT_FIELDS: &[&str] = &["search", "compare", "searchStream", "spending", "spendingRanking"];

/// The largest counts of any one operation of a document, fragments spread in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Expanded {
    /// Field selections at every level; a fragment spread twice counts twice.
    pub(super) selections: usize,
    /// Fields selected on the operation itself.
    pub(super) root_fields: usize,
    /// Root selections of fields that fan out to every marketplace.
    pub(super) fan_out_fields: usize,
    /// Fields nested in fields, the deepest path (a root field alone is 1).
    pub(super) depth: usize,
    /// Selection sets nested in selection sets, through fields, inline fragments and fragment
    /// spreads alike: async-graphql's recursion depth (`limit_recursive_depth`), which a chain
    /// of spreads deepens though the text stays flat.
    pub(super) recursion: usize,
}

impl Expanded {
    fn plus(self, other: Self) -> Self {
        Self {
            selections: self.selections.saturating_add(other.selections),
            root_fields: self.root_fields.saturating_add(other.root_fields),
            fan_out_fields: self.fan_out_fields.saturating_add(other.fan_out_fields),
            depth: self.depth.max(other.depth),
            recursion: self.recursion.max(other.recursion),
        }
    }

    /// These counts one selection set further down.
    fn nested(self) -> Self {
        Self { recursion: self.recursion + 1, ..self }
    }

    fn max(self, other: Self) -> Self {
        Self {
            selections: self.selections.max(other.selections),
            root_fields: self.root_fields.max(other.root_fields),
            fan_out_fields: self.fan_out_fields.max(other.fan_out_fields),
            depth: self.depth.max(other.depth),
            recursion: self.recursion.max(other.recursion),
        }
    }
}

/// What a document selects, fragments spread in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Measured {
    /// Each count's largest over the document's operations.
    pub(super) largest: Expanded,
    /// Field selections of every operation together: async-graphql's complexity.
    pub(super) complexity: usize,
}

/// The counts of the document's operations.
pub(super) fn expand(document: &ExecutableDocument) -> Measured {
    let mut counter = Counter { fragments: &document.fragments, known: HashMap::new() };
    document.operations.iter().map(|(_, operation)| counter.set(&operation.node.selection_set.node, true)).fold(
        Measured::default(),
        |measured, operation| Measured {
            largest: measured.largest.max(operation),
            complexity: measured.complexity.saturating_add(operation.selections),
        },
    )
}

struct Counter<'d> {
    fragments: &'d HashMap<Name, Positioned<FragmentDefinition>>,
    /// Each fragment's counts as a root selection set and as a nested one, once counted; `None`
    /// while it waits for the fragments it spreads (met again there, it is a cycle, which
    /// validation refuses, and adds nothing here).
    known: HashMap<Use<'d>, Option<Expanded>>,
}

/// A fragment as spread: at the operation's root, or below a field.
type Use<'d> = (&'d Name, bool);

impl<'d> Counter<'d> {
    /// The counts of `set`; at the root its fields are root fields (fragments spread at the root
    /// put theirs there too), below it they are only selections. Recursion here follows the
    /// text's nesting only, which the prescan bounded.
    fn set(&mut self, set: &'d SelectionSet, at_root: bool) -> Expanded {
        set.items.iter().fold(Expanded::default(), |total, item| {
            let counted = match &item.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let below = self.set(&field.selection_set.node, false);
                    let has_set = !field.selection_set.node.items.is_empty();
                    Expanded {
                        selections: below.selections.saturating_add(1),
                        root_fields: usize::from(at_root),
                        fan_out_fields: usize::from(at_root && FAN_OUT_FIELDS.contains(&field.name.node.as_str())),
                        depth: below.depth + 1,
                        recursion: if has_set { below.recursion + 1 } else { 0 },
                    }
                }
                Selection::InlineFragment(inline) => self.set(&inline.node.selection_set.node, at_root).nested(),
                Selection::FragmentSpread(spread) => self.fragment((&spread.node.fragment_name.node, at_root)).nested(),
            };
            total.plus(counted)
        })
    }

    /// A fragment's counts, the fragments it spreads counted first from a stack of its own: a
    /// chain of spreads is as long as the document allows (over a thousand fragments), too deep
    /// to recurse through on a worker's stack.
    fn fragment(&mut self, used: Use<'d>) -> Expanded {
        if let Some(known) = self.known.get(&used) {
            return known.unwrap_or_default();
        }
        let mut pending = vec![used];
        while let Some(&next) = pending.last() {
            if matches!(self.known.get(&next), Some(Some(_))) {
                pending.pop();
                continue;
            }
            let Some(fragment) = self.fragments.get(next.0) else {
                self.known.insert(next, Some(Expanded::default()));
                pending.pop();
                continue;
            };
            let set = &fragment.node.selection_set.node;
            let mut spreads = Vec::new();
            spreads_of(set, next.1, &mut spreads);
            spreads.sort_unstable();
            spreads.dedup();
            let waiting: Vec<Use<'d>> = spreads.into_iter().filter(|s| !self.known.contains_key(s)).collect();
            if waiting.is_empty() || self.known.contains_key(&next) {
                // Every spread is counted (or is a cycle back to a fragment still waiting).
                let counted = self.set(set, next.1);
                self.known.insert(next, Some(counted));
                pending.pop();
            } else {
                self.known.insert(next, None);
                pending.extend(waiting);
            }
        }
        self.known.get(&used).copied().flatten().unwrap_or_default()
    }
}

/// The fragments `set` spreads, each with where it is spread (at the root or below a field).
fn spreads_of<'d>(set: &'d SelectionSet, at_root: bool, found: &mut Vec<Use<'d>>) {
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => spreads_of(&field.node.selection_set.node, false, found),
            Selection::InlineFragment(inline) => spreads_of(&inline.node.selection_set.node, at_root, found),
            Selection::FragmentSpread(spread) => found.push((&spread.node.fragment_name.node, at_root)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(query: &str) -> Measured {
        expand(&async_graphql::parser::parse_query(query).expect("a document"))
    }

    fn expanded(query: &str) -> Expanded {
        measured(query).largest
    }

    /// `query{...F0}` where each `Fi` spreads `Fi+1` twice and the last selects `leaf`.
    fn doubling(levels: usize, leaf: &str) -> String {
        let chain: String =
            (0..levels).map(|i| format!("fragment F{i} on Query {{ ...F{} ...F{} }} ", i + 1, i + 1)).collect();
        format!("query {{ ...F0 }} {chain} fragment F{levels} on Query {{ {leaf} }}")
    }

    #[test]
    fn a_plain_operation_counts_its_fields_at_every_level_and_its_root_fields() {
        let counted =
            expanded("{ a: search(query: \"x\") { complete offers { totalCount } } marketplaces { id name } }");
        assert_eq!(counted, Expanded { selections: 7, root_fields: 2, fan_out_fields: 1, depth: 3, recursion: 2 });
    }

    #[test]
    fn a_fragment_spread_n_times_counts_n_times() {
        let counted = expanded("{ ...M ...M ...M } fragment M on Query { marketplaces { id } }");
        assert_eq!(counted, Expanded { selections: 6, root_fields: 3, fan_out_fields: 0, depth: 2, recursion: 2 });
        let nested = expanded("{ marketplaces { ...I ...I } } fragment I on Marketplace { id name }");
        assert_eq!(nested, Expanded { selections: 5, root_fields: 1, fan_out_fields: 0, depth: 2, recursion: 2 });
    }

    #[test]
    fn a_doubling_chain_of_fragments_counts_two_to_the_n_without_spreading_them() {
        let started = std::time::Instant::now();
        assert_eq!(expanded(&doubling(20, "__typename")).selections, 1 << 20);
        assert_eq!(expanded(&doubling(70, "__typename")).selections, usize::MAX, "saturates, never wraps");
        let searches = expanded(&doubling(10, "search(query: \"x\") { complete }"));
        assert_eq!((searches.root_fields, searches.fan_out_fields, searches.selections), (1024, 1024, 2048));
        assert!(started.elapsed() < std::time::Duration::from_millis(500), "{:?}", started.elapsed());
    }

    #[test]
    fn inline_fragments_at_the_root_put_their_fields_at_the_root() {
        let counted = expanded(
            "{ ... on Query { search(query: \"x\") { complete } } ... { parsePrice(text: \"1\") { amount } } }",
        );
        assert_eq!(counted, Expanded { selections: 4, root_fields: 2, fan_out_fields: 1, depth: 2, recursion: 2 });
    }

    #[test]
    fn cycles_and_unknown_fragments_end_the_count_and_are_left_to_validation() {
        assert_eq!(
            expanded("{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }").selections,
            1
        );
        assert_eq!(expanded("{ ...Missing __typename }").selections, 1);
    }

    #[test]
    fn the_largest_operation_of_a_document_counts() {
        let counted =
            measured("query A { __typename } query B { marketplaces { id } search(query: \"x\") { complete } }");
        assert_eq!(
            counted.largest,
            Expanded { selections: 4, root_fields: 2, fan_out_fields: 1, depth: 2, recursion: 1 }
        );
        assert_eq!(counted.complexity, 5, "async-graphql's complexity counts every operation's fields");
    }

    #[test]
    fn depth_follows_fields_through_fragments_wherever_they_are_spread() {
        let counted = expanded(
            "{ marketplaces { ...A } search(query: \"x\") { offers { edges { node { id } } } } } \
             fragment A on Marketplace { ... on Marketplace { health { ...B } } } fragment B on MarketplaceHealth { a { b { c } } }",
        );
        assert_eq!(counted.depth, 5, "marketplaces > health > a > b > c, and search's path is 5 too");
        assert_eq!(expanded("{ a { b { c { d { e { f } } } } } }").depth, 6);
        assert_eq!(expanded(&doubling(40, "a { b }")).depth, 2, "spreads add breadth, not depth");
    }

    #[test]
    fn recursion_counts_every_selection_set_below_the_operation_fragment_spreads_too() {
        // async-graphql's check: the operation's set is 0, each set one down is one more.
        assert_eq!(expanded("{ a { b { c } } }").recursion, 2);
        assert_eq!(expanded("{ ... on Query { a { b } } }").recursion, 2);
        let chain: String = (0..40).map(|i| format!("fragment F{i} on Query {{ ...F{} }} ", i + 1)).collect();
        let flat = format!("{{ ...F0 }} {chain} fragment F40 on Query {{ __typename }}");
        assert_eq!(expanded(&flat).recursion, 41, "41 spreads deep in text one brace deep");
    }

    #[test]
    fn a_chain_as_long_as_the_token_limit_allows_is_counted_on_a_small_stack() {
        // ~7 tokens per fragment: 10,000 tokens make at most ~1,430 fragments.
        let chain: String = (0..1_500).map(|i| format!("fragment F{i} on Query {{ ...F{} }} ", i + 1)).collect();
        let query = format!("query {{ ...F0 }} {chain} fragment F1500 on Query {{ __typename }}");
        let counted = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || expanded(&query).selections)
            .expect("thread")
            .join()
            .expect("no stack overflow");
        assert_eq!(counted, 1);
    }
}
