//! The routes of the spending report: `/belanja`, `/belanja.csv`, `/belanja.xlsx`, each for
//! `?wilayah=<Kemendagri code>&tahun=<year>`. The page refuses by asking again (its form, with
//! what is wrong); the downloads, read by programs as often as by people, in plain text.

use super::belanja_export::{self, Gaps, Row};
use super::belanja_form::{self, Field, Problem};
use super::belanja_page;
use super::lang::Lang;
use super::sources;
use crate::marketplace::MarketplaceError;
use crate::model::MarketplaceId;
use crate::normalize::echo::echoed;
use crate::normalize::region::{self, RegionLevel};
use crate::spending::{Ranking, Spending, SpendingError, SpendingService};
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

/// The spending report's routes over `service`.
pub fn router<S: Clone + Send + Sync + 'static>(service: SpendingService) -> Router<S> {
    Router::new()
        .route("/belanja", get(page))
        .route("/belanja.csv", get(table))
        .route("/belanja.xlsx", get(workbook))
        .with_state(service)
}

#[derive(Default)]
struct Params {
    wilayah: String,
    tahun: String,
    /// As given: the report is written in Indonesian whatever it says, but a value `/` would
    /// refuse is refused here too, not silently ignored.
    lang: Option<String>,
}

impl Params {
    /// The query string's `wilayah` and `tahun`; a repeated one counts by its last value, as on
    /// the comparison pages (a strict reader refused it in English, outside the form).
    fn read(query: Option<&str>) -> Self {
        let mut params = Self::default();
        for (key, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
            match &*key {
                // Kept as a refusal quotes them, for the form shows them back too: a valid code or
                // year is far shorter and has no control character, so a value cut or shown
                // otherwise is refused as the whole one would be.
                "wilayah" => params.wilayah = echoed(value.trim()),
                "tahun" => params.tahun = echoed(value.trim()),
                "lang" => params.lang = Some(value.into_owned()),
                _ => {}
            }
        }
        params
    }

    /// Why `lang` is refused, when it is neither `id` nor `en`.
    fn lang_problem(&self) -> Option<Problem> {
        let value = self.lang.as_deref().filter(|v| Lang::from_param(v.trim()).is_none())?;
        let message = format!(
            "Bahasa (lang) \"{}\" tidak tersedia; pilihan: id atau en. Laporan ini ditulis dalam Bahasa Indonesia.",
            echoed(value.trim())
        );
        Some(Problem::new(Field::Neither, message))
    }
}

/// The buyer's year and its province's ranking (same level: kota among kota), or every reason
/// it cannot be made: each parameter that is missing or wrong, in Indonesian like the page.
async fn load(service: &SpendingService, params: &Params) -> Result<(Spending, Ranking), Vec<Problem>> {
    let (wilayah, tahun) = (params.wilayah.trim(), params.tahun.trim());
    let mut problems: Vec<Problem> = params.lang_problem().into_iter().collect();
    if wilayah.is_empty() {
        problems.push(Problem::new(
            Field::Wilayah,
            "Wilayah (wilayah) harus diisi dengan kode Kemendagri, misalnya 35.71.",
        ));
    }
    let year = tahun.parse::<i32>().ok();
    let unsigned = tahun.strip_prefix(['-', '+']).unwrap_or(tahun);
    let digits = !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit());
    match year {
        Some(_) => {}
        // A number too large for a year, either way, is out of range, not "not a number".
        None if digits => {
            problems.push(Problem::new(
                Field::Tahun,
                format!("Tahun {tahun} bukan tahun yang mungkin; tulis misalnya 2022."),
            ));
        }
        None => problems.push(Problem::new(Field::Tahun, "Tahun (tahun) harus berupa angka, misalnya 2022.")),
    }
    let Some(year) = year.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let Some(buyer) = region::by_code(wilayah) else {
        return Err(vec![in_indonesian(&SpendingError::UnknownBuyer(wilayah.to_string()))]);
    };
    let level = (buyer.level != RegionLevel::Province).then_some(buyer.level);
    // Side by side: each waits on its own marketplaces' deadlines, not on the other's.
    let (spending, ranking) =
        tokio::join!(service.spending(wilayah, year, None), service.ranking(buyer.province_code, year, None, level));
    let spending = spending.map_err(|e| vec![in_indonesian(&e)])?;
    // The Pemda's row at the figure the page gives above it, not at the recaps' (R37s-1).
    let ranking = ranking.map_err(|e| vec![in_indonesian(&e)])?.with_own(
        spending.buyer.code,
        spending.summary.all,
        spending.complete(),
        spending.read_at(),
    );
    Ok((spending, ranking))
}

