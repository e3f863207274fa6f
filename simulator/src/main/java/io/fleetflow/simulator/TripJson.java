package io.fleetflow.simulator;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link SimulatedTrip} as a {@code POST /api/v1/telemetry} body, with a trip-level {@code
 * sample_rate_hz} instead of per-sample times. Numbers are written in fixed point by hand: at 16
 * kHz a trip has millions of samples and {@code String.format} would dominate.
 */
public final class TripJson {

    private TripJson() {}

    public static byte[] toBody(SimulatedTrip trip) {
        StringBuilder out = new StringBuilder(160 + trip.sampleCount() * 64);
        out.append("{\"vehicle_id\":\"")
                .append(trip.vehicleId())
                .append("\",\"driver_id\":\"")
                .append(trip.driverId())
                .append("\",\"timestamp\":\"")
                .append(DateTimeFormatter.ISO_INSTANT.format(trip.startedAt()))
                .append("\",\"sample_rate_hz\":")
                .append(trip.sampleRateHz())
                .append(",\"data\":[");
        float[] speed = trip.speedKmh();
        float[] gLong = trip.gLong();
        float[] gLat = trip.gLat();
        for (int i = 0; i < speed.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"speed_kmh\":");
            appendFixed(out, speed[i], 100);
            out.append(",\"g_force_long\":");
            appendFixed(out, gLong[i], 10_000);
            out.append(",\"g_force_lat\":");
            appendFixed(out, gLat[i], 10_000);
            out.append('}');
        }
        out.append("]}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code value} rounded to {@code 1/scale} (a power of ten), without exponent. */
    static void appendFixed(StringBuilder out, double value, int scale) {
        long scaled = Math.round(value * scale);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction != 0) {
            out.append('.');
            for (int digit = scale / 10; digit > 0; digit /= 10) {
                out.append((char) ('0' + (fraction / digit) % 10));
                if (fraction % digit == 0) {
                    break;
                }
            }
        }
    }
}
