//! The listings' own pages, where each listing's `url` points: a buyer who follows an offer's
//! link from the demo lands on the simulated marketplace's page for it (the links used to name
//! hosts under `.test`, which never resolve). A page says it is a sandbox's, shows what the API
//! answered for the listing, and links nothing further; on `bela` a seller's shop lists its
//! listings. Any other path stays the JSON 404 (`control.rs`).

use super::bela;
use super::kind::MarketplaceKind;
use super::listing::ListingView;
use super::state::App;
use super::text::group_thousands;
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

/// Listings a shop page lists at most.
const SHOP_LISTINGS: usize = 50;

/// The page at `path`: a listing's or a `bela` shop's; `None` for any other path.
pub(super) fn page(app: &App, path: &str) -> Option<Response> {
    let number = trailing_number(path)?;
    let catalogue = app.state.catalogue();
    // Ids count from 1; the path must be the listing's own, not any path ending in its number.
    if let Some(index) = number.checked_sub(1).filter(|&i| i < catalogue.products_per_marketplace()) {
        let view = catalogue.view(app.kind, index);
        if app.kind.listing_path(&view, index) == path {
            return Some(Html(listing(app, &view, index).into_string()).into_response());
        }
    }
    let account = bela::account_id(number);
    if app.kind != MarketplaceKind::Bela || bela::account_path(&account) != path {
        return None;
    }
    shop(app, number, &account).map(|page| Html(page.into_string()).into_response())
}

/// The number an id ends with (`mbz-0000003` → 3), if the path ends in digits.
fn trailing_number(path: &str) -> Option<usize> {
    let digits = path.len() - path.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    path[path.len() - digits..].parse().ok()
}

fn listing(app: &App, view: &ListingView<'_>, index: usize) -> Markup {
    let title = app.kind.title(view);
    let body = html! {
        h1 { (title) }
        dl {
            dt { "Kode produk" } dd { (app.kind.listing_id(index)) }
            dt { "Harga tanpa PPN" } dd { "Rp" (group_thousands(view.listing.price)) " / " (view.pack.unit) }
            dt { "PPN" } dd { (app.kind.vat_percent(view)) " %" }
            dt { "Stok" } dd { (view.listing.stock) }
            dt { "Penyedia" } dd { (view.vendor.canonical_name()) }
        }
    };
    page_of(app.kind, &title, body)
}

/// A shop's page; `None` for an account that sells nothing here (or does not exist).
fn shop(app: &App, number: usize, account: &str) -> Option<Markup> {
    let catalogue = app.state.catalogue();
    let listings: Vec<(usize, ListingView<'_>)> = (0..catalogue.products_per_marketplace())
        .map(|i| (i, catalogue.view(app.kind, i)))
        .filter(|(_, view)| app.account_number(view.listing.vendor) == number)
        .take(SHOP_LISTINGS)
        .collect();
    let name = listings.first()?.1.vendor.canonical_name();
    let body = html! {
        h1 { (name) }
        p { "Toko " (account) }
        ul { @for (i, view) in &listings {
            li { a href=(app.kind.listing_path(view, *i)) { (app.kind.title(view)) } }
        } }
    };
    Some(page_of(app.kind, &name, body))
}

/// A page of marketplace `kind`'s sandbox, saying so above `body`.
fn page_of(kind: MarketplaceKind, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="id" {
            head { meta charset="utf-8"; title { (title) " — " (kind.id()) " (sandbox)" } }
            body {
                p { strong { "Marketplace tiruan (sandbox) Pasar: " (kind.id()) "." }
                    " Halaman ini berdiri untuk halaman produk di marketplace sungguhan; pembelian tidak bisa dilakukan di sini." }
                (body)
            }
        }
    }
}
