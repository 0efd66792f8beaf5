//! Which marketplaces the sandbox simulates, and how each is named.

use std::fmt;
use std::str::FromStr;

use super::firm::Scale;

/// The simulated marketplaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarketplaceKind {
    /// Mbizmarket, the commercial B2B marketplace (English JSON, prices including PPN).
    Mbiz,
    /// Jatim Bejo, Jawa Timur's regional e-purchasing (Indonesian JSON, prices excluding PPN).
    JatimBejo,
    /// LKPP Katalog Elektronik v6 (API key, offset paging, decimal-string prices excluding PPN).
    Ekatalog,
    /// PaDi UMKM, BUMN buying from UMKM (cursor paging, English-style and compact price text).
    PadiUmkm,
    /// A Bela Pengadaan partner store (POST, required first cursor, per-item PPN flag, PKP
    /// status, 12 % nominal rate, exempt staples, PBJT catering, brand/model/pack fields).
    Bela,
}

impl MarketplaceKind {
    /// Every kind, in catalogue order.
    pub fn all() -> &'static [Self] {
        &[Self::Mbiz, Self::JatimBejo, Self::Ekatalog, Self::PadiUmkm, Self::Bela]
    }

    /// The marketplace id: `mbiz`, `jatim-bejo`, `ekatalog`, `padi-umkm`, `bela`.
    pub const fn id(self) -> &'static str {
        match self {
            Self::Mbiz => "mbiz",
            Self::JatimBejo => "jatim-bejo",
            Self::Ekatalog => "ekatalog",
            Self::PadiUmkm => "padi-umkm",
            Self::Bela => "bela",
        }
    }

    /// Whether it was in the first four, whose generated data must not change when a kind is
    /// added: their vendors' presence and "sold everywhere" only count these.
    pub(crate) const fn is_original(self) -> bool {
        !matches!(self, Self::Bela)
    }

    /// Position in [`MarketplaceKind::all`]; keys the catalogue's per-marketplace data.
    pub(crate) const fn index(self) -> usize {
        match self {
            Self::Mbiz => 0,
            Self::JatimBejo => 1,
            Self::Ekatalog => 2,
            Self::PadiUmkm => 3,
            Self::Bela => 4,
        }
    }

    /// Chance in percent that a vendor has an account here: Jatim Bejo is for Jawa Timur, PaDi
    /// UMKM for micro, small and medium businesses.
    pub(crate) const fn vendor_presence_percent(self, in_jawa_timur: bool, scale: Scale) -> u64 {
        match (self, in_jawa_timur, scale) {
            (Self::Mbiz, true, _) => 80,
            (Self::Mbiz, false, _) => 100,
            (Self::JatimBejo, true, _) => 85,
            (Self::JatimBejo, false, _) => 0,
            (Self::Ekatalog, _, Scale::Mikro) => 55,
            (Self::Ekatalog, _, _) => 80,
            (Self::PadiUmkm, _, Scale::Besar) => 0,
            (Self::PadiUmkm, _, Scale::Mikro | Scale::Kecil) => 80,
            (Self::PadiUmkm, _, Scale::Menengah) => 65,
            (Self::Bela, _, Scale::Mikro) => 50,
            (Self::Bela, _, _) => 70,
        }
    }
}

impl fmt::Display for MarketplaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A marketplace id that names no sandbox.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sandbox marketplace {0:?}; expected one of: mbiz, jatim-bejo, ekatalog, padi-umkm, bela")]
pub struct UnknownMarketplace(pub String);

impl FromStr for MarketplaceKind {
    type Err = UnknownMarketplace;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::all()
            .iter()
            .copied()
            .find(|k| k.id().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownMarketplace(s.to_owned()))
    }
}
