#!/usr/bin/env python3
"""Generates the measured set for classroom and office stationery: markers, boards, erasers and
refill inks, where four review rounds found wrong merges that stub listings alone had judged.

Written in full, labels included, from what the products are and before the matcher was run on
it; not to be edited to suit the matcher afterwards (a labelling mistake found later is fixed and
named in the commit that fixes it, with the rule it broke). Titles are rendered in the eight
marketplace styles of gen_matchset.py, over families of look-alike products that differ in one
decisive thing each: whiteboard vs permanent vs OHP marker, permanent vs non-permanent OHP pen,
colour, tip (Artline's 500A/509A/70/90), brand, a set of 4 colours vs one marker, eraser vs
marker vs pencil eraser, refill ink vs marker, ink volume, board size (however it is spelled),
magnetic or not, one or two faces, white vs black vs green chalkboard, glass, cork, flip chart,
and boards sold with a bonus marker or eraser (still one board).

Labels are `kind/brand/a/b/c`, always five parts: a buyer accepts either of two titles with one
label for the same purchase line. The pack truth is how many base units the price buys: a marker
per pcs and per box of 12 share the label, a set of 4 colours is 4 pieces of another label, an
ink bottle is one bottle whatever its volume, a board is one unit whatever its bonus.

Families, not titles, are split by a fixed seed within each area (markers, erasers and inks,
boards) until the frozen part holds at least 40 % of the area's titles.

Run: python3 tests/data/gen_markset.py  (writes markset_dev.tsv and markset_test.tsv here).
"""
import itertools
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_matchset import NOISE_BACK, NOISE_FRONT, write_parts  # noqa: E402

SEED = 28
TEST_SHARE = 0.4
PER_PRODUCT = 8
products = []


def product(family, label, kind, kind_en, kind_abbr, brand, attrs, packs, code=None, bonus=None):
    """attrs: (field, [renderings]) pairs, "" for unstated; code: (field, [renderings]) of a model
    code, led with in the code-first style; bonus: [(text, before?)] words of a gift, None for none."""
    assert len(label.split("/")) == 5, label
    products.append(dict(family=family, label=label, kind=kind, kind_en=kind_en, kind_abbr=kind_abbr, brand=brand,
                         attrs=attrs, packs=packs, code=code, bonus=bonus or [("", False)]))


def render(p, style, rng):
    kind, brand = rng.choice(p["kind"]), rng.choice(p["brand"])
    attrs = [(name, rng.choice(values)) for name, values in p["attrs"]]
    code = (p["code"][0], rng.choice(p["code"][1])) if p["code"] else None
    if code and style != 3:
        attrs.insert(0, code)
    idt, ent, qty, base, field = rng.choice(p["packs"])
    vals = [v for _, v in attrs if v]
    if style == 0:
        title = " ".join([kind, brand, *vals, idt])
    elif style == 1:
        title = " ".join([rng.choice(NOISE_FRONT), kind, brand, *vals, idt, rng.choice(NOISE_BACK)]).upper()
    elif style == 2:
        title = " ".join([brand, *vals, rng.choice(p["kind_en"]), ent])
    elif style == 3:
        title = " ".join([code[1] if code else "", brand, *vals, kind, idt])
    elif style == 4:
        title = " ".join([kind, *vals, idt]) + (f" - {brand}" if brand else "")
    elif style == 5:
        title = " ".join([rng.choice(p["kind_abbr"]), brand, *vals, idt])
    elif style == 6:
        parts = [kind] + ([f"Merek: {brand}"] if brand else []) + [f"{n}: {v}" for n, v in attrs if v]
        title = ", ".join(parts + ([f"Kemasan: {idt}"] if idt else []))
    else:
        title = " | ".join(x for x in [f"[{rng.choice(NOISE_FRONT).title()}] {brand}".strip(), kind, *vals, idt] if x)
    gift, before = rng.choice(p["bonus"])
    if gift:
        gift = gift.upper() if style == 1 else gift
        title = f"{gift} {title}" if before else f"{title}{', ' if style == 6 else ' '}{gift}"
    return " ".join(title.split()), field, qty, base


