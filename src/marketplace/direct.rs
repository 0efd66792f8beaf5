//! Reading a response straight into the adapter's fields.
//!
//! The adapter file names every value it wants by JSON pointer, so the response need not become
//! a `serde_json::Value` tree first (a map and a string per key of every item, then a pointer
//! walk per field): the pointers are compiled once into a tree of the keys they pass through, and
//! the parser descends only along it, skipping everything else unallocated. Only the values at
//! the pointers' ends are built. In the profile of issue 25 the tree and its pointer walks cost
//! about a sixth of a miss's CPU.
//!
//! A page is read in two steps: the page itself (total, cursor) with each item left as the text
//! it came as, then each item that `memo.rs` does not know by its bytes ([`PagePlan::read_item`]).
//! Keeping an item's text checks it is UTF-8 throughout, as the `Value` tree does: a byte that is
//! not UTF-8, even in a string no field reads, makes the page unreadable either way.
//!
//! The answer is the one `Value::pointer` gives on the parsed document (escapes `~0`/`~1`, array
//! indexes as the same digits), so `http.rs` reads a page the same way either route. A file whose
//! pointers end inside one another (a field that is an object holding another field) has no plan
//! and is read through the `Value` tree.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::fmt;

/// The keys of a response are looked up in tables the adapter file fills, never the response, so
/// no per-map seed is needed against flooding: foldhash's fixed state. It reads eight bytes at a
/// time where the byte-at-a-time hash it replaced was 0.9 % of a miss's CPU.
type Keyed<V> = HashMap<String, V, foldhash::fast::FixedState>;

/// Where in a page's document the adapter's values are.
#[derive(Debug, Default)]
struct Node {
    /// Keys (or array indexes) leading on.
    children: Keyed<Node>,
    /// Slots taking the whole value here.
    slots: Vec<usize>,
    /// The item array is here; its elements are kept as text, read by the item plan when needed.
    items: bool,
    /// Slots at or below this node, and whether the item array is: a later duplicate of a key
    /// replaces what an earlier one gave, as in a parsed `Value`.
    under: Vec<usize>,
    items_under: bool,
}

/// A compiled reading of one adapter's responses.
#[derive(Debug)]
pub(super) struct PagePlan {
    page: Node,
    item: Node,
    /// Item pointer → slot.
    item_slots: Keyed<usize>,
    /// Slots more than one field reads (two fields at one pointer): those are copied, not moved.
    shared: Vec<bool>,
}

/// Slots of the page itself.
const TOTAL: usize = 0;
const NEXT_CURSOR: usize = 1;

/// A page read by its plan: its items as they came, each read by [`PagePlan::read_item`] when
/// needed (an item sent before is known by its bytes, `memo.rs`).
#[derive(Debug, Default)]
pub(super) struct DirectPage<'a> {
    /// The value at the item pointer was an array.
    pub(super) found_items: bool,
    pub(super) items: Vec<&'a RawValue>,
    page_slots: [Option<Value>; 2],
}

impl<'a> DirectPage<'a> {
    /// The items, the total and the next cursor.
    pub(super) fn into_parts(mut self) -> (Vec<&'a RawValue>, Option<Value>, Option<Value>) {
        let (total, next_cursor) = (self.page_slots[TOTAL].take(), self.page_slots[NEXT_CURSOR].take());
        (self.items, total, next_cursor)
    }
}

/// One item's values with the plan that places them.
pub(super) struct DirectItem<'a> {
    pub(super) plan: &'a PagePlan,
    pub(super) values: &'a mut [Option<Value>],
}

impl super::extract::ItemValues for DirectItem<'_> {
    fn take(&mut self, pointer: &str) -> Option<Value> {
        let slot = *self.plan.item_slots.get(pointer)?;
        let value = self.values.get_mut(slot)?;
        if self.plan.shared[slot] { value.clone() } else { value.take() }
    }
}

/// The tokens of a JSON pointer, unescaped as `Value::pointer` does; `None` for a pointer that
/// is neither empty nor starts with `/` (it finds nothing).
fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(rest.split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect())
}

/// Adds `pointer` ending in `slot` (or the item array) under `node`; false when it cannot be
/// planned (it ends inside another pointer's value, or another ends inside it).
fn add(node: &mut Node, pointer: &str, slot: Option<usize>) -> bool {
    let Some(tokens) = tokens(pointer) else {
        return true; // finds nothing either way
    };
    let mut at = node;
    for token in tokens {
        if !at.slots.is_empty() || at.items {
            return false;
        }
        at.under.extend(slot);
        at.items_under |= slot.is_none();
        at = at.children.entry(token).or_default();
    }
    match slot {
        Some(slot) if at.children.is_empty() && !at.items => at.slots.push(slot),
        None if at.children.is_empty() && at.slots.is_empty() && !at.items => at.items = true,
        _ => return false,
    }
    true
}

