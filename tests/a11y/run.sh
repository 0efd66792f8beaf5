#!/usr/bin/env bash
# The accessibility audit (axe-core, accessible names, a keyboard walk) over the demo's pages in
# headless Chromium. Needs the debug binary (`cargo test` builds it; PASAR_BINARY names another),
# Node and npm, and Chromium (tests/run.sh installs them); installs axe-core and puppeteer-core as
# pinned in package-lock.json. Fails when anything is missing; never skips.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed (tests/run.sh installs them)"; exit 1; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is needed (tests/run.sh installs it)"; exit 1; }
# puppeteer-core drives the Debian Chromium; it downloads no browser of its own.
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

source ../demo.sh
node audit.mjs "$DEMO_URL"
