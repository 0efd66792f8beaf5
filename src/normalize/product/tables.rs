//! Word tables: pack words, measure units, colours, size words and the marketing words sellers
//! add. Words are written as the tokenizer produces them (lowercase, hyphenated words joined).

use rust_decimal::Decimal;

/// Words that name a pack or a countable piece: they say how much is sold, not what.
#[rustfmt::skip]
pub(super) const PACK_WORDS: &[&str] = &[
    "rim", "box", "boks", "dus", "dos", "karton", "pak", "pack", "pax", "pck", "lusin", "gross", "gros", "kodi",
    "renceng", "bungkus", "bks", "set", "kotak", "botol", "btl", "pcs", "buah", "bh", "biji", "lembar", "lbr",
    "sachet", "sachets", "galon", "unit", "units", "stel", "setel", "porsi", "hari", "kemasan", "roll", "rol",
    "tube", "pouch", "bal", "ikat", "sak", "karung", "krat", "orangbulan", "m2", "pasang", "psg", "pail",
    "ream", "reams", "carton", "cartons", "ctn", "kardus", "dozen", "packs", "boxes", "pieces", "pc",
];

/// Pack words for containers: a count before one is small (`5 rim`, `40 box`), so a large
/// number before one is a model number (`Bantex 1450 Pak isi 10`).
#[rustfmt::skip]
pub(super) const CONTAINERS: &[&str] = &[
    "rim", "box", "boks", "dus", "dos", "karton", "pak", "pack", "pax", "pck", "lusin", "gross", "gros", "kodi",
    "renceng", "bungkus", "bks", "set", "kotak", "kemasan", "roll", "rol", "bal", "ikat", "sak", "karung", "krat",
    "pouch", "tube", "pail", "ream", "reams", "carton", "cartons", "ctn", "kardus", "dozen", "packs", "boxes",
];

/// Packs of a fixed count, whose part is a pack too (`1/2 Rim` is 250 sheets, `Setengah Lusin`
/// six): a part written before any other pack word is a size (`1/2 Roll` of hose is its
/// diameter, `2.6 Dus` of welding rods theirs) and stays in the key (review34m M34-1).
pub(super) const COUNTED_PACKS: &[&str] = &["rim", "ream", "reams", "lusin", "dozen", "kodi", "gross", "gros"];

/// Words for a part of a pack written before its word (`Setengah Rim`, `Half Lusin`).
pub(super) const PART_WORDS: &[&str] = &["setengah", "separuh", "half", "seperempat", "sepertiga"];

/// The largest count written before a container word.
pub(super) const MAX_CONTAINER_COUNT: u32 = 100;

/// Words that follow `per` in a pack phrase without being pack words themselves.
pub(super) const PER_WORDS: &[&str] = &["meter", "persegi", "orang", "bulan", "jam", "minggu", "tahun", "paket"];

/// Marketing, service and filler words: they never say which product it is.
#[rustfmt::skip]
pub(super) const NOISE: &[&str] = &[
    "fotokopi", "fotocopy", "copy", "original", "ori", "asli", "murah", "termurah", "ready", "stock", "stok",
    "garansi", "resmi", "bergaransi", "fresh", "profesional", "professional", "promo", "diskon", "terlaris", "best",
    "seller", "new", "baru", "berkualitas", "kualitas", "grosir", "hemat", "free", "ongkir", "gratis", "pemasangan",
    "merk", "merek", "brand", "produk", "dengan", "dan", "untuk", "utk", "with", "and", "for", "the", "of", "rapat",
    "kantor", "official", "genuine", "termasuk", "include", "incl", "cod", "readystock", "uk", "ukuran", "size",
    "paket", "cap", "ready", "sale", "bonus", "jual", "intel", "core", "prosesor", "processor", "hot", "kirim",
    "cepat", "saja", "only", "murmer",
];

/// Words that say an ink or toner is not the maker's own: a compatible, refilled or
/// remanufactured one is another product than the original, whatever its part number.
pub(super) const COMPATIBLE: &[&str] =
    &["compatible", "kompatibel", "compatibel", "kompatible", "remanufactured", "reman", "pengganti", "kw", "oem"];

