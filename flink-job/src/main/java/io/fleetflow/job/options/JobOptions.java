package io.fleetflow.job.options;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.java.utils.ParameterTool;

/**
 * Everything the scoring job is configured with, parsed once from its arguments: immutable and
 * serializable, read with {@code options.get(LookupOptions.POOL_SIZE)}. Each option is defined
 * once, in its group ({@link SourceOptions}, {@link DatabaseOptions}, {@link LookupOptions}, {@link
 * SinkOptions}, {@link RuntimeOptions}, {@link RescoreOptions}); this class only parses, checks and
 * lists them. Operators receive the values they need, not the argument parser.
 */
public final class JobOptions implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Every option the job understands, by group. */
    public static final List<JobOption<?>> ALL = all();

    private static final Map<String, JobOption<?>> BY_KEY =
            ALL.stream()
                    .collect(
                            Collectors.toMap(
                                    JobOption::key, o -> o, (a, b) -> a, LinkedHashMap::new));

    /** Values by option key; every option has one. */
    private final HashMap<String, Serializable> values;

    private JobOptions(Map<String, Serializable> given) {
        HashMap<String, Serializable> checked = new HashMap<>();
        for (JobOption<?> option : ALL) {
            Serializable value = given.getOrDefault(option.key(), option.defaultValue());
            checked.put(option.key(), option.check(value));
        }
        this.values = checked;
        requireAtLeast(LookupOptions.ASYNC_CAPACITY, LookupOptions.POOL_SIZE);
        if (get(RuntimeOptions.RESTART_MAX_BACKOFF)
                        .compareTo(get(RuntimeOptions.RESTART_INITIAL_BACKOFF))
                < 0) {
            throw new IllegalArgumentException(
                    RuntimeOptions.RESTART_MAX_BACKOFF
                            + " must be at least "
                            + RuntimeOptions.RESTART_INITIAL_BACKOFF);
        }
    }

    /** Every option at its default. */
    public static JobOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses {@code --amqp-uri}, {@code --queue}, {@code --jdbc-url}, … (see docs/flink-job.md).
     * Unknown arguments are rejected, so a typo does not silently fall back to a default.
     */
    public static JobOptions fromArgs(String[] args) {
        ParameterTool p = ParameterTool.fromArgs(args);
        Builder builder = builder();
        for (Map.Entry<String, String> arg : p.toMap().entrySet()) {
            JobOption<?> option = BY_KEY.get(arg.getKey());
            if (option == null) {
                throw new IllegalArgumentException(
                        "unknown argument --" + arg.getKey() + "; known: " + BY_KEY.keySet());
            }
            builder.values.put(option.key(), option.parse(arg.getValue()));
        }
        return builder.build();
    }

    /** The value of one option. */
    public <T extends Serializable> T get(JobOption<T> option) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(option.key());
        return value;
    }

    /** One line per option: {@code --key (default): description}, for a usage text. */
    public static String usage() {
        StringBuilder out = new StringBuilder();
        for (JobOption<?> option : ALL) {
            out.append(option)
                    .append(" (default ")
                    .append(option.defaultValue())
                    .append("): ")
                    .append(option.description())
                    .append('\n');
        }
        return out.toString();
    }

    private void requireAtLeast(JobOption<Integer> larger, JobOption<Integer> smaller) {
        if (get(larger) < get(smaller)) {
            throw new IllegalArgumentException(
                    larger
                            + " ("
                            + get(larger)
                            + ") must be at least "
                            + smaller
                            + " ("
                            + get(smaller)
                            + ")");
        }
    }

    private static List<JobOption<?>> all() {
        List<JobOption<?>> all = new ArrayList<>();
        all.addAll(SourceOptions.ALL);
        all.addAll(DatabaseOptions.ALL);
        all.addAll(LookupOptions.ALL);
        all.addAll(SinkOptions.ALL);
        all.addAll(RuntimeOptions.ALL);
        all.addAll(RescoreOptions.ALL);
        return Collections.unmodifiableList(all);
    }

    /** Collects values; every option not set keeps its default. Checked in {@link #build}. */
    public static final class Builder {
        private final Map<String, Serializable> values = new HashMap<>();

        public <T extends Serializable> Builder set(JobOption<T> option, T value) {
            values.put(option.key(), value);
            return this;
        }

        public JobOptions build() {
            return new JobOptions(values);
        }
    }
}
