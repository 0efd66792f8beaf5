//! An in-memory inverted index over one marketplace's titles.
//!
//! A query matches the listings whose title holds every query token; the last token also matches
//! as a prefix (`kert` finds `kertas`), as a search box does while typing. Matches come back in
//! listing order, so pages are stable.

use std::collections::HashMap;

use super::catalogue::Catalogue;
use super::kind::MarketplaceKind;
use super::text;

/// Token postings: for each token, the ascending listing indices whose title holds it.
pub(crate) struct SearchIndex {
    len: usize,
    /// Sorted tokens, each with its posting list index, for exact and prefix lookup.
    vocabulary: Vec<(Box<str>, u32)>,
    postings: Vec<Vec<u32>>,
}

/// The listings a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Hits {
    /// An empty query: every listing, `0..n`.
    All(usize),
    /// The matching listing indices, ascending.
    Some(Vec<u32>),
}

impl Hits {
    /// How many listings matched.
    pub(crate) fn len(&self) -> usize {
        match self {
            Self::All(n) => *n,
            Self::Some(ids) => ids.len(),
        }
    }

    /// Up to `limit` matches starting at the `offset`-th.
    pub(crate) fn page(&self, offset: usize, limit: usize) -> Vec<usize> {
        match self {
            Self::All(n) => (offset.min(*n)..offset.saturating_add(limit).min(*n)).collect(),
            Self::Some(ids) => ids.iter().skip(offset).take(limit).map(|&i| i as usize).collect(),
        }
    }

    /// The first `len` matches (all of them for `None`).
    pub(crate) fn truncate(self, len: Option<usize>) -> Self {
        let Some(len) = len else { return self };
        match self {
            Self::All(n) => Self::All(n.min(len)),
            Self::Some(mut ids) => {
                ids.truncate(len);
                Self::Some(ids)
            }
        }
    }

    /// The first `len` matches (all for `None`) with the `new` matches after them listed first,
    /// as listings added since would be: everything listed moves down `new` places.
    pub(crate) fn listed(self, len: Option<usize>, new: usize) -> Self {
        if new == 0 {
            return self.truncate(len);
        }
        let all = self.all();
        let kept = len.unwrap_or(all.len()).min(all.len());
        let added = &all[kept..(kept + new).min(all.len())];
        Self::Some(added.iter().chain(&all[..kept]).map(|&i| i as u32).collect())
    }

    /// Every match, in order.
    pub(crate) fn all(&self) -> Vec<usize> {
        self.page(0, self.len())
    }
}

impl std::fmt::Debug for SearchIndex {
    // A million postings are no use in a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("listings", &self.len)
            .field("tokens", &self.vocabulary.len())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Indexes the titles `kind` gives the catalogue's listings, as that marketplace searches them.
    pub(crate) fn of(catalogue: &Catalogue, kind: MarketplaceKind) -> Self {
        Self::build(catalogue.products_per_marketplace(), |i, buffer| {
            buffer.push_str(&kind.title(&catalogue.view(kind, i)));
        })
    }

