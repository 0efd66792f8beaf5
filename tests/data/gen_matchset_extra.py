#!/usr/bin/env python3
"""More development titles for the matcher (issue 24), written after the frozen test part was
split off and without reading it: new families of the kinds of look-alikes the issue names
(brands no table knows, original vs compatible, ink colour letters, part numbers of one maker,
4 vs 8 channels, refill vs with gallon, Legal vs A4, hardness, ply, desk variants), rendered in
the same eight marketplace styles by gen_matchset.render. Its brands and codes are not those of
the frozen part's family names. It is development data: the matcher may be tuned on it.

Run: python3 tests/data/gen_matchset_extra.py  (writes matchset_extra.tsv here).
"""
import itertools
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_matchset import (CH, CHAIR_COL, CHAIR_PACK, COLOURS, COMP, GSM, INK_PACK, ORIG, PAPER_ABBR,  # noqa: E402
                          PAPER_EN, PAPER_KIND, REAM, SIZE, TONER_PACK, product, render)

SEED = 2424
PER_PRODUCT = 8
products = []

for brands, sizes, gsms in [(("Paperone", "Sinar Jaya"), ("a4", "legal"), (70, 80)),
                            (("Eagle", "Prima"), ("f4", "a4"), (70, 75))]:
    fam = f"xpaper/{brands[0]}-{brands[1]}".lower().replace(" ", "")
    for b, s, g in itertools.product(brands, sizes, gsms):
        products.append(product(fam, PAPER_KIND, f"xpaper/{b}/{s}/{g}".lower().replace(" ", ""), [b, b.upper()],
                                [("Ukuran", SIZE[s]), ("Gramatur", GSM[g])], REAM, PAPER_EN, PAPER_ABBR))

TONERS = {
    "samsung": (["Samsung", "SAMSUNG"], {"d111s": ["MLT-D111S", "MLT D111S", "D111S", "MLTD111S"],
                                         "d101s": ["MLT-D101S", "MLT D101S", "D101S", "MLTD101S"]}),
    "xerox": (["Fuji Xerox", "FUJI XEROX", "Xerox"], {"ct202137": ["CT202137", "CT 202137", "CT-202137"],
                                                       "ct201591": ["CT201591", "CT 201591", "CT-201591"]}),
}
for maker, (brand_r, codes) in TONERS.items():
    for (code, code_r), origin in itertools.product(codes.items(), ("orig", "comp")):
        products.append(product(f"xtoner/{maker}", ["Toner", "Toner Cartridge", "Cartridge Toner"],
                                f"xtoner/{maker}/{code}/{origin}", brand_r,
                                [("Jenis", ORIG if origin == "orig" else COMP), ("Tipe", code_r)],
                                TONER_PACK, ["Toner Cartridge", "Laser Toner"], ["Tnr", "Toner"]))

INKS = {"canongi71": (["Canon", "CANON"], ["GI-71", "GI 71", "GI71"]),
        "epson001": (["Epson", "EPSON"], ["001", "001 70ml", "No. 001"])}
for series, (brand_r, code_r) in INKS.items():
    for origin in ("orig", "comp"):
        for colour, col_r in COLOURS.items():
            products.append(product(f"xink/{series}/{origin}", ["Tinta", "Tinta Printer", "Botol Tinta"],
                                    f"xink/{series}/{colour}/{origin}", brand_r,
                                    [("Jenis", ORIG if origin == "orig" else COMP), ("Seri", code_r),
                                     ("Warna", col_r)], INK_PACK, ["Ink Bottle", "Ink"], ["Tnt", "Tinta"]))

for b, ch in itertools.product(("Imou", "Tiandy"), (4, 8)):
    products.append(product("xcctv/imou-tiandy", ["Paket CCTV", "Paket Kamera CCTV"], f"xcctv/{b}/{ch}ch".lower(),
                            [b, b.upper()], [("Channel", CH[ch]), ("Resolusi", ["5MP", "5 MP"])],
                            [("", "", 1, "set", None), ("1 set", "1 set", 1, "set", None)],
                            ["CCTV Kit", "CCTV Package"], ["Pkt CCTV", "CCTV"]))

