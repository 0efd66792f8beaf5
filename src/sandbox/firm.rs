//! What kind of business a vendor is, as Indonesian law sorts them: its legal form and its
//! scale.

/// Legal form of a vendor, as it is written before the name in canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LegalForm {
    Pt,
    Cv,
    Ud,
    Koperasi,
    Toko,
}

impl LegalForm {
    /// The form as a registry field writes it (`bentuk_usaha`): a toko is a sole trader.
    pub(crate) const fn registered(self) -> &'static str {
        match self {
            Self::Toko => "Perorangan",
            other => other.label(),
        }
    }

    /// The canonical prefix (`PT`, `CV`, `Koperasi`, …).
    pub(crate) const fn label(self) -> &'static str {
        match self {
            Self::Pt => "PT",
            Self::Cv => "CV",
            Self::Ud => "UD",
            Self::Koperasi => "Koperasi",
            Self::Toko => "Toko",
        }
    }
}

/// Business scale after PP 7/2021.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scale {
    Mikro,
    Kecil,
    Menengah,
    Besar,
}

impl Scale {
    /// Lowercase name, as the ground truth reports it.
    pub(crate) const fn id(self) -> &'static str {
        match self {
            Self::Mikro => "mikro",
            Self::Kecil => "kecil",
            Self::Menengah => "menengah",
            Self::Besar => "besar",
        }
    }
}
