//! Domain tables: brands and their aliases, product kinds and their wordings, pack words,
//! measure units, colours and the marketing words sellers add.
//!
//! Phrases are written as the tokenizer produces them: lowercase, accents folded, hyphenated
//! words joined (`Wi-Fi` → `wifi`, `TP-Link` → `tplink`), one space between words.

/// Brands: canonical display name, then every phrase that names it.
pub(super) const BRANDS: &[(&str, &[&str])] = &[
    // Paper and stationery.
    ("Sinar Dunia", &["sinar dunia", "sinardunia", "sidu"]),
    ("PaperOne", &["paperone", "paper one"]),
    ("Bola Dunia", &["bola dunia"]),
    ("IK Copy", &["ik copy", "ikcopy", "ik yellow"]),
    ("Double A", &["double a", "doublea"]),
    ("Paperline", &["paperline", "paper line"]),
    ("Jaya", &["jaya"]),
    ("Standard", &["standard", "standart"]),
    ("Pilot", &["pilot"]),
    ("Snowman", &["snowman"]),
    ("Faster", &["faster"]),
    ("Joyko", &["joyko"]),
    ("Kenko", &["kenko"]),
    ("Artline", &["artline"]),
    ("Bantex", &["bantex"]),
    ("Bambi", &["bambi"]),
    ("Gold King", &["gold king", "goldking"]),
    ("Faber-Castell", &["fabercastell", "faber castell"]),
    ("Stabilo", &["stabilo"]),
    ("Kiky", &["kiky"]),
    ("Sakana", &["sakana"]),
    ("Deli", &["deli"]),
    ("Ekobis", &["ekobis"]),
    // Printing and computing.
    ("HP", &["hp", "hewlett packard", "hewlettpackard"]),
    ("Canon", &["canon"]),
    ("Epson", &["epson"]),
    ("Brother", &["brother"]),
    ("Fuji Xerox", &["fuji xerox", "fujixerox", "xerox"]),
    ("Blueprint", &["blueprint", "blue print"]),
    ("Hanaka", &["hanaka"]),
    ("Data Print", &["data print", "dataprint"]),
    ("Axioo", &["axioo"]),
    ("Advan", &["advan"]),
    ("Zyrex", &["zyrex"]),
    ("Lenovo", &["lenovo"]),
    ("Asus", &["asus"]),
    ("Acer", &["acer"]),
    ("Dell", &["dell"]),
    ("Samsung", &["samsung"]),
    ("LG", &["lg"]),
    ("BenQ", &["benq"]),
    ("InFocus", &["infocus", "in focus"]),
    ("Panasonic", &["panasonic"]),
    ("SanDisk", &["sandisk"]),
    ("Kingston", &["kingston"]),
    ("Toshiba", &["toshiba"]),
    ("V-Gen", &["vgen", "v gen"]),
    ("TP-Link", &["tplink", "tp link"]),
    ("Ubiquiti", &["ubiquiti"]),
    ("MikroTik", &["mikrotik"]),
    ("Ruijie", &["ruijie"]),
    ("APC", &["apc"]),
    ("ICA", &["ica"]),
    ("Prolink", &["prolink"]),
    // Furniture and appliances.
    ("Chairman", &["chairman"]),
    ("Indachi", &["indachi"]),
    ("Ergotec", &["ergotec"]),
    ("Savello", &["savello"]),
    ("Donati", &["donati"]),
    ("Expo", &["expo"]),
    ("Aditech", &["aditech"]),
    ("Uno", &["uno"]),
    ("Highpoint", &["highpoint", "high point"]),
    ("Lion", &["lion"]),
    ("Alba", &["alba"]),
    ("Elite", &["elite"]),
    ("Daikin", &["daikin"]),
    ("Sharp", &["sharp"]),
    ("Polytron", &["polytron"]),
    ("Gree", &["gree"]),
    // Consumables, health, vehicles.
    ("Aqua", &["aqua", "danone aqua"]),
    ("Le Minerale", &["le minerale", "leminerale"]),
    ("Cleo", &["cleo"]),
    ("Club", &["club"]),
    ("Vit", &["vit"]),
    ("Ades", &["ades"]),
    ("Gulaku", &["gulaku"]),
    ("Rose Brand", &["rose brand", "rosebrand"]),
    ("Indogula", &["indogula"]),
    ("Kapal Api", &["kapal api", "kapalapi"]),
    ("ABC", &["abc"]),
    ("Luwak", &["luwak"]),
    ("TOP", &["top"]),
    ("Paseo", &["paseo"]),
    ("Nice", &["nice"]),
    ("Tessa", &["tessa"]),
    ("Multi", &["multi"]),
    ("Antis", &["antis"]),
    ("Dettol", &["dettol"]),
    ("Nuvo", &["nuvo"]),
    ("Saniter", &["saniter"]),
    ("Sensi", &["sensi"]),
    ("OneMed", &["onemed", "one med"]),
    ("Mitra", &["mitra"]),
    ("Nexcare", &["nexcare", "3m nexcare"]),
    ("Toyota", &["toyota"]),
    ("Daihatsu", &["daihatsu"]),
    ("Mitsubishi", &["mitsubishi"]),
    ("Honda", &["honda"]),
    ("Suzuki", &["suzuki"]),
];

