//! Transaction ledgers: what each Pemda of Jawa Timur bought on each marketplace, 2022–2024.
//!
//! Every ledger is a pure function of (marketplace, Pemda, year) and the catalogue's vendors.
//! Its completed transactions sum exactly to a target total (the last one takes the remainder),
//! so the story's figure holds whatever the catalogue: Kota Kediri on Jatim Bejo in 2022 is
//! Rp35.921.908.461, second among the kota of Jawa Timur after Surabaya. Cancelled and
//! in-progress transactions come on top of the target and never count.

use super::catalogue::Catalogue;
use super::firm::{LegalForm, Scale};
use super::kind::MarketplaceKind;
use super::regions::REGIONS;
use super::rng::{Rng, hash};

/// Years with ledgers.
pub const YEARS: std::ops::RangeInclusive<i32> = 2022..=2024;
/// The story's figure: Kota Kediri on Jatim Bejo in 2022, completed transactions, with PPN.
pub const KEDIRI_JATIM_BEJO_2022: u64 = 35_921_908_461;
/// Seed of the targets, apart from the catalogue's: the figures do not move with it.
const TARGET_SEED: u64 = 0x5041_5341_525f_4c45;
const TAG_LEDGER: u64 = 40;

/// Spending on Jatim Bejo in 2022 per Pemda, millions of rupiah (`REGIONS` order, 35.01–35.79).
#[rustfmt::skip]
const JATIM_BEJO_2022_MILLIONS: [u64; 38] = [
    9_140, 12_870, 8_310, 17_450, 15_920, 24_680, 41_230, 11_040, 27_560, 22_790,
    8_970, 9_480, 13_160, 21_370, 48_910, 19_830, 18_240, 13_720, 10_650, 9_870,
    11_390, 25_140, 14_260, 19_570, 33_480, 10_210, 7_640, 8_850, 12_030,
    35_921, 12_480, 29_740, 8_710, 9_620, 14_830, 18_160, 61_370, 10_940,
];

/// What became of a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerStatus {
    /// Completed: counts.
    Completed,
    /// Cancelled: never counts.
    Cancelled,
    /// Still being delivered.
    InProgress,
}

/// How it was paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerPayment {
    /// Virtual account.
    VirtualAccount,
    /// Bank transfer.
    Transfer,
    /// Kartu Kredit Pemerintah.
    Kkp,
    /// The Pemda's bank cash-management system.
    Cms,
}

/// One transaction of the ground truth.
#[derive(Debug, Clone)]
pub struct LedgerEntry {
    /// Sequence number in its ledger, from 0.
    pub number: usize,
    /// Month and day, and minutes after midnight, in WIB.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// Minutes after midnight WIB.
    pub minute: u16,
    /// Index into the catalogue's vendors.
    pub vendor: usize,
    /// Amount without PPN, rupiah.
    pub net: u64,
    /// Amount paid, rupiah (net + PPN for a PKP seller: 10 % before 1 April 2022, 11 % after).
    pub gross: u64,
    /// Whether PPN was charged.
    pub pkp: bool,
    /// The PPN rate charged, percent: 0 for a seller that is not PKP, else the rate of its date.
    pub ppn_percent: u64,
    /// Completed, cancelled or in progress.
    pub status: LedgerStatus,
    /// Payment method.
    pub payment: LedgerPayment,
    /// Lines ordered.
    pub items: u32,
    /// TKDN in tenths of a percent, for certified goods.
    pub tkdn_tenths: Option<u32>,
    /// Index of the work unit in [`SATKER`].
    pub satker: usize,
}

/// Work units (perangkat daerah) that buy.
pub const SATKER: &[&str] = &[
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "RSUD",
    "Sekretariat Daerah",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Badan Pengelola Keuangan dan Aset Daerah",
    "Dinas Perhubungan",
    "Satuan Polisi Pamong Praja",
    "Dinas Komunikasi dan Informatika",
    "Dinas Lingkungan Hidup",
    "Dinas Sosial",
    "Kecamatan Kota",
];

/// Index in `REGIONS` of a Jawa Timur Pemda's code, if it is one.
pub fn pemda_index(code: &str) -> Option<usize> {
    REGIONS.iter().take(38).position(|r| r.code == code)
}