/// Each marketplace of `failures` once, with why in Indonesian: "PaDi UMKM (menjawab HTTP 503)".
fn unread<'a>(
    failures: impl Iterator<Item = (&'a MarketplaceId, &'a MarketplaceError)>,
    names: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let mut seen = Vec::new();
    let mut said = Vec::new();
    for (marketplace, error) in failures {
        if !seen.contains(&marketplace) {
            seen.push(marketplace);
            said.push(format!("{} ({})", names(marketplace.as_str()), why(error)));
        }
    }
    said
}

/// Each marketplace whose ledger was read but not whole, with what its figure leaves out:
/// "Mbiz (hanya 100 dari 150 transaksi yang dinyatakannya terbaca)".
fn short(spending: &Spending, names: &dyn Fn(&str) -> String) -> Vec<String> {
    let read = spending.sources.iter().filter_map(|s| s.ledger.as_ref().ok().map(|l| (&s.marketplace, l)));
    read.filter_map(|(m, l)| l.shortfall_id().map(|why| format!("{} ({why})", names(m.as_str())))).collect()
}

/// Entries each marketplace sent that the buyer's year leaves out, with how many:
/// "Mbizmarket: 30 transaksi bertanggal di luar tahun 2023 tidak dihitung" (or of another buyer).
fn left_out(spending: &Spending, names: &dyn Fn(&str) -> String) -> Vec<(String, usize)> {
    let read = spending.sources.iter().filter_map(|s| s.ledger.as_ref().ok().map(|l| (&s.marketplace, l)));
    let each = read.flat_map(|(m, l)| l.left_out_id(spending.year).into_iter().map(move |said| (m, said)));
    each.map(|(m, (said, n))| (format!("{}: {said}", names(m.as_str())), n)).collect()
}

/// Entries each marketplace sent stating a PPN rate not in force on their date, with how many:
/// "Jatim Bejo: 2 transaksi menyatakan tarif PPN yang tidak berlaku pada tanggalnya: dihitung
/// dengan tarif yang dinyatakan" (a figure that stands, but on a wrong charge).
fn rates(spending: &Spending, names: &dyn Fn(&str) -> String) -> Vec<(String, usize)> {
    let read = spending.sources.iter().filter_map(|s| s.ledger.as_ref().ok().map(|l| (&s.marketplace, l)));
    let flagged = read.map(|(m, l)| (m, l.rate_not_in_force())).filter(|(_, n)| *n > 0);
    let said = |n| {
        format!(
            "{n} transaksi menyatakan tarif PPN yang tidak berlaku pada tanggalnya: dihitung dengan tarif yang dinyatakan"
        )
    };
    flagged.map(|(m, n)| (format!("{}: {}", names(m.as_str()), said(n)), n)).collect()
}

/// Everything the buyer's figures leave out, for the page and the downloads.
fn gaps(spending: &Spending, ranking: &Ranking, names: &dyn Fn(&str) -> String) -> Gaps {
    let own = spending.sources.iter().filter_map(|s| s.ledger.as_ref().err().map(|e| (&s.marketplace, e)));
    Gaps {
        failed: unread(own, names),
        short: short(spending, names),
        left_out: left_out(spending, names),
        rates: rates(spending, names),
        ranking_failed: unread(ranking.failures.iter().map(|(m, e)| (m, e)), names),
    }
}

/// Why a marketplace could not be read, as the page says it, with how its connection failed
/// when that is known: "tidak dapat dihubungi: koneksi ditolak" (inside the parentheses after
/// the marketplace's name).
fn why(error: &MarketplaceError) -> String {
    let why = what_failed(error);
    match error.cause() {
        Some(cause) => format!("{why}: {}", sources::connection_failure(cause, Lang::Id)),
        None => why,
    }
}

fn what_failed(error: &MarketplaceError) -> String {
    match error {
        MarketplaceError::Timeout { after, .. } => format!("tidak menjawab dalam {} ms", after.as_millis()),
        MarketplaceError::Unreachable { .. } => "tidak dapat dihubungi".into(),
        MarketplaceError::Status { status } => format!("menjawab HTTP {status}"),
        MarketplaceError::RateLimited { .. } => "meminta Pasar memperlambat permintaan (HTTP 429)".into(),
        MarketplaceError::TooLarge { .. } => "jawabannya terlalu besar".into(),
        MarketplaceError::BadResponse { .. } => "jawabannya tidak dapat dibaca".into(),
        MarketplaceError::Overloaded => "sedang melayani terlalu banyak permintaan".into(),
        MarketplaceError::CircuitOpen { .. } => "dilewati sementara setelah gagal berulang kali".into(),
        MarketplaceError::Down { failure, .. } => {
            format!("dilewati sementara: saat terakhir ditanya, {}", what_failed(failure))
        }
        MarketplaceError::Removed => "dihapus dari adapter Pasar saat pencarian berjalan".into(),
    }
}

