# Sourced by scripts/cluster: one Kafka node (KRaft, broker and controller combined) on 127.0.0.1.
#
# JOURNEYFLOW_KAFKA_PORT             the broker's port (default 9092)
# JOURNEYFLOW_KAFKA_CONTROLLER_PORT  the controller's port (default 9093)

kafka_dir="$cluster_home/kafka"

# The ports of the running (or last started) broker: "PORT CONTROLLER_PORT".
kafka_recorded_ports() {
  cat "$kafka_dir/ports" 2>/dev/null
}

kafka_start() {
  local pid port controller_port
  if pid=$(running_pid kafka); then
    read -r port controller_port < <(kafka_recorded_ports)
    echo "kafka is already running (pid $pid, 127.0.0.1:$port)"
    return 0
  fi
  port=${JOURNEYFLOW_KAFKA_PORT:-9092}
  controller_port=${JOURNEYFLOW_KAFKA_CONTROLLER_PORT:-9093}
  kafka_check_formatted_for "$controller_port"
  require_free_port "$port" JOURNEYFLOW_KAFKA_PORT
  require_free_port "$controller_port" JOURNEYFLOW_KAFKA_CONTROLLER_PORT
  ensure_libs kafka
  mkdir -p "$kafka_dir/data" "$logs_dir"
  sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@DATA_DIR@|$kafka_dir/data|g" \
    "$root/scripts/lib/kafka/server.properties" >"$kafka_dir/server.properties"
  local jvm=("-Dlog4j2.configurationFile=$root/scripts/lib/kafka/log4j2.properties" "-Dkafka.logs.dir=$logs_dir"
             -cp "$libs_root/kafka/*")
  if [[ ! -f "$kafka_dir/data/meta.properties" ]]; then
    # A fresh node: a new cluster id, and this node as the only voter of the controller quorum.
    java "${jvm[@]}" kafka.tools.StorageTool format --standalone --ignore-formatted \
        --cluster-id "$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" \
        --config "$kafka_dir/server.properties" >"$logs_dir/kafka-format.out" 2>&1 \
      || { cat "$logs_dir/kafka-format.out" >&2; die "could not format the Kafka data directory $kafka_dir/data"; }
    echo "$controller_port" >"$kafka_dir/formatted-controller-port"
  fi
  echo "$port $controller_port" >"$kafka_dir/ports"
  local started=$SECONDS since
  since=$(date '+%Y-%m-%d %H:%M:%S')
  start_daemon kafka java -Xms256m -Xmx1g "$(daemon_marker kafka)" "${jvm[@]}" kafka.Kafka "$kafka_dir/server.properties"
  await kafka 60 kafka_started_since "$since"
  echo "kafka started in $((SECONDS - started)) s: pid $(running_pid kafka), broker 127.0.0.1:$port"
}

# The broker's log says it started at or after $1 ("YYYY-MM-DD HH:MM:SS", the log's own format and time zone): an
# earlier run's line, still in the log until the new process rolls it, does not count.
kafka_started_since() {
  awk -v since="[$1" '/Kafka Server started/ && $0 >= since { found = 1 } END { exit !found }' \
    "$logs_dir/kafka.log" 2>/dev/null
}

# The controller quorum remembers its voter's address: a data directory formatted for one controller port does not
# start on another.
kafka_check_formatted_for() {
  local formatted
  formatted=$(cat "$kafka_dir/formatted-controller-port" 2>/dev/null) || return 0
  if [[ -f "$kafka_dir/data/meta.properties" && "$formatted" != "$1" ]]; then
    die "the Kafka data in $kafka_dir/data belongs to controller port $formatted, not $1: set" \
        "JOURNEYFLOW_KAFKA_CONTROLLER_PORT=$formatted, or delete the data with: scripts/cluster clean"
  fi
}

kafka_stop() {
  stop_daemon kafka
}

# Stops the broker (SIGTERM: a controlled shutdown, as in a rolling restart) and starts it again on the ports it had
# and on the same data directory: topics, committed offsets and open transactions survive.
kafka_restart() {
  local port controller_port
  running_pid kafka >/dev/null || die "kafka is not running: scripts/cluster start kafka"
  read -r port controller_port < <(kafka_recorded_ports)
  kafka_stop
  JOURNEYFLOW_KAFKA_PORT=$port JOURNEYFLOW_KAFKA_CONTROLLER_PORT=$controller_port kafka_start
}

kafka_status() {
  local pid port controller_port
  if pid=$(running_pid kafka); then
    read -r port controller_port < <(kafka_recorded_ports)
    printf '%-12s running  pid %-8s broker 127.0.0.1:%s  controller 127.0.0.1:%s\n' kafka "$pid" "$port" \
      "$controller_port"
  else
    printf '%-12s stopped\n' kafka
    return 1
  fi
}
