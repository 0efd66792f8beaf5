//! One marketplace's ledger of one buyer for one year, as read: its transactions, and every
//! reason its figures may fall short, said in English (the API) and Indonesian (the pages).

use crate::marketplace::LedgerTotals;
use crate::model::{Amount, Transaction, TransactionStatus};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::SystemTime;

/// Distinct reasons for unreadable entries a message names.
pub const MAX_SKIP_REASONS: usize = 5;

/// Why a walk through a ledger's pages stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CutShort {
    /// Fewer entries came than the total the marketplace states (an empty page before it, a
    /// page size it caps silently and pages it then numbers otherwise).
    BelowTotal {
        /// Distinct entries read.
        read: u64,
        /// The total it states.
        stated: u64,
    },
    /// A page brought only entries already read (a marketplace serving its first page again,
    /// a cursor pointing back), with no total to tell whether that was the end.
    Repeated {
        /// Distinct entries read before it.
        read: u64,
    },
    /// The total it states changed between pages, on a second walk as on the first: entries
    /// moved across page boundaries (an order deleted moves every later one up a place), so
    /// one may never have been served and one gone may have been counted, however many were
    /// read (review37s R37s-3).
    Moved {
        /// The total its first page stated.
        from: u64,
        /// The last total it stated.
        to: u64,
    },
}

/// One marketplace's ledger of one buyer and year, normalised.
#[derive(Debug, Default, Clone)]
pub struct Ledger {
    /// Entries of the buyer dated in the year (WIB), in the marketplace's order.
    pub transactions: Vec<Arc<Transaction>>,
    /// Entries that could not be read (missing field, unreadable date).
    pub skipped: usize,
    /// Why, each reason with how many entries it refused: the first [`MAX_SKIP_REASONS`] kinds,
    /// so a ledger of many bad entries keeps a short message (`skipped` counts them all).
    pub skip_reasons: BTreeMap<String, usize>,
    /// Entries the marketplace sent dated outside the year (WIB): left out.
    pub outside_year: usize,
    /// Entries stating another buyer than the one asked: left out, never counted for it.
    pub other_buyer: usize,
    /// Status words Pasar does not know, with how many of the buyer's entries carry each:
    /// counted nowhere, so the figures are short by them.
    pub unknown_statuses: BTreeMap<String, usize>,
    /// Why the walk stopped before the ledger's end, when it did.
    pub cut_short: Option<CutShort>,
    /// Entries listed again on the page that first listed them (same id): counted once.
    pub repeated: usize,
    /// Transactions listed again in a later state (completed, then cancelled): the later counts.
    pub later_state: usize,
    /// Transactions listed twice with different amounts: in no total, so the figure is short.
    pub conflicting: usize,
    /// The buyer's entries filed under this year but dated (WIB) in the next or the one before:
    /// not this year's, but that year's answer takes them from here. A marketplace filing by UTC
    /// date lists 00:30 WIB on 1 January under the year before; one filing by WITA (+08:00)
    /// lists 23:30 WIB on 31 December under the year after.
    pub elsewhere: Vec<Arc<Transaction>>,
    /// Entries dated in this year (WIB) found in the ledger filed under a neighbouring year,
    /// and counted here.
    pub from_neighbours: usize,
    /// Neighbouring years whose ledger could not be read whole: entries of this year the
    /// marketplace files there may be missing, so the figure is not complete.
    pub neighbours_unread: Vec<i32>,
    /// When its walk through the marketplace's pages began: a cached ledger's figures are as old
    /// as this, not as the answer serving them (review37s R37s-7).
    pub read_at: Option<SystemTime>,
}

/// The older of two read times, when either is known: figures merged from both are that old.
pub fn older(a: Option<SystemTime>, b: Option<SystemTime>) -> Option<SystemTime> {
    a.into_iter().chain(b).min()
}

impl Ledger {
    /// Rough heap size, for the ledger caches' budget (saturating at `u32::MAX`).
    pub fn estimated_bytes(&self) -> u32 {
        let transactions: usize = self.transactions.iter().chain(&self.elsewhere).map(|t| t.estimated_bytes()).sum();
        let words: usize = self.unknown_statuses.keys().map(|w| w.len() + 48).sum();
        let reasons: usize = self.skip_reasons.keys().map(|r| r.len() + 48).sum();
        let bytes = std::mem::size_of::<Self>() + transactions + words + reasons;
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }

