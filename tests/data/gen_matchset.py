#!/usr/bin/env python3
"""Generates the matcher's development set and its frozen test part (issue 24 item 5).

Written in full before any tuning of the matcher against it, and not to be edited to suit the
matcher afterwards: a change here is a new set, and its figures before and after are measured
again. Titles come from templates in eight marketplace styles unlike the sandboxes' renderers
(plain Indonesian, all-caps with marketing noise, English, part number first, brand last,
abbreviated, e-Katalog "Field: value", bracketed and slash-separated), over families of products
that look alike and differ in one decisive thing each: a brand no table knows, original vs
compatible/refill, colour (with BK/C/M/Y and Indonesian names), model codes of one maker, package
contents (4 vs 8 channel, refill vs with gallon), size (legal vs A4), grammage, weight, hardness.

Every title carries its product label and its pack truth (how many base units the price buys).
Families, not titles, are split between the sets by a fixed seed, so the frozen test part holds
products (brands, codes) the tuning never saw.

Run: python3 tests/data/gen_matchset.py  (writes matchset_dev.tsv and matchset_test.tsv here).
"""
import itertools
import os
import random

SEED = 24
TEST_SHARE = 0.4
PER_PRODUCT = 8

NOISE_FRONT = ["READY STOCK", "BEST SELLER", "PROMO", "TERMURAH", "ORIGINAL 100%", "COD", "NEW", "HOT SALE"]
NOISE_BACK = ["Garansi Resmi", "Termurah", "Ready Stock", "BEST SELLER", "Promo!!", "Grosir", "Kirim Cepat", ""]


def product(family, kind, label, brand, attrs, packs, kind_en=None, kind_abbr=None, code_first=None):
    """kind/kind_en/kind_abbr: lists of wordings; brand: list of renderings (may hold "");
    attrs: list of (field name, [renderings]); packs: list of (id text, en text, qty, base, unit field)."""
    return dict(family=family, kind=kind, kind_en=kind_en or kind, kind_abbr=kind_abbr or kind, label=label,
                brand=brand, attrs=attrs, packs=packs, code_first=code_first)


def render(p, style, rng):
    kind = rng.choice(p["kind"])
    brand = rng.choice(p["brand"])
    attrs = [(name, rng.choice(values)) for name, values in p["attrs"]]
    idt, ent, qty, base, field = rng.choice(p["packs"])
    vals = [v for _, v in attrs if v]
    if style == 0:
        title = " ".join(x for x in [kind, brand, *vals, idt] if x)
    elif style == 1:
        title = " ".join(x for x in [rng.choice(NOISE_FRONT), kind, brand, *vals, idt, rng.choice(NOISE_BACK)] if x).upper()
    elif style == 2:
        title = " ".join(x for x in [brand, *vals, rng.choice(p["kind_en"]), ent] if x)
    elif style == 3:
        lead = p["code_first"](rng) if p["code_first"] else ""
        title = " ".join(x for x in [lead, brand, *vals, kind, idt] if x)
    elif style == 4:
        title = " ".join(x for x in [kind, *vals, idt] if x) + (f" - {brand}" if brand else "")
    elif style == 5:
        title = " ".join(x for x in [rng.choice(p["kind_abbr"]), brand, *vals, idt] if x)
    elif style == 6:
        parts = [kind] + ([f"Merek: {brand}"] if brand else []) + [f"{n}: {v}" for n, v in attrs if v]
        if idt:
            parts.append(f"Kemasan: {idt}")
        title = ", ".join(parts)
    else:
        title = " | ".join(x for x in [f"[{rng.choice(NOISE_FRONT).title()}] {brand}".strip(), kind, *vals, idt] if x)
    return " ".join(title.split()), field, qty, base


products = []

# Paper: brands (mostly in no table), sizes, grammage.
PAPER_KIND = ["Kertas HVS", "Kertas Fotokopi", "HVS", "Kertas Copy"]
PAPER_EN = ["Copy Paper", "Office Paper", "Photocopy Paper"]
PAPER_ABBR = ["Krts HVS", "Kts HVS", "HVS"]
SIZE = {"a4": ["A4", "a4", "A4 210x297mm"], "f4": ["F4", "Folio", "FC", "F4/Folio"], "legal": ["Legal", "LEGAL", "Legal 8.5x14in"],
        "letter": ["Letter", "Letter size", "LETTER"]}
