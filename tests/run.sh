#!/usr/bin/env bash
# The test command of the README: installs what the tests need when it is missing, then runs
# every test. A test whose tool is missing fails; it never skips.
#   - Rust toolchain: required (the sandbox marketplaces are started in-process by the tests).
#   - Node and npm (Debian packages): the GraphQL-over-HTTP audit in tests/conformance.
#   - Chromium (Debian package): the browser tests (tests/api/browser.rs).
#   - pdftotext (Debian poppler-utils): reads the printed price survey (tests/api/web.rs).
#   - redis-server and openssl (Debian packages): several instances sharing one cache, over TLS too
#     (tests/api/instances).
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

cargo test --locked "$@"
tests/conformance/run.sh
