package dev.aurora.schema;

import java.util.Objects;

/**
 * Collects what a {@link Validatable} value finds wrong with itself. Pointers are relative to that
 * value: {@code ""} is the value itself, {@code "/to"} one of its members, {@code "/guests/2/name"}
 * something deeper; the schema puts the value's own pointer in front. Used by one call of
 * {@link Validatable#validate} on its thread.
 */
public final class Violations {
    /** Null in the fast pass, which only needs to know whether anything was added. */
    private final Walker walker;
    private boolean added;

    Violations(Walker walker) {
        this.walker = walker;
    }

    /**
     * Adds a violation.
     *
     * @param pointer where, as a JSON Pointer relative to the value: {@code ""} or starting with
     *     {@code /}, with {@code ~} and {@code /} in member names escaped ({@code ~0}, {@code ~1})
     * @param code the machine-readable rule, such as {@code order} or {@code unique}
     * @param message a readable explanation, such as {@code must be after from}
     * @return this, to add more
     * @throws IllegalArgumentException if {@code pointer} is neither empty nor starts with {@code /}
     */
    public Violations add(String pointer, String code, String message) {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("A JSON Pointer is empty or starts with /: " + pointer);
        }
        added = true;
        if (walker != null) {
            walker.report(pointer, code, message);
        }
        return this;
    }

    /** {@return whether anything was added} */
    boolean any() {
        return added;
    }
}
