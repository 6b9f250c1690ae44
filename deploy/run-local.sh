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
  # Maven leaves a jar whose module did not change as it was, older than the sources just edited elsewhere: without
  # this every later start would build again (and the start-up caches, keyed by the jars, record again).
  touch "${JARS[@]}"
fi

export LEDGER_DATA_DIR="${LEDGER_DATA_DIR:-$ROOT/data}"

# The services run on the newest JDK 25 or later found here, from an AOT cache (classes loaded and linked, method
# profiles) recorded the first time each one stops: they are ready in a fraction of the time and faster in their
# first minute (docs/decisions.md, "A fast first minute"). Without such a JDK they run on this script's java
# (17: an AppCDS archive, classes only). LEDGER_SERVICE_JAVA_HOME chooses the JDK; LEDGER_JVM_CACHE=off turns the
# start-up cache off.
find_aot_jdk() {
  local release version best="" best_version=0
  for release in /usr/lib/jvm/*/release /opt/*/release /opt/java/*/release; do
    [[ -f "$release" ]] || continue
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    [[ -n "$version" && -x "$(dirname "$release")/bin/java" ]] || continue
    if (( version >= 25 && version > best_version )); then best="$(dirname "$release")" best_version=$version; fi
  done
  [[ -n "$best" ]] && echo "$best"
  return 0
}
if [[ -z "${LEDGER_SERVICE_JAVA_HOME:-}" ]]; then
  LEDGER_SERVICE_JAVA_HOME="$(find_aot_jdk)"
  export LEDGER_SERVICE_JAVA_HOME
fi

# The launcher itself (edge and broker) runs on the same JDK from a start-up cache of its own, or on this script's
# java as it is (deploy/launcher-jvm.sh). exec: it receives Ctrl-C / SIGTERM and stops everything it started.
source "$ROOT/deploy/launcher-jvm.sh"
launcher_command "$ROOT/deploy/target/deploy-$VERSION-exec.jar"
exec "${LAUNCH[@]}"
