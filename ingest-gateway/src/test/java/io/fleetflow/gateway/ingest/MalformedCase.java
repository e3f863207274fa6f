package io.fleetflow.gateway.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One request of the malformed-input corpus ({@code src/test/resources/malformed/*.case}): header
 * lines ({@code status:}, {@code pointers:}, request headers, optional {@code generate:}), a line
 * {@code ---}, then the body. Bodies too large or too binary to keep in a file are generated.
 */
record MalformedCase(
        String name,
        String description,
        int status,
        List<String> pointers,
        Map<String, String> headers,
        byte[] body) {

    static final String VALID_SAMPLE =
            "{\"speed_kmh\":45,\"g_force_long\":0.1,\"g_force_lat\":0.0}";

    static MalformedCase read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int split = text.indexOf("\n---\n");
            if (split < 0) {
                throw new IllegalArgumentException(file + " has no --- line");
            }
            String description = "";
            int status = 0;
            List<String> pointers = null;
            String generate = null;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/json");
            for (String line : text.substring(0, split).split("\n")) {
                if (line.startsWith("# ")) {
                    description = line.substring(2);
                    continue;
                }
                int colon = line.indexOf(':');
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "status" -> status = Integer.parseInt(value);
                    case "pointers" -> pointers = pointers(value);
                    case "generate" -> generate = value;
                    default -> headers.put(key, value);
                }
            }
            byte[] body = text.substring(split + 5).getBytes(StandardCharsets.UTF_8);
            if (generate != null) {
                body = generate(generate, headers);
            }
            String name = file.getFileName().toString().replace(".case", "");
            return new MalformedCase(name, description, status, pointers, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> pointers(String value) {
        List<String> list = new ArrayList<>();
        for (String p : value.split(" ")) {
            if (!p.isBlank()) {
                list.add(p.equals("\"\"") ? "" : p);
            }
        }
        return list;
    }

    static String trip(String data) {
        return "{\"vehicle_id\":\"3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10\","
                + "\"driver_id\":\"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                + "\"timestamp\":\"2026-05-01T08:00:00Z\",\"data\":"
                + data
                + "}";
    }

    private static byte[] generate(String spec, Map<String, String> headers) throws IOException {
        String[] parts = spec.split(" ");
        int n = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        switch (parts[0]) {
            case "many-samples" -> {
                return utf8(trip("[" + (VALID_SAMPLE + ",").repeat(n - 1) + VALID_SAMPLE + "]"));
            }
            case "deep-nesting" -> {
                return utf8("[".repeat(n) + "]".repeat(n));
            }
            case "deep-nesting-in-extra" -> {
                String trip = trip("[" + VALID_SAMPLE + "]");
                return utf8(
                        "{\"extra\":" + "[".repeat(n) + "]".repeat(n) + "," + trip.substring(1));
            }
            case "big-string" -> {
                return utf8(trip("[" + VALID_SAMPLE + "]").replace("3f2b8c1e", "a".repeat(n)));
            }
            case "latin1" -> {
                return trip("[" + VALID_SAMPLE + "]")
                        .replace("\"data\"", "\"caf\u00e9\":\"cr\u00e8me\",\"data\"")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case "gzip-bomb", "gzip-bomb-zeros" -> {
                // Whitespace keeps a JSON parser reading, so only the size limit can stop it.
                headers.put("content-encoding", "gzip");
                byte fill = parts[0].equals("gzip-bomb") ? (byte) ' ' : 0;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
                    gz.write('{');
                    byte[] block = new byte[1 << 20];
                    java.util.Arrays.fill(block, fill);
                    for (int written = 0; written < n; written += block.length) {
                        gz.write(block);
                    }
                }
                return out.toByteArray();
            }
            case "oversized" -> {
                String trip = trip("[" + VALID_SAMPLE + "]");
                return utf8(trip + " ".repeat(n - trip.length()));
            }
            case "truncated-gzip" -> {
                headers.put("content-encoding", "gzip");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(
                            utf8(
                                    trip(
                                            ("[" + VALID_SAMPLE + ",").repeat(200)
                                                    + VALID_SAMPLE
                                                    + "]")));
                }
                byte[] whole = out.toByteArray();
                return java.util.Arrays.copyOf(whole, whole.length / 2);
            }
            default -> throw new IllegalArgumentException("unknown generator " + spec);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name + " (" + description + ")";
    }
}
