package io.fleetflow.simulator;

import java.time.Duration;

/**
 * What a generated trip looks like, apart from the driver's style: how densely it is sampled, how
 * long it lasts, and (optionally) a harsh-event rate overriding the style's own.
 *
 * @param sampleRateHz samples per second, 1 to 16,000
 * @param minDuration shortest trip
 * @param maxDuration longest trip; each trip's length is drawn uniformly in between
 * @param harshEventsPerMinute harsh manoeuvres per minute of driving, or negative for the style's
 *     default
 * @param crashShare the share of trips, 0 to 1, that end in a collision (labelled {@code crash})
 */
public record TripSettings(
        int sampleRateHz,
        Duration minDuration,
        Duration maxDuration,
        double harshEventsPerMinute,
        double crashShare) {

    public static final int MIN_SAMPLE_RATE_HZ = 1;
    public static final int MAX_SAMPLE_RATE_HZ = 16_000;
    public static final int DEFAULT_SAMPLE_RATE_HZ = 10;
    public static final Duration DEFAULT_MIN_DURATION = Duration.ofMinutes(2);
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(8);
    public static final double STYLE_EVENT_RATE = -1;

    public static final TripSettings DEFAULTS =
            new TripSettings(
                    DEFAULT_SAMPLE_RATE_HZ,
                    DEFAULT_MIN_DURATION,
                    DEFAULT_MAX_DURATION,
                    STYLE_EVENT_RATE,
                    0);

    /** Trips without crashes. */
    public TripSettings(
            int sampleRateHz,
            Duration minDuration,
            Duration maxDuration,
            double harshEventsPerMinute) {
        this(sampleRateHz, minDuration, maxDuration, harshEventsPerMinute, 0);
    }

    public TripSettings {
        if (sampleRateHz < MIN_SAMPLE_RATE_HZ || sampleRateHz > MAX_SAMPLE_RATE_HZ) {
            throw new IllegalArgumentException(
                    "sample rate must be 1 to 16000 Hz, not " + sampleRateHz);
        }
        if (minDuration.toMillis() < 1_000 || maxDuration.compareTo(minDuration) < 0) {
            throw new IllegalArgumentException(
                    "trip length must be at least 1 s and min <= max: "
                            + minDuration
                            + ".."
                            + maxDuration);
        }
        if (!(crashShare >= 0 && crashShare <= 1)) {
            throw new IllegalArgumentException("crash share must be 0 to 1, not " + crashShare);
        }
    }

    public TripSettings withSampleRate(int hz) {
        return new TripSettings(hz, minDuration, maxDuration, harshEventsPerMinute, crashShare);
    }

    public TripSettings withDuration(Duration min, Duration max) {
        return new TripSettings(sampleRateHz, min, max, harshEventsPerMinute, crashShare);
    }

    public TripSettings withHarshEventsPerMinute(double rate) {
        return new TripSettings(sampleRateHz, minDuration, maxDuration, rate, crashShare);
    }

    public TripSettings withCrashShare(double share) {
        return new TripSettings(
                sampleRateHz, minDuration, maxDuration, harshEventsPerMinute, share);
    }

    double eventRateFor(DrivingStyle style) {
        return harshEventsPerMinute >= 0 ? harshEventsPerMinute : style.harshEventsPerMinute;
    }
}
