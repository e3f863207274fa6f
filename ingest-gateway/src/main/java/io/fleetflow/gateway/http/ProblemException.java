package io.fleetflow.gateway.http;

import java.util.Map;

/**
 * Thrown by handlers to answer with a {@link Problem}; mapped once, where the app declares its
 * routes.
 */
public class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException serviceUnavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(
                Problem.of("service-unavailable", "Service unavailable", 503, detail),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }
}
