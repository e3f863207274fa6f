#!/usr/bin/env bash
# Trigger-cost micro-benchmark of the job's score upsert, with and without the daily-aggregate
# triggers, interleaved in one run (docs/benchmarks.md). Usage: score-upsert-bench.sh <database>
# (PGHOST / PGUSER as for psql). Leaves the triggers enabled; empties trip_logs.
set -euo pipefail
db=$1
cd "$(dirname "$0")"
psql -q -d "$db" -f score-upsert-setup.sql >/dev/null 2>&1
tmp=$(mktemp -d)
run() { # <label> <on|off> <rescore 0|1>
    if [ "$2" = on ]; then act=ENABLE; else act=DISABLE; fi
    for t in ins upd del; do psql -q -d "$db" -c "ALTER TABLE telemetry.driver_scores $act TRIGGER driver_scores_daily_$t"; done
    (cd "$tmp" && pgbench -n -c 1 -t 250 -D rescore="$3" -f "$OLDPWD/score-upsert.sql" -l --log-prefix="$1" "$db" >/dev/null 2>&1)
}
for round in 1 2; do
    run "new-on-$round" on 0; run "new-off-$round" off 0
done
for round in 1 2; do
    run "rescore-on-$round" on 1; run "rescore-off-$round" off 1
done
for t in ins upd del; do psql -q -d "$db" -c "ALTER TABLE telemetry.driver_scores ENABLE TRIGGER driver_scores_daily_$t"; done
for kind in new-on new-off rescore-on rescore-off; do
    cat "$tmp"/"$kind"-* | awk '{print $3}' | sort -n | awk -v k="$kind" '{a[NR]=$1} END {printf "%-12s batches %d  median %.2f ms  p95 %.2f ms\n", k, NR, a[int(NR/2)+1]/1000, a[int(NR*0.95)]/1000}'
done
rm -rf "$tmp"
psql -q -d "$db" -c "TRUNCATE telemetry.trip_logs CASCADE" >/dev/null 2>&1