GSM = {g: [f"{g}gsm", f"{g} gr", f"{g} gram", f"{g}g/m2", f"{g} GSM", f"{g}gr"] for g in (70, 75, 80)}
REAM = [("1 Rim", "1 ream", 500, "lembar", None), ("Box isi 5 Rim", "box of 5 reams", 2500, "lembar", None),
        ("1 DUS = 4 RIM", "1 carton = 4 reams", 2000, "lembar", None), ("(10 rim)", "(10 reams)", 5000, "lembar", None),
        ("isi 500 lembar", "500 sheets", 500, "lembar", None), ("", "", 500, "lembar", "rim"),
        ("1 karton isi 5 rim", "carton of 5 reams", 2500, "lembar", "dus")]
for brands, sizes, gsms in [(("Natural", "Copylas"), ("a4", "legal"), (70, 80)),
                            (("Navigator", "Mirage"), ("a4", "f4"), (75, 80)),
                            (("PaperPro", "Excellent"), ("letter", "a4"), (70, 75)),
                            (("Sinar Dunia", "Copylas"), ("f4", "legal"), (70, 80)),
                            (("Bintang Mas", "Kiky"), ("a4", "f4"), (70, 80)),
                            (("Tjiwi Kimia", "Natural"), ("a4", "letter"), (75, 80))]:
    fam = f"paper/{brands[0]}-{brands[1]}".lower().replace(" ", "")
    for b, s, g in itertools.product(brands, sizes, gsms):
        brand_r = {"Sinar Dunia": ["Sinar Dunia", "SiDu", "SIDU"]}.get(b, [b, b.upper()])
        products.append(product(fam, PAPER_KIND, f"paper/{b}/{s}/{g}".lower().replace(" ", ""), brand_r,
                                [("Ukuran", SIZE[s]), ("Gramatur", GSM[g])], REAM, PAPER_EN, PAPER_ABBR))

# Toner: one maker's part numbers, original vs compatible/refill.
ORIG = ["", "Original", "Ori", "Genuine", "ORIGINAL"]
COMP = ["Compatible", "Kompatibel", "Refill untuk", "Remanufactured", "Compatible untuk", "Pengganti"]
TONER_PACK = [("", "", 1, "pcs", None), ("1 pcs", "1 pc", 1, "pcs", None), ("1 Unit", "1 unit", 1, "pcs", None),
              ("", "", 1, "pcs", "pcs")]
TONERS = {
    "hp": (["HP", "Hewlett Packard", "hp"], {"85a": ["CE285A", "CE 285A", "CE-285A", "85A", "CE285A/85A"],
                                             "83a": ["CF283A", "CF 283A", "CF-283A", "83A", "CF283A/83A"]}),
    "hp2": (["HP", "Hewlett Packard"], {"78a": ["CE278A", "CE 278A", "78A", "CE278A 78A"],
                                         "36a": ["CB436A", "CB 436A", "36A", "CB436A / 36A"]}),
    "brother": (["Brother", "BROTHER"], {"tn2260": ["TN-2260", "TN2260", "TN 2260"],
                                         "tn2060": ["TN-2060", "TN2060", "TN 2060"]}),
    "kyocera": (["Kyocera", "KYOCERA"], {"tk1114": ["TK-1114", "TK1114", "TK 1114"],
                                         "tk1144": ["TK-1144", "TK1144", "TK 1144"]}),
    "canon": (["Canon", "CANON"], {"crg325": ["CRG-325", "CRG 325", "Cartridge 325", "325"],
                                   "crg337": ["CRG-337", "CRG 337", "Cartridge 337", "337"]}),
    "pantum": (["Pantum", "PANTUM"], {"pc210": ["PC-210", "PC210", "PC 210"], "pc211": ["PC-211", "PC211", "PC 211"]}),
}
for maker, (brand_r, codes) in TONERS.items():
    fam = f"toner/{maker}"
    for (code, code_r), origin in itertools.product(codes.items(), ("orig", "comp")):
        mark = ORIG if origin == "orig" else COMP
        products.append(product(fam, ["Toner", "Toner Cartridge", "Cartridge Toner", "Toner Printer"],
                                f"toner/{maker}/{code}/{origin}", brand_r, [("Jenis", mark), ("Tipe", code_r)],
                                TONER_PACK, ["Toner Cartridge", "Laser Toner"], ["Tnr", "Toner"],
                                code_first=(lambda r, cr=code_r: r.choice(cr)) if False else None))

