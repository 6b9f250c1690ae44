#!/usr/bin/env bash
# Runs the whole Session Ledger on this machine, in the foreground: Kafka broker, command side,
# query side and the edge on http://localhost:${LEDGER_HTTP_PORT:-8080}. Ctrl-C stops everything.
# With LEDGER_KAFKA_BOOTSTRAP set it uses that broker and starts none of its own. A service that dies is
# started again ("[launcher] ... restarting it"). Every variable: docs/configuration.md.
# Builds first when a jar is missing or older than the sources. Works from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
JARS=(
  "$ROOT/command-side/target/command-side-$VERSION.jar"
  "$ROOT/query-side/target/query-side-$VERSION.jar"
  "$ROOT/deploy/target/deploy-$VERSION-exec.jar"
)

needs_build() {
  local jar
  for jar in "${JARS[@]}"; do
    [[ -f "$jar" ]] || return 0
    # Any source or pom newer than this jar means the jar is stale.
    if [[ -n "$(find "$ROOT/pom.xml" "$ROOT"/{shared-events,ledger-proofs,service-kit,dialects,command-side,query-side,deploy}/{pom.xml,src} \
                -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  command -v mvn >/dev/null || { echo "run-local.sh: Maven (mvn) is needed to build the jars" >&2; exit 1; }
  echo "Building Session Ledger (mvn -DskipTests package)..."
  (cd "$ROOT" && mvn -q -DskipTests package)
fi

export LEDGER_DATA_DIR="${LEDGER_DATA_DIR:-$ROOT/data}"
# exec: the launcher itself receives Ctrl-C / SIGTERM and stops everything it started.
exec java -Xmx768m -Dledger.home="$ROOT" -jar "$ROOT/deploy/target/deploy-$VERSION-exec.jar"
