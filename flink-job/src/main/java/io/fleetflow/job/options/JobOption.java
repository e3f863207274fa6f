package io.fleetflow.job.options;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One argument of the job, defined once: its name on the command line, its default, how its text is
 * parsed, what a valid value is, and one sentence on what it means with its unit. {@link
 * JobOptions} parses, checks and documents every option from these definitions; the option groups
 * ({@link SourceOptions}, {@link DatabaseOptions}, {@link LookupOptions}, {@link SinkOptions},
 * {@link RuntimeOptions}) hold them by concern.
 *
 * @param <T> the value's type (a String, Integer or Duration: serializable with the job)
 */
public final class JobOption<T extends Serializable> {

    private final String key;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Predicate<T> valid;
    private final String requirement;
    private final String description;

    private JobOption(
            String key,
            T defaultValue,
            Function<String, T> parser,
            Predicate<T> valid,
            String requirement,
            String description) {
        this.key = Objects.requireNonNull(key, "key");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.parser = parser;
        this.valid = valid;
        this.requirement = requirement;
        this.description = description;
    }

    /** A text option; any value is valid. */
    static JobOption<String> text(String key, String defaultValue, String description) {
        return new JobOption<>(key, defaultValue, s -> s, v -> true, "", description);
    }

    /** A whole number that must be at least {@code min}. */
    static JobOption<Integer> atLeast(String key, int min, int defaultValue, String description) {
        return new JobOption<>(
                key,
                defaultValue,
                Integer::valueOf,
                v -> v >= min,
                "must be at least " + min,
                description);
    }

    /** A positive duration, written in milliseconds on the command line ({@code --x-ms 500}). */
    static JobOption<Duration> millis(String key, Duration defaultValue, String description) {
        return new JobOption<>(
                key,
                defaultValue,
                s -> Duration.ofMillis(Long.parseLong(s)),
                v -> !v.isNegative() && !v.isZero(),
                "must be positive",
                description);
    }

    /** A duration of zero or more, written in milliseconds on the command line. */
    static JobOption<Duration> nonNegativeMillis(
            String key, Duration defaultValue, String description) {
        return new JobOption<>(
                key,
                defaultValue,
                s -> Duration.ofMillis(Long.parseLong(s)),
                v -> !v.isNegative(),
                "must not be negative",
                description);
    }

    /** The argument's name without the leading dashes, e.g. {@code lookup-pool-size}. */
    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** What the option means, with its unit. */
    public String description() {
        return description;
    }

    T parse(String text) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + key + ": cannot read '" + text + "'", e);
        }
    }

    T check(Object value) {
        Objects.requireNonNull(value, key);
        @SuppressWarnings("unchecked")
        T typed = (T) defaultValue.getClass().cast(value);
        if (!valid.test(typed)) {
            throw new IllegalArgumentException("--" + key + " " + requirement + ": " + value);
        }
        return typed;
    }

    @Override
    public String toString() {
        return "--" + key;
    }
}