def caps(*names):
    return [n for name in names for n in (name, name.upper())]


COLOUR = {"black": ["Hitam", "Black", "HITAM", "Warna Hitam", "Hitam/Black"], "blue": ["Biru", "Blue", "BIRU", "Warna Biru"],
          "red": ["Merah", "Red", "MERAH", "Warna Merah"], "green": ["Hijau", "Green", "HIJAU"],
          "set4": ["Set 4 Warna", "4 Warna", "4 Colors", "Isi 4 Warna", "Mix 4 Warna"]}
# A marker per piece or per dozen (one label); a set of 4 colours is four pieces.
SINGLE = [("", "", 1, "pcs", None), ("1 pcs", "1 pc", 1, "pcs", None), ("per pcs", "each", 1, "pcs", None),
          ("", "", 1, "pcs", "pcs"), ("1 Lusin", "1 dozen", 12, "pcs", None), ("Box isi 12", "box of 12", 12, "pcs", None),
          ("1 dus = 12 pcs", "1 box = 12 pcs", 12, "pcs", None), ("", "", 12, "pcs", "lusin"),
          ("isi 12 pcs", "12 pcs", 12, "pcs", None)]
SET4 = [("", "", 4, "pcs", None), ("1 set", "1 set", 4, "pcs", None), ("(Hitam, Biru, Merah, Hijau)",
        "(black, blue, red, green)", 4, "pcs", None), ("", "", 4, "pcs", "set"), ("1 pak isi 4", "pack of 4", 4, "pcs", None)]
WB = (["Spidol Whiteboard", "Spidol Papan Tulis", "Board Marker", "White Board Marker", "Spidol Whiteboard Non Permanent",
       "Spidol Papan Tulis Tidak Permanen"], ["Whiteboard Marker", "Board Marker", "Dry Erase Marker"],
      ["Spdl WB", "Spidol WB", "Spdl Papan Tulis"])
PERM = (["Spidol Permanen", "Spidol Permanent", "Permanent Marker", "Spidol Marker Permanen"], ["Permanent Marker"],
        ["Spdl Permanen", "Spidol Perm."])
TYPES = {"whiteboard": WB, "permanent": PERM}


def marker(family, brand, kind, colour, tip="-", code=None, extra=()):
    packs = SET4 if colour == "set4" else SINGLE
    product(family, f"marker/{brand[0].lower()}/{kind}/{colour}/{tip}", *TYPES[kind], caps(*brand),
            [*extra, ("Warna", COLOUR[colour])], packs, code)


# Markers: one brand's whiteboard and permanent markers, by colour; Snowman's are model-coded.
for kind, colour in itertools.product(TYPES, ("black", "blue", "red")):
    marker("marker/snowman-types", ("Snowman",), kind, colour, "bullet",
           ("Tipe", ["BG-12", "BG12", "BG 12"] if kind == "whiteboard" else ["G-12", "G12", "G 12"]),
           [("Fitur", ["", "", "Refillable", "Bisa Diisi Ulang"])] if kind == "whiteboard" else [])
# OHP pens, permanent and not: "Non Permanent" here is no whiteboard marker.
for kind, colour in itertools.product(("perm", "nonperm"), ("black", "blue")):
    product("marker/snowman-ohp", f"marker/snowman/ohp-{kind}/{colour}/f", ["Spidol OHP", "OHP Pen", "Pen OHP", "Spidol Transparansi"],
            ["OHP Pen", "OHP Marker", "Overhead Projector Pen"], ["Spdl OHP", "OHP"], caps("Snowman"),
            [("Jenis", ["Permanent", "Permanen", "PERMANENT"] if kind == "perm" else
              ["Non Permanent", "Non-Permanent", "Tidak Permanen", "Non Permanen", "Water Soluble"]),
             ("Ukuran", ["F", "Fine", "Ujung F"]), ("Warna", COLOUR[colour])], SINGLE)
