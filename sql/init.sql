-- FleetFlow schema. Idempotent: running it again on a live database changes nothing.
-- Table and column names are a public contract: dashboards and outside tools read them.

CREATE SCHEMA IF NOT EXISTS telemetry;

-- One row per accepted trip, kept forever: its identity, status and publication. The raw samples
-- live in telemetry.trip_samples (below), partitioned by received_at so that retention can drop
-- them a week at a time; only the id travels through RabbitMQ (claim check). Databases created
-- before the split had the samples here, in telemetry_blob: SchemaInitializer moves them once
-- (SampleStorageUpgrade, docs/storage.md).
CREATE TABLE IF NOT EXISTS telemetry.trip_logs (
    id              uuid PRIMARY KEY,
    vehicle_id      uuid        NOT NULL,
    driver_id       uuid        NOT NULL,
    started_at      timestamptz NOT NULL,
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
-- Crashes and what the data allowed (issue 19, docs/scoring.md): the CRASH events of the trip, the
-- device's estimated mounting yaw in degrees (NULL when not estimated), and whether the sample
-- rate allowed looking for crashes. Rows scored before these columns read crash_count 0 and NULL
-- for the other two: not known, rather than "no crash" or "not possible".
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS crash_count     integer NOT NULL DEFAULT 0;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS mount_yaw_deg   double precision;
ALTER TABLE telemetry.driver_scores ADD COLUMN IF NOT EXISTS crash_detection boolean;

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

-- Crashes (issue 19, docs/scoring.md). The type check is replaced in place on databases created
-- before CRASH existed: once, only while its definition lacks CRASH (re-adding it checks every row
-- under an exclusive lock, so it must not happen on every start). The name is the one PostgreSQL
-- gave the inline check above, so fresh and upgraded databases carry the same constraint.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                   WHERE conrelid = 'telemetry.trip_events'::regclass
                   AND conname = 'trip_events_event_type_check'
                   AND pg_get_constraintdef(oid) LIKE '%''CRASH''%') THEN
        ALTER TABLE telemetry.trip_events DROP CONSTRAINT IF EXISTS trip_events_event_type_check;
        ALTER TABLE telemetry.trip_events ADD CONSTRAINT trip_events_event_type_check
            CHECK (event_type IN ('HARSH_BRAKING', 'RAPID_ACCELERATION', 'HARSH_CORNERING', 'SPEEDING', 'CRASH'));
    END IF;
END $$;
-- What a CRASH measured (peak holds its peak horizontal g); NULL for every other type, and the
-- speeds also when the trip has no usable speed. In km/h.
ALTER TABLE telemetry.trip_events ADD COLUMN IF NOT EXISTS delta_v_kmh      double precision;
ALTER TABLE telemetry.trip_events ADD COLUMN IF NOT EXISTS speed_before_kmh double precision;
ALTER TABLE telemetry.trip_events ADD COLUMN IF NOT EXISTS speed_after_kmh  double precision;

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
-- CRASH events in the driver's window (issue 20): a count, not a rate per 100 km (too rare for
-- one). Rows written before the column read 0 until the driver's next trip rewrites them.
ALTER TABLE telemetry.driver_stats ADD COLUMN IF NOT EXISTS crash_count bigint NOT NULL DEFAULT 0;

