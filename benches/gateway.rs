//! Gateway benchmarks: `cargo bench --bench gateway`.
//!
//! - `fan_out/5x50ms`: a search over the five sandboxes that each take 50 ms, cache bypassed. The
//!   target is the slowest marketplace plus about a millisecond, not the sum (250 ms).
//! - `fan_out/5x0ms`: the same with instant marketplaces: the gateway's own cost per search
//!   (five HTTP calls, normalisation, merging, GraphQL) on a machine shared with the sandboxes.
//! - `cache_hit`: the same search served from the cache, over HTTP.
//! - `sandbox/100k`: one sandbox search over 100 000 listings, over HTTP.
//! - `normalize/parse_price`: the price reader over the formats of domain.md §4.1.
//! - `normalize/page20`: one 20-offer page normalised (prices, PPN, units, vendors, regions).
//! - `merge/5x40`: five marketplaces' 40-offer pages merged into a 40-offer relevance page.
//! - `read/…`: a 10-item page of the bundled mbiz sample's items read through its adapter file: `scan`
//!   walks the page and keeps its items as text; `new` reads every item into fields through an
//!   empty item memo (each item as if never seen), `no_memo` the same without one, `known`
//!   through a memo that knows every item by its bytes (an item sent again).
//!
//! `cache_hit` is the hit path: a stored finished response, replayed (see
//! `src/graphql/response_cache.rs`).

use criterion::{Criterion, criterion_group, criterion_main};
use pasar::sandbox::{self, RunningSandbox, SandboxOptions};
use pasar::{Application, Config};
use pasar::{Env, Override};
use serde_json::json;
use std::hint::black_box;
use std::time::Duration;

const SEARCH: &str = "query($q: String!, $noCache: Boolean) { search(query: $q, first: 20, noCache: $noCache) { complete offers { edges { node { id price { amountIncludingVat } } } } } }";

struct Bench {
    url: String,
    client: reqwest::Client,
    _sandboxes: Vec<RunningSandbox>,
}