# Artline: the model code carries type and tip (500A bullet and 509A chisel whiteboard, 70 and 90 permanent).
ARTLINE = {"500a": ("whiteboard", "bullet"), "509a": ("whiteboard", "chisel"), "70": ("permanent", "bullet"),
           "90": ("permanent", "chisel")}
TIP = {"bullet": ["Bullet", "Bullet Tip", "Ujung Bulat", ""], "chisel": ["Chisel", "Chisel Tip", "Ujung Kotak", "Ujung Miring"]}
for (model, (kind, tip)), colour in itertools.product(ARTLINE.items(), ("black", "blue")):
    codes = [model.upper(), f"EK-{model.upper()}", f"EK {model.upper()}"]
    marker("marker/artline-models", ("Artline",), kind, colour, tip, ("Tipe", codes), [("Ujung", TIP[tip])])
for brand, colour in itertools.product(("Kenko", "Zebra"), ("black", "blue")):
    marker("marker/kenko-zebra", (brand,), "whiteboard", colour)
for colour in ("black", "blue", "red", "green"):
    marker("marker/kenko-colours", ("Kenko",), "permanent", colour)
for kind, colour in itertools.product(TYPES, ("black", "red")):
    marker("marker/faber-castell", ("Faber-Castell", "Faber Castell"), kind, colour)
for tip, colour in itertools.product(("bullet", "chisel"), ("black", "blue")):
    marker("marker/pilot-tips", ("Pilot",), "whiteboard", colour, tip, extra=[("Ujung", TIP[tip][:3] if tip == "bullet" else TIP[tip])])
for brand, colour in itertools.product(("Sakura", "Standard"), ("black", "red")):
    marker("marker/sakura-standard", (brand,), "permanent", colour)
for kind, colour in [("whiteboard", "black"), ("whiteboard", "blue"), ("whiteboard", "set4"), ("permanent", "set4")]:
    marker("marker/joyko-sets", ("Joyko",), kind, colour)

# Erasers: a whiteboard eraser beside the same brand's marker and pencil eraser.
PIECE = [("", "", 1, "pcs", None), ("1 pcs", "1 pc", 1, "pcs", None), ("", "", 1, "pcs", "pcs"),
         ("1 Lusin", "1 dozen", 12, "pcs", None), ("isi 12 pcs", "12 pcs", 12, "pcs", None)]
BOARD_ERASER = (["Penghapus Papan Tulis", "Penghapus Whiteboard", "Whiteboard Eraser", "Penghapus Papan Whiteboard"],
                ["Whiteboard Eraser", "Board Eraser"], ["Pghps Papan Tulis", "Penghapus WB", "Hapusan Papan"])
PENCIL_ERASER = (["Penghapus Pensil", "Penghapus Karet", "Setip", "Eraser Pensil"], ["Pencil Eraser", "Rubber Eraser"],
                 ["Pghps Pensil", "Setip"])
for brand in ("Greebel", "Deli"):
    fam = f"eraser/{brand.lower()}"
    product(fam, f"eraser/{brand.lower()}/board/-/-", *BOARD_ERASER, caps(brand), [], PIECE)
    product(fam, f"eraser/{brand.lower()}/pencil/-/-", *PENCIL_ERASER, caps(brand), [],
            PIECE[:3] + [("Box isi 24 pcs", "box of 24", 24, "pcs", None)])
    marker(fam, (brand,), "whiteboard", "black")

# Refill inks: whiteboard vs permanent, colour, volume, and the marker it refills.
WB_INK = (["Tinta Spidol Whiteboard", "Tinta Isi Ulang Whiteboard", "Tinta Refill Spidol Papan Tulis", "Refill Tinta Whiteboard"],
          ["Whiteboard Marker Refill Ink", "Whiteboard Ink Refill"], ["Tnt Spidol WB", "Tinta WB", "Refill WB"])
PERM_INK = (["Tinta Spidol Permanen", "Tinta Isi Ulang Permanen", "Tinta Refill Spidol Permanent", "Refill Tinta Permanent"],
            ["Permanent Marker Refill Ink", "Permanent Ink Refill"], ["Tnt Spidol Permanen", "Tinta Perm."])
