//! Vendors: the seed vendors of the domain research (§9) plus synthetic ones, each a legal entity
//! with a canonical name, NPWP, region, scale and PKP status. A few entities have a branch record
//! (same first 9 NPWP digits, branch code `001`), and two different entities share a name, so the
//! gateway's vendor merging is tested on the cases that matter.

use super::firm::{LegalForm, Scale};
use super::kind::MarketplaceKind;
use super::regions::{self, CityStyle, REGIONS};
use super::rng::{Rng, tag};
use super::seeds::line;
use super::tax_ids::{self, is_individual, nik, npwp15};

/// One vendor record: a head office, or a branch of an earlier record's entity.
#[derive(Debug, Clone)]
pub(crate) struct Vendor {
    /// Index of the legal entity; branches share their head office's entity.
    pub(crate) entity: u32,
    pub(crate) legal_form: LegalForm,
    /// The name without legal form, in title case (`Maju Jaya Abadi`).
    pub(crate) core_name: String,
    /// The store name a marketplace shows when it keeps the legal form apart.
    pub(crate) store_name: String,
    pub(crate) tbk: bool,
    /// 15 digits: group (2), serial (6), check (1), tax office (3), branch (3).
    pub(crate) npwp15: String,
    /// The owner's NIK for a UD or a Toko, run on a personal tax id: their 16-digit NPWP.
    pub(crate) nik: Option<String>,
    pub(crate) region: usize,
    pub(crate) scale: Scale,
    pub(crate) pkp: bool,
    /// Product lines it sells ([`line`] bits).
    pub(crate) lines: u8,
    /// Marketplaces it has an account on (bit `kind.index()`).
    pub(crate) presence: u8,
    /// Seed for choosing how each marketplace spells it.
    pub(crate) style: u64,
    /// Spellings fixed by the domain research, for the seed vendors.
    pub(crate) spelling: Option<&'static Spelling>,
    /// Price level in permille: some shops are cheaper than others.
    pub(crate) price_permille: u32,
}

impl Vendor {
    /// Canonical name: `PT Maju Jaya Abadi`, `PT Sinar Nusantara Tbk`.
    pub(crate) fn canonical_name(&self) -> String {
        let tbk = if self.tbk { " Tbk" } else { "" };
        format!("{} {}{tbk}", self.legal_form.label(), self.core_name)
    }

    /// Whether it has an account on `kind`.
    pub(crate) fn is_on(&self, kind: MarketplaceKind) -> bool {
        self.presence & (1 << kind.index()) != 0
    }

    /// Entity id in the ground truth, equal across marketplaces and branches.
    pub(crate) fn entity_id(&self) -> String {
        format!("V-{:04}", self.entity + 1)
    }

    /// The 16-digit NPWP (PMK 112/2022): `"0"` + NPWP15 for a badan, the owner's NIK for a UD
    /// or a Toko.
    pub(crate) fn npwp16(&self) -> String {
        tax_ids::npwp16(self.nik.as_deref(), &self.npwp15)
    }

    /// The 13-digit NIB (OSS business number), one per entity, so branches share it.
    pub(crate) fn nib(&self) -> String {
        tax_ids::nib(self.entity, self.nik.is_some())
    }
}

/// How the marketplaces spell a seed vendor, where the domain research shows it.
#[derive(Debug)]
pub(crate) struct Spelling {
    pub(crate) mbiz_name: &'static str,
    pub(crate) jatim_city: CityStyle,
    pub(crate) padi_name: &'static str,
}

const ALL_MARKETPLACES: u8 = u8::MAX;

#[rustfmt::skip]
const SPELLINGS: &[Spelling] = &[
    Spelling { mbiz_name: "PT. MAJU JAYA ABADI", jatim_city: CityStyle::Bare, padi_name: "Maju Jaya Abadi, PT" },
    Spelling { mbiz_name: "CV.BERKAH MANDIRI", jatim_city: CityStyle::Upper, padi_name: "CV.BERKAH MANDIRI" },
    Spelling { mbiz_name: "CV. BERKAH MANDIRI", jatim_city: CityStyle::Short, padi_name: "CV Berkah Mandiri" },
    Spelling { mbiz_name: "UD. SUMBER REJEKI", jatim_city: CityStyle::Short, padi_name: "UD Sumber Rejeki" },
    Spelling { mbiz_name: "KOPERASI PEGAWAI REPUBLIK INDONESIA (KPRI) SEJAHTERA", jatim_city: CityStyle::Long,
        padi_name: "KPRI Sejahtera" },
    Spelling { mbiz_name: "PT. SINAR NUSANTARA TBK", jatim_city: CityStyle::Upper,
        padi_name: "Sinar Nusantara Tbk, PT" },
    Spelling { mbiz_name: "CV BERKAH MANDIRI", jatim_city: CityStyle::Short, padi_name: "Berkah Mandiri, CV" },
];

