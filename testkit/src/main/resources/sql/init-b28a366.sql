-- sql/init.sql as released at commit b28a366, before the samples were partitioned and crashes
-- were stored: the schema that SampleStorageITCase and SchemaUpgradeITCase upgrade from.
-- FleetFlow schema. Idempotent: running it again on a live database changes nothing.
-- Table and column names are a public contract: dashboards and outside tools read them.

CREATE SCHEMA IF NOT EXISTS telemetry;

-- One row per accepted trip. The samples live in telemetry_blob (columnar JSON, see
-- TripBlobCodec); only the id travels through RabbitMQ (claim check).
CREATE TABLE IF NOT EXISTS telemetry.trip_logs (
    id              uuid PRIMARY KEY,
    vehicle_id      uuid        NOT NULL,
    driver_id       uuid        NOT NULL,
    started_at      timestamptz NOT NULL,
    telemetry_blob  jsonb       NOT NULL,
    sample_count    integer     NOT NULL CHECK (sample_count > 0),
    status          varchar(16) NOT NULL DEFAULT 'PENDING'
                    CONSTRAINT trip_logs_status_check
                    CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED')),
    failure_reason  text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    -- When the gateway (or its relay) last handed the id to the broker; NULL until confirmed.
    published_at    timestamptz,
    publish_attempts integer    NOT NULL DEFAULT 0,
    CONSTRAINT trip_logs_failure_has_reason CHECK (status <> 'FAILED' OR failure_reason IS NOT NULL)
);

CREATE INDEX IF NOT EXISTS trip_logs_driver_started_idx  ON telemetry.trip_logs (driver_id, started_at DESC);
-- Includes driver_id so the vehicles list counts each vehicle's trips and drivers from the index
-- alone (a driver never changes on a trip, so this costs no HOT update). Replaced in place: an index
-- built by an earlier version without the column is rebuilt once.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index
               WHERE indexrelid = to_regclass('telemetry.trip_logs_vehicle_started_idx')
               AND indnatts = indnkeyatts) THEN
        DROP INDEX telemetry.trip_logs_vehicle_started_idx;
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS trip_logs_vehicle_started_idx ON telemetry.trip_logs (vehicle_id, started_at DESC)
    INCLUDE (driver_id);
-- Unfinished trips by age: the relay's and the pipeline view's read path. Both finishing writes
-- (COMPLETED and FAILED) set completed_at, so "completed_at IS NULL" is "PENDING or PROCESSING".
-- The predicate names completed_at rather than status on purpose: an update that changes a column
-- an index depends on (its predicate included) can never be HOT, and the job's claim changes only
-- status and updated_at — with this predicate the claim stays on its page without index entries
-- (docs/benchmarks.md, "HOT claims"). Replaces trip_logs_unfinished_idx, whose predicate was on status.
DROP INDEX IF EXISTS telemetry.trip_logs_unfinished_idx;
CREATE INDEX IF NOT EXISTS trip_logs_unfinished_received_idx ON telemetry.trip_logs (received_at)
    WHERE completed_at IS NULL;
-- Finished trips by completion time, and failed ones: the pipeline view counts the trips finished
-- in the last hour and day from these, by index-only scans, instead of counting the whole table
-- (docs/read-api.md). Partial on columns neither an insert nor the claim sets: an insert adds no
-- entry and the claim stays HOT; the finishing write, never HOT anyway (it leaves the unfinished
-- index), adds one entry (two for FAILED). failure_reason is set exactly on FAILED trips.
-- On a large existing table, build both with CREATE INDEX CONCURRENTLY before upgrading: here
-- they are built inside the start's transaction, which blocks writes to trip_logs meanwhile.
CREATE INDEX IF NOT EXISTS trip_logs_finished_idx ON telemetry.trip_logs (completed_at)
    WHERE completed_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS trip_logs_failed_idx ON telemetry.trip_logs (completed_at)
    WHERE failure_reason IS NOT NULL;

