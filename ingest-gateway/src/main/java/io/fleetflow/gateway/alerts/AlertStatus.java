package io.fleetflow.gateway.alerts;

import java.util.Locale;

/**
 * Where an alert is, as the API names it: {@code acknowledged} once an operator acknowledged it;
 * otherwise {@code superseded} when a re-score no longer finds its event, else {@code open}.
 */
public enum AlertStatus {
    OPEN("acknowledged_at IS NULL AND superseded_at IS NULL"),
    ACKNOWLEDGED("acknowledged_at IS NOT NULL"),
    SUPERSEDED("acknowledged_at IS NULL AND superseded_at IS NOT NULL");

    /** The SQL condition over {@code telemetry.alerts} that selects the status. */
    final String condition;

    AlertStatus(String condition) {
        this.condition = condition;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code text} in the API, or {@code null}. */
    static AlertStatus parse(String text) {
        for (AlertStatus s : values()) {
            if (s.apiName().equals(text)) {
                return s;
            }
        }
        return null;
    }

    static String sqlExpression() {
        return "CASE WHEN acknowledged_at IS NOT NULL THEN 'acknowledged'"
                + " WHEN superseded_at IS NOT NULL THEN 'superseded' ELSE 'open' END";
    }
}
