package io.fleetflow.gateway.bench;

import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
import io.fleetflow.model.schema.SamplePartitions;
import io.fleetflow.testing.SyntheticDriving;
import io.fleetflow.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Bytes on disk per stored sample, and the time to read the blobs back and decode them, for the S,
 * M and L trips of the job benchmark (SyntheticDriving, as BenchTrips stores them), in format 1
 * (JSONB, compressed by pglz and by lz4) and format 2 (bytea: pglz, lz4, or stored uncompressed),
 * then for the same trips at a device's usual precision (speed at 0.1 km/h, g at 0.001 g). The
 * scratch table has both blob columns like {@code trip_samples} and is read with {@link
 * SamplePartitions#STORED_BLOB} and {@link TripBlobCodec#decode(byte[])}, as the readers do (binary
 * transfer, as a server-prepared statement gets). A benchmark, not a test (docs/benchmarks.md,
 * "Bytes per sample"): scratch tables in the schema {@code bench}, dropped at the end.
 */
public final class SampleBytesBenchmark {

    private record Profile(String name, int trips, int samples) {}

    /**
     * One way of storing the blob; {@code read} is the column expression read back, {@link
     * SamplePartitions#STORED_BLOB} as the readers do, or the JSON text as they did before format
     * 2.
     */
    private record Variant(String format, String column, String storage, String read) {
        Variant(String format, String column, String storage) {
            this(format, column, storage, SamplePartitions.STORED_BLOB);
        }
    }

    private static final List<Profile> PROFILES =
            List.of(
                    new Profile("S", 2000, 100),
                    new Profile("M", 300, 3600),
                    new Profile("L", 20, 100_000));

    private static final List<Variant> VARIANTS =
            List.of(
                    new Variant("1 (JSONB)", "telemetry_blob", "COMPRESSION pglz"),
                    new Variant("1 (JSONB)", "telemetry_blob", "COMPRESSION lz4"),
                    new Variant(
                            "1 (JSONB), read as text as before format 2",
                            "telemetry_blob",
                            "COMPRESSION lz4",
                            "s.telemetry_blob::text"),
                    new Variant("2 (bytea)", "telemetry_bin", "COMPRESSION pglz"),
                    new Variant("2 (bytea)", "telemetry_bin", "COMPRESSION lz4"),
                    new Variant("2 (bytea)", "telemetry_bin", "STORAGE EXTERNAL"));

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (var ds = TestServices.dataSource()) {
            System.out.println(
                    "| Data | Profile | Format | Column storage | Blob bytes / sample | Table + TOAST + index bytes / sample | Read + decode ms (median of "
                            + rounds
                            + ") | Samples decoded / s |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (boolean device : new boolean[] {false, true}) {
                for (Profile p : PROFILES) {
                    List<TripSamples> trips = new ArrayList<>();
                    for (int i = 0; i < p.trips(); i++) {
                        TripSamples t = SyntheticDriving.samples(new Random(i), p.samples());
                        trips.add(device ? atDevicePrecision(t) : t);
                    }
                    for (Variant v : VARIANTS) {
                        if (device
                                && v.column().equals("telemetry_blob")
                                && !v.equals(VARIANTS.get(1))) {
                            continue;
                        }
                        measure(ds, device ? "device" : "simulator", p, v, trips, rounds);
                    }
                }
            }
            exec(ds, "DROP TABLE IF EXISTS bench.sample_bytes");
        }
    }

    /** The trip as a device of usual precision sends it: speed at 0.1 km/h, g at 0.001 g. */
    private static TripSamples atDevicePrecision(TripSamples t) {
        return new TripSamples(
                null,
                t.sampleRateHz(),
                rounded(t.speedKmh(), 10),
                rounded(t.gForceLong(), 1000),
                rounded(t.gForceLat(), 1000));
    }

    private static double[] rounded(double[] values, double power) {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.round(values[i] * power) / power;
        }
        return r;
    }

    private static void measure(
            DataSource ds, String data, Profile p, Variant v, List<TripSamples> trips, int rounds)
            throws Exception {
        exec(ds, "CREATE SCHEMA IF NOT EXISTS bench");
        exec(ds, "DROP TABLE IF EXISTS bench.sample_bytes");
        exec(
                ds,
                "CREATE TABLE bench.sample_bytes (trip_id integer PRIMARY KEY,"
                        + " received_at timestamptz NOT NULL DEFAULT now(),"
                        + " telemetry_blob jsonb, telemetry_bin bytea)");
        exec(
                ds,
                "ALTER TABLE bench.sample_bytes ALTER COLUMN "
                        + v.column()
                        + " SET "
                        + v.storage());
        boolean json = v.column().equals("telemetry_blob");
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO bench.sample_bytes (trip_id, "
                                        + v.column()
                                        + ") VALUES (?, ?"
                                        + (json ? "::jsonb)" : ")"))) {
            for (int i = 0; i < trips.size(); i++) {
                ps.setInt(1, i);
                if (json) {
                    ps.setString(2, TripBlobCodec.encodeJson(trips.get(i)));
                } else {
                    ps.setBytes(2, TripBlobCodec.encode(trips.get(i)));
                }
                ps.executeUpdate();
            }
        }
        exec(ds, "VACUUM ANALYZE bench.sample_bytes");
        double samples = (double) p.trips() * p.samples();
        double blobBytes;
        double totalBytes;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT sum(pg_column_size("
                                        + v.column()
                                        + ")), pg_total_relation_size('bench.sample_bytes')"
                                        + " FROM bench.sample_bytes")) {
            rs.next();
            blobBytes = rs.getLong(1) / samples;
            totalBytes = rs.getLong(2) / samples;
        }
        long[] ms = new long[rounds + 1];
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            long start = System.nanoTime();
            long decoded = 0;
            try (Connection c = ds.getConnection();
                    PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT " + v.read() + " FROM bench.sample_bytes s")) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1); // binary transfer
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        decoded += TripBlobCodec.decode(rs.getBytes(1)).size();
                    }
                }
            }
            if (decoded != (long) samples) {
                throw new IllegalStateException("decoded " + decoded + " of " + samples);
            }
            ms[r] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] measured = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(measured);
        long median = measured[measured.length / 2];
        System.out.printf(
                "| %s | %s (%d × %,d) | %s | %s | %.3f | %.2f | %d | %,.0f |%n",
                data,
                p.name(),
                p.trips(),
                p.samples(),
                v.format(),
                v.storage(),
                blobBytes,
                totalBytes,
                median,
                samples / (median / 1000.0));
    }

    private static void exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private SampleBytesBenchmark() {}
}