-- Idempotent ingest (see docs/gateway.md): a client may send an Idempotency-Key; a retry with the
-- same key returns the stored trip instead of a new one. The hash is SHA-256 of the decompressed
-- body, so the same key with a different body is detected and refused.
ALTER TABLE telemetry.trip_logs ADD COLUMN IF NOT EXISTS idempotency_key text;
ALTER TABLE telemetry.trip_logs ADD COLUMN IF NOT EXISTS body_sha256     text;
CREATE UNIQUE INDEX IF NOT EXISTS trip_logs_idempotency_key_idx ON telemetry.trip_logs (idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- API keys of devices (role DEVICE, prefix ffd_), viewers (role VIEWER, prefix ffv_, read only) and
-- operators (role OPERATOR, prefix ffo_: read and change the registry).
-- Only the SHA-256 of a key is stored; key_prefix (the first characters) identifies it in lists.
CREATE TABLE IF NOT EXISTS telemetry.api_keys (
    id          bigserial PRIMARY KEY,
    role        varchar(16) NOT NULL
                CONSTRAINT api_keys_role_check CHECK (role IN ('DEVICE', 'VIEWER', 'OPERATOR')),
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
-- Every trip is updated after its insert (published_at, then its status): free room on each page
-- lets an update that changes no indexed column stay on its page (HOT) instead of adding an entry
-- to every index.
DO $$
BEGIN
    IF NOT coalesce((SELECT reloptions FROM pg_class WHERE oid = 'telemetry.trip_logs'::regclass)
                    @> ARRAY['fillfactor=85'], false) THEN
        ALTER TABLE telemetry.trip_logs SET (fillfactor = 85);
    END IF;
END $$;

-- Viewer tokens (role VIEWER, prefix ffv_): read only, e.g. a wall screen. Widens the role CHECK of
-- databases created before that role, once: the constraint is replaced only while it lacks VIEWER.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                   WHERE conrelid = 'telemetry.api_keys'::regclass AND conname = 'api_keys_role_check'
                   AND pg_get_constraintdef(oid) LIKE '%VIEWER%') THEN
        ALTER TABLE telemetry.api_keys DROP CONSTRAINT IF EXISTS api_keys_role_check;
        ALTER TABLE telemetry.api_keys ADD CONSTRAINT api_keys_role_check
            CHECK (role IN ('DEVICE', 'VIEWER', 'OPERATOR'));
    END IF;
END $$;

-- Dashboard sessions (docs/gateway.md, "Sessions"): a browser signs in with a viewer or operator
-- token and gets a random session id in an HttpOnly cookie. Only the SHA-256 of the id is stored
-- (the CSRF token is derived from the id, so it is stored nowhere). A session ends at expires_at, at
-- sign-out (row deleted), and with its key (revoked: refused; deleted: cascade).
CREATE TABLE IF NOT EXISTS telemetry.sessions (
    id_sha256   text        PRIMARY KEY,
    api_key_id  bigint      NOT NULL REFERENCES telemetry.api_keys (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_expires_idx ON telemetry.sessions (expires_at);
CREATE INDEX IF NOT EXISTS sessions_api_key_idx ON telemetry.sessions (api_key_id);

-- The fleet registry (docs/read-api.md, "Registry"): names and classes of the vehicles and drivers
-- devices send ids of. Trips never reference it (a trip from an unregistered vehicle or driver is
-- accepted and read as unregistered, class 'car'), so these tables have no foreign keys to trips.
-- vehicle_class names are model.registry.VehicleClass; updated_by is the API key's name.
CREATE TABLE IF NOT EXISTS telemetry.vehicles (
    vehicle_id      uuid PRIMARY KEY,
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    vehicle_class   varchar(16) NOT NULL DEFAULT 'car'
                    CONSTRAINT vehicles_vehicle_class_check
                    CHECK (vehicle_class IN ('car', 'van', 'heavy_truck', 'bus')),
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL
);

CREATE TABLE IF NOT EXISTS telemetry.drivers (
    driver_id       uuid PRIMARY KEY,
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    external_ref    text        CHECK (length(external_ref) BETWEEN 1 AND 100),
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL
);

-- Every registry change, written in the transaction of the change: old_value is NULL on creation.
CREATE TABLE IF NOT EXISTS telemetry.registry_audit (
    id          bigserial PRIMARY KEY,
    entity      varchar(16) NOT NULL CHECK (entity IN ('vehicle', 'driver')),
    entity_id   uuid        NOT NULL,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    old_value   jsonb,
    new_value   jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS registry_audit_entity_idx
    ON telemetry.registry_audit (entity, entity_id, id DESC);

-- The raw samples of each trip (TripBlobCodec), one row per trip, partitioned by
-- the trip's received_at (set by the server, unlike a device's started_at) in weeks from Monday
-- 00:00 UTC: telemetry.trip_samples_pYYYYMMDD, named by its Monday. SamplePartitions creates them
-- ahead at every start and hourly; the default partition catches a row no week takes (maintenance
-- stopped for weeks) until maintenance moves it out. Retention (FLEETFLOW_RAW_RETENTION_DAYS)
-- drops whole weeks, never one holding an unfinished trip; trip_logs, scores, events and
-- statistics stay (docs/storage.md). A trip is addressed by (trip_id, received_at): readers take
-- received_at from its trip_logs row, so a look-up touches one partition.
CREATE TABLE IF NOT EXISTS telemetry.trip_samples (
    trip_id         uuid        NOT NULL REFERENCES telemetry.trip_logs (id) ON DELETE CASCADE,
    received_at     timestamptz NOT NULL,
    telemetry_blob  jsonb,
    telemetry_bin   bytea,
    PRIMARY KEY (trip_id, received_at),
    CONSTRAINT trip_samples_one_blob CHECK (num_nonnulls(telemetry_blob, telemetry_bin) = 1)
) PARTITION BY RANGE (received_at);
-- A row holds one blob: format 2 (binary, ~4 bytes a sample) in telemetry_bin for every trip
-- stored since issue 21, format 1 (columnar JSON) in telemetry_blob for the trips stored before,
-- which stay as they are (readers take either: SamplePartitions.STORED_BLOB). A database from
-- before gets the column and the check here, without a rewrite or a scan (the check is NOT VALID:
-- every old row holds its JSON blob). Format 2 does not compress (pglz and lz4 leave it as it is:
-- docs/benchmarks.md, "Bytes per sample"), so telemetry_bin is stored without trying (EXTERNAL;
-- set on the parent, it reaches every partition, existing and new).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'trip_samples_one_blob'
                   AND conrelid = 'telemetry.trip_samples'::regclass) THEN
        ALTER TABLE telemetry.trip_samples ADD COLUMN IF NOT EXISTS telemetry_bin bytea;
        ALTER TABLE telemetry.trip_samples ALTER COLUMN telemetry_blob DROP NOT NULL;
        ALTER TABLE telemetry.trip_samples ADD CONSTRAINT trip_samples_one_blob
            CHECK (num_nonnulls(telemetry_blob, telemetry_bin) = 1) NOT VALID;
    END IF;
    IF (SELECT attstorage FROM pg_attribute WHERE attrelid = 'telemetry.trip_samples'::regclass
        AND attname = 'telemetry_bin') <> 'e' THEN
        ALTER TABLE telemetry.trip_samples ALTER COLUMN telemetry_bin SET STORAGE EXTERNAL;
    END IF;
END $$;
CREATE TABLE IF NOT EXISTS telemetry.trip_samples_default PARTITION OF telemetry.trip_samples DEFAULT;
-- Blobs over ~2 KB are compressed. PostgreSQL's default (pglz) was a fifth of the database's CPU
-- when small trips were ingested; lz4 is several times cheaper and reads back the same value
-- (docs/benchmarks.md, "Bytes per sample"). Set on the parent, it applies to the partitions made
-- from then on (not to existing ones: hence the default partition is named); servers built
-- without lz4 keep the default.
DO $$
DECLARE
    rel regclass;
BEGIN
    FOREACH rel IN ARRAY ARRAY['telemetry.trip_samples'::regclass, 'telemetry.trip_samples_default'::regclass] LOOP
        IF (SELECT attcompression FROM pg_attribute
            WHERE attrelid = rel AND attname = 'telemetry_blob') <> 'l' THEN
            BEGIN
                EXECUTE format('ALTER TABLE %s ALTER COLUMN telemetry_blob SET COMPRESSION lz4', rel);
            EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
                RAISE NOTICE 'lz4 is not available here; telemetry_blob keeps the default compression';
            END;
        END IF;
    END LOOP;
END $$;
-- Alerts (docs/alerts.md): one row per CRASH event and per SEVERE event, inserted by the job in the
-- same statement that writes the trip's events (a transactional outbox), so an alert exists iff
-- its event was stored. The id is derived from (trip_id, seq, event_type) — md5 of
-- "<trip_id>:<seq>:<event_type>" as a uuid — so a replayed batch or a re-score finds the same row
-- and never raises a second alert; receivers deduplicate on it. A re-score that no longer finds the
-- event keeps the alert and sets superseded_at (the alert's history stays; it leaves the open list).
-- The gateway's AlertDispatcher delivers rows with delivered_at NULL to the webhook: it leases a row
-- by moving next_attempt_at ahead, then records the attempt's outcome (at least once).
CREATE TABLE IF NOT EXISTS telemetry.alerts (
    id                uuid PRIMARY KEY,
    trip_id           uuid        NOT NULL REFERENCES telemetry.trip_logs (id) ON DELETE CASCADE,
    seq               integer     NOT NULL CHECK (seq >= 0),
    event_type        varchar(32) NOT NULL,
    severity          varchar(16) NOT NULL,
    driver_id         uuid        NOT NULL,
    vehicle_id        uuid        NOT NULL,
    -- The event's start, in ms since the trip's start (as trip_events.start_ms), its peak, and a
    -- crash's change of velocity (km/h; NULL for other types).
    event_start_ms    bigint      NOT NULL,
    peak              double precision NOT NULL,
    delta_v_kmh       double precision,
    raised_at         timestamptz NOT NULL DEFAULT now(),
    superseded_at     timestamptz,
    acknowledged_at   timestamptz,
    acknowledged_by   text,
    delivered_at      timestamptz,
    delivery_attempts integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    last_error        text,
    CONSTRAINT alerts_acknowledged_by_whom CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE INDEX IF NOT EXISTS alerts_trip_idx ON telemetry.alerts (trip_id);
-- The dashboard's open list, newest first; acknowledged ones are read by the same order.
CREATE INDEX IF NOT EXISTS alerts_open_idx ON telemetry.alerts (raised_at DESC)
    WHERE acknowledged_at IS NULL AND superseded_at IS NULL;
CREATE INDEX IF NOT EXISTS alerts_raised_idx ON telemetry.alerts (raised_at DESC);
-- The dispatcher's queue: undelivered alerts by when they are due.
CREATE INDEX IF NOT EXISTS alerts_undelivered_idx ON telemetry.alerts (next_attempt_at)
    WHERE delivered_at IS NULL;

-- Per-driver and per-vehicle daily aggregates of the scored trips (issue 21, docs/reads.md): the
-- read API's lists and KPIs read these instead of scanning history. Key: the id and the UTC day of
-- the trip's start (coalesce(started_at, scored_at), as driver_scores_driver_at_idx). Kept by
-- statement-level triggers on driver_scores in the transaction that writes the scores: every
-- statement's old rows are subtracted and its new rows added, so a re-score (the job's ON CONFLICT
-- update), a duplicate delivery or a delete leaves each row equal to a GROUP BY over driver_scores.
-- Sums of double columns may differ from it by rounding (~1e-12). Besides one row per day, each
-- driver / vehicle has one all-time row, day '-infinity' (no window of days includes it): the
-- lists read those, one row per driver, however long the history. The same pass keeps
-- vehicle_drivers (scored trips per vehicle and driver: the vehicles list's driver counts) and
-- fleet_daily (the whole fleet per day, in slots: the summary's trend), created further down.
CREATE TABLE IF NOT EXISTS telemetry.driver_daily (
    driver_id             uuid             NOT NULL,
    day                   date             NOT NULL,
    trips                 bigint           NOT NULL,
    score_sum             bigint           NOT NULL,
    distance_km           double precision NOT NULL,
    duration_s            double precision NOT NULL,
    harsh_braking_count   bigint           NOT NULL,
    rapid_accel_count     bigint           NOT NULL,
    harsh_cornering_count bigint           NOT NULL,
    speeding_count        bigint           NOT NULL,
    crash_count           bigint           NOT NULL,
    last_trip_at          timestamptz      NOT NULL,
    PRIMARY KEY (driver_id, day)
) PARTITION BY LIST (day);
CREATE TABLE IF NOT EXISTS telemetry.vehicle_daily (
    vehicle_id            uuid             NOT NULL,
    day                   date             NOT NULL,
    trips                 bigint           NOT NULL,
    score_sum             bigint           NOT NULL,
    distance_km           double precision NOT NULL,
    duration_s            double precision NOT NULL,
    harsh_braking_count   bigint           NOT NULL,
    rapid_accel_count     bigint           NOT NULL,
    harsh_cornering_count bigint           NOT NULL,
    speeding_count        bigint           NOT NULL,
    crash_count           bigint           NOT NULL,
    last_trip_at          timestamptz      NOT NULL,
    PRIMARY KEY (vehicle_id, day)
) PARTITION BY LIST (day);
-- Databases from before the partitions (below) had each table whole, its all-time rows spread one
-- a page over ~all of its pages (5,000 page reads for 5,000 drivers, beyond shared_buffers at 10
-- million trips): converted once, under the lock score writers wait on (docs/reads.md).
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['driver_daily', 'vehicle_daily'] LOOP
        IF (SELECT relkind FROM pg_class WHERE oid = format('telemetry.%I', tbl)::regclass) = 'r' THEN
            LOCK TABLE telemetry.driver_scores IN SHARE ROW EXCLUSIVE MODE;
            EXECUTE format('ALTER TABLE telemetry.%I RENAME TO %I', tbl, tbl || '_whole');
            EXECUTE format('ALTER TABLE telemetry.%I RENAME CONSTRAINT %I TO %I', tbl || '_whole',
                tbl || '_pkey', tbl || '_whole_pkey');
            EXECUTE format('CREATE TABLE telemetry.%I (LIKE telemetry.%I INCLUDING DEFAULTS'
                || ' INCLUDING CONSTRAINTS, PRIMARY KEY (%I, day)) PARTITION BY LIST (day)',
                tbl, tbl || '_whole', replace(tbl, '_daily', '_id'));
            EXECUTE format('CREATE TABLE telemetry.%I PARTITION OF telemetry.%I'
                || ' FOR VALUES IN (''-infinity'') WITH (fillfactor = 50)', tbl || '_total', tbl);
            EXECUTE format('CREATE TABLE telemetry.%I PARTITION OF telemetry.%I DEFAULT',
                tbl || '_days', tbl);
            EXECUTE format('INSERT INTO telemetry.%I SELECT * FROM telemetry.%I ORDER BY 1, 2',
                tbl, tbl || '_whole');
            EXECUTE format('DROP TABLE telemetry.%I', tbl || '_whole');
        END IF;
    END LOOP;
END $$;
-- The all-time rows in their own partition: one row per driver / vehicle in a few pages, which the
-- lists and the summary read whole, however long the history; updated by every score, so half of
-- each page is left free for updates in place (HOT). The days in the other, by primary key.
CREATE TABLE IF NOT EXISTS telemetry.driver_daily_total PARTITION OF telemetry.driver_daily
    FOR VALUES IN ('-infinity') WITH (fillfactor = 50);
CREATE TABLE IF NOT EXISTS telemetry.driver_daily_days PARTITION OF telemetry.driver_daily DEFAULT;
CREATE TABLE IF NOT EXISTS telemetry.vehicle_daily_total PARTITION OF telemetry.vehicle_daily
    FOR VALUES IN ('-infinity') WITH (fillfactor = 50);
CREATE TABLE IF NOT EXISTS telemetry.vehicle_daily_days PARTITION OF telemetry.vehicle_daily DEFAULT;

-- Applies one statement's changes of driver_scores (its transition tables) to the aggregates.
-- Each pass locks its aggregate rows in key order (ORDER BY): drivers', vehicles', the pairs', then
-- the fleet's days, so batches of new trips sharing driver-days wait for each other rather than
-- deadlock. The job's upsert of a
-- batch mixing new and already-scored trips fires two passes (AFTER INSERT, then AFTER UPDATE),
-- which are ordered each but not together: such a batch can deadlock with another writer; the
-- job's sink retries a 40P01 at once (BatchingJdbcSink, "contended"), so it costs a retry after
-- deadlock_timeout, not data (docs/reads.md). A row whose last trip left it (delete, or a start
-- time moved) has last_trip_at recomputed from driver_scores; a row left with no trips is deleted.
CREATE OR REPLACE FUNCTION telemetry.driver_scores_to_daily() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    src text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT 1 AS sign, n.* FROM new_rows n'
        WHEN 'DELETE' THEN 'SELECT -1 AS sign, o.* FROM old_rows o'
        ELSE 'SELECT -1 AS sign, o.* FROM old_rows o UNION ALL SELECT 1, n.* FROM new_rows n' END;
    tbl text;
    id text;
    leaving text;
    moved boolean;
    emptied boolean;
BEGIN
    -- The job's upsert fires both the INSERT and the UPDATE pass; one of them is often empty.
    IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
        PERFORM FROM old_rows LIMIT 1;
    ELSE
        PERFORM FROM new_rows LIMIT 1;
    END IF;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    -- New scores, the streaming job's every batch, in static SQL: PL/pgSQL plans it once per
    -- session, where each EXECUTE below is planned on every call. The same sums as the general
    -- path with sign = 1; PostgreSQL CPU per trip at 10 trips a statement 0.127 -> 0.068 ms, at
    -- 200 0.028 -> 0.024 (WriteFloorBenchmark, docs/benchmarks.md). Re-scores and deletes, which
    -- come in large batches, take the general path.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO telemetry.driver_daily AS a (driver_id, day, trips, score_sum, distance_km, duration_s,
            harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,
            crash_count, last_trip_at)
        SELECT driver_id, coalesce((at AT TIME ZONE 'UTC')::date, '-infinity'), count(*), sum(safety_score),
            sum(distance_km), sum(duration_s), sum(harsh_braking_count), sum(rapid_accel_count),
            sum(harsh_cornering_count), sum(speeding_count), sum(crash_count),
            coalesce(max(at), '-infinity')
        FROM (SELECT n.*, coalesce(n.started_at, n.scored_at) AS at FROM new_rows n) d
        GROUP BY GROUPING SETS ((driver_id, (at AT TIME ZONE 'UTC')::date), (driver_id)) ORDER BY 1, 2
        ON CONFLICT (driver_id, day) DO UPDATE SET trips = a.trips + EXCLUDED.trips,
            score_sum = a.score_sum + EXCLUDED.score_sum,
            distance_km = a.distance_km + EXCLUDED.distance_km,
            duration_s = a.duration_s + EXCLUDED.duration_s,
            harsh_braking_count = a.harsh_braking_count + EXCLUDED.harsh_braking_count,
            rapid_accel_count = a.rapid_accel_count + EXCLUDED.rapid_accel_count,
            harsh_cornering_count = a.harsh_cornering_count + EXCLUDED.harsh_cornering_count,
            speeding_count = a.speeding_count + EXCLUDED.speeding_count,
            crash_count = a.crash_count + EXCLUDED.crash_count,
            last_trip_at = greatest(a.last_trip_at, EXCLUDED.last_trip_at);
        INSERT INTO telemetry.vehicle_daily AS a (vehicle_id, day, trips, score_sum, distance_km, duration_s,
            harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,
            crash_count, last_trip_at)
        SELECT vehicle_id, coalesce((at AT TIME ZONE 'UTC')::date, '-infinity'), count(*), sum(safety_score),
            sum(distance_km), sum(duration_s), sum(harsh_braking_count), sum(rapid_accel_count),
            sum(harsh_cornering_count), sum(speeding_count), sum(crash_count),
            coalesce(max(at), '-infinity')
        FROM (SELECT n.*, coalesce(n.started_at, n.scored_at) AS at FROM new_rows n) d
        GROUP BY GROUPING SETS ((vehicle_id, (at AT TIME ZONE 'UTC')::date), (vehicle_id)) ORDER BY 1, 2
        ON CONFLICT (vehicle_id, day) DO UPDATE SET trips = a.trips + EXCLUDED.trips,
            score_sum = a.score_sum + EXCLUDED.score_sum,
            distance_km = a.distance_km + EXCLUDED.distance_km,
            duration_s = a.duration_s + EXCLUDED.duration_s,
            harsh_braking_count = a.harsh_braking_count + EXCLUDED.harsh_braking_count,
            rapid_accel_count = a.rapid_accel_count + EXCLUDED.rapid_accel_count,
            harsh_cornering_count = a.harsh_cornering_count + EXCLUDED.harsh_cornering_count,
            speeding_count = a.speeding_count + EXCLUDED.speeding_count,
            crash_count = a.crash_count + EXCLUDED.crash_count,
            last_trip_at = greatest(a.last_trip_at, EXCLUDED.last_trip_at);
        INSERT INTO telemetry.vehicle_drivers AS a (vehicle_id, driver_id, trips)
            SELECT vehicle_id, driver_id, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (vehicle_id, driver_id) DO UPDATE SET trips = a.trips + EXCLUDED.trips;
        INSERT INTO telemetry.fleet_daily AS a (day, slot, trips, score_sum, distance_km, duration_s,
            harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count, crash_count)
        SELECT (coalesce(started_at, scored_at) AT TIME ZONE 'UTC')::date,
            mod(txid_current(), 16)::smallint, count(*), sum(safety_score),
            sum(distance_km), sum(duration_s), sum(harsh_braking_count),
            sum(rapid_accel_count), sum(harsh_cornering_count),
            sum(speeding_count), sum(crash_count)
        FROM new_rows GROUP BY 1 ORDER BY 1
        ON CONFLICT (day, slot) DO UPDATE SET trips = a.trips + EXCLUDED.trips,
            score_sum = a.score_sum + EXCLUDED.score_sum,
            distance_km = a.distance_km + EXCLUDED.distance_km,
            duration_s = a.duration_s + EXCLUDED.duration_s,
            harsh_braking_count = a.harsh_braking_count + EXCLUDED.harsh_braking_count,
            rapid_accel_count = a.rapid_accel_count + EXCLUDED.rapid_accel_count,
            harsh_cornering_count = a.harsh_cornering_count + EXCLUDED.harsh_cornering_count,
            speeding_count = a.speeding_count + EXCLUDED.speeding_count,
            crash_count = a.crash_count + EXCLUDED.crash_count;
        RETURN NULL;
    END IF;
    FOREACH tbl IN ARRAY ARRAY['driver', 'vehicle'] LOOP
        id := tbl || '_id';
        EXECUTE format($q$
            INSERT INTO telemetry.%1$I AS a (%2$I, day, trips, score_sum, distance_km, duration_s,
                harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,
                crash_count, last_trip_at)
            SELECT %2$I, coalesce((at AT TIME ZONE 'UTC')::date, '-infinity'), sum(sign),
                sum(sign * safety_score),
                sum(sign * distance_km), sum(sign * duration_s), sum(sign * harsh_braking_count),
                sum(sign * rapid_accel_count), sum(sign * harsh_cornering_count),
                sum(sign * speeding_count), sum(sign * crash_count),
                coalesce(max(at) FILTER (WHERE sign > 0), '-infinity')
            FROM (SELECT d.*, coalesce(d.started_at, d.scored_at) AS at FROM (%3$s) d) d
            GROUP BY GROUPING SETS ((%2$I, (at AT TIME ZONE 'UTC')::date), (%2$I)) ORDER BY 1, 2
            ON CONFLICT (%2$I, day) DO UPDATE SET trips = a.trips + EXCLUDED.trips,
                score_sum = a.score_sum + EXCLUDED.score_sum,
                distance_km = a.distance_km + EXCLUDED.distance_km,
                duration_s = a.duration_s + EXCLUDED.duration_s,
                harsh_braking_count = a.harsh_braking_count + EXCLUDED.harsh_braking_count,
                rapid_accel_count = a.rapid_accel_count + EXCLUDED.rapid_accel_count,
                harsh_cornering_count = a.harsh_cornering_count + EXCLUDED.harsh_cornering_count,
                speeding_count = a.speeding_count + EXCLUDED.speeding_count,
                crash_count = a.crash_count + EXCLUDED.crash_count,
                last_trip_at = greatest(a.last_trip_at, EXCLUDED.last_trip_at)$q$,
            tbl || '_daily', id, src);
        -- Rows that left a driver- / vehicle-day: deleted, or re-scored with another start or id.
        -- A plain re-score (the common UPDATE) leaves none, and skips both corrections.
        leaving := CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE format($q$(SELECT o.* FROM old_rows o
            WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.trip_id = o.trip_id AND n.%1$I = o.%1$I
            AND coalesce(n.started_at, n.scored_at) = coalesce(o.started_at, o.scored_at)))$q$, id) END;
        IF TG_OP <> 'INSERT' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s x)', leaving) INTO moved;
        END IF;
        IF TG_OP <> 'INSERT' AND moved THEN
            EXECUTE format($q$
                DELETE FROM telemetry.%1$I a USING (SELECT DISTINCT %2$I AS k,
                    (coalesce(started_at, scored_at) AT TIME ZONE 'UTC')::date AS day FROM %3$s o) o
                WHERE a.%2$I = o.k AND a.day IN (o.day, '-infinity') AND a.trips <= 0$q$,
                tbl || '_daily', id, leaving);
            EXECUTE format($q$
                UPDATE telemetry.%1$I a SET last_trip_at = (SELECT max(coalesce(s.started_at, s.scored_at))
                    FROM telemetry.driver_scores s WHERE s.%2$I = a.%2$I
                    AND (a.day = '-infinity' OR (coalesce(s.started_at, s.scored_at)
                        >= (a.day::timestamp AT TIME ZONE 'UTC') AND coalesce(s.started_at, s.scored_at)
                        < ((a.day + 1)::timestamp AT TIME ZONE 'UTC'))))
                FROM (SELECT DISTINCT %2$I AS k, coalesce(started_at, scored_at) AS at FROM %3$s o) o
                WHERE a.%2$I = o.k AND a.day IN ((o.at AT TIME ZONE 'UTC')::date, '-infinity')
                AND o.at >= a.last_trip_at$q$, tbl || '_daily', id, leaving);
        END IF;
    END LOOP;
    -- Scored trips per (vehicle, driver): only pairs whose count changes (a plain re-score keeps
    -- its pair and touches no row); a pair left with no trips is deleted.
    EXECUTE format($q$
        WITH up AS (INSERT INTO telemetry.vehicle_drivers AS a (vehicle_id, driver_id, trips)
            SELECT vehicle_id, driver_id, sum(sign) FROM (%s) d GROUP BY 1, 2
            HAVING sum(sign) <> 0 ORDER BY 1, 2
            ON CONFLICT (vehicle_id, driver_id) DO UPDATE SET trips = a.trips + EXCLUDED.trips
            RETURNING a.trips)
        SELECT coalesce(bool_or(trips <= 0), false) FROM up$q$, src) INTO emptied;
    IF emptied AND TG_OP <> 'INSERT' THEN
        EXECUTE $q$DELETE FROM telemetry.vehicle_drivers a USING old_rows o
            WHERE a.vehicle_id = o.vehicle_id AND a.driver_id = o.driver_id AND a.trips <= 0$q$;
    END IF;
    -- The fleet's days, in the slot of this transaction (its id modulo 16), so that concurrent
    -- writers rarely share a row; a slot may go negative (a trip subtracted in another slot than
    -- it was added to), the sum over a day's slots is exact.
    EXECUTE format($q$
        INSERT INTO telemetry.fleet_daily AS a (day, slot, trips, score_sum, distance_km, duration_s,
            harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count, crash_count)
        SELECT (coalesce(started_at, scored_at) AT TIME ZONE 'UTC')::date,
            mod(txid_current(), 16)::smallint, sum(sign), sum(sign * safety_score),
            sum(sign * distance_km), sum(sign * duration_s), sum(sign * harsh_braking_count),
            sum(sign * rapid_accel_count), sum(sign * harsh_cornering_count),
            sum(sign * speeding_count), sum(sign * crash_count)
        FROM (%s) d GROUP BY 1 ORDER BY 1
        ON CONFLICT (day, slot) DO UPDATE SET trips = a.trips + EXCLUDED.trips,
            score_sum = a.score_sum + EXCLUDED.score_sum,
            distance_km = a.distance_km + EXCLUDED.distance_km,
            duration_s = a.duration_s + EXCLUDED.duration_s,
            harsh_braking_count = a.harsh_braking_count + EXCLUDED.harsh_braking_count,
            rapid_accel_count = a.rapid_accel_count + EXCLUDED.rapid_accel_count,
            harsh_cornering_count = a.harsh_cornering_count + EXCLUDED.harsh_cornering_count,
            speeding_count = a.speeding_count + EXCLUDED.speeding_count,
            crash_count = a.crash_count + EXCLUDED.crash_count$q$, src);
    RETURN NULL;
END $fn$;

-- Fills both aggregates from driver_scores by one GROUP BY each (the backfill below; the data
-- generator calls it after a bulk load instead of firing the triggers per statement). Expects them
-- empty and score writers held off.
CREATE OR REPLACE FUNCTION telemetry.rebuild_daily() RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['driver', 'vehicle'] LOOP
        EXECUTE format($q$
            INSERT INTO telemetry.%1$I (%2$I, day, trips, score_sum, distance_km, duration_s,
                harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count,
                crash_count, last_trip_at)
            SELECT %2$I, coalesce((at AT TIME ZONE 'UTC')::date, '-infinity'), count(*),
                sum(safety_score), sum(distance_km),
                sum(duration_s), sum(harsh_braking_count), sum(rapid_accel_count),
                sum(harsh_cornering_count), sum(speeding_count), sum(crash_count), max(at)
            FROM (SELECT s.*, coalesce(s.started_at, s.scored_at) AS at FROM telemetry.driver_scores s) s
            GROUP BY GROUPING SETS ((%2$I, (at AT TIME ZONE 'UTC')::date), (%2$I))$q$, tbl || '_daily', tbl || '_id');
    END LOOP;
    PERFORM telemetry.rebuild_fleet_daily();
END $fn$;

-- Fills vehicle_drivers and fleet_daily (slot 0) from driver_scores; same expectations.
CREATE OR REPLACE FUNCTION telemetry.rebuild_fleet_daily() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO telemetry.vehicle_drivers (vehicle_id, driver_id, trips)
    SELECT vehicle_id, driver_id, count(*) FROM telemetry.driver_scores GROUP BY 1, 2;
    INSERT INTO telemetry.fleet_daily (day, slot, trips, score_sum, distance_km, duration_s,
        harsh_braking_count, rapid_accel_count, harsh_cornering_count, speeding_count, crash_count)
    SELECT (coalesce(started_at, scored_at) AT TIME ZONE 'UTC')::date, 0, count(*), sum(safety_score),
        sum(distance_km), sum(duration_s), sum(harsh_braking_count), sum(rapid_accel_count),
        sum(harsh_cornering_count), sum(speeding_count), sum(crash_count)
    FROM telemetry.driver_scores GROUP BY 1;
END $fn$;

-- vehicle_drivers and fleet_daily came after driver_daily / vehicle_daily: created here, once, with
-- their backfill, under the same lock as the backfill below (score writers wait), so a database whose
-- triggers already exist gets them filled exactly; a fresh one fills them empty.
DO $$
BEGIN
    IF to_regclass('telemetry.fleet_daily') IS NULL THEN
        LOCK TABLE telemetry.driver_scores IN SHARE ROW EXCLUSIVE MODE;
        CREATE TABLE IF NOT EXISTS telemetry.vehicle_drivers (
            vehicle_id uuid   NOT NULL,
            driver_id  uuid   NOT NULL,
            trips      bigint NOT NULL,
            PRIMARY KEY (vehicle_id, driver_id)
        );
        DELETE FROM telemetry.vehicle_drivers;
        CREATE TABLE telemetry.fleet_daily (
            day                   date             NOT NULL,
            slot                  smallint         NOT NULL,
            trips                 bigint           NOT NULL,
            score_sum             bigint           NOT NULL,
            distance_km           double precision NOT NULL,
            duration_s            double precision NOT NULL,
            harsh_braking_count   bigint           NOT NULL,
            rapid_accel_count     bigint           NOT NULL,
            harsh_cornering_count bigint           NOT NULL,
            speeding_count        bigint           NOT NULL,
            crash_count           bigint           NOT NULL,
            PRIMARY KEY (day, slot)
        );
        PERFORM telemetry.rebuild_fleet_daily();
    END IF;
END $$;

-- Maintenance starts once, with a backfill from the scores already stored: only while the triggers
-- do not exist yet (a database created before them), under a lock that holds off score writers, so
-- no score is counted twice or missed; in one DO block, so a failed start leaves neither behind.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'telemetry.driver_scores'::regclass
                   AND tgname = 'driver_scores_daily_ins') THEN
        LOCK TABLE telemetry.driver_scores IN SHARE ROW EXCLUSIVE MODE;
        DELETE FROM telemetry.driver_daily;
        DELETE FROM telemetry.vehicle_daily;
        DELETE FROM telemetry.vehicle_drivers;
        DELETE FROM telemetry.fleet_daily;
        PERFORM telemetry.rebuild_daily();
        CREATE TRIGGER driver_scores_daily_ins AFTER INSERT ON telemetry.driver_scores
            REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION telemetry.driver_scores_to_daily();
        CREATE TRIGGER driver_scores_daily_upd AFTER UPDATE ON telemetry.driver_scores
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION telemetry.driver_scores_to_daily();
        CREATE TRIGGER driver_scores_daily_del AFTER DELETE ON telemetry.driver_scores
            REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION telemetry.driver_scores_to_daily();
    END IF;
END $$;
-- A driver's and a vehicle's trips in the trips list's order (received_at DESC, id DESC: the driver
-- and vehicle pages' first and later pages), read from 21 index entries instead of sorting every
-- trip of the driver (issue 21: 58 ms for 2,000 trips at 10 million, 0.1 ms with these). Cost: two
-- entries per trip insert (+19-38 us on a 232 us single-row insert, benchmarks/sql/
-- trip-insert-bench.sh, docs/reads.md); the columns never change, so updates stay HOT. Kept here
-- with the other read paths of issue 21. On a large existing table, build both with CREATE INDEX
-- CONCURRENTLY before upgrading (15 s for both at 10 million trips inside the start's transaction,
-- trip writes blocked meanwhile).
CREATE INDEX IF NOT EXISTS trip_logs_driver_received_idx
    ON telemetry.trip_logs (driver_id, received_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS trip_logs_vehicle_received_idx
    ON telemetry.trip_logs (vehicle_id, received_at DESC, id DESC);

-- TRUNCATE fires no DELETE trigger: emptying driver_scores (e.g. TRUNCATE trip_logs CASCADE)
-- empties the aggregates with it.
CREATE OR REPLACE FUNCTION telemetry.driver_scores_truncate_daily() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE telemetry.driver_daily, telemetry.vehicle_daily, telemetry.vehicle_drivers,
        telemetry.fleet_daily;
    RETURN NULL;
END $fn$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'telemetry.driver_scores'::regclass
                   AND tgname = 'driver_scores_daily_truncate') THEN
        CREATE TRIGGER driver_scores_daily_truncate AFTER TRUNCATE ON telemetry.driver_scores
            FOR EACH STATEMENT EXECUTE FUNCTION telemetry.driver_scores_truncate_daily();
    END IF;
END $$;


-- Safety inbox (issue 20, docs/safety-inbox.md). The current review of a detected event; an event
-- with no row is 'needs_review'. Keyed by (trip_id, seq) but not a foreign key to trip_events:
-- events are rewritten whole when a trip is re-scored, so the review also keeps the event's type and
-- interval at review time, and a re-score matches reviews to the new events by same type and
-- overlapping interval (model.review.DismissalMatcher).
CREATE TABLE IF NOT EXISTS telemetry.event_reviews (
    trip_id     uuid         NOT NULL REFERENCES telemetry.trip_logs (id) ON DELETE CASCADE,
    seq         integer      NOT NULL CHECK (seq >= 0),
    event_type  varchar(32)  NOT NULL,
    start_ms    bigint       NOT NULL,
    end_ms      bigint       NOT NULL CHECK (end_ms >= start_ms),
    status      varchar(16)  NOT NULL
                CHECK (status IN ('needs_review', 'needs_coaching', 'coached', 'reviewed', 'dismissed')),
    reason      varchar(500),
    comment     varchar(2000),
    updated_by  varchar(200) NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (trip_id, seq),
    CHECK (status <> 'dismissed' OR (reason IS NOT NULL AND btrim(reason) <> ''))
);

CREATE INDEX IF NOT EXISTS event_reviews_status_idx
    ON telemetry.event_reviews (status, trip_id, seq);

-- The trip's start, copied into the review when it is written (a trip's start never changes), so
-- the inbox filtered by a reviewed status walks event_reviews_status_started_idx newest first and
-- stops at a page, instead of joining every review with that status to its trip and sorting
-- (216 ms p50 at 10,000 needs_coaching reviews among 10,000,000 trips, docs/reads.md). Filled by a
-- trigger, so every writer (the review API, generators, tests) keeps it; older rows once, here.
ALTER TABLE telemetry.event_reviews ADD COLUMN IF NOT EXISTS trip_started_at timestamptz;
CREATE OR REPLACE FUNCTION telemetry.event_reviews_trip_start() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.trip_started_at := (SELECT started_at FROM telemetry.trip_logs WHERE id = NEW.trip_id);
    RETURN NEW;
END $fn$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'telemetry.event_reviews'::regclass
                   AND tgname = 'event_reviews_trip_start') THEN
        CREATE TRIGGER event_reviews_trip_start BEFORE INSERT ON telemetry.event_reviews
            FOR EACH ROW EXECUTE FUNCTION telemetry.event_reviews_trip_start();
        UPDATE telemetry.event_reviews r SET trip_started_at = t.started_at
            FROM telemetry.trip_logs t WHERE t.id = r.trip_id AND r.trip_started_at IS NULL;
        ALTER TABLE telemetry.event_reviews ALTER COLUMN trip_started_at SET NOT NULL;
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS event_reviews_status_started_idx
    ON telemetry.event_reviews (status, trip_started_at DESC, trip_id DESC, seq DESC);

