#!/usr/bin/env bash
# Records where one connection's searches spend their time in a running Pasar, for phases.py.
#
#   benches/timeline/record.sh PID [SECONDS] [OUT]
#
# Run it while one client drives PID at one connection (e.g. wrk -c1 over the peer harness's
# mocks, `../shared/peer/pasar/bench_pair.sh` shows the command). It samples PID at 10 kHz and
# records its recvfrom (with the bytes read) and writev syscalls, which mark the phases of each
# request. Needs perf (Debian: linux-perf) and permission to trace PID.
set -euo pipefail
PID="$1"; SECS="${2:-4}"; OUT="${3:-/tmp/pasar-timeline}"
perf record -e cpu-clock -F 10000 \
  -e syscalls:sys_enter_recvfrom -e syscalls:sys_exit_recvfrom -e syscalls:sys_enter_writev \
  -p "$PID" -o "$OUT.data" -- sleep "$SECS"
perf script -i "$OUT.data" -F comm,tid,time,event,ip,sym,trace > "$OUT.txt"
echo "now: python3 $(dirname "$0")/phases.py $OUT.txt"
