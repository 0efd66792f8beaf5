//! The spending report page: server-rendered, both charts drawn in Chromium, a stopped
//! marketplace named, and the same figures as a spreadsheet and a CSV.

use crate::browser::{Page, artifact};
use crate::buyer_survey::read_workbook;
use crate::helpers::spawn_app;
use pasar::sandbox::MarketplaceKind;

#[tokio::test]
async fn the_belanja_page_renders_both_charts_and_the_ranking_with_kota_kediri_highlighted_in_chromium() {
    let app = spawn_app().await;
    let url = format!("{}/belanja?wilayah=35.71&tahun=2022", app.address);
    let (dom_url, shot_url) = (url.clone(), url.clone());
    let dom = tokio::task::spawn_blocking(move || Page::new(&dom_url).dom()).await.expect("chromium ran");
    assert!(dom.contains("Belanja Kota Kediri 2022"), "{dom}");
    for chart in ["chart-month", "chart-marketplace"] {
        let at = dom.find(&format!("id=\"{chart}\"")).unwrap_or_else(|| panic!("{chart} is on the page"));
        let svg = &dom[at..at + dom[at..].find("</svg>").expect("the chart closes")];
        assert!(svg.matches("<rect").count() >= 5, "{chart} has its bars: {svg}");
    }
    assert_eq!(dom.matches("class=\"highlight\"").count(), 1, "one Pemda highlighted");
    let row = &dom[dom.find("class=\"highlight\"").expect("highlighted")..];
    assert!(row[..400].contains("Kota Kediri") && row[..200].contains(">2<"), "Kota Kediri second: {}", &row[..400]);
    assert!(!dom.contains("id=\"incomplete\""), "every marketplace answered");
    assert!(!dom.contains("id=\"ranking-incomplete\""), "no total is marked incomplete");
    let shot = artifact("belanja-35.71-2022.png");
    let path = shot.clone();
    tokio::task::spawn_blocking(move || Page { height: 2400, ..Page::new(&shot_url).width(1100) }.screenshot(&path))
        .await
        .expect("shot");
    // The committed screenshot in docs/ is refreshed on request, like the schema.
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/belanja-kota-kediri-2022.png");
        std::fs::copy(&shot, docs).expect("screenshot copied to docs/");
    }
}

#[tokio::test]
async fn a_stopped_marketplace_is_named_on_the_page_and_the_report_downloads_as_xlsx_and_csv() {
    let mut app = spawn_app().await;
    let bela = app.sandboxes.iter().position(|s| s.kind() == MarketplaceKind::Bela).expect("bela runs");
    app.sandboxes.remove(bela).stop().await;
    let get = |path: &str| app.client.get(format!("{}{path}", app.address)).send();
    let page = get("/belanja?wilayah=35.71&tahun=2022").await.expect("page").text().await.expect("html");
    let warning = &page[page.find("id=\"incomplete\"").expect("the page says the data is incomplete")..];
    let unreachable = "Bela Pengadaan (toko daring) (tidak dapat dihubungi: koneksi ditolak)";
    assert!(warning[..400].contains(unreachable), "{}", &warning[..400]);
    // The ranking's totals marked `*` say what the mark means.
    assert!(page.contains(" *</td>") && page.contains("id=\"ranking-incomplete\""), "{page}");
    let csv = get("/belanja.csv?wilayah=35.71&tahun=2022").await.expect("csv");
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    // Bytes, not `text()`, which drops a byte-order mark.
    let bytes = csv.bytes().await.expect("bytes");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Marketplace;Jatim Bejo;35921908461;"), "{text}");
    // The file says whose year it is, its largest vendors, and that it is UTF-8.
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark");
    assert!(text.contains("Total;Kota Kediri (35.71), tahun 2022;"), "{text:.300}");
    assert!(text.contains("\nPenyedia terbesar;"), "{text}");
    // When it was made, as the survey says it (review33w W33-7).
    assert!(text.contains("\nDibuat;oleh Pasar pada 20") && text.contains(" WIB;;;\n"), "{text:.400}");
    assert!(page.contains("id=\"made\">Dibuat oleh Pasar pada 20"), "{page:.2000}");
    // A report sent on without its page still says what its total leaves out: read within 10 s
    // of the page, the marketplace that failed then is skipped, and the report says so and why.
    let skipped = "Bela Pengadaan (toko daring) (dilewati sementara: saat terakhir ditanya, tidak dapat dihubungi: koneksi ditolak)";
    let unread = format!("\nData belum lengkap;{skipped} tidak dapat dibaca");
    assert!(text.contains(&unread), "{text:.600}");
    assert!(text.contains("\nPeringkat 2 (belum lengkap);Kota Kediri;"), "{text}");
    assert!(!text.contains("\nPeringkat 2;"), "every total lacks bela's part: {text}");
    let xlsx = get("/belanja.xlsx?wilayah=35.71&tahun=2022").await.expect("xlsx");
    assert!(xlsx.headers()["content-type"].to_str().expect("type").contains("spreadsheetml"));
    let bytes = xlsx.bytes().await.expect("bytes");
    assert!(bytes.starts_with(b"PK") && bytes.len() > 2_000, "a zip workbook");
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("belanja.xlsx"), &bytes).expect("write");
    let book = read_workbook(&dir.path().join("belanja.xlsx"));
    let total = &book[0]["rows"][1];
    assert_eq!(total[1]["value"], "Kota Kediri (35.71), tahun 2022", "{total}");
    assert_eq!(total[2]["value"].as_f64(), Some(76_622_243_782.0), "the CSV's total, as a number: {total}");
    // Amounts in rupiah, as the survey's workbook writes them (review37s R37s-11).
    assert_eq!(
        (&total[2]["format"], &total[3]["format"]),
        (&serde_json::json!("\"Rp\"#,##0.00"), &serde_json::json!("\"Rp\"#,##0.00")),
        "{total}"
    );
    let bad = get("/belanja?wilayah=99.99&tahun=2022").await.expect("answer");
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.expect("text").contains("BAD_USER_INPUT"));
}

