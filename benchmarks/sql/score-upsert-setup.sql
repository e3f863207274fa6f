-- Trigger-cost micro-benchmark (docs/benchmarks.md, "Daily aggregates: cost on the job's score
-- writes"): 200,000 trips of 5,000 drivers and 5,000 vehicles over 30 days, no scores yet.
TRUNCATE telemetry.trip_logs CASCADE;
DROP SEQUENCE IF EXISTS bench_batch;
CREATE SEQUENCE bench_batch;
INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at, sample_count, status)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(to_hex(i % 5000), 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(to_hex((i * 7) % 5000), 12, '0'))::uuid,
       now() - (i % 30) * interval '1 day' - (i % 86000) * interval '1 second', 600, 'PROCESSING'
FROM generate_series(1, 200000) i;
