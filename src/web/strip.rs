//! A small picture per product: each counted offer's unit price as a dot on one line per
//! marketplace (an inline SVG strip plot, no script), so a buyer sees where an offer sits.

use super::amounts;
use super::lang::Lang;
use super::words::Names;
use crate::model::MarketplaceId;
use crate::search::ProductGroup;
use maud::{Markup, html};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

const WIDTH: f64 = 320.0;
/// Space left and right of the dots, so a dot at either end is drawn whole.
const MARGIN: f64 = 8.0;
/// A marketplace's row: its name on a line of its own, then its dots. Beside the dots, a name
/// longer than a fixed label column ran into them ("Bela Pengadaan (toko daring)" at 10 px is
/// about 150 px against a 110 px column). The plot stays as tall as it was with names beside the
/// dots, so the first offer still starts within a phone's first screen.
const ROW: f64 = 19.0;
/// From a row's top to its name's baseline (9 px type), and to its line of dots.
const NAME_BASELINE: f64 = 7.5;
const DOTS_AT: f64 = 13.5;

/// The strip plot of a group's counted unit prices; nothing when fewer than two are counted.
pub fn render(group: &ProductGroup, names: &Names, title: &str, lang: Lang) -> Markup {
    let counted = group.counted();
    let (Some(min), Some(max)) = (group.unit_prices.first(), group.unit_prices.last()) else { return html! {} };
    if counted.len() < 2 {
        return html! {};
    }
    let span = (*max - *min).to_f64().unwrap_or(0.0).max(f64::EPSILON);
    let x = |p: Decimal| MARGIN + (p - *min).to_f64().unwrap_or(0.0) / span * (WIDTH - 2.0 * MARGIN);
    let rows: Vec<&MarketplaceId> = group.marketplaces.iter().collect();
    let height = ROW * rows.len() as f64 + 11.0;
    html! {
        svg.strip role="img" viewBox={ "0 0 " (WIDTH) " " (height) } width=(WIDTH) height=(height) {
            title { (title) ": " (amounts::rupiah(*min, lang)) " – " (amounts::rupiah(*max, lang)) }
            @for (i, market) in rows.iter().enumerate() {
                @let top = ROW * i as f64;
                @let y = top + DOTS_AT;
                text x="0" y=(top + NAME_BASELINE) font-size="9" { (names.of(market)) }
                line x1=(MARGIN) x2=(WIDTH - MARGIN) y1=(y) y2=(y) stroke="#d0d7de" {}
                @for (offer, price) in counted.iter().filter(|(o, _)| &&o.marketplace == market) {
                    circle cx=(format!("{:.1}", x(*price))) cy=(y) r="3.5" fill="#0b5cad" fill-opacity="0.6" data-dot=(offer.gateway_id()) {
                        title { (amounts::rupiah(*price, lang)) " — " (offer.vendor.name) }
                    }
                }
            }
            text x="0" y=(height - 2.0) font-size="9" { (amounts::rupiah(*min, lang)) }
            text x=(WIDTH) y=(height - 2.0) font-size="9" text-anchor="end" { (amounts::rupiah(*max, lang)) }
        }
    }
}
