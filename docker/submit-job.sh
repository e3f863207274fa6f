#!/usr/bin/env bash
# Submits the FleetFlow scoring job to the session cluster at $FLINK_REST_URL, once: if a job of
# that name is already running (a restarted submitter, a second `docker-compose up`), it does
# nothing. The job's arguments come from the environment (see docker-compose.yml).
set -euo pipefail

REST=${FLINK_REST_URL:-http://jobmanager:8081}
JOB_NAME="FleetFlow trip scoring"

for _ in $(seq 1 60); do
  curl -fsS "$REST/overview" >/dev/null 2>&1 && break
  echo "waiting for the JobManager at $REST"; sleep 2
done
if curl -fsS "$REST/jobs/overview" | tr '}' '\n' | grep -F "\"name\":\"$JOB_NAME\"" \
    | grep -qE '"state":"(INITIALIZING|CREATED|RUNNING|RESTARTING)"'; then
  echo "$JOB_NAME is already running; nothing to submit"
  exit 0
fi

args=(
  --amqp-uri "$FLEETFLOW_AMQP_URI"
  --queue "${FLEETFLOW_QUEUE:-telemetry_analysis}"
  --jdbc-url "$FLEETFLOW_DB_URL"
  --jdbc-user "$FLEETFLOW_DB_USER"
  --jdbc-password "$FLEETFLOW_DB_PASSWORD"
  --parallelism "${FLEETFLOW_JOB_PARALLELISM:-2}"
)
exec flink run --detached --jobmanager "${REST#http://}" /opt/fleetflow/flink-job.jar "${args[@]}"
