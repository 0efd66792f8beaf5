# Sourced (not run) by the audits in tests/conformance and tests/a11y: starts the demo — the
# gateway with the sandbox marketplaces compiled in — on a free loopback port, waits until it
# listens and sets DEMO_URL (http://127.0.0.1:PORT). The demo stops when the sourcing script
# exits. The binary is target/debug/pasar (`cargo test` builds it) unless PASAR_BINARY names
# another. Fails, printing the demo's log, when it does not start within 30 s.
demo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
demo_log=$(mktemp)
# The demo reads its adapters from the repository root, like the tests.
# PASAR_BINARY is taken out of the demo's environment: Pasar reads every PASAR_* variable as a setting.
(cd "$demo_root" && exec env -u PASAR_BINARY "${PASAR_BINARY:-target/debug/pasar}" serve --listen 127.0.0.1:0 --products 2000) >"$demo_log" 2>&1 &
demo_pid=$!
trap 'kill "$demo_pid" 2>/dev/null; rm -f "$demo_log"' EXIT
DEMO_URL=""
for _ in $(seq 1 300); do
  DEMO_URL=$(grep -o 'http://[0-9.:]*/graphql' "$demo_log" | head -1 || true)
  [ -n "$DEMO_URL" ] && break
  kill -0 "$demo_pid" 2>/dev/null || { echo "the demo stopped:"; cat "$demo_log"; exit 1; }
  sleep 0.1
done
[ -n "$DEMO_URL" ] || { echo "the demo did not start within 30 s"; cat "$demo_log"; exit 1; }
DEMO_URL="${DEMO_URL%/graphql}"