#[rustfmt::skip]
fn seed_vendors() -> Vec<Vendor> {
    let seed = |entity, legal_form, core: &str, store: &str, tbk, npwp: &str, region, scale, pkp, lines,
                presence, spelling: usize| Vendor {
        entity, legal_form, core_name: core.to_owned(), store_name: store.to_owned(), tbk,
        npwp15: npwp.to_owned(), region: regions::by_code(region), scale, pkp, lines, presence, style: 0,
        spelling: Some(&SPELLINGS[spelling]), price_permille: 1000,
        nik: is_individual(legal_form).then(|| nik(0, entity, regions::by_code(region))),
    };
    use LegalForm::*;
    use Scale::*;
    let jatim_bejo = 1 << MarketplaceKind::JatimBejo.index();
    // A listed company (besar) sells on PaDi UMKM no more than it would in reality.
    let not_padi = ALL_MARKETPLACES & !(1 << MarketplaceKind::PadiUmkm.index());
    vec![
        seed(0, Pt, "Maju Jaya Abadi", "Maju Jaya Abadi", false, "024175836609000", "35.78",
            Menengah, true, line::ATK | line::KOMPUTER | line::KONSUMSI, ALL_MARKETPLACES, 0),
        seed(1, Cv, "Berkah Mandiri", "Berkah Mandiri", false, "031562947622000", "35.71",
            Kecil, true, line::ATK | line::KONSUMSI, ALL_MARKETPLACES, 1),
        seed(1, Cv, "Berkah Mandiri", "Berkah Mandiri", false, "031562947623001", "35.73",
            Kecil, true, line::ATK | line::KONSUMSI, jatim_bejo, 2),
        seed(2, Ud, "Sumber Rejeki", "Sumber Rejeki", false, "084627391655000", "35.06",
            Mikro, false, line::KONSUMSI | line::ATK, ALL_MARKETPLACES, 3),
        seed(3, Koperasi, "Pegawai Republik Indonesia (KPRI) Sejahtera", "KPRI Sejahtera",
            false, "027391846643000", "35.15",
            Kecil, false, line::ATK | line::KONSUMSI | line::KESEHATAN, ALL_MARKETPLACES, 4),
        seed(4, Pt, "Sinar Nusantara", "Sinar Nusantara", true, "013847265651000", "35.25",
            Besar, true, line::KOMPUTER | line::ELEKTRONIK | line::ATK, not_padi, 5),
        seed(5, Cv, "Berkah Mandiri", "Berkah Mandiri", false, "093518274623000", "35.07",
            Kecil, false, line::MEBEL | line::ATK, ALL_MARKETPLACES, 6),
    ]
}

const FIRST: &[&str] = &[
    "Maju", "Berkah", "Sumber", "Sinar", "Karya", "Mitra", "Cahaya", "Bintang", "Anugerah", "Putra", "Surya", "Bumi",
    "Mega", "Tunas", "Harapan", "Graha", "Duta", "Citra", "Mulia", "Prima", "Rizki", "Barokah", "Amanah", "Lancar",
    "Setia", "Multi", "Delta", "Kencana", "Indo", "Sentral",
];
const SECOND: &[&str] = &[
    "Jaya",
    "Abadi",
    "Mandiri",
    "Rejeki",
    "Nusantara",
    "Makmur",
    "Sentosa",
    "Sejahtera",
    "Utama",
    "Perkasa",
    "Lestari",
    "Gemilang",
    "Indah",
    "Sakti",
    "Sukses",
    "Bersama",
    "Persada",
    "Teknik",
    "Solusi",
    "Niaga",
    "Cemerlang",
    "Berjaya",
    "Santoso",
    "Agung",
    "Raya",
    "Pratama",
    "Semesta",
    "Kreasi",
    "Sarana",
    "Media",
];

/// Product lines by weight: general suppliers and ATK shops are the most common.
const LINES: &[(u8, u32)] = &[
    (line::ATK | line::KONSUMSI | line::KESEHATAN, 22),
    (line::ATK, 14),
    (line::KOMPUTER | line::ELEKTRONIK | line::ATK, 16),
    (line::KOMPUTER, 6),
    (line::MEBEL, 10),
    (line::MEBEL | line::ELEKTRONIK, 4),
    (line::KONSUMSI, 14),
    (line::KESEHATAN | line::KONSUMSI, 5),
    (line::JASA, 6),
    (line::JASA | line::ATK, 3),
];

