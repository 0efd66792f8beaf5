//! The URL contract of the buyer's pages, so a search can be shared and bookmarked:
//! `/?q=kertas+hvs+a4&region=35.71&pdn=1&umk=1&koperasi=1&stock=1&tkdn=25&min=10000&max=90000&sort=policy`,
//! plus `offer=<id>` (repeated) or `top=N` for the survey, and `lang=en`.

use super::fields;
use super::lang::Lang;
use crate::normalize::echo::{echoed, echoed_within, has_hidden, shows_hidden};
use crate::normalize::pdn::PdnTier;
use crate::normalize::price::{Locale, PriceIssueCode, parse_price};
use crate::normalize::region::{self, Region};
use crate::search::{BuyerContext, CompareParams, MAX_QUERY_CHARS, OfferFilter};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Product groups asked of the search service per page.
pub const GROUPS: u32 = 10;
/// Product groups a survey of chosen offers looks through (the API's largest `first`), so an
/// offer chosen from a group beyond the page's first ones is still found.
const SURVEY_GROUPS: u32 = 50;
/// Offers per product in a survey when none are chosen.
const DEFAULT_TOP: usize = 3;
/// At most this many offers per product in a survey.
const MAX_TOP: usize = 20;
/// Offers one survey may choose (`offer=`, repeated). An HPS survey cites a handful; each chosen
/// id is matched against every offer of the comparison and echoed into the page's links, so the
/// count is bounded (a 64 KiB URL held some 9,000).
const MAX_CHOSEN: usize = 100;

/// How the offers of a product are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// As procurement rules rank (PDN, UMK and koperasi, locality, price); needs a region.
    Policy,
    /// Cheapest per base unit first.
    UnitPrice,
}

/// Everything a buyer's page was asked for.
#[derive(Debug, Clone, Default)]
pub struct PageQuery {
    pub lang: Lang,
    /// The search text; empty shows the form only.
    pub q: String,
    /// The buyer's regency, city or province.
    pub region: Option<&'static Region>,
    /// Only domestic products with a certified TKDN.
    pub pdn: bool,
    pub umk: bool,
    pub koperasi: bool,
    pub in_stock: bool,
    pub min_tkdn: Option<Decimal>,
    /// Pack price bounds, including PPN.
    pub min_price: Option<Decimal>,
    pub max_price: Option<Decimal>,
    /// As asked; [`PageQuery::sort`] says what applies.
    pub sort_asked: Option<Sort>,
    /// Offers chosen for the survey, by gateway id.
    pub chosen: Vec<String>,
    /// Offers per product in the survey when none are chosen.
    pub top: Option<usize>,
}

/// A parameter that could not be read; the page says which and why instead of guessing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub value: String,
}

impl Invalid {
    /// What is wrong and what was written, for the message beside the control.
    pub fn problem(&self, lang: Lang) -> String {
        let what = match self.field {
            "region" => lang.pick("Kode wilayah tidak dikenal", "Unknown region code"),
            "tkdn" => lang.pick("TKDN minimum harus angka 0–100", "Minimum TKDN must be a number from 0 to 100"),
            // A readable amount refused as `max` is one below `min`.
            "max" if rupiah(&self.value, lang).is_ok_and(|amount| amount.is_some()) => lang.pick(
                "Harga sampai harus sama dengan atau lebih dari harga dari",
                "The price up to must be at least the price from",
            ),
            "min" | "max" if over_the_limit(&self.value, lang) => lang.pick(
                "Harga paling tinggi Rp 10 triliun (10.000.000.000.000)",
                "A price can be at most Rp 10 trillion (10,000,000,000,000)",
            ),
            "min" | "max" => lang.pick(
                "Harga harus jumlah rupiah yang jelas, mis. 150000 atau 150.000",
                "A price must be a plain rupiah amount, e.g. 150000 or 150,000",
            ),
            "top" => lang.pick("Jumlah penawaran per produk harus 1–20", "Offers per product must be 1 to 20"),
            "sort" => lang.pick("Urutan tidak dikenal", "Unknown order"),
            "q" if shows_hidden(&self.value) => lang.pick(
                "Kata pencarian berisi karakter kontrol atau pengatur arah teks",
                "The search text holds a control or text-direction character",
            ),
            "q" if self.value.contains(char::REPLACEMENT_CHARACTER) => {
                lang.pick("Kata pencarian bukan teks UTF-8 yang sah", "The search text is not valid UTF-8")
            }
            "q" if self.value.chars().count() > MAX_QUERY_CHARS => {
                lang.pick("Kata pencarian harus 1 sampai 200 karakter", "The search text must be 1 to 200 characters")
            }
            "q" => lang.pick("Kata pencarian tidak berisi huruf atau angka", "The search text has no letter or digit"),
            "lang" => lang.pick(
                "Bahasa tidak tersedia (pilihan: id, en); halaman ditampilkan dalam Bahasa Indonesia",
                "Language not available (choose id or en); the page is shown in Indonesian",
            ),
            "offer" => lang.pick(
                "Survei memuat paling banyak 100 penawaran; kurangi centang. Penawaran ke-101",
                "A survey holds at most 100 offers; untick some. The 101st offer",
            ),
            _ => lang.pick("Parameter tidak dikenal", "Unknown parameter"),
        };
        format!("{what}: “{}”", echoed(&self.value))
    }

