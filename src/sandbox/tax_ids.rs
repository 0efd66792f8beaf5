//! Vendors' tax and business identifiers, as the real registries shape them: NPWP15 (group,
//! serial, check digit, tax office, branch), NPWP16 after PMK 112/2022 (`"0"` + NPWP15 for a
//! badan, the owner's NIK for a sole trader), and the OSS NIB, one per entity.

use super::firm::LegalForm;
use super::regions::{self, REGIONS};
use super::rng::{Rng, tag};

/// The 16-digit NPWP (PMK 112/2022): `"0"` + NPWP15 for a badan, the owner's NIK (their
/// personal tax id) for a UD or a Toko.
pub(super) fn npwp16(nik: Option<&str>, npwp15: &str) -> String {
    nik.map_or_else(|| format!("0{npwp15}"), str::to_owned)
}

/// The 13-digit NIB (OSS business number), one per entity, so branches share it; `81…` for a
/// business run on its owner's personal tax id, `91…` for a badan.
pub(super) fn nib(entity: u32, individual: bool) -> String {
    let serial = (u64::from(entity) * 104_729 + 2_718_281) % 100_000_000_000;
    let prefix = if individual { 81 } else { 91 };
    format!("{prefix}{serial:011}")
}

/// A NIK-like 16-digit number: the region's code, a kecamatan, a birth date (day + 40 for
/// women) and a serial unique per entity, so it never starts with `0`.
pub(super) fn nik(seed: u64, entity: u32, region: usize) -> String {
    let mut rng = Rng::new(seed, &[tag::VENDOR, u64::from(entity), 4]);
    let code = REGIONS[region].code.replace('.', "");
    let kecamatan = rng.range(1, 20);
    let day = rng.range(1, 28) + if rng.chance(50) { 40 } else { 0 };
    let (month, year) = (rng.range(1, 12), rng.range(60, 99));
    let serial = u64::from(entity) % 9_999 + 1;
    format!("{code}{kecamatan:02}{day:02}{month:02}{year:02}{serial:04}")
}

/// Whether the legal form runs on its owner's personal tax id.
pub(super) const fn is_individual(form: LegalForm) -> bool {
    matches!(form, LegalForm::Ud | LegalForm::Toko)
}

/// An NPWP15 unique per entity: the 6-digit serial is a bijection of the entity index.
pub(super) fn npwp15(rng: &mut Rng, entity: u32, region: usize, branch: u32) -> String {
    const GROUPS: &[u32] = &[1, 2, 3, 21, 31, 66, 70, 71, 74, 80, 81, 82, 83, 84, 86, 90, 92, 93, 94, 96];
    let group = GROUPS[rng.index(GROUPS.len())];
    let serial = (u64::from(entity) * 7919 + 104_729) % 1_000_000;
    let check = rng.below(10);
    let office = regions::tax_office(region, rng);
    format!("{group:02}{serial:06}{check}{office}{branch:03}")
}