async fn start(products: usize, latency: Duration) -> Bench {
    let options = SandboxOptions { products, ..SandboxOptions::default() };
    let sandboxes = sandbox::spawn_all(&options, "127.0.0.1".parse().expect("ip")).await.expect("sandboxes");
    let mut config = Config { listen: "127.0.0.1:0".parse().expect("addr"), ..Config::default() };
    config.adapters_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/adapters").into();
    config.egress.allow_private = true;
    config.limits.rate.per_second = 0;
    for s in &sandboxes {
        s.faults().set_latency(latency);
        let o = Override { base_url: Some(s.base_url()), timeout: Some(Duration::from_secs(2)), ..Override::default() };
        config.marketplaces.insert(s.kind().id().to_string(), o);
    }
    let env = Env::isolated()
        .with(pasar::demo::MBIZ_TOKEN_ENV, options.mbiz_token.clone())
        .with(pasar::demo::EKATALOG_KEY_ENV, options.ekatalog_key.clone());
    let app = Application::build(&config, env).await.expect("gateway");
    let url = format!("http://127.0.0.1:{}/graphql", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder().no_proxy().build().expect("client");
    Bench { url, client, _sandboxes: sandboxes }
}

async fn search(bench: &Bench, query: &str, no_cache: bool) {
    let body = json!({ "query": SEARCH, "variables": { "q": query, "noCache": no_cache } });
    let response = bench.client.post(&bench.url).json(&body).send().await.expect("answer");
    black_box(response.bytes().await.expect("body"));
}

fn gateway(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let slow = runtime.block_on(start(2_000, Duration::from_millis(50)));
    let mut group = c.benchmark_group("fan_out");
    group.sample_size(20);
    group.bench_function("5x50ms", |b| b.to_async(&runtime).iter(|| search(&slow, "kertas", true)));
    let fast = runtime.block_on(start(2_000, Duration::ZERO));
    group.bench_function("5x0ms", |b| b.to_async(&runtime).iter(|| search(&fast, "kertas", true)));
    group.finish();
    runtime.block_on(search(&slow, "toner", false));
    c.bench_function("cache_hit", |b| b.to_async(&runtime).iter(|| search(&slow, "toner", false)));

    let big = runtime.block_on(start(100_000, Duration::ZERO));
    let mbiz = big._sandboxes.iter().find(|s| s.kind().id() == "jatim-bejo").map(|s| s.base_url()).expect("jatim-bejo");
    let body = json!({ "kata_kunci": "kertas hvs a4", "halaman": 1, "jumlah": 20 });
    c.bench_function("sandbox/100k", |b| {
        b.to_async(&runtime).iter(|| async {
            let r = big.client.post(format!("{mbiz}/api/v1/produk/cari")).json(&body).send().await.expect("answer");
            black_box(r.bytes().await.expect("body"));
        })
    });
}

fn normalize(c: &mut Criterion) {
    use pasar::normalize::price::{Locale, parse_price};
    let texts = [
        "Rp35.921.908.461",
        "Rp 1.250.000,00",
        "IDR 1,250,000.00",
        "Rp. 65.000,-",
        "1,25 jt",
        "Rp120rb - Rp150rb",
        "Rp 75.000/rim",
        "Rp 1.250.000 (termasuk PPN)",
    ];
    c.bench_function("normalize/parse_price", |b| {
        b.iter(|| {
            for text in texts {
                black_box(parse_price(black_box(text), Locale::Id));
            }
        })
    });
}

/// Twenty realistic items as an adapter extracts them: varied price texts, units, vendors and
/// locations, as a marketplace page has them.
fn raw_page(marketplace: usize) -> Vec<pasar::bench_support::RawOffer> {
    use pasar::bench_support::{RawOffer, RawValue, ValueFormat, VatPolicy};
    let vat = std::sync::Arc::new(VatPolicy {
        includes_vat: Some(true),
        rate: rust_decimal::Decimal::from(11),
        rules: Vec::new(),
    });
    let prices = ["Rp 65.000", "Rp1.250.000", "75000", "Rp 35.500,00", "1,25 jt"];
    let units = ["Rim isi 500 Lembar", "Box (5 Rim)", "Pcs", "Lusin isi 12 Pcs", "Unit"];
    let vendors = ["PT Sinar Jaya Abadi", "CV. Maju Bersama", "Toko Berkah ATK", "PT. Kertas Nusantara Tbk"];
    let regions = ["Kota Surabaya", "Kab. Sidoarjo", "Jakarta Selatan", "Kota Bandung, Jawa Barat"];
    (0..20)
        .map(|i| RawOffer {
            source_id: format!("{marketplace}-{i}"),
            title: format!("Kertas HVS A4 70 gsm Sinar Dunia {}", units[i % units.len()]),
            url: Some(format!("https://example.co.id/p/{marketplace}-{i}")),
            price: RawValue { value: json!(prices[i % prices.len()]), format: ValueFormat::IdrText },
            vat: std::sync::Arc::clone(&vat),
            unit: Some(units[i % units.len()].into()),
            stock: Some(RawValue { value: json!(i * 7), format: ValueFormat::Number }),
            tkdn: Some(RawValue { value: json!("45,5%"), format: ValueFormat::PercentText }),
            bmp: None,
            bbi: Some(RawValue { value: json!(true), format: ValueFormat::Boolean }),
            vendor_id: Some(format!("v{}", i % 4)),
            vendor_name: vendors[i % vendors.len()].into(),
            vendor_legal_form: None,
            vendor_npwp: Some("01.234.567.8-901.000".into()),
            vendor_scale: Some("Kecil".into()),
            vendor_region: Some(regions[i % regions.len()].into()),
            ..RawOffer::default()
        })
        .collect()
}

fn pipeline(c: &mut Criterion) {
    use criterion::BatchSize;
    use pasar::bench_support::{merge, normalize_page};
    let raws = raw_page(0);
    c.bench_function("normalize/page20", |b| {
        b.iter_batched(|| raws.clone(), |raws| black_box(normalize_page("mbiz", raws)), BatchSize::SmallInput)
    });
    let pages: Vec<_> = ["mbiz", "jatim-bejo", "ekatalog", "padi-umkm", "bela"]
        .iter()
        .enumerate()
        .map(|(m, id)| normalize_page(id, [raw_page(m), raw_page(m + 10)].concat()))
        .collect();
    assert!(pages.iter().all(|p| p.len() == 40), "every page has 40 offers");
    c.bench_function("merge/5x40", |b| b.iter(|| assert_eq!(black_box(merge(&pages, 40)), 40)));
    read(c);
}

fn read(c: &mut Criterion) {
    use criterion::BatchSize;
    use pasar::bench_support::{Memo, PageReader};
    let reader = PageReader::new(include_str!("../adapters/mbiz.toml"));
    // The bundled sample's four items made ten, as a page the load bench reads at `first: 20`.
    let mut page: serde_json::Value =
        serde_json::from_str(include_str!("../adapters/samples/mbiz.json")).expect("json");
    let four = page["data"].as_array().expect("the sample's items").clone();
    page["data"] = (0..10)
        .map(|i| {
            let mut item = four[i % four.len()].clone();
            item["id"] = json!(format!("MBZ-{i:07}"));
            item
        })
        .collect();
    let sample = serde_json::to_vec(&page).expect("page");
    let sample = sample.as_slice();
    assert_eq!((reader.read(sample, None), reader.scan(sample)), (10, 10), "ten items are read");
    c.bench_function("read/scan", |b| b.iter(|| black_box(reader.scan(sample))));
    c.bench_function("read/no_memo", |b| b.iter(|| black_box(reader.read(sample, None))));
    c.bench_function("read/new", |b| {
        b.iter_batched_ref(Memo::default, |memo| black_box(reader.read(sample, Some(memo))), BatchSize::SmallInput)
    });
    let memo = Memo::default();
    reader.read(sample, Some(&memo));
    c.bench_function("read/known", |b| b.iter(|| black_box(reader.read(sample, Some(&memo)))));
}

criterion_group!(benches, gateway, normalize, pipeline);
criterion_main!(benches);
