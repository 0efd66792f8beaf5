//! The comparison page: the search form, each marketplace's state, and the product groups.

use super::fields;
use super::form;
use super::group;
use super::lang::Lang;
use super::layout;
use super::params::{GROUPS, Invalid, PageQuery};
use super::sources;
use super::words::Names;
use crate::search::CompareOutcome;
use maud::{Markup, PreEscaped, html};

/// What the page says when there is no comparison to show: nothing asked yet, or why it could
/// not run. A comparison is streamed into the page (`streamed.rs`) between [`around_answer`]'s
/// two parts.
pub enum Answer {
    NotAsked,
    Refused(String),
}

/// The whole page without a comparison.
pub fn render(query: &PageQuery, invalid: &[Invalid], answer: &Answer) -> Markup {
    let lang = query.lang;
    let said = match answer {
        Answer::NotAsked => html! { p.note { (lang.pick(
            "Tulis nama barang, pilih wilayah Anda, lalu tekan Cari. Pasar menanyai setiap marketplace sekaligus.",
            "Type what you need, pick your region and press Search. Pasar asks every marketplace at once."
        )) } },
        Answer::Refused(why) => html! { div.errors { (why) } },
    };
    page(query, invalid, said)
}

/// The page up to where the comparison goes (head, form) and the rest, to be sent around a
/// comparison written as it arrives.
pub fn around_answer(query: &PageQuery) -> (String, String) {
    // The answer is the last thing in `main`; text the page shows back is escaped, so the last
    // `</main>` is the page's own.
    let mut top = page(query, &[], html! {}).into_string();
    let at = top.rfind("</main>").unwrap_or(top.len());
    let bottom = top.split_off(at);
    (top, bottom)
}

fn page(query: &PageQuery, invalid: &[Invalid], answer: Markup) -> Markup {
    let lang = query.lang;
    let other = switch_language(query);
    let title = match (query.q.is_empty(), invalid.is_empty()) {
        (_, false) => form::error_title(invalid, lang),
        (true, true) => lang.pick("Pasar — bandingkan harga", "Pasar — compare prices").to_string(),
        (false, true) => format!("{} — Pasar", query.q),
    };
    layout::page(
        lang,
        &title,
        Some(&other),
        html! {
            h1 { (lang.pick("Bandingkan penawaran antar-marketplace", "Compare offers across marketplaces")) }
            (form::errors(invalid, lang))
            (form::render(query, invalid))
            (answer)
        },
    )
}

fn switch_language(query: &PageQuery) -> String {
    let mut other = query.clone();
    other.lang = if query.lang == Lang::En { Lang::Id } else { Lang::En };
    if other.q.is_empty() && other.lang == Lang::En {
        "/?lang=en".into()
    } else {
        other.link("/", &query.offer_pairs())
    }
}

/// The comparison: what each marketplace did, then the product groups and the survey's actions.
pub fn results(query: &PageQuery, outcome: &CompareOutcome, names: &Names) -> Markup {
    let lang = query.lang;
    html! {
        @let reports = &outcome.sources.reports;
        @let answered = reports.iter().filter(|r| sources::answered(r)).count();
        @let partly = reports.iter().filter(|r| sources::partly(r)).count();
        section aria-labelledby="sources-title" {
            h2 #sources-title { (lang.pick("Marketplace yang dicari", "Marketplaces searched")) }
            // Folded on a phone while every marketplace answered (style.css keeps it open when wide).
            @let partial = sources::partial_coverage(&outcome.coverage, names, lang);
            details.sources-fold open[answered < reports.len() || partly > 0] {
            summary {
                (sources::answered_of(answered, reports.len(), lang))
                @if partly > 0 { " · " (partly) " " (lang.pick("hanya sebagian", "only in part")) }
                @if partial.is_some() { " · " (lang.pick("tidak semua penawaran dibandingkan", "not every offer compared")) }
            }
            ul.sources {
                @for report in &outcome.sources.reports {
                    li class=(if sources::partly(report) { "partly" } else if sources::answered(report) { "answered" } else { "missing" }) data-marketplace=(report.marketplace.as_str()) {
                        strong { (names.of(&report.marketplace)) } ": " (sources::source_state(report, lang))
                    }
                }
            }
            // Inside the fold: on a phone the first offer keeps the first screen, and the
            // summary line says the note is there.
            @if let Some(partial) = partial {
                p.note.partial { (partial) }
            }
            }
        }
        @if query.region.is_none() {
            p.note { (lang.pick(
                "Pilih wilayah Anda untuk urutan sesuai aturan pengadaan (PDN, UMK dan koperasi, kedekatan) dan alasannya.",
                "Choose your region for the procurement-rule order (PDN, UMK and cooperatives, locality) and its reasons."
            )) }
        }
        @if outcome.groups.is_empty() {
            p { (lang.pick("Tidak ada penawaran yang cocok.", "No matching offers.")) }
        }
        @for (i, group) in outcome.groups.iter().take(GROUPS as usize).enumerate() {
            (group::render(query, group, i, names, &outcome.facts))
        }
        @if outcome.groups.len() > GROUPS as usize {
            p.note.more-groups { (lang.pick(
                "Hanya 10 produk pertama yang ditampilkan; ada produk lain yang cocok. Persempit pencarian (merek, ukuran) untuk melihatnya.",
                "Only the first 10 products are shown; other products match. Narrow the search (brand, size) to see them."
            )) }
        }
        // The offers' survey checkboxes belong to this form wherever it stands (`form="survey"`).
        (survey_form(query, &unshown(query, outcome)))
    }
}

