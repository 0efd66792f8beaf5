//! The sandboxes over real sockets: API shapes, auth, errors, paging and ground truth. The
//! helpers here are shared with `fault_tests`.

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{Catalogue, MarketplaceKind, RunningSandbox, SandboxOptions, Truth, spawn, spawn_all};

pub(super) const LOCALHOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

pub(super) async fn start(kind: MarketplaceKind) -> RunningSandbox {
    let options = SandboxOptions { products: 2_000, ..SandboxOptions::default() };
    let catalogue = Arc::new(Catalogue::generate(options.products, options.seed));
    spawn(kind, catalogue, &options, SocketAddr::new(LOCALHOST, 0)).await.expect("binds port 0")
}

pub(super) fn client() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("a default client builds")
}

pub(super) async fn mbiz_get(sandbox: &RunningSandbox, query: &str) -> reqwest::Response {
    client()
        .get(format!("{}/api/v1/products?{query}", sandbox.base_url()))
        .bearer_auth("sandbox-mbiz-token")
        .send()
        .await
        .expect("mbiz answers")
}

pub(super) async fn jatim_post(sandbox: &RunningSandbox, body: Value) -> reqwest::Response {
    client()
        .post(format!("{}/api/v1/produk/cari", sandbox.base_url()))
        .json(&body)
        .send()
        .await
        .expect("jatim-bejo answers")
}

pub(super) async fn ekatalog_get(sandbox: &RunningSandbox, query: &str) -> reqwest::Response {
    client()
        .get(format!("{}/api/v6/produk?{query}", sandbox.base_url()))
        .header("X-Api-Key", "sandbox-ekatalog-key")
        .send()
        .await
        .expect("ekatalog answers")
}

pub(super) async fn padi_get(sandbox: &RunningSandbox, query: &str) -> reqwest::Response {
    client().get(format!("{}/v1/catalog/search?{query}", sandbox.base_url())).send().await.expect("padi-umkm answers")
}

pub(super) async fn bela_post(sandbox: &RunningSandbox, body: Value) -> reqwest::Response {
    client()
        .post(format!("{}/api/v2/catalog/search", sandbox.base_url()))
        .json(&body)
        .send()
        .await
        .expect("bela answers")
}

pub(super) async fn search(sandbox: &RunningSandbox, text: &str) -> reqwest::Response {
    match sandbox.kind() {
        MarketplaceKind::Mbiz => mbiz_get(sandbox, &format!("q={text}")).await,
        MarketplaceKind::JatimBejo => jatim_post(sandbox, json!({ "kata_kunci": text })).await,
        MarketplaceKind::Ekatalog => ekatalog_get(sandbox, &format!("keyword={text}")).await,
        MarketplaceKind::PadiUmkm => padi_get(sandbox, &format!("query={text}")).await,
        MarketplaceKind::Bela => bela_post(sandbox, json!({ "keyword": text, "cursor": "" })).await,
    }
}

pub(super) async fn get_json(sandbox: &RunningSandbox, path: &str) -> Value {
    let response = client().get(format!("{}{path}", sandbox.base_url())).send().await.expect("answers");
    response.json().await.expect("JSON body")
}

pub(super) async fn truth(sandbox: &RunningSandbox, query: &str) -> Truth {
    let response =
        client().get(format!("{}/_sandbox/truth?q={query}", sandbox.base_url())).send().await.expect("truth answers");
    response.json().await.expect("truth parses")
}

fn is_dotted_rupiah(text: &str) -> bool {
    let Some(digits) = text.strip_prefix("Rp") else {
        return false;
    };
    let groups: Vec<&str> = digits.split('.').collect();
    !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
}

#[tokio::test]
async fn mbiz_answers_in_its_documented_shape() {
    let sandbox = start(MarketplaceKind::Mbiz).await;
    let response = mbiz_get(&sandbox, "q=kertas&page=2&per_page=5").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("JSON");
    let meta = &body["meta"];
    let total = meta["total"].as_u64().expect("total is a number");
    assert!(total > 10);
    assert_eq!((meta["page"].as_u64(), meta["per_page"].as_u64()), (Some(2), Some(5)));
    assert_eq!(meta["total_pages"].as_u64(), Some(total.div_ceil(5)));
    let data = body["data"].as_array().expect("data is a list");
    assert_eq!(data.len(), 5);
    let truth = truth(&sandbox, "kertas").await;
    for (item, expected) in data.iter().zip(&truth.listings[5..10]) {
        let id = item["id"].as_str().expect("id");
        assert_eq!(id, expected.id);
        assert!(item["name"].as_str().expect("name").to_lowercase().contains("kertas"));
        let price = item["price"].as_str().expect("price is text");
        assert!(is_dotted_rupiah(price), "{price}");
        let shown: u64 = price[2..].replace('.', "").parse().expect("digits");
        let net: u64 = expected.price_excluding_vat.try_into().expect("whole rupiah");
        let rate: u64 = expected.vat_rate.try_into().expect("whole percent");
        assert_eq!(shown * 100, net * (100 + rate), "price includes PPN exactly");
        assert!(item["uom"].is_string() && item["stock"].is_u64() && item["category"].is_string());
        assert_eq!(item["url"], format!("{}/p/{}", sandbox.base_url(), id.to_lowercase()));
        assert!(item["tkdn"].is_null() || item["tkdn"].is_f64());
        let seller = &item["seller"];
        assert_eq!(seller["id"], expected.account.as_str());
        let npwp = seller["npwp"].as_str().expect("npwp");
        assert_eq!((npwp.len(), &npwp[2..3], &npwp[12..13]), (20, ".", "-"), "{npwp}");
        assert!(seller["name"].is_string() && seller["city"].is_string());
    }
    let capped: Value = mbiz_get(&sandbox, "per_page=500").await.json().await.expect("JSON");
    assert_eq!(capped["meta"]["per_page"], 100);
    assert_eq!(capped["data"].as_array().map(Vec::len), Some(100));
}

