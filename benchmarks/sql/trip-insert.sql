-- One trip as the gateway's TripStore inserts it (one row, one transaction), for
-- trip-insert-bench.sh: random ids among 5,000 drivers and vehicles.
INSERT INTO telemetry.trip_logs (id, vehicle_id, driver_id, started_at, sample_count)
VALUES (gen_random_uuid(),
        ('00000000-0000-4000-9000-' || lpad(to_hex((random() * 4999)::int), 12, '0'))::uuid,
        ('00000000-0000-4000-a000-' || lpad(to_hex((random() * 4999)::int), 12, '0'))::uuid,
        now() - interval '40 minutes', 1800);
