//! Product matching: which offers from different marketplaces are the same product.
//!
//! [`product_key`] reads a title into what it says about the product (brand, kind, decisive
//! specs, remaining words), leaving out the pack (`1 rim`, `Box isi 5 Rim`, `(500 lbr)`), the
//! seller and marketing words, so a rim and a box of five rims of one paper get the same key and
//! the caller compares them per base unit. [`explain`] says why two keys are or are not the same
//! product, and [`group`] puts similar keys together that nothing decisive keeps apart.
//!
//! Decisions:
//! - Decisive specs never merge when both titles state them differently: kind, brand, paper
//!   size, grammage, weight, volume, power, processor class (`i3`/`i5`), memory and storage (a
//!   title may leave one of them out, never state another), dimensions, counted parts (`4 laci`
//!   ≠ `3 laci`, `8 port`, `2 pintu`) and model codes. Two colours conflict; a colour on one
//!   side only does not (`Toner HP 85A` is the black one). A flavour is a food's colour
//!   (`Coklat` = `Cokelat` = `Chocolate` ≠ `Stroberi`, `Full Cream`; `Plain` on food only,
//!   `food.rs`). What an offer includes (`dengan Sopir
//!   dan BBM`, one word per item) conflicts when both titles say it and the items differ.
//!   A brand or kind on one side only is no conflict either: it only weighs in the similarity.
//! - Domain equivalences, not sellers' wordings: paper sizes by name and millimetres (F4 =
//!   Folio = FC = 215×330 mm, A4 = 210×297 mm); grammage however written (`80 gsm`, `80 gram`,
//!   `80gr`, `80 g/m2`, and a bare `70` beside a paper size); `1500 ml` = `1,5 L`; a cable's
//!   `2x1.5` = `2 x 1,5 mm` = `2x1.5mm2` (a size glued with a decimal, `mm2` as `mm`); a glued
//!   `5G` is five grams on food only (`food.rs`), elsewhere a network (`Router 5G`); `8/512` on a
//!   computer is 8 GB and 512 GB, `SSD 512` is 512 GB; `Ci5`, `Core i5`, `i5-1235U` are `i5`;
//!   common procurement words in English and other spellings read as one Indonesian word
//!   (`folding chair` = `kursi lipat`, `battery` = `batre` = `baterai`); a word written joined
//!   on one side and apart on the other is the same word (`Soklin` = `So Klin`, `DataTraveler`
//!   = `Data Traveler`); `Panjang`, `Diameter` before a measure only say what it is.
//! - A model code written in pieces reads as one: `PC 908`, `PC-908` and `PC908` are `pc908`;
//!   a known word before a code with letters of its own is no part of it (`Stapler Max HD-10`
//!   is `hd10`, review36b R36b-7);
//!   a hyphen between digits stays (`10-1M`), and the number before it is related to that
//!   number alone (`Staples No. 10`).
//!   Two codes are one model when equal or when the shorter (three characters or more, two
//!   digits or more) is written inside the longer: a short code inside its part number (`85A`
//!   in `CE285A`, `325` in `CRG-325`, `664` in `T6641`). Titles that both give model codes
//!   conflict when no code of one is related to a code of the other, or when each gives a code
//!   of one series (the same letters) the other does not relate to and they share none of that
//!   series (`E14 Gen 4` ≠ `E14 Gen 5`; `L120 L360` = `L360 L310`, printers an ink fits).
//! - Parts of one model that are other products (review36b R36b-3): a high-yield `XL` part number
//!   is not the standard one (`PG-810XL` ≠ `PG-810`); a bolt's length after its thread is a spec
//!   (`M8 x 20` ≠ `M8 x 30`; `M8x20` and `M8 x 20 mm` are `M8 x 20`, R37m-13); an electrical
//!   value is one spec with its multiplier and unit, in the largest unit it is one or more of
//!   (`100K Ohm` ≠ `100 Ohm`, `100 nF` ≠ `100 K` ≠ `100 uF`, `0.1 uF` is `100 nF`, R38m-10; a
//!   bare `K` is kilo only in a resistor's or capacitor's title, and a resistor's `1K` is `1K
//!   Ohm`, its `1M` `1M Ohm`, R38m-4; a three-digit code on one is its value:
//!   `104` is `100 nF`, a resistor's `472` is `4.7K Ohm`); two titles stating different values
//!   or voltage ratings (`16V`, `1.5V`) are apart whatever else they share (review37m R37m-3);
//!   a set of two goods is not one of them alone (`Mur Baut M8` ≠ `Baut M8 x 20`, R37m-9);
//!   `XL` written apart after a code is part of it (`PG-810 XL` is `PG-810XL`), and a numbered
//!   `680XL` is a model, not a volume (R37m-4); in an ink's title an `XL` written apart is the
//!   ink's codes' before it, not a printer's (`PG-810 Black XL`, `680 XL Black DeskJet 2135`),
//!   and an `XL` code is apart from its standard one whatever else both share; a colour
//!   cartridge (`Tricolor`, `Color`, `Warna`) or a pack of both (`Combo Pack`, `Black +
//!   Tricolor`, `Black & Color`, `Hitam Warna`) is a colour of its own against `Black`
//!   (`ink.rs`, R38m-6);
//!   a decimal point glued to a code stays (`1.5A` is not `15A`), and a shared value or voltage
//!   rating relates no two model codes (`12V 1.5A` ≠ `12V 2A`, R37m-6); two titles each rating
//!   the good in a sort the other states none of (a current, a power, a cable's conductors) are
//!   apart unless a model code relates them (`Kabel 220V 2 A` ≠ `Kabel 220V 2x1.5`, `ratings.rs`);
//!   a word of a model's line right after its code (`Pro`, `Pro Max`, `Ultra`, `Mini`, `Lite`,
//!   `Plus` or `+` but not before an item, `L3110 + Tinta`, `FE`, and a `5G`; `Mini`
//!   right before it)
//!   makes another model of one code, one title may name none (`iPhone 13 Pro` ≠ `iPhone 13`,
//!   R37m-7, R38m-8), and a letter after a code's last digit another code (`HD-10D` ≠ `HD-10`);
//!   two numbers after one word (`Slim 3 14` ≠ `Slim 5 14`), or two words before one word before
//!   one code after the maker's name (`HP Ink Tank 315` ≠ `HP Smart Tank 315`), name two series
//!   whatever else the titles share (`series.rs`, R37m-7); a title whose opening words (up to its
//!   first number or code) are another's and more is another variant when it adds a variant's
//!   word (`Bendera Emas`, `Special Mix`), or a word the matcher does not know and the titles
//!   share no spec (`Mouse Logitech Pro X`; `added.rs`, R36b-3);
//!   a phone's or tablet's `3/64` (any title's `3/64 GB`) is 3 GB and 64 GB, a drill bit's the
//!   fraction;
//!   two titles stating different size words (`Kecil`, `Sedang`, `Besar`), or clothing sizes
//!   of the `XL` family (`2XL` is `XXL`, R37m-5), are apart even when a shared model code makes
//!   them alike; on something worn (clothes, shoes, diapers, `worn.rs`) so are `S`, `M`, `L`
//!   wherever written, and a size after `Size`/`Ukuran` or a shoe's last number (`Size 42` ≠
//!   `Size 43`), and an `XL` after a code is the size, not the code's (R38m-5).
//! - Everything else is weighed, whether or not a kind word was recognised: words (the kind's
//!   words among them), brand, specs and model codes are features weighted by inverse document
//!   frequency over the set being grouped, model codes and brands doubled. The similarity sets
//!   what both titles share against what only one says. Words on both sides that the other
//!   lacks (`ayam bakar` / `ayam goreng`) count many times as much as detail on one side
//!   (`LaserJet P1102`); a kind, brand, spec or model code one title leaves out is one-sided
//!   detail even when the other title adds a word of its own (`Pipa PVC Rucika 3/4"` /
//!   `Pipa Rucika 3/4" 4 meter`). Pairs at 0.5 or more without conflicts are the same product.
//! - [`group`] joins the most similar pairs first and never joins two groups holding conflicting
//!   keys, so a group holds no conflict; equal keys are always together; the result does not
//!   depend on input order. [`explain`] judges a pair alone (frequencies over the two), so
//!   `group` of two keys agrees with `explain` on them; over a larger set the frequencies, and
//!   so the borderline decisions, are the set's.
//! - An amount is one spec however written (`Rp 150.000`, `IDR 150.000`, `Rp150rb`, `150K`, `Rp
//!   100,000`, `100 000`; `100 K` only in a title about a good sold by its value and with no ink
//!   word), a face value until `harga` says it is a price; the only amount of a title is its face
//!   value even after `harga`. An operator's name before an amount is no model code (`PLN 20.000`).
//!   Titles stating different amounts are different products, and a bare number below a
//!   thousand is not an amount in thousands (`Voucher Belanja 100` is not `100rb`, review36); a
//!   title stating none that is like titles of two amounts joins neither (review36 R36-3 to
//!   R36-7, R36-11, R36-12).
//! - Only the first mass or volume of a title is the product's: a later one is the pack's
//!   (`Gula 1 kg … dus isi 20 kg`).
//! - A number before a pack word is the pack's count (`5 rim`, `500 lbr`), except a number above
//!   100 before a container word, which is a model number (`Bantex 1450 Pak isi 10`). A part of
//!   a pack (`1/2 Rim`, `0,5 Lusin`, `Setengah Rim`) is the pack's too. A notebook's sheets
//!   (`Buku Tulis 38 Lembar`) are what it is, never its pack: `58 Lembar` is another book.
//! - Tables of brands, kinds and words are domain knowledge and small. A brand no table knows
//!   is read from its place (after `Merek:`, else the first run of words the matcher does not
//!   know: `Kertas HVS Copylas A4`, else a vowel-less acronym that is no code's prefix nor a
//!   technical word: `TVT`, not `TN 2260` or `DVR`; a phrase naming the good, `Garam Beryodium`,
//!   `Helm Proyek`, or a cable type, `NYA`, is known words and no maker) and stays among the words too; two such brands conflict
//!   unless either title has all of the other's among its words. A title naming no brand that
//!   writes some, not all, words of another's brand of two words or more (`Kopi Kapal Kecil`
//!   beside Kapal Api, `Semen Roda` beside Tiga Roda) is not that brand and never joins it
//!   (review36b R36b-2). The run passes over up to two
//!   known words or unknown acronyms (`Sekolah SMP Ujiab`) and is never cut short: a generic word
//!   ahead of the maker (`Sabun Mandi Cair Lifebuoy` reads `Mandi Lifebuoy`) then never stands
//!   for every maker's title (review31 R6). A labelled brand ends at its field's comma (`Merek:
//!   Sunlight, Varian: Jeruk Nipis` is Sunlight). A maker named by a known word (`Stapler Max
//!   HD-10`) reads no brand; a title naming no maker is apart from one naming a maker when it
//!   has a word of its own beside what the maker's name is beside (`place`), or, when the
//!   maker is one its marketplace states and the title names none, beside what that title says
//!   (`Isi Staples Max No 10` is not Joyko's `Isi Staples No 10`), or last right after the model
//!   code (`Stapler HD-10 Max`, R37m-8; `Merek Max` without its colon names the maker as `Merek:
//!   Max` does); every wording of a key counts,
//!   not only the one standing for it. A title reading no brand that is like the titles of two
//!   makers joins neither maker's group (review33m N8: it went to the one named by a dictionary
//!   word, `Max`, which had nothing to conflict with); like one maker's only, it joins that
//!   maker's. A run of words all in an Indonesian or English dictionary (`dictionary/`) is no
//!   brand unless a brand field names it (`Merek:`, or the marketplace's): `Kancing`, `Clip`,
//!   `Extra` are ordinary words (review35m M35-6); read where a brand would be, they still keep
//!   the title from another maker's. Words saying what a product is like (`Kecil`, `Halus`) are
//!   never a maker's, wherever they stand (M35-5); two titles naming no brand with their own words
//!   right after the same word (`Stapler Max HD-10`, `Stapler Smart HD-10`) name two makers.
//!   An unknown kind stays among the
//!   words, so unknown products still group by their wording. The matcher reads titles only; it
//!   never looks at a marketplace's internals.
//! - Issue 24's look-alikes are decisive: original vs compatible or refilled ink and toner (a
//!   title that says nothing is the maker's own), a refill without its gallon vs one sold with
//!   it, ink colours written as letters in ink context (`BK`, `C`, `M`, `Y`) or as `Biru Muda`,
//!   channels of a recorder kit, pencil hardness, `Legal`/`Letter` sizes, and part numbers:
//!   when both titles give a code with letters and two digits, one of each must be related.
//!   Vowel-less abbreviations are expanded (`Mj` = meja, `Pnsl` = pensil) and English words read
//!   in Indonesian (`swivel chair` = `kursi putar`). A desk's drawer unit (`1/2 Biro`) is not
//!   the plain desk.
//! - Markers (review25b F4): a permanent marker never groups with a whiteboard marker (`White
//!   Board`, `Board Marker`, `Papan Tulis`), a negated permanent (`Non`/`Tidak`/`Bukan Permanen`)
//!   or a marker naming no type, and an OHP pen never with a whiteboard marker; an eraser, refill
//!   ink, the board itself, or a marker maker's glue, tape, stamp pad or label never with a
//!   marker (review26b F9, review26e E2, E5, E6). These are splits (`apart`), never kinds: a
//!   misread title loses a match and never joins another product.
//! - [`offer_key`] is the key of an offer whose marketplace states brand and model apart from
//!   the title (adapter format 2): the stated brand is the brand, the stated model's codes join
//!   the title's.
//! - [`group_id`] names a group by its offers (marketplace and id, in any order) and
//!   [`MATCHER_VERSION`], so an HPS file can cite the grouping it used.
//! - Cost: keys are compared only when they share a feature held by at most 64 distinct keys,
//!   or two features (among each key's ten rarest crowded ones) held together by at most 64, or
//!   a related model code held by at most 64; so the pairs compared grow linearly with the set,
//!   and a pair that shares only what half the set shares is never compared. Each key's
//!   features and weights are worked out once, and brand and kind phrases are looked up by
//!   their first word. Measured in a release build on 2 cores shared with other builds: the
//!   8000 sandbox titles read in 110–170 ms and grouped in 30–60 ms (grouping 1000, 2000, 4000,
//!   8000 titles: 12, 26, 37, 60 ms); one `compare`'s 400 offers read and grouped in 4.3 ms.