-- The inbox's time range is on the event's start (the trip's start + start_ms). Events start at
-- most max(start_ms) after their trip, so a range also bounds the trip's start from below, which
-- the trips' start indexes serve; this partial index answers max(start_ms) at once while holding only
-- the events that start an hour or more into their trip. Its predicate is the query's
-- (gateway.review.EventInbox.LATE_START_MS, docs/safety-inbox.md).
CREATE INDEX IF NOT EXISTS trip_events_late_start_idx
    ON telemetry.trip_events (start_ms) WHERE start_ms >= 3600000;

-- Every change of a review, oldest first: who (the API key's name), when, the status before and
-- after, the reason and comment given.
CREATE TABLE IF NOT EXISTS telemetry.event_review_log (
    id          bigserial    PRIMARY KEY,
    trip_id     uuid         NOT NULL REFERENCES telemetry.trip_logs (id) ON DELETE CASCADE,
    seq         integer      NOT NULL,
    old_status  varchar(16)  NOT NULL,
    new_status  varchar(16)  NOT NULL,
    reason      varchar(500),
    comment     varchar(2000),
    changed_by  varchar(200) NOT NULL,
    changed_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS event_review_log_event_idx
    ON telemetry.event_review_log (trip_id, seq, id);

-- Outbox of trips to re-score: written in the same transaction as a review that turned an event's
-- dismissal on or off. The consumer (the job's re-scoring) reads the rows, re-scores each trip with
-- its dismissals and deletes the rows it handled; several rows for one trip mean one re-score.
CREATE TABLE IF NOT EXISTS telemetry.rescore_requests (
    id            bigserial    PRIMARY KEY,
    trip_id       uuid         NOT NULL REFERENCES telemetry.trip_logs (id) ON DELETE CASCADE,
    requested_at  timestamptz  NOT NULL DEFAULT now(),
    reason        varchar(32)  NOT NULL CHECK (reason IN ('review_dismissal'))
);

CREATE INDEX IF NOT EXISTS rescore_requests_trip_idx ON telemetry.rescore_requests (trip_id);
