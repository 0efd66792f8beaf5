//! A vendor as one marketplace records it: the part of an offer that `search/vendors.rs` merges
//! across marketplaces.

use super::{Issue, StaticText, interned};

/// A vendor as one marketplace records it, before cross-marketplace merging.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VendorRecord {
    /// The vendor's account id on the marketplace; `None` when the adapter maps no `vendor_id`.
    pub source_id: Option<String>,
    /// The name exactly as sent (trimmed).
    pub raw_name: String,
    /// The canonical display name (`"PT Maju Jaya Abadi"`).
    pub name: String,
    /// The legal form read from the name or a separate field.
    pub legal_form: LegalForm,
    /// The 16-digit NPWP, when a valid one was sent and the 16-digit form is known.
    pub npwp: Option<String>,
    /// The 15-digit NPWP as sent (entity, tax office and branch; `…000` is the head office), when
    /// one was sent: for an individual it is the only NPWP a listing states that names the office,
    /// and the survey prints it when no 16-digit one is known.
    #[serde(default)]
    pub npwp15: Option<String>,
    /// The NPWP's legal-entity key (first 9 digits of NPWP15; branches share it), for merging.
    pub entity_key: Option<String>,
    /// Legal form plus core name (`"PT:MAJU JAYA ABADI"`), for merging records without an NPWP.
    pub name_key: String,
    /// Business scale as stated by the marketplace.
    pub scale: BusinessScale,
    /// Free-text location as the marketplace wrote it.
    pub location: Option<String>,
    /// Kemendagri code of the location, when it resolves to exactly one region.
    #[serde(deserialize_with = "interned::read_option")]
    pub region_code: Option<StaticText>,
    /// What could not be read cleanly about the vendor (NPWP, region).
    pub issues: Vec<Issue>,
}

impl VendorRecord {
    /// What tells this marketplace's accounts apart: the account id, else the canonical name
    /// (kept inside Pasar; the API gives no id it was not sent).
    pub fn account_key(&self) -> &str {
        self.source_id.as_deref().unwrap_or(&self.name)
    }

    /// Rough heap size of its text, for memory budgets.
    pub fn text_bytes(&self) -> usize {
        let optional = |text: &Option<String>| text.as_ref().map_or(0, String::len);
        optional(&self.source_id)
            + self.raw_name.len()
            + self.name.len()
            + self.name_key.len()
            + optional(&self.npwp)
            + optional(&self.npwp15)
            + optional(&self.entity_key)
            + optional(&self.location)
            + self.issues.iter().map(|i| 64 + i.message.len()).sum::<usize>()
    }
}

/// Indonesian legal forms of a business (ordered only so sets of them read the same in any order).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, async_graphql::Enum, serde::Serialize, serde::Deserialize,
)]
pub enum LegalForm {
    /// Perseroan Terbatas.
    Pt,
    /// Commanditaire Vennootschap.
    Cv,
    /// Usaha Dagang (sole trader).
    Ud,
    /// Koperasi (any kind: KPRI, KSU, KUD, …).
    Koperasi,
    /// Firma.
    Firma,
    /// Yayasan.
    Yayasan,
    /// Perseroan Perorangan (single-founder PT for UMK, UU Cipta Kerja); named `PT` like any PT,
    /// so only a separate legal-form field can say it.
    PtPerorangan,
    /// Toko (a storefront run by a sole trader).
    Toko,
    /// Perusahaan Umum, a state-owned enterprise that is not a PT (`Perum Bulog`).
    Perum,
    /// Perusahaan Umum Daerah, a regionally owned enterprise (`Perumda Air Minum …`).
    Perumda,
    /// An individual, as stated by a separate legal-form field.
    Perorangan,
    /// An individual or a form not stated.
    Unknown,
}

/// Business scale (PP 7/2021); ordered only so sets of accounts stating them read the same in any
/// order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, async_graphql::Enum, serde::Serialize, serde::Deserialize,
)]
pub enum BusinessScale {
    /// Usaha mikro.
    Mikro,
    /// Usaha kecil.
    Kecil,
    /// Usaha menengah.
    Menengah,
    /// Usaha besar.
    Besar,
    /// Not stated by the marketplace.
    Unknown,
}

impl BusinessScale {
    /// Whether the vendor counts as usaha mikro or kecil for UMK preference rules.
    pub fn is_umk(self) -> bool {
        matches!(self, Self::Mikro | Self::Kecil)
    }

    /// Whether two statements of a scale disagree on what the rules read of it, UMK or not: a
    /// business stated `Besar` here and `Kecil` there is two businesses to a name-only match
    /// (review33w W33-12), one stated `Mikro` and `Kecil` is not (both UMK; scales are declared
    /// by the seller, and a business grows out of mikro) (review34m M34-10). Unstated agrees.
    pub fn disagrees_with(self, other: Self) -> bool {
        self != Self::Unknown && other != Self::Unknown && self.is_umk() != other.is_umk()
    }
}