for b, col in itertools.product(("Indachi", "Savello"), CHAIR_COL):
    products.append(product("xchair/indachi-savello", ["Kursi Kantor", "Kursi Putar", "Kursi Kerja Jaring"],
                            f"xchair/{b}/{col}".lower(), [b, b.upper()], [("Warna", CHAIR_COL[col])], CHAIR_PACK,
                            ["Office Chair", "Swivel Chair", "Mesh Office Chair"], ["Krs Kantor", "Kursi"]))

BANNER = {"mimaki/jv150": (["Mimaki", "MIMAKI"], ["JV150-160", "JV150 160", "JV 150-160", "JV150"]),
          "mimaki/jv300": (["Mimaki", "MIMAKI"], ["JV300-160", "JV300 160", "JV 300-160", "JV300"]),
          "roland/vs640": (["Roland", "ROLAND", "Roland DG"], ["VS-640i", "VS640i", "VS 640i"]),
          "roland/vs300": (["Roland", "ROLAND", "Roland DG"], ["VS-300i", "VS300i", "VS 300i"])}
for label, (b, code_r) in BANNER.items():
    products.append(product("xbanner/printers", ["Mesin Cetak Spanduk", "Printer Banner", "Mesin Banner"],
                            f"xbanner/{label}", b, [("Tipe", code_r)], [("", "", 1, "unit", None),
                                                                       ("1 unit", "1 unit", 1, "unit", None)],
                            ["Large Format Printer", "Banner Printer"], ["Msn Cetak Spanduk", "Printer Banner"]))

# A brand written as an acronym without vowels, against one with.
for b, ch in itertools.product(("KBVision", "TVT"), (4, 8)):
    products.append(product("xcctv/kbvision-tvt", ["Paket CCTV", "CCTV Paket"], f"xcctv/{b}/{ch}ch".lower(),
                            [b, b.upper()], [("Channel", CH[ch]), ("Resolusi", ["2MP", "1080P 2MP"])],
                            [("", "", 1, "set", None), ("1 set", "1 set", 1, "set", None)],
                            ["CCTV Kit", "CCTV Package"], ["Pkt CCTV", "CCTV"]))

for b, kg in itertools.product(("Rose Brand", "Claris"), (1, 2)):
    w = [f"{kg} kg", f"{kg}kg", f"{kg} KG"]
    products.append(product("xsugar/rosebrand-claris", ["Gula Pasir", "Gula Kristal Putih", "Gula"],
                            f"xsugar/{b}/{kg}".lower().replace(" ", ""), [b, b.upper()], [("Berat", w)],
                            [("", "", kg, "kg", None), ("1 pcs", "1 pc", kg, "kg", None)],
                            ["Granulated Sugar", "White Sugar"], ["Gl Pasir", "Gula"]))

for b, kind in itertools.product(("Club", "Oasis"), ("refill", "gallon")):
    mark = ["Isi Ulang", "Refill", "Isi Ulang Saja"] if kind == "refill" else ["+ Galon", "Galon Baru + Isi",
                                                                             "dengan Galon", "Beserta Galon"]
    products.append(product("xgalon/club-oasis", ["Air Mineral Galon", "Air Minum Galon", "Galon Air Mineral"],
                            f"xgalon/{b}/{kind}".lower(), [b, b.upper()],
                            [("Volume", ["19 L", "19 Liter", "19L"]), ("Jenis", mark)],
                            [("", "", 1, "galon", None), ("1 galon", "1 gallon", 1, "galon", None)],
                            ["Mineral Water Gallon", "Drinking Water Gallon"], ["Air Mnrl Galon", "Galon"]))

for b, ply in itertools.product(("Paseo", "Nice"), (2, 3)):
    products.append(product("xtissue/paseo-nice", ["Tisu Wajah", "Tissue Wajah", "Tisu"],
                            f"xtissue/{b}/{ply}".lower(), [b, b.upper()],
                            [("Lapis", [f"{ply} ply", f"{ply}ply", f"{ply} Ply"])],
                            [("250 Sheet", "250 sheets", 250, "lembar", None),
                             ("isi 250 lembar", "250 sheets", 250, "lembar", None)],
                            ["Facial Tissue", "Face Tissue"], ["Tss Wajah", "Tisu"]))

