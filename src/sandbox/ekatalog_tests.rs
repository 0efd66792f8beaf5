//! The `ekatalog` sandbox: its v6 shape, API key, offset paging, and the vendor identifiers
//! (NIB, NPWP16) that LKPP keys vendors by.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::Value;

use super::api_tests::{LOCALHOST, client, ekatalog_get, get_json, start, truth};
use super::{Catalogue, FaultMode, MarketplaceKind, SandboxOptions, spawn};

fn is_percent_text(text: &str) -> bool {
    text.is_empty()
        || text.split_once('.').is_some_and(|(whole, frac)| {
            !whole.is_empty() && frac.len() == 2 && format!("{whole}{frac}").bytes().all(|b| b.is_ascii_digit())
        })
}

fn digits(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit())
}

#[tokio::test]
async fn ekatalog_answers_in_its_documented_v6_shape() {
    let sandbox = start(MarketplaceKind::Ekatalog).await;
    let response = ekatalog_get(&sandbox, "keyword=kertas&offset=5&limit=5").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("JSON");
    let truth = truth(&sandbox, "kertas").await;
    let meta = &body["meta"];
    assert_eq!(meta["total"].as_u64(), Some(truth.listings.len() as u64));
    assert_eq!((meta["offset"].as_u64(), meta["limit"].as_u64()), (Some(5), Some(5)));
    let vendors_doc = get_json(&sandbox, "/_sandbox/vendors").await;
    let vendors: HashMap<&str, &Value> = vendors_doc["vendors"]
        .as_array()
        .expect("vendors")
        .iter()
        .map(|v| (v["account"].as_str().expect("account"), v))
        .collect();
    let data = body["data"].as_array().expect("data is a list");
    assert_eq!(data.len(), 5);
    for (item, expected) in data.iter().zip(&truth.listings[5..10]) {
        assert_eq!(item["kd_produk"], expected.id.as_str());
        assert_eq!(item["nama_produk"], expected.title.as_str());
        assert_eq!(item["harga"], format!("{}.00", expected.price_excluding_vat), "a decimal string excluding PPN");
        assert_eq!(item["ppn_persen"], expected.vat_rate.to_string());
        assert!(digits(item["kbki"].as_str().expect("kbki"), 5), "{item}");
        let (tkdn, bmp) = (item["tkdn_produk"].as_str().expect("text"), item["nilai_bmp"].as_str().expect("text"));
        assert!(is_percent_text(tkdn) && is_percent_text(bmp), "{tkdn:?} {bmp:?}");
        assert!(bmp.is_empty() || !tkdn.is_empty(), "BMP only beside a TKDN");
        assert!(["PDN", "IMPOR"].contains(&item["jenis_produk"].as_str().expect("text")));
        assert!(item["satuan"].is_string() && item["stok"].is_u64());
        let url = item["url"].as_str().expect("url");
        assert!(url.starts_with(&format!("{}/", sandbox.base_url())), "{url}");
        assert!(url.ends_with(&expected.id.to_lowercase()), "{url}");

        let penyedia = &item["penyedia"];
        let kode = penyedia["kode_penyedia"].as_str().expect("kode_penyedia");
        assert_eq!(kode, expected.account);
        assert!(kode.len() == 26 && kode.starts_with("01"), "ULID-like: {kode}");
        let vendor = vendors[kode];
        assert_eq!(penyedia["kode_wilayah"], vendor["region"]);
        assert_eq!(penyedia["nama_penyedia"], vendor["name"].as_str().expect("name").to_uppercase());
        assert_eq!(
            penyedia["skala_usaha"].as_str().map(str::to_lowercase),
            vendor["scale"].as_str().map(str::to_owned)
        );
        assert!(digits(penyedia["nib"].as_str().expect("nib"), 13));
        let npwp16 = penyedia["npwp16"].as_str().expect("npwp16");
        assert!(digits(npwp16, 16), "{npwp16}");
        match penyedia["bentuk_usaha"].as_str().expect("bentuk_usaha") {
            "UD" | "Perorangan" => assert!(!npwp16.starts_with('0'), "a sole trader's NPWP16 is a NIK: {npwp16}"),
            "PT" | "CV" | "Koperasi" => assert_eq!(npwp16, format!("0{}", vendor["npwp15"].as_str().expect("npwp15"))),
            other => panic!("unexpected bentuk_usaha {other}"),
        }
        assert!(penyedia["status_umkk"] == 0 || penyedia["status_umkk"] == 1);
    }
}

