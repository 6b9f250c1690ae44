# Sourced by run-local.sh: how the launcher's own JVM (the edge and the Kafka broker, on every request's path) is
# started. Sets LAUNCH, the command line to exec.
#
# On a JDK 25 or later (LEDGER_SERVICE_JAVA_HOME, chosen as for the services) and unless LEDGER_JVM_CACHE=off, the
# launcher runs from an AOT cache of its own, like the services (docs/decisions.md, "A fast first minute"): classes
# loaded and linked ahead of time and the method profiles of the run that recorded it. The cache keeps only
# classes from plain jars on the class path, so the Spring Boot jar is unpacked once per jar and JDK: its
# BOOT-INF/lib jars, and its BOOT-INF/classes packed into one jar, in the jar's own class path order.
# The first start records; the JVM writes the cache when it stops gracefully (Ctrl-C, SIGTERM). A JDK 25 removes
# the cache's "<file>.config" only once the cache is whole, so a cache with its .config beside it was cut short
# (killed while writing): it is deleted and recorded again. LEDGER_JVM_CACHE=record records again.
# Anything missing (no such JDK, no jar tool, a failed unpack) starts the plain jar on this script's java.

launcher_command() {
  local jar="$1" java_home="${LEDGER_SERVICE_JAVA_HOME:-}" mode="${LEDGER_JVM_CACHE:-on}"
  local options=(-Xmx768m -Dledger.home="$ROOT")
  LAUNCH=(java "${options[@]}" -jar "$jar")
  [[ -n "$java_home" && "$mode" != off && -x "$java_home/bin/java" && -x "$java_home/bin/jar" ]] || return 0
  local feature
  feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release" 2>/dev/null)"
  (( ${feature:-0} >= 25 )) || return 0

  local caches="${LEDGER_JVM_CACHE_DIR:-$LEDGER_DATA_DIR/jvm-cache}" key home other
  key="$( { cksum < "$jar"; readlink -f "$java_home"; } | cksum | cut -d' ' -f1)"
  home="$caches/launcher-$key"
  # Only the cache of the jar and JDK starting now is kept (a rebuild leaves ~55 MB of jars and a cache behind).
  for other in "$caches"/launcher-*; do
    [[ -e "$other" && "$other" != "$home" ]] && rm -rf "$other"
  done
  if [[ ! -f "$home/app/.unpacked" ]]; then
    rm -rf "$home/app" && mkdir -p "$home/app" || return 0
    if ! (cd "$home/app" && "$java_home/bin/jar" xf "$jar" BOOT-INF/lib BOOT-INF/classes BOOT-INF/classpath.idx \
            META-INF/MANIFEST.MF \
          && "$java_home/bin/jar" cf launcher.jar -C BOOT-INF/classes . && rm -rf BOOT-INF/classes \
          && tr -d '\r' < META-INF/MANIFEST.MF | sed -n 's/^Start-Class: //p' > main-class \
          && [[ -s main-class ]]); then
      echo "[run-local] could not unpack $jar for the launcher's start-up cache: starting it as it is" >&2
      rm -rf "$home/app"
      return 0
    fi
    echo "$jar" > "$home/app/.unpacked"
  fi
  local classpath="$home/app/launcher.jar" entry main
  while IFS= read -r entry; do
    entry="${entry#- \"}" entry="${entry%\"}"
    classpath+=":$home/app/$entry"
  done < "$home/app/BOOT-INF/classpath.idx"
  main="$(cat "$home/app/main-class")"

  local cache="$home/launcher.aot"
  # Every class it cannot keep is a warning line otherwise, and a JDK 25 warns of each stub it compiles afresh
  # ("Saved blob's name ... is different"): the cache is used all the same.
  options+=(-Xlog:aot*=error,cds*=error)
  if [[ -f "$cache" && ! -f "$cache.config" && "$mode" != record ]]; then
    options+=(-XX:AOTCache="$cache")
    echo "[run-local] starting the launcher (edge, broker) on $java_home from its start-up cache $cache"
  else
    rm -f "$cache" "$cache.config"
    options+=(-XX:AOTCacheOutput="$cache")
    echo "[run-local] no start-up cache for the launcher (edge, broker) on $java_home yet: recording one," \
      "written when it stops ($cache)"
  fi
  LAUNCH=("$java_home/bin/java" "${options[@]}" -cp "$classpath" "$main")
}
