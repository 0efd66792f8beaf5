//! What the pages say of the marketplaces asked: each one's part in the answer, how many
//! answered, and when a comparison's figures do not cover every match.

use super::lang::Lang;
use super::words::Names;
use crate::marketplace::{Cause, MarketplaceError};
use crate::search::{CacheStatus, Coverage, SourceReport, SourceStatus};

/// Whether a marketplace answered: its offers are in the answer, fresh or from a page being
/// refreshed, or from the pages it served before a later one failed ([`partly`]). One served
/// from its last good answer because it fails did not answer.
pub fn answered(report: &SourceReport) -> bool {
    match report.status {
        SourceStatus::Ok => true,
        SourceStatus::Stale => !report.served_on_error(),
        _ => partly(report),
    }
}

/// Whether a marketplace answered only in part: a later page failed or came too late, and the
/// offers of the pages before it are in the answer (review 26c C8: "tidak tersedia" while its
/// offers were compared).
pub fn partly(report: &SourceReport) -> bool {
    let failed = !matches!(report.status, SourceStatus::Ok | SourceStatus::Stale | SourceStatus::Disabled);
    failed && report.offer_count > 0
}

/// One marketplace's part in the answer, e.g. "menjawab dalam 120 ms; 40 penawaran" or
/// "tidak tersedia: menjawab dengan galat (HTTP 503)".
pub fn source_state(report: &SourceReport, lang: Lang) -> String {
    let (ms, age, n) = (report.latency_ms, report.age_seconds, report.offer_count);
    let offers = |lang: Lang| match lang {
        Lang::Id => format!("{n} penawaran"),
        Lang::En => format!("{n} offers"),
    };
    match (report.status, report.cache, lang) {
        (SourceStatus::Ok, CacheStatus::Hit, Lang::Id) => format!("dari cache, {age} detik lalu; {}", offers(lang)),
        (SourceStatus::Ok, CacheStatus::Hit, Lang::En) => format!("from cache, {age} seconds old; {}", offers(lang)),
        (SourceStatus::Ok, _, Lang::Id) => format!("menjawab dalam {ms} ms; {}", offers(lang)),
        (SourceStatus::Ok, _, Lang::En) => format!("answered in {ms} ms; {}", offers(lang)),
        (SourceStatus::Stale, _, lang) if report.served_on_error() => {
            let why = report.stale_error.as_ref().map(|error| {
                let status = match error {
                    MarketplaceError::Status { status } => Some(*status),
                    _ => None,
                };
                why_not(SourceStatus::of(error), status, error.cause(), lang)
            });
            let why = why.unwrap_or_default();
            match lang {
                Lang::Id => format!("{why}; memakai jawaban terakhirnya, {age} detik lalu; {}", offers(lang)),
                Lang::En => format!("{why}; showing its last answer, {age} seconds old; {}", offers(lang)),
            }
        }
        (SourceStatus::Stale, _, Lang::Id) => {
            format!("dari cache lama, {age} detik lalu (data terbaru belum didapat); {}", offers(lang))
        }
        (SourceStatus::Stale, _, Lang::En) => {
            format!("from an expired cache entry, {age} seconds old (no fresh answer yet); {}", offers(lang))
        }
        (_, _, lang) if partly(report) => {
            let why = why_not(report.status, report.error_status, report.cause, lang);
            let why = why.trim_start_matches(lang.pick("tidak tersedia: ", "unavailable: "));
            match lang {
                Lang::Id => format!("menjawab sebagian: {}, lalu {why}", offers(lang)),
                Lang::En => format!("answered in part: {}, then {why}", offers(lang)),
            }
        }
        (status, _, lang) => why_not(status, report.error_status, report.cause, lang),
    }
}

/// Why a marketplace is left out of the answer (or the rest of it), with how its connection
/// failed when that is known: "tidak tersedia: tidak dapat dihubungi (koneksi ditolak)".
fn why_not(status: SourceStatus, error_status: Option<u16>, cause: Option<Cause>, lang: Lang) -> String {
    let why = match status {
        SourceStatus::UpstreamError => upstream_error(error_status, lang),
        status => failure(status, lang).to_string(),
    };
    match cause {
        Some(cause) => format!("{why} ({})", connection_failure(cause, lang)),
        None => why,
    }
}