/// Words that, after `refill` (`refill untuk Epson`), say it is a refill for another maker's
/// product; `refill` alone is what is sold (`isi ulang`, the water without its gallon).
pub(super) const FOR: &[&str] = &["untuk", "utk", "for", "buat"];

/// Words that put a title among inks and toners, where a lone `C`, `M`, `Y` or `K` is a colour.
pub(super) const INK_WORDS: &[&str] =
    &["tinta", "ink", "toner", "cartridge", "catridge", "cartrige", "katrid", "cartidge", "ribbon"];

/// Ink colour letters (in ink context only) and two-word colour names.
pub(super) const INK_LETTERS: &[(&str, &str)] =
    &[("c", "cyan"), ("m", "magenta"), ("y", "kuning"), ("k", "hitam"), ("bk", "hitam"), ("pbk", "hitam")];

/// Pencil lead hardness: `2B` and `HB` are different pencils.
pub(super) const HARDNESS: &[&str] = &["hb", "2b", "3b", "4b", "5b", "6b", "7b", "8b", "2h", "3h", "4h"];

/// Words that label the model code after them (`No. 10`, `Tipe B-104`): they go, and they keep
/// the word before them from joining the code (`Max No 10` is not `max10`).
pub(super) const LABELS: &[&str] = &["no", "nomor", "nomer", "tipe", "type", "model", "seri", "series"];

/// Words that name the measure after them (`Diameter 10mm`, `Panjang 12 Meter`): before a number
/// they go, elsewhere they are words (`lengan panjang` is a long sleeve).
pub(super) const MEASURE_LABELS: &[&str] =
    &["panjang", "lebar", "tinggi", "tebal", "diameter", "dia", "length", "width", "height", "berat"];

/// Words that introduce what the offer includes (`dengan Sopir dan BBM`, `with Windows`).
pub(super) const INCLUDES: &[&str] =
    &["dengan", "with", "termasuk", "include", "includes", "including", "incl", "plus"];

/// Words that join two included items (`Sopir dan BBM`).
pub(super) const AND: &[&str] = &["dan", "and", "serta"];

/// Common procurement words in English and in other Indonesian spellings, to one Indonesian
/// spelling: sellers write `folding chair` for `kursi lipat` and `batre` for `baterai`.
#[rustfmt::skip]
pub(super) const SYNONYMS: &[(&str, &str)] = &[
    ("battery", "baterai"), ("batteries", "baterai"), ("batre", "baterai"), ("batrai", "baterai"),
    ("batere", "baterai"), ("chair", "kursi"), ("folding", "lipat"), ("table", "meja"), ("desk", "meja"),
    ("floor", "lantai"), ("cleaner", "pembersih"), ("pipe", "pipa"), ("iron", "besi"), ("steel", "baja"),
    ("cable", "kabel"), ("lamp", "lampu"), ("bulb", "lampu"), ("bag", "tas"), ("book", "buku"),
    ("pencil", "pensil"), ("eraser", "penghapus"), ("ruler", "penggaris"), ("scissors", "gunting"),
    ("glue", "lem"), ("rice", "beras"), ("sugar", "gula"), ("oil", "minyak"), ("soap", "sabun"),
    ("water", "air"), ("fan", "kipas"), ("shoes", "sepatu"), ("shirt", "kemeja"), ("uniform", "seragam"),
    ("shelf", "rak"), ("rack", "rak"), ("lock", "kunci"), ("paint", "cat"),
    ("brush", "kuas"), ("wheel", "roda"), ("wheels", "roda"), ("leather", "kulit"), ("plastic", "plastik"),
    ("wood", "kayu"), ("wooden", "kayu"), ("glass", "kaca"), ("mirror", "cermin"), ("broom", "sapu"),
    ("bucket", "ember"), ("ink", "tinta"),
    ("liquid", "cair"), ("powder", "bubuk"), ("electric", "listrik"), ("hand", "tangan"),
    ("swivel", "putar"), ("office", "kantor"), ("mesh", "jaring"), ("writing", "tulis"), ("facial", "wajah"),
    ("face", "wajah"), ("tissue", "tisu"), ("tissu", "tisu"), ("envelope", "amplop"), ("envelopes", "amplop"),
    ("gallon", "galon"), ("granulated", "pasir"), ("pen", "pulpen"), ("pens", "pulpen"),
    ("bolpen", "pulpen"), ("bolpoin", "pulpen"), ("ballpoint", "pulpen"), ("pencils", "pensil"),
    ("photocopy", "fotokopi"), ("kit", "paket"), ("package", "paket"), ("camera", "kamera"),
    ("bottle", "botol"),
    // The marker's type as `apart` reads it, one word however written (review33w W33-4: one
    // product was two groups, apart on `words permanen ≠ permanent`).
    ("permanent", "permanen"), ("permanant", "permanen"), ("permanet", "permanen"), ("parmanent", "permanen"),
    ("nonpermanent", "nonpermanen"),
];

