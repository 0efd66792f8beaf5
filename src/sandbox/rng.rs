//! Hash-based randomness: every generated value is a pure function of (seed, what, which), so any
//! listing can be computed on its own, in any order, and the catalogue never depends on the
//! order in which it was built.

/// SplitMix64's finaliser: a cheap bijective mixer with good avalanche.
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes a seed and a path of integers (a tag naming the field, then indices) into one value.
pub(crate) fn hash(seed: u64, path: &[u64]) -> u64 {
    path.iter().fold(mix(seed), |acc, &part| mix(acc ^ mix(part)))
}

/// A SplitMix64 stream, started from a [`hash`], for drawing several values of one item.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// Starts the stream of the item named by `path`.
    pub(crate) fn new(seed: u64, path: &[u64]) -> Self {
        Self(hash(seed, path))
    }

    /// The next raw 64-bit value.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (`n` > 0); the multiply-shift keeps it unbiased enough for a simulator.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0, "below(0) has no valid answer");
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a slice of length `n` (`n` > 0).
    pub(crate) fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// A value in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// Picks an index by integer weights (at least one weight is non-zero).
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut left = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if left < u64::from(w) {
                return i;
            }
            left -= u64::from(w);
        }
        weights.len() - 1
    }
}

/// Tags naming what a hash is for, so two fields of one item never share a stream.
pub(crate) mod tag {
    pub(crate) const SLOT: u64 = 1;
    pub(crate) const LISTING: u64 = 2;
    pub(crate) const VENDOR: u64 = 3;
    pub(crate) const MASTER: u64 = 4;
    pub(crate) const PERMUTATION: u64 = 5;
    pub(crate) const CURSOR: u64 = 6;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_path_gives_the_same_stream() {
        let mut a = Rng::new(7, &[1, 2]);
        let mut b = Rng::new(7, &[1, 2]);
        assert_eq!(a.next_u64(), b.next_u64());
        assert_ne!(hash(7, &[1, 2]), hash(7, &[2, 1]));
    }

    #[test]
    fn draws_stay_within_their_bounds() {
        let mut r = Rng::new(1, &[]);
        for _ in 0..10_000 {
            assert!(r.below(7) < 7);
            assert!((3..=9).contains(&r.range(3, 9)));
            assert!(r.weighted(&[0, 5, 0, 1]) % 2 == 1);
        }
    }
}
