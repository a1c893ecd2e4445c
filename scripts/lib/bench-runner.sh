# Sourced by the benchmark scripts: builds jobs/bench (and what it uses), then runs its mains on one JVM setup.
# JOURNEYFLOW_BENCH_HEAP overrides the heap of the benchmark JVM (default 8g), JOURNEYFLOW_BENCH_GC its collector
# (default ParallelGC, for throughput; the latency benchmark uses G1, Flink's own default for task managers).
# The heap is fixed from the start (-Xms = -Xmx), as Flink starts its task managers: a heap grown on demand collects
# often while it grows, and that costs the jobs that keep the most state the most.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

build_bench() {
  mvn -q -B -DskipTests install -pl jobs/bench -am
  mvn -q -B -pl jobs/bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime >/dev/null
  bench_classpath="jobs/bench/target/classes:$(cat jobs/bench/target/classpath.txt)"
}

# The module access a MiniCluster needs on Java 17 (shared with journeyctl), a heap for the broker and the jobs, quiet
# logs.
source "$root/scripts/lib/local-runner.sh"
# Huge pages and a heap touched at start, as flink-conf/ gives the task managers (env.java.opts.taskmanager): the
# whole heap is resident from the start, so keep JOURNEYFLOW_BENCH_HEAP within the machine's free memory.
bench_jvm=(-Xms"${JOURNEYFLOW_BENCH_HEAP:-8g}" -Xmx"${JOURNEYFLOW_BENCH_HEAP:-8g}" -XX:+Use"${JOURNEYFLOW_BENCH_GC:-ParallelGC}"
  -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch -Dlog4j2.level=WARN "${local_jvm_options[@]}")

# bench_main CLASS ARGS...: one JVM per measurement, so one run's garbage and JIT state do not colour the next.
bench_main() {
  java "${bench_jvm[@]}" ${JAVA_OPTS:-} -cp "$bench_classpath" "$@"
}

# The machine, for the record: results from a shared machine are only comparable within one run.
bench_header() {
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1), uptime:$(uptime)"
}

# jfr_top FILE [N]: where CPU time went, from the execution samples of a JFR recording: the busiest threads, the N
# most sampled top frames (self time) of the job's task threads (not the in-process broker's), and the N most
# sampled Journeyflow frames anywhere on their stacks (inclusive time).
# A subshell without pipefail: head closing its input early is how these pipelines end, not a failure.
jfr_top() (
  set +o pipefail
  local file=$1 n=${2:-20} samples
  samples=$(mktemp)
  jfr print --stack-depth 256 --events jdk.ExecutionSample "$file" \
    | awk '/sampledThread = / { task = ($0 ~ /Source:|->|Sink|Writer|echo|orchestrator/) } task' >"$samples"
  echo "## top frames (self) of the job's task threads, $(grep -c 'stackTrace = ' "$samples") samples"
  awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print }' "$samples" \
    | sort | uniq -c | sort -rn | head -n "$n"
  echo "## Journeyflow frames anywhere on the stack (inclusive)"
  awk '/stackTrace = \[/ { delete seen; inside = 1; next } inside && /^ *\]/ { inside = 0 }
       inside && /io\.journeyflow/ { sub(/^ +/, ""); sub(/ +line:.*/, ""); if (!seen[$0]++) print }' "$samples" \
    | sort | uniq -c | sort -rn | head -n "$n"
  echo "## task threads"
  awk -F'"' '/sampledThread = / { print $2 }' "$samples" | sed 's/ ([0-9]*\/[0-9]*)#[0-9]*$//' \
    | sort | uniq -c | sort -rn | head -n 8
  rm -f "$samples"
)
