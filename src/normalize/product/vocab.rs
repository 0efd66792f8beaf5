//! The words the matcher knows, to tell an unknown word (a brand no table lists, `Copylas`)
//! from a common one (`kertas`, `swivel`), and to expand abbreviations written without their
//! vowels (`Krts` = kertas, `Mj` = meja, `Pnsl` = pensil, `Brs` = beras).

use super::food;
use super::names;
use super::tables;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Common words of product titles that no other table lists: materials, makes of product and
/// field labels of e-Katalog-style listings. None of them names a brand.
#[rustfmt::skip]
const DESCRIPTIVE: &[&str] = &[
    "kertas", "meja", "kursi", "pensil", "pulpen", "beras", "gula", "tinta", "toner", "printer", "amplop", "tisu",
    "galon", "paket", "putar", "jaring", "kayu", "tulis", "kerja", "kantor", "wajah", "pasir", "kristal", "putih",
    "premium", "medium", "super", "mesin", "cetak", "spanduk", "banner", "large", "format", "laser", "inkjet",
    "cctv", "kamera", "camera", "mineral", "minum", "air", "surat", "copy", "paper", "office", "ink", "bottle",
    "warna", "jenis", "lapis", "resolusi", "kemasan", "isi", "tipe", "merek", "merk", "ukuran", "berat",
    "gramatur", "seri", "muda", "tua", "lampu", "kabel", "baju", "kemeja", "celana", "sepatu", "tas", "buku",
    "map", "plastik", "besi", "baja", "aluminium", "stainless", "kaca", "kulit", "karet", "busa", "jaket",
    "hvs", "folio", "lembar", "refill", "ulang", "pack", "sheet", "ream", "reams", "carton", "dozen", "box",
    "mesh", "swivel", "chair", "desk", "rice", "sugar", "pencil", "pen", "envelope", "tissue", "facial", "face",
    "water", "gallon", "kit", "package", "cartridge", "ribbon", "wooden", "writing", "granulated", "white",
    "black", "laserjet", "deskjet", "pixma", "photocopy", "fotokopi", "untuk", "baru", "asli", "lokal", "impor",
    "import", "bahan", "model", "motif", "polos", "standar", "ekonomis", "jumbo", "mini", "besar", "kecil",
    "sedang", "panjang", "pendek", "bulat", "kotak", "persegi", "lipat", "susun", "dinding", "lantai", "portable",
    "digital", "analog", "otomatis", "manual", "elektrik", "listrik", "wireless", "usb", "led", "lcd", "smart",
    "pro", "plus", "max", "lite", "ultra", "series", "edition", "type", "original", "genuine", "grade",
    // Words that join others: `per Kotak`, `atau`, `tanpa`.
    "per", "atau", "yang", "dari", "pada", "dalam", "tanpa", "bisa", "siap", "sudah", "sama", "each", "set",
    // What a board is, never who makes it (review29c P8: `Whiteboard Magnetic Baja` was brand
    // Magnetic, and met every magnetic board).
    "magnet", "magnetic", "magnetik", "magnetis",
    // Written without vowels, yet no abbreviation of another word: `Rp 10.000`. The price words
    // (`1 jt`, `150 rb`, tables::PRICE_WORDS) are known too: `jt` was read as jaket, and titled a
    // group "… Jaket" (review33w W33-4); `harga` before a price is no maker.
    "rp", "idr", "ppn", "sni", "bpom", "harga",
    // Kinds of goods no kind table names, and screen words.
    "stapler", "staples", "hekter", "lakban", "karbol", "pembersih", "mie", "mi", "instan", "fhd", "uhd", "hd",
    "ips", "tinta", "lem", "spidol", "map", "isolasi", "gunting", "penggaris", "penghapus", "sabun", "cair",
    // Goods named by what they are for or contain, never by who makes them (review33m N7:
    // `Garam Beryodium` and `Helm Proyek` were the brands of every maker's salt and helmet).
    "garam", "beryodium", "yodium", "helm", "proyek", "safety", "sapu", "ijuk",
    // The same for what a good is made of, is for or looks like (review34m M34-6: `Garam Dapur
    // Kapal` was Dapur's, `Kabel UTP Cat6 Belden` Utp's, `Cat Tembok Avian` Tembok Avian's).
    "dapur", "halus", "krosok", "lidi", "gagang", "nilon", "konstruksi", "rompi", "kacamata", "serabut",
    "tunggal", "duplex", "tembaga", "utp", "coaxial", "koaksial", "bohlam", "tembok", "semen", "portland",
    "paku", "beton", "jas", "hujan", "ponco", "buram", "goreng", "sawit",
    // Technical acronyms: what a product is or has, never who makes it.
    "pvc", "hdpe", "ppr", "mdf", "hpl", "ssd", "hdd", "nvme", "rgb", "dvr", "nvr", "xvr", "ahd", "ptz", "ntsc",
    "hdmi", "vga", "dvd", "cd", "ac", "dc", "gps", "nfc", "wifi", "lan", "poe", "ups", "pcs", "std", "bw",
    "cmyk", "dtf", "uv", "pln", "sds", "msds", "tkdn", "spt", "kwh", "uht",
    // Cable types (`Kabel NYA 1x1.5 Eterna` is Eterna's; `NYA` has a vowel and was the maker of
    // every NYA cable, review33m N7).
    "nya", "nym", "nyy", "nyaf", "nymhy", "nyyhy", "nyfgby",
    // Services name what is done, not who makes it.
    "jasa", "layanan", "sistem", "informasi", "tenaga", "ahli", "konsultan", "pelatihan", "sewa", "servis",
];