BOTTLE = [("", "", 1, "botol", None), ("1 botol", "1 bottle", 1, "botol", None), ("", "", 1, "botol", "botol"),
          ("1 Lusin", "1 dozen", 12, "botol", None), ("isi 12 botol", "12 bottles", 12, "botol", None)]
INKS = {"whiteboard": WB_INK, "permanent": PERM_INK}


def ink(family, brand, kind, colour, ml):
    volume = [f"{ml} ml", f"{ml}ml", f"{ml} ML", f"{ml}cc"]
    product(family, f"ink/{brand.lower()}/{kind}/{colour}/{ml}ml", *INKS[kind], caps(brand),
            [("Volume", volume), ("Warna", COLOUR[colour])], BOTTLE)


for kind, colour in itertools.product(INKS, ("black", "blue")):
    ink("ink/snowman-types", "Snowman", kind, colour, 30)
for ml in (20, 50, 100):
    ink("ink/kenko-volumes", "Kenko", "whiteboard", "black", ml)
for kind in INKS:
    ink("ink/bantex-markers", "Bantex", kind, "black", 30)
    marker("ink/bantex-markers", ("Bantex",), kind, "black")

# Boards: size spellings, magnetism, faces, surfaces, flip charts and bonus words.
UNIT = [("", "", 1, "unit", None), ("1 unit", "1 unit", 1, "unit", None), ("", "", 1, "unit", "unit"),
        ("1 Unit", "1 unit", 1, "unit", None)]
SIZE = {"30x40": ["30 x 40 cm", "30x40", "30 cm x 40 cm", "30×40", "30*40"],
        "60x90": ["60 x 90 cm", "60x90", "60 cm x 90 cm", "60×90", "60*90", "60 X 90", "90 x 60 cm"],
        "70x100": ["70 x 100 cm", "70x100", "70 cm x 100 cm", "70×100", "70*100"],
        "90x120": ["90 x 120 cm", "90x120", "90 cm x 120 cm", "90×120", "90*120", "90 X 120", "120 x 90 cm"],
        "120x240": ["120 x 240 cm", "120x240", "120 cm x 240 cm", "120×240", "1,2 x 2,4 m", "120 X 240"]}
SURFACE = {"white": (["Papan Tulis Whiteboard", "Whiteboard", "Papan Tulis Putih", "White Board", "Papan Whiteboard"],
                     ["Whiteboard", "White Board", "Dry Erase Board"], ["Ppn Tulis WB", "WB", "Papan WB"]),
           "black": (["Papan Tulis Hitam", "Papan Tulis Kapur Hitam", "Blackboard", "Black Board Kapur"],
                     ["Blackboard", "Black Chalkboard"], ["Ppn Tulis Hitam", "Papan Hitam"]),
           "green": (["Papan Tulis Hijau", "Papan Tulis Kapur Hijau", "Green Board", "Greenboard"],
                     ["Green Board", "Green Chalkboard"], ["Ppn Tulis Hijau", "Papan Hijau"]),
           "glass": (["Papan Tulis Kaca", "Glass Board", "Glassboard", "Whiteboard Kaca"], ["Glass Board", "Glass Whiteboard"],
                     ["Ppn Tulis Kaca", "Papan Kaca"]),
           "cork": (["Papan Gabus", "Papan Mading Gabus", "Cork Board", "Papan Pengumuman Gabus"], ["Cork Board", "Cork Notice Board"],
                    ["Ppn Gabus", "Mading Gabus"]),
           "flipchart": (["Flip Chart", "Flipchart Whiteboard", "Papan Flipchart", "Flip Chart Stand"], ["Flip Chart", "Flipchart Easel"],
                         ["Flipchart", "Flip Chart"]),
           "stand": (["Whiteboard Kaki", "Papan Tulis Whiteboard + Kaki", "Whiteboard Stand", "Whiteboard dengan Kaki"],
                     ["Whiteboard with Stand", "Mobile Whiteboard"], ["WB Kaki", "Whiteboard Kaki"])}
