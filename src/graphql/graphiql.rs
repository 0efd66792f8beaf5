//! GraphiQL, served whole by Pasar: its scripts, styles and licences are embedded in the binary
//! (`graphiql/SOURCE.md` says where they come from), so the page works offline and behind
//! proxies that block CDNs. A Content-Security-Policy of `'self'` makes any stray external load
//! fail loudly in the browser instead of silently depending on the network.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Where the assets are served; the page refers to them relative to it.
pub const ASSETS_PATH: &str = "/graphiql/assets";

/// One embedded file and its media type.
struct Asset {
    name: &'static str,
    media_type: &'static str,
    bytes: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "graphiql.min.js",
        media_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("graphiql/graphiql.min.js"),
    },
    Asset {
        name: "graphiql.min.css",
        media_type: "text/css; charset=utf-8",
        bytes: include_bytes!("graphiql/graphiql.min.css"),
    },
    Asset {
        name: "react.production.min.js",
        media_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("graphiql/react.production.min.js"),
    },
    Asset {
        name: "react-dom.production.min.js",
        media_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("graphiql/react-dom.production.min.js"),
    },
    Asset { name: "start.js", media_type: "text/javascript; charset=utf-8", bytes: START.as_bytes() },
    Asset { name: "pasar.css", media_type: "text/css; charset=utf-8", bytes: include_bytes!("graphiql/pasar.css") },
    Asset {
        name: "LICENSE-graphiql",
        media_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("graphiql/LICENSE-graphiql"),
    },
    Asset {
        name: "LICENSE-react",
        media_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("graphiql/LICENSE-react"),
    },
    Asset {
        name: "LICENSE-react-dom",
        media_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("graphiql/LICENSE-react-dom"),
    },
    Asset {
        name: "SOURCE.md",
        media_type: "text/markdown; charset=utf-8",
        bytes: include_bytes!("graphiql/SOURCE.md"),
    },
];

/// Mounts GraphiQL on the page; a file rather than an inline script so the CSP needs no
/// `'unsafe-inline'` for scripts.
const START: &str = r#"(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var defaultQuery = [
    '# Pasar: one GraphQL API over Indonesia\'s procurement marketplaces.',
    '# Press the run button; the Docs panel (top left) explains every field.',
    '{',
    '  search(query: "kertas hvs a4", first: 5) {',
    '    complete',
    '    sources { marketplace { id } status cache latencyMs offerCount message }',
    '    offers { edges { node { id title price { amountIncludingVat formatted } vendor { name } } } }',
    '  }',
    '}',
    ''
  ].join('\n');
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: defaultQuery,
    defaultEditorToolsVisibility: true
  }));
  // What upstream GraphiQL leaves out, added as its editors appear: each editor's text area gets
  // a name, and each editor's scroll region is reachable by keyboard (arrow keys scroll it).
  function label() {
    var names = [
      ['.graphiql-query-editor textarea', 'GraphQL query'],
      ['.graphiql-response textarea', 'Response'],
      ['.graphiql-editor-tool .graphiql-editor:nth-child(1) textarea', 'Variables (JSON)'],
      ['.graphiql-editor-tool .graphiql-editor:nth-child(2) textarea', 'Headers (JSON)']
    ];
    names.forEach(function (pair) {
      document.querySelectorAll(pair[0]).forEach(function (area) {
        if (!area.hasAttribute('aria-label')) area.setAttribute('aria-label', pair[1]);
      });
    });
    // CodeMirror gives the region tabindex=-1 (focus goes to its hidden text area on a click).
    document.querySelectorAll('.CodeMirror-scroll:not([data-pasar])').forEach(function (region) {
      region.setAttribute('data-pasar', '');
      var area = region.parentElement.querySelector('textarea');
      region.setAttribute('tabindex', '0');
      region.setAttribute('role', 'region');
      region.setAttribute('aria-label', (area && area.getAttribute('aria-label') || 'Editor') + ' (scroll)');
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; label(); });
  }).observe(document.body, { childList: true, subtree: true });
})();
"#;

const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Pasar · GraphiQL</title>
  <meta name="description" content="GraphiQL for Pasar's GraphQL API over Indonesia's procurement marketplaces.">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <style>html, body, main, #graphiql { height: 100%; margin: 0; }</style>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
  <link rel="stylesheet" href="/graphiql/assets/pasar.css">
</head>
<body>
  <main>
    <h1 class="pasar-visually-hidden">Pasar GraphiQL: the GraphQL API explorer</h1>
    <div id="graphiql">Loading GraphiQL…</div>
  </main>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script src="/graphiql/assets/start.js"></script>
</body>
</html>
"#;

/// Nothing but Pasar itself; inline styles are allowed for GraphiQL's editors and the page's
/// one-line layout rule, fonts and icons come as data URLs from the stylesheet.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; \
                   frame-ancestors 'self'";

/// The GraphiQL page.
pub fn page() -> Response {
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE).into_response();
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    response
}

/// One embedded asset, cacheable for a day (they change only with a Pasar release).
pub async fn asset(Path(name): Path<String>) -> Response {
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return (StatusCode::NOT_FOUND, "no such GraphiQL asset").into_response();
    };
    ([(header::CONTENT_TYPE, asset.media_type), (header::CACHE_CONTROL, "public, max-age=86400")], asset.bytes)
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_the_page_names_is_embedded_and_not_empty() {
        let named: Vec<&str> = PAGE.split('"').filter_map(|part| part.strip_prefix("/graphiql/assets/")).collect();
        assert_eq!(named.len(), 6, "{named:?}");
        for name in named {
            let asset = ASSETS.iter().find(|a| a.name == name).unwrap_or_else(|| panic!("{name} is not embedded"));
            assert!(asset.bytes.len() > 100, "{name}");
        }
    }

    #[test]
    fn the_page_loads_nothing_from_another_host() {
        for text in [PAGE, START] {
            assert!(!text.contains("http:") && !text.contains("https:") && !text.contains("\"//"), "{text}");
        }
    }
}