/// Product kinds: canonical kind, then the wordings sellers use for it. At one position the
/// longest wording wins, so `printer tinta isi ulang` is a printer, not ink.
pub(super) const KINDS: &[(&str, &[&str])] = &[
    (
        "kertas hvs",
        &[
            "kertas hvs",
            "kertas copy hvs",
            "kertas fotokopi hvs",
            "kertas fotocopy hvs",
            "hvs",
            "kertas fotokopi",
            "kertas fotocopy",
            "kertas copy",
            "copy paper",
            "paper",
        ],
    ),
    ("toner", &["cartridge toner", "toner cartridge", "toner printer", "toner"]),
    ("tinta", &["tinta printer", "botol tinta", "tinta botol", "tinta", "ink bottle"]),
    ("printer", &["printer ink tank", "printer tinta isi ulang", "printer inkjet", "printer"]),
    ("laptop", &["laptop kantor", "laptop", "notebook"]),
    ("pc aio", &["pc all in one", "komputer all in one", "komputer aio", "pc aio", "all in one", "aio"]),
    ("proyektor", &["lcd proyektor", "lcd projector", "proyektor", "projector"]),
    ("kursi kerja", &["kursi kerja", "kursi kantor", "kursi staf", "kursi staff"]),
    ("kursi pimpinan", &["kursi direktur", "kursi pimpinan", "kursi manager", "kursi manajer"]),
    ("meja kerja", &["meja kerja", "meja kantor", "meja staf", "meja staff"]),
    ("lemari arsip", &["lemari arsip besi", "lemari arsip", "filing cabinet", "filling cabinet"]),
    ("ac split", &["ac split inverter", "ac split", "air conditioner split", "air conditioner"]),
    ("air mineral galon", &["air mineral galon", "air minum galon", "galon air mineral", "galon air minum"]),
    ("air mineral", &["air mineral botol", "air minum kemasan", "air mineral", "air minum"]),
    ("nasi kotak", &["nasi kotak rapat", "nasi kotak", "nasi box"]),
    ("snack box", &["snack box rapat", "snack box", "kotak kue rapat", "kotak kue", "kue kotak"]),
    ("ballpoint", &["ballpoint", "ball point", "pulpen", "bolpoin", "bolpen", "pena"]),
    ("ordner", &["map ordner", "map odner", "ordner", "odner"]),
    ("amplop", &["amplop kantor", "amplop surat", "amplop"]),
    ("meterai", &["meterai tempel", "materai tempel", "meterai", "materai"]),
    ("flashdisk", &["usb flashdisk", "usb flash disk", "flashdisk", "flash disk", "flash drive", "usb flash drive"]),
    ("hand sanitizer", &["hand sanitizer gel", "hand sanitizer", "hand sanitiser", "pembersih tangan"]),
    ("masker", &["masker medis", "masker earloop", "masker bedah", "masker"]),
    ("seragam pdh", &["seragam pdh", "baju dinas pdh", "seragam dinas harian", "pdh"]),
    ("spanduk", &["cetak spanduk", "cetak banner", "spanduk banner", "spanduk", "banner"]),
    ("sewa mobil", &["sewa mobil", "rental mobil", "sewa kendaraan", "rental kendaraan"]),
    ("router wifi", &["router wifi 6", "access point wifi 6", "router wifi", "access point", "router"]),
    ("gula pasir", &["gula pasir putih", "gula pasir", "gula kristal putih"]),
    ("tenaga ahli", &["jasa tenaga ahli", "tenaga ahli", "jasa konsultan"]),
    ("spidol whiteboard", &["spidol whiteboard", "spidol papan tulis", "board marker", "spidol"]),
    ("tisu", &["tisu facial", "tisu wajah", "tissue wajah", "facial tissue", "tissue", "tisu"]),
    ("kopi", &["kopi sachet", "kopi instan", "kopi"]),
    ("whiteboard", &["papan tulis whiteboard", "whiteboard", "papan tulis"]),
    ("ups", &["ups komputer", "stabilizer ups", "ups"]),
    ("monitor", &["monitor led", "monitor komputer", "monitor"]),
];

