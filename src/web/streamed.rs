//! The comparison page as a stream of HTML: the head and the form at once, each marketplace's
//! offers as it answers, then the comparison and the end of the page. A browser shows each part
//! as it comes (the response compression flushes whenever the page waits for the next part), and
//! the page needs no script: without one it still arrives complete.

use super::arriving;
use super::page;
use super::params::PageQuery;
use super::words::Names;
use crate::search::CompareEvent;
use axum::body::Body;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream, StreamExt};
use std::convert::Infallible;

/// A 200 whose body is written as `events` come.
pub fn response(query: PageQuery, names: Names, events: impl Stream<Item = CompareEvent> + Send + 'static) -> Response {
    let body = Body::from_stream(chunks(query, names, events).map(Ok::<_, Infallible>));
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

/// The page's parts; the end of the stream of events (`None`) closes the page, with a failure
/// written in when the comparison never came.
fn chunks(
    query: PageQuery,
    names: Names,
    events: impl Stream<Item = CompareEvent> + Send + 'static,
) -> impl Stream<Item = String> + Send + 'static {
    let lang = query.lang;
    let (top, bottom) = page::around_answer(&query);
    let first = stream::once(async move { top + &arriving::opening(lang).into_string() });
    let rest = events.map(Some).chain(stream::once(async { None })).scan(false, move |compared, event| {
        let chunk = match event {
            Some(CompareEvent::Marketplace { report, offers }) => {
                arriving::arrived(&report, &offers, &names, lang).into_string()
            }
            Some(CompareEvent::Compared(outcome)) => {
                *compared = true;
                let results = page::results(&query, &outcome, &names).into_string();
                format!(r#"{}<div class="compared">{results}</div>"#, arriving::closing(lang).into_string())
            }
            None if *compared => bottom.clone(),
            None => {
                format!("{}{}{bottom}", arriving::closing(lang).into_string(), arriving::failed(lang).into_string())
            }
        };
        std::future::ready(Some(chunk))
    });
    first.chain(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(events: Vec<CompareEvent>) -> Vec<String> {
        let (query, _) = super::super::params::parse(Some("q=kertas"));
        futures::executor::block_on(chunks(query, Names::default(), stream::iter(events)).collect())
    }

    #[test]
    fn a_comparison_that_never_comes_is_said_in_the_page_and_the_page_still_ends() {
        let parts = written(Vec::new());
        assert_eq!(parts.len(), 2, "the head and form, then the end");
        assert!(parts[0].contains(r#"aria-live="polite""#), "{}", parts[0]);
        assert!(parts[1].contains("Perbandingan tidak dapat diselesaikan"), "{}", parts[1]);
        let whole = parts.concat();
        assert!(whole.trim_end().ends_with("</html>"), "{whole}");
        assert_eq!(whole.matches("<section").count(), whole.matches("</section>").count(), "every section is closed");
    }
}
