#!/usr/bin/env bash
# Runs a real Flink 1.20 session cluster (one JobManager and one or more TaskManager processes)
# from Maven Central jars, and submits the FleetFlow job jar to it through the REST API, as a data
# engineer would with a Flink distribution.
#
#   scripts/flink-cluster.sh start                 start JobManager + TaskManager(s), wait until ready
#   scripts/flink-cluster.sh submit [JAR] [ARGS..] upload the shaded job jar and run it; prints the job id
#   scripts/flink-cluster.sh savepoint JOB_ID [DIR]  stop the job with a savepoint; prints its path
#   scripts/flink-cluster.sh cancel JOB_ID         cancel a running job
#   scripts/flink-cluster.sh status                the cluster overview (JSON)
#   scripts/flink-cluster.sh stop                  stop every process
#
# Environment (all optional):
#   FLEETFLOW_FLINK_WORK       work directory: lib/, conf/, log/, pids (default: target/flink-cluster)
#   FLEETFLOW_FLINK_CONF       configuration to start from (default: flink-conf/flink-conf.yaml)
#   FLEETFLOW_FLINK_REST_PORT  Web UI / REST port (default: rest.port from the configuration, 8081)
#   FLEETFLOW_FLINK_RPC_PORT   JobManager RPC port (default: jobmanager.rpc.port, 6123)
#   FLEETFLOW_FLINK_CHECKPOINTS  checkpoint directory URI (default: state.checkpoints.dir)
#   FLEETFLOW_FLINK_TASKMANAGERS  TaskManager processes to start (default: 1)
#   FLEETFLOW_FLINK_SLOTS      task slots per TaskManager (default: taskmanager.numberOfTaskSlots, 2)
#   FLEETFLOW_FLINK_SAVEPOINT  submit: start the job from this savepoint (e.g. at a new parallelism)
#   FLEETFLOW_FLINK_ENTRY_CLASS  main class submit runs (default: io.fleetflow.job.TripScoringJob;
#                              io.fleetflow.job.rescore.RescoreJob re-scores history)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TASKMANAGERS="${FLEETFLOW_FLINK_TASKMANAGERS:-1}"
WORK="${FLEETFLOW_FLINK_WORK:-$ROOT/target/flink-cluster}"
SOURCE_CONF="${FLEETFLOW_FLINK_CONF:-$ROOT/flink-conf/flink-conf.yaml}"
LIB="$WORK/lib"
CONF="$WORK/conf"
LOG="$WORK/log"

conf_value() { # key -> value in the effective configuration
  sed -n "s/^$1:[[:space:]]*//p" "$CONF/flink-conf.yaml" | tail -1
}

set_conf() { # key value: replace (or add) a key in the effective configuration
  local file="$CONF/flink-conf.yaml"
  grep -v "^$1:" "$file" > "$file.tmp" || true
  echo "$1: $2" >> "$file.tmp"
  mv "$file.tmp" "$file"
}

rest_url() {
  echo "http://127.0.0.1:$(conf_value rest.port)"
}

prepare() {
  mkdir -p "$WORK" "$CONF" "$LOG"
  if [ ! -f "$LIB/.complete" ]; then
    echo "Fetching Flink jars into $LIB" >&2
    rm -rf "$LIB"
    "$ROOT/mvnw" -B -q -f "$ROOT/scripts/flink-cluster-lib/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LIB" >&2
    touch "$LIB/.complete"
  fi
  cp "$SOURCE_CONF" "$CONF/flink-conf.yaml"
  rm -f "$CONF/config.yaml" # Flink 1.20 would ignore it anyway; keep one file
  [ -n "${FLEETFLOW_FLINK_REST_PORT:-}" ] && set_conf rest.port "$FLEETFLOW_FLINK_REST_PORT"
  [ -n "${FLEETFLOW_FLINK_RPC_PORT:-}" ] && set_conf jobmanager.rpc.port "$FLEETFLOW_FLINK_RPC_PORT"
  [ -n "${FLEETFLOW_FLINK_CHECKPOINTS:-}" ] && set_conf state.checkpoints.dir "$FLEETFLOW_FLINK_CHECKPOINTS"
  [ -n "${FLEETFLOW_FLINK_SLOTS:-}" ] && set_conf taskmanager.numberOfTaskSlots "$FLEETFLOW_FLINK_SLOTS"
  # With several TaskManagers, spread a job's subtasks over all of them rather than filling one.
  set_conf cluster.evenly-spread-out-slots true
  cat > "$CONF/log4j.properties" <<'LOG4J'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
LOG4J
}

