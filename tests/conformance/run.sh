#!/usr/bin/env bash
# The graphql-http server audit against the demo. Needs the debug binary (`cargo test` builds it).
# Needs Node and npm (tests/run.sh installs them); installs graphql-http as pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed (tests/run.sh installs them)"; exit 1; }
npm ci --no-audit --no-fund --loglevel=error

source ../demo.sh
node audit.mjs "$DEMO_URL/graphql"
