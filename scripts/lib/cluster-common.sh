# Sourced by scripts/cluster and scripts/flink: where things live, the Maven-built class paths, and daemons started
# and stopped by their own PIDs.
#
# JOURNEYFLOW_CLUSTER_HOME  runtime files: pids, logs, data, checkpoints, savepoints (default: <repo>/.cluster)
# JOURNEYFLOW_STOP_TIMEOUT  seconds a daemon gets to stop after SIGTERM before SIGKILL (default 30)
# MVN                       the Maven command that builds the class paths (default: mvn -B)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "${JOURNEYFLOW_CLUSTER_HOME:-$root/.cluster}"
# Absolute: the daemons run in it, and Flink resolves relative paths against their working directory.
cluster_home="$(cd "${JOURNEYFLOW_CLUSTER_HOME:-$root/.cluster}" && pwd)"
libs_pom="$root/scripts/cluster-libs/pom.xml"
libs_root="$root/scripts/cluster-libs/target/lib"
run_dir="$cluster_home/run"
logs_dir="$cluster_home/logs"

die() {
  echo "$*" >&2
  exit 1
}

# The class path of one profile of scripts/cluster-libs/pom.xml (flink or kafka), copied by Maven the first time
# it is needed and again whenever the pom changes.
ensure_libs() {
  local name=$1
  local dir="$libs_root/$name"
  if [[ -f "$dir/.complete" && "$dir/.complete" -nt "$libs_pom" ]]; then
    return
  fi
  echo "resolving the $name jars with Maven (once)..." >&2
  rm -rf "$dir"
  mkdir -p "$libs_root"
  local log="$libs_root/$name-maven.log"
  if ! (cd "$root" && ${MVN:-mvn -B} -f "$libs_pom" -P"$name" dependency:copy-dependencies >"$log" 2>&1); then
    tail -n 30 "$log" >&2
    die "could not resolve the $name jars; the whole Maven output is in $log"
  fi
  touch "$dir/.complete"
}

# Every daemon carries this property: it is how stop and status recognise their own process behind a PID.
daemon_marker() {
  echo "-Djourneyflow.daemon=$1@$cluster_home"
}

pid_file() {
  echo "$run_dir/$1.pid"
}

# Prints the PID of daemon $1 and succeeds if it runs; a PID file left by a dead process is removed.
running_pid() {
  local file pid args
  file=$(pid_file "$1")
  [[ -f "$file" ]] || return 1
  pid=$(<"$file")
  args=$(ps -ww -p "$pid" -o args= 2>/dev/null) || args=""
  if [[ "$args" == *"$(daemon_marker "$1")"* ]]; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# start_daemon NAME COMMAND...: runs COMMAND in the cluster home, in a session of its own (a Ctrl-C meant for this
# script does not reach it), output in logs/NAME.out, PID in run/NAME.pid.
start_daemon() {
  local name=$1
  shift
  mkdir -p "$run_dir" "$logs_dir"
  if [[ -f "$logs_dir/$name.out" ]]; then
    mv -f "$logs_dir/$name.out" "$logs_dir/$name.out.1"
  fi
  (cd "$cluster_home" && exec setsid "$@" </dev/null >"$logs_dir/$name.out" 2>&1) &
  echo $! >"$(pid_file "$name")"
}

# stop_daemon NAME: SIGTERM to the recorded PID, SIGKILL if it is still there after the timeout.
stop_daemon() {
  local name=$1 pid waited=0
  if ! pid=$(running_pid "$name"); then
    echo "$name is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  local limit=$(( ${JOURNEYFLOW_STOP_TIMEOUT:-30} * 10 ))
  while kill -0 "$pid" 2>/dev/null && (( waited < limit )); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null
    echo "$name (pid $pid) did not stop within ${JOURNEYFLOW_STOP_TIMEOUT:-30} s: killed"
  else
    echo "$name (pid $pid) stopped"
  fi
  rm -f "$(pid_file "$name")"
}

# await NAME SECONDS CHECK...: polls CHECK until it succeeds; fails early, with the daemon's log, if NAME dies.
await() {
  local name=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! running_pid "$name" >/dev/null; then
      show_log_tail "$name"
      die "$name exited during start-up"
    fi
    if (( SECONDS >= deadline )); then
      show_log_tail "$name"
      die "$name was not ready within $seconds s (still running, pid $(<"$(pid_file "$name")"))"
    fi
    sleep 0.25
  done
}

show_log_tail() {
  local file
  for file in "$logs_dir/$1.out" "$logs_dir/$1.log"; do
    if [[ -s "$file" ]]; then
      echo "--- last lines of $file" >&2
      tail -n 25 "$file" >&2
    fi
  done
}

# True when something already listens on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_free_port() {
  if port_in_use "$1"; then
    die "port $1 on 127.0.0.1 is in use: stop what uses it or set $2 to a free port"
  fi
}