/// Words that make the number before them an amount in thousands or millions of rupiah (`150
/// rb`, `1,5 juta`). Read as one amount (`rp150000`), never as the bare number: `Printer Canon
/// G3020 150 rb` had the spec `150` and its group was titled "… 150 Rb" (review34m M34-5).
pub(super) const PRICE_WORDS: &[&str] = &["rb", "rbu", "ribu", "jt", "juta"];

/// The rupiah `amount` followed by a price word stands for (`10` `rb` is `10000`). `k` counts
/// only after `Rp` or glued to the number (the lexer's `150k`): apart, it is an ink's black.
pub(super) fn rupiah(amount: &str, word: &str) -> Option<Decimal> {
    let scale = match word {
        "rb" | "rbu" | "ribu" | "k" => Decimal::ONE_THOUSAND,
        "jt" | "juta" => Decimal::from(1_000_000),
        _ => return None,
    };
    amount.parse::<Decimal>().ok().map(|n| (n * scale).normalize())
}

/// Goods sold by their face value: only in a title about one is `100 K` an amount, not a model
/// number and an ink's black (review36 R36-4).
pub(super) const FACE_VALUE_GOODS: &[&str] =
    &["voucher", "pulsa", "token", "saldo", "meterai", "materai", "perdana", "prangko", "emoney", "kuota", "topup"];

/// `10000`, `150000`: a bare round thousand, how a face value is written without `Rp`.
pub(super) fn round_thousand(number: &str) -> bool {
    number.len() >= 4
        && number.ends_with("000")
        && !number.starts_with('0')
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Units of electrical values and their one spelling (`100 Ohm`, `100Ω`, `100 nF`, `4.7 µF`):
/// what a resistor or a capacitor is (review36b R36b-3).
const ELECTRICAL: &[(&str, &str)] = &[
    ("ohm", "ohm"),
    ("ω", "ohm"),
    ("kohm", "kohm"),
    ("kω", "kohm"),
    ("mohm", "mohm"),
    ("mω", "mohm"),
    ("megaohm", "mohm"),
    ("megohm", "mohm"),
    ("nf", "nf"),
    ("uf", "uf"),
    ("µf", "uf"),
    ("μf", "uf"),
    ("pf", "pf"),
    // A part's voltage rating (`Elco 100 uF 16V`) says which part it is as its value does.
    ("v", "v"),
    ("volt", "v"),
];

/// The one spelling of an electrical unit.
pub(super) fn electrical(word: &str) -> Option<&'static str> {
    ELECTRICAL.iter().find(|(w, _)| *w == word).map(|(_, unit)| *unit)
}

/// What an electrical spec (`100kohm`, `16v`) states: the part's value, or its voltage rating.
pub(super) fn electrical_spec(spec: &str) -> Option<&'static str> {
    let unit = spec.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if unit.len() == spec.len() {
        return None;
    }
    match electrical(unit)? {
        "v" => Some("voltage"),
        _ => Some("value"),
    }
}