# Ink: colours of one series (abbreviations, English, Indonesian), original vs refill.
COLOURS = {"bk": ["BK", "Black", "Hitam", "K"], "c": ["C", "Cyan", "Biru Muda", "CYAN"],
           "m": ["M", "Magenta", "MAGENTA"], "y": ["Y", "Yellow", "Kuning"]}
INK_PACK = [("", "", 1, "botol", None), ("1 botol", "1 bottle", 1, "botol", None), ("@1 btl", "1 btl", 1, "botol", None),
            ("", "", 1, "botol", "botol")]
INKS = {"epson664": (["Epson", "EPSON"], ["664", "T664", "T6641"]), "epson003": (["Epson", "EPSON"], ["003", "003 65ml"]),
        "canongi790": (["Canon", "CANON"], ["GI-790", "GI 790", "GI790"]), "hpgt53": (["HP", "hp"], ["GT53", "GT-53", "GT 53"])}
for series, (brand_r, code_r) in INKS.items():
    for origin in ("orig", "comp"):
        fam = f"ink/{series}/{origin}"
        for colour, col_r in COLOURS.items():
            mark = ORIG if origin == "orig" else COMP
            products.append(product(fam, ["Tinta", "Tinta Printer", "Botol Tinta", "Ink"],
                                    f"ink/{series}/{colour}/{origin}", brand_r,
                                    [("Jenis", mark), ("Seri", code_r), ("Warna", col_r)], INK_PACK,
                                    ["Ink Bottle", "Ink Refill", "Ink"], ["Tnt", "Tinta"]))

# CCTV kits: channels, brands.
CH = {4: ["4 Channel", "4CH", "4 ch", "4-Channel"], 8: ["8 Channel", "8CH", "8 ch", "8-Channel"]}
CCTV_PACK = [("", "", 1, "set", None), ("1 set", "1 set", 1, "set", None), ("", "", 1, "set", "unit")]
for brands in [("Hikvision", "Dahua"), ("Ezviz", "Spc")]:
    fam = f"cctv/{brands[0]}-{brands[1]}".lower()
    for b, ch in itertools.product(brands, (4, 8)):
        products.append(product(fam, ["Paket CCTV", "Paket Kamera CCTV", "CCTV Paket"], f"cctv/{b}/{ch}ch".lower(),
                                [b, b.upper()], [("Channel", CH[ch]), ("Resolusi", ["2MP", "2 MP", "1080P 2MP"])],
                                CCTV_PACK, ["CCTV Kit", "CCTV Package"], ["Pkt CCTV", "CCTV"]))

# Office chairs: brands no table knows with one description; colours.
CHAIR_PACK = [("", "", 1, "unit", None), ("1 unit", "1 unit", 1, "unit", None), ("", "", 1, "unit", "unit")]
CHAIR_COL = {"hitam": ["Hitam", "Black", "HITAM"], "abu": ["Abu-abu", "Grey", "Abu"]}
for brands in [("Ichiko", "Futura"), ("Vito", "Donati")]:
    fam = f"chair/{brands[0]}-{brands[1]}".lower()
    for b, col in itertools.product(brands, CHAIR_COL):
        products.append(product(fam, ["Kursi Putar", "Kursi Kantor Putar", "Kursi Putar Jaring"],
                                f"chair/{b}/{col}".lower(), [b, b.upper()], [("Warna", CHAIR_COL[col])], CHAIR_PACK,
                                ["Swivel Chair", "Office Swivel Chair", "Mesh Swivel Chair"], ["Krs Putar", "Kursi Ptr"]))

# Banner printers: one maker's models, another maker.
BANNER = {"mimaki/jv100": ("Mimaki", ["JV100-160", "JV 100-160", "JV100 160"]),
          "mimaki/cjv150": ("Mimaki", ["CJV150-160", "CJV 150-160", "CJV150 160"]),
          "roland/vg3": ("Roland", ["VG3-640", "VG3 640", "VG3-640 64in"]),
          "allwin/e180": ("Allwin", ["E-180", "E180", "E 180"])}
for label, (b, code_r) in BANNER.items():
    products.append(product("banner/printers", ["Printer Banner", "Mesin Cetak Banner", "Printer Spanduk"],
                            f"banner/{label}", [b, b.upper()], [("Tipe", code_r)], CHAIR_PACK,
                            ["Large Format Printer", "Banner Printer"], ["Prntr Banner", "Mesin Banner"]))

