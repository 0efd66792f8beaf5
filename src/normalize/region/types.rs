//! The region table's rows and the outcome of resolving free text.

/// The administrative level of a [`Region`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionLevel {
    /// Provinsi (level 1), e.g. `35` Jawa Timur.
    Province,
    /// Kabupaten (regency, level 2), code suffix `01`–`69`, e.g. `35.06`.
    Regency,
    /// Kota (city, level 2), code suffix `70`–`99`, e.g. `35.71`.
    City,
}

/// One province, regency or city from the embedded Kemendagri table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Region {
    /// Kemendagri code with a dot: `"35"` for a province, `"35.71"` for a
    /// regency or city.
    pub code: &'static str,
    /// Display name. Provinces use the table's name (`"Jawa Timur"`,
    /// `"DKI Jakarta"`, `"DI Yogyakarta"`); regencies are prefixed with
    /// `"Kabupaten "` and cities with `"Kota "` (`"Kabupaten Kediri"`,
    /// `"Kota Kediri"`). The six DKI Jakarta units carry their official
    /// form, `"Kota Administrasi Jakarta Selatan"` and `"Kabupaten
    /// Administrasi Kepulauan Seribu"`.
    pub name: &'static str,
    /// The name without any Kabupaten/Kota prefix, as in the source table
    /// (`"Kediri"`, `"Jakarta Selatan"`, `"Jawa Timur"`).
    pub short_name: &'static str,
    /// Province, regency or city.
    pub level: RegionLevel,
    /// Code of the province this region belongs to (`"35"`); a province's
    /// own code for a province.
    pub province_code: &'static str,
}

/// The outcome of [`resolve`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one region matches.
    Found(&'static Region),
    /// Several regions match (at least two, ordered by code); the caller must
    /// pick one with more context or flag the value as ambiguous.
    Ambiguous(Vec<&'static Region>),
    /// Nothing matches.
    NotFound,
}

impl Resolution {
    /// Every matching region: one for [`Resolution::Found`], all candidates
    /// for [`Resolution::Ambiguous`], none for [`Resolution::NotFound`].
    pub fn candidates(&self) -> Vec<&'static Region> {
        match self {
            Self::Found(region) => vec![*region],
            Self::Ambiguous(regions) => regions.clone(),
            Self::NotFound => Vec::new(),
        }
    }
}