for b, hard in itertools.product(("Eterna", "Lyra"), ("2b", "hb")):
    products.append(product("xpencil/eterna-lyra", ["Pensil", "Pensil Kayu", "Pensil Tulis"],
                            f"xpencil/{b}/{hard}".lower(), [b, b.upper()], [("Jenis", [hard.upper(), hard])],
                            [("isi 12", "box of 12", 12, "pcs", None), ("1 lusin", "1 dozen", 12, "pcs", None),
                             ("", "", 1, "pcs", "pcs")],
                            ["Pencil", "Wooden Pencil"], ["Pnsl", "Pensil"]))

for b, variant in itertools.product(("Lunar", "Sentosa"), ("plain", "biro")):
    extra = [""] if variant == "plain" else ["1/2 Biro", "½ Biro", "Setengah Biro"]
    products.append(product("xdesk/lunar-sentosa", ["Meja Kantor", "Meja Kerja", "Meja Staf"],
                            f"xdesk/{b}/{variant}".lower(), [b, b.upper()],
                            [("Ukuran", ["120 x 60 cm", "120x60cm", "120 x 60"]), ("Model", extra)],
                            [("", "", 1, "unit", None), ("1 unit", "1 unit", 1, "unit", None)],
                            ["Office Desk", "Work Desk"], ["Mj Kantor", "Meja"]))

for b, code, colour in itertools.product(("Merpati", "Kenari"), ("104", "110"), ("putih", "coklat")):
    col = {"putih": ["Putih", "White", "PUTIH"], "coklat": ["Coklat", "Brown", "Cokelat"]}[colour]
    products.append(product("xenvelope/merpati-kenari", ["Amplop", "Amplop Surat", "Amplop Kantor"],
                            f"xenvelope/{b}/{code}/{colour}".lower(), [b, b.upper()],
                            [("Ukuran", [f"No. {code}", code, f"No {code}", f"Tipe {code}"]), ("Warna", col)],
                            [("isi 100", "box of 100", 100, "pcs", None), ("1 Box (100 pcs)", "100 pcs", 100, "pcs", None)],
                            ["Envelope", "Office Envelope"], ["Amplp", "Amplop"]))

for b, colour in itertools.product(("Balliner", "Trendee"), ("hitam", "biru", "merah")):
    col = {"hitam": ["Hitam", "Black", "BLACK"], "biru": ["Biru", "Blue", "BIRU"], "merah": ["Merah", "Red"]}[colour]
    products.append(product("xpen/balliner-trendee", ["Pulpen", "Bolpoin", "Pena"], f"xpen/{b}/{colour}".lower(),
                            [b, b.upper()], [("Tinta", col), ("Ujung", ["0.5 mm", "0.5mm", ""])],
                            [("isi 12", "box of 12", 12, "pcs", None), ("1 lusin", "1 dozen", 12, "pcs", None)],
                            ["Ballpoint Pen", "Pen"], ["Plpn", "Pulpen"]))

for b, kg in itertools.product(("Topi Koki", "Cap Bunga", "Si Pulen"), (5, 10)):
    products.append(product("xrice/topikoki-capbunga-sipulen", ["Beras", "Beras Premium", "Beras Putih"],
                            f"xrice/{b}/{kg}".lower().replace(" ", ""), [b, b.upper()],
                            [("Berat", [f"{kg} kg", f"{kg}kg", f"{kg} KG"])],
                            [("", "", kg, "kg", None), ("1 karung", "1 sack", kg, "kg", None)],
                            ["Rice", "Premium Rice"], ["Brs", "Beras"]))


def main():
    rng = random.Random(SEED)
    rows = []
    for p in products:
        styles = list(range(8))
        rng.shuffle(styles)
        for style in styles[:PER_PRODUCT]:
            title, field, qty, base = render(p, style, rng)
            rows.append((p["family"], p["label"], f"{qty} {base}", field or "", title))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "matchset_extra.tsv"), "w") as f:
        f.write(f"# Generated by gen_matchset_extra.py (seed {SEED}); do not edit by hand. Development: tuning allowed.\n")
        f.write("# family<TAB>label<TAB>pack truth (quantity base)<TAB>unit field<TAB>title\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(len(rows), "titles", len({r[1] for r in rows}), "products", len({r[0] for r in rows}), "families")


if __name__ == "__main__":
    main()
