package io.fleetflow.gateway.app;

import io.fleetflow.model.ingest.PayloadLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How much one trip may carry, and how many are parsed at once. */
final class IngestOptions {

    static final GatewayOption<Long> MAX_BODY_BYTES =
            GatewayOption.whole(
                    "FLEETFLOW_MAX_BODY_BYTES",
                    64L * 1024 * 1024,
                    "Largest request body accepted, counted after decompression, in bytes.");

    static final GatewayOption<Integer> MAX_SAMPLES =
            GatewayOption.integer(
                    "FLEETFLOW_MAX_SAMPLES",
                    PayloadLimits.DEFAULT_MAX_SAMPLES,
                    "Most samples in one trip, in samples.");

    static final GatewayOption<Duration> MAX_FUTURE_SKEW =
            new GatewayOption<>(
                    "FLEETFLOW_MAX_FUTURE_SKEW_S",
                    String.valueOf(PayloadLimits.DEFAULT_MAX_FUTURE_SKEW.toSeconds()),
                    text -> Duration.ofSeconds(Long.parseLong(text)),
                    "How far a trip's timestamp may be ahead of the server clock, in s.");

    static final GatewayOption<Integer> MAX_CONCURRENT_INGESTS =
            GatewayOption.integer(
                    "FLEETFLOW_MAX_CONCURRENT_INGESTS",
                    64,
                    "Trip bodies parsed at once; one more is refused with 503, in requests.");

    static final List<GatewayOption<?>> ALL =
            List.of(MAX_BODY_BYTES, MAX_SAMPLES, MAX_FUTURE_SKEW, MAX_CONCURRENT_INGESTS);

    private IngestOptions() {}

    /** The payload limits the environment sets (the reported-error cap is not configurable). */
    static PayloadLimits payloadLimits(Map<String, String> env) {
        return new PayloadLimits(
                MAX_SAMPLES.read(env),
                MAX_FUTURE_SKEW.read(env),
                PayloadLimits.DEFAULT_MAX_REPORTED_ERRORS);
    }
}