/// What the page's reader can get wrong, said as the page says everything else, with the field
/// it is about. The other errors (a marketplace, `first`, a cursor) come only from the API,
/// which stays in English.
fn in_indonesian(error: &SpendingError) -> Problem {
    match error {
        SpendingError::UnknownBuyer(code) => Problem::new(
            Field::Wilayah,
            format!("\"{}\" bukan kode Kemendagri provinsi, kabupaten atau kota (misalnya \"35.71\").", echoed(code)),
        ),
        SpendingError::UnknownProvince(code) => Problem::new(
            Field::Wilayah,
            format!("\"{}\" bukan kode Kemendagri provinsi (misalnya \"35\").", echoed(code)),
        ),
        SpendingError::BadYear { year, current } => {
            Problem::new(Field::Tahun, format!("Tahun {year} di luar 2000–{current}."))
        }
        other => Problem::new(Field::Neither, other.to_string()),
    }
}

/// The downloads' refusal: plain text, every reason, then the stable code.
fn bad_request(problems: &[Problem]) -> Response {
    let said: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    let text = format!("{} ({})\n", said.join(" "), crate::codes::Code::BadUserInput.as_str());
    (StatusCode::BAD_REQUEST, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// The page's refusal: the form again, with the values given and what is wrong with them. Opened
/// bare (no region, no year), it is the form alone, and not an error, unless its `lang` is
/// refused: that is said, as `/` says it.
fn ask_again(params: &Params, problems: Vec<Problem>) -> Response {
    let bare = params.wilayah.trim().is_empty() && params.tahun.trim().is_empty();
    let problems: Vec<Problem> = problems.into_iter().filter(|p| !bare || p.field == Field::Neither).collect();
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    (status, Html(belanja_form::render(&params.wilayah, &params.tahun, &problems).into_string())).into_response()
}

fn name_of(service: &SpendingService) -> impl Fn(&str) -> String + '_ {
    move |id: &str| service.registry().get(id).map_or_else(|| id.to_string(), |e| e.name.clone())
}

async fn page(State(service): State<SpendingService>, RawQuery(query): RawQuery) -> Response {
    let params = Params::read(query.as_deref());
    match load(&service, &params).await {
        Ok((spending, ranking)) => {
            let names = name_of(&service);
            let gaps = gaps(&spending, &ranking, &names);
            let made_at = super::survey::wib(std::time::SystemTime::now());
            Html(belanja_page::render(&spending, &ranking, &names, &gaps, &made_at).into_string()).into_response()
        }
        Err(problems) => ask_again(&params, problems),
    }
}

async fn report(service: &SpendingService, params: &Params) -> Result<(Vec<Row>, String), Response> {
    let (spending, ranking) = load(service, params).await.map_err(|problems| bad_request(&problems))?;
    let names = name_of(service);
    let file = format!("belanja-{}-{}", spending.buyer.code.replace('.', ""), spending.year);
    let gaps = gaps(&spending, &ranking, &names);
    let made_at = super::survey::wib(std::time::SystemTime::now());
    Ok((belanja_export::rows(&spending, &names, &ranking, &gaps, &made_at), file))
}

async fn table(State(service): State<SpendingService>, RawQuery(query): RawQuery) -> Response {
    let params = Params::read(query.as_deref());
    let (rows, file) = match report(&service, &params).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    match belanja_export::csv(&rows) {
        Ok(text) => {
            let disposition = format!("attachment; filename=\"{file}.csv\"");
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                text,
            )
                .into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("CSV: {e}")).into_response(),
    }
}

async fn workbook(State(service): State<SpendingService>, RawQuery(query): RawQuery) -> Response {
    let params = Params::read(query.as_deref());
    let (rows, file) = match report(&service, &params).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    match belanja_export::xlsx(&rows) {
        Ok(bytes) => {
            let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string();
            let disposition = format!("attachment; filename=\"{file}.xlsx\"");
            ([(header::CONTENT_TYPE, kind), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("xlsx: {e}")).into_response(),
    }
}
