//! The seed list of real procurement goods every sandbox sells (after domain research §9).
//!
//! Prices are indicative rupiah *including* PPN for the first pack of a good at 100 % make and
//! variant factors; the generator spreads them and strips PPN. TKDN ranges are tenths of a percent.

/// Vendor product lines, as bits, so a good can be sold by several kinds of shop.
pub(crate) mod line {
    pub(crate) const ATK: u8 = 1;
    pub(crate) const KOMPUTER: u8 = 2;
    pub(crate) const MEBEL: u8 = 4;
    pub(crate) const ELEKTRONIK: u8 = 8;
    pub(crate) const KONSUMSI: u8 = 16;
    pub(crate) const KESEHATAN: u8 = 32;
    pub(crate) const JASA: u8 = 64;
}

/// A brand and model; an empty brand is an unbranded good (catering, services).
#[derive(Debug)]
pub(crate) struct Make {
    pub(crate) brand: &'static str,
    pub(crate) model: &'static str,
    pub(crate) price_pct: u32,
    pub(crate) imported: bool,
}

/// A specification variant (size, grammage, colour, memory, …).
#[derive(Debug)]
pub(crate) struct Variant {
    pub(crate) label: &'static str,
    pub(crate) price_pct: u32,
}

/// A sales pack: how many base units it holds and how titles phrase it.
#[derive(Debug)]
pub(crate) struct Pack {
    pub(crate) quantity: u32,
    /// Lowercase unit of measure as a marketplace shows it (`rim`, `box`, `pcs`).
    pub(crate) unit: &'static str,
    /// Short title phrase (`1 Rim`); empty when a single piece needs no phrase.
    pub(crate) short: &'static str,
    /// Long title phrase (`Rim isi 500 Lembar`).
    pub(crate) long: &'static str,
    /// Price per base unit relative to the first pack: bulk packs are a little cheaper.
    pub(crate) price_pct: u32,
}

/// One seed good: every make × variant of it is a master product.
#[derive(Debug)]
pub(crate) struct Good {
    /// Title wordings; sellers pick different ones.
    pub(crate) names: &'static [&'static str],
    pub(crate) category: &'static str,
    pub(crate) lines: u8,
    pub(crate) makes: &'static [Make],
    pub(crate) variants: &'static [Variant],
    pub(crate) base_unit: &'static str,
    pub(crate) packs: &'static [Pack],
    pub(crate) price_incl: (u64, u64),
    pub(crate) tkdn: Option<(u16, u16)>,
    pub(crate) bmp: Option<(u16, u16)>,
    /// How often the good is listed relative to the others.
    pub(crate) weight: u32,
    /// KBKI (Klasifikasi Baku Komoditas Indonesia) subclass, as e-Katalog v6 tags products;
    /// illustrative 5-digit codes after the CPC-based KBKI 2015.
    pub(crate) kbki: &'static str,
}

const fn mk(brand: &'static str, model: &'static str, price_pct: u32) -> Make {
    Make { brand, model, price_pct, imported: false }
}

const fn imp(brand: &'static str, model: &'static str, price_pct: u32) -> Make {
    Make { brand, model, price_pct, imported: true }
}

const fn v(label: &'static str, price_pct: u32) -> Variant {
    Variant { label, price_pct }
}

const fn p(quantity: u32, unit: &'static str, short: &'static str, long: &'static str, price_pct: u32) -> Pack {
    Pack { quantity, unit, short, long, price_pct }
}

const UNBRANDED: &[Make] = &[mk("", "", 100)];
const ONE_VARIANT: &[Variant] = &[v("", 100)];
const ONE_PCS: &[Pack] = &[p(1, "pcs", "", "1 Pcs", 100)];
const ONE_UNIT: &[Pack] = &[p(1, "unit", "", "1 Unit", 100)];
const PAPER_PACKS: &[Pack] =
    &[p(500, "rim", "1 Rim", "Rim isi 500 Lembar", 100), p(2500, "box", "Box isi 5 Rim", "1 Box (5 Rim)", 98)];