impl PagePlan {
    /// The plan for a response shape and its item fields; `None` when the pointers cannot be
    /// read in one pass (see the module docs).
    pub(super) fn new<'a>(
        items: &str,
        total: Option<&str>,
        next_cursor: Option<&str>,
        fields: impl IntoIterator<Item = &'a str>,
    ) -> Option<Self> {
        let mut page = Node::default();
        let page_pointers = [(total, TOTAL), (next_cursor, NEXT_CURSOR)];
        let planned = page_pointers.into_iter().all(|(p, slot)| p.is_none_or(|p| add(&mut page, p, Some(slot))));
        if !planned || !add(&mut page, items, None) {
            return None;
        }
        let mut item = Node::default();
        let mut item_slots: Keyed<usize> = Keyed::default();
        let mut shared = Vec::new();
        for pointer in fields {
            if let Some(&slot) = item_slots.get(pointer) {
                shared[slot] = true;
                continue;
            }
            let slot = item_slots.len();
            if !add(&mut item, pointer, Some(slot)) {
                return None;
            }
            item_slots.insert(pointer.to_string(), slot);
            shared.push(false);
        }
        Some(Self { page, item, item_slots, shared })
    }

    /// Reads `body`, its items left as they came; `Err` when it is not JSON.
    pub(super) fn read<'a>(&self, body: &'a [u8]) -> Result<DirectPage<'a>, serde_json::Error> {
        let mut out = DirectPage::default();
        let mut de = serde_json::Deserializer::from_slice(body);
        let mut items = Items::default();
        Walk { plan: self, node: &self.page, slots: &mut out.page_slots, items: Some(&mut items) }
            .deserialize(&mut de)?;
        de.end()?;
        out.found_items = items.found;
        out.items = items.list;
        Ok(out)
    }

    /// One item's values, by slot. `Err` for an item nested deeper than serde_json's recursion
    /// limit along a field's pointer (keeping the page's items as text has no limit): that item
    /// is skipped with the reason, where the `Value` tree fails the whole page.
    pub(super) fn read_item(&self, item: &RawValue) -> Result<Vec<Option<Value>>, serde_json::Error> {
        let mut values = vec![None; self.item_slots.len()];
        let mut de = serde_json::Deserializer::from_str(item.get());
        Walk { plan: self, node: &self.item, slots: &mut values, items: None }.deserialize(&mut de)?;
        Ok(values)
    }
}

/// What was found at the item pointer.
#[derive(Default)]
struct Items<'de> {
    found: bool,
    list: Vec<&'de RawValue>,
}

/// Reading the value at `node` into `slots` (and the item array into `items`).
struct Walk<'p, 'o, 'de> {
    plan: &'p PagePlan,
    node: &'p Node,
    slots: &'o mut [Option<Value>],
    items: Option<&'o mut Items<'de>>,
}

impl Node {
    /// The child for array element `index`: the token of the same digits, as `Value::pointer`
    /// reads array indexes (no sign, no leading zero).
    fn element(&self, index: usize) -> Option<&Node> {
        if self.children.is_empty() {
            return None;
        }
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = index;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        std::str::from_utf8(&digits[at..]).ok().and_then(|key| self.children.get(key))
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_, '_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(mut self, de: D) -> Result<(), D::Error> {
        if let Some((&last, rest)) = self.node.slots.split_last() {
            let value = <Value as serde::Deserialize>::deserialize(de)?;
            for &slot in rest {
                self.slots[slot] = Some(value.clone());
            }
            self.slots[last] = Some(value);
            return Ok(());
        }
        if self.node.items {
            return de.deserialize_any(ItemArray { items: self.items });
        }
        for &slot in &self.node.under {
            self.slots[slot] = None;
        }
        if let Some(items) = self.items.as_deref_mut().filter(|_| self.node.items_under) {
            *items = Items::default();
        }
        de.deserialize_any(self)
    }
}

/// Scalars on the way to a pointer's end: nothing is there.
macro_rules! pass_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            self.not_there()
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            self.not_there()
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            self.not_there()
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            self.not_there()
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
            self.not_there()
        }
        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            self.not_there()
        }
    };
}

impl Walk<'_, '_, '_> {
    fn not_there<E>(self) -> Result<(), E> {
        Ok(())
    }
}

impl<'de> Visitor<'de> for Walk<'_, '_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    pass_scalars!();

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        while let Some(child) = map.next_key_seed(Key(&self.node.children))? {
            match child {
                Some(node) => {
                    let items = self.items.as_deref_mut();
                    map.next_value_seed(Walk { plan: self.plan, node, slots: &mut *self.slots, items })?;
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let more = match self.node.element(index) {
                Some(node) => {
                    let items = self.items.as_deref_mut();
                    seq.next_element_seed(Walk { plan: self.plan, node, slots: &mut *self.slots, items })?.is_some()
                }
                None => seq.next_element::<IgnoredAny>()?.is_some(),
            };
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }
}

/// An object key, looked up among a node's children without being copied.
struct Key<'p>(&'p Keyed<Node>);

impl<'de, 'p> DeserializeSeed<'de> for Key<'p> {
    type Value = Option<&'p Node>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'p> Visitor<'_> for Key<'p> {
    type Value = Option<&'p Node>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.0.get(key))
    }
}

/// The value at the item pointer: an array of items, each kept as the text it came as, or
/// (anything else) no items. A later duplicate key replaces an earlier one, as in a parsed `Value`.
struct ItemArray<'o, 'de> {
    items: Option<&'o mut Items<'de>>,
}

impl ItemArray<'_, '_> {
    fn not_there<E>(self) -> Result<(), E> {
        if let Some(items) = self.items {
            *items = Items::default();
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for ItemArray<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of items")
    }

    pass_scalars!();

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.not_there()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element::<&'de RawValue>()? {
            list.push(item);
        }
        if let Some(items) = self.items {
            *items = Items { found: true, list };
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
