package io.fleetflow.gateway.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/** A tiny HTTP client for one gateway under test: real requests, answers as strings. */
public final class GatewayHttp {

    public static final String EXAMPLE =
            "{\"vehicle_id\":\"3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10\","
                    + "\"driver_id\":\"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                    + "\"timestamp\":\"2026-05-01T08:00:00Z\","
                    + "\"data\":[{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0}]}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;

    public GatewayHttp(IntSupplier port) {
        this.port = port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    /** POSTs a JSON trip with the given bearer key ({@code null} for none) and extra headers. */
    public HttpResponse<String> postTrip(String body, String key, String... headers)
            throws Exception {
        HttpRequest.Builder b =
                request("/api/v1/telemetry")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = request(path).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