#[tokio::test]
async fn mbiz_without_the_bearer_token_is_401() {
    let sandbox = start(MarketplaceKind::Mbiz).await;
    let url = format!("{}/api/v1/products?q=kertas", sandbox.base_url());
    for request in [client().get(&url), client().get(&url).bearer_auth("wrong-token")] {
        let response = request.send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["error"], "unauthorized");
        assert!(body["message"].is_string());
    }
    assert_eq!(mbiz_get(&sandbox, "page=0").await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(mbiz_get(&sandbox, "per_page=lots").await.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn jatim_bejo_answers_in_its_documented_shape() {
    let sandbox = start(MarketplaceKind::JatimBejo).await;
    let response = jatim_post(&sandbox, json!({ "kata_kunci": "kertas", "halaman": 2, "jumlah": 3 })).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["status"], "sukses");
    let data = &body["data"];
    assert!(data["total"].as_u64().expect("total") > 6);
    assert_eq!((data["halaman"].as_u64(), data["jumlah"].as_u64()), (Some(2), Some(3)));
    let produk = data["produk"].as_array().expect("produk is a list");
    assert_eq!(produk.len(), 3);
    let truth = truth(&sandbox, "kertas").await;
    for (item, expected) in produk.iter().zip(&truth.listings[3..6]) {
        assert_eq!(item["kode_produk"], expected.id.as_str());
        assert_eq!(item["harga"].as_u64().map(Into::into), Some(expected.price_excluding_vat));
        assert_eq!(item["ppn"].as_u64().map(Into::into), Some(expected.vat_rate));
        let tkdn = item["tkdn"].as_str().expect("tkdn is text");
        assert!(tkdn.is_empty() || tkdn.split(',').all(|p| p.parse::<u32>().is_ok()), "{tkdn}");
        assert!(item["satuan"].is_string() && item["stok"].is_u64() && item["bbi"].is_boolean());
        let tautan = format!("{}/produk/{}", sandbox.base_url(), expected.id);
        assert_eq!(item["tautan"], tautan);
        let toko = &item["toko"];
        assert_eq!(toko["id_toko"], expected.account.as_str());
        assert!(["PT", "CV", "UD", "Koperasi", "Perorangan"].contains(&toko["badan_usaha"].as_str().expect("text")));
        assert!(["Mikro", "Kecil", "Menengah", "Besar"].contains(&toko["kelas_umkm"].as_str().expect("text")));
        let npwp = toko["npwp"].as_str().expect("npwp");
        assert!(npwp.len() == 15 && npwp.bytes().all(|b| b.is_ascii_digit()), "{npwp}");
        assert!(toko["nama_toko"].is_string() && toko["kota"].is_string());
    }
}

#[tokio::test]
async fn jatim_bejo_rejects_a_bad_body_with_400() {
    let sandbox = start(MarketplaceKind::JatimBejo).await;
    let url = format!("{}/api/v1/produk/cari", sandbox.base_url());
    let bodies = [
        client().post(&url).body("not json"),
        client().post(&url),
        client().post(&url).json(&json!({ "halaman": 1 })),
        client().post(&url).json(&json!({ "kata_kunci": 5 })),
        client().post(&url).json(&json!({ "kata_kunci": "kertas", "halaman": 0 })),
    ];
    for request in bodies {
        let response = request.send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["status"], "gagal");
        assert!(body["pesan"].is_string());
    }
    assert_eq!(sandbox.requests_served(), 5, "rejected requests count too");
}

#[tokio::test]
async fn pages_cover_every_match_once_in_a_stable_order() {
    let sandbox = start(MarketplaceKind::Mbiz).await;
    let mut seen = Vec::new();
    for page in 1.. {
        let body: Value =
            mbiz_get(&sandbox, &format!("q=toner&per_page=7&page={page}")).await.json().await.expect("JSON");
        let data = body["data"].as_array().expect("list");
        if data.is_empty() {
            assert_eq!(body["meta"]["total"].as_u64(), Some(seen.len() as u64));
            break;
        }
        seen.extend(data.iter().map(|item| item["id"].as_str().expect("id").to_owned()));
    }
    let expected: Vec<String> = truth(&sandbox, "toner").await.listings.into_iter().map(|l| l.id).collect();
    assert_eq!(seen, expected);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
}

