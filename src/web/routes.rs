//! The buyer's routes: `/` (comparison, streamed as the marketplaces answer), `/survey`
//! (printable sheet), `/survey.csv`, `/survey.xlsx`, and the icon (`/favicon.svg`,
//! `/favicon.ico`). Each page runs the same comparison as the GraphQL `compare` field
//! (`compare_stream` yields it last, assembled the same way).

use super::lang::Lang;
use super::page::{self, Answer};
use super::params::{self, Invalid, PageQuery};
use super::streamed;
use super::survey;
use super::survey_csv;
use super::survey_page;
use super::survey_xlsx;
use super::words::Names;
use crate::search::{SearchError, SearchService};
use crate::spending::SpendingService;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use std::time::SystemTime;

/// The buyer's pages over `service`, and over `spending` (the GraphQL schema's own, so both
/// share its ledger caches and their coalesced loads), for any router state.
pub fn router<S: Clone + Send + Sync + 'static>(service: SearchService, spending: SpendingService) -> Router<S> {
    Router::new()
        .route("/", get(comparison))
        .route("/survey", get(survey_sheet))
        .route("/survey.csv", get(survey_table))
        .route("/survey.xlsx", get(survey_workbook))
        .route("/favicon.svg", get(|| async { icon("image/svg+xml", include_bytes!("icon/favicon.svg")) }))
        // Asked for by browsers whatever the page says: a 404 here is a console error on every page.
        .route("/favicon.ico", get(|| async { icon("image/x-icon", include_bytes!("icon/favicon.ico")) }))
        .merge(super::belanja::router(spending))
        .with_state(service)
}

async fn comparison(State(service): State<SearchService>, RawQuery(raw): RawQuery) -> Response {
    let (query, invalid) = params::parse(raw.as_deref());
    // A value that cannot be read is shown back, never searched with a guess in its place.
    if query.q.trim().is_empty() || !invalid.is_empty() {
        let status = if invalid.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
        return (status, Html(page::render(&query, &invalid, &Answer::NotAsked).into_string())).into_response();
    }
    // Refused before anything is sent, so a bad search keeps its 400; from here on the page is
    // written as the marketplaces answer.
    match service.compare_stream(query.compare_params()) {
        Ok(events) => streamed::response(query, names(&service), events),
        Err(e) => {
            let answer = Answer::Refused(refusal(&e, query.lang));
            (StatusCode::BAD_REQUEST, Html(page::render(&query, &[], &answer).into_string())).into_response()
        }
    }
}

async fn survey_sheet(State(service): State<SearchService>, RawQuery(raw): RawQuery) -> Response {
    let names = names(&service);
    // The sheet is read in a browser: it refuses as `/` does, with the form and what is wrong
    // (the downloads, read by programs too, in plain text).
    let (query, invalid) = params::parse(raw.as_deref());
    if query.q.trim().is_empty() || !invalid.is_empty() {
        let form = page::render(&query, &invalid, &Answer::NotAsked);
        return (StatusCode::BAD_REQUEST, Html(form.into_string())).into_response();
    }
    match service.compare(&query.survey_params()).await {
        Ok(outcome) => {
            let survey = survey::build(&outcome, &query, &names, SystemTime::now());
            Html(survey_page::render(&query, &survey).into_string()).into_response()
        }
        Err(e) => {
            let answer = Answer::Refused(refusal(&e, query.lang));
            (StatusCode::BAD_REQUEST, Html(page::render(&query, &[], &answer).into_string())).into_response()
        }
    }
}

async fn survey_table(State(service): State<SearchService>, RawQuery(raw): RawQuery) -> Response {
    let names = names(&service);
    let (query, outcome) = match surveyed(&service, raw.as_deref()).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let survey = survey::build(&outcome, &query, &names, SystemTime::now());
    match survey_csv::render(&survey, query.lang) {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"survei-harga.csv\""),
            ],
            text,
        )
            .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("CSV: {e}")).into_response(),
    }
}

async fn survey_workbook(State(service): State<SearchService>, RawQuery(raw): RawQuery) -> Response {
    let names = names(&service);
    let (query, outcome) = match surveyed(&service, raw.as_deref()).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    let survey = survey::build(&outcome, &query, &names, SystemTime::now());
    match survey_xlsx::render(&survey, query.lang) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"survei-harga.xlsx\""),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("XLSX: {e}")).into_response(),
    }
}

/// Pasar's icon, cacheable for a day.
fn icon(media_type: &'static str, bytes: &'static [u8]) -> Response {
    ([(header::CONTENT_TYPE, media_type), (header::CACHE_CONTROL, "public, max-age=86400")], bytes).into_response()
}

/// The comparison a survey is made from, or a plain 400 saying what is wrong.
async fn surveyed(
    service: &SearchService,
    raw: Option<&str>,
) -> Result<(PageQuery, crate::search::CompareOutcome), Response> {
    let (query, invalid) = params::parse(raw);
    let lang = query.lang;
    if let Some(first) = invalid.first() {
        return Err(bad_request(&first_error(first, lang)));
    }
    if query.q.trim().is_empty() {
        return Err(bad_request(lang.pick("Kata pencarian (q) kosong.", "The search text (q) is empty.")));
    }
    match service.compare(&query.survey_params()).await {
        Ok(outcome) => Ok((query, outcome)),
        Err(e) => Err(bad_request(&refusal(&e, lang))),
    }
}

fn first_error(invalid: &Invalid, lang: Lang) -> String {
    invalid.message(lang)
}

/// A plain 400 with the same code a GraphQL client would get (`BAD_USER_INPUT`).
fn bad_request(message: &str) -> Response {
    let text = format!("{message} ({})\n", crate::codes::Code::BadUserInput.as_str());
    (StatusCode::BAD_REQUEST, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

fn refusal(error: &SearchError, lang: Lang) -> String {
    match error {
        SearchError::BadQuery => lang
            .pick("Kata pencarian harus 1 sampai 200 karakter.", "The search text must be 1 to 200 characters.")
            .into(),
        SearchError::ControlCharacter(_) => lang
            .pick(
                "Kata pencarian berisi karakter kontrol atau pengarah teks.",
                "The search text holds a control or text-direction character.",
            )
            .into(),
        SearchError::NoWord => {
            lang.pick("Kata pencarian tidak berisi huruf atau angka.", "The search text has no letter or digit.").into()
        }
        other => other.to_string(),
    }
}

fn names(service: &SearchService) -> Names {
    let registry = service.registry();
    Names::new(registry.entries().iter().map(|e| (e.marketplace.id().as_str(), e.name.as_str())))
}