    /// The whole message, naming the field by its label: `Harga kemasan dari (…): Harga harus …: “abc”`.
    pub fn message(&self, lang: Lang) -> String {
        match fields::label(self.field, lang) {
            Some(label) => format!("{label} — {}", self.problem(lang)),
            None => self.problem(lang),
        }
    }
}

/// Reads a query string; every value that cannot be read is reported, none is guessed.
pub fn parse(raw: Option<&str>) -> (PageQuery, Vec<Invalid>) {
    let mut query = PageQuery::default();
    let mut invalid = Vec::new();
    let pairs = url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes());
    // Amounts are read as the page's language writes them (`150.000` / `150,000`), wherever
    // `lang` stands in the query; repeated, its last readable value is the page's language.
    let langs = pairs.filter(|(key, _)| key == "lang");
    let lang = langs.filter_map(|(_, v)| Lang::from_param(v.trim())).last().unwrap_or_default();
    for (key, value) in pairs {
        let value = value.trim().to_string();
        match read(&mut query, &key, &value, lang) {
            // Offers past the most a survey may choose are said once, not once each.
            Err("offer") if invalid.iter().any(|i: &Invalid| i.field == "offer") => {}
            // Shown back in its field and quoted in its message as a refusal quotes it.
            Err(field) => invalid.push(Invalid { field, value: echoed_within(&value, MAX_QUERY_CHARS) }),
            Ok(()) => {}
        }
    }
    // A range from above its end matches nothing: said, not answered with an empty page.
    if let (Some(min), Some(max)) = (query.min_price, query.max_price)
        && min > max
    {
        invalid.push(Invalid { field: "max", value: max.normalize().to_string() });
        query.max_price = None;
    }
    (query, invalid)
}

fn read(query: &mut PageQuery, key: &str, value: &str, lang: Lang) -> Result<(), &'static str> {
    let flag = || matches!(value, "1" | "on" | "true");
    match key {
        "lang" => query.lang = Lang::from_param(value).ok_or("lang")?,
        "q" => {
            // Shown back in the form, the title and a survey's heading: never with a control or
            // bidirectional character as it is (so such a text is refused, and the field shows
            // it as a refusal quotes it), nor longer than a search text may be.
            query.q = if has_hidden(value) { echoed_within(value, MAX_QUERY_CHARS) } else { clipped(value) };
            // Refused here, as the search would refuse it, so the page marks the field.
            let searchable = value.is_empty() || value.chars().any(char::is_alphanumeric);
            // Bytes that are not UTF-8 arrive as U+FFFD: refused, as the GraphQL doors refuse
            // them, never searched for as another text.
            let not_utf8 = value.contains(char::REPLACEMENT_CHARACTER);
            if has_hidden(value) || value.chars().count() > MAX_QUERY_CHARS || !searchable || not_utf8 {
                return Err("q");
            }
        }
        "region" if value.is_empty() => query.region = None,
        "region" => query.region = Some(region::by_code(value).ok_or("region")?),
        "pdn" => query.pdn = flag(),
        "umk" => query.umk = flag(),
        "koperasi" => query.koperasi = flag(),
        "stock" => query.in_stock = flag(),
        "tkdn" => query.min_tkdn = percent(value).map_err(|()| "tkdn")?,
        "min" => query.min_price = rupiah(value, lang).map_err(|()| "min")?,
        "max" => query.max_price = rupiah(value, lang).map_err(|()| "max")?,
        "sort" => query.sort_asked = sort(value).map_err(|()| "sort")?,
        "offer" if query.chosen.len() >= MAX_CHOSEN => return Err("offer"),
        "offer" if !value.is_empty() => query.chosen.push(value.to_string()),
        "top" if value.is_empty() => query.top = None,
        "top" => query.top = Some(value.parse().ok().filter(|n| (1..=MAX_TOP).contains(n)).ok_or("top")?),
        // Unknown keys (a submit button's name, a tracker's tag) change nothing.
        _ => {}
    }
    Ok(())
}

