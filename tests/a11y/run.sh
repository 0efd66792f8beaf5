#!/usr/bin/env bash
# The accessibility audit (axe-core, accessible names, a keyboard walk) over the demo's pages in
# headless Chromium. Needs the debug binary (`cargo test` builds it), Node and npm, and Chromium
# (tests/run.sh installs them); installs axe-core and puppeteer-core as pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed (tests/run.sh installs them)"; exit 1; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is needed (tests/run.sh installs it)"; exit 1; }
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

log=$(mktemp)
# The demo has its adapters compiled in; it runs from the repository root like the tests.
(cd ../.. && exec "${AUDIT_BINARY:-target/debug/pasar}" serve --listen 127.0.0.1:0 --products 2000) >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 300); do
  url=$(grep -o 'http://[0-9.:]*/graphql' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "the demo did not start within 30 s"; cat "$log"; exit 1; }
node audit.mjs "${url%/graphql}"
