//! Bar charts as inline SVG: no script, no CDN, printable, readable by a screen reader through
//! each bar's `<title>` and the chart's label.

use crate::normalize::rupiah::format_rupiah;
use maud::{Markup, html};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// `Rp3,2 M` (miliar), `Rp450 jt` (juta): bar labels, rounded; the tables hold exact figures.
pub fn compact(amount: Decimal) -> String {
    let value = amount.to_f64().unwrap_or(0.0);
    let (div, unit) = match value {
        v if v >= 1e12 => (1e12, " T"),
        v if v >= 1e9 => (1e9, " M"),
        v if v >= 1e6 => (1e6, " jt"),
        _ => return format_rupiah(amount),
    };
    format!("Rp{}{unit}", format!("{:.1}", value / div).replace('.', ","))
}

fn height(value: Decimal, max: Decimal, full: f64) -> f64 {
    if max.is_zero() { 0.0 } else { (value / max).to_f64().unwrap_or(0.0) * full }
}

/// Vertical bars, one per `(label, value)`, e.g. the twelve months.
pub fn columns(id: &str, label: &str, bars: &[(String, Decimal)]) -> Markup {
    let (width, plot, top) = (720.0, 180.0, 24.0);
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or_default();
    let step = width / bars.len().max(1) as f64;
    html! {
        svg.chart #(id) role="img" aria-label=(label) viewBox={ "0 0 " (width) " " (plot + top + 28.0) } xmlns="http://www.w3.org/2000/svg" {
            @for (i, (name, value)) in bars.iter().enumerate() {
                @let h = height(*value, max, plot);
                @let x = i as f64 * step + step * 0.15;
                g.bar {
                    title { (name) ": " (format_rupiah(*value)) }
                    rect x=(x) y=(top + plot - h) width=(step * 0.7) height=(h) rx="2" {}
                    text.value x=(x + step * 0.35) y=(top + plot - h - 4.0) text-anchor="middle" { (if value.is_zero() { String::new() } else { compact(*value) }) }
                    text.axis x=(x + step * 0.35) y=(top + plot + 18.0) text-anchor="middle" { (name) }
                }
            }
        }
    }
}

/// Horizontal bars, one per `(label, value)`, e.g. the marketplaces.
pub fn rows(id: &str, label: &str, bars: &[(String, Decimal)]) -> Markup {
    let (width, name_w, row_h) = (720.0, 230.0, 30.0);
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or_default();
    let full = width - name_w - 110.0;
    html! {
        svg.chart #(id) role="img" aria-label=(label) viewBox={ "0 0 " (width) " " (row_h * bars.len().max(1) as f64 + 8.0) } xmlns="http://www.w3.org/2000/svg" {
            @for (i, (name, value)) in bars.iter().enumerate() {
                @let y = i as f64 * row_h + 4.0;
                @let w = height(*value, max, full);
                g.bar {
                    title { (name) ": " (format_rupiah(*value)) }
                    text.axis x=(name_w - 8.0) y=(y + row_h * 0.62) text-anchor="end" { (name) }
                    rect x=(name_w) y=(y + 4.0) width=(w) height=(row_h - 10.0) rx="2" {}
                    text.value x=(name_w + w + 6.0) y=(y + row_h * 0.62) { (compact(*value)) }
                }
            }
        }
    }
}