/// The target of completed transactions with PPN, rupiah.
pub fn target(kind: MarketplaceKind, pemda: usize, year: i32) -> u64 {
    if (kind, pemda, year) == (MarketplaceKind::JatimBejo, 29, 2022) {
        return KEDIRI_JATIM_BEJO_2022;
    }
    let base = JATIM_BEJO_2022_MILLIONS[pemda] * 1_000_000;
    let mut rng = Rng::new(TARGET_SEED, &[TAG_LEDGER, kind.index() as u64, pemda as u64, year as u64]);
    let share_permille = match kind {
        // The province's own marketplace: its 2022 figures as listed, growing later.
        MarketplaceKind::JatimBejo if year == 2022 => 1000,
        MarketplaceKind::JatimBejo => 1000 + 120 * (year - 2022) as u64 + rng.range(0, 60),
        MarketplaceKind::Ekatalog => rng.range(550, 900),
        MarketplaceKind::Mbiz => rng.range(120, 260),
        MarketplaceKind::PadiUmkm => rng.range(60, 160),
        MarketplaceKind::Bela => rng.range(30, 110),
    };
    base / 1000 * share_permille + rng.range(0, 999_999)
}

/// The ledger of `pemda` (index in `REGIONS`, 0–37) on `kind` in `year`; empty outside
/// 2022–2024 or for a region that is not a Pemda of Jawa Timur.
pub fn ledger(catalogue: &Catalogue, kind: MarketplaceKind, pemda: usize, year: i32) -> Vec<LedgerEntry> {
    if pemda >= 38 || !YEARS.contains(&year) {
        return Vec::new();
    }
    let vendors: Vec<usize> = (0..catalogue.vendors.len()).filter(|&v| catalogue.vendors[v].is_on(kind)).collect();
    if vendors.is_empty() {
        return Vec::new();
    }
    let total = target(kind, pemda, year);
    let seed = hash(catalogue.seed(), &[TAG_LEDGER, kind.index() as u64, pemda as u64, year as u64]);
    let completed = (total / 110_000_000).clamp(25, 340) as usize;
    let mut rng = Rng::new(seed, &[1]);
    let weights: Vec<u64> = (0..completed).map(|_| rng.range(2, 40).pow(2)).collect();
    let sum: u64 = weights.iter().sum();
    let mut entries = Vec::with_capacity(completed + completed / 10);
    let mut paid = 0u64;
    for (i, w) in weights.iter().enumerate() {
        let mut rng = Rng::new(seed, &[2, i as u64]);
        let vendor = pick_vendor(catalogue, &vendors, pemda, &mut rng, i + 1 == completed);
        let share = u64::try_from(u128::from(total) * u128::from(*w) / u128::from(sum)).unwrap_or(0);
        let entry = if i + 1 == completed {
            // The last one takes the remainder from a seller that is not PKP: net = gross.
            make(catalogue, (year, i), vendor, total - paid, false, LedgerStatus::Completed, &mut rng)
        } else {
            let pkp = catalogue.vendors[vendor].pkp;
            make(catalogue, (year, i), vendor, share, pkp, LedgerStatus::Completed, &mut rng)
        };
        paid += entry.gross;
        entries.push(entry);
    }
    let extra = completed / 12 + 2;
    for j in 0..extra {
        let i = completed + j;
        let mut rng = Rng::new(seed, &[3, j as u64]);
        let vendor = pick_vendor(catalogue, &vendors, pemda, &mut rng, false);
        let status = if j % 5 == 4 { LedgerStatus::InProgress } else { LedgerStatus::Cancelled };
        let amount = rng.range(2_000_000, 250_000_000);
        entries.push(make(catalogue, (year, i), vendor, amount, catalogue.vendors[vendor].pkp, status, &mut rng));
    }
    entries
}

/// A seller on `kind`: often from the Pemda itself, else from Jawa Timur, else anywhere. The
/// last completed transaction's seller is not PKP, so its amount needs no rounding.
fn pick_vendor(catalogue: &Catalogue, vendors: &[usize], pemda: usize, rng: &mut Rng, not_pkp: bool) -> usize {
    let roll = rng.below(100);
    let pool: Vec<usize> = vendors
        .iter()
        .copied()
        .filter(|&v| {
            let vendor = &catalogue.vendors[v];
            let place = match roll {
                0..45 => vendor.region == pemda,
                45..75 => REGIONS[vendor.region].code.starts_with("35."),
                _ => true,
            };
            place && (!not_pkp || !vendor.pkp)
        })
        .collect();
    let pool = if pool.is_empty() {
        vendors.iter().copied().filter(|&v| !not_pkp || !catalogue.vendors[v].pkp).collect()
    } else {
        pool
    };
    if pool.is_empty() { vendors[rng.index(vendors.len())] } else { pool[rng.index(pool.len())] }
}

/// The PPN rate of a purchase in `month` of `year`, percent: 10 % until 31 March 2022, 11 % from
/// 1 April 2022 (UU 7/2021 "HPP"). Purchases are dated from 07:00 WIB, except the year's first
/// at 00:30 WIB on 1 January, so no entry straddles the change in another time zone.
fn ppn_rate(year: i32, month: u8) -> u64 {
    if (year, month) < (2022, 4) { 10 } else { 11 }
}