/// How a connection to a marketplace failed (`extensions.cause`), in a buyer's words.
pub(super) fn connection_failure(cause: Cause, lang: Lang) -> &'static str {
    match cause {
        Cause::Dns => lang.pick("alamat tidak ditemukan", "address not found"),
        Cause::Tls => lang.pick("sertifikat/TLS gagal", "certificate/TLS failed"),
        Cause::Refused => lang.pick("koneksi ditolak", "connection refused"),
        Cause::ConnectTimeout => lang.pick("tidak menjawab saat dihubungkan", "no answer while connecting"),
        Cause::Reset => lang.pick("koneksi terputus", "connection broken off"),
    }
}

/// `UPSTREAM_ERROR` is two failures a buyer must not confuse: a marketplace that could not be
/// reached, and one that was reached and answered with an error status (a 503 is the
/// marketplace's own refusal, said with its number as the spending page says it).
fn upstream_error(error_status: Option<u16>, lang: Lang) -> String {
    match (error_status, lang) {
        (Some(status), Lang::Id) => format!("tidak tersedia: menjawab dengan galat (HTTP {status})"),
        (Some(status), Lang::En) => format!("unavailable: answered with an error (HTTP {status})"),
        (None, _) => lang.pick("tidak tersedia: tidak dapat dihubungi", "unavailable: could not be reached").into(),
    }
}

fn failure(status: SourceStatus, lang: Lang) -> &'static str {
    match status {
        SourceStatus::Timeout => lang.pick("waktu habis: tidak menjawab tepat waktu", "timed out: no answer in time"),
        SourceStatus::BadResponse => {
            lang.pick("tidak tersedia: jawabannya tidak dapat dibaca", "unavailable: its answer could not be read")
        }
        SourceStatus::CircuitOpen => lang.pick(
            "tidak tersedia: dilewati sementara setelah gagal berulang kali",
            "unavailable: skipped for a while after repeated failures",
        ),
        SourceStatus::RateLimited => {
            lang.pick("tidak tersedia: meminta Pasar memperlambat permintaan", "unavailable: asked Pasar to slow down")
        }
        SourceStatus::Overloaded => {
            lang.pick("tidak tersedia: sedang melayani terlalu banyak permintaan", "unavailable: too busy")
        }
        SourceStatus::Disabled => lang.pick("dinonaktifkan oleh operator", "switched off by the operator"),
        SourceStatus::Ok | SourceStatus::Stale | SourceStatus::UpstreamError => "",
    }
}

/// `5 dari 5 marketplace menjawab`; `4 of 5 marketplaces answered`.
pub fn answered_of(answered: usize, asked: usize, lang: Lang) -> String {
    match (lang, asked) {
        (Lang::Id, _) => format!("{answered} dari {asked} marketplace menjawab"),
        (Lang::En, 1) => format!("{answered} of 1 marketplace answered"),
        (Lang::En, _) => format!("{answered} of {asked} marketplaces answered"),
    }
}

