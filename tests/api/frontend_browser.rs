//! The frontend features in a real browser (headless Chromium, only loopback resolves): a page
//! of another origin calling Pasar with `fetch`, and GraphiQL served whole by Pasar.

use crate::browser::{Page, artifact};
use crate::frontend::spawn_with_cors;

/// A page that searches Pasar at `api` with `fetch` and lists the offers it gets.
fn shop_page(api: &str) -> String {
    format!(
        r#"<!doctype html><html><body><p id="status">waiting</p><ul id="offers"></ul><script>
fetch("{api}/graphql", {{
  method: "POST",
  headers: {{ "content-type": "application/json" }},
  body: JSON.stringify({{ query: '{{ search(query: "kertas hvs a4", first: 3) {{ offers {{ edges {{ node {{ id title price {{ formatted }} }} }} }} }} }}' }})
}})
  .then(function (r) {{ return r.json(); }})
  .then(function (answer) {{
    var edges = answer.data.search.offers.edges;
    edges.forEach(function (edge) {{
      var li = document.createElement("li");
      li.className = "offer";
      li.textContent = edge.node.id + " | " + edge.node.title + " | " + edge.node.price.formatted;
      document.getElementById("offers").appendChild(li);
    }});
    document.getElementById("status").textContent = "rendered " + edges.length;
  }})
  .catch(function (e) {{ document.getElementById("status").textContent = "failed: " + e; }});
</script></body></html>"#
    )
}

/// Serves `html` at `/` on a free loopback port; returns its origin.
async fn serve_page(html: String) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let origin = format!("http://{}", listener.local_addr().expect("addr"));
    let router = axum::Router::new().route("/", axum::routing::get(move || async move { axum::response::Html(html) }));
    tokio::spawn(async move { axum::serve(listener, router).await });
    origin
}

async fn dom(url: String) -> String {
    tokio::task::spawn_blocking(move || Page::new(&url).dom()).await.expect("browser")
}

#[tokio::test]
async fn a_page_of_a_listed_origin_renders_offers_fetched_from_pasar_and_another_origin_cannot() {
    // The page's origin is only known once its server is bound, and Pasar must list it.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let allowed = format!("http://{}", listener.local_addr().expect("addr"));
    let listed = allowed.clone();
    let app = spawn_with_cors(move |config| config.http.cors_origins = vec![listed.clone()]).await;
    let html = shop_page(&app.address);
    let page = html.clone();
    let router = axum::Router::new().route("/", axum::routing::get(move || async move { axum::response::Html(page) }));
    tokio::spawn(async move { axum::serve(listener, router).await });

    let rendered = dom(format!("{allowed}/")).await;
    assert!(rendered.contains("rendered 3"), "{rendered}");
    assert_eq!(rendered.matches(r#"class="offer""#).count(), 3, "{rendered}");
    assert!(rendered.contains("Rp"), "offers carry their formatted prices: {rendered}");

    let elsewhere = serve_page(html).await;
    let refused = dom(format!("{elsewhere}/")).await;
    assert!(refused.contains("failed: TypeError"), "an origin not listed is blocked by the browser: {refused}");
    assert!(!refused.contains(r#"class="offer""#), "{refused}");
}

#[tokio::test]
async fn graphiql_renders_its_editor_from_pasar_alone_and_is_photographed() {
    let app = spawn_with_cors(|_| {}).await;
    let url = format!("{}/graphiql", app.address);
    let rendered = dom(url.clone()).await;
    for element in ["graphiql-container", "graphiql-editor", "CodeMirror", "graphiql-execute-button"] {
        assert!(rendered.contains(element), "GraphiQL did not render {element}: {rendered}");
    }
    assert!(!rendered.contains("Loading GraphiQL"), "{rendered}");
    let png = artifact("graphiql.png");
    tokio::task::spawn_blocking(move || Page::new(&url).screenshot(&png)).await.expect("browser");
}

/// A page whose tracing SDK adds `traceparent`, `baggage` and `sentry-trace` to every call, and
/// that reads the request id Pasar gives back.
fn traced_page(api: &str) -> String {
    format!(
        r#"<!doctype html><html><body><p id="status">waiting</p><script>
fetch("{api}/graphql", {{
  method: "POST",
  headers: {{
    "content-type": "application/json",
    "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "baggage": "userId=ppk-kediri,region=35.71",
    "sentry-trace": "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1"
  }},
  body: JSON.stringify({{ query: "{{ marketplaces {{ id }} }}" }})
}})
  .then(function (r) {{
    var id = r.headers.get("x-request-id");
    return r.json().then(function (answer) {{
      document.getElementById("status").textContent =
        "answered " + answer.data.marketplaces.length + " request-id=" + id;
    }});
  }})
  .catch(function (e) {{ document.getElementById("status").textContent = "failed: " + e; }});
</script></body></html>"#
    )
}

#[tokio::test]
async fn a_fetch_with_tracing_headers_from_a_listed_origin_succeeds_and_reads_the_request_id() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let allowed = format!("http://{}", listener.local_addr().expect("addr"));
    let listed = allowed.clone();
    let app = spawn_with_cors(move |config| config.http.cors_origins = vec![listed.clone()]).await;
    let page = traced_page(&app.address);
    let router = axum::Router::new().route("/", axum::routing::get(move || async move { axum::response::Html(page) }));
    tokio::spawn(async move { axum::serve(listener, router).await });
    let rendered = dom(format!("{allowed}/")).await;
    assert!(rendered.contains("answered "), "the browser let the traced call through: {rendered}");
    let id = rendered.split("request-id=").nth(1).and_then(|rest| rest.split('<').next()).unwrap_or_default();
    assert!(id.len() >= 16 && id != "null", "the script read x-request-id: {rendered}");
}
