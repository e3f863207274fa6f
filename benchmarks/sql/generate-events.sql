-- Detected events, their reviews and alerts for the read benchmark (docs/reads.md) on the data of
-- generate-year.sql: one event for every :every-th trip (type, severity and interval by a hash of
-- its number), a review of every 50th event ('reviewed' or 'needs_coaching'), an alert for every
-- SEVERE event (delivered; acknowledged unless raised in the last 7 days). Not consistent with the
-- scores' event counts (the aggregates read those); enough rows, proportional to history, for the
-- inbox and alerts lists. EMPTIES those four tables first. Usage:
--   psql -d <db> -v every=10 -f generate-events.sql
\timing on
TRUNCATE telemetry.trip_events, telemetry.alerts, telemetry.event_reviews, telemetry.event_review_log;
INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms, peak, severity)
SELECT id, 0, (ARRAY['HARSH_BRAKING', 'RAPID_ACCELERATION', 'HARSH_CORNERING', 'SPEEDING'])[1 + (h & 3)],
       ((h >> 4) & 1023) * 1000, ((h >> 4) & 1023) * 1000 + 1500, 0.45,
       (ARRAY['MODERATE', 'HARSH', 'SEVERE'])[1 + ((h >> 2) & 3) % 3]
FROM (SELECT id, hashint4(n::int) AS h
      FROM (SELECT id, row_number() OVER () AS n FROM telemetry.trip_logs) x
      WHERE n % :every = 0) t;
INSERT INTO telemetry.event_reviews (trip_id, seq, event_type, start_ms, end_ms, status, updated_by)
SELECT trip_id, seq, event_type, start_ms, end_ms,
       CASE WHEN n % 100 = 0 THEN 'needs_coaching' ELSE 'reviewed' END, 'bench'
FROM (SELECT e.*, row_number() OVER () AS n FROM telemetry.trip_events e) e WHERE n % 50 = 0;
INSERT INTO telemetry.alerts (id, trip_id, seq, event_type, severity, driver_id, vehicle_id,
    event_start_ms, peak, raised_at, delivered_at, acknowledged_at, acknowledged_by, next_attempt_at)
SELECT md5(e.trip_id || ':' || e.seq || ':' || e.event_type)::uuid, e.trip_id, e.seq, e.event_type,
       e.severity, l.driver_id, l.vehicle_id, e.start_ms, e.peak, l.completed_at, l.completed_at,
       CASE WHEN l.completed_at < now() - interval '7 days' THEN l.completed_at + interval '1 hour' END,
       CASE WHEN l.completed_at < now() - interval '7 days' THEN 'bench' END, l.completed_at
FROM telemetry.trip_events e JOIN telemetry.trip_logs l ON l.id = e.trip_id
WHERE e.severity = 'SEVERE';
VACUUM ANALYZE telemetry.trip_events, telemetry.event_reviews, telemetry.alerts;