/// Goods whose bare `K` after a number is kilo-ohms or the capacitor's code, not a thousand.
pub(super) const ELECTRICAL_GOODS: &[&str] = &["resistor", "kapasitor", "capacitor", "kondensator", "elco"];

/// Words that say the number beside them is memory or storage in gigabytes (`SSD 512`, `RAM 8`).
pub(super) const STORAGE_WORDS: &[&str] = &["ssd", "hdd", "ram", "emmc", "rom", "memory", "memori"];

/// What a measure says, for explaining conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Dimension {
    Grammage,
    Mass,
    Volume,
    Storage,
    Length,
    Capacity,
    Brightness,
    Screen,
    Ply,
    Sheets,
    Power,
    Drawers,
    Doors,
    Tiers,
    Ports,
    Channels,
    Resolution,
}

/// Measure units: spelling, canonical suffix, dimension.
pub(super) const UNITS: &[(&str, &str, Dimension)] = &[
    ("gsm", "gsm", Dimension::Grammage),
    ("gramasi", "gsm", Dimension::Grammage),
    ("g", "g", Dimension::Mass),
    ("gr", "g", Dimension::Mass),
    ("grm", "g", Dimension::Mass),
    ("gram", "g", Dimension::Mass),
    ("kg", "kg", Dimension::Mass),
    ("kilo", "kg", Dimension::Mass),
    ("kilogram", "kg", Dimension::Mass),
    ("ml", "ml", Dimension::Volume),
    ("mililiter", "ml", Dimension::Volume),
    ("cc", "ml", Dimension::Volume),
    ("l", "l", Dimension::Volume),
    ("lt", "l", Dimension::Volume),
    ("ltr", "l", Dimension::Volume),
    ("liter", "l", Dimension::Volume),
    ("litre", "l", Dimension::Volume),
    ("mb", "mb", Dimension::Storage),
    ("gb", "gb", Dimension::Storage),
    ("tb", "tb", Dimension::Storage),
    ("mm", "mm", Dimension::Length),
    ("cm", "cm", Dimension::Length),
    ("m", "m", Dimension::Length),
    ("meter", "m", Dimension::Length),
    ("metre", "m", Dimension::Length),
    ("pk", "pk", Dimension::Capacity),
    ("lumen", "lumen", Dimension::Brightness),
    ("lumens", "lumen", Dimension::Brightness),
    ("ansi", "lumen", Dimension::Brightness),
    ("inch", "inch", Dimension::Screen),
    ("inchi", "inch", Dimension::Screen),
    ("inci", "inch", Dimension::Screen),
    ("gramatur", "gsm", Dimension::Grammage),
    ("ply", "ply", Dimension::Ply),
    ("sheet", "sheet", Dimension::Sheets),
    ("sheets", "sheet", Dimension::Sheets),
    ("w", "w", Dimension::Power),
    ("watt", "w", Dimension::Power),
    ("va", "va", Dimension::Power),
    // Counted parts: a number before one is how many the product has (`4 laci`, `8 port`).
    ("laci", "laci", Dimension::Drawers),
    ("drawer", "laci", Dimension::Drawers),
    ("drawers", "laci", Dimension::Drawers),
    ("pintu", "pintu", Dimension::Doors),
    ("door", "pintu", Dimension::Doors),
    ("doors", "pintu", Dimension::Doors),
    ("susun", "susun", Dimension::Tiers),
    ("tingkat", "susun", Dimension::Tiers),
    ("tier", "susun", Dimension::Tiers),
    ("port", "port", Dimension::Ports),
    ("ports", "port", Dimension::Ports),
    // A 4-channel and an 8-channel recorder kit are different kits.
    ("channel", "ch", Dimension::Channels),
    ("channels", "ch", Dimension::Channels),
    ("ch", "ch", Dimension::Channels),
    ("mp", "mp", Dimension::Resolution),
    ("megapixel", "mp", Dimension::Resolution),
];