#[tokio::test]
async fn ekatalog_without_its_api_key_is_401_and_bad_paging_is_400() {
    let options = SandboxOptions { products: 500, ekatalog_key: "rahasia-123".to_owned(), ..SandboxOptions::default() };
    let catalogue = Arc::new(Catalogue::generate(options.products, options.seed));
    let sandbox = spawn(MarketplaceKind::Ekatalog, catalogue, &options, SocketAddr::new(LOCALHOST, 0))
        .await
        .expect("binds port 0");
    let url = format!("{}/api/v6/produk?keyword=kertas", sandbox.base_url());
    for request in [client().get(&url), client().get(&url).header("X-Api-Key", "sandbox-ekatalog-key")] {
        let response = request.send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: Value = response.json().await.expect("JSON");
        assert_eq!((body["status"].as_str(), body["code"].as_u64()), (Some("error"), Some(401)));
        assert!(body["message"].is_string());
    }
    let with_key = |query: &str| client().get(format!("{url}&{query}")).header("X-Api-Key", "rahasia-123").send();
    assert_eq!(with_key("").await.expect("answers").status(), StatusCode::OK);
    for bad in ["offset=-1", "offset=abc", "limit=0", "limit=lots"] {
        let response = with_key(bad).await.expect("answers");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(response.json::<Value>().await.expect("JSON")["code"], 400);
    }
    assert_eq!(sandbox.requests_served(), 7, "rejected requests count too");
}

#[tokio::test]
async fn ekatalog_caps_the_limit_at_100_and_offsets_cover_every_match_once() {
    let sandbox = start(MarketplaceKind::Ekatalog).await;
    let capped: Value = ekatalog_get(&sandbox, "limit=500").await.json().await.expect("JSON");
    assert_eq!(capped["meta"]["limit"], 100);
    assert_eq!(capped["data"].as_array().map(Vec::len), Some(100));

    let mut seen = Vec::new();
    loop {
        let query = format!("keyword=toner&limit=7&offset={}", seen.len());
        let body: Value = ekatalog_get(&sandbox, &query).await.json().await.expect("JSON");
        let data = body["data"].as_array().expect("list");
        if data.is_empty() {
            assert_eq!(body["meta"]["total"].as_u64(), Some(seen.len() as u64));
            break;
        }
        seen.extend(data.iter().map(|item| item["kd_produk"].as_str().expect("id").to_owned()));
    }
    let expected: Vec<String> = truth(&sandbox, "toner").await.listings.into_iter().map(|l| l.id).collect();
    assert_eq!(seen, expected);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
}

#[tokio::test]
async fn ekatalog_faults_answer_in_its_own_error_shape() {
    let sandbox = start(MarketplaceKind::Ekatalog).await;
    sandbox.faults().set_mode(FaultMode::Status(503));
    let response = ekatalog_get(&sandbox, "keyword=kertas").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!((body["status"].as_str(), body["code"].as_u64()), (Some("error"), Some(503)));
}

#[test]
fn nib_and_npwp16_identify_the_legal_entity_as_lkpp_expects() {
    let catalogue = Catalogue::generate(100_000, 42);
    let mut nib_of_entity: HashMap<u32, String> = HashMap::new();
    let mut entity_of_nib: HashMap<String, u32> = HashMap::new();
    let mut niks: HashMap<String, u32> = HashMap::new();
    for vendor in &catalogue.vendors {
        let nib = vendor.nib();
        assert!(digits(&nib, 13), "{nib}");
        assert_eq!(nib_of_entity.entry(vendor.entity).or_insert_with(|| nib.clone()), &nib, "one NIB per entity");
        assert_eq!(*entity_of_nib.entry(nib).or_insert(vendor.entity), vendor.entity, "NIBs are never shared");
        let npwp16 = vendor.npwp16();
        assert!(digits(&npwp16, 16), "{npwp16}");
        match &vendor.nik {
            Some(nik) => {
                assert!(!nik.starts_with('0'), "{nik}");
                assert_eq!(*niks.entry(nik.clone()).or_insert(vendor.entity), vendor.entity, "NIKs are never shared");
            }
            None => assert_eq!(npwp16, format!("0{}", vendor.npwp15)),
        }
    }
    assert!(niks.len() > 100, "only {} sole traders", niks.len());
}

#[test]
fn seller_codes_are_distinct_ulid_like_strings() {
    let codes: HashSet<String> = (1..=20_000).map(super::ekatalog::account_id).collect();
    assert_eq!(codes.len(), 20_000);
    const CROCKFORD: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    assert!(codes.iter().all(|c| c.len() == 26 && c.starts_with("01") && c.chars().all(|ch| CROCKFORD.contains(ch))));
}
