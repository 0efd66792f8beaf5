//! The price parser's behaviour as one table: one input per line.
//!
//! Columns: input, locale, amount, range_max, precision, per_unit,
//! includes_vat, issue codes (any order). `-` means `None`.

use super::{Locale, Precision, parse_price};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

struct Case {
    input: &'static str,
    locale: Locale,
    amount: Option<Decimal>,
    range_max: Option<Decimal>,
    precision: Precision,
    per_unit: Option<&'static str>,
    includes_vat: Option<bool>,
    codes: Vec<&'static str>,
}

macro_rules! some {
    (-) => {
        None
    };
    ($value:literal) => {
        Some($value)
    };
}

macro_rules! money {
    (-) => {
        None
    };
    ($value:literal) => {
        Some(dec!($value))
    };
}

macro_rules! cases {
    ($($input:literal $locale:ident $amount:tt $max:tt $precision:ident $unit:tt $vat:tt
       [$($code:ident)*];)*) => {
        vec![$(Case {
            input: $input,
            locale: Locale::$locale,
            amount: money!($amount),
            range_max: money!($max),
            precision: Precision::$precision,
            per_unit: some!($unit),
            includes_vat: some!($vat),
            codes: vec![$(stringify!($code)),*],
        }),*]
    };
}

#[rustfmt::skip]
fn table() -> Vec<Case> {
    cases! {
        // ---- domain.md §4.1 shapes ---------------------------------------------------------------
        "Rp35.921.908.461"             Id 35921908461 -  Exact       -  - [];
        "Rp 1.250.000,00"              Id 1250000    -   Exact       -  - [];
        "Rp 1.250.000"                 Id 1250000    -   Exact       -  - [];
        "Rp\u{a0}1.250.000"            Id 1250000    -   Exact       -  - [];
        "Rp\u{202f}1.250.000"          Id 1250000    -   Exact       -  - [];
        "Rp\u{2009}1.250.000"          Id 1250000    -   Exact       -  - [];
        "IDR 1.250.000"                Id 1250000    -   Exact       -  - [];
        "IDR\u{a0}1.250.000"           Id 1250000    -   Exact       -  - [];
        "IDR 1,250,000"                En 1250000    -   Exact       -  - [];
        "IDR 1,250,000.00"             En 1250000    -   Exact       -  - [];
        "IDR 1,250,000"                Id 1250000    -   Exact       -  - [];
        "IDR 1,250,000.00"             Id 1250000    -   Exact       -  - [];
        "IDR 1.250.000"                En 1250000    -   Exact       -  - [];
        "Rp. 65.000,-"                 Id 65000      -   Exact       -  - [];
        "Rp.65.000,-"                  Id 65000      -   Exact       -  - [];
        "Rp 65.000.-"                  Id 65000      -   Exact       -  - [];
        "Rp 65.000,="                  Id 65000      -   Exact       -  - [];
        "Rp 1.250.000,-"               Id 1250000    -   Exact       -  - [];
        "65000"                        Id 65000      -   Exact       -  - [];
        "65000.0"                      Id 65000      -   Exact       -  - [];
        "65000.0"                      En 65000      -   Exact       -  - [];
        "5000000"                      Id 5000000    -   Exact       -  - [];
        "5000000.00"                   Id 5000000    -   Exact       -  - [];
        "1661440000"                   En 1661440000 -   Exact       -  - [];
        "65.000 rupiah"                Id 65000      -   Exact       -  - [];
        "Rp 65.000 IDR"                Id 65000      -   Exact       -  - [];
        "rp65000"                      Id 65000      -   Exact       -  - [];
        "RP 65.000"                    Id 65000      -   Exact       -  - [];
        "Rp\t65.000"                   Id 65000      -   Exact       -  - [];
        "  Rp 65.000  "                Id 65000      -   Exact       -  - [];
        "Harga Rp 1.250.000"           Id 1250000    -   Exact       -  - [];
        "Harga: Rp 1.250.000"          Id 1250000    -   Exact       -  - [];
        "\u{feff}Rp 1.250.000"         Id 1250000    -   Exact       -  - [];
        // ---- compact forms --------------------------------------------------------------------
        "1,25 jt"                      Id 1250000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "1,25 jt"                      En 1250000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp1,2 juta"                   Id 1200000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 1,3 jt"                    Id 1300000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 1.5jt"                     Id 1500000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 1.5jt"                     En 1500000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "1,5jt"                        Id 1500000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp1,5JT"                      Id 1500000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 1 jt."                     Id 1000000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "1,2345 jt"                    Id 1234500    -   Approximate -  - [COMPACT_APPROXIMATE];
        "2,5 rb"                       Id 2500       -   Approximate -  - [COMPACT_APPROXIMATE];
        "15rb"                         Id 15000      -   Approximate -  - [COMPACT_APPROXIMATE];
        "15k"                          Id 15000      -   Approximate -  - [COMPACT_APPROXIMATE];
        "15K"                          En 15000      -   Approximate -  - [COMPACT_APPROXIMATE];
        "15 ribu"                      Id 15000      -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 500 rb"                    Id 500000     -   Approximate -  - [COMPACT_APPROXIMATE];
        "36 M"                         Id 36000000000 -  Approximate -  - [COMPACT_APPROXIMATE];
        "36 M"                         En 36000000   -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 2 M"                       Id 2000000000 -   Approximate -  - [COMPACT_APPROXIMATE];
        "IDR 2M"                       Id -          -   Exact       -  - [AMBIGUOUS_MAGNITUDE];
        "IDR 250 M"                    Id -          -   Exact       -  - [AMBIGUOUS_MAGNITUDE];
        "IDR 2M"                       En 2000000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "IDR 2 miliar"                 Id 2000000000 -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 10 M"                      En 10000000   -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 35,8 miliar"               Id 35800000000 -  Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 35,8 milyar"               Id 35800000000 -  Approximate -  - [COMPACT_APPROXIMATE];
        "1,5 T"                        Id 1500000000000 - Approximate - - [COMPACT_APPROXIMATE];
        "1,5 triliun"                  Id 1500000000000 - Approximate - - [COMPACT_APPROXIMATE];
        "1,5 trilyun"                  Id 1500000000000 - Approximate - - [COMPACT_APPROXIMATE];
        "2 bn"                         En 2000000000 -   Approximate -  - [COMPACT_APPROXIMATE];
        "2.5 million"                  En 2500000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "3 mn"                         En 3000000    -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 1.250,5 jt"                Id 1250500000 -   Approximate -  - [COMPACT_APPROXIMATE];
        "1,250 jt"                     Id -          -   Exact       -  - [AMBIGUOUS_SEPARATOR];
        "0,125 jt"                     Id 125000     -   Approximate -  - [COMPACT_APPROXIMATE];
        "Rp 1.500 ribu"                Id -          -   Exact       -  - [AMBIGUOUS_SEPARATOR];
        "Rp 1,500K"                    Id -          -   Exact       -  - [AMBIGUOUS_SEPARATOR];
        "1.250 M"                      En -          -   Exact       -  - [AMBIGUOUS_SEPARATOR];
        "1.250.000 rb"                 Id 1250000000 -   Approximate -  - [COMPACT_APPROXIMATE];
        "10 T"                         Id 10000000000000 - Approximate - - [COMPACT_APPROXIMATE];
        // ---- ranges ---------------------------------------------------------------------------
        "Rp120rb - Rp150rb"            Id 120000     150000  Approximate - - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp 120rb - Rp 150rb"          Id 120000     150000  Approximate - - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp120rb-Rp150rb"              Id 120000     150000  Approximate - - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp120.000–Rp150.000"          Id 120000     150000  Exact       - - [RANGE_GIVEN];
        "Rp120.000—Rp150.000"          Id 120000     150000  Exact       - - [RANGE_GIVEN];
        "Rp 100.000 s/d Rp 200.000"    Id 100000     200000  Exact       - - [RANGE_GIVEN];
        "Rp 100.000 s.d. Rp 200.000"   Id 100000     200000  Exact       - - [RANGE_GIVEN];
        "Rp 100.000 sampai Rp 200.000" Id 100000     200000  Exact       - - [RANGE_GIVEN];
        "Rp 100.000 sampai dengan Rp 200.000" Id 100000 200000 Exact     - - [RANGE_GIVEN];
        "Rp 100.000 hingga Rp 200.000" Id 100000     200000  Exact       - - [RANGE_GIVEN];
        "Rp 100.000 ~ Rp 200.000"      Id 100000     200000  Exact       - - [RANGE_GIVEN];
        "Rp 1.000.000 - Rp 1.500.000"  Id 1000000    1500000 Exact       - - [RANGE_GIVEN];
        "IDR 100,000 to IDR 200,000"   En 100000     200000  Exact       - - [RANGE_GIVEN];
        "Rp 100.000 - Rp 100.000"      Id 100000     100000  Exact       - - [RANGE_GIVEN];
        "Rp 65.000,- - Rp 70.000,-"    Id 65000      70000   Exact       - - [RANGE_GIVEN];
        "1,2 - 1,5 jt"                 Id 1200000    1500000 Approximate - - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "120-150rb"                    Id 120000     150000  Approximate - - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp 1 - Rp 2 jt"               Id 1000000    2000000 Approximate - - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp 900.000 - 1,5 jt"          Id 900000     1500000 Approximate - - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp120rb-Rp150rb/rim"          Id 120000     150000  Approximate "rim" - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp 15rb - 20rb per pcs"       Id 15000      20000   Approximate "pcs" - [RANGE_GIVEN COMPACT_APPROXIMATE];
        "Rp 5.000/rim - Rp 6.000/rim"  Id 5000       6000    Exact       "rim" - [RANGE_GIVEN];
        "Rp 100.000 - 200.000 (termasuk PPN)" Id 100000 200000 Exact     - true [RANGE_GIVEN];
        "Rp 200.000 - Rp 100.000"      Id -          -       Exact       - - [INVALID_RANGE];
        "Rp 500 - 2 jt"                Id -          -       Exact       - - [INVALID_RANGE];
        "Rp 5.000/rim - Rp 6.000/pak"  Id -          -       Exact       - - [INVALID_RANGE];
        "1 - 2 - 3"                    Id -          -       Exact       - - [UNREADABLE];
        "Rp 5.000 - -Rp 3.000"         Id -          -       Exact       - - [NEGATIVE];
        "Rp 100.000 s/d"               Id -          -       Exact       - - [UNREADABLE];
        // ---- per-unit prices ------------------------------------------------------------------
        "Rp 75.000/rim"                Id 75000      -       Exact       "rim"   - [];
        "Rp 75.000/Rim"                Id 75000      -       Exact       "rim"   - [];
        "Rp 20.000 / galon"            Id 20000      -       Exact       "galon" - [];
        "Rp 5.000 per lembar"          Id 5000       -       Exact       "lembar" - [];
        "Rp 15rb/pcs"                  Id 15000      -       Approximate "pcs"   - [COMPACT_APPROXIMATE];
        "Rp. 65.000,-/dus"             Id 65000      -       Exact       "dus"   - [];
        "Rp 2.500/m2"                  Id 2500       -       Exact       "m2"    - [];
        "Rp 2.500/m"                   Id 2500       -       Exact       "m"     - [];
        "Rp 1,5 jt/bulan"              Id 1500000    -       Approximate "bulan" - [COMPACT_APPROXIMATE];
        "Rp 75.000 per rim isi 500"    Id 75000      -       Exact       "rim isi 500" - [];
        "Rp 1.250.000/unit (termasuk PPN)" Id 1250000 -      Exact       "unit"  true [];
        "Rp 5.000/"                    Id -          -       Exact       -       - [UNREADABLE];
        "Rp 5.000/12"                  Id -          -       Exact       -       - [UNREADABLE];
        "Rp 5.000 perlembar"           Id -          -       Exact       -       - [UNREADABLE];
        "Rp 5.000 / Rp 4.500"          Id -          -       Exact       -       - [UNREADABLE];
        "Rp 5.000/IDR"                 Id -          -       Exact       -       - [UNREADABLE];
        "Rp 5.000/@pcs"                Id -          -       Exact       -       - [UNREADABLE];
        "Rp 1.000.000,-/bulan (belum termasuk PPN 11%)" Id 1000000 - Exact "bulan" false [];
        // ---- PPN hints ------------------------------------------------------------------------
        "Rp 1.250.000 (termasuk PPN)"  Id 1250000    -       Exact       - true  [];
        "Rp 1.250.000 belum termasuk PPN" Id 1250000 -       Exact       - false [];
        "Rp 1.250.000 (belum termasuk PPN)" Id 1250000 -     Exact       - false [];
        "Rp 75.000 (sblm PPN)"         Id 75000      -       Exact       - false [];
        "Rp 75.000 sebelum PPN"        Id 75000      -       Exact       - false [];
        "Rp 75.000 bebas PPN"          Id 75000      -       Exact       - - [AMBIGUOUS_VAT_HINT];
        "Rp 75.000 (bebas PPN)"        Id 75000      -       Exact       - - [AMBIGUOUS_VAT_HINT];
        "Rp 1.250.000 tidak termasuk PPN" Id 1250000 -       Exact       - false [];
        "Rp 1.250.000 exc. PPN"        Id 1250000    -       Exact       - false [];
        "Rp 1.250.000 excl PPN"        Id 1250000    -       Exact       - false [];
        "Rp 1.250.000 exclude PPN"     Id 1250000    -       Exact       - false [];
        "Rp 1.250.000 non-PPN"         Id 1250000    -       Exact       - false [];
        "Rp 1.250.000 tanpa PPN"       Id 1250000    -       Exact       - false [];
        "Rp 15rb/pcs belum PPN"        Id 15000      -       Approximate "pcs" false [COMPACT_APPROXIMATE];
        "IDR 1,250,000.00 excl. VAT"   En 1250000    -       Exact       - false [];
        "Rp 1.250.000 incl. PPN"       Id 1250000    -       Exact       - true  [];
        "Rp 1.250.000 inc PPN"         Id 1250000    -       Exact       - true  [];
        "Rp 1.250.000 include PPN 11%" Id 1250000    -       Exact       - true  [];
        "Rp 1.250.000 sudah termasuk PPN 11%" Id 1250000 -   Exact       - true  [];
        "sudah termasuk PPN 11% Rp 1.250.000" Id 1250000 -   Exact       - true  [];
        "Rp 1.250.000 (sudah termasuk PPN 12 %)" Id 1250000 - Exact      - true  [];
        "Rp 1.250.000, termasuk PPN"   Id 1250000    -       Exact       - true  [];
        "Rp 1.250.000 - termasuk PPN"  Id 1250000    -       Exact       - true  [];
        "Rp 1.250.000 ppn included"    Id 1250000    -       Exact       - true  [];
        "Rp1.250.000 (Termasuk Pajak)" Id 1250000    -       Exact       - true  [];
        "Rp 1.250.000 (incl. VAT)"     En 1250000    -       Exact       - true  [];
        "Harga: Rp 1.250.000 (incl PPN)" Id 1250000  -       Exact       - true  [];
        "Rp 1.250.000 (+PPN)"          Id 1250000    -       Exact       - false [];
        "Rp 1.250.000 + PPN 11%"       Id 1250000    -       Exact       - false [];
        "Rp 1.250.000 +PPN"            Id 1250000    -       Exact       - false [];
        "Rp1.250.000+PPN"              Id 1250000    -       Exact       - false [];
        "IDR 1,250,000 + VAT"          En 1250000    -       Exact       - false [];
        "Rp 1.250.000 (Harga sudah termasuk PPN)" Id 1250000 - Exact     - true  [];
        "Rp 1.250.000,- (harga sudah termasuk PPN 11%)" Id 1250000 - Exact - true [];
        "Rp 1.250.000 (Harga belum termasuk PPN)" Id 1250000 - Exact     - false [];
        "Rp 75.000/rim (harga sudah termasuk ppn)" Id 75000 - Exact      "rim" true [];
        "Rp 1.250.000 (PPN ditanggung pembeli)" Id 1250000 - Exact       - -     [AMBIGUOUS_VAT_HINT];
        "Rp 1.250.000 (nego)"          Id 1250000    -       Exact       - -     [];
        "Rp 1.250.000 PPN 11%"         Id 1250000    -       Exact       - -     [AMBIGUOUS_VAT_HINT];
        "Rp 1.250.000 termasuk PPN, belum termasuk PPN" Id 1250000 - Exact - -   [AMBIGUOUS_VAT_HINT];
        "Harga (+PPN)"                 Id -          -       Exact       - false [UNREADABLE];
        // A label before the hint, `nett` and `non-PKP` keep the amount (review 24b, F5).
        "Rp 1.250.000 harga termasuk PPN" Id 1250000 -       Exact       - true  [];
        "Rp 1.250.000 harga belum termasuk PPN" Id 1250000 - Exact       - false [];
        "Rp 1.250.000 harga sudah termasuk PPN 12%" Id 1250000 - Exact   - true  [];
        "Rp 1.250.000 nett"            Id 1250000    -       Exact       - -     [];
        "Rp 1.250.000 net"             Id 1250000    -       Exact       - -     [];
        "Harga nett Rp 1.250.000"      Id 1250000    -       Exact       - -     [];
        "Rp 1.250.000 non-PKP"         Id 1250000    -       Exact       - -     [];
        "nett"                         Id -          -       Exact       - -     [UNREADABLE];
        "belum termasuk PPN"           Id -          -       Exact       - false [UNREADABLE];
        "Rp 1.250.000 11%"             Id -          -       Exact       - -     [UNREADABLE];
        "Rp 1.250.000 taxi"            Id -          -       Exact       - -     [UNREADABLE];
        // ---- separators -----------------------------------------------------------------------
        "Rp 1.250"                     Id 1250       -       Exact       - - [];
        "Rp 1.250"                     En 1250       -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "IDR 1,250"                    En 1250       -       Exact       - - [];
        "IDR 1,250"                    Id 1250       -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "Rp 75,000"                    Id 75000      -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "IDR 75.000"                   En 75000      -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "Rp 1.250,000"                 Id 1250000    -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "Rp 1,250 - Rp 1,500"          Id 1250       1500    Exact       - - [RANGE_GIVEN AMBIGUOUS_SEPARATOR];
        "12.5"                         Id 12.5       -       Exact       - - [];
        "12,5"                         Id 12.5       -       Exact       - - [];
        "12.50"                        En 12.5       -       Exact       - - [];
        "Rp 12,50"                     Id 12.5       -       Exact       - - [];
        "Rp 1.126.126,13"              Id 1126126.13 -       Exact       - - [];
        "1.250.000,5"                  Id 1250000.5  -       Exact       - - [];
        "1,000.50"                     En 1000.5     -       Exact       - - [];
        "1.000,50"                     En 1000.5     -       Exact       - - [];
        "1.000.000"                    En 1000000    -       Exact       - - [];
        "1250000.500"                  Id 1250000500 -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "1250,000"                     Id 1250000    -       Exact       - - [AMBIGUOUS_SEPARATOR];
        // 0.25, not 250: so a placeholder.
        "0.250"                        Id -          -       Exact       - - [PLACEHOLDER];
        "12345.678"                    En 12345678   -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "12345.6789"                   En 12345.68   -       Exact       - - [ROUNDED];
        "Rp 0,005"                     Id -          -       Exact       - - [ROUNDED PLACEHOLDER];
        "Rp 52.071.487,453"            Id 52071487453 -      Exact       - - [AMBIGUOUS_SEPARATOR];
        "Rp 1.250.000,005"             Id 1250000005 -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "1,250.000"                    En 1250000    -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "Rp 1.250.000,0000"            Id -          -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "Rp 1.250 jt"                  Id -          -       Exact       - - [AMBIGUOUS_SEPARATOR];
        "1,250 M"                      En -          -       Exact       - - [AMBIGUOUS_MAGNITUDE];
        "IDR 1.5M"                     Id -          -       Exact       - - [AMBIGUOUS_MAGNITUDE];
        "Rp 1.5 M."                    Id -          -       Exact       - - [AMBIGUOUS_MAGNITUDE];
        "Rp 1,5 M"                     Id 1500000000 -       Approximate - - [COMPACT_APPROXIMATE];
        "IDR 1.5 million"              Id 1500000    -       Approximate - - [COMPACT_APPROXIMATE];
        "1.5M"                         En 1500000    -       Approximate - - [COMPACT_APPROXIMATE];
        "1.2.3,4,5"                    Id -          -       Exact       - - [UNREADABLE];
        "1.2.3"                        Id -          -       Exact       - - [UNREADABLE];
        "12,34,567"                    En -          -       Exact       - - [UNREADABLE];
        "0.250.000"                    Id -          -       Exact       - - [UNREADABLE];
        "1..5"                         Id -          -       Exact       - - [UNREADABLE];
        "1,,000"                       Id -          -       Exact       - - [UNREADABLE];
        ".5"                           Id -          -       Exact       - - [UNREADABLE];
        "5."                           Id -          -       Exact       - - [UNREADABLE];
        "Rp 5.000."                    Id -          -       Exact       - - [UNREADABLE];
        "Rp 1 250 000"                 Id -          -       Exact       - - [UNREADABLE];
        // ---- empty, on request, garbage -------------------------------------------------------
        ""                             Id -          -       Exact       - - [EMPTY];
        "   "                          Id -          -       Exact       - - [EMPTY];
        "\u{a0}\u{202f}\u{2009}"       Id -          -       Exact       - - [EMPTY];
        "\u{200b}"                     Id -          -       Exact       - - [EMPTY];
        "Minta Penawaran"              Id -          -       Exact       - - [UNREADABLE ON_REQUEST];
        "Hubungi penjual"              Id -          -       Exact       - - [UNREADABLE ON_REQUEST];
        "Harga Nego"                   Id -          -       Exact       - - [UNREADABLE ON_REQUEST];
        "Call for price"               En -          -       Exact       - - [UNREADABLE ON_REQUEST];
        "Rp abc"                       Id -          -       Exact       - - [UNREADABLE];
        "gratis"                       Id -          -       Exact       - - [UNREADABLE];
        "--"                           Id -          -       Exact       - - [UNREADABLE];
        "-"                            Id -          -       Exact       - - [UNREADABLE];
        "Rp"                           Id -          -       Exact       - - [UNREADABLE];
        "IDR"                          Id -          -       Exact       - - [UNREADABLE];
        "1e6"                          Id -          -       Exact       - - [UNREADABLE];
        "１２３"                       Id -          -       Exact       - - [UNREADABLE];
        "١٢٣"                          Id -          -       Exact       - - [UNREADABLE];
        "+5000"                        Id -          -       Exact       - - [UNREADABLE];
        "(Rp 5.000)"                   Id -          -       Exact       - - [UNREADABLE];
        "Rp 1.000 Rp 2.000"            Id -          -       Exact       - - [UNREADABLE];
        "Rp 1jt 500rb"                 Id -          -       Exact       - - [UNREADABLE];
        "USD 100"                      En -          -       Exact       - - [FOREIGN_CURRENCY];
        "$100"                         En -          -       Exact       - - [FOREIGN_CURRENCY];
        "100 EUR"                      En -          -       Exact       - - [FOREIGN_CURRENCY];
        "RM 50"                        Id -          -       Exact       - - [FOREIGN_CURRENCY];
        // ---- negative, overflow, zero ---------------------------------------------------------
        "-5000"                        Id -          -       Exact       - - [NEGATIVE];
        "-Rp5.000"                     Id -          -       Exact       - - [NEGATIVE];
        "Rp -5.000"                    Id -          -       Exact       - - [NEGATIVE];
        "- Rp 5.000"                   Id -          -       Exact       - - [NEGATIVE];
        "\u{2212}5000"                 Id -          -       Exact       - - [NEGATIVE];
        "99999999999999999999999999999999999999" Id - -     Exact       - - [OVERFLOW];
        "Rp 10.000.000.000.000"        Id 10000000000000 - Exact         - - [];
        "Rp 10.000.000.000.001"        Id -          -       Exact       - - [OVERFLOW];
        "Rp 3.621,3 triliun"           Id -          -       Exact       - - [OVERFLOW];
        "11 T"                         Id -          -       Exact       - - [OVERFLOW];
        "999999999999999 T"            Id -          -       Exact       - - [OVERFLOW];
        "1.000.000 T"                  Id -          -       Exact       - - [OVERFLOW];
        "0"                            Id -          -       Exact       - - [ZERO];
        "Rp 0"                         Id -          -       Exact       - - [ZERO];
        "Rp 0,-"                       Id -          -       Exact       - - [ZERO];
        "0,00"                         Id -          -       Exact       - - [ZERO];
        "Rp 0 - Rp 5.000"              Id -          -       Exact       - - [ZERO];
        "Rp 0,004"                     Id -          -       Exact       - - [ROUNDED ZERO];
        // ---- placeholders: Rp 1 to Rp 10 stand for "price on request" (review29a W1) ----------
        "Rp 1"                         Id -          -       Exact       - - [PLACEHOLDER];
        "Rp1,-"                        Id -          -       Exact       - - [PLACEHOLDER];
        "10"                           Id -          -       Exact       - - [PLACEHOLDER];
        "Rp 0,50"                      Id -          -       Exact       - - [PLACEHOLDER];
        "Rp 1 - Rp 500.000"            Id -          -       Exact       - - [PLACEHOLDER];
        "Rp 11"                        Id 11         -       Exact       - - [];
        "Rp 50"                        Id 50         -       Exact       - - [];
        "Rp 1.000"                     Id 1000       -       Exact       - - [];
        "Rp 1,-"                       En -          -       Exact       - - [PLACEHOLDER];
    }
}

fn check(case: &Case) -> Option<String> {
    let parsed = parse_price(case.input, case.locale);
    let mut codes = parsed.issue_codes();
    codes.sort_unstable();
    let mut expected_codes = case.codes.clone();
    expected_codes.sort_unstable();
    let actual =
        (parsed.amount, parsed.range_max, parsed.precision, parsed.per_unit.as_deref(), parsed.includes_vat, codes);
    let expected = (case.amount, case.range_max, case.precision, case.per_unit, case.includes_vat, expected_codes);
    (actual != expected)
        .then(|| format!("{:?} ({:?})\n   got      {actual:?}\n   expected {expected:?}", case.input, case.locale))
}

#[test]
fn every_table_case_parses_as_expected() {
    let cases = table();
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(check).collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn table_amounts_never_carry_more_than_two_decimals_or_trailing_zeros() {
    for case in table() {
        let parsed = parse_price(case.input, case.locale);
        for amount in parsed.amount.iter().chain(parsed.range_max.iter()) {
            assert!(amount.scale() <= 2, "{:?} gave {amount}", case.input);
            assert_eq!(*amount, amount.normalize(), "{:?}", case.input);
            assert_eq!(amount.to_string(), amount.normalize().to_string());
        }
    }
}
