package io.fleetflow.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fleetflow.gateway.app.Gateway;
import io.fleetflow.gateway.app.GatewayConfig;
import io.fleetflow.gateway.read.ReadApiSettings;
import io.fleetflow.testing.TestChannels;
import io.fleetflow.testing.TestServices;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Read benchmark of issue 21 (docs/reads.md): starts the real gateway (authentication on, an
 * operator token) against each given database in turn — loaded by benchmarks/sql/generate-year.sql
 * and friends at different sizes — and times over HTTP every read endpoint the dashboard calls. Per
 * database and run: one unrecorded warm-up round trip per endpoint {@code warmup} times, then
 * {@code requests} rounds, each calling every endpoint once in turn (so neighbours' load falls on
 * all endpoints alike); p50 and p95 per endpoint. Runs alternate the databases; the table gives the
 * median over runs of each figure and the ratio of the last database to the first. A benchmark, not
 * a test.
 *
 * <p>Arguments: database names (default {@code ff_reads_100k ff_reads_10m}), {@code requests=N}
 * (default 40), {@code warmup=N} (default 5), {@code runs=N} (default 3). The JDBC URL is
 * FLEETFLOW_DB_URL with its database name replaced.
 */
public final class ReadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        List<String> dbs = new ArrayList<>();
        int requests = 40, warmup = 5, runs = 3;
        for (String a : args) {
            if (a.startsWith("requests=")) {
                requests = Integer.parseInt(a.substring(9));
            } else if (a.startsWith("warmup=")) {
                warmup = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            } else {
                dbs.add(a);
            }
        }
        if (dbs.isEmpty()) {
            dbs = List.of("ff_reads_100k", "ff_reads_10m");
        }
        new ReadBenchmark().run(dbs, requests, warmup, runs);
    }

    private void run(List<String> dbs, int requests, int warmup, int runs) throws Exception {
        // The pipeline view asks Flink's REST API for the job: a stub answers at once.
        HttpServer flink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] overview =
                ("{\"jobs\":[{\"jid\":\"j1\",\"name\":\"FleetFlow trip scoring\","
                                + "\"state\":\"RUNNING\",\"start-time\":1}]}")
                        .getBytes(StandardCharsets.UTF_8);
        flink.createContext(
                "/jobs/overview",
                x -> {
                    x.sendResponseHeaders(200, overview.length);
                    x.getResponseBody().write(overview);
                    x.close();
                });
        flink.start();
        String flinkUrl = "http://127.0.0.1:" + flink.getAddress().getPort();
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, JVM %s; %d runs x (warm-up %d + %d rounds) per database%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                runs,
                warmup,
                requests);
        // results.get(db).get(endpoint) = per run {p50, p95}
        Map<String, Map<String, List<double[]>>> results = new LinkedHashMap<>();
        try {
            for (int r = 1; r <= runs; r++) {
                for (String db : dbs) {
                    Map<String, double[]> one = measure(db, flinkUrl, requests, warmup);
                    System.out.printf("%nrun %d, %s:%n", r, db);
                    one.forEach(
                            (k, v) ->
                                    System.out.printf(
                                            Locale.ROOT,
                                            "  %-44s p50 %8.2f  p95 %8.2f ms%n",
                                            k,
                                            v[0],
                                            v[1]));
                    one.forEach(
                            (k, v) ->
                                    results.computeIfAbsent(db, x -> new LinkedHashMap<>())
                                            .computeIfAbsent(k, x -> new ArrayList<>())
                                            .add(v));
                }
            }
        } finally {
            flink.stop(0);
        }
        print(dbs, results);
    }

    private Map<String, double[]> measure(String db, String flinkUrl, int requests, int warmup)
            throws Exception {
        String url = TestServices.dbUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/" + db);
        String queue =
                "telemetry_analysis_readbench_" + UUID.randomUUID().toString().substring(0, 8);
        GatewayConfig config =
                GatewayConfig.local(url, TestServices.dbUser(), TestServices.amqpUri(), queue)
                        .withAuth(true)
                        .withDevCredentials(true);
        Gateway gateway = Gateway.start(config, new ReadApiSettings(flinkUrl, flinkUrl, null));
        try {
            String base = "http://127.0.0.1:" + gateway.port();
            String token = gateway.devCredentials().orElseThrow().operatorToken();
            Map<String, String> endpoints = endpoints(base, token);
            Map<String, List<Double>> ms = new LinkedHashMap<>();
            for (int i = 0; i < warmup + requests; i++) {
                for (Map.Entry<String, String> e : endpoints.entrySet()) {
                    double t = time(base + e.getValue(), token);
                    if (i >= warmup) {
                        ms.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(t);
                    }
                }
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            ms.forEach((k, v) -> out.put(k, new double[] {pct(v, 50), pct(v, 95)}));
            return out;
        } finally {
            gateway.close();
            TestChannels.withChannel(ch -> ch.queueDelete(queue));
        }
    }

    /** The dashboard's reads, with ids and cursors taken from the database's own lists. */
    private Map<String, String> endpoints(String base, String token) throws Exception {
        String driver =
                get(base, token, "/api/v1/drivers").get("items").get(0).get("driver_id").asText();
        String vehicle =
                get(base, token, "/api/v1/vehicles").get("items").get(0).get("vehicle_id").asText();
        JsonNode page = get(base, token, "/api/v1/trips?limit=20");
        String trip = page.get("items").get(0).get("trip_id").asText();
        for (int p = 1; p < 25; p++) { // 25 pages of 20 down: a later keyset page
            page =
                    get(
                            base,
                            token,
                            "/api/v1/trips?limit=20&cursor="
                                    + enc(page.get("next_cursor").asText()));
        }
        String cursor = enc(page.get("next_cursor").asText());
        Map<String, String> e = new LinkedHashMap<>();
        e.put("fleet summary, 7 days (overview)", "/api/v1/fleet/summary?days=7");
        e.put("fleet summary, 30 days", "/api/v1/fleet/summary?days=30");
        e.put("pipeline", "/api/v1/pipeline");
        for (String sort :
                List.of(
                        "score",
                        "harsh_braking",
                        "rapid_acceleration",
                        "harsh_cornering",
                        "speeding",
                        "distance",
                        "trips")) {
            e.put("drivers, sort " + sort, "/api/v1/drivers?sort=" + sort + "&order=desc");
        }
        e.put("drivers, sort score asc", "/api/v1/drivers?sort=score&order=asc");
        e.put(
                "drivers, search",
                "/api/v1/drivers?sort=score&order=desc&search=" + driver.substring(0, 4));
        e.put("driver detail + 30-day history", "/api/v1/drivers/" + driver);
        e.put("driver's trips, first page", "/api/v1/trips?limit=20&driver_id=" + driver);
        e.put("vehicles", "/api/v1/vehicles");
        e.put("vehicle registration (detail)", "/api/v1/vehicles/" + vehicle);
        e.put("vehicle's trips, first page", "/api/v1/trips?limit=20&vehicle_id=" + vehicle);
        e.put("trips, first page", "/api/v1/trips?limit=20");
        e.put("trips, page 26 (keyset)", "/api/v1/trips?limit=20&cursor=" + cursor);
        e.put("trips, status FAILED", "/api/v1/trips?limit=20&status=FAILED");
        e.put("trip detail", "/api/v1/trips/" + trip);
        e.put("inbox events, first page", "/api/v1/events?limit=50");
        e.put("inbox events, needs_review", "/api/v1/events?limit=50&status=needs_review");
        e.put("inbox events, needs_coaching", "/api/v1/events?limit=50&status=needs_coaching");
        e.put("inbox events, SEVERE", "/api/v1/events?limit=50&severity=SEVERE");
        e.put("alerts, open", "/api/v1/alerts?status=open");
        e.put("registry vehicles", "/api/v1/registry/vehicles");
        e.put("registry drivers", "/api/v1/registry/drivers");
        e.put("registry audit", "/api/v1/registry/audit?limit=50");
        return e;
    }

    private double time(String url, String token) throws Exception {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .build();
        long start = System.nanoTime();
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - start) / 1e6;
        if (res.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + res.statusCode());
        }
        return ms;
    }

    private JsonNode get(String base, String token, String path) throws Exception {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + res.statusCode() + " " + res.body());
        }
        return JSON.readTree(res.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private static double median(List<Double> values) {
        return pct(values, 50);
    }

    private static void print(List<String> dbs, Map<String, Map<String, List<double[]>>> results) {
        String first = dbs.get(0), last = dbs.get(dbs.size() - 1);
        StringBuilder head = new StringBuilder("| endpoint |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String db : dbs) {
            head.append(' ').append(db).append(" p50 | ").append(db).append(" p95 |");
            rule.append("---|---|");
        }
        head.append(" p50 ratio | p95 ratio ").append(last).append(" / ").append(first);
        head.append(" | target (p95 ≤ 100 ms and p95 ratio ≤ 2) |");
        rule.append("---|---|---|");
        System.out.printf("%nmedians over runs (ms):%n%s%n%s%n", head, rule);
        for (String endpoint : results.get(first).keySet()) {
            StringBuilder row = new StringBuilder("| " + endpoint + " |");
            double p50First = 0, p50Last = 0, p95First = 0, p95Last = 0;
            for (String db : dbs) {
                List<double[]> runs = results.get(db).get(endpoint);
                double p50 = median(runs.stream().map(v -> v[0]).toList());
                double p95 = median(runs.stream().map(v -> v[1]).toList());
                row.append(String.format(Locale.ROOT, " %.1f | %.1f |", p50, p95));
                if (db.equals(first)) {
                    p50First = p50;
                    p95First = p95;
                }
                if (db.equals(last)) {
                    p50Last = p50;
                    p95Last = p95;
                }
            }
            double ratio = p95Last / p95First;
            boolean met = p95Last <= 100 && ratio <= 2;
            row.append(
                    String.format(
                            Locale.ROOT,
                            " %.2f | %.2f | %s |",
                            p50Last / p50First,
                            ratio,
                            met ? "met" : "MISSED"));
            System.out.println(row);
        }
    }

    private ReadBenchmark() {}
}
