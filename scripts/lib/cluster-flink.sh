# Sourced by scripts/cluster and scripts/flink: a standalone Flink session cluster (one JobManager, one TaskManager)
# from Maven-resolved jars, configured by flink-conf/, started the way Flink's own bin/ scripts start it.
#
# JOURNEYFLOW_FLINK_REST_PORT   REST API and web UI (default: rest.port of flink-conf/config.yaml, 8081)
# JOURNEYFLOW_FLINK_RPC_PORT    JobManager RPC (default: jobmanager.rpc.port, 6123)
# JOURNEYFLOW_PROMETHEUS_PORTS  Prometheus reporter ports, one per process (default: metrics.reporter.prom.port)
# JOURNEYFLOW_FLINK_PROPERTIES  more settings, "key=value key=value" (e.g. taskmanager.memory.process.size=2g)

flink_conf_dir="$cluster_home/flink/conf"
flink_lib="$libs_root/flink"
# Where Flink looks for plugins (file systems such as S3, metric reporters), one folder each; empty by default.
export FLINK_PLUGINS_DIR="$cluster_home/flink/plugins"
flink_result_prefix="BASH_JAVA_UTILS_EXEC_RESULT:"

# Flink's helper for shell scripts: merges configuration, computes memory settings. Prints its result lines only.
flink_utils() {
  local output
  output=$(java -cp "$flink_lib/*" org.apache.flink.runtime.util.bash.BashJavaUtils "$@" 2>&1) \
    || { echo "$output" >&2; die "Flink rejected the configuration ($1)"; }
  sed -n "s/^$flink_result_prefix//p" <<<"$output"
}

# The effective configuration: flink-conf/ plus this cluster's directories and port overrides, flattened to
# "key: value" lines so that these scripts can read it.
flink_render_conf() {
  local overrides=("-Dexecution.checkpointing.dir=file://$cluster_home/checkpoints"
                   "-Dexecution.checkpointing.savepoint-dir=file://$cluster_home/savepoints"
                   "-Dstate.changelog.dstl.dfs.base-path=file://$cluster_home/changelog"
                   "-Dio.tmp.dirs=$cluster_home/flink/tmp")
  [[ -n "${JOURNEYFLOW_FLINK_REST_PORT:-}" ]] && overrides+=("-Drest.port=$JOURNEYFLOW_FLINK_REST_PORT")
  [[ -n "${JOURNEYFLOW_FLINK_RPC_PORT:-}" ]] && overrides+=("-Djobmanager.rpc.port=$JOURNEYFLOW_FLINK_RPC_PORT")
  [[ -n "${JOURNEYFLOW_PROMETHEUS_PORTS:-}" ]] && overrides+=("-Dmetrics.reporter.prom.port=$JOURNEYFLOW_PROMETHEUS_PORTS")
  local property
  for property in ${JOURNEYFLOW_FLINK_PROPERTIES:-}; do
    overrides+=("-D$property")
  done
  mkdir -p "$flink_conf_dir" "$FLINK_PLUGINS_DIR" "$cluster_home/flink/tmp" "$cluster_home/checkpoints" \
    "$cluster_home/savepoints" "$cluster_home/changelog"
  flink_utils UPDATE_AND_GET_FLINK_CONFIGURATION --configDir "$root/flink-conf" "${overrides[@]}" -flatten \
    >"$flink_conf_dir/config.yaml.new"
  mv "$flink_conf_dir/config.yaml.new" "$flink_conf_dir/config.yaml"
  cp "$root"/flink-conf/log4j*.properties "$flink_conf_dir/"
}

# The value of a key in the effective configuration, without YAML quotes.
flink_conf_value() {
  awk -v key="$1: " 'index($0, key) == 1 { value = substr($0, length(key) + 1) } END { print value }' \
    "$flink_conf_dir/config.yaml" | sed "s/^'\(.*\)'\$/\1/"
}

flink_rest() {
  curl -sf --max-time 5 "http://127.0.0.1:$(flink_conf_value rest.port)$1"
}

flink_has_taskmanager() {
  flink_rest /overview | grep -q '"taskmanagers":[1-9]'
}

# flink_start_process NAME MAIN_CLASS RESOURCE_COMMAND: memory flags and dynamic settings computed by Flink for this
# process kind, Java options from the configuration (env.java.opts.all and env.java.opts.<kind>).
flink_start_process() {
  local name=$1 main=$2 resources=$3 params
  params=$(flink_utils "$resources" --configDir "$flink_conf_dir")
  [[ $(wc -l <<<"$params") -eq 2 ]] || die "unexpected answer from Flink's $resources: $params"
  # Word splitting is wanted below: these are lists of flags without spaces.
  # shellcheck disable=SC2046
  start_daemon "$name" java $(head -n 1 <<<"$params") \
    $(flink_conf_value env.java.opts.all) $(flink_conf_value "env.java.opts.$name") "$(daemon_marker "$name")" \
    "-Dlog.file=$logs_dir/flink-$name.log" "-Dlog4j.configurationFile=file:$flink_conf_dir/log4j.properties" \
    -cp "$flink_lib/*" "$main" --configDir "$flink_conf_dir" $(tail -n 1 <<<"$params")
}

