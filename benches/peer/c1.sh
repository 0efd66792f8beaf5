#!/usr/bin/env bash
# One connection over the peer harness's two mocks: Pasar against one direct mock call.
#
#   BIN_PASAR=target/release/pasar benches/peer/c1.sh
#
# Issue 25 asks a `first: 40` search at one connection to be within 1 ms of one direct mock call
# (mocks at 20 ms). Each round runs wrk -c1 against mbiz directly, then against Pasar with a
# keyword never asked before (so every search is a miss), and prints both p50s; rounds alternate
# so both see the same moments of a shared machine. FILL=40 first drives 40 s of uncached searches
# at 50 connections, so the measurement is of an instance whose cache is full and evicting.
#
# Env: BIN_PASAR (required), PEER (the harness, default ../shared/peer from the repository root),
# REPS (rounds, 3), DUR (per wrk run, 5s), PORT (4200), FILL (seconds, 0).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PEER="$(cd "${PEER:-$ROOT/../shared/peer}" && pwd)"
BIN_PASAR="$(realpath "$BIN_PASAR")"
REPS="${REPS:-3}"; DUR="${DUR:-5s}"; PORT="${PORT:-4200}"; FILL="${FILL:-0}"
DOC='query S($k: String!) { search(query: $k, first: 40) { offers { edges { node { id marketplace { id } title price { amount } vendor { name region { name } } } } } } }'
cd "$PEER/pasar"
SKIP_INSTALL=1 MOCK_DELAY_MS=20 "$PEER/run_peer.sh" mocks >/dev/null
( exec env PASAR_LISTEN="127.0.0.1:$PORT" "$BIN_PASAR" serve --config pasar.toml >/tmp/c1pasar.log 2>&1 ) &
P=$!
trap 'kill $P' EXIT
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/graphql?query=%7B__typename%7D" 2>/dev/null && break; sleep 0.1; done
drive() { DOC="$DOC" GQL_PATH=/graphql MODE=uncached RUN="$1-$(date +%s%N)" wrk -t1 "-c$2" "-d$3" -s "$PEER/bench/gql.lua" "http://127.0.0.1:$PORT"; }
if [ "$FILL" -gt 0 ]; then
  drive fill 50 "${FILL}s" >/dev/null
  echo "after filling: $(grep VmRSS "/proc/$P/status" | tr -s ' ')"
fi
drive warm 1 2s >/dev/null
field() { echo "$2" | sed -n "s/.*[ ]$1=\([0-9.]*\).*/\1/p"; }
for r in $(seq 1 "$REPS"); do
  d="$(wrk -t1 -c1 -d"$DUR" -s get.lua "http://127.0.0.1:4101/api/v1/products?q=kopi&page=1" | grep '^RESULT')"
  p="$(drive "c1-$r" 1 "$DUR" | grep '^RESULT')"
  over="$(awk -v a="$(field p50_ms "$p")" -v b="$(field p50_ms "$d")" 'BEGIN { printf "%.2f", a - b }')"
  echo "round $r direct p50 $(field p50_ms "$d") pasar p50 $(field p50_ms "$p") (+$over) p99 $(field p99_ms "$p") errors $(field gql_or_http_errors "$p")"
done
