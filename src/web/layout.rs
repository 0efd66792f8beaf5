//! The page shell: language, viewport, the embedded stylesheet, a header with the language switch.

use super::lang::Lang;
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The whole stylesheet, compiled into the binary: no CDN, no build step.
const STYLE: &str = include_str!("style.css");

/// A full HTML page around `body`; `other_language` links to the same page in the other language.
pub fn page(lang: Lang, title: &str, other_language: Option<&str>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                meta name="description" content=(lang.pick(
                    "Pasar membandingkan harga barang dan jasa di marketplace pengadaan pemerintah Indonesia dan menyusun survei harga untuk HPS.",
                    "Pasar compares prices across Indonesia's government procurement marketplaces and makes the price survey for the HPS.",
                ));
                link rel="icon" href="/favicon.svg" type="image/svg+xml";
                style { (PreEscaped(STYLE)) }
            }
            body {
                a.skip href="#main" { (lang.pick("Langsung ke isi", "Skip to content")) }
                header.top {
                    a.brand href={ "/" (if lang == Lang::En { "?lang=en" } else { "" }) } { "Pasar" }
                    span.tagline { (lang.pick("Bandingkan harga antar-marketplace pengadaan", "Compare prices across procurement marketplaces")) }
                    // A page written in one language only links to no other.
                    @if let Some(other_language) = other_language {
                        a.lang href=(other_language) lang=(lang.pick("en", "id")) {
                            (lang.pick("English", "Bahasa Indonesia"))
                        }
                    }
                }
                main #main { (body) }
            }
        }
    }
}
