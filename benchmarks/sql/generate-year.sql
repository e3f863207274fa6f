-- Bulk data for read benchmarks and EXPLAIN plans (docs/reads.md): :trips scored trips of
-- :drivers drivers and :vehicles vehicles spread over the last :days days, made inside PostgreSQL
-- with generate_series; no raw samples, no trip_events rows (the counts are on the scores). The
-- aggregates come from telemetry.rebuild_daily() (the backfill path), not from the triggers,
-- which are disabled during the load. EMPTIES the telemetry tables first. Usage:
--   psql -d <db> -v trips=1000000 -v drivers=5000 -v vehicles=5000 -v days=365 -f generate-year.sql
\timing on
TRUNCATE telemetry.trip_logs, telemetry.driver_stats CASCADE;
ALTER TABLE telemetry.driver_scores DISABLE TRIGGER USER;
INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at, sample_count, status,
    received_at, updated_at, completed_at, published_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(to_hex(i % :vehicles), 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(to_hex((i::bigint * 7919) % :drivers), 12, '0'))::uuid,
       t, 1800, 'COMPLETED', t + interval '40 minutes', t + interval '41 minutes',
       t + interval '41 minutes', t + interval '40 minutes'
FROM generate_series(1, :trips) i,
     LATERAL (SELECT now() - (i::float8 / :trips) * :days * interval '1 day' AS t) x;
INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id, started_at, safety_score,
    harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,
    speeding_seconds, distance_km, duration_s, moving_s, max_speed_kmh, avg_speed_kmh,
    scoring_version, crash_count, crash_detection, scored_at)
SELECT id, driver_id, vehicle_id, started_at, 50 + (hashint4(i) & 63) % 51,
       (hashint4(i) >> 8) & 3, (hashint4(i) >> 10) & 3, (hashint4(i) >> 12) & 1,
       (hashint4(i) >> 14) & 3, ((hashint4(i) >> 16) & 63)::float8, 5 + ((hashint4(i) >> 4) & 63),
       1800, 1650, 110, 45, 'car-1', 0, true, completed_at
FROM (SELECT l.*, row_number() OVER ()::int AS i FROM telemetry.trip_logs l) l;
TRUNCATE telemetry.driver_daily, telemetry.vehicle_daily, telemetry.vehicle_drivers, telemetry.fleet_daily;
SELECT telemetry.rebuild_daily();
ALTER TABLE telemetry.driver_scores ENABLE TRIGGER USER;
VACUUM ANALYZE telemetry.trip_logs, telemetry.driver_scores, telemetry.driver_daily, telemetry.vehicle_daily,
    telemetry.vehicle_drivers, telemetry.fleet_daily;
