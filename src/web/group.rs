//! One product group on the comparison page: its title, the cheapest offer pinned above the
//! others (the headline links to it), then the offers in the page's order, a few shown (picked as
//! the survey's rows are: `evidence`) and the rest behind "show more" (no script needed).

use super::amounts;
use super::evidence::picked_first;
use super::lang::Lang;
use super::offer::{self, Shown};
use super::params::PageQuery;
use super::strip;
use super::survey::{in_order, unit_price};
use super::words::{self, Names};
use crate::model::{Availability, Offer};
use crate::search::{Explanation, Facts, ProductGroup};
use maud::{Markup, html};

/// Offers of a product shown at once besides the pinned cheapest one.
const SHOWN: usize = 4;

/// The group as a section; `index` makes its ids unique on the page.
pub fn render(query: &PageQuery, group: &ProductGroup, index: usize, names: &Names, facts: &Facts) -> Markup {
    let lang = query.lang;
    let cheapest = group.cheapest().map(Offer::gateway_id);
    let heading = format!("group-{index}");
    let anchor = format!("cheapest-{index}");
    let offers = in_order(group, query.sort());
    // Numbered in the page's order, the pinned offer included, so its place stays visible.
    let numbered: Vec<(usize, &(&Offer, Option<&Explanation>))> =
        offers.iter().enumerate().map(|(i, o)| (i + 1, o)).collect();
    let is_cheapest = |o: &Offer| cheapest.as_deref() == Some(&o.gateway_id());
    let (pinned, rest): (Vec<_>, Vec<_>) = numbered.into_iter().partition(|(_, (o, _))| is_cheapest(o));
    let verdicts = group.uncounted_by_offer();
    let uncounted = |offer: &Offer| verdicts.iter().find(|(o, _)| std::ptr::eq(*o, offer)).and_then(|(_, why)| *why);
    // The cards before "show more" are picked as the survey's rows are, shown in the page's order.
    let rest_offers: Vec<&Offer> = rest.iter().map(|(_, (o, _))| *o).collect();
    let first: Vec<usize> = picked_first(&rest_offers, uncounted).into_iter().take(SHOWN).collect();
    let (first, folded): (Vec<_>, Vec<_>) = rest.into_iter().enumerate().partition(|(i, _)| first.contains(i));
    let shown = |(position, (offer, why)): &(usize, &(&Offer, Option<&Explanation>))| {
        let cheapest = is_cheapest(offer);
        let shown = Shown {
            why: *why,
            facts: &facts.of(offer),
            cheapest,
            anchor: cheapest.then_some(anchor.as_str()),
            position: *position,
            group: index,
            names,
            lang,
            uncounted: uncounted(offer),
            ticked: query.chosen.contains(&offer.gateway_id()),
        };
        offer::item(offer, &shown)
    };
    html! {
        section.group aria-labelledby=(heading) {
            h2 #(heading) { (group.title) }
            p.specs {
                (lang.pick("Merek: ", "Brand: ")) (group.brand().unwrap_or("—"))
                @if !group.key.specs.is_empty() { " · " (lang.pick("Spesifikasi: ", "Specs: ")) (group.key.specs.join(", ")) }
                " · " (words::offers_on(group.offers.len(), group.marketplaces.len(), lang))
            }
            @if let Some(best) = group.cheapest() {
                p.best {
                    (lang.pick("Termurah per satuan: ", "Cheapest per unit: "))
                    a href={ "#" (anchor) } {
                        @match unit_price(best) {
                            Some(p) => strong { (amounts::rupiah(p, lang)) @if let Some(base) = best.unit.base_unit.as_deref().or(best.unit.name.as_deref()) { " / " (base) } },
                            None => strong { (lang.pick("harga satuan tidak diketahui", "unit price unknown")) },
                        }
                        " — " (best.vendor.name) ", " (names.of(&best.marketplace))
                    }
                    // The cheapest may not be for sale now: said beside the price, not found later.
                    @if let Some(unavailable) = unavailable(best, lang) { " (" (unavailable) ")" }
                }
            }
            (strip::render(group, names, &group.title, lang))
            @if !pinned.is_empty() {
                ol.offers.pinned aria-label=(lang.pick("Termurah per satuan", "Cheapest per unit")) { @for o in &pinned { (shown(o)) } }
            }
            ol.offers { @for (_, o) in &first { (shown(o)) } }
            @if !folded.is_empty() {
                details.more {
                    summary { (more(folded.len(), lang)) }
                    ol.offers { @for (_, o) in &folded { (shown(o)) } }
                }
            }
        }
    }
}

fn more(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("Tampilkan {n} penawaran lainnya"),
        (Lang::En, 1) => "Show 1 more offer".to_string(),
        (Lang::En, n) => format!("Show {n} more offers"),
    }
}

/// Why `offer` cannot be bought now, when its marketplace says so (stock 0, out of stock,
/// discontinued).
fn unavailable(offer: &Offer, lang: Lang) -> Option<&'static str> {
    match offer.availability {
        Some(a @ (Availability::OutOfStock | Availability::Discontinued)) => Some(words::availability(a, lang)),
        _ if offer.stock == Some(0) => Some(words::availability(Availability::OutOfStock, lang)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offer_not_for_sale_now_says_so_and_one_for_sale_says_nothing() {
        let mut offer = Offer::sample("a");
        offer.stock = Some(12);
        assert_eq!(unavailable(&offer, Lang::Id), None);
        offer.stock = Some(0);
        assert_eq!(unavailable(&offer, Lang::Id), Some("stok habis"));
        offer.stock = None;
        offer.availability = Some(Availability::Discontinued);
        assert_eq!(unavailable(&offer, Lang::En), Some("discontinued"));
    }
}