const PAPER_MAKES: &[Make] = &[
    mk("Sinar Dunia", "", 100),
    mk("PaperOne", "", 102),
    mk("Bola Dunia", "", 94),
    mk("IK Copy", "", 97),
    imp("Double A", "", 112),
];
const TONER_VARIANTS: &[Variant] =
    &[v("85A CE285A", 100), v("83A CF283A", 100), v("12A Q2612A", 95), v("05A CE505A", 120), v("26A CF226A", 150)];
const CHAIR_MAKES: &[Make] = &[
    mk("Chairman", "PC 908", 100),
    mk("Indachi", "DP 301", 90),
    mk("Ergotec", "LX 838", 110),
    mk("Savello", "Zeta", 120),
    mk("Donati", "DC 505", 95),
];
const DOZEN_PACKS: &[Pack] =
    &[p(12, "lusin", "1 Lusin", "Lusin isi 12 Pcs", 100), p(144, "gross", "1 Gross", "Gross isi 144 Pcs", 95)];

/// The seed goods. Order is part of the catalogue's identity: append, never reorder.
#[rustfmt::skip]
pub(crate) const GOODS: &[Good] = &[
    Good { names: &["Kertas HVS", "Kertas HVS Fotokopi", "Kertas Copy HVS"], category: "ATK", lines: line::ATK,
        makes: PAPER_MAKES, variants: &[v("A4 70 gsm", 90), v("A4 75 gsm", 95), v("A4 80 gsm", 100)],
        base_unit: "lembar", packs: PAPER_PACKS, price_incl: (52_000, 68_000), tkdn: Some((600, 900)),
            bmp: Some((50, 150)), weight: 12, kbki: "32129" },
    Good { names: &["Kertas HVS", "Kertas HVS Folio", "Kertas Fotokopi HVS"], category: "ATK", lines: line::ATK,
        makes: PAPER_MAKES, variants: &[v("F4 70 gsm", 100), v("F4 80 gsm", 110)],
        base_unit: "lembar", packs: PAPER_PACKS, price_incl: (48_000, 62_000), tkdn: Some((600, 900)),
            bmp: Some((50, 150)), weight: 6, kbki: "32129" },
    Good { names: &["Toner", "Toner Printer", "Cartridge Toner"], category: "Tinta & Toner",
        lines: line::ATK | line::KOMPUTER,
        makes: &[imp("HP", "", 100), mk("Blueprint", "Compatible", 20), mk("Hanaka", "Compatible", 17)],
            variants: TONER_VARIANTS,
        base_unit: "pcs", packs: ONE_PCS, price_incl: (900_000, 1_350_000), tkdn: Some((250, 400)),
            bmp: None, weight: 6, kbki: "45290" },
    Good { names: &["Tinta", "Tinta Printer", "Botol Tinta"], category: "Tinta & Toner",
        lines: line::ATK | line::KOMPUTER,
        makes: &[imp("Epson", "Original", 100), mk("Data Print", "Refill", 40)],
        variants: &[v("003 Black 70 ml", 100), v("003 Cyan 70 ml", 100), v("003 Magenta 70 ml", 100),
            v("003 Yellow 70 ml", 100), v("664 Black 70 ml", 95)],
        base_unit: "botol", packs: &[p(1, "botol", "", "1 Botol", 100),
            p(4, "set", "Set isi 4 Botol", "1 Set (4 Botol)", 97)],
        price_incl: (75_000, 110_000), tkdn: Some((200, 350)), bmp: None, weight: 6, kbki: "35130" },
    Good { names: &["Printer", "Printer Ink Tank", "Printer Tinta Isi Ulang"], category: "Komputer",
        lines: line::KOMPUTER,
        makes: &[imp("Epson", "EcoTank L3210", 100), imp("Epson", "EcoTank L3250", 115),
            imp("Epson", "EcoTank L5290", 140), imp("Canon", "Pixma G2010", 95), imp("Canon", "Pixma G3010", 110),
            imp("Brother", "DCP-T420W", 105)],
        variants: ONE_VARIANT, base_unit: "unit", packs: ONE_UNIT, price_incl: (2_200_000, 3_100_000),
            tkdn: None, bmp: None, weight: 3, kbki: "45261" },
    Good { names: &["Laptop", "Notebook", "Laptop Kantor"], category: "Komputer", lines: line::KOMPUTER,
        makes: &[mk("Axioo", "MyBook Hype 5", 90), mk("Advan", "Workpro", 85), mk("Zyrex", "Sky Pro", 88),
            mk("Lenovo", "ThinkPad E14", 110), mk("Asus", "ExpertBook B1", 105), mk("Acer", "TravelMate P214", 105),
            mk("HP", "ProBook 440 G10", 115), imp("Dell", "Latitude 3440", 120)],
        variants: &[v("Core i3 / 8 GB / 256 GB SSD", 75), v("Core i5 / 8 GB / 512 GB SSD", 90),
            v("Core i5 / 16 GB / 512 GB SSD / Windows 11 Pro", 100),
            v("Core i7 / 16 GB / 1 TB SSD / Windows 11 Pro", 130)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (8_000_000, 14_500_000), tkdn: Some((250, 420)),
            bmp: Some((0, 150)), weight: 5, kbki: "45220" },
    Good { names: &["PC All in One", "Komputer AIO", "PC AIO"], category: "Komputer", lines: line::KOMPUTER,
        makes: &[mk("Axioo", "Hype AIO", 90), mk("Lenovo", "IdeaCentre AIO 3", 105), mk("HP", "ProOne 440 G9", 115),
            mk("Acer", "Aspire C24", 100)],
        variants: &[v("Core i5 / 8 GB / 512 GB SSD", 100), v("Core i5 / 16 GB / 512 GB SSD", 110),
            v("Core i7 / 16 GB / 1 TB SSD", 130)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (9_000_000, 16_000_000), tkdn: Some((250, 400)),
            bmp: None, weight: 2, kbki: "45230" },
    Good { names: &["Proyektor", "Projector", "LCD Proyektor"], category: "Elektronik",
        lines: line::ELEKTRONIK | line::KOMPUTER,
        makes: &[imp("Epson", "EB-X500 3600 Lumen XGA", 100), imp("Epson", "EB-E01 3300 Lumen XGA", 90),
            imp("BenQ", "MX560 4000 Lumen XGA", 105), imp("InFocus", "IN114BB 3400 Lumen XGA", 95),
            imp("Panasonic", "PT-LB386 3800 Lumen XGA", 115)],
        variants: ONE_VARIANT, base_unit: "unit", packs: ONE_UNIT, price_incl: (5_000_000, 9_000_000),
            tkdn: None, bmp: None, weight: 2, kbki: "47315" },
    Good { names: &["Kursi Kerja", "Kursi Kantor", "Kursi Staf"], category: "Mebel", lines: line::MEBEL,
        makes: CHAIR_MAKES, variants: &[v("Jaring Hidrolik Hitam", 100), v("Jaring Hidrolik Biru", 100),
            v("Jaring Hidrolik Abu-abu", 102)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (650_000, 2_100_000), tkdn: Some((400, 600)),
            bmp: Some((200, 400)), weight: 4, kbki: "38112" },
    Good { names: &["Kursi Direktur", "Kursi Pimpinan", "Kursi Manager"], category: "Mebel", lines: line::MEBEL,
        makes: CHAIR_MAKES, variants: &[v("Kulit Sintetis High Back Hitam", 100),
            v("Kulit Sintetis High Back Coklat", 100)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (2_500_000, 6_500_000), tkdn: Some((400, 650)),
            bmp: Some((200, 400)), weight: 2, kbki: "38111" },
    Good { names: &["Meja Kerja", "Meja Kantor", "Meja Staf"], category: "Mebel", lines: line::MEBEL,
        makes: &[mk("Expo", "MP 120", 100), mk("Aditech", "OD 120", 95), mk("Uno", "Classic", 110),
            mk("Highpoint", "MD 120", 105)],
        variants: &[v("120 x 60 cm", 100), v("140 x 70 cm", 120), v("120 x 60 cm 1/2 Biro", 115)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (850_000, 3_500_000), tkdn: Some((400, 700)),
            bmp: Some((200, 400)), weight: 3, kbki: "38121" },
    Good { names: &["Lemari Arsip Besi", "Filing Cabinet", "Lemari Arsip"], category: "Mebel", lines: line::MEBEL,
        makes: &[mk("Brother", "FC 104", 100), mk("Lion", "L 44", 105), mk("Alba", "FC 4", 95),
            mk("Elite", "EFC 4", 98)],
        variants: &[v("4 Laci Folio", 100), v("3 Laci Folio", 85)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (2_500_000, 4_800_000), tkdn: Some((450, 700)),
            bmp: Some((200, 400)), weight: 2, kbki: "38123" },
    Good { names: &["AC Split", "AC Split Inverter", "Air Conditioner Split"], category: "Elektronik",
        lines: line::ELEKTRONIK,
        makes: &[mk("Daikin", "FTKQ", 110), mk("Panasonic", "CS-PN", 105), mk("Sharp", "AH-A", 95),
            mk("LG", "Dual Inverter", 100), mk("Polytron", "Neuva", 90)],
        variants: &[v("1/2 PK", 82), v("1 PK", 100), v("1,5 PK", 135)],
        base_unit: "unit", packs: &[p(1, "unit", "", "1 Unit + Pemasangan", 100)],
            price_incl: (4_000_000, 6_800_000), tkdn: Some((200, 400)), bmp: None, weight: 2, kbki: "43912" },
    Good { names: &["Air Mineral Galon", "Air Minum Galon", "Galon Air Mineral"], category: "Konsumsi",
        lines: line::KONSUMSI,
        makes: &[mk("Aqua", "", 110), mk("Le Minerale", "", 100), mk("Cleo", "", 95), mk("Club", "", 90),
            mk("Vit", "", 85)],
        variants: &[v("19 L", 100)], base_unit: "galon", packs: &[p(1, "galon", "", "1 Galon", 100)],
        price_incl: (18_000, 25_000), tkdn: Some((700, 950)), bmp: None, weight: 6, kbki: "24410" },
    Good { names: &["Air Mineral", "Air Minum Kemasan", "Air Mineral Botol"], category: "Konsumsi",
        lines: line::KONSUMSI,
        makes: &[mk("Aqua", "", 110), mk("Le Minerale", "", 100), mk("Cleo", "", 95), mk("Club", "", 90),
            mk("Ades", "", 92)],
        variants: &[v("600 ml", 100), v("330 ml", 70)], base_unit: "botol",
        packs: &[p(24, "dus", "Dus isi 24", "1 Dus (24 Botol)", 100)], price_incl: (45_000, 65_000),
            tkdn: Some((700, 950)), bmp: None, weight: 5, kbki: "24410" },
    Good { names: &["Nasi Kotak", "Nasi Box", "Nasi Kotak Rapat"], category: "Makan & Minum", lines: line::KONSUMSI,
        makes: UNBRANDED, variants: &[v("Ayam Goreng Sayur Buah", 100), v("Ayam Bakar Sayur Buah", 105),
            v("Rendang Sapi Sayur Buah", 130), v("Ikan Bakar Sayur Buah", 110), v("Ayam Geprek", 85)],
        base_unit: "kotak", packs: &[p(1, "kotak", "", "per Porsi", 100)], price_incl: (25_000, 50_000),
            tkdn: None, bmp: None, weight: 6, kbki: "63393" },
    Good { names: &["Snack Box", "Kotak Kue Rapat", "Snack Box Rapat"], category: "Makan & Minum",
        lines: line::KONSUMSI,
        makes: UNBRANDED, variants: &[v("Isi 3 Kue + Air Mineral", 100), v("Isi 4 Kue + Air Mineral", 125),
            v("Isi 2 Kue + Teh Kotak", 90)],
        base_unit: "kotak", packs: &[p(1, "kotak", "", "per Kotak", 100)], price_incl: (12_000, 30_000),
            tkdn: None, bmp: None, weight: 5, kbki: "23410" },
    Good { names: &["Ballpoint", "Pulpen", "Bolpoin"], category: "ATK", lines: line::ATK,
        makes: &[mk("Standard", "AE7", 100), imp("Pilot", "BPT-P", 120), mk("Snowman", "V-5", 95),
            mk("Faster", "C600", 105), mk("Joyko", "BP-338", 90)],
        variants: &[v("Hitam 0,5 mm", 100), v("Biru 0,5 mm", 100), v("Hitam 0,7 mm", 100)],
        base_unit: "pcs", packs: DOZEN_PACKS, price_incl: (24_000, 45_000), tkdn: Some((300, 600)),
            bmp: None, weight: 5, kbki: "38921" },
    Good { names: &["Map Ordner", "Ordner", "Odner"], category: "ATK", lines: line::ATK,
        makes: &[mk("Bantex", "1450", 110), mk("Bambi", "", 95), mk("Lion", "", 90), mk("Gold King", "", 92)],
        variants: &[v("Folio 7 cm", 100), v("Folio 5 cm", 95), v("A4 7 cm", 100)],
        base_unit: "pcs", packs: &[p(1, "pcs", "", "1 Pcs", 100), p(10, "pak", "Pak isi 10", "1 Pak (10 Pcs)", 96)],
        price_incl: (25_000, 40_000), tkdn: Some((400, 700)), bmp: None, weight: 4, kbki: "32700" },
    Good { names: &["Amplop", "Amplop Kantor", "Amplop Surat"], category: "ATK", lines: line::ATK,
        makes: &[mk("Paperline", "", 100), mk("Jaya", "", 95), mk("Sidu", "", 105)],
        variants: &[v("Kabinet Coklat", 100), v("Putih 104 Polos", 70), v("Putih 110 Polos", 75),
            v("Coklat Folio", 110)],
        base_unit: "lembar", packs: &[p(100, "pak", "1 Pak isi 100", "Pak isi 100 Lembar", 100),
            p(500, "box", "Box isi 5 Pak", "1 Box (500 Lembar)", 98)],
        price_incl: (30_000, 45_000), tkdn: Some((600, 850)), bmp: None, weight: 4, kbki: "32193" },
    Good { names: &["Meterai Tempel", "Materai Tempel", "Meterai"], category: "Meterai", lines: line::ATK,
        makes: UNBRANDED, variants: &[v("Rp10.000", 100)], base_unit: "lembar",
        packs: &[p(1, "lembar", "", "1 Lembar", 100), p(50, "pak", "Pak isi 50", "1 Pak (50 Lembar)", 99)],
        price_incl: (10_000, 12_000), tkdn: None, bmp: None, weight: 3, kbki: "32600" },
    Good { names: &["Flashdisk", "USB Flashdisk", "Flash Drive"], category: "Komputer",
        lines: line::KOMPUTER | line::ATK,
        makes: &[imp("SanDisk", "Ultra Flair", 100), imp("Kingston", "DataTraveler Exodia", 95),
            imp("Toshiba", "TransMemory", 90), mk("V-Gen", "Dynamic", 75)],
        variants: &[v("USB 3.2 32 GB", 70), v("USB 3.2 64 GB", 100), v("USB 3.2 128 GB", 160)],
        base_unit: "pcs", packs: ONE_PCS, price_incl: (90_000, 180_000), tkdn: Some((100, 250)), bmp: None, weight: 4,
            kbki: "47520" },
    Good { names: &["Hand Sanitizer", "Hand Sanitizer Gel", "Pembersih Tangan"], category: "Kebersihan",
        lines: line::KESEHATAN | line::KONSUMSI,
        makes: &[mk("Antis", "", 100), mk("Dettol", "", 115), mk("Nuvo", "", 90), mk("Saniter", "", 95)],
        variants: &[v("500 ml", 100), v("1 Liter", 180)],
        base_unit: "botol", packs: &[p(1, "botol", "", "1 Botol", 100),
            p(12, "dus", "Dus isi 12", "1 Dus (12 Botol)", 95)],
        price_incl: (25_000, 60_000), tkdn: Some((500, 800)), bmp: None, weight: 3, kbki: "35321" },
    Good { names: &["Masker Medis", "Masker Earloop", "Masker Bedah"], category: "Alat Kesehatan",
        lines: line::KESEHATAN,
        makes: &[mk("Sensi", "", 100), mk("OneMed", "", 95), mk("Mitra", "", 85), imp("Nexcare", "", 130)],
        variants: &[v("3 Ply Hijau", 100), v("3 Ply Biru", 100), v("3 Ply Putih", 100)],
        base_unit: "pcs", packs: &[p(50, "box", "Box isi 50", "1 Box (50 Pcs)", 100),
            p(2000, "karton", "Karton isi 40 Box", "1 Karton (40 Box)", 94)],
        price_incl: (20_000, 45_000), tkdn: Some((400, 700)), bmp: None, weight: 3, kbki: "27990" },
    Good { names: &["Seragam PDH", "Baju Dinas PDH", "Seragam Dinas Harian"], category: "Tekstil", lines: line::JASA,
        makes: UNBRANDED, variants: &[v("Khaki Lengan Panjang", 100), v("Khaki Lengan Pendek", 90),
            v("Coklat Lengan Panjang", 100)],
        base_unit: "stel", packs: &[p(1, "stel", "", "1 Stel", 100)], price_incl: (250_000, 550_000),
            tkdn: Some((600, 900)), bmp: None, weight: 2, kbki: "28231" },
    Good { names: &["Cetak Spanduk", "Cetak Banner", "Spanduk Banner"], category: "Percetakan",
        lines: line::JASA | line::ATK,
        makes: UNBRANDED, variants: &[v("Flexi 280 gsm", 100), v("Flexi 340 gsm", 125),
            v("Flexi Korea 440 gsm", 160)],
        base_unit: "m2", packs: &[p(1, "m2", "", "per Meter Persegi", 100)], price_incl: (20_000, 35_000),
            tkdn: None, bmp: None, weight: 3, kbki: "89121" },
    Good { names: &["Sewa Mobil", "Rental Mobil", "Sewa Kendaraan"], category: "Jasa Transportasi", lines: line::JASA,
        makes: &[mk("Toyota", "Avanza", 100), mk("Toyota", "Innova Reborn", 140), mk("Daihatsu", "Xenia", 95),
            mk("Mitsubishi", "Xpander", 110), mk("Toyota", "Hiace Commuter", 180)],
        variants: &[v("dengan Sopir", 100), v("dengan Sopir dan BBM", 125)],
        base_unit: "hari", packs: &[p(1, "hari", "", "per Hari", 100)], price_incl: (500_000, 950_000),
            tkdn: None, bmp: None, weight: 2, kbki: "66011" },
    Good { names: &["Router Wi-Fi 6", "Access Point Wi-Fi 6", "Router WiFi 6"], category: "Jaringan",
        lines: line::KOMPUTER,
        makes: &[imp("TP-Link", "Archer AX23", 60), imp("TP-Link", "EAP610", 100),
            imp("Ubiquiti", "UniFi U6 Lite", 110), imp("MikroTik", "hAP ax2", 80), imp("Ruijie", "RG-RAP2260", 105)],
        variants: ONE_VARIANT, base_unit: "unit", packs: ONE_UNIT, price_incl: (800_000, 2_500_000),
            tkdn: None, bmp: None, weight: 2, kbki: "47221" },
    Good { names: &["Gula Pasir", "Gula Pasir Putih", "Gula Kristal Putih"], category: "Konsumsi",
        lines: line::KONSUMSI,
        makes: &[mk("Gulaku", "", 105), mk("Rose Brand", "", 100), mk("Indogula", "", 95)],
        variants: &[v("1 kg", 100)], base_unit: "kg",
        packs: &[p(1, "kg", "", "Kemasan 1 Kg", 100), p(20, "dus", "Dus isi 20", "1 Dus (20 x 1 Kg)", 98)],
        price_incl: (16_000, 19_500), tkdn: Some((800, 950)), bmp: None, weight: 3, kbki: "23511" },
    Good { names: &["Jasa Tenaga Ahli", "Tenaga Ahli", "Jasa Konsultan"], category: "Jasa", lines: line::JASA,
        makes: UNBRANDED, variants: &[v("Sistem Informasi", 100), v("Teknik Sipil", 100), v("Keuangan Daerah", 90),
            v("Hukum", 95)],
        base_unit: "orang-bulan", packs: &[p(1, "orang-bulan", "", "per Orang Bulan", 100)],
            price_incl: (5_000_000, 15_000_000), tkdn: None, bmp: None, weight: 1, kbki: "83990" },
    Good { names: &["Spidol Whiteboard", "Spidol Papan Tulis", "Board Marker"], category: "ATK", lines: line::ATK,
        makes: &[mk("Snowman", "BG-12", 100), imp("Artline", "509A", 140), mk("Kenko", "WB-70", 90)],
        variants: &[v("Hitam", 100), v("Biru", 100), v("Merah", 100)],
        base_unit: "pcs", packs: DOZEN_PACKS, price_incl: (60_000, 110_000), tkdn: Some((300, 600)),
            bmp: None, weight: 4, kbki: "38922" },
    Good { names: &["Tisu", "Tissue Wajah", "Tisu Facial"], category: "Kebersihan", lines: line::KONSUMSI | line::ATK,
        makes: &[mk("Paseo", "", 105), mk("Nice", "", 90), mk("Tessa", "", 95), mk("Multi", "", 92)],
        variants: &[v("250 Sheet 2 Ply", 100), v("200 Sheet 2 Ply", 85)], base_unit: "pak",
        packs: &[p(1, "pak", "", "1 Pak", 100), p(48, "karton", "Karton isi 48", "1 Karton (48 Pak)", 95)],
        price_incl: (14_000, 25_000), tkdn: Some((600, 900)), bmp: None, weight: 3, kbki: "32131" },
    Good { names: &["Kopi Sachet", "Kopi Instan", "Kopi"], category: "Konsumsi", lines: line::KONSUMSI,
        makes: &[mk("Kapal Api", "Special Mix", 100), mk("ABC", "Susu", 95), mk("Luwak", "White Koffie", 105),
            mk("TOP", "Coffee Gula Aren", 90)],
        variants: ONE_VARIANT, base_unit: "sachet",
        packs: &[p(10, "renceng", "1 Renceng", "Renceng isi 10 Sachet", 100),
            p(120, "dus", "Dus isi 12 Renceng", "1 Dus (120 Sachet)", 96)],
        price_incl: (12_000, 20_000), tkdn: Some((700, 900)), bmp: None, weight: 3, kbki: "23912" },
    Good { names: &["Whiteboard", "Papan Tulis Whiteboard", "Papan Tulis"], category: "ATK",
        lines: line::ATK | line::MEBEL,
        makes: &[mk("Sakana", "", 100), mk("Deli", "", 90), mk("Ekobis", "", 95)],
        variants: &[v("60 x 90 cm", 60), v("90 x 120 cm", 100), v("120 x 240 cm", 210)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (350_000, 650_000), tkdn: Some((400, 650)),
            bmp: None, weight: 2, kbki: "38994" },
    Good { names: &["UPS", "UPS Komputer", "Stabilizer UPS"], category: "Komputer",
        lines: line::KOMPUTER | line::ELEKTRONIK,
        makes: &[imp("APC", "BX650LI-MS", 100), mk("ICA", "CE1200", 130), imp("Prolink", "PRO700SFC", 85)],
        variants: ONE_VARIANT, base_unit: "unit", packs: ONE_UNIT, price_incl: (600_000, 1_500_000),
            tkdn: Some((200, 400)), bmp: None, weight: 2, kbki: "46112" },
    Good { names: &["Monitor", "Monitor LED", "Monitor Komputer"], category: "Komputer", lines: line::KOMPUTER,
        makes: &[imp("Samsung", "S24C310", 100), imp("LG", "24MP400", 95), imp("Acer", "K243Y", 90),
            mk("Advan", "AM24", 80)],
        variants: &[v("24 inch", 100), v("22 inch", 85)],
        base_unit: "unit", packs: ONE_UNIT, price_incl: (1_400_000, 2_600_000), tkdn: Some((200, 350)),
            bmp: None, weight: 2, kbki: "45262" },
];

/// Searches the catalogue answers: a make's brand and the first word of its good's name ("epson
/// tinta", "sinar dunia kertas"; the word alone for unbranded goods), each once, sorted. For
/// benchmarks that need many different searches with results: over a hundred (twice what a load
/// test keeps in flight at once), each found on every marketplace and nearly always ten or more
/// times, so a 10-offer page comes back full.
pub fn search_phrases() -> Vec<String> {
    let mut phrases: Vec<String> = GOODS
        .iter()
        .flat_map(|good| {
            let word = good.names[0].split(' ').next().unwrap_or_default();
            good.makes.iter().map(move |make| format!("{} {word}", make.brand).trim().to_lowercase())
        })
        .collect();
    phrases.sort_unstable();
    phrases.dedup();
    phrases
}