#[tokio::test]
async fn a_wrong_or_missing_parameter_is_refused_in_indonesian_naming_each_one() {
    let app = spawn_app().await;
    // The downloads refuse in plain text; the page asks again (next test).
    let refusal = |query: &'static str| {
        let url = format!("{}/belanja.csv{query}", app.address);
        let client = app.client.clone();
        async move {
            let answer = client.get(url).send().await.expect("answer");
            assert_eq!(answer.status(), 400, "{query}");
            answer.text().await.expect("text")
        }
    };
    let bare = refusal("").await;
    assert!(
        bare.contains("Wilayah (wilayah) harus diisi") && bare.contains("Tahun (tahun) harus berupa angka"),
        "{bare}"
    );
    let region = refusal("?wilayah=99.99&tahun=2022").await;
    assert!(region.starts_with("\"99.99\" bukan kode Kemendagri provinsi, kabupaten atau kota"), "{region}");
    let year = refusal("?wilayah=35.71&tahun=1999").await;
    assert!(year.starts_with("Tahun 1999 di luar 2000–"), "{year}");
    // A repeated parameter counts by its last value, as on the comparison pages.
    let repeated = refusal("?wilayah=35.71&tahun=2022&tahun=1999").await;
    assert!(repeated.starts_with("Tahun 1999 di luar 2000–"), "{repeated}");
    let twice = app.client.get(format!("{}/belanja?wilayah=99&wilayah=35.71&tahun=2022", app.address));
    let twice = twice.send().await.expect("page");
    assert_eq!(twice.status(), 200);
    assert!(twice.text().await.expect("html").contains("Belanja Kota Kediri 2022"));
    let huge = refusal("?wilayah=35.71&tahun=99999999999").await;
    assert!(huge.starts_with("Tahun 99999999999 bukan tahun yang mungkin"), "a number, out of range: {huge}");
    // Below i32 too: a number, not "harus berupa angka" (review38h R38h-9).
    let negative = refusal("?wilayah=35.71&tahun=-2147483649").await;
    assert!(negative.starts_with("Tahun -2147483649 bukan tahun yang mungkin"), "{negative}");
    for text in [bare, region, year, huge] {
        assert!(text.trim_end().ends_with("(BAD_USER_INPUT)"), "{text}");
    }
    let xlsx = app.client.get(format!("{}/belanja.xlsx?tahun=2022", app.address)).send().await.expect("xlsx");
    assert_eq!(xlsx.status(), 400);
    assert!(xlsx.text().await.expect("text").starts_with("Wilayah (wilayah) harus diisi"));
    // The page is written in Indonesian only: it offers no English version it cannot give.
    let page = app.client.get(format!("{}/belanja?wilayah=35.71&tahun=2022", app.address)).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("<h1") && !html.contains(">English<"), "no English link");
}