    /// Completed transactions whose amount could not be read: not in any total.
    pub fn unreadable(&self) -> usize {
        self.transactions.iter().filter(|t| t.status == TransactionStatus::Completed && t.amount.is_none()).count()
    }

    /// Entries stating a PPN rate not in force on their date: counted at it as stated, flagged.
    pub fn rate_not_in_force(&self) -> usize {
        let code = crate::codes::Code::VatRateNotInForce.as_str();
        self.transactions.iter().filter(|t| t.issues.iter().any(|i| i.code == code)).count()
    }

    /// The buyer's entries whose status Pasar does not know.
    pub fn unknown_status_count(&self) -> usize {
        self.unknown_statuses.values().sum()
    }

    /// Whether every entry of the buyer's year was read and placed: nothing skipped, no
    /// completed amount unreadable, no unknown status, and the walk reached the ledger's end.
    /// (Entries of other buyers are left out and reported, but the buyer's own figure stands.)
    pub fn complete(&self) -> bool {
        self.skipped == 0
            && self.conflicting == 0
            && self.unreadable() == 0
            && self.unknown_statuses.is_empty()
            && self.cut_short.is_none()
            && self.neighbours_unread.is_empty()
    }

    /// This year's ledger with the entries dated in it (WIB) that the neighbouring years'
    /// ledgers hold (`neighbours`: each year with its ledger, or `None` when it could not be
    /// read whole); an entry already read here counts once.
    pub fn with_neighbours(&self, year: i32, neighbours: &[(i32, Option<&Ledger>)]) -> Ledger {
        let mut merged = self.clone();
        let mut ids: std::collections::HashSet<String> = self.transactions.iter().map(|t| t.id.clone()).collect();
        for (neighbour, ledger) in neighbours {
            let Some(ledger) = ledger else {
                merged.neighbours_unread.push(*neighbour);
                continue;
            };
            merged.read_at = older(merged.read_at, ledger.read_at);
            for t in ledger.elsewhere.iter().filter(|t| t.date.year == year) {
                if ids.insert(t.id.clone()) {
                    merged.transactions.push(Arc::clone(t));
                    merged.from_neighbours += 1;
                }
            }
        }
        merged
    }

    /// Totals of completed transactions with readable amounts.
    pub fn totals(&self) -> LedgerTotals {
        let done = self.transactions.iter().filter(|t| t.status == TransactionStatus::Completed);
        let (amount, count) =
            done.filter_map(|t| t.amount).fold((Amount::default(), 0), |(a, n), x| (a.plus(x), n + 1));
        LedgerTotals { including_vat: amount.including_vat, excluding_vat: amount.excluding_vat, count }
    }

    /// Everything the figures leave out, a sentence each, for the API.
    pub fn problems(&self) -> Vec<String> {
        let mut said: Vec<String> = self.skipped_said().into_iter().collect();
        let unreadable = self.unreadable();
        if unreadable > 0 {
            said.push(format!(
                "{unreadable} completed transactions have an amount that could not be read: in no total"
            ));
        }
        match self.cut_short {
            Some(CutShort::BelowTotal { read, stated }) => {
                said.push(format!("read {read} of the {stated} transactions it states: the rest are in no total"));
            }
            Some(CutShort::Repeated { read }) => said.push(format!(
                "after {read} transactions it served ones already read again: the rest of its ledger is in no total"
            )),
            Some(CutShort::Moved { from, to }) => said.push(format!(
                "the total it states changed while its pages were read, twice over ({from}, then {to}): entries \
                 moved between pages, so some may be missing and some counted though gone"
            )),
            None => {}
        }
        if !self.unknown_statuses.is_empty() {
            let n = self.unknown_status_count();
            said.push(format!("{n} transactions with a status Pasar does not know ({}): in no total", self.words()));
        }
        if self.outside_year > 0 {
            said.push(format!("{} transactions dated outside the year asked (WIB) were left out", self.outside_year));
        }
        if self.other_buyer > 0 {
            said.push(format!("{} transactions stating another buyer were left out", self.other_buyer));
        }
        if self.repeated > 0 {
            said.push(format!("{} entries repeated an id already read; counted once", self.repeated));
        }
        if self.later_state > 0 {
            said.push(format!(
                "{} transactions were listed again in a later state (completed, then cancelled): the later state counts",
                self.later_state
            ));
        }
        if self.conflicting > 0 {
            said.push(format!(
                "{} transactions were listed twice with different amounts: in no total",
                self.conflicting
            ));
        }
        let rates = self.rate_not_in_force();
        if rates > 0 {
            said.push(format!(
                "{rates} transactions state a PPN rate not in force on their date: split at it as stated, flagged \
                 VAT_RATE_NOT_IN_FORCE"
            ));
        }
        if self.from_neighbours > 0 {
            said.push(format!(
                "{} transactions it files under the year before or after are dated in this one (WIB): counted here",
                self.from_neighbours
            ));
        }
        for year in &self.neighbours_unread {
            said.push(format!(
                "its ledger filed under {year} could not be read whole: transactions of this year (WIB) it files \
                 there may be missing"
            ));
        }
        said
    }

