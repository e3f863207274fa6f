package io.fleetflow.job.sink;

import io.fleetflow.job.score.TripEventRecord;

/**
 * Encodes a trip's events as the JSON array the score statement expands with {@code
 * jsonb_to_recordset}, so score, events and status go to the database in one statement.
 */
final class EventsJson {
    private EventsJson() {}

    static String encode(TripEventRecord[] events) {
        StringBuilder json = new StringBuilder(16 + events.length * 96).append('[');
        for (int i = 0; i < events.length; i++) {
            TripEventRecord e = events[i];
            if (i > 0) {
                json.append(',');
            }
            // type and severity are enum names: no characters that need escaping. A null Double
            // appends "null", which is what a non-crash event's impact columns are.
            json.append("{\"seq\":")
                    .append(i)
                    .append(",\"event_type\":\"")
                    .append(e.type)
                    .append("\",\"start_ms\":")
                    .append(e.startMs)
                    .append(",\"end_ms\":")
                    .append(e.endMs)
                    .append(",\"peak\":")
                    .append(e.peak)
                    .append(",\"severity\":\"")
                    .append(e.severity)
                    .append("\",\"delta_v_kmh\":")
                    .append(e.deltaVKmh)
                    .append(",\"speed_before_kmh\":")
                    .append(e.speedBeforeKmh)
                    .append(",\"speed_after_kmh\":")
                    .append(e.speedAfterKmh)
                    .append('}');
        }
        return json.append(']').toString();
    }
}