    /// Indexes `len` titles; `title(i, buffer)` writes the title of listing `i` into `buffer`.
    pub(crate) fn build(len: usize, mut title: impl FnMut(usize, &mut String)) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut buffer = String::new();
        for i in 0..len {
            buffer.clear();
            title(i, &mut buffer);
            let listing = i as u32;
            text::for_each_token(&buffer, |token| {
                let id = match ids.get(token) {
                    Some(&id) => id,
                    None => {
                        let id = postings.len() as u32;
                        ids.insert(token.to_owned(), id);
                        postings.push(Vec::new());
                        id
                    }
                };
                let list = &mut postings[id as usize];
                // A title may repeat a token; listings arrive in order, so checking the tail
                // is enough to keep each posting list free of duplicates.
                if list.last() != Some(&listing) {
                    list.push(listing);
                }
            });
        }
        postings.iter_mut().for_each(|p| p.shrink_to_fit());
        let mut vocabulary: Vec<(Box<str>, u32)> = ids.into_iter().map(|(t, id)| (t.into_boxed_str(), id)).collect();
        vocabulary.sort_unstable();
        Self { len, vocabulary, postings }
    }

    /// Number of indexed listings.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The listings matching `query`, ascending.
    pub(crate) fn search(&self, query: &str) -> Hits {
        let mut tokens = Vec::new();
        text::tokens(query, &mut tokens);
        let Some(last) = tokens.pop() else {
            return Hits::All(self.len);
        };
        tokens.sort_unstable();
        tokens.dedup();
        let mut exact = Vec::with_capacity(tokens.len());
        for token in tokens.iter().filter(|t| **t != last) {
            match self.exact(token) {
                Some(list) => exact.push(list),
                None => return Hits::Some(Vec::new()),
            }
        }
        exact.sort_by_key(|list| list.len());
        let prefixed = self.prefixed(&last);
        let Some((first, rest)) = exact.split_first() else {
            return Hits::Some(match prefixed.as_slice() {
                [only] => only.to_vec(),
                many => self.union(many),
            });
        };
        let mut matches = match rest.split_first() {
            Some((second, rest)) => rest.iter().fold(intersect(first, second), |acc, list| intersect(&acc, list)),
            None => first.to_vec(),
        };
        let prefix_total: usize = prefixed.iter().map(|l| l.len()).sum();
        matches = match prefixed.as_slice() {
            [only] => intersect(&matches, only),
            // Few candidates: look each up; many: one pass over a bitmap of the union.
            many if matches.len() * many.len() * 8 < prefix_total => {
                matches.into_iter().filter(|id| many.iter().any(|list| list.binary_search(id).is_ok())).collect()
            }
            many => intersect(&matches, &self.union(many)),
        };
        Hits::Some(matches)
    }

    fn exact(&self, token: &str) -> Option<&[u32]> {
        self.vocabulary
            .binary_search_by(|(t, _)| (**t).cmp(token))
            .ok()
            .map(|at| self.postings[self.vocabulary[at].1 as usize].as_slice())
    }

    /// Posting lists of every token starting with `prefix`; one-letter prefixes match exactly,
    /// since they would otherwise match nearly everything.
    fn prefixed(&self, prefix: &str) -> Vec<&[u32]> {
        if prefix.len() < 2 {
            return self.exact(prefix).into_iter().collect();
        }
        let start = self.vocabulary.partition_point(|(t, _)| **t < *prefix);
        self.vocabulary[start..]
            .iter()
            .take_while(|(t, _)| t.starts_with(prefix))
            .map(|(_, id)| self.postings[*id as usize].as_slice())
            .collect()
    }

    /// The ascending union of several posting lists, through a bitmap over all listings.
    fn union(&self, lists: &[&[u32]]) -> Vec<u32> {
        let mut bits = vec![0u64; self.len.div_ceil(64)];
        for &i in lists.iter().flat_map(|l| l.iter()) {
            bits[i as usize / 64] |= 1 << (i % 64);
        }
        let mut out = Vec::new();
        for (word_index, &word) in bits.iter().enumerate() {
            let mut w = word;
            while w != 0 {
                out.push((word_index * 64) as u32 + w.trailing_zeros());
                w &= w - 1;
            }
        }
        out
    }
}

/// Intersection of two ascending lists: a linear merge when their sizes are close, otherwise
/// walking the shorter one and galloping through the longer.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, mut large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(small.len());
    if large.len() < small.len() * 16 {
        let (mut i, mut j) = (0, 0);
        while i < small.len() && j < large.len() {
            match small[i].cmp(&large[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    out.push(small[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        return out;
    }
    for &x in small {
        let mut step = 1;
        while step < large.len() && large[step] < x {
            step *= 2;
        }
        let window = &large[..large.len().min(step + 1)];
        let at = window.partition_point(|&y| y < x);
        large = &large[at..];
        if large.first() == Some(&x) {
            out.push(x);
        }
        if large.is_empty() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(titles: &[&str]) -> SearchIndex {
        SearchIndex::build(titles.len(), |i, buf| buf.push_str(titles[i]))
    }

    #[test]
    fn a_query_matches_listings_holding_every_token() {
        let idx = index(&["Kertas HVS A4 80gsm", "Kertas HVS F4 70 gsm", "Toner HP 85A", "kertas a4"]);
        assert_eq!(idx.search("kertas a4"), Hits::Some(vec![0, 3]));
        assert_eq!(idx.search("HVS  kertas"), Hits::Some(vec![0, 1]));
        assert_eq!(idx.search("toner canon").len(), 0);
        assert_eq!(idx.search("  "), Hits::All(4));
    }

    #[test]
    fn the_last_token_also_matches_as_a_prefix() {
        let idx = index(&["Kertas HVS A4 80gsm", "Kertas HVS F4 80 gsm", "Kerudung"]);
        assert_eq!(idx.search("hvs 80"), Hits::Some(vec![0, 1]));
        assert_eq!(idx.search("ker"), Hits::Some(vec![0, 1, 2]));
        assert_eq!(idx.search("80 hvs"), Hits::Some(vec![1]), "only the last token is a prefix");
        assert_eq!(idx.search("80 ker").len(), 1);
    }

    #[test]
    fn pages_slice_the_match_list() {
        let hits = Hits::Some(vec![2, 4, 6, 8, 10]);
        assert_eq!(hits.page(1, 2), vec![4, 6]);
        assert_eq!(hits.page(4, 10), vec![10]);
        assert!(hits.page(9, 10).is_empty());
        assert_eq!(Hits::All(3).page(2, 5), vec![2]);
    }

    #[test]
    fn galloping_intersection_agrees_with_a_plain_one() {
        let a: Vec<u32> = (0..10_000).filter(|x| x % 3 == 0).collect();
        for divisor in [7, 101] {
            let b: Vec<u32> = (0..10_000).filter(|x| x % divisor == 0).collect();
            let expected: Vec<u32> = (0..10_000).filter(|x| x % (3 * divisor) == 0).collect();
            assert_eq!(intersect(&a, &b), expected);
            assert_eq!(intersect(&b, &a), expected);
        }
        assert!(intersect(&a, &[]).is_empty());
    }
}
