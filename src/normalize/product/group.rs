//! Grouping keys into products.

use super::ProductKey;
use super::amounts;
use super::conflicts;
use super::similar::{self, Idf, Prepared};
use std::collections::{BTreeMap, HashMap};

/// Groups items (by index) into products.
///
/// Equal keys are one product. Distinct keys are joined, most similar pair first, when their
/// similarity (frequencies taken over all of `keys`) reaches the threshold and no key of one
/// group conflicts with any key of the other, so a group never holds two conflicting keys (a
/// black and a cyan toner stay apart even when an uncoloured one is like both).
///
/// Only pairs that share an uncrowded feature, an uncrowded pair of features or a related
/// model code are compared (see [`CROWDED`]). The work depends on
/// the keys and their counts, never on their order: distinct keys are taken in sorted order and
/// ties between equally similar pairs go to the smaller keys. Each group lists its indices in
/// ascending order and groups are ordered by their first index.
pub fn group(keys: &[ProductKey]) -> Vec<Vec<usize>> {
    let mut blocks: BTreeMap<&ProductKey, Vec<usize>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        blocks.entry(key).or_default().push(i);
    }
    // Keys equal but for where their titles name a maker are one key; the one standing for them
    // is chosen by that place, so the input's order never chooses it. Each wording's place is
    // kept: a maker any of them conflicts with stays out (`Joyko Stapler` names Joyko where
    // `Stapler HD-10 Max` has nothing, `Stapler HD-10 Joyko` where it has Max).
    let (distinct, wordings): (Vec<&ProductKey>, Vec<Vec<&ProductKey>>) =
        blocks.values().map(|members| wordings_of(members, keys)).unzip();
    let members: Vec<Vec<usize>> = blocks.into_values().collect();
    let idf = Idf::new(keys);
    let prepared: Vec<Prepared> = distinct.iter().map(|key| Prepared::new(key, &idf)).collect();
    let mut edges: Vec<(f64, usize, usize)> = candidates(&distinct)
        .into_iter()
        .filter_map(|(x, y)| {
            let score = similar::similarity_of(&prepared[x], &prepared[y]);
            (score >= similar::THRESHOLD && !clash(x, y, &distinct, &wordings)).then_some((score, x, y))
        })
        .collect();
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let torn = torn(&edges, &distinct, &wordings);
    let kept_from = |p: usize, q: usize| torn[p].binary_search(&q).is_ok() || torn[q].binary_search(&p).is_ok();
    let mut clusters = Clusters::new(distinct.len());
    for &(_, x, y) in &edges {
        clusters.join_unless(x, y, |p, q| kept_from(p, q) || clash(p, q, &distinct, &wordings));
    }
    let mut groups: Vec<Vec<usize>> = clusters
        .into_members()
        .into_iter()
        .map(|cluster| {
            let mut items: Vec<usize> = cluster.into_iter().flat_map(|k| members[k].iter().copied()).collect();
            items.sort_unstable();
            items
        })
        .collect();
    groups.sort_by_key(|g| g.first().copied());
    groups
}

/// The key standing for a block (the smallest place) and its wordings, one per place.
fn wordings_of<'a>(members: &[usize], keys: &'a [ProductKey]) -> (&'a ProductKey, Vec<&'a ProductKey>) {
    let mut wordings: Vec<&ProductKey> = members.iter().map(|&i| &keys[i]).collect();
    wordings.sort_by(|a, b| a.place.order(&b.place));
    wordings.dedup_by(|a, b| a.place.order(&b.place).is_eq());
    (wordings[0], wordings)
}

/// Whether distinct keys `x` and `y` conflict, or a wording of one names a maker where a wording
/// of the other has a word of its own.
fn clash(x: usize, y: usize, keys: &[&ProductKey], wordings: &[Vec<&ProductKey>]) -> bool {
    !conflicts::conflicts(keys[x], keys[y]).is_empty()
        || wordings[x].iter().any(|p| wordings[y].iter().any(|q| conflicts::makers_apart(p, q)))
}

/// For each key reading no brand, the makers' keys it stays apart from: those of every maker when
/// it is like the keys of two makers (review33m N8). Joining the most similar would give it to
/// the maker whose name is a dictionary word (`Stapler Max`, which reads no brand and so has no
/// place a title naming none could conflict with) rather than to Joyko, and an offer is then
/// one maker's on no evidence. Like one maker's keys only, it is their wording. Likewise a key
/// stating no amount stays apart from keys of different amounts it is like (review36 R36-12:
/// `Voucher Belanja Indomaret` joined the 100rb voucher, not the 300rb one, by the order of ties).
fn torn(edges: &[(f64, usize, usize)], keys: &[&ProductKey], wordings: &[Vec<&ProductKey>]) -> Vec<Vec<usize>> {
    let mut like: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for &(_, x, y) in edges {
        like[x].push(y);
        like[y].push(x);
    }
    let makers =
        |p: usize, q: usize| wordings[p].iter().any(|a| wordings[q].iter().any(|b| conflicts::makers_differ(a, b)));
    let values = |p: usize, q: usize| amounts::apart(keys[p], keys[q]).is_some();
    like.into_iter()
        .enumerate()
        .map(|(k, near)| {
            let (brandless, valueless) = (keys[k].brand.is_none(), !amounts::states(keys[k]));
            let differ = |p: usize, q: usize| (brandless && makers(p, q)) || (valueless && values(p, q));
            let mut apart: Vec<usize> = near.iter().copied().filter(|&p| near.iter().any(|&q| differ(p, q))).collect();
            apart.sort_unstable();
            apart
        })
        .collect()
}