mod added;
mod amounts;
mod apart;
mod boards;
mod category;
mod conflicts;
mod explain;
mod face;
mod food;
mod group;
mod identity;
mod ink;
mod key;
mod lex;
mod maker;
mod markers;
mod names;
mod offer;
mod phrases;
mod place;
mod place_apart;
mod ratings;
mod reader;
mod series;
mod shared;
mod similar;
mod tables;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_apart;
#[cfg(test)]
mod tests_boards;
#[cfg(test)]
mod tests_brand_words;
#[cfg(test)]
mod tests_chalk;
#[cfg(test)]
mod tests_face;
#[cfg(test)]
mod tests_food;
#[cfg(test)]
mod tests_goods;
#[cfg(test)]
mod tests_group;
#[cfg(test)]
mod tests_kinds;
#[cfg(test)]
mod tests_makers;
#[cfg(test)]
mod tests_makers2;
#[cfg(test)]
mod tests_makers3;
#[cfg(test)]
mod tests_makers4;
#[cfg(test)]
mod tests_makers5;
#[cfg(test)]
mod tests_makers6;
#[cfg(test)]
mod tests_makers7;
#[cfg(test)]
mod tests_makers8;
#[cfg(test)]
mod tests_makers9;
#[cfg(test)]
mod tests_markers;
#[cfg(test)]
mod tests_prices;
#[cfg(test)]
mod tests_spellings;
#[cfg(test)]
mod tests_splits;
#[cfg(test)]
mod tests_variants;
#[cfg(test)]
mod tests_variants2;
mod variants;
mod vocab;
mod worn;

