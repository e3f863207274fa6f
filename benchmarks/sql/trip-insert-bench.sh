#!/usr/bin/env bash
# Cost of the trips list's per-driver and per-vehicle indexes (trip_logs_driver_received_idx,
# trip_logs_vehicle_received_idx; docs/reads.md) on the ingest write: single-row trip inserts, one
# client, with both indexes and without, alternated in one run (docs/reads.md). Usage:
# trip-insert-bench.sh <database> (PGHOST / PGUSER as for psql). Starts from 200,000 trips
# (score-upsert-setup.sql); leaves the indexes in place; empties trip_logs.
set -euo pipefail
db=$1
cd "$(dirname "$0")"
psql -q -d "$db" -f score-upsert-setup.sql >/dev/null 2>&1
tmp=$(mktemp -d)
with() {
    psql -q -d "$db" -c "CREATE INDEX IF NOT EXISTS trip_logs_driver_received_idx ON telemetry.trip_logs (driver_id, received_at DESC, id DESC)" \
        -c "CREATE INDEX IF NOT EXISTS trip_logs_vehicle_received_idx ON telemetry.trip_logs (vehicle_id, received_at DESC, id DESC)"
}
without() {
    psql -q -d "$db" -c "DROP INDEX IF EXISTS telemetry.trip_logs_driver_received_idx" \
        -c "DROP INDEX IF EXISTS telemetry.trip_logs_vehicle_received_idx"
}
for round in 1 2 3; do
    with; (cd "$tmp" && pgbench -n -c 1 -t 2000 -f "$OLDPWD/trip-insert.sql" -l --log-prefix="with-$round" "$db" >/dev/null 2>&1)
    without; (cd "$tmp" && pgbench -n -c 1 -t 2000 -f "$OLDPWD/trip-insert.sql" -l --log-prefix="without-$round" "$db" >/dev/null 2>&1)
done
with
for kind in with without; do
    cat "$tmp"/"$kind"-* | awk '{print $3}' | sort -n | awk -v k="$kind" '{a[NR]=$1} END {printf "%-8s inserts %d  median %.1f us  p95 %.1f us\n", k, NR, a[int(NR/2)+1], a[int(NR*0.95)]}'
done
rm -rf "$tmp"
psql -q -d "$db" -c "TRUNCATE telemetry.trip_logs CASCADE" >/dev/null 2>&1
