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
CREATE INDEX IF NOT EXISTS trip_logs_vehicle_started_idx ON telemetry.trip_logs (vehicle_id, started_at DESC);
CREATE INDEX IF NOT EXISTS trip_logs_received_idx        ON telemetry.trip_logs (received_at DESC);
-- Unfinished trips by age: the relay's and the pipeline view's read path.
CREATE INDEX IF NOT EXISTS trip_logs_unfinished_idx      ON telemetry.trip_logs (received_at)
    WHERE status IN ('PENDING', 'PROCESSING');

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

CREATE INDEX IF NOT EXISTS driver_scores_driver_idx  ON telemetry.driver_scores (driver_id, scored_at DESC);
CREATE INDEX IF NOT EXISTS driver_scores_vehicle_idx ON telemetry.driver_scores (vehicle_id, scored_at DESC);
