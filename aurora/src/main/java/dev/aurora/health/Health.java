package dev.aurora.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link HealthCheck} found: {@link Status#UP UP} or {@link Status#DOWN DOWN}, a reason when
 * down, and optional details (written as JSON, so use strings, numbers, booleans, lists and maps).
 * Immutable.
 */
public final class Health {
    /** The status of a check, or of a whole endpoint. */
    public enum Status {
        /** Healthy. */
        UP,
        /** Unhealthy; the endpoint answers {@code 503}. */
        DOWN
    }

    private static final Health UP = new Health(Status.UP, null, Map.of());

    private final Status status;
    private final String reason;
    private final Map<String, Object> details;

    private Health(Status status, String reason, Map<String, Object> details) {
        this.status = status;
        this.reason = reason;
        this.details = details;
    }

    /** {@return {@code UP} without details} */
    public static Health up() {
        return UP;
    }

    /**
     * {@return {@code UP} with those details}
     *
     * @param details shown with the check, in iteration order
     */
    public static Health up(Map<String, ?> details) {
        return new Health(Status.UP, null, copy(details));
    }

    /**
     * {@return {@code DOWN}}
     *
     * @param reason why the check failed, shown as its error
     */
    public static Health down(String reason) {
        return down(reason, Map.of());
    }

    /**
     * {@return {@code DOWN} with those details}
     *
     * @param reason why the check failed, shown as its error
     * @param details shown with the check, in iteration order
     */
    public static Health down(String reason, Map<String, ?> details) {
        return new Health(Status.DOWN, Objects.requireNonNull(reason, "reason"), copy(details));
    }

    /** {@return {@code UP} or {@code DOWN}} */
    public Status status() {
        return status;
    }

    /** {@return why the check is down; {@code null} when up} */
    public String reason() {
        return reason;
    }

    /** {@return the details, unmodifiable, possibly empty} */
    public Map<String, Object> details() {
        return details;
    }

    @Override
    public String toString() {
        return status + (reason == null ? "" : " (" + reason + ")") + (details.isEmpty() ? "" : " " + details);
    }

    // Details may hold nulls (a map of "last error" = null is fine), so not Map.copyOf.
    private static Map<String, Object> copy(Map<String, ?> details) {
        Objects.requireNonNull(details, "details");
        return details.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