/// One entry, number `number` of `year`'s ledger, paying `gross` (PKP: rounded down to a net
/// multiple of 100, so the PPN of its date is exact).
fn make(
    catalogue: &Catalogue,
    (year, number): (i32, usize),
    vendor: usize,
    gross: u64,
    pkp: bool,
    status: LedgerStatus,
    rng: &mut Rng,
) -> LedgerEntry {
    let month = 1 + rng.weighted(&[3, 4, 6, 7, 8, 8, 8, 9, 10, 11, 12, 14]) as u8;
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][usize::from(month) - 1];
    let (day, minute) = (rng.range(1, days) as u8, rng.range(7 * 60, 23 * 60 + 59) as u16);
    // The first purchase of every year is at 00:30 WIB on 1 January: 17:30 UTC the day
    // before, which a reader that ignores time zones puts in the wrong year.
    let (month, day, minute) = if number == 0 { (1, 1, 30) } else { (month, day, minute) };
    let ppn_percent = if pkp { ppn_rate(year, month) } else { 0 };
    let (net, gross) = if pkp {
        let net = gross * 100 / (100 + ppn_percent) / 100 * 100;
        (net, net / 100 * (100 + ppn_percent))
    } else {
        (gross, gross)
    };
    let v = &catalogue.vendors[vendor];
    let local_goods = matches!(v.scale, Scale::Mikro | Scale::Kecil) || v.legal_form == LegalForm::Koperasi;
    LedgerEntry {
        number,
        month,
        day,
        minute,
        vendor,
        net,
        gross,
        pkp,
        ppn_percent,
        status,
        payment: [LedgerPayment::VirtualAccount, LedgerPayment::Transfer, LedgerPayment::Kkp, LedgerPayment::Cms]
            [rng.weighted(&[30, 25, 20, 25])],
        items: rng.range(1, 24) as u32,
        tkdn_tenths: rng.chance(if local_goods { 55 } else { 30 }).then(|| rng.range(250, 900) as u32),
        satker: rng.index(SATKER.len()),
    }
}

/// A ledger entry with its seller's facts, for checking figures independently of the gateway.
#[derive(Debug, Clone)]
pub struct TruthEntry {
    /// The entry.
    pub entry: LedgerEntry,
    /// The seller's Kemendagri code.
    pub vendor_region: &'static str,
    /// Whether the seller is usaha mikro or kecil.
    pub umk: bool,
    /// Whether the seller is a koperasi.
    pub koperasi: bool,
    /// The seller's canonical name.
    pub vendor_name: String,
}

/// The ledger of the Pemda with Kemendagri `code` on `kind` in `year`, with sellers' facts.
pub fn ledger_truth(catalogue: &Catalogue, kind: MarketplaceKind, code: &str, year: i32) -> Vec<TruthEntry> {
    let Some(pemda) = pemda_index(code) else { return Vec::new() };
    ledger(catalogue, kind, pemda, year)
        .into_iter()
        .map(|entry| {
            let v = &catalogue.vendors[entry.vendor];
            TruthEntry {
                vendor_region: REGIONS[v.region].code,
                umk: matches!(v.scale, Scale::Mikro | Scale::Kecil),
                koperasi: v.legal_form == LegalForm::Koperasi,
                vendor_name: v.canonical_name(),
                entry,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review 27: every PKP entry was charged 11 %, January–March 2022 too, when PPN was 10 %.
    #[test]
    fn a_purchase_before_april_2022_pays_ten_percent_and_one_after_it_eleven() {
        let catalogue = Catalogue::generate(2_000, 7);
        let entries = ledger(&catalogue, MarketplaceKind::Ekatalog, 29, 2022);
        let pkp = || entries.iter().filter(|e| e.pkp);
        let early = pkp().find(|e| e.month <= 3).expect("a PKP purchase in January–March 2022");
        let late = pkp().find(|e| e.month >= 4).expect("a PKP purchase from April 2022");
        assert_eq!((early.ppn_percent, early.gross * 100), (10, early.net * 110), "{early:?}");
        assert_eq!((late.ppn_percent, late.gross * 100), (11, late.net * 111), "{late:?}");
        assert!(pkp().all(|e| e.gross * 100 == e.net * (100 + e.ppn_percent)), "every split is whole rupiah");
        let completed = entries.iter().filter(|e| e.status == LedgerStatus::Completed).map(|e| e.gross).sum::<u64>();
        assert_eq!(completed, target(MarketplaceKind::Ekatalog, 29, 2022), "the target holds");
    }
}