# Sugar and rice: brands no table knows, weights; packs of bags read in kilograms.
def bags(kg):
    return [("", "", kg, "kg", None), (f"isi 6 x {kg} kg", f"6 x {kg} kg", 6 * kg, "kg", None),
            (f"1 karton isi 10 x {kg} kg", f"carton 10 x {kg} kg", 10 * kg, "kg", "dus")]
for food, kind, en, abbr, brands, weights in [
        ("sugar", ["Gula Pasir", "Gula Kristal Putih", "Gula"], ["Granulated Sugar", "White Sugar", "Sugar"], ["Gl Pasir", "Gula"],
         ("Gunung Madu", "Manis Jaya"), (1, 2)),
        ("sugar2", ["Gula Pasir", "Gula"], ["Granulated Sugar", "Sugar"], ["Gl Pasir"], ("Gulaku", "Sweet Nusa"), (1, 2)),
        ("rice", ["Beras", "Beras Premium", "Beras Putih"], ["Rice", "Premium Rice"], ["Brs", "Brs Premium"],
         ("Ramos", "Pandan Wangi"), (5, 10)),
        ("rice2", ["Beras", "Beras Medium"], ["Rice", "Medium Rice"], ["Brs"], ("Setra Ramos", "Rojolele"), (5, 25))]:
    fam = f"{food}/{brands[0]}-{brands[1]}".lower().replace(" ", "")
    for b, kg in itertools.product(brands, weights):
        products.append(product(fam, kind, f"{food}/{b}/{kg}kg".lower().replace(" ", ""), [b, b.upper()],
                                [("Berat", [f"{kg} kg", f"{kg}kg", f"{kg} Kilo"])], bags(kg)[:1] * 2 + bags(kg)[1:],
                                en, abbr))

# Drinking water in gallons: refill only vs sold with its gallon.
for brands in [("Cleo", "Pristine"), ("Aqua", "Vit")]:
    fam = f"galon/{brands[0]}-{brands[1]}".lower()
    for b, contents in itertools.product(brands, ("refill", "withgallon")):
        words = ["Isi Ulang", "Refill", "isi ulang saja"] if contents == "refill" else ["+ Galon", "dengan Galon", "Beserta Galon", "Galon Baru + Isi"]
        products.append(product(fam, ["Air Mineral Galon", "Air Minum Galon", "Galon Air Mineral"],
                                f"galon/{b}/{contents}".lower(), [b, b.upper()], [("Isi", ["19 L", "19L", "19 Liter"]),
                                                                                 ("Jenis", words)],
                                [("", "", 1, "galon", None), ("", "", 1, "galon", "galon")],
                                ["Mineral Water Gallon", "Gallon Water"], ["Air Gln", "Galon"]))

# Pencils (hardness), pens (colour), envelopes (size codes): the pack statements live here.
COUNTED = lambda n: [(f"isi {n}", f"box of {n}", n, "pcs", None), (f"@{n}", f"box of {n}", n, "pcs", None),
                     (f"Box isi {n} pcs", f"{n} pcs/box", n, "pcs", None), (f"({n} pcs)", f"pack of {n}", n, "pcs", None),
                     ("per lusin" if n == 12 else f"isi {n}", "per dozen" if n == 12 else f"{n} pcs", n, "pcs", None),
                     (f"1 box isi {n}", f"box of {n}", n, "pcs", "box"), ("", "", 1, "pcs", "pcs")]
for brands in [("Faber-Castell", "Joyko"), ("Staedtler", "Greebel")]:
    fam = f"pencil/{brands[0]}-{brands[1]}".lower()
    for b, hard in itertools.product(brands, ("2b", "hb")):
        products.append(product(fam, ["Pensil", "Pensil Kayu", "Pensil Tulis"], f"pencil/{b}/{hard}".lower(), [b],
                                [("Jenis", [hard.upper(), hard])], COUNTED(12), ["Pencil", "Wooden Pencil"],
                                ["Pnsl", "Pnsl Kayu"]))
for brands in [("Standard", "Snowman"), ("Kenko", "Zebra")]:
    fam = f"pen/{brands[0]}-{brands[1]}".lower()
    for b, col in itertools.product(brands, ("hitam", "biru")):
        products.append(product(fam, ["Pulpen", "Bolpoin", "Ballpoint"], f"pen/{b}/{col}".lower(), [b, b.upper()],
                                [("Warna", {"hitam": ["Hitam", "Black", "HITAM"], "biru": ["Biru", "Blue", "BIRU"]}[col])],
                                COUNTED(12), ["Ballpoint Pen", "Pen"], ["Plpn", "Bolpen"]))