/// More distinct keys than this sharing a feature (or two) make it no lead to a match: `kertas`
/// or `HP` alone is shared with half the set. Bounding each list keeps the pairs compared
/// linear in the number of keys.
const CROWDED: usize = 64;

/// The features of a key that candidates are found by, as names.
fn leads(key: &ProductKey) -> Vec<String> {
    let words = similar::words(key).into_iter().map(|w| format!("w:{w}"));
    // A dimension is found by its numbers too: `60x90` is like `60x90cm`.
    let specs = key.specs.iter().map(|s| match super::category::category(s) {
        "dimension" => format!("d:{}", s.trim_end_matches(char::is_alphabetic)),
        _ => format!("s:{s}"),
    });
    let mut out: Vec<String> = words.chain(specs).chain(key.brand.iter().map(|b| format!("b:{b}"))).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of distinct keys (`x < y`) sharing an uncrowded feature, or an uncrowded pair of
/// features (`b:HP` and `w:laserjet`), or with one model code written inside another (`85a`,
/// `ce285a`).
fn candidates(keys: &[&ProductKey]) -> Vec<(usize, usize)> {
    let leads: Vec<Vec<String>> = keys.iter().map(|key| leads(key)).collect();
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut single: HashMap<u32, Vec<usize>> = HashMap::new();
    for (k, names) in leads.iter().enumerate() {
        for name in names {
            let next = ids.len() as u32;
            let id = *ids.entry(name.as_str()).or_insert(next);
            single.entry(id).or_default().push(k);
        }
    }
    let mut double: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
    for (k, names) in leads.iter().enumerate() {
        // The key's crowded features, rarest first: two of them together may still be rare.
        let mut crowded: Vec<(usize, u32)> = names
            .iter()
            .map(|name| ids[name.as_str()])
            .map(|id| (single[&id].len(), id))
            .filter(|(n, _)| *n > CROWDED)
            .collect();
        crowded.sort_unstable();
        crowded.truncate(CONJOINED);
        for (i, &(_, a)) in crowded.iter().enumerate() {
            for &(_, b) in &crowded[i + 1..] {
                double.entry((a.min(b), a.max(b))).or_default().push(k);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in single.values().chain(double.values()).filter(|list| list.len() <= CROWDED) {
        for (i, &x) in list.iter().enumerate() {
            pairs.extend(list[i + 1..].iter().map(|&y| (x.min(y), x.max(y))));
        }
    }
    related_models(keys, &mut pairs);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// How many of a key's crowded features are paired up to find candidates.
const CONJOINED: usize = 10;

/// Pairs of keys with one model code written inside another (`85a`, `ce285a`) or the number of
/// one before the other's hyphen (`10`, `10-1m`), unless the code is crowded.
fn related_models(keys: &[&ProductKey], pairs: &mut Vec<(usize, usize)>) {
    let mut models: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        for spec in key.specs.iter().filter(|s| super::category::category(s) == "model") {
            models.entry(spec).or_default().push(k);
        }
    }
    let holders = |code: &str| models.get(code).filter(|list| list.len() <= CROWDED).into_iter().flatten();
    for (k, key) in keys.iter().enumerate() {
        for spec in key.specs.iter().filter(|s| super::category::category(s) == "model") {
            for &other in similar::head(spec).into_iter().flat_map(holders).filter(|&&other| other != k) {
                pairs.push((k.min(other), k.max(other)));
            }
            for start in 0..spec.len() {
                for end in start + 3..=spec.len() {
                    let Some(inner) = spec.get(start..end).filter(|inner| *inner != spec.as_str()) else { continue };
                    for &other in holders(inner) {
                        if other != k && similar::related(inner, spec) {
                            pairs.push((k.min(other), k.max(other)));
                        }
                    }
                }
            }
        }
    }
}

/// Disjoint clusters of distinct keys, joined only when no member of one conflicts with any
/// member of the other.
struct Clusters {
    owner: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Self { owner: (0..n).collect(), members: (0..n).map(|k| vec![k]).collect() }
    }

    fn join_unless(&mut self, x: usize, y: usize, clash: impl Fn(usize, usize) -> bool) {
        let (cx, cy) = (self.owner[x], self.owner[y]);
        if cx == cy {
            return;
        }
        if self.members[cx].iter().any(|&p| self.members[cy].iter().any(|&q| clash(p, q))) {
            return;
        }
        let (keep, gone) = (cx.min(cy), cx.max(cy));
        let moved = std::mem::take(&mut self.members[gone]);
        for &k in &moved {
            self.owner[k] = keep;
        }
        self.members[keep].extend(moved);
    }

    fn into_members(self) -> Vec<Vec<usize>> {
        self.members.into_iter().filter(|m| !m.is_empty()).collect()
    }
}
