//! `/belanja`: a Pemda's spending on the marketplaces in one year, for the province's report —
//! total and count, bars by month and by marketplace, the policy shares, and the province's
//! ranking with this Pemda highlighted. A marketplace that could not be read is named.

use super::belanja_chart::{columns, compact, rows};
use super::belanja_export::{Gaps, TOP_VENDORS, payment_name, provisional_note, shares};
use super::lang::Lang;
use super::layout;
use crate::normalize::region::RegionLevel;
use crate::normalize::rupiah::format_rupiah;
use crate::spending::{Ranking, Spending};
use maud::{Markup, html};
use rust_decimal::Decimal;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

fn percent(share: Option<Decimal>) -> String {
    share.map_or_else(|| "–".into(), |s| format!("{}%", (s * Decimal::ONE_HUNDRED).round_dp(2)).replace('.', ","))
}

/// The page; `names` gives each marketplace's display name, `gaps` what the figures leave out.
pub fn render(
    spending: &Spending,
    ranking: &Ranking,
    names: &dyn Fn(&str) -> String,
    gaps: &Gaps,
    made_at: &str,
) -> Markup {
    let (failed, short) = (&gaps.failed, &gaps.short);
    let s = &spending.summary;
    let (code, year) = (spending.buyer.code, spending.year);
    let query = format!("wilayah={code}&tahun={year}");
    let months: Vec<(String, Decimal)> =
        s.by_month.iter().enumerate().map(|(i, t)| (MONTHS[i].to_string(), t.total.including_vat)).collect();
    let markets: Vec<(String, Decimal)> =
        s.by_marketplace.iter().map(|(m, t)| (names(m.as_str()), t.total.including_vat)).collect();
    let title = format!("Belanja {} {year}", spending.buyer.name);
    let body = html! {
        h1 { (title) }
        p.lead { "Transaksi e-purchasing yang selesai di marketplace pengadaan, tahun anggaran " (year) " (WIB). Transaksi batal tidak dihitung." }
        p #made { "Dibuat oleh Pasar pada " (made_at) }
        @if let Some(read_at) = spending.read_at() {
            p #read-at {
                "Angka dibaca dari marketplace pada " (super::survey::wib(read_at))
                " (disimpan hingga 5 menit untuk tahun berjalan, 24 jam untuk tahun yang sudah lewat)."
            }
        }
        @if !failed.is_empty() || !short.is_empty() {
            p.warning #incomplete {
                strong { "Data belum lengkap: " }
                @if !failed.is_empty() {
                    (failed.join(", ")) " tidak dapat dibaca, sehingga nilainya tidak termasuk dalam total (bukan nol). "
                }
                @if !short.is_empty() {
                    (short.join("; ")) ": transaksi itu tidak termasuk dalam total."
                }
            }
        }
        @if !gaps.left_out.is_empty() {
            p.note #left-out {
                @for (i, (said, _)) in gaps.left_out.iter().enumerate() { @if i > 0 { "; " } (said) } "."
            }
        }
        @if !gaps.rates.is_empty() {
            p.note #vat-rates {
                @for (i, (said, _)) in gaps.rates.iter().enumerate() { @if i > 0 { "; " } (said) } "."
            }
        }
        @if s.all.count == 0 && failed.is_empty() {
            p.note #empty {
                "Tidak ada transaksi selesai yang tercatat untuk " (spending.buyer.name) " pada " (year) "."
                @if spending.buyer.level == RegionLevel::Province {
                    " Kode provinsi berarti belanja pemerintah provinsi sendiri; belanja kabupaten dan kotanya ada di peringkat di bawah."
                }
            }
        }
        dl.figures {
            dt { "Total belanja (termasuk PPN)" } dd #total { (format_rupiah(s.all.total.including_vat)) }
            dt { "Tanpa PPN" } dd { (format_rupiah(s.all.total.excluding_vat)) }
            dt { "Jumlah transaksi" } dd #count { (s.all.count) }
        }
        p.no-print { a href={ "/belanja.xlsx?" (query) } { "Unduh .xlsx" } " · " a href={ "/belanja.csv?" (query) } { "Unduh .csv" } }
        h2 { "Per bulan" }
        (columns("chart-month", "Belanja per bulan", &months))
        h2 { "Per marketplace" }
        (rows("chart-marketplace", "Belanja per marketplace", &markets))
        h2 #shares-title { "Porsi belanja" }
        // Wider than a phone: the scrolled box takes focus so arrow keys can scroll it.
        div.table-scroll tabindex="0" role="region" aria-labelledby="shares-title" { table.survey #shares {
            // The region's label names the scrolled box; the table needs a name of its own.
            caption { "Porsi belanja " (spending.buyer.name) " " (year) " menurut penyedia" }
            thead { tr { th { "Kepada" } th.num { "Porsi" } th.num { "Nilai" } th.num { "Dasar perhitungan" } th.num { "Tidak diketahui" } } }
            tbody { @for (name, share) in shares(spending) { tr {
                th scope="row" { (name) } td.num { (percent(share.ratio())) } td.num { (format_rupiah(share.value)) }
                td.num { (format_rupiah(share.base)) } td.num { (format_rupiah(share.unknown)) }
            } } }
        } }
        h2 { "Metode pembayaran" }
        @if s.by_payment.is_empty() {
            p.note { "Tidak ada." }
        } @else {
            ul { @for (m, t) in &s.by_payment {
                li { (payment_name(*m)) ": " (format_rupiah(t.total.including_vat)) " (" (t.count) " transaksi)" }
            } }
        }
        h2 { "Penyedia terbesar" }
        @if s.vendors.is_empty() {
            p.note { "Tidak ada." }
        } @else {
            ol { @for v in s.vendors.iter().take(TOP_VENDORS) { li { (v.vendor.name) " — " (compact(v.tally.total.including_vat)) } } }
        }
        h2 #ranking-title { "Peringkat di provinsi" }
        @if ranking.ranks_nobody() {
            // Every Pemda at Rp0 would share rank 1: a table of ties says nothing.
            p.note #ranking-empty {
                "Belum ada Pemda di provinsi ini dengan transaksi selesai yang tercatat pada " (year) ", jadi tidak ada yang diperingkat."
            }
        } @else {
            div.table-scroll tabindex="0" role="region" aria-labelledby="ranking-title" { table.survey #ranking {
                caption { "Peringkat Pemda di provinsi menurut total belanja " (year) }
                thead { tr { th { "Peringkat" } th { "Pemda" } th.num { "Total (termasuk PPN)" } th.num { "Transaksi" } } }
                tbody { @for b in &ranking.buyers {
                    tr class=[(b.region.code == code).then_some("highlight")] aria-current=[(b.region.code == code).then_some("true")] {
                        td { (b.rank) } th scope="row" { a href={ "/belanja?wilayah=" (b.region.code) "&tahun=" (year) } { (b.region.name) } }
                        td.num { (format_rupiah(b.total.including_vat)) @if !b.complete { " *" } } td.num { (b.count) }
                    }
                } }
            } }
            @if ranking.buyers.iter().any(|b| b.from_recap) {
                p.note #ranking-source {
                    "Total Pemda lain di peringkat ini berasal dari rekap yang diberikan setiap marketplace; total "
                    (spending.buyer.name) " dihitung Pasar dari transaksinya, sama dengan total di atas. "
                    "Rekap marketplace dapat berbeda dari transaksinya, misalnya bila ikut menghitung pesanan yang masih diproses."
                }
            }
            @if ranking.provisional() {
                p.note #ranking-incomplete {
                    "* Belum lengkap: total tanpa bagian marketplace yang tidak dapat dibaca. "
                    strong { "Peringkat sementara: " } (provisional_note(&gaps.ranking_failed)) "."
                }
            }
        }
    };
    // Written in Indonesian only (a province's report): no English link to promise one.
    layout::page(Lang::Id, &title, None, body)
}