static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut out: HashSet<&'static str> = HashSet::new();
    let phrases = names::KINDS.iter().chain(names::BRANDS).flat_map(|(_, p)| p.iter().copied());
    out.extend(phrases.flat_map(|p| p.split(' ')));
    out.extend(tables::SYNONYMS.iter().flat_map(|(a, b)| [*a, *b]));
    out.extend(tables::COLOURS.iter().map(|(w, _)| *w));
    out.extend(food::FLAVOURS.iter().map(|(w, _)| *w));
    out.extend(tables::SIZES.iter().map(|(w, _)| *w));
    out.extend(tables::UNITS.iter().map(|(w, _, _)| *w));
    for list in [
        tables::NOISE,
        tables::LABELS,
        tables::MEASURE_LABELS,
        tables::PACK_WORDS,
        tables::INK_WORDS,
        tables::COMPATIBLE,
        tables::FOR,
        tables::INCLUDES,
        tables::AND,
        tables::STORAGE_WORDS,
        tables::PER_WORDS,
        tables::PRICE_WORDS,
        tables::HARDNESS,
        DESCRIPTIVE,
    ] {
        out.extend(list.iter().copied());
    }
    out
});

/// The words of brand names.
static BRAND_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| names::BRANDS.iter().flat_map(|(_, p)| p.iter().flat_map(|p| p.split(' '))).collect());

/// Whether a word is one the matcher knows (never an unknown brand).
pub(super) fn known(word: &str) -> bool {
    WORDS.contains(word)
}

/// Words of an Indonesian and an English dictionary (see `dictionary/README.md`): a title's word
/// found there names no brand unless a brand field says so (review35m M35-6: `Kancing`, `Clip`
/// and `Extra` were the makers of every button folder, paper clip and staple refill).
static DICTIONARY: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let lists = [include_str!("dictionary/id.txt"), include_str!("dictionary/en.txt")];
    lists.into_iter().flat_map(str::lines).collect()
});

/// Whether a word is ordinary: known to the matcher or in a dictionary. Such a word read from a
/// title alone is no brand; a maker named by one (`Stapler Max`) is told by where it stands.
pub(super) fn ordinary(word: &str) -> bool {
    known(word) || DICTIONARY.contains(word)
}

/// Words that say what a product is like (size, thickness, texture, shape, weight, strength,
/// age), never who makes it. Where a maker's name would stand they are no maker's (review35m
/// M35-5: `Stapler Kecil HD-10` was apart from Joyko's stapler as if `Kecil` were a maker, and
/// so joined the group of the maker named by a dictionary word, `Max`).
#[rustfmt::skip]
const QUALITIES: &[&str] = &[
    "kecil", "besar", "sedang", "mini", "jumbo", "halus", "kasar", "lembut", "tebal", "tipis", "panjang",
    "pendek", "lebar", "sempit", "tinggi", "rendah", "bulat", "lonjong", "oval", "persegi", "datar", "ringan",
    "berat", "kuat", "keras", "lunak", "empuk", "tajam", "tumpul", "baru", "bekas", "lama", "murah", "biasa",
    "small", "medium", "large", "big", "little", "fine", "coarse", "soft", "hard", "thick", "thin", "long",
    "short", "wide", "narrow", "tall", "low", "high", "round", "square", "flat", "light", "heavy", "strong",
    "new", "used", "regular",
];

/// Whether a word says what a product is like (see [`QUALITIES`]).
pub(super) fn quality(word: &str) -> bool {
    QUALITIES.contains(&word)
}

fn vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The word a vowel-less abbreviation stands for: the known word whose consonants it is
/// (`mj` → meja), else the only known word starting with its letter whose consonants hold it in
/// order (`kts` → kertas). A known word (`bk`, `pcs`) is not an abbreviation.
pub(super) fn expand(word: &str) -> Option<&'static str> {
    if word.len() < 2 || known(word) || !word.chars().all(|c| c.is_ascii_alphabetic() && !vowel(c)) {
        return None;
    }
    let skeleton = |w: &str| w.chars().filter(|c| !vowel(*c)).collect::<String>();
    let holds = |w: &str| {
        let mut rest = skeleton(w).into_bytes().into_iter();
        w.starts_with(&word[..1]) && word.bytes().all(|b| rest.any(|c| c == b))
    };
    // A brand is never what an abbreviation stands for: `Tss` is no `Tessa`.
    let mut candidates: Vec<&'static str> = WORDS
        .iter()
        .copied()
        .filter(|w| w.len() > word.len() && w.chars().any(vowel) && holds(w) && !BRAND_WORDS.contains(w))
        .collect();
    candidates.sort_unstable();
    if let Some(exact) = candidates.iter().find(|w| skeleton(w) == word) {
        return Some(tables::synonym(exact)).map(|w| WORDS.get(w).copied().unwrap_or(exact));
    }
    // Otherwise at most one consonant left out: `Kts` is kertas, `FHD` is no flashdisk.
    candidates.retain(|w| skeleton(w).len() <= word.len() + 1);
    match candidates.as_slice() {
        [only] => Some(tables::synonym(only)).map(|w| WORDS.get(w).copied().unwrap_or(only)),
        _ => None,
    }
}