#[tokio::test]
async fn the_bare_page_is_a_form_and_a_wrong_value_comes_back_in_it_marked_with_what_is_wrong() {
    let app = spawn_app().await;
    let get = |query: &'static str| {
        let url = format!("{}/belanja{query}", app.address);
        let client = app.client.clone();
        async move {
            let answer = client.get(url).send().await.expect("answer");
            let status = answer.status().as_u16();
            assert!(answer.headers()["content-type"].to_str().expect("type").starts_with("text/html"), "{query}");
            let html = answer.text().await.expect("html");
            // What follows the embedded stylesheet (whose selectors name the same attributes).
            let body = html.split_once("</style>").expect("a page").1.to_string();
            (status, body)
        }
    };
    let (status, bare) = get("").await;
    assert_eq!(status, 200, "opened bare, the page asks; nothing was wrong");
    assert!(
        bare.contains(r#"action="/belanja""#) && bare.contains(r#"name="wilayah""#) && bare.contains(r#"name="tahun""#)
    );
    assert!(!bare.contains(r#"id="errors""#) && !bare.contains("aria-invalid"), "no error before anything was given");

    let (status, wrong) = get("?wilayah=99.99&tahun=2022").await;
    assert_eq!(status, 400);
    let errors = &wrong[wrong.find(r#"id="errors""#).expect("the reasons above the form")..];
    assert!(errors.contains("&quot;99.99&quot; bukan kode Kemendagri"), "{errors}");
    assert!(wrong.contains(r#"data-code="BAD_USER_INPUT""#));
    assert!(wrong.contains(r#"value="99.99""#) && wrong.contains(r#"value="2022""#), "the values given are kept");
    let marked: Vec<&str> = wrong
        .match_indices(r#"aria-invalid="true""#)
        .map(|(at, _)| wrong.get(at.saturating_sub(200)..at).unwrap_or_default())
        .collect();
    assert_eq!(marked.len(), 1, "only the region is wrong: {marked:?}");
    assert!(marked[0].contains(r#"name="wilayah""#), "{marked:?}");

    let (status, year) = get("?wilayah=35.71&tahun=1999").await;
    assert_eq!(status, 400);
    let input = &year[year.find(r#"id="tahun""#).expect("year field")..];
    let tag = &input[..input.find('>').expect("the tag ends")];
    assert!(tag.contains(r#"aria-invalid="true""#), "the year is marked: {tag}");
    assert!(year.contains("Tahun 1999 di luar 2000–"));
}

#[tokio::test]
async fn a_buyer_without_transactions_is_told_so_and_a_province_where_its_kota_are() {
    let app = spawn_app().await;
    let page = |query: &'static str| {
        let (client, url) = (app.client.clone(), format!("{}/belanja?{query}", app.address));
        async move { client.get(url).send().await.expect("page").text().await.expect("html") }
    };
    let province = page("wilayah=35&tahun=2022").await;
    let count = province.split(r#"id="count">"#).nth(1).and_then(|rest| rest.split('<').next());
    assert_eq!(count, Some("0"), "the province government itself buys nothing in the sandboxes' ledgers");
    assert!(province.contains(r#"id="empty""#) && province.contains("belanja kabupaten dan kotanya ada di peringkat"));
    let kota = page("wilayah=35.71&tahun=2022").await;
    assert!(!kota.contains(r#"id="empty""#), "Kota Kediri has transactions");
}

#[tokio::test]
async fn a_year_without_transactions_says_so_on_the_page_and_in_the_download_instead_of_ranking_every_pemda_at_rp0() {
    let app = spawn_app().await;
    let get = |path: &'static str| {
        let (client, url) = (app.client.clone(), format!("{}{path}", app.address));
        async move { client.get(url).send().await.expect("answers").text().await.expect("text") }
    };
    // The sandboxes' ledgers hold 2022–2024 only.
    let empty = get("/belanja?wilayah=35.71&tahun=2025").await;
    assert!(empty.contains(r#"id="ranking-empty""#), "the ranking says nobody is ranked");
    assert!(!empty.contains(r#"id="ranking""#), "no table of Pemdas all at Rp0");
    assert_eq!(empty.matches("<p class=\"note\">Tidak ada.</p>").count(), 2, "no payment methods, no vendors");
    let csv = get("/belanja.csv?wilayah=35.71&tahun=2025").await;
    assert!(csv.contains("Total;Kota Kediri (35.71), tahun 2025;0;0;0"), "{csv}");
    assert!(!csv.contains("Peringkat"), "the download ranks nobody either: {csv}");
    let full = get("/belanja?wilayah=35.71&tahun=2022").await;
    assert!(full.contains(r#"id="ranking""#) && !full.contains(r#"id="ranking-empty""#));
    let ranked = get("/belanja.csv?wilayah=35.71&tahun=2022").await;
    assert!(ranked.contains("Peringkat 1;"), "a year with transactions is ranked in the download: {ranked}");
    assert!(!full.contains("Tidak ada."), "a year with transactions lists its payments and vendors");
}

#[tokio::test]
async fn a_hanging_marketplace_leaves_a_kabupaten_report_incomplete_within_the_request_timeout() {
    // A ranking of 29 kabupaten once waited out the hanging marketplace's 5 s ledger deadline
    // for each of them, and the page answered an empty 408.
    // Marketplace deadlines of 2 s: ledger calls get their least, 5 s.
    let app = crate::helpers::spawn_app_with(crate::helpers::TestOptions {
        timeout: std::time::Duration::from_secs(2),
        configure: std::sync::Arc::new(|config| config.http.request_timeout = std::time::Duration::from_secs(12)),
        ..Default::default()
    })
    .await;
    app.sandbox("bela").faults().set_mode(pasar::sandbox::FaultMode::Hang);
    let get = |path: &'static str| app.client.get(format!("{}{path}", app.address)).send();
    let (page, csv) =
        tokio::join!(get("/belanja?wilayah=35.06&tahun=2022"), get("/belanja.csv?wilayah=35.06&tahun=2022"));
    let (page, csv) = (page.expect("page"), csv.expect("csv"));
    assert_eq!((page.status().as_u16(), csv.status().as_u16()), (200, 200));
    let html = page.text().await.expect("html");
    assert!(html.contains("tidak menjawab dalam 5000 ms"), "{html}");
    assert!(csv.text().await.expect("text").contains("Peringkat 1 (belum lengkap);"));
}

#[tokio::test]
async fn a_marketplace_down_for_one_pemda_of_a_ranking_is_not_asked_for_the_others() {
    let app = spawn_app().await;
    let jatim = app.sandbox("jatim-bejo");
    jatim.faults().set_mode(pasar::sandbox::FaultMode::Status(503));
    jatim.reset_stats();
    let query = r#"{ spendingRanking(province: "35", year: 2022, marketplace: "jatim-bejo") { complete } }"#;
    let answer = app.graphql(query, serde_json::json!({})).await;
    let rows = answer["data"]["spendingRanking"].as_array().unwrap_or_else(|| panic!("rows: {answer}"));
    assert_eq!(rows.len(), 38);
    assert!(rows.iter().all(|r| r["complete"] == false), "{answer}");
    // At most the ranking's first wave of six is asked before the first answer comes back.
    assert!(jatim.requests_served() <= 6, "{} calls for 38 Pemdas", jatim.requests_served());
}

#[tokio::test]
async fn an_unknown_lang_is_refused_in_the_form_as_the_comparison_page_refuses_it() {
    let app = spawn_app().await;
    let get = |path: &'static str| {
        let (client, url) = (app.client.clone(), format!("{}{path}", app.address));
        async move {
            let answer = client.get(url).send().await.expect("answers");
            (answer.status().as_u16(), answer.text().await.expect("text"))
        }
    };
    // What `/` does with it, which /belanja follows.
    let (status, comparison) = get("/?q=kertas&lang=fr").await;
    assert!(status == 400 && comparison.contains("<title>Kesalahan: "), "{status}: {comparison}");
    let refused = "Bahasa (lang) &quot;fr&quot; tidak tersedia; pilihan: id atau en.";
    let (status, page) = get("/belanja?wilayah=35.71&tahun=2022&lang=fr").await;
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("<title>Kesalahan: ") && page.contains(refused), "{page}");
    assert!(page.contains(r#"value="35.71""#) && page.contains(r#"value="2022""#), "the values given are kept");
    assert!(!page.contains("Belanja Kota Kediri 2022"), "no report under a refused value");
    let (status, bare) = get("/belanja?lang=fr").await;
    assert!(status == 400 && bare.contains(refused), "said even with nothing else given: {status}: {bare}");
    assert!(!bare.contains("harus diisi"), "opened bare, only the language is wrong: {bare}");
    let (status, csv) = get("/belanja.csv?wilayah=35.71&tahun=2022&lang=fr").await;
    assert!(status == 400 && csv.trim_end().ends_with("(BAD_USER_INPUT)"), "{status}: {csv}");
    // The languages `/` accepts still give the report, in Indonesian as before.
    for query in ["/belanja?wilayah=35.71&tahun=2022&lang=en", "/belanja?wilayah=35.71&tahun=2022&lang=id"] {
        let (status, report) = get(query).await;
        assert!(status == 200 && report.contains("Belanja Kota Kediri 2022"), "{query}: {status}");
    }
    let (status, _) = get("/belanja?lang=en").await;
    assert_eq!(status, 200, "the bare form is still no error");
}