/// Colours in Indonesian and English, to their Indonesian name.
pub(super) const COLOURS: &[(&str, &str)] = &[
    ("hitam", "hitam"),
    ("black", "hitam"),
    ("bk", "hitam"),
    ("putih", "putih"),
    ("white", "putih"),
    ("biru", "biru"),
    ("blue", "biru"),
    ("merah", "merah"),
    ("red", "merah"),
    ("hijau", "hijau"),
    ("green", "hijau"),
    ("kuning", "kuning"),
    ("yellow", "kuning"),
    ("coklat", "coklat"),
    ("cokelat", "coklat"),
    ("brown", "coklat"),
    ("abu", "abu"),
    ("abuabu", "abu"),
    ("grey", "abu"),
    ("gray", "abu"),
    ("cyan", "cyan"),
    ("magenta", "magenta"),
    ("ungu", "ungu"),
    ("purple", "ungu"),
    ("oranye", "oranye"),
    ("orange", "oranye"),
    ("pink", "pink"),
    ("silver", "silver"),
    ("perak", "silver"),
    ("bening", "bening"),
    ("transparan", "bening"),
    ("clear", "bening"),
    ("khaki", "khaki"),
    ("krem", "krem"),
    ("cream", "krem"),
    ("navy", "navy"),
    ("maroon", "maroon"),
    ("emas", "emas"),
    ("gold", "emas"),
];

/// Paper size words that mean a size code.
pub(super) const SIZES: &[(&str, &str)] = &[
    ("folio", "f4"),
    ("fc", "f4"),
    ("kwarto", "q4"),
    ("quarto", "q4"),
    ("kuarto", "q4"),
    ("aa", "aa"),
    ("aaa", "aaa"),
    ("legal", "legal"),
    ("letter", "letter"),
    // Envelope sizes.
    ("kabinet", "kabinet"),
];

/// Paper sizes by their millimetres, either way round: F4 (Folio) is 215 × 330 mm.
pub(super) const SIZE_MM: &[(&str, &str)] = &[
    ("210x297", "a4"),
    ("215x330", "f4"),
    ("216x330", "f4"),
    ("297x420", "a3"),
    ("148x210", "a5"),
    ("215x280", "q4"),
    ("216x279", "letter"),
    ("216x356", "legal"),
];

/// The paper size a dimension spec names (`215x330mm`, `33x21.5cm`), if any.
pub(super) fn paper_size(spec: &str) -> Option<&'static str> {
    let (numbers, scale) = if let Some(n) = spec.strip_suffix("mm") {
        (n, 1.0)
    } else if let Some(n) = spec.strip_suffix("cm") {
        (n, 10.0)
    } else {
        (spec, 1.0)
    };
    let (a, b) = numbers.split_once('x')?;
    let mm = |v: &str| v.parse::<f64>().ok().map(|v| (v * scale).round() as u32);
    let (a, b) = (mm(a)?, mm(b)?);
    let (short, long) = (a.min(b), a.max(b));
    let written = format!("{short}x{long}");
    SIZE_MM.iter().find(|(mm, _)| *mm == written).map(|(_, size)| *size)
}

/// `2XL` to `5XL`: a clothing size written with its count of Xs (`XXL`, `XXXL`).
pub(super) fn clothing_size(code: &str) -> Option<String> {
    let xs = code.strip_suffix("xl")?.parse::<usize>().ok().filter(|n| (2..=5).contains(n))?;
    Some(format!("{}l", "x".repeat(xs)))
}

pub(super) fn is_pack_word(word: &str) -> bool {
    PACK_WORDS.contains(&word)
}

pub(super) fn unit(word: &str) -> Option<(&'static str, Dimension)> {
    UNITS.iter().find(|(w, _, _)| *w == word).map(|(_, canonical, dimension)| (*canonical, *dimension))
}

/// The one spelling of a word that [`SYNONYMS`] lists, or the word itself.
pub(super) fn synonym(word: &str) -> &str {
    SYNONYMS.iter().find(|(w, _)| *w == word).map_or(word, |(_, canonical)| canonical)
}

pub(super) fn colour(word: &str) -> Option<&'static str> {
    COLOURS.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

pub(super) fn size(word: &str) -> Option<&'static str> {
    SIZES.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}