-- One row per scored trip, written by the Flink job in the same statement that completes the trip.
CREATE TABLE IF NOT EXISTS telemetry.driver_scores (
    trip_id             uuid PRIMARY KEY REFERENCES telemetry.trip_logs (id) ON DELETE CASCADE,
    driver_id           uuid        NOT NULL,
    vehicle_id          uuid        NOT NULL,
    safety_score        integer     NOT NULL CHECK (safety_score BETWEEN 0 AND 100),
    harsh_braking_count integer     NOT NULL CHECK (harsh_braking_count >= 0),
    rapid_accel_count   integer     NOT NULL CHECK (rapid_accel_count >= 0),
    scoring_version     text        NOT NULL,
    scored_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS driver_scores_vehicle_idx ON telemetry.driver_scores (vehicle_id, scored_at DESC);

-- Scoring model results (see docs/scoring.md). Added after the first release: ADD COLUMN IF NOT
-- EXISTS keeps this script idempotent on databases created by earlier versions.
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS harsh_cornering_count integer NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS speeding_count        integer NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS speeding_seconds      double precision NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS distance_km           double precision NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS duration_s            double precision NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS moving_s              double precision NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS max_speed_kmh         double precision NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS avg_speed_kmh         double precision NOT NULL DEFAULT 0;
-- The trip's start time, copied from trip_logs so score history reads need no join.
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS started_at            timestamptz;
-- A driver's scores by trip time (started_at; scored_at for rows from before that column), newest
-- first: the drivers list reads each listed driver's last 20 from it and the driver page a range
-- of days. Replaces driver_scores_driver_idx (driver_id, scored_at DESC), which served only its
-- first column, so the job still maintains one index per driver here.
DROP INDEX IF EXISTS telemetry.driver_scores_driver_idx;
CREATE INDEX IF NOT EXISTS driver_scores_driver_at_idx
    ON telemetry.driver_scores (driver_id, (coalesce(started_at, scored_at)) DESC, trip_id DESC);

-- Every detected event of a scored trip, in order; rewritten whole when a trip is rescored.
CREATE TABLE IF NOT EXISTS telemetry.trip_events (
    trip_id     uuid        NOT NULL REFERENCES telemetry.trip_logs (id) ON DELETE CASCADE,
    seq         integer     NOT NULL CHECK (seq >= 0),
    event_type  varchar(32) NOT NULL
                CHECK (event_type IN ('HARSH_BRAKING', 'RAPID_ACCELERATION', 'HARSH_CORNERING', 'SPEEDING')),
    start_ms    bigint      NOT NULL,
    end_ms      bigint      NOT NULL CHECK (end_ms >= start_ms),
    -- Peak |g| for g-force events, peak km/h for speeding.
    peak        double precision NOT NULL,
    severity    varchar(16) NOT NULL CHECK (severity IN ('MODERATE', 'HARSH', 'SEVERE')),
    PRIMARY KEY (trip_id, seq)
);

-- Rolling per-driver statistics kept by the job's keyed state (window of trip time, see the job).
CREATE TABLE IF NOT EXISTS telemetry.driver_stats (
    driver_id                   uuid PRIMARY KEY,
    trips                       bigint           NOT NULL,
    distance_km                 double precision NOT NULL,
    duration_s                  double precision NOT NULL,
    harsh_braking_count         bigint           NOT NULL,
    rapid_accel_count           bigint           NOT NULL,
    harsh_cornering_count       bigint           NOT NULL,
    speeding_count              bigint           NOT NULL,
    harsh_braking_per_100km     double precision NOT NULL,
    rapid_accel_per_100km       double precision NOT NULL,
    harsh_cornering_per_100km   double precision NOT NULL,
    speeding_per_100km          double precision NOT NULL,
    rolling_score               integer          NOT NULL CHECK (rolling_score BETWEEN 0 AND 100),
    window_days                 integer          NOT NULL,
    last_trip_started_at        timestamptz,
    updated_at                  timestamptz      NOT NULL DEFAULT now()
);

-- Idempotent ingest (see docs/gateway.md): a client may send an Idempotency-Key; a retry with the
-- same key returns the stored trip instead of a new one. The hash is SHA-256 of the decompressed
-- body, so the same key with a different body is detected and refused.
ALTER TABLE telemetry.trip_logs ADD COLUMN IF NOT EXISTS idempotency_key text;
ALTER TABLE telemetry.trip_logs ADD COLUMN IF NOT EXISTS body_sha256     text;
CREATE UNIQUE INDEX IF NOT EXISTS trip_logs_idempotency_key_idx ON telemetry.trip_logs (idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- API keys of devices (role DEVICE, prefix ffd_) and operators (role OPERATOR, prefix ffo_).
-- Only the SHA-256 of a key is stored; key_prefix (the first characters) identifies it in lists.
CREATE TABLE IF NOT EXISTS telemetry.api_keys (
    id          bigserial PRIMARY KEY,
    role        varchar(16) NOT NULL CHECK (role IN ('DEVICE', 'OPERATOR')),
    name        text        NOT NULL,
    key_prefix  text        NOT NULL,
    key_sha256  text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
-- Read API (docs/read-api.md): the fleet window by start time, and the trips list's keyset order.
CREATE INDEX IF NOT EXISTS trip_logs_started_idx         ON telemetry.trip_logs (started_at);
CREATE INDEX IF NOT EXISTS trip_logs_received_id_idx     ON telemetry.trip_logs (received_at DESC, id DESC);

-- Write path (docs/benchmarks.md, "Gateway"). trip_logs_received_id_idx serves every query by
-- received_at, so the single-column index it replaced only slowed inserts down.
DROP INDEX IF EXISTS telemetry.trip_logs_received_idx;
-- Blobs over ~2 KB are compressed. PostgreSQL's default (pglz) was a fifth of the database's CPU
-- when small trips were ingested; lz4 is several times cheaper and reads back the same value.
-- Servers built without lz4 keep the default. Every trip is also updated after its insert
-- (published_at, then its status): free room on each page lets an update that changes no indexed
-- column stay on its page (HOT) instead of adding an entry to every index.
DO $$
BEGIN
    IF (SELECT attcompression FROM pg_attribute
        WHERE attrelid = 'telemetry.trip_logs'::regclass AND attname = 'telemetry_blob') <> 'l' THEN
        BEGIN
            ALTER TABLE telemetry.trip_logs ALTER COLUMN telemetry_blob SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
            RAISE NOTICE 'lz4 is not available here; telemetry_blob keeps the default compression';
        END;
    END IF;
    IF NOT coalesce((SELECT reloptions FROM pg_class WHERE oid = 'telemetry.trip_logs'::regclass)
                    @> ARRAY['fillfactor=85'], false) THEN
        ALTER TABLE telemetry.trip_logs SET (fillfactor = 85);
    END IF;
END $$;