    /// Entries the marketplace sent that the buyer's `year` leaves out, each kind with its count,
    /// in Indonesian for the page and its downloads: those dated in another year (WIB), those
    /// stating another buyer. The figure stands without them, but a reader comparing it with
    /// the marketplace's own count must see why they differ.
    pub fn left_out_id(&self, year: i32) -> Vec<(String, usize)> {
        let (dated, others, later, twice) = (self.outside_year, self.other_buyer, self.later_state, self.repeated);
        let said = [
            (dated, format!("{dated} transaksi bertanggal di luar tahun {year} tidak dihitung")),
            (others, format!("{others} transaksi milik pembeli lain tidak dihitung")),
            (twice, format!("{twice} transaksi tercantum dua kali: dihitung sekali")),
            (
                later,
                format!(
                    "{later} transaksi tercantum lagi dengan status lebih akhir (mis. dibatalkan): status itu yang dihitung"
                ),
            ),
        ];
        said.into_iter().filter(|(n, _)| *n > 0).map(|(n, text)| (text, n)).collect()
    }

    /// Why the buyer's figure is short, in Indonesian for the page and its downloads; `None`
    /// when it is not.
    pub fn shortfall_id(&self) -> Option<String> {
        let mut said = Vec::new();
        match self.cut_short {
            Some(CutShort::BelowTotal { read, stated }) => {
                said.push(format!("hanya {read} dari {stated} transaksi yang dinyatakannya terbaca"));
            }
            Some(CutShort::Repeated { read }) => {
                said.push(format!(
                    "setelah {read} transaksi, halaman berikutnya mengulang transaksi yang sudah terbaca"
                ));
            }
            Some(CutShort::Moved { from, to }) => {
                said.push(format!(
                    "jumlah transaksi yang dinyatakannya berubah selama halamannya dibaca ({from}, lalu {to}), \
                     juga saat dibaca ulang"
                ));
            }
            None => {}
        }
        let unreadable = self.skipped + self.unreadable();
        if unreadable > 0 {
            said.push(format!("{unreadable} transaksi tidak dapat dibaca"));
        }
        if self.conflicting > 0 {
            said.push(format!("{} transaksi tercantum dua kali dengan nilai berbeda", self.conflicting));
        }
        if !self.unknown_statuses.is_empty() {
            let n = self.unknown_status_count();
            said.push(format!("{n} transaksi berstatus yang tidak dikenal ({})", self.words()));
        }
        for year in &self.neighbours_unread {
            said.push(format!(
                "buku tahun {year}, tempat sebagian transaksi awal atau akhir tahun dicatat, tidak terbaca"
            ));
        }
        (!said.is_empty()).then(|| said.join(", "))
    }

    /// The entries that could not be read, each reason with its count, so a second kind (an
    /// entry without an amount after one with a bad date) is not hidden behind the first.
    fn skipped_said(&self) -> Option<String> {
        let reasons: Vec<String> = self
            .skip_reasons
            .iter()
            .map(|(reason, n)| if *n > 1 { format!("{reason} ×{n}") } else { reason.clone() })
            .collect();
        let named: usize = self.skip_reasons.values().sum();
        let more = if self.skipped > named { ", and others" } else { "" };
        match self.skipped {
            0 => None,
            1 => reasons.into_iter().next(),
            n => Some(format!("{n} transactions could not be read ({}{more}): in no total", reasons.join(", "))),
        }
    }

    /// The unknown status words with their counts: `DELIVERED ×30, SETTLED ×30`.
    fn words(&self) -> String {
        let words: Vec<String> = self.unknown_statuses.iter().map(|(w, n)| format!("{w} ×{n}")).collect();
        words.join(", ")
    }
}
