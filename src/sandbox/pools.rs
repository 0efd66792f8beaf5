//! Who sells what and where listings go: vendor pools per marketplace and good, and the
//! per-marketplace permutation of slots to listing positions.

use std::collections::HashMap;

use super::firm::Scale;
use super::kind::MarketplaceKind;
use super::rng::Rng;
use super::seeds::GOODS;
use super::vendors::Vendor;

/// Vendor records that may sell each good, on one marketplace or on all of them. A record
/// appears once per unit of weight, so bigger vendors get more listings, as they do in reality.
pub(crate) struct VendorPools {
    /// Pool slot of each good (goods sharing product lines share a pool).
    slot_of_good: Vec<usize>,
    /// `[kind][slot]` → vendor records on `kind` that sell the slot's lines.
    per_kind: Vec<Vec<Vec<u32>>>,
    /// `[slot]` → vendor records on every marketplace that sell the slot's lines.
    everywhere: Vec<Vec<u32>>,
    /// `[kind]` → every vendor record on `kind`, the fallback when no line matches.
    any: Vec<Vec<u32>>,
}

const fn weight(scale: Scale) -> usize {
    match scale {
        Scale::Mikro => 1,
        Scale::Kecil => 2,
        Scale::Menengah => 3,
        Scale::Besar => 4,
    }
}

fn pool<'a>(vendors: impl Iterator<Item = (usize, &'a Vendor)>) -> Vec<u32> {
    vendors.flat_map(|(i, v)| std::iter::repeat_n(i as u32, weight(v.scale))).collect()
}

impl VendorPools {
    pub(crate) fn new(vendors: &[Vendor]) -> Self {
        let mut slots: HashMap<u8, usize> = HashMap::new();
        let slot_of_good = GOODS
            .iter()
            .map(|g| {
                let next = slots.len();
                *slots.entry(g.lines).or_insert(next)
            })
            .collect();
        let mut lines = vec![0u8; slots.len()];
        for (mask, slot) in slots {
            lines[slot] = mask;
        }
        let on = |kind: MarketplaceKind| vendors.iter().enumerate().filter(move |(_, v)| v.is_on(kind));
        let everywhere_on =
            |(_, v): &(usize, &Vendor)| MarketplaceKind::all().iter().filter(|k| k.is_original()).all(|&k| v.is_on(k));
        let per_kind = MarketplaceKind::all()
            .iter()
            .map(|&kind| lines.iter().map(|&mask| pool(on(kind).filter(|(_, v)| v.lines & mask != 0))).collect())
            .collect();
        let everywhere = lines
            .iter()
            .map(|&mask| pool(vendors.iter().enumerate().filter(|(_, v)| v.lines & mask != 0).filter(everywhere_on)))
            .collect();
        let any = MarketplaceKind::all().iter().map(|&kind| pool(on(kind))).collect();
        Self { slot_of_good, per_kind, everywhere, any }
    }

    /// A vendor on `kind` for `good`.
    pub(crate) fn pick(&self, kind: MarketplaceKind, good: usize, rng: &mut Rng) -> u32 {
        let pool = &self.per_kind[kind.index()][self.slot_of_good[good]];
        let pool = if pool.is_empty() { &self.any[kind.index()] } else { pool };
        // The first seed vendor is on every marketplace, so `any` is never empty.
        pool[rng.index(pool.len())]
    }

    /// A vendor on every marketplace for `good`, if there is one.
    pub(crate) fn pick_everywhere(&self, good: usize, rng: &mut Rng) -> Option<u32> {
        let pool = &self.everywhere[self.slot_of_good[good]];
        (!pool.is_empty()).then(|| pool[rng.index(pool.len())])
    }
}

/// A bijection of `0..n` (`i ↦ a·i + b mod n`, `gcd(a, n) = 1`), one per marketplace.
#[derive(Debug)]
pub(crate) struct Permutation {
    a: u64,
    b: u64,
    n: u64,
}

impl Permutation {
    /// The permutation of `0..n` drawn from `h`.
    pub(crate) fn new(h: u64, n: usize) -> Self {
        let n = n.max(1) as u64;
        // Start near n/φ so neighbours land far apart, then step to the next coprime multiplier.
        let mut a = (n * 618 / 1000 + (h % n) / 2).max(1);
        while gcd(a, n) != 1 {
            a += 1;
        }
        Self { a: a % n, b: (h >> 32) % n, n }
    }

    /// Where `i` goes.
    pub(crate) fn apply(&self, i: usize) -> usize {
        ((u128::from(self.a) * i as u128 + u128::from(self.b)) % u128::from(self.n)) as usize
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
