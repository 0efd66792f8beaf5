//! The in-process caches' common make: quick_cache, bounded by weight, with as many shards as
//! keep the largest entry its owner stores.
//!
//! quick_cache splits its weight budget evenly among shards (by default four per core), and an
//! entry heavier than one shard's hot share (97 % of it) is quietly not kept. Left to the
//! default, a 32 MiB cache on a 64-core host would be shards of 128 KiB, and a 188 KB answer would
//! never be stored; on this 2-core machine the same cache keeps it. So each cache says the
//! heaviest entry it must keep, and gets at most as many shards as leave room for it.

use std::hash::Hash;

/// A weight-bounded quick_cache hashed with foldhash (see Cargo.toml).
pub(crate) type Bounded<K, V, W> = quick_cache::sync::Cache<K, V, W, foldhash::fast::RandomState>;

/// An entry with its weight, reckoned once as it is stored: quick_cache weighs an entry again as
/// it evicts and asks weighers to be trivially cheap, and these weights sum a page's or an offer's
/// strings.
#[derive(Clone)]
pub(crate) struct Weighed<V> {
    pub(crate) value: V,
    pub(crate) weight: u64,
}

/// Weighs a [`Weighed`] entry by the weight it carries.
#[derive(Clone)]
pub(crate) struct CarriedWeight;

impl<K, V: Clone> quick_cache::Weighter<K, Weighed<V>> for CarriedWeight {
    fn weight(&self, _: &K, entry: &Weighed<V>) -> u64 {
        entry.weight
    }
}

/// A cache holding about `budget` of weight, sized for entries of about `typical` and keeping
/// any entry up to `largest`.
pub(crate) fn bounded<K, V, W>(budget: u64, typical: u64, largest: u64, weigher: W) -> Bounded<K, V, W>
where
    K: Eq + Hash,
    V: Clone,
    W: quick_cache::Weighter<K, V> + Clone,
{
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    with_cores(budget, typical, largest, weigher, cores)
}

fn with_cores<K, V, W>(budget: u64, typical: u64, largest: u64, weigher: W, cores: usize) -> Bounded<K, V, W>
where
    K: Eq + Hash,
    V: Clone,
    W: quick_cache::Weighter<K, V> + Clone,
{
    let estimated = usize::try_from(budget / typical.max(1)).unwrap_or(usize::MAX).max(1);
    let options = quick_cache::OptionsBuilder::new()
        .estimated_items_capacity(estimated)
        .weight_capacity(budget)
        .shards(shards(budget, largest, cores))
        .build();
    // Every option is set, so building cannot fail; the default options are the fallback all
    // the same.
    match options {
        Ok(options) => Bounded::with_options(options, weigher, Default::default(), Default::default()),
        Err(_) => Bounded::with(estimated, budget, weigher, Default::default(), Default::default()),
    }
}

/// A power of two (quick_cache rounds up to one): quick_cache's default of four per core, or
/// fewer, so that a shard's hot share (97 %) still holds `largest`.
fn shards(budget: u64, largest: u64, cores: usize) -> usize {
    // Shard capacity × 0.97 ≥ largest, with a little to spare: budget / shards ≥ largest × 1.1.
    let room = budget / largest.saturating_add(largest / 10).max(1);
    let most = usize::try_from(room).unwrap_or(usize::MAX).clamp(1, cores.saturating_mul(4).max(1));
    // The largest power of two not above `most`.
    1 << most.ilog2()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone)]
    struct Stated;

    impl quick_cache::Weighter<u32, u64> for Stated {
        fn weight(&self, _: &u32, weight: &u64) -> u64 {
            *weight
        }
    }

    #[test]
    fn shards_leave_room_for_the_largest_entry_and_are_at_most_four_per_core() {
        const MIB: u64 = 1024 * 1024;
        assert_eq!(shards(32 * MIB, 4 * MIB, 64), 4);
        assert_eq!(shards(32 * MIB, 4 * MIB, 1), 4);
        assert_eq!(shards(256 * MIB, 64 * 1024, 2), 8);
        assert_eq!(shards(8 * MIB, 8 * MIB, 64), 1, "an entry as large as the budget: one shard");
        assert_eq!(shards(0, 0, 0), 1);
    }

    #[test]
    fn an_entry_as_heavy_as_the_largest_stated_is_kept_on_a_host_of_many_cores() {
        const MIB: u64 = 1024 * 1024;
        let cache = with_cores(32 * MIB, 4096, 4 * MIB, Stated, 64);
        cache.insert(1, 4 * MIB);
        assert_eq!(cache.get(&1), Some(4 * MIB));
        // Sharded as quick_cache's default would be on such a host, it is not kept.
        let by_default = with_cores(32 * MIB, 4096, 1, Stated, 64);
        by_default.insert(1, 4 * MIB);
        assert_eq!(by_default.get(&1), None, "256 shards of 128 KiB");
    }
}
