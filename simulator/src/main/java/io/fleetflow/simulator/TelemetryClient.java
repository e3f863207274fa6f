package io.fleetflow.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Posts trip bodies to a gateway's {@code /api/v1/telemetry}, with {@code Authorization: Bearer}
 * when it has a device key, gzip-compressed when asked. One client and connection pool for all
 * vehicles.
 */
public final class TelemetryClient {

    private static final Pattern TRIP_ID = Pattern.compile("\"trip_id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final URI endpoint;
    private final Optional<String> deviceKey;
    private final boolean gzip;

    public TelemetryClient(URI baseUrl, Optional<String> deviceKey, boolean gzip) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.endpoint = baseUrl.resolve("/api/v1/telemetry");
        this.deviceKey = deviceKey.filter(k -> !k.isBlank());
        this.gzip = gzip;
    }

    /** The gateway's answer to one trip: its status and, when accepted, the trip id. */
    public record Answer(int status, Optional<String> tripId, String body) {
        public boolean accepted() {
            return status == 202;
        }
    }

    public Answer post(byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json");
        deviceKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        byte[] sent = body;
        if (gzip) {
            request.header("Content-Encoding", "gzip");
            sent = gzip(body);
        }
        HttpResponse<String> response =
                http.send(
                        request.POST(HttpRequest.BodyPublishers.ofByteArray(sent)).build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher m = TRIP_ID.matcher(response.body());
        return new Answer(
                response.statusCode(),
                m.find() ? Optional.of(m.group(1)) : Optional.empty(),
                response.body());
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