/// Words that name a pack or a countable piece: they say how much is sold, not what.
pub(super) const PACK_WORDS: &[&str] = &[
    "rim", "box", "boks", "dus", "dos", "karton", "pak", "pack", "pax", "pck", "lusin", "gross", "gros", "kodi",
    "renceng", "bungkus", "bks", "set", "kotak", "botol", "btl", "pcs", "buah", "bh", "biji", "lembar",
    "lbr", "sachet", "sachets", "galon", "unit", "units", "stel", "setel", "porsi", "hari", "kemasan", "roll",
    "rol", "tube", "pouch", "bal", "ikat", "sak", "karung", "krat", "orangbulan", "m2", "pasang", "psg",
];

/// Words that follow `per` in a pack phrase without being pack words themselves.
pub(super) const PER_WORDS: &[&str] = &["meter", "persegi", "orang", "bulan", "jam", "minggu", "tahun", "paket"];

/// Marketing, service and filler words: they never say which product it is.
pub(super) const NOISE: &[&str] = &[
    "fotokopi", "fotocopy", "copy", "original", "ori", "asli", "murah", "termurah", "ready", "stock", "stok",
    "garansi", "resmi", "bergaransi", "fresh", "profesional", "professional", "promo", "diskon", "terlaris",
    "best", "seller", "new", "baru", "berkualitas", "kualitas", "grosir", "hemat", "free", "ongkir", "gratis",
    "pemasangan", "merk", "merek", "brand", "produk", "dengan", "dan", "untuk", "utk", "with", "and", "for",
    "the", "of", "rapat", "kantor", "official", "genuine", "termasuk", "include", "incl",
];

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
    ("pk", "pk", Dimension::Capacity),
    ("lumen", "lumen", Dimension::Brightness),
    ("lumens", "lumen", Dimension::Brightness),
    ("ansi", "lumen", Dimension::Brightness),
    ("inch", "inch", Dimension::Screen),
    ("inchi", "inch", Dimension::Screen),
    ("inci", "inch", Dimension::Screen),
    ("ply", "ply", Dimension::Ply),
    ("sheet", "sheet", Dimension::Sheets),
    ("sheets", "sheet", Dimension::Sheets),
    ("w", "w", Dimension::Power),
    ("watt", "w", Dimension::Power),
    ("va", "va", Dimension::Power),
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
];

/// Paper size words that mean a size code.
pub(super) const SIZES: &[(&str, &str)] = &[("folio", "f4"), ("kwarto", "q4"), ("quarto", "q4")];

pub(super) fn brand_of(phrase: &str) -> Option<&'static str> {
    BRANDS.iter().find(|(_, aliases)| aliases.contains(&phrase)).map(|(name, _)| *name)
}

pub(super) fn is_pack_word(word: &str) -> bool {
    PACK_WORDS.contains(&word)
}

pub(super) fn unit(word: &str) -> Option<(&'static str, Dimension)> {
    UNITS.iter().find(|(w, _, _)| *w == word).map(|(_, canonical, dimension)| (*canonical, *dimension))
}

pub(super) fn colour(word: &str) -> Option<&'static str> {
    COLOURS.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

pub(super) fn size(word: &str) -> Option<&'static str> {
    SIZES.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}