/// The ticked offers (`offer=`) that have no box on this page: in a group past the first ones
/// or no longer offered. The survey form keeps them, so asking it again does not drop them.
fn unshown(query: &PageQuery, outcome: &CompareOutcome) -> Vec<String> {
    let shown: Vec<String> =
        outcome.groups.iter().take(GROUPS as usize).flat_map(|g| &g.offers).map(|(o, _)| o.gateway_id()).collect();
    query.chosen.iter().filter(|id| !shown.contains(id)).cloned().collect()
}

/// Counts the ticked offers into the survey section's live line; without script the line says
/// what ticking does, and the form works the same.
const COUNT_SCRIPT: &str = r#"(function () {
  var count = document.getElementById('survey-count');
  if (!count) return;
  function update() {
    var n = document.querySelectorAll('input[name=offer]:checked').length;
    count.textContent = n === 0 ? count.dataset.none : count.dataset.some.replace('{n}', n);
  }
  document.addEventListener('change', function (e) { if (e.target.name === 'offer') update(); });
  // Boxes a browser restored on going back are counted at once.
  if (document.querySelector('input[name=offer]:checked')) update();
})();"#;

/// The survey's actions after the results, where the last checkbox leaves off: a heading, how
/// many offers are ticked (announced as it changes) and the buttons.
fn survey_form(query: &PageQuery, unshown: &[String]) -> Markup {
    let lang = query.lang;
    let none = lang.pick(
        "Belum ada penawaran yang dicentang: survei memuat penawaran teratas tiap produk.",
        "No offer ticked yet: the survey takes the top offers of each product.",
    );
    let some = lang.pick("{n} penawaran dicentang untuk survei.", "{n} offer(s) ticked for the survey.");
    // Offers the page opened with ticked (`offer=`) are counted without script too.
    let ticked = query.chosen.len().saturating_sub(unshown.len());
    html! {
        section.survey-actions aria-labelledby="survey-title" {
            h2 #survey-title { (lang.pick("Survei harga untuk HPS", "Price survey for the HPS")) }
            p #survey-count aria-live="polite" data-none=(none) data-some=(some) {
                @if ticked > 0 {
                    (some.replace("{n}", &ticked.to_string()))
                } @else {
                    (lang.pick(
                        "Centang “Masukkan ke survei harga” pada penawaran di atas; tanpa centang, survei memuat penawaran teratas tiap produk.",
                        "Tick “Include in the price survey” on the offers above; with none ticked, the survey takes the top offers of each product.",
                    ))
                }
            }
            @if !unshown.is_empty() {
                p.note { (match lang {
                    Lang::Id => format!("{} penawaran yang sudah dipilih tidak tampil di halaman ini dan tetap masuk survei.", unshown.len()),
                    Lang::En => format!("{} offer(s) already chosen are not shown on this page and stay in the survey.", unshown.len()),
                }) }
            }
            form #survey .survey-form method="get" action="/survey" {
                @for (key, value) in query.search_pairs() { input type="hidden" name=(key) value=(value); }
                @for id in unshown { input type="hidden" name="offer" value=(id); }
                div {
                    label for="top" { (fields::label("top", lang).unwrap_or("top")) }
                    select #top name="top" {
                        @for n in [1, 3, 5, 10] { option value=(n) selected[n == query.top()] { (n) } }
                    }
                }
                button type="submit" { (lang.pick("Buat survei harga (cetak)", "Make a price survey (print)")) }
                button.secondary type="submit" formaction="/survey.csv" { (lang.pick("Unduh CSV", "Download CSV")) }
                button.secondary type="submit" formaction="/survey.xlsx" { (lang.pick("Unduh Excel (.xlsx)", "Download Excel (.xlsx)")) }
            }
            script { (PreEscaped(COUNT_SCRIPT)) }
        }
    }
}
