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

# The services run on the newest JDK 25 or later found here (its AOT cache keeps method profiles, so the JIT is
# up to speed within seconds of a start: docs/decisions.md, "Fast first minute"); without one, on the java of
# this script (17: class data sharing only). LEDGER_SERVICE_JAVA_HOME chooses; LEDGER_JVM_CACHE=off turns the
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
# The launcher (edge and broker) on that JDK too, from an AOT cache of its own when the JDK has one (25 and later).
# The JVM writes the cache when the launcher stops, to app.aot.tmp, and removes app.aot.tmp.config once the cache
# is whole; the next start puts a whole one in place. A JDK before 25 runs the launcher's jar as it is.
LAUNCHER_JAVA=java
LAUNCHER_JAR="$ROOT/deploy/target/deploy-$VERSION-exec.jar"
LAUNCHER_OPTS=()
jdk_feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
if [[ -n "${LEDGER_SERVICE_JAVA_HOME:-}" && "${LEDGER_JVM_CACHE:-on}" != off \
      && "$(jdk_feature "$LEDGER_SERVICE_JAVA_HOME")" -ge 25 ]] 2>/dev/null; then
  cache="${LEDGER_JVM_CACHE_DIR:-$LEDGER_DATA_DIR/jvm-cache}/launcher-$(cksum < "$LAUNCHER_JAR" | cut -d' ' -f1)"
  if [[ ! -f "$cache/app/.extracted" ]]; then
    rm -rf "$cache/app" && mkdir -p "$cache" \
      && "$LEDGER_SERVICE_JAVA_HOME/bin/java" -Djarmode=tools -jar "$LAUNCHER_JAR" extract --destination "$cache/app" \
           >/dev/null 2>&1 && touch "$cache/app/.extracted" || echo "run-local.sh: no AOT cache for the launcher" >&2
  fi
  if [[ -f "$cache/app/.extracted" ]]; then
    LAUNCHER_JAVA="$LEDGER_SERVICE_JAVA_HOME/bin/java"
    LAUNCHER_JAR="$cache/app/deploy-$VERSION-exec.jar"
    LAUNCHER_OPTS=(-Xlog:aot=error,cds=error)
    if [[ -s "$cache/app.aot.tmp" && ! -e "$cache/app.aot.tmp.config" ]]; then mv -f "$cache/app.aot.tmp" "$cache/app.aot"; fi
    if [[ -f "$cache/app.aot" && "${LEDGER_JVM_CACHE:-on}" != record ]]; then
      LAUNCHER_OPTS+=("-XX:AOTCache=$cache/app.aot")
    else
      rm -f "$cache/app.aot.tmp" "$cache/app.aot.tmp.config"
      LAUNCHER_OPTS+=("-XX:AOTCacheOutput=$cache/app.aot.tmp")
    fi
  fi
fi

# exec: the launcher itself receives Ctrl-C / SIGTERM and stops everything it started.
exec "$LAUNCHER_JAVA" -Xmx768m "${LAUNCHER_OPTS[@]}" -Dledger.home="$ROOT" -jar "$LAUNCHER_JAR"
