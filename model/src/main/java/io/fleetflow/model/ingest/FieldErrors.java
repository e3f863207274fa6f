package io.fleetflow.model.ingest;

import java.util.ArrayList;
import java.util.List;

/** The errors a payload read has found so far: the first {@code max} listed, the rest counted. */
final class FieldErrors {
    private final int max;
    private final List<FieldError> listed = new ArrayList<>();
    private int unlisted;

    FieldErrors(int max) {
        this.max = max;
    }

    void add(String pointer, String message) {
        if (listed.size() < max) {
            listed.add(new FieldError(pointer, message));
        } else {
            unlisted++;
        }
    }

    /** Adds {@code problem} at {@code pointer} unless it is {@code null}; whether it was. */
    boolean accepts(String pointer, String problem) {
        if (problem == null) {
            return true;
        }
        add(pointer, problem);
        return false;
    }

    boolean isEmpty() {
        return listed.isEmpty() && unlisted == 0;
    }

    ReadResult toResult() {
        return ReadResult.invalid(listed, unlisted);
    }
}
