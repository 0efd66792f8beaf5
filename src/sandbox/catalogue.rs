//! The deterministic catalogue every sandbox marketplace serves.
//!
//! Listing `i` of marketplace `m` is a pure function of `(seed, m, slot)`, where the slot is `i`
//! run through a per-marketplace permutation. Most slots are *shared*: every marketplace lists
//! the same master product in that slot (each with its own title, pack, vendor account and price),
//! which is what gives the gateway something to group. The permutation keeps equal positions on
//! two marketplaces from meaning equal products.

use super::kind::MarketplaceKind;
use super::listing::{Listing, ListingView, Master};
use super::padi_text;
use super::pools::{Permutation, VendorPools};
use super::rng::{Rng, hash, tag};
use super::seeds::GOODS;
use super::vendors::{self, Vendor};

/// Share of slots, in percent, whose master product is listed on every marketplace.
const SHARED_PERCENT: u64 = 65;
/// Share of shared slots, in percent, sold by the same vendor entity everywhere.
const SAME_VENDOR_PERCENT: u64 = 50;

/// The generated products, vendors and listings shared by all sandbox marketplaces.
///
/// Built once with [`Catalogue::generate`] and shared behind an `Arc`; the same
/// `(products, seed)` always gives the same catalogue.
pub struct Catalogue {
    seed: u64,
    products: usize,
    pub(crate) masters: Vec<Master>,
    /// First master index of each good.
    good_offsets: Vec<u32>,
    pub(crate) vendors: Vec<Vendor>,
    /// Listings per marketplace, indexed by [`MarketplaceKind::index`].
    listings: Vec<Vec<Listing>>,
    /// Per marketplace, how vendor records map to seller account numbers.
    accounts: Vec<Permutation>,
}

impl std::fmt::Debug for Catalogue {
    // The listings run to hundreds of thousands; a summary is what a reader wants.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("seed", &self.seed)
            .field("products_per_marketplace", &self.products)
            .field("masters", &self.masters.len())
            .field("vendors", &self.vendors.len())
            .finish_non_exhaustive()
    }
}

impl Catalogue {
    /// Generates `products_per_marketplace` listings for every [`MarketplaceKind`] from `seed`.
    pub fn generate(products_per_marketplace: usize, seed: u64) -> Self {
        let (masters, good_offsets) = masters(seed);
        let vendors = vendors::generate(products_per_marketplace, seed);
        let mut catalogue = Self {
            seed,
            products: products_per_marketplace,
            masters,
            good_offsets,
            listings: Vec::new(),
            accounts: MarketplaceKind::all()
                .iter()
                .map(|k| Permutation::new(hash(seed, &[tag::PERMUTATION, k.index() as u64, 1]), vendors.len()))
                .collect(),
            vendors,
        };
        let pools = VendorPools::new(&catalogue.vendors);
        catalogue.listings = MarketplaceKind::all().iter().map(|&kind| catalogue.listings_of(kind, &pools)).collect();
        catalogue
    }

    /// The seed it was generated from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Listings per marketplace.
    pub fn products_per_marketplace(&self) -> usize {
        self.products
    }

    /// Number of distinct master products the listings draw from.
    pub fn master_count(&self) -> usize {
        self.masters.len()
    }

    /// Number of vendor records (head offices and branches).
    pub fn vendor_count(&self) -> usize {
        self.vendors.len()
    }

    /// The listings of one marketplace, in listing-id order.
    #[cfg(test)]
    pub(crate) fn listings(&self, kind: MarketplaceKind) -> &[Listing] {
        &self.listings[kind.index()]
    }

    /// The number (1-based) of vendor record `vendor`'s seller account on `kind`; each
    /// marketplace writes it as its own seller id.
    pub(crate) fn account_number(&self, kind: MarketplaceKind, vendor: u32) -> usize {
        self.accounts[kind.index()].apply(vendor as usize) + 1
    }