/// The marketplaces listing more matches than a comparison groups, named, or `None`: the lowest
/// price and the median are then those of each one's first offers, not of its whole market, and
/// a buyer must be told before taking them for the market's.
pub fn partial_coverage(coverage: &[Coverage], names: &Names, lang: Lang) -> Option<String> {
    let more: Vec<&str> = coverage.iter().filter(|c| c.more).map(|c| names.of(&c.marketplace)).collect();
    let grouped = coverage.iter().map(|c| c.grouped).max()?;
    let (last, first) = more.split_last()?;
    let named = if first.is_empty() {
        (*last).to_string()
    } else {
        format!("{} {} {last}", first.join(", "), lang.pick("dan", "and"))
    };
    Some(match lang {
        Lang::Id => format!(
            "{named} punya lebih banyak penawaran yang cocok daripada yang dibandingkan di sini ({grouped} pertama tiap \
             marketplace): harga terendah dan median hanya dari penawaran yang dibandingkan. Persempit pencarian (merek, \
             ukuran, gramatur) agar semuanya tercakup."
        ),
        Lang::En => format!(
            "{named} list more matching offers than are compared here (the first {grouped} of each marketplace): the \
             lowest price and the median are of the compared offers only. Narrow the search (brand, size, grammage) \
             to cover them all."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MarketplaceId;
    use std::time::Duration;

    #[test]
    fn every_marketplace_state_is_a_sentence() {
        let mut report = SourceReport {
            marketplace: MarketplaceId::new("mbiz"),
            status: SourceStatus::Ok,
            cache: CacheStatus::Hit,
            latency_ms: 3,
            offer_count: 12,
            age_seconds: 41,
            message: None,
            stale_error: None,
            error_status: None,
            cause: None,
            connecting: None,
            ignores_paging: false,
            fresh_until: None,
        };
        assert_eq!(source_state(&report, Lang::Id), "dari cache, 41 detik lalu; 12 penawaran");
        (report.status, report.offer_count) = (SourceStatus::UpstreamError, 0);
        assert_eq!(source_state(&report, Lang::Id), "tidak tersedia: tidak dapat dihubungi");
        report.error_status = Some(503);
        assert_eq!(source_state(&report, Lang::Id), "tidak tersedia: menjawab dengan galat (HTTP 503)");
        assert_eq!(source_state(&report, Lang::En), "unavailable: answered with an error (HTTP 503)");
        report.status = SourceStatus::Timeout;
        assert_eq!(source_state(&report, Lang::En), "timed out: no answer in time");
    }

    #[test]
    fn a_marketplace_that_could_not_be_reached_says_how_in_a_buyers_words() {
        let mut report = SourceReport::starting(MarketplaceId::new("mbiz"), false);
        report.fail(&MarketplaceError::Unreachable { reason: String::new(), cause: Some(Cause::Refused) });
        assert_eq!(source_state(&report, Lang::Id), "tidak tersedia: tidak dapat dihubungi (koneksi ditolak)");
        assert_eq!(source_state(&report, Lang::En), "unavailable: could not be reached (connection refused)");
        let deadline = Duration::from_millis(500);
        report.fail(&MarketplaceError::Timeout { after: deadline, cause: Some(Cause::ConnectTimeout) });
        let said = source_state(&report, Lang::Id);
        assert_eq!(said, "waktu habis: tidak menjawab tepat waktu (tidak menjawab saat dihubungkan)");
        report.fail(&MarketplaceError::Timeout { after: deadline, cause: None });
        assert_eq!(source_state(&report, Lang::Id), "waktu habis: tidak menjawab tepat waktu");
        report.offer_count = 20;
        report.fail(&MarketplaceError::Unreachable { reason: String::new(), cause: Some(Cause::Reset) });
        let said = source_state(&report, Lang::Id);
        assert_eq!(said, "menjawab sebagian: 20 penawaran, lalu tidak dapat dihubungi (koneksi terputus)");
        let words: Vec<_> =
            [Cause::Dns, Cause::Tls, Cause::ConnectTimeout].map(|c| connection_failure(c, Lang::Id)).into();
        assert_eq!(words, ["alamat tidak ditemukan", "sertifikat/TLS gagal", "tidak menjawab saat dihubungkan"]);
    }

    #[test]
    fn a_marketplace_served_from_its_last_answer_because_it_fails_did_not_answer_and_says_why() {
        let mut report = SourceReport {
            marketplace: MarketplaceId::new("bela"),
            status: SourceStatus::Stale,
            cache: CacheStatus::Stale,
            latency_ms: 0,
            offer_count: 10,
            age_seconds: 63,
            message: None,
            stale_error: None,
            error_status: None,
            cause: None,
            connecting: None,
            ignores_paging: false,
            fresh_until: None,
        };
        assert!(answered(&report), "refreshed while served");
        report.stale_error = Some(MarketplaceError::Status { status: 503 });
        assert!(!answered(&report));
        assert_eq!(
            source_state(&report, Lang::Id),
            "tidak tersedia: menjawab dengan galat (HTTP 503); memakai jawaban terakhirnya, 63 detik lalu; 10 penawaran"
        );
        report.stale_error = Some(MarketplaceError::CircuitOpen { retry_in_ms: 900 });
        assert!(source_state(&report, Lang::En).starts_with("unavailable: skipped for a while"), "{report:?}");
    }

    #[test]
    fn a_marketplace_whose_later_page_failed_answered_in_part_with_the_offers_it_gave() {
        let mut report = SourceReport {
            marketplace: MarketplaceId::new("mbiz"),
            status: SourceStatus::UpstreamError,
            cache: CacheStatus::Miss,
            latency_ms: 80,
            offer_count: 50,
            age_seconds: 0,
            message: None,
            stale_error: None,
            error_status: Some(500),
            cause: None,
            connecting: None,
            ignores_paging: false,
            fresh_until: None,
        };
        assert!(answered(&report) && partly(&report));
        assert_eq!(
            source_state(&report, Lang::Id),
            "menjawab sebagian: 50 penawaran, lalu menjawab dengan galat (HTTP 500)"
        );
        assert_eq!(
            source_state(&report, Lang::En),
            "answered in part: 50 offers, then answered with an error (HTTP 500)"
        );
        report.status = SourceStatus::Timeout;
        assert_eq!(
            source_state(&report, Lang::Id),
            "menjawab sebagian: 50 penawaran, lalu waktu habis: tidak menjawab tepat waktu"
        );
        report.offer_count = 0;
        assert!(!answered(&report) && !partly(&report));
    }
}
