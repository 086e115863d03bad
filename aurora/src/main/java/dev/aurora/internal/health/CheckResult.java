package dev.aurora.internal.health;

import dev.aurora.health.Health;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one check reported on one probe, with how long it took; immutable, any thread. */
record CheckResult(Health.Status status, long durationNanos, String error, Map<String, Object> details) {

    static CheckResult of(Health health, long durationNanos) {
        return new CheckResult(health.status(), durationNanos, health.reason(), health.details());
    }

    static CheckResult down(long durationNanos, String error) {
        return new CheckResult(Health.Status.DOWN, durationNanos, error, Map.of());
    }

    /** The check's member of the JSON body: status, durationMs, then error and details if any. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status.name());
        json.put("durationMs", Math.round(durationNanos / 1_000.0) / 1_000.0);
        if (error != null) {
            json.put("error", error);
        }
        if (!details.isEmpty()) {
            json.put("details", details);
        }
        return json;
    }
}
