package dev.aurora.schema;

import java.util.Objects;

/**
 * One failed constraint.
 *
 * @param pointer where the value is, as an RFC 6901 JSON Pointer ({@code /items/3/name}); the
 *     root value is {@code ""}
 * @param code the machine-readable constraint: {@code required}, {@code range}, {@code length},
 *     {@code pattern}, {@code email} or {@code oneOf}; when binding a query ({@code
 *     dev.aurora.Validated#query}) also {@code type} (a value that does not convert) and {@code
 *     invalid} (refused by the record's constructor); or one of the application's own, from a
 *     {@link Validatable}
 * @param message a readable explanation, e.g. {@code must be between 1 and 10}
 */
public record Violation(String pointer, String code, String message) {
    /** Checks that no component is null. */
    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