/// How many vendor records a catalogue of `products` listings per marketplace gets: about 25
/// listings per vendor (Jatim Bejo had ~18 products per provider), never fewer than 100.
pub(crate) fn vendor_count(products: usize) -> usize {
    (products / 25).clamp(100, 4000)
}

/// All vendor records for a catalogue: the seed vendors first, then synthetic ones.
pub(crate) fn generate(products: usize, seed: u64) -> Vec<Vendor> {
    let target = vendor_count(products);
    let mut vendors = seed_vendors();
    let mut entity = vendors.iter().map(|v| v.entity + 1).max().unwrap_or(0);
    while vendors.len() < target {
        let head = synthetic(seed, entity);
        let branch = Rng::new(seed, &[tag::VENDOR, u64::from(entity), 1]).chance(4)
            && head.scale != Scale::Mikro
            && vendors.len() + 1 < target;
        if branch {
            let branch_record = branch_of(&head, seed);
            vendors.push(head);
            vendors.push(branch_record);
        } else {
            vendors.push(head);
        }
        entity += 1;
    }
    vendors
}

fn synthetic(seed: u64, entity: u32) -> Vendor {
    let mut rng = Rng::new(seed, &[tag::VENDOR, u64::from(entity)]);
    let scale = [Scale::Mikro, Scale::Kecil, Scale::Menengah, Scale::Besar][rng.weighted(&[30, 35, 25, 10])];
    let legal_form = match scale {
        Scale::Mikro => [LegalForm::Ud, LegalForm::Toko, LegalForm::Cv][rng.weighted(&[5, 3, 2])],
        Scale::Kecil => [LegalForm::Cv, LegalForm::Ud, LegalForm::Pt, LegalForm::Koperasi][rng.weighted(&[5, 2, 2, 1])],
        Scale::Menengah => [LegalForm::Pt, LegalForm::Cv][rng.weighted(&[4, 1])],
        Scale::Besar => LegalForm::Pt,
    };
    let first = FIRST[rng.index(FIRST.len())];
    let second = SECOND[rng.index(SECOND.len())];
    let third = SECOND[rng.index(SECOND.len())];
    // PT names need three words (PP 43/2011); koperasi names usually say whose they are.
    let core_name = match legal_form {
        LegalForm::Pt if third != second => format!("{first} {second} {third}"),
        LegalForm::Pt => format!("{first} {second} Indonesia"),
        LegalForm::Koperasi => format!("Karyawan {first} {second}"),
        _ => format!("{first} {second}"),
    };
    let region = regions::pick(&mut rng);
    let in_jatim = REGIONS[region].code.starts_with("35.");
    let mut presence = 0;
    for kind in MarketplaceKind::all().iter().filter(|k| k.is_original()) {
        if rng.chance(kind.vendor_presence_percent(in_jatim, scale)) {
            presence |= 1 << kind.index();
        }
    }
    if presence == 0 {
        presence = 1 << MarketplaceKind::Mbiz.index();
    }
    // Kinds added later draw from their own stream, so the first four's data stays as it was.
    for kind in MarketplaceKind::all().iter().filter(|k| !k.is_original()) {
        let mut own = Rng::new(seed, &[tag::VENDOR, u64::from(entity), 3, kind.index() as u64]);
        if own.chance(kind.vendor_presence_percent(in_jatim, scale)) {
            presence |= 1 << kind.index();
        }
    }
    let lines = LINES[rng.weighted(&LINES.iter().map(|&(_, w)| w).collect::<Vec<_>>())].0;
    let pkp = match scale {
        Scale::Mikro => false,
        Scale::Kecil => rng.chance(50),
        Scale::Menengah | Scale::Besar => true,
    };
    Vendor {
        entity,
        legal_form,
        store_name: core_name.clone(),
        core_name,
        tbk: scale == Scale::Besar && rng.chance(15),
        npwp15: npwp15(&mut rng, entity, region, 0),
        nik: is_individual(legal_form).then(|| nik(seed, entity, region)),
        region,
        scale,
        pkp,
        lines,
        presence,
        style: rng.next_u64(),
        spelling: None,
        price_permille: rng.range(970, 1040) as u32,
    }
}

fn branch_of(head: &Vendor, seed: u64) -> Vendor {
    let mut rng = Rng::new(seed, &[tag::VENDOR, u64::from(head.entity), 2]);
    let region = regions::pick_jatim(&mut rng);
    let mut npwp = head.npwp15[..9].to_owned();
    npwp.push_str(&regions::tax_office(region, &mut rng));
    npwp.push_str("001");
    Vendor { npwp15: npwp, region, style: rng.next_u64(), ..head.clone() }
}
