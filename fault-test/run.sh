#!/usr/bin/env bash
# The fault-injection suite in one command (README, "Fault injection"):
#   fault-test/run.sh            the long form: 8 clients, every fault 3 times, 30 s of load after each (~15 min)
#   fault-test/run.sh --short    the short form CI runs (~3 min)
#   more: --clients N --rounds N --hold S --skip kill_broker,restart_postgres --tolerate <invariant> --help
# Starts its own fresh PostgreSQL database, Kafka broker process, two command sides, two query sides and the
# edge; kills parts one at a time under load (PostgreSQL is restarted: it is the machine's shared cluster);
# stops by itself (a bound on the whole run); exit 0 when every invariant held. Report: fault-results/<time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
STAMP="$ROOT/fault-test/target/.built-by-run-sh"
ARTIFACTS=(
  "$ROOT/command-side/target/command-side-$VERSION.jar"
  "$ROOT/query-side/target/query-side-$VERSION.jar"
  "$ROOT/fault-test/target/runtime.classpath"
  "$STAMP"
)

needs_build() {
  local artifact
  for artifact in "${ARTIFACTS[@]}"; do
    [[ -f "$artifact" ]] || return 0
    if [[ -n "$(find "$ROOT/pom.xml" "$ROOT"/{shared-events,ledger-proofs,service-kit,dialects,test-support,command-side,query-side,deploy,fault-test}/{pom.xml,src} \
                -newer "$artifact" -type f -print -quit 2>/dev/null)" ]]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  command -v mvn >/dev/null || { echo "fault-test/run.sh: Maven (mvn) is needed to build the jars" >&2; exit 1; }
  # package, not install: the reactor resolves the modules from each other, and ~/.m2 may be shared.
  echo "Building (mvn -q -DskipTests package of the services, the edge and the suite)..." >&2
  (cd "$ROOT" && mvn -B -ntp -q -DskipTests package -pl command-side,query-side,deploy,fault-test -am)
  touch "$STAMP" # Maven leaves up-to-date outputs untouched: this says when the last build ran
fi

ARGS=()
FORM=(--long)
for arg in "$@"; do
  if [[ "$arg" == "--short" ]]; then FORM=(); else ARGS+=("$arg"); fi
done

# Services that live minutes: C1 starts and restarts them faster on two cores than the full JIT.
export LEDGER_SERVICE_JVM_OPTS="${LEDGER_SERVICE_JVM_OPTS:--XX:TieredStopAtLevel=1}"
exec java -Xmx768m -cp "$ROOT/fault-test/target/classes:$(cat "$ROOT/fault-test/target/runtime.classpath")" \
  io.sessionledger.faults.FaultSuiteMain --home "$ROOT" "${FORM[@]}" "${ARGS[@]}"
