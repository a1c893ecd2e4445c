# Sourced by the bench scripts: builds jobs/bench (and what it depends on), then `run_bench MAIN ARGS...` runs one of
# its main classes in a fresh JVM with the module access Flink needs on Java 17. BENCH_HEAP sets -Xmx (default 4g).
mvn -q -B -DskipTests install -pl jobs/bench -am
mvn -q -B -pl jobs/bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
source "$(dirname "${BASH_SOURCE[0]}")/local-runner.sh"
bench_classpath="jobs/bench/target/classes:$(cat jobs/bench/target/classpath.txt)"

run_bench() {
  java "-Xmx${BENCH_HEAP:-4g}" -XX:+UseParallelGC -Dlog4j2.level=WARN "${local_jvm_options[@]}" \
    -cp "$bench_classpath" "$@"
}
