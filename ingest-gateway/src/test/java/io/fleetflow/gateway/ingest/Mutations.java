package io.fleetflow.gateway.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random byte-level edits of a valid trip body, as jqwik arbitraries, for fuzz properties. */
final class Mutations {

    static final String VALID =
            "{\"vehicle_id\":\"3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10\","
                    + "\"driver_id\":\"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                    + "\"timestamp\":\"2026-05-01T08:00:00Z\",\"sample_rate_hz\":10,\"data\":["
                    + "{\"t\":0,\"speed_kmh\":45.5,\"g_force_long\":0.1,\"g_force_lat\":-0.02},"
                    + "{\"t\":100,\"speed_kmh\":46,\"g_force_long\":-0.45,\"g_force_lat\":0.3},"
                    + "{\"t\":200,\"speed_kmh\":0,\"g_force_long\":1e-3,\"g_force_lat\":16}]}";

    /** Bytes that tend to matter to a JSON parser, plus anything at all. */
    private static final byte[] INTERESTING =
            "{}[]\":,-+.eE0123456789 \\tnulfasNIy\u0000".getBytes(StandardCharsets.ISO_8859_1);

    private Mutations() {}

    /** One edit: what, where (as a fraction of the length), with which byte, how long. */
    record Edit(int kind, double at, byte value, int length) {
        byte[] apply(byte[] body) {
            int pos = (int) Math.min(body.length, Math.floor(at * (body.length + 1)));
            int end = Math.min(body.length, pos + length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + length);
            switch (kind) {
                case 0 -> { // delete a range
                    out.write(body, 0, pos);
                    out.write(body, end, body.length - end);
                }
                case 1 -> { // insert bytes
                    out.write(body, 0, pos);
                    for (int i = 0; i < length; i++) {
                        out.write(value);
                    }
                    out.write(body, pos, body.length - pos);
                }
                case 2 -> { // overwrite one byte
                    out.write(body, 0, body.length);
                    byte[] b = out.toByteArray();
                    if (pos < b.length) {
                        b[pos] = value;
                    }
                    return b;
                }
                case 3 -> { // duplicate a range
                    out.write(body, 0, end);
                    out.write(body, pos, end - pos);
                    out.write(body, end, body.length - end);
                }
                default -> out.write(body, 0, pos); // truncate
            }
            return out.toByteArray();
        }
    }

    static Arbitrary<Edit> edits() {
        Arbitrary<Byte> value =
                Arbitraries.oneOf(Arbitraries.of(toList(INTERESTING)), Arbitraries.bytes());
        return Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1),
                        value,
                        Arbitraries.integers().between(1, 40))
                .as(Edit::new);
    }

    static Arbitrary<byte[]> mutatedBodies() {
        return edits().list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(
                        list -> {
                            byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
                            for (Edit e : list) {
                                body = e.apply(body);
                            }
                            return body;
                        });
    }

    private static List<Byte> toList(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return List.of(boxed);
    }
}
