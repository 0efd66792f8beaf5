#!/usr/bin/env bash
# The test command of the README: installs what the tests need when it is missing, then runs
# every test. A test whose tool is missing fails; it never skips.
#   - Rust toolchain: required (the sandbox marketplaces are started in-process by the tests).
#   - Node and npm (Debian packages): the GraphQL-over-HTTP audit in tests/conformance and the
#     accessibility audit in tests/a11y (each installs its pinned npm packages with `npm ci`).
#   - Chromium (Debian package): the browser tests (tests/api/browser.rs) and tests/a11y.
#   - pdftotext (Debian poppler-utils): reads the printed price survey (tests/api/web.rs).
#   - python3 with openpyxl (PyPI): reads the survey workbook as a spreadsheet would (tests/api/buyer_survey.rs).
#   - redis-server and openssl (Debian packages): several instances sharing one cache, over TLS too
#     (tests/api/instances), and the shared records' write rule (src/cache/redis/tests.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@"
}

missing=()
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

if ! python3 -c 'import openpyxl' 2>/dev/null; then
  command -v python3 >/dev/null || apt_install python3 python3-pip
  python3 -m pip install --quiet openpyxl || python3 -m pip install --quiet --break-system-packages openpyxl
fi
python3 -c 'import openpyxl' # fails loudly when it could not be installed

cargo test --locked "$@"
# Both audits start the demo through tests/demo.sh, on the binary `cargo test` just built.
tests/conformance/run.sh
tests/a11y/run.sh