/// `value` as a page shows it back: at most [`MAX_QUERY_CHARS`] characters, an ellipsis for the
/// rest. Every field a page echoes is shorter than that when valid; a refused one of 60 KB was
/// written back four times over into a 254 KB page (review34d D34-6).
pub(super) fn clipped(value: &str) -> String {
    match value.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

fn percent(value: &str) -> Result<Option<Decimal>, ()> {
    if value.is_empty() {
        return Ok(None);
    }
    let number = Decimal::from_str(&value.replace(',', ".")).map_err(|_| ())?;
    (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&number).then_some(Some(number)).ok_or(())
}

/// A rupiah amount as a buyer types it in the page's language (`150000`, `150.000`,
/// `Rp150.000`; on the English page `150,000`); compact or ambiguous forms (`150rb`, `1.5`) are
/// refused rather than read as a guess.
fn rupiah(value: &str, lang: Lang) -> Result<Option<Decimal>, ()> {
    if value.is_empty() {
        return Ok(None);
    }
    let parsed = parse_price(value, locale(lang));
    match (parsed.amount, parsed.range_max, parsed.issues.is_empty()) {
        (Some(amount), None, true) => Ok(Some(amount)),
        _ => Err(()),
    }
}

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Id => Locale::Id,
        Lang::En => Locale::En,
    }
}

/// Whether `value` is a plain amount refused only for being above Rp 10 triliun.
fn over_the_limit(value: &str, lang: Lang) -> bool {
    parse_price(value, locale(lang)).issues.iter().any(|issue| issue.code == PriceIssueCode::Overflow)
}

fn sort(value: &str) -> Result<Option<Sort>, ()> {
    match value {
        "" => Ok(None),
        "policy" | "kebijakan" => Ok(Some(Sort::Policy)),
        "unit_price" | "price" | "harga" => Ok(Some(Sort::UnitPrice)),
        _ => Err(()),
    }
}

impl PageQuery {
    /// The order that applies: policy ranking needs the buyer's region for locality.
    pub fn sort(&self) -> Sort {
        match (self.sort_asked, self.region) {
            (Some(Sort::UnitPrice), _) | (_, None) => Sort::UnitPrice,
            _ => Sort::Policy,
        }
    }

    /// Offers per product in the survey.
    pub fn top(&self) -> usize {
        self.top.unwrap_or(DEFAULT_TOP)
    }

    /// The comparison the search service runs: the same parameters GraphQL's `compare` takes.
    pub fn compare_params(&self) -> CompareParams {
        let pdn_tiers = self.pdn.then(|| vec![PdnTier::TkdnBmp40, PdnTier::Tkdn25, PdnTier::TkdnCertified]);
        let filter = OfferFilter {
            min_price: self.min_price,
            max_price: self.max_price,
            min_tkdn: self.min_tkdn,
            pdn_tiers,
            umk_only: self.umk,
            koperasi_only: self.koperasi,
            in_stock: self.in_stock,
            ..OfferFilter::default()
        };
        let buyer = self.region.map(|r| BuyerContext { region_code: r.code.to_string() });
        // One more than the page shows, so it can say there are more.
        CompareParams { query: self.q.clone(), filter, buyer, first: GROUPS + 1 }
    }

    /// The comparison a survey runs: the page's groups, or with offers chosen by id, every
    /// group the API can give.
    pub fn survey_params(&self) -> CompareParams {
        let mut params = self.compare_params();
        params.first = if self.chosen.is_empty() { GROUPS } else { SURVEY_GROUPS };
        params
    }

    /// The search as a query string (without survey choices), for links between the pages.
    pub fn search_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("q", self.q.clone())];
        let mut push = |key, value: Option<String>| pairs.extend(value.map(|v| (key, v)));
        push("region", self.region.map(|r| r.code.to_string()));
        push("pdn", self.pdn.then(|| "1".into()));
        push("umk", self.umk.then(|| "1".into()));
        push("koperasi", self.koperasi.then(|| "1".into()));
        push("stock", self.in_stock.then(|| "1".into()));
        push("tkdn", self.min_tkdn.map(|d| d.normalize().to_string()));
        push("min", self.min_price.map(|d| d.normalize().to_string()));
        push("max", self.max_price.map(|d| d.normalize().to_string()));
        push("sort", self.sort_asked.map(|s| if s == Sort::Policy { "policy" } else { "unit_price" }.into()));
        push("lang", (self.lang == Lang::En).then(|| "en".into()));
        pairs
    }

    /// The offers ticked for the survey, as `offer=` pairs: a link back to the comparison or to
    /// the other language carries them, so the ticks survive the trip.
    pub fn offer_pairs(&self) -> Vec<(&'static str, String)> {
        self.chosen.iter().map(|id| ("offer", id.clone())).collect()
    }

    /// `path?…` with the search and `extra` pairs.
    pub fn link(&self, path: &str, extra: &[(&str, String)]) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (key, value) in self.search_pairs().iter().map(|(k, v)| (*k, v)).chain(extra.iter().map(|(k, v)| (*k, v))) {
            out.append_pair(key, value);
        }
        format!("{path}?{}", out.finish())
    }
}

#[cfg(test)]
mod tests;