    /// Listing `index` of `kind` with everything it refers to.
    pub(crate) fn view(&self, kind: MarketplaceKind, index: usize) -> ListingView<'_> {
        let listing = &self.listings[kind.index()][index];
        let master = &self.masters[listing.master as usize];
        let good = &GOODS[usize::from(master.good)];
        ListingView {
            listing,
            master,
            good,
            make: &good.makes[usize::from(master.make)],
            variant: &good.variants[usize::from(master.variant)],
            pack: &good.packs[usize::from(listing.pack)],
            vendor: &self.vendors[listing.vendor as usize],
        }
    }

    fn listings_of(&self, kind: MarketplaceKind, pools: &VendorPools) -> Vec<Listing> {
        let n = self.products;
        let permutation = Permutation::new(hash(self.seed, &[tag::PERMUTATION, kind.index() as u64]), n);
        let mut slot_at = vec![0u32; n];
        for slot in 0..n {
            slot_at[permutation.apply(slot)] = slot as u32;
        }
        slot_at.into_iter().map(|slot| self.listing(kind, slot as usize, pools)).collect()
    }

    /// The listing in `slot` of `kind`: O(1), independent of every other slot.
    fn listing(&self, kind: MarketplaceKind, slot: usize, pools: &VendorPools) -> Listing {
        let m = kind.index() as u64;
        let mut shared = Rng::new(self.seed, &[tag::SLOT, slot as u64]);
        let mut own = Rng::new(self.seed, &[tag::LISTING, m, slot as u64]);
        let is_shared = shared.chance(SHARED_PERCENT);
        let master = if is_shared { self.pick_master(&mut shared) } else { self.pick_master(&mut own) };
        let good_index = usize::from(self.masters[master as usize].good);
        let vendor = if is_shared && shared.chance(SAME_VENDOR_PERCENT) {
            // "Everywhere" counts the first four kinds; a later kind may lack that vendor.
            let everywhere = pools.pick_everywhere(good_index, &mut shared);
            everywhere
                .filter(|&v| self.vendors[v as usize].is_on(kind))
                .unwrap_or_else(|| pools.pick(kind, good_index, &mut own))
        } else {
            pools.pick(kind, good_index, &mut own)
        };
        let good = &GOODS[good_index];
        let pack = own.index(good.packs.len());
        let price = self.price(master, pack, &self.vendors[vendor as usize], &mut own);
        let stock = if own.chance(5) {
            0
        } else if price < 100_000 {
            own.range(20, 1000) as u32
        } else if price < 2_000_000 {
            own.range(5, 200) as u32
        } else {
            own.range(1, 30) as u32
        };
        let mut listing = Listing {
            master,
            vendor,
            price,
            stock,
            pack: pack as u8,
            name: own.index(good.names.len()) as u8,
            template: own.below(u64::from(u8::MAX)) as u8,
            shows_tkdn: own.chance(90),
        };
        listing.price = listed_price(kind, price, &listing, &self.vendors[vendor as usize]);
        listing
    }

    fn pick_master(&self, rng: &mut Rng) -> u32 {
        let weights: [u32; GOODS.len()] = std::array::from_fn(|g| GOODS[g].weight);
        let g = rng.weighted(&weights);
        let good = &GOODS[g];
        let make = rng.index(good.makes.len());
        let variant = rng.index(good.variants.len());
        self.good_offsets[g] + (make * good.variants.len() + variant) as u32
    }

    /// Pack price excluding PPN: reference price scaled to the pack, the vendor's price level and
    /// a few percent of noise, rounded to a multiple of 100 so that 11 % PPN is whole rupiah.
    fn price(&self, master: u32, pack: usize, vendor: &Vendor, rng: &mut Rng) -> u64 {
        let master = &self.masters[master as usize];
        let good = &GOODS[usize::from(master.good)];
        let chosen = &good.packs[pack];
        let noise = rng.range(960, 1060);
        let numerator = u128::from(master.reference_price)
            * u128::from(chosen.quantity)
            * u128::from(chosen.price_pct)
            * u128::from(vendor.price_permille)
            * u128::from(noise);
        let denominator = u128::from(good.packs[0].quantity) * 100 * 1000 * 1000;
        let rupiah = (numerator / denominator) as u64;
        ((rupiah + 50) / 100).max(1) * 100
    }
}

/// The pack price excluding PPN `kind` lists, from the catalogue's `price`: PaDi UMKM rounds the
/// listings it shows in compact form (`"1,25 jt"`) to what the text can say.
fn listed_price(kind: MarketplaceKind, price: u64, listing: &Listing, vendor: &Vendor) -> u64 {
    match kind {
        MarketplaceKind::PadiUmkm if padi_text::shows_compact(listing, vendor) => padi_text::compact_round(price),
        MarketplaceKind::Mbiz
        | MarketplaceKind::JatimBejo
        | MarketplaceKind::Ekatalog
        | MarketplaceKind::PadiUmkm
        | MarketplaceKind::Bela => price,
    }
}

/// Every make × variant of every good, in table order, with its reference price and TKDN.
fn masters(seed: u64) -> (Vec<Master>, Vec<u32>) {
    let mut masters = Vec::new();
    let mut offsets = Vec::with_capacity(GOODS.len());
    for (g, good) in GOODS.iter().enumerate() {
        offsets.push(masters.len() as u32);
        for (mi, make) in good.makes.iter().enumerate() {
            for (vi, variant) in good.variants.iter().enumerate() {
                let mut rng = Rng::new(seed, &[tag::MASTER, g as u64, mi as u64, vi as u64]);
                let (lo, hi) = good.price_incl;
                let incl = rng.range(lo, hi) * u64::from(make.price_pct) * u64::from(variant.price_pct) / 10_000;
                let tenths = |range: Option<(u16, u16)>, rng: &mut Rng| {
                    range.map(|(lo, hi)| rng.range(u64::from(lo), u64::from(hi)) as u16)
                };
                let tkdn = tenths(good.tkdn, &mut rng).filter(|_| !make.imported);
                let bmp = tenths(good.bmp, &mut rng).filter(|_| !make.imported);
                masters.push(Master {
                    good: g as u16,
                    make: mi as u16,
                    variant: vi as u16,
                    reference_price: incl * 100 / 111,
                    tkdn,
                    bmp,
                });
            }
        }
    }
    (masters, offsets)
}
