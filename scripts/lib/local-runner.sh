# Sourced by scripts/journeyctl and scripts/demo: builds jobs/local (and what it depends on) only when a source
# changed since the last build, then runs a main class of jobs/local on its Maven-resolved classpath.
# MVN overrides the Maven command (default: quiet, batch; the first build downloads dependencies).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
local_module="$root/jobs/local"
classpath_file="$local_module/target/classpath.txt"

# Everything jobs/local is built from: its own sources and those of the modules it depends on.
local_sources=("$root/pom.xml" "$root/schemas" "$root/jobs/core" "$root/jobs/embedded-kafka" "$root/jobs/orchestrator"
               "$root/state-migrations" "$local_module/pom.xml" "$local_module/src/main")

local_is_stale() {
  [[ -f "$classpath_file" && -d "$local_module/target/classes" ]] || return 0
  [[ -n "$(find "${local_sources[@]}" -path '*/target' -prune -o -newer "$classpath_file" -type f -print -quit)" ]]
}

build_local() {
  local mvn=(${MVN:-mvn -q -B -Dstyle.color=never})
  echo "building jobs/local (sources changed since the last build)..." >&2
  (cd "$root" && "${mvn[@]}" -DskipTests install -pl jobs/local -am \
     && "${mvn[@]}" -pl jobs/local dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
          -Dmdep.includeScope=runtime >/dev/null \
     && touch "$classpath_file")  # the plugin leaves an unchanged file untouched: mark this build as the latest
}

# Java 17 module access that Flink's MiniCluster needs (Flink's own default env.java.opts.all).
local_jvm_options=(--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED)

run_local_main() {
  local main_class=$1
  shift
  if local_is_stale; then
    build_local
  fi
  exec java ${JAVA_OPTS:-} "${local_jvm_options[@]}" -cp "$local_module/target/classes:$(cat "$classpath_file")" \
    "$main_class" "$@"
}
