package io.fleetflow.gateway.bench;

import io.fleetflow.model.TripSamples;
import io.fleetflow.model.blob.TripBlobCodec;
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

/**
 * Bytes on disk per stored sample, and the time to read the blobs back and decode them, for the S,
 * M and L trips of the job benchmark (SyntheticDriving, as BenchTrips stores them), with the blob
 * column compressed by pglz and by lz4. A benchmark, not a test (docs/benchmarks.md, "Bytes per
 * sample"): scratch tables in the schema {@code bench}, dropped at the end.
 */
public final class SampleBytesBenchmark {

    private record Profile(String name, int trips, int samples) {}

    private static final List<Profile> PROFILES =
            List.of(
                    new Profile("S", 2000, 100),
                    new Profile("M", 300, 3600),
                    new Profile("L", 20, 100_000));

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (var ds = TestServices.dataSource()) {
            System.out.println(
                    "| Profile | Compression | Blob bytes / sample | Table + TOAST + index bytes / sample | Read + decode ms (median of "
                            + rounds
                            + ") | Samples decoded / s |");
            System.out.println("|---|---|---|---|---|---|");
            for (Profile p : PROFILES) {
                List<String> blobs = new ArrayList<>();
                for (int i = 0; i < p.trips(); i++) {
                    blobs.add(
                            TripBlobCodec.encode(
                                    SyntheticDriving.samples(new Random(i), p.samples())));
                }
                for (String compression : List.of("pglz", "lz4")) {
                    measure(ds, p, compression, blobs, rounds);
                }
            }
            exec(ds, "DROP TABLE IF EXISTS bench.sample_bytes");
        }
    }

    private static void measure(
            DataSource ds, Profile p, String compression, List<String> blobs, int rounds)
            throws Exception {
        exec(ds, "CREATE SCHEMA IF NOT EXISTS bench");
        exec(ds, "DROP TABLE IF EXISTS bench.sample_bytes");
        exec(
                ds,
                "CREATE TABLE bench.sample_bytes (trip_id integer PRIMARY KEY,"
                        + " received_at timestamptz NOT NULL DEFAULT now(),"
                        + " telemetry_blob jsonb COMPRESSION "
                        + compression
                        + " NOT NULL)");
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO bench.sample_bytes (trip_id, telemetry_blob) VALUES (?, ?::jsonb)")) {
            for (int i = 0; i < blobs.size(); i++) {
                ps.setInt(1, i);
                ps.setString(2, blobs.get(i));
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
                                "SELECT sum(pg_column_size(telemetry_blob)),"
                                        + " pg_total_relation_size('bench.sample_bytes') FROM bench.sample_bytes")) {
            rs.next();
            blobBytes = rs.getLong(1) / samples;
            totalBytes = rs.getLong(2) / samples;
        }
        long[] ms = new long[rounds + 1];
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            long start = System.nanoTime();
            long decoded = 0;
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT telemetry_blob::text FROM bench.sample_bytes")) {
                while (rs.next()) {
                    TripSamples t = TripBlobCodec.decode(rs.getBytes(1));
                    decoded += t.size();
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
                "| %s (%d × %,d) | %s | %.2f | %.2f | %d | %,.0f |%n",
                p.name(),
                p.trips(),
                p.samples(),
                compression,
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