pub use amounts::grouped_amount;
pub use explain::explain;
pub use group::group;
pub use identity::{MATCHER_VERSION, group_id};
pub use key::product_key;
pub use offer::{is_known_brand, offer_key, shared_offer_key};
pub use shared::shared_key;

/// What a title says about the product, independent of pack and seller.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ProductKey {
    /// Canonical brand (`"Sinar Dunia"` for `SIDU`), when the title names a known brand.
    pub brand: Option<String>,
    /// Canonical kind of product (`"kertas hvs"`); empty when no known wording was found.
    pub kind: String,
    /// Decisive specs, sorted and unique: `"a4"`, `"80gsm"`, `"ce285a"`, `"hitam"`.
    pub specs: Vec<String>,
    /// The remaining words, sorted and unique (`"jaring"`, `"hidrolik"`, `"thinkpad"`).
    pub tokens: Vec<String>,
    /// What the title says of markers and their boards that keeps it apart from some other
    /// titles (`permanent`, `whiteboard`, `OHP`, an eraser, refill ink): see `apart`.
    pub(crate) says: apart::Says,
    /// Where the title names its maker (see `place`); no part of the key's identity.
    pub(crate) place: place::Place,
}

impl ProductKey {
    /// The kind as a title shows it: a bare `spidol` reads as the whiteboard marker's kind, but
    /// only a title stating the whiteboard type is shown as a "Spidol Whiteboard"; one naming no
    /// type (`Spidol Artline Hitam`) is titled as written (review33w W33-4: a type word nobody
    /// wrote went into the HPS file), and a permanent or OHP marker, or a marker's bag or ink, is
    /// never one.
    pub fn shown_kind(&self) -> &str {
        let whiteboard = self.says.whiteboard_stated() && !self.says.other_than_whiteboard();
        if self.kind == "spidol whiteboard" && !whiteboard { "spidol" } else { &self.kind }
    }
}

/// Why two offers were or were not put together.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchExplanation {
    /// Whether they are the same product judged on the pair alone: no conflicts and a score of
    /// at least 0.5.
    pub same: bool,
    /// Words both titles have (the words of the kind included).
    pub matched_tokens: Vec<String>,
    /// Specs both titles have.
    pub matched_specs: Vec<String>,
    /// What differs, as text (`"size A4 ≠ F4"`, `"grammage 70gsm ≠ 80gsm"`).
    pub conflicts: Vec<String>,
    /// Similarity from 0 to 1: shared features against features on one side, weighted by rarity.
    pub score: f64,
}
