-- Median execution time (EXPLAIN ANALYZE, 7 runs after one warm-up) of the inbox list's first page
-- (GET /api/v1/events, gateway.review.EventInbox) per filter, on inbox-explain-setup.sql's data.
-- The "no lower bound" rows drop the trip-start bound that trip_events_late_start_idx makes
-- possible, to show what it saves. docs/safety-inbox.md has the figures.
-- psql -h 127.0.0.1 -U postgres -d <db> -f benchmarks/sql/inbox-explain.sql
CREATE OR REPLACE FUNCTION pg_temp.exec_ms(q text) RETURNS double precision AS $$
DECLARE line text; ms double precision;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF) ' || q LOOP
        IF line LIKE 'Execution Time:%' THEN ms := substring(line FROM '([0-9.]+) ms')::double precision; END IF;
    END LOOP;
    RETURN ms;
END $$ LANGUAGE plpgsql;

CREATE TEMP TABLE q (name text, sql text);
-- The list's SELECT as EventInbox writes it; %s is the WHERE clause.
CREATE TEMP TABLE base AS SELECT
    'SELECT e.trip_id, e.seq, e.event_type, e.severity, e.peak, e.start_ms, e.end_ms, t.started_at,'
 || ' t.driver_id, t.vehicle_id, d.name AS driver_name, v.name AS vehicle_name,'
 || ' coalesce(r.status, ''needs_review'') AS status FROM telemetry.trip_events e'
 || ' JOIN telemetry.trip_logs t ON t.id = e.trip_id'
 || ' LEFT JOIN telemetry.event_reviews r ON r.trip_id = e.trip_id AND r.seq = e.seq'
 || ' LEFT JOIN telemetry.drivers d ON d.driver_id = t.driver_id'
 || ' LEFT JOIN telemetry.vehicles v ON v.vehicle_id = t.vehicle_id WHERE TRUE %s'
 || ' ORDER BY t.started_at DESC, e.trip_id DESC, e.seq DESC LIMIT 51' AS sql;
CREATE TEMP TABLE w (name text, clause text);
INSERT INTO w VALUES
 ('no filter', ''),
 ('one day by the trip''s start (before)', $$ AND t.started_at >= '2026-06-01' AND t.started_at < '2026-06-02'$$),
 ('one day by the event''s time (now)', $$ AND t.started_at + e.start_ms * interval '1 millisecond' >= '2026-06-01' AND t.started_at >= '2026-06-01'::timestamptz - (SELECT greatest(3600000, max(start_ms)) FROM telemetry.trip_events WHERE start_ms >= 3600000) * interval '1 millisecond' AND t.started_at + e.start_ms * interval '1 millisecond' < '2026-06-02' AND t.started_at < '2026-06-02'$$),
 ('driver-day (now)', $$ AND t.driver_id = md5('d7')::uuid AND t.started_at + e.start_ms * interval '1 millisecond' >= '2026-06-01' AND t.started_at >= '2026-06-01'::timestamptz - (SELECT greatest(3600000, max(start_ms)) FROM telemetry.trip_events WHERE start_ms >= 3600000) * interval '1 millisecond' AND t.started_at + e.start_ms * interval '1 millisecond' < '2026-06-02' AND t.started_at < '2026-06-02'$$),
 ('driver-day, no lower bound', $$ AND t.driver_id = md5('d7')::uuid AND t.started_at + e.start_ms * interval '1 millisecond' >= '2026-06-01' AND t.started_at + e.start_ms * interval '1 millisecond' < '2026-06-02' AND t.started_at < '2026-06-02'$$),
 ('one day, dismissed (now)', $$ AND r.status = 'dismissed' AND t.started_at + e.start_ms * interval '1 millisecond' >= '2026-06-01' AND t.started_at >= '2026-06-01'::timestamptz - (SELECT greatest(3600000, max(start_ms)) FROM telemetry.trip_events WHERE start_ms >= 3600000) * interval '1 millisecond' AND t.started_at + e.start_ms * interval '1 millisecond' < '2026-06-02' AND t.started_at < '2026-06-02'$$),
 ('one day, dismissed, no lower bound', $$ AND r.status = 'dismissed' AND t.started_at + e.start_ms * interval '1 millisecond' >= '2026-06-01' AND t.started_at + e.start_ms * interval '1 millisecond' < '2026-06-02' AND t.started_at < '2026-06-02'$$),
 ('one trip', $$ AND e.trip_id = md5('t77')::uuid$$);

CREATE TEMP TABLE runs (name text, run int, ms double precision);
DO $$
DECLARE c record; i int;
BEGIN
    FOR c IN SELECT w.name, format(base.sql, w.clause) AS sql FROM w, base LOOP
        PERFORM pg_temp.exec_ms(c.sql);
        FOR i IN 1..7 LOOP
            INSERT INTO runs VALUES (c.name, i, pg_temp.exec_ms(c.sql));
        END LOOP;
    END LOOP;
END $$;
SELECT w.name AS filter, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS median_ms,
       round(min(ms)::numeric, 2) AS min_ms, round(max(ms)::numeric, 2) AS max_ms
FROM runs JOIN w USING (name) GROUP BY w.name, w.ctid ORDER BY w.ctid;