# Flink's own scripts ask BashJavaUtils for the memory flags; the TaskManager refuses to start
# without them. Output: JVM flags on the first result line, -D options on the second.
resource_params() { # GET_JM_RESOURCE_PARAMS | GET_TM_RESOURCE_PARAMS
  java -cp "$LIB/*" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$CONF" \
    | grep -A2 '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

launch() { # name main-class resource-command
  local name="$1" main="$2" params jvm dynamic
  params="$(resource_params "$3")"
  jvm="$(echo "$params" | sed -n 1p)"
  dynamic="$(echo "$params" | sed -n 2p)"
  # shellcheck disable=SC2086 # word splitting of the flag lists is intended
  nohup java $(conf_value env.java.opts.all) $jvm \
    -Dlog.file="$LOG/$name.log" -Dlog4j.configurationFile="file:$CONF/log4j.properties" \
    -cp "$LIB/*" "$main" --configDir "$CONF" $dynamic > "$LOG/$name.out" 2>&1 &
  echo $! > "$WORK/$name.pid"
}

running() { # name
  [ -f "$WORK/$1.pid" ] && kill -0 "$(cat "$WORK/$1.pid")" 2>/dev/null
}

taskmanager_names() { # taskmanager, taskmanager-2, ... (the first keeps its old name)
  local i
  for i in $(seq 1 "$TASKMANAGERS"); do
    if [ "$i" = 1 ]; then echo taskmanager; else echo "taskmanager-$i"; fi
  done
}

all_taskmanagers_running() {
  local tm
  for tm in $(taskmanager_names); do running "$tm" || return 1; done
}

start() {
  if running jobmanager; then
    echo "Already running: $(rest_url)" >&2
    return 0
  fi
  prepare
  launch jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint GET_JM_RESOURCE_PARAMS
  local tm
  for tm in $(taskmanager_names); do
    launch "$tm" org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
  done
  local url deadline
  url="$(rest_url)"
  deadline=$((SECONDS + ${FLEETFLOW_FLINK_START_TIMEOUT:-120}))
  until [ "$(curl -sf "$url/overview" 2>/dev/null | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p')" \
      = "$TASKMANAGERS" ]; do
    if [ $SECONDS -ge $deadline ] || ! running jobmanager || ! all_taskmanagers_running; then
      echo "Flink cluster did not come up; logs in $LOG" >&2
      tail -20 "$LOG"/*.out "$LOG"/*.log >&2 || true
      stop
      return 1
    fi
    sleep 1
  done
  echo "Flink cluster running: Web UI $url (logs in $LOG)" >&2
}

submit() {
  local jar="${1:-}"
  [ $# -gt 0 ] && shift
  if [ -z "$jar" ]; then
    jar="$(ls "$ROOT"/flink-job/target/flink-job-*-shaded.jar 2>/dev/null | head -1)"
  fi
  [ -f "$jar" ] || { echo "No job jar (build it: ./mvnw -pl flink-job -am package -DskipTests)" >&2; return 1; }
  local url upload jar_id body args=""
  url="$(rest_url)"
  curl -sf "$url/overview" > /dev/null || { echo "No Flink cluster at $url" >&2; return 1; }
  upload="$(curl -sf -X POST -H 'Expect:' -F "jarfile=@$jar" "$url/jars/upload")"
  jar_id="$(echo "$upload" | sed -n 's/.*"filename":"[^"]*\/\([^"/]*\)".*/\1/p')"
  [ -n "$jar_id" ] || { echo "Upload failed: $upload" >&2; return 1; }
  for a in "$@"; do
    a="${a//\\/\\\\}"
    args="$args${args:+,}\"${a//\"/\\\"}\""
  done
  local restore=""
  if [ -n "${FLEETFLOW_FLINK_SAVEPOINT:-}" ]; then
    restore=",\"savepointPath\":\"$FLEETFLOW_FLINK_SAVEPOINT\""
  fi
  body="{\"entryClass\":\"${FLEETFLOW_FLINK_ENTRY_CLASS:-io.fleetflow.job.TripScoringJob}\",\"programArgsList\":[$args]$restore}"
  local run
  run="$(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "$url/jars/$jar_id/run")"
  local job_id
  job_id="$(echo "$run" | sed -n 's/.*"jobid":"\([0-9a-f]*\)".*/\1/p')"
  [ -n "$job_id" ] || { echo "Run failed: $run" >&2; return 1; }
  echo "$job_id"
}

# Stop-with-savepoint (the job's sources stop, a savepoint is taken, the job ends FINISHED); prints
# the savepoint's path, from which `submit` can start the job again at another parallelism.
savepoint() { # JOB_ID [DIR]
  local url trigger status location deadline dir="${2:-}"
  url="$(rest_url)"
  local body='{"drain":false}'
  [ -n "$dir" ] && body="{\"drain\":false,\"targetDirectory\":\"$dir\"}"
  trigger="$(curl -sf -X POST -H 'Content-Type: application/json' -d "$body" "$url/jobs/$1/stop" \
    | sed -n 's/.*"request-id":"\([0-9a-f]*\)".*/\1/p')"
  [ -n "$trigger" ] || { echo "Stop-with-savepoint was refused for job $1" >&2; return 1; }
  deadline=$((SECONDS + ${FLEETFLOW_FLINK_SAVEPOINT_TIMEOUT:-180}))
  while [ $SECONDS -lt $deadline ]; do
    status="$(curl -sf "$url/jobs/$1/savepoints/$trigger")"
    if echo "$status" | grep -q '"id":"COMPLETED"'; then
      location="$(echo "$status" | sed -n 's/.*"location":"\([^"]*\)".*/\1/p')"
      [ -n "$location" ] || { echo "Savepoint failed: $status" >&2; return 1; }
      echo "$location"
      return 0
    fi
    sleep 1
  done
  echo "Savepoint of job $1 did not complete in time" >&2
  return 1
}

cancel() {
  curl -sf -X PATCH "$(rest_url)/jobs/$1?mode=cancel" > /dev/null
}

stop() {
  local name
  # Every TaskManager this work directory started, however many that was.
  for name in $(cd "$WORK" 2>/dev/null && ls taskmanager*.pid 2>/dev/null | sed 's/\.pid$//') \
      jobmanager; do
    if running "$name"; then
      local pid
      pid="$(cat "$WORK/$name.pid")"
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$WORK/$name.pid"
  done
}

case "${1:-}" in
  start) start ;;
  submit) shift; submit "$@" ;;
  savepoint) savepoint "$2" "${3:-}" ;;
  cancel) cancel "$2" ;;
  status) curl -sf "$(rest_url)/overview"; echo ;;
  stop) stop ;;
  *) sed -n '2,25p' "$0"; exit 2 ;;
esac