flink_start() {
  local jm tm
  if jm=$(running_pid jobmanager) && tm=$(running_pid taskmanager); then
    echo "flink is already running (jobmanager pid $jm, taskmanager pid $tm, http://127.0.0.1:$(flink_conf_value rest.port))"
    return 0
  fi
  [[ -z "${jm:-}" ]] || die "the jobmanager runs without its taskmanager: scripts/cluster start-taskmanager"
  if tm=$(running_pid taskmanager); then
    die "a taskmanager (pid $tm) runs without its jobmanager: scripts/cluster stop flink, then start again"
  fi
  ensure_libs flink
  flink_render_conf
  require_free_port "$(flink_conf_value rest.port)" JOURNEYFLOW_FLINK_REST_PORT
  require_free_port "$(flink_conf_value jobmanager.rpc.port)" JOURNEYFLOW_FLINK_RPC_PORT
  local started=$SECONDS
  # Both at once: the TaskManager keeps trying to register until the JobManager is up.
  flink_start_process jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    GET_JM_RESOURCE_PARAMS
  flink_start_process taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
  await jobmanager 90 flink_rest /config >/dev/null
  await taskmanager 90 flink_has_taskmanager
  echo "flink started in $((SECONDS - started)) s: jobmanager pid $(running_pid jobmanager)," \
    "taskmanager pid $(running_pid taskmanager), web UI and REST http://127.0.0.1:$(flink_conf_value rest.port)"
}

# The resource ids of the TaskManagers registered with the JobManager, one a line (a killed one stays listed until
# its heartbeats fail).
flink_taskmanager_ids() {
  flink_rest /taskmanagers | grep -o '"id":"[^"]*"' | sed 's/"id":"\(.*\)"/\1/'
}

# True when a TaskManager that is not among the ids in $1 has registered.
flink_has_new_taskmanager() {
  flink_taskmanager_ids | grep -qvxF -e "${1:-none}"
}

# A TaskManager for the running JobManager, with the configuration recorded at start (after kill-taskmanager, or to
# replace one that died). Jobs waiting for slots are deployed on it.
flink_start_taskmanager() {
  local pid before started=$SECONDS
  if pid=$(running_pid taskmanager); then
    echo "taskmanager is already running (pid $pid)"
    return 0
  fi
  running_pid jobmanager >/dev/null || die "the jobmanager is not running: scripts/cluster start"
  before=$(flink_taskmanager_ids) || die "the jobmanager does not answer on its REST port $(flink_conf_value rest.port)"
  flink_start_process taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
  await taskmanager 90 flink_has_new_taskmanager "$before"
  echo "taskmanager started in $((SECONDS - started)) s: pid $(running_pid taskmanager)"
}

# SIGKILL, as the kernel's OOM killer or a lost machine would: no shutdown hook, nothing flushed or cancelled. The
# JobManager notices through failed heartbeats and restarts the jobs from their latest checkpoint once slots return.
flink_kill_taskmanager() {
  local pid waited=0
  pid=$(running_pid taskmanager) || die "the taskmanager is not running"
  kill -KILL "$pid"
  # By its marker rather than kill -0: a killed process whose parent is gone may linger as a zombie until reaped.
  while running_pid taskmanager >/dev/null; do
    (( waited++ < 100 )) || die "taskmanager (pid $pid) is still there 10 s after SIGKILL"
    sleep 0.1
  done
  echo "taskmanager (pid $pid) killed"
}

# "STATE JOB_ID NAME" for every job the JobManager knows.
flink_jobs() {
  flink_rest /jobs/overview | grep -o '"jid":"[0-9a-f]*","name":"[^"]*",[^}]*"state":"[A-Z_]*"' \
    | sed 's/"jid":"\([0-9a-f]*\)","name":"\([^"]*\)".*"state":"\([A-Z_]*\)"/\3 \1 \2/'
}

flink_stop() {
  local running
  if running_pid jobmanager >/dev/null && running=$(flink_jobs | awk '$1 == "RUNNING" { print $2 }') \
      && [[ -n "$running" ]]; then
    echo "jobs still running, to be restored from their latest checkpoint in $cluster_home/checkpoints:" $running
  fi
  stop_daemon taskmanager
  stop_daemon jobmanager
}

flink_status() {
  local pid result=0
  if pid=$(running_pid jobmanager); then
    printf '%-12s running  pid %-8s rest http://127.0.0.1:%s  rpc 127.0.0.1:%s\n' jobmanager "$pid" \
      "$(flink_conf_value rest.port)" "$(flink_conf_value jobmanager.rpc.port)"
  else
    printf '%-12s stopped\n' jobmanager
    result=1
  fi
  if pid=$(running_pid taskmanager); then
    printf '%-12s running  pid %-8s slots: %s\n' taskmanager "$pid" "$(flink_rest /overview \
      | sed -n 's/.*"slots-total":\([0-9]*\),"slots-available":\([0-9]*\).*/\1 (\2 free)/p')"
  else
    printf '%-12s stopped\n' taskmanager
    result=1
  fi
  if [[ $result == 0 ]]; then
    flink_jobs | while read -r state id name; do
      printf '%-12s %-8s %s %s\n' job "$state" "$id" "$name"
    done
  fi
  return $result
}