#[tokio::test]
async fn truth_names_the_same_products_and_vendors_on_both_marketplaces() {
    let options = SandboxOptions { products: 1_000, ..SandboxOptions::default() };
    let sandboxes = spawn_all(&options, LOCALHOST).await.expect("all sandboxes start");
    let kinds: Vec<MarketplaceKind> = sandboxes.iter().map(RunningSandbox::kind).collect();
    assert_eq!(kinds, MarketplaceKind::all());
    let (mbiz, jatim) = (truth(&sandboxes[0], "").await, truth(&sandboxes[1], "").await);
    assert_eq!((mbiz.marketplace.as_str(), jatim.marketplace.as_str()), ("mbiz", "jatim-bejo"));
    assert_eq!((mbiz.listings.len(), jatim.listings.len()), (1_000, 1_000));
    let products = |t: &Truth| t.listings.iter().map(|l| l.product.clone()).collect::<HashSet<_>>();
    let vendors = |t: &Truth| t.listings.iter().map(|l| l.vendor.clone()).collect::<HashSet<_>>();
    let on_jatim = products(&jatim);
    let shared = mbiz.listings.iter().filter(|l| on_jatim.contains(&l.product)).count();
    assert!(shared >= 500, "only {shared} of 1000 mbiz listings are also on jatim-bejo");
    assert!(vendors(&mbiz).intersection(&vendors(&jatim)).count() > 10);
    assert!(mbiz.listings.iter().all(|l| l.vat_rate == 11.into() || l.vat_rate.is_zero()));

    let filtered = truth(&sandboxes[1], "kertas hvs").await;
    let total = jatim_post(&sandboxes[1], json!({ "kata_kunci": "kertas hvs" })).await.json::<Value>().await;
    assert_eq!(total.expect("JSON")["data"]["total"].as_u64(), Some(filtered.listings.len() as u64));
    let vendors_doc = get_json(&sandboxes[0], "/_sandbox/vendors").await;
    let maju = vendors_doc["vendors"].as_array().expect("list").iter().find(|v| v["name"] == "PT Maju Jaya Abadi");
    assert_eq!(maju.expect("seed vendor listed")["region"], "35.78");
}

#[tokio::test]
async fn a_bela_listing_and_its_shop_have_pages_where_their_urls_point_and_near_misses_stay_404() {
    let sandbox = start(MarketplaceKind::Bela).await;
    let body: Value = search(&sandbox, "kertas").await.json().await.expect("JSON");
    let item = &body["result"]["products"][0];
    let (url, shop) = (item["url"].as_str().expect("url"), item["merchant"]["url"].as_str().expect("shop url"));
    let page = |url: String| async move {
        let response = client().get(url).send().await.expect("answers");
        (response.status(), response.text().await.expect("text"))
    };
    let (status, html) = page(url.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{url}");
    assert!(html.contains(item["sku"].as_str().expect("sku")) && html.contains("sandbox"), "{html}");
    let (status, html) = page(shop.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{shop}");
    let name = item["merchant"]["name"].as_str().expect("name").replace('&', "&amp;");
    assert!(html.contains(&format!("<h1>{name}</h1>")) && html.contains(url.trim_start_matches(&sandbox.base_url())));
    // The number alone does not make a page: the path must be the listing's own.
    let id = item["sku"].as_str().expect("sku").to_lowercase();
    for near in [format!("/p/{id}"), format!("/produk/{id}x"), "/produk/bl-9999999".into(), "/toko/bm-99999".into()] {
        let (status, body) = page(format!("{}{near}", sandbox.base_url())).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{near}: {body}");
        assert!(body.contains("not_found"), "{near}: the JSON 404, {body}");
    }
}

#[tokio::test]
async fn unknown_paths_get_a_json_404() {
    let sandbox = start(MarketplaceKind::JatimBejo).await;
    let response = client().get(format!("{}/nope", sandbox.base_url())).send().await.expect("answers");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.json::<Value>().await.expect("JSON")["error"], "not_found");
    assert!(sandbox.base_url().starts_with("http://127.0.0.1:"));
    assert_eq!(get_json(&sandbox, "/_sandbox").await["marketplace"], "jatim-bejo");
}

#[test]
fn marketplace_ids_parse_back_to_their_kind() {
    for &kind in MarketplaceKind::all() {
        assert_eq!(kind.id().parse::<MarketplaceKind>(), Ok(kind));
        assert_eq!(kind.to_string(), kind.id());
    }
    assert!("tokopedia".parse::<MarketplaceKind>().is_err());
}
