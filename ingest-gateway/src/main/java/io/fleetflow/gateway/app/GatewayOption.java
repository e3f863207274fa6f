package io.fleetflow.gateway.app;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@code FLEETFLOW_*} environment variable, defined once: its name, its default as the text the
 * README's table shows, how its text is parsed, and one sentence on what it sets, with its unit.
 *
 * @param name the environment variable
 * @param defaultText the value when the variable is not set, as written in the environment; {@code
 *     null} when the default is not a fixed text (the caller derives it)
 * @param parse turns the variable's text (or {@code defaultText}) into the setting's value
 * @param doc what the variable sets, with its unit
 */
record GatewayOption<T>(String name, String defaultText, Function<String, T> parse, String doc) {

    GatewayOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(doc, "doc");
    }

    static GatewayOption<String> text(String name, String defaultText, String doc) {
        return new GatewayOption<>(name, defaultText, Function.identity(), doc);
    }

    static GatewayOption<Integer> integer(String name, long defaultValue, String doc) {
        return new GatewayOption<>(name, String.valueOf(defaultValue), Integer::parseInt, doc);
    }

    static GatewayOption<Long> whole(String name, long defaultValue, String doc) {
        return new GatewayOption<>(name, String.valueOf(defaultValue), Long::parseLong, doc);
    }

    static GatewayOption<Duration> millis(String name, Duration defaultValue, String doc) {
        return new GatewayOption<>(
                name,
                String.valueOf(defaultValue.toMillis()),
                text -> Duration.ofMillis(Long.parseLong(text)),
                doc);
    }

    static GatewayOption<Boolean> flag(String name, boolean defaultValue, String doc) {
        return new GatewayOption<>(name, String.valueOf(defaultValue), Boolean::parseBoolean, doc);
    }

    /** The value in {@code env}, or the default's when the variable is not set. */
    T read(Map<String, String> env) {
        return parse.apply(env.getOrDefault(name, defaultText));
    }

    /** The value when the variable is not set. */
    T defaultValue() {
        return parse.apply(defaultText);
    }
}
