#!/usr/bin/env bash
# Benchmarks Session Ledger in one command (see benchmark/README.md):
#   benchmark/run.sh [--quick] [--duration S] [--concurrency 1,4,16,32] [--lag-rate N] [--bulk-sessions N] ...
# Without --base-url it builds what is missing, starts the whole system on a fresh PostgreSQL database
# (deploy/run-local.sh), runs every scenario next to a pgbench reference, then stops the system and drops
# the database. With --base-url it only drives that running system (add --read-db-url, --kafka, --admin-key).
# Results: bench-results/<timestamp>/{results.md,results.json,plot.html}. Every phase is time-bounded.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
BENCH_JAR="$ROOT/benchmark/target/benchmark-$VERSION-exec.jar"
PG_HOST="${PGHOST:-127.0.0.1}" PG_PORT="${PGPORT:-5432}" PG_USER="${PGUSER:-postgres}"
JAVA_OPTS=(-Xmx384m -XX:+UseSerialGC)
# The naive Axon application measured beside the ledger (issue 11); absent or failing, the run goes on without it.
PEER_ARGS=(--peer-script "$ROOT/../shared/peers/naive-peer.sh")

for jar in "$BENCH_JAR" "$ROOT/command-side/target/command-side-$VERSION.jar" \
           "$ROOT/query-side/target/query-side-$VERSION.jar" "$ROOT/deploy/target/deploy-$VERSION-exec.jar"; do
  if [[ ! -f "$jar" ]]; then
    # package, not install: the reactor resolves the modules from each other, and ~/.m2 may be shared.
    echo "Building (mvn -q -DskipTests package of the modules the benchmark runs)..." >&2
    (cd "$ROOT" && mvn -q -DskipTests package -pl shared-events,command-side,query-side,deploy,benchmark -am)
    break
  fi
done

if [[ " $* " == *" --base-url "* || " $* " == *" --base-url="* ]]; then
  exec java "${JAVA_OPTS[@]}" -jar "$BENCH_JAR" --out "$ROOT/bench-results" "${PEER_ARGS[@]}" "$@"
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports_free() { local p; for p in "$@"; do port_free "$p" || return 1; done; }
# Not the local defaults (8080-8083, 9092): a deploy/run-local.sh started during the run would find them taken.
# KAFKA + 1 is the broker's controller, KAFKA + 2 the edge's metrics listener.
HTTP=28080 COMMAND=28081 QUERY=28082 KAFKA=28083
until ports_free "$HTTP" "$COMMAND" "$QUERY" "$KAFKA" "$((KAFKA + 1))" "$((KAFKA + 2))"; do
  base=$((20000 + RANDOM % 40000))
  HTTP=$base COMMAND=$((base + 1)) QUERY=$((base + 2)) KAFKA=$((base + 3))
done

STAMP="$(date +%Y%m%d_%H%M%S)"
DB="ledger_bench_$STAMP"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ledger-bench.XXXXXX")"
ADMIN_KEY="bench-admin-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
# The system's personal-data secret, given to the harness too: the audit section fills the store with sealed events
# whose subjects must be keyed as the system keys its own.
PERSONAL_DATA_SECRET="${LEDGER_PERSONAL_DATA_SECRET:-$(head -c 32 /dev/urandom | base64)}"
SYSTEM_PID=""

