-- Data for inbox-explain.sql (docs/safety-inbox.md): 200,000 trips over 365 days (500 drivers,
-- 300 vehicles), 3 events each at 1 s, 5 min and 10 min into the trip (600,000 events), the first
-- event of every 50th trip dismissed. Needs sql/init.sql applied; empties the trip tables first.
-- psql -h 127.0.0.1 -U postgres -d <db> -f sql/init.sql -f benchmarks/sql/inbox-explain-setup.sql
TRUNCATE telemetry.trip_logs CASCADE;
INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at, sample_count, status, completed_at)
SELECT md5('t' || g)::uuid, md5('v' || (g % 300))::uuid, md5('d' || (g % 500))::uuid,
       timestamptz '2026-01-01' + (g * 157.68) * interval '1 second', 600, 'COMPLETED', now()
FROM generate_series(1, 200000) g;
INSERT INTO telemetry.trip_events (trip_id, seq, event_type, start_ms, end_ms, peak, severity)
SELECT t.id, s,
       (ARRAY['HARSH_BRAKING', 'RAPID_ACCELERATION', 'HARSH_CORNERING', 'SPEEDING'])[1 + abs(hashtext(t.id::text || s)) % 4],
       1000 + s * 300000, 3000 + s * 300000, 0.5,
       (ARRAY['MODERATE', 'HARSH', 'SEVERE'])[1 + abs(hashtext(t.id::text || s || 'x')) % 3]
FROM telemetry.trip_logs t, generate_series(0, 2) s;
INSERT INTO telemetry.event_reviews (trip_id, seq, event_type, start_ms, end_ms, status, reason, updated_by)
SELECT trip_id, seq, event_type, start_ms, end_ms, 'dismissed', 'bench', 'bench'
FROM telemetry.trip_events WHERE seq = 0 AND abs(hashtext(trip_id::text)) % 50 = 0;
VACUUM ANALYZE telemetry.trip_logs, telemetry.trip_events, telemetry.event_reviews;
