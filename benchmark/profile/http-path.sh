#!/usr/bin/env bash
# What a request's CPU costs per process and per layer (issue 11, point 4): starts the local system on a fresh
# PostgreSQL database, warms it with wrk creates and gets through the edge, then
#   1. CPU per request of each process (launcher = edge + broker, command side, query side, the database's
#      backends): /proc/<pid>/stat deltas over a wrk run of creates, then of gets, divided by the requests;
#   2. a JFR recording (settings=profile) of each JVM during a second wrk run of each, summarized per layer
#      (jfr-layers.py).
# Needs wrk (apt-get install -y wrk). Run it alone on the machine, under the benchmark lock:
#   flock /tmp/bench.lock benchmark/profile/http-path.sh OUT_DIR
# Variables: WARM (s of warm-up creates, 90), DUR (s per measured run, 30), CLIENTS (16), BASE_PORT (32000), and
# the launcher's (LEDGER_SERVICE_JAVA_HOME, LEDGER_JVM_CACHE, LEDGER_SERVICE_JVM_OPTS ...).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
B=${BASE_PORT:-32000} C=${CLIENTS:-16}
DB="ledger_profile_$(date +%s)"
ADMIN="profile-admin-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
psql -qh 127.0.0.1 -U postgres -d postgres -c "create database $DB"
LEDGER_DEFAULT_RATE_LIMIT=1000000 LEDGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" LEDGER_DB_USER=postgres \
LEDGER_DB_PASSWORD="" LEDGER_ADMIN_KEY="$ADMIN" LEDGER_DATA_DIR="$OUT/data" \
LEDGER_PERSONAL_DATA_SECRET="$(head -c 32 /dev/urandom | base64)" \
LEDGER_HTTP_PORT=$B LEDGER_COMMAND_PORT=$((B + 1)) LEDGER_QUERY_PORT=$((B + 2)) LEDGER_KAFKA_PORT=$((B + 3)) \
LEDGER_EDGE_METRICS_PORT=$((B + 5)) "$ROOT/deploy/run-local.sh" > "$OUT/system.log" 2>&1 &
SYSTEM=$!
stop() {
  kill -TERM "$SYSTEM" 2>/dev/null && for _ in $(seq 1 300); do kill -0 "$SYSTEM" 2>/dev/null || break; sleep 1; done
  psql -qh 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB with (force)" || true
}
trap stop EXIT
for i in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$B/actuator/health" | grep -q UP && break
  kill -0 "$SYSTEM" || { tail -20 "$OUT/system.log"; exit 1; }
  sleep 1
done
# run-local.sh execs the launcher: $SYSTEM is its pid; the services are its children.
KEY=$(curl -s -X POST "localhost:$B/ledger/v1/api-keys" -H "x-api-key: $ADMIN" -H 'content-type: application/json' \
  -d '{"tenantId":"profile","name":"profile"}' | sed 's/.*"key":"\([^"]*\)".*/\1/')
export KEY IDS="$OUT/ids.txt"
IDS_OUT="$OUT/ids.txt" wrk -t1 -c1 -d10s -s "$HERE/wrk-create.lua" "http://127.0.0.1:$B" > /dev/null
wrk -t2 -c"$C" -d"${WARM:-90}"s -s "$HERE/wrk-create.lua" "http://127.0.0.1:$B" > "$OUT/warm-creates.txt"
wrk -t2 -c"$C" -d30s -s "$HERE/wrk-get.lua" "http://127.0.0.1:$B" > "$OUT/warm-gets.txt"

measure() { # NAME LUA
  local before after requests
  before=$(python3 "$HERE/cpu-ticks.py" "$SYSTEM" "$DB")
  wrk -t2 -c"$C" -d"${DUR:-30}"s -s "$HERE/$2" "http://127.0.0.1:$B" > "$OUT/$1.txt"
  after=$(python3 "$HERE/cpu-ticks.py" "$SYSTEM" "$DB")
  requests=$(awk '/requests in/ {print $1}' "$OUT/$1.txt")
  python3 - "$1" "$requests" "$before" "$after" <<'PY' | tee -a "$OUT/summary.txt"
import sys, json
name, n, a, b = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
per = {k: (b[k] - a[k]) * 10.0 / n for k in a}  # ticks of 10 ms -> ms of CPU per request
print(f"{name}: {n} requests; CPU ms per request: " + ", ".join(f"{k} {v:.3f}" for k, v in per.items())
      + f"; total {sum(per.values()):.3f}")
PY
  grep -E "Requests/sec|Latency|Non-2xx" "$OUT/$1.txt" | tr -s ' ' | tee -a "$OUT/summary.txt"
}
measure creates wrk-create.lua
measure gets wrk-get.lua

JVMS="$SYSTEM $(pgrep -P "$SYSTEM" -f 'java' | tr '\n' ' ')"
for p in $JVMS; do echo "$p $(tr '\0' ' ' < "/proc/$p/cmdline" | cut -c1-160)" >> "$OUT/jvms.txt"; done
for what in creates gets; do
  lua=$([[ $what == creates ]] && echo wrk-create.lua || echo wrk-get.lua)
  for p in $JVMS; do "$JCMD" "$p" JFR.start name="$what" settings=profile > /dev/null; done
  wrk -t2 -c"$C" -d20s -s "$HERE/$lua" "http://127.0.0.1:$B" > "$OUT/jfr-$what.txt"
  for p in $JVMS; do "$JCMD" "$p" JFR.stop name="$what" filename="$OUT/$what-$p.jfr" > /dev/null; done
done
python3 "$HERE/jfr-layers.py" "$OUT"/*.jfr > "$OUT/layers.md"
echo "Per layer: $OUT/layers.md; per process: $OUT/summary.txt"