cleanup() {
  if [[ -n "$SYSTEM_PID" ]] && kill -0 "$SYSTEM_PID" 2>/dev/null; then
    echo "Stopping the system (pid $SYSTEM_PID)..." >&2
    kill -TERM "$SYSTEM_PID"
    # up to 150 s for services recording their start-up cache (they write it on the way out), then the launcher
    # writes its own (deploy/launcher-jvm.sh): killed before it is done, it would record again in the next run.
    for _ in $(seq 1 300); do kill -0 "$SYSTEM_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SYSTEM_PID" 2>/dev/null && { echo "still running after 300 s: SIGKILL" >&2; kill -KILL "$SYSTEM_PID"; }
  fi
  psql -qh "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "drop database if exists $DB with (force)" \
    >/dev/null || echo "could not drop database $DB" >&2
  echo "System log and data kept in $WORK" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql -qh "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "create database $DB"
# The services run from copies: other builds in this tree must not swap classes under a running JVM.
mkdir -p "$WORK/jars"
cp "$ROOT/command-side/target/command-side-$VERSION.jar" "$ROOT/query-side/target/query-side-$VERSION.jar" "$WORK/jars/"

echo "Starting Session Ledger on http://127.0.0.1:$HTTP (database $DB, log $WORK/system.log)..." >&2
STARTED_NS="$(date +%s%N)"
# The edge's per-key quota (1,000/s by default) would cap every phase: the benchmark's own key asks for the
# highest rate the API allows, and keys without one (none here) get a default no phase reaches.
LEDGER_DEFAULT_RATE_LIMIT="${LEDGER_DEFAULT_RATE_LIMIT:-1000000}" \
LEDGER_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" LEDGER_DB_USER="$PG_USER" LEDGER_DB_PASSWORD="" \
LEDGER_ADMIN_KEY="$ADMIN_KEY" LEDGER_DATA_DIR="$WORK/data" LEDGER_PERSONAL_DATA_SECRET="$PERSONAL_DATA_SECRET" \
LEDGER_HTTP_PORT="$HTTP" LEDGER_COMMAND_PORT="$COMMAND" LEDGER_QUERY_PORT="$QUERY" LEDGER_KAFKA_PORT="$KAFKA" \
LEDGER_EDGE_METRICS_PORT="$((KAFKA + 2))" \
LEDGER_JVM_CACHE_DIR="${LEDGER_JVM_CACHE_DIR:-$ROOT/benchmark/target/jvm-cache}" \
LEDGER_COMMAND_JAR="$WORK/jars/command-side-$VERSION.jar" LEDGER_QUERY_JAR="$WORK/jars/query-side-$VERSION.jar" \
  "$ROOT/deploy/run-local.sh" >"$WORK/system.log" 2>&1 &
SYSTEM_PID=$!

# run-local.sh may first rebuild (when sources are newer than its jars): allow for that.
for i in $(seq 1 3000); do
  if ! kill -0 "$SYSTEM_PID" 2>/dev/null; then
    echo "The system exited before it was ready:" >&2; tail -30 "$WORK/system.log" >&2; exit 1
  fi
  curl -sf "http://127.0.0.1:$HTTP/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  [[ $i == 3000 ]] && { echo "The system was not healthy within 600 s" >&2; exit 1; }
  sleep 0.2
done
READY_SECONDS="$(awk -v a="$STARTED_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
# The services' start-up cache (deploy/run-local.sh) is kept between runs, per jar and JDK: the first run after a
# build records it (and starts cold), later runs start from it.
if grep -qs "recording one" "$WORK"/data/logs/*.log; then CACHE="recorded in this run (a cold start)"
elif grep -qs "from its start-up cache" "$WORK"/data/logs/*.log; then CACHE="used"
else CACHE="not used (LEDGER_JVM_CACHE=${LEDGER_JVM_CACHE:-on})"; fi
if grep -qs "launcher (edge, broker) .*from its start-up cache" "$WORK/system.log"; then LAUNCHER_CACHE="used"
elif grep -qs "launcher (edge, broker) .*recording one" "$WORK/system.log"; then LAUNCHER_CACHE="recorded in this run"
else LAUNCHER_CACHE="none (on the script's java)"; fi
SERVICE_JAVA="$(sed -n 's/.*using Java \([0-9.]*\) .*/\1/p' "$WORK"/data/logs/command-side.log | head -1)"
START_NOTE="healthy $READY_SECONDS s after the start; services on Java ${SERVICE_JAVA:-?}; start-up cache $CACHE; launcher's cache $LAUNCHER_CACHE; LEDGER_SERVICE_JVM_OPTS='${LEDGER_SERVICE_JVM_OPTS:-}'"
echo "The system: $START_NOTE" >&2

# --system-pid: the launcher's process tree and the database's backends are the system in the CPU figures.
LEDGER_PERSONAL_DATA_SECRET="$PERSONAL_DATA_SECRET" java "${JAVA_OPTS[@]}" -jar "$BENCH_JAR" --out "$ROOT/bench-results" \
  --base-url "http://127.0.0.1:$HTTP" --admin-key "$ADMIN_KEY" --system-pid "$SYSTEM_PID" \
  --pg-host "$PG_HOST" --pg-port "$PG_PORT" --pg-user "$PG_USER" \
  --read-db-url "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --ledger-db-url "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
  --kafka "127.0.0.1:$KAFKA" --system-start "$START_NOTE" "${PEER_ARGS[@]}" "$@"