ENV_PACK = [("@25", "pack of 25", 25, "pcs", None), ("isi 50", "box of 50", 50, "pcs", None),
            ("box of 50", "box of 50", 50, "pcs", None), ("(100 lembar)", "100 pcs", 100, "lembar", None),
            ("1 box isi 100", "box of 100", 100, "pcs", "box")]
for brands, codes in [(("Paperline", "Amplop Mas"), ("104", "110")), (("Jaya", "Golden"), ("90", "110"))]:
    fam = f"envelope/{brands[0]}-{brands[1]}".lower().replace(" ", "")
    for b, code in itertools.product(brands, codes):
        products.append(product(fam, ["Amplop", "Amplop Putih", "Amplop Surat"], f"envelope/{b}/{code}".lower().replace(" ", ""),
                                [b, b.upper()], [("No", [code, f"No. {code}", f"No {code}"])], ENV_PACK,
                                ["Envelope", "White Envelope"], ["Amp", "Amplp"]))

# Desks: abbreviations, sizes; tissue: ply, nested packs counted in sheets.
for brands in [("Olympic", "Highpoint"), ("Vivere", "Modera")]:
    fam = f"desk/{brands[0]}-{brands[1]}".lower()
    for b, cm in itertools.product(brands, (100, 120)):
        products.append(product(fam, ["Meja Kerja", "Meja Kantor", "Meja Tulis"], f"desk/{b}/{cm}".lower(), [b, b.upper()],
                                [("Ukuran", [f"{cm} cm", f"{cm}cm", f"{cm}x60 cm"])], CHAIR_PACK,
                                ["Office Desk", "Writing Desk"], ["Mj Kerja", "Mj Kantor", "Mj Tulis"]))
for brands in [("Jolly", "Montiss"), ("Tessa", "Livi")]:
    fam = f"tissue/{brands[0]}-{brands[1]}".lower()
    for b, ply in itertools.product(brands, (2, 3)):
        packs = [("200 Sheet", "200 sheets", 200, "lembar", None),
                 ("200 Sheet (1 Karton (48 Pak))", "200 sheets (carton of 48 packs)", 9600, "lembar", None),
                 ("200 lembar isi 3 pak", "3 x 200 sheets", 600, "lembar", None),
                 ("200 Sheets", "200 sheets", 200, "lembar", "pak")]
        products.append(product(fam, ["Tisu Wajah", "Tissue Wajah", "Tisu Facial"], f"tissue/{b}/{ply}ply".lower(),
                                [b, b.upper()], [("Lapis", [f"{ply} ply", f"{ply}ply", f"{ply} Ply"])], packs,
                                ["Facial Tissue", "Face Tissue"], ["Tss Wajah", "Tisu"]))


def write_parts(name, script, seed, out):
    """Writes `out`'s "dev" and "test" rows to <name>_dev.tsv and <name>_test.tsv beside this file."""
    here = os.path.dirname(os.path.abspath(__file__))
    for part, rows in out.items():
        with open(os.path.join(here, f"{name}_{part}.tsv"), "w") as f:
            f.write(f"# Generated by {script} (seed {seed}); do not edit by hand. {'FROZEN: never tune on it.' if part == 'test' else 'Development part: tuning allowed.'}\n")
            f.write("# family<TAB>label<TAB>pack truth (quantity base)<TAB>unit field<TAB>title\n")
            for row in rows:
                f.write("\t".join(row) + "\n")
        print(part, len(rows), "titles", len({r[1] for r in rows}), "products", len({r[0] for r in rows}), "families")


def main():
    rng = random.Random(SEED)
    families = sorted({p["family"] for p in products})
    split = random.Random(SEED * 7919)
    test_families = {f for f in families if split.random() < TEST_SHARE}
    out = {"dev": [], "test": []}
    for p in products:
        part = "test" if p["family"] in test_families else "dev"
        styles = list(range(8))
        rng.shuffle(styles)
        for style in styles[:PER_PRODUCT]:
            title, field, qty, base = render(p, style, rng)
            out[part].append((p["family"], p["label"], f"{qty} {base}", field or "", title))
    write_parts("matchset", "gen_matchset.py", SEED, out)


if __name__ == "__main__":
    main()
