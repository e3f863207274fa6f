-- One batch of 100 scores written by the job's ScoreBatchStatement upsert (the driver_scores part,
-- same columns and ON CONFLICT clause). bench_batch hands out batches in order: the first 2,000
-- are new trips (the triggers' INSERT pass); with `-D rescore=1` batches are drawn at random from
-- the written ones and re-scored with other counts (the UPDATE pass).
SELECT CASE WHEN :rescore = 1 THEN floor(random() * 1000)::int ELSE nextval('bench_batch') - 1 END AS b \gset
INSERT INTO telemetry.driver_scores (trip_id, driver_id, vehicle_id, started_at, safety_score,
    harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,
    speeding_seconds, distance_km, duration_s, moving_s, max_speed_kmh, avg_speed_kmh,
    scoring_version, crash_count, mount_yaw_deg, crash_detection, scored_at)
SELECT l.id, l.driver_id, l.vehicle_id, l.started_at, (random() * 100)::int, (random() * 4)::int,
    (random() * 4)::int, (random() * 4)::int, (random() * 4)::int, random() * 60, random() * 80,
    random() * 3600, random() * 3000, 120, 50, 'bench', 0, NULL, true, now()
FROM telemetry.trip_logs l
WHERE l.id = ANY (ARRAY(SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid
                        FROM generate_series(:b * 100 + 1, :b * 100 + 100) i))
ON CONFLICT (trip_id) DO UPDATE SET started_at = EXCLUDED.started_at,
    safety_score = EXCLUDED.safety_score, harsh_braking_count = EXCLUDED.harsh_braking_count,
    rapid_accel_count = EXCLUDED.rapid_accel_count,
    harsh_cornering_count = EXCLUDED.harsh_cornering_count,
    speeding_count = EXCLUDED.speeding_count, speeding_seconds = EXCLUDED.speeding_seconds,
    distance_km = EXCLUDED.distance_km, duration_s = EXCLUDED.duration_s,
    moving_s = EXCLUDED.moving_s, max_speed_kmh = EXCLUDED.max_speed_kmh,
    avg_speed_kmh = EXCLUDED.avg_speed_kmh, scoring_version = EXCLUDED.scoring_version,
    crash_count = EXCLUDED.crash_count, mount_yaw_deg = EXCLUDED.mount_yaw_deg,
    crash_detection = EXCLUDED.crash_detection, scored_at = EXCLUDED.scored_at;