FEATURE = {"plain": [""], "magnetic": ["Magnetic", "Magnet", "Magnetik", "MAGNETIC"],
           "nonmagnetic": ["Non Magnetic", "Non Magnet", "Tidak Magnet", "Non-Magnetik"],
           "single": ["1 Sisi", "Single Side", "Satu Muka", ""], "double": ["2 Sisi", "Double Side", "Bolak Balik", "Dua Muka"]}
GIFTS = [("", False), ("", False), ("+ Free Penghapus", False), ("Gratis Spidol", False), ("Bonus 2 Spidol", False),
         ("[Free Penghapus]", True), ("(Gratis Spidol + Penghapus)", True), ("BONUS 2 SPIDOL!!", True)]


def board(family, brand, surface, size, feature="plain", bonus=None):
    product(family, f"board/{brand.lower()}/{surface}/{size}/{feature}", *SURFACE[surface], caps(brand),
            [("Ukuran", SIZE[size]), ("Jenis", FEATURE[feature])], UNIT, bonus=bonus)


for size in ("30x40", "60x90", "90x120", "120x240"):
    board("board/sakana-sizes", "Sakana", "white", size)
for feature, size in itertools.product(("magnetic", "nonmagnetic"), ("60x90", "90x120")):
    board("board/krisbow-magnetic", "Krisbow", "white", size, feature)
for feature, size in itertools.product(("single", "double"), ("60x90", "90x120")):
    board("board/ichiko-faces", "Ichiko", "white", size, feature)
for surface, size in itertools.product(("white", "black", "green"), ("90x120", "120x240")):
    board("board/informa-chalk", "Informa", surface, size)
for surface, size in itertools.product(("glass", "white"), ("60x90", "90x120")):
    board("board/vivere-glass", "Vivere", surface, size, bonus=GIFTS)
for surface, size in itertools.product(("cork", "white"), ("60x90", "90x120")):
    board("board/modera-cork", "Modera", surface, size)
for surface, size in [("flipchart", "60x90"), ("flipchart", "70x100"), ("stand", "60x90")]:
    board("board/sakana-flipchart", "Sakana", surface, size)
# A board sold with a marker or an eraser is one board, beside that marker and eraser.
for size in ("60x90", "90x120"):
    board("board/joyko-bonus", "Joyko", "white", size, bonus=GIFTS)
product("board/joyko-bonus", "eraser/joyko/board/-/-", *BOARD_ERASER, caps("Joyko"), [], PIECE)
marker("board/joyko-bonus", ("Joyko",), "whiteboard", "red")


def split(families, sizes, rng):
    """Families of each area in a seeded order, into the frozen part until it holds TEST_SHARE of the area's titles."""
    test = set()
    for area in sorted({f.split("/")[0] for f in families}):
        ordered = sorted(f for f in families if f.startswith(area + "/"))
        rng.shuffle(ordered)
        total = sum(sizes[f] for f in ordered)
        for family in ordered:
            if sum(sizes[f] for f in test if f.startswith(area + "/")) >= TEST_SHARE * total:
                break
            test.add(family)
    return test


def main():
    labels = [p["label"] for p in products]
    assert len(labels) == len(set(labels)), "a product is in two families"
    sizes = {}
    for p in products:
        sizes[p["family"]] = sizes.get(p["family"], 0) + PER_PRODUCT
    test_families = split(sorted(sizes), sizes, random.Random(SEED * 7919))
    rng = random.Random(SEED)
    out = {"dev": [], "test": []}
    for p in products:
        styles = list(range(8))
        rng.shuffle(styles)
        for style in styles[:PER_PRODUCT]:
            title, field, qty, base = render(p, style, rng)
            out["test" if p["family"] in test_families else "dev"].append((p["family"], p["label"], f"{qty} {base}", field or "", title))
    write_parts("markset", "gen_markset.py", SEED, out)


if __name__ == "__main__":
    main()
