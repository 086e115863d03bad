package dev.aurora.test;

import java.util.Map;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) as read by
 * {@link TestResponse#problem()}.
 *
 * @param type the {@code type} member, {@code null} if absent
 * @param title the {@code title} member, {@code null} if absent
 * @param status the {@code status} member, 0 if absent
 * @param detail the {@code detail} member, {@code null} if absent
 * @param instance the {@code instance} member, {@code null} if absent
 * @param extensions every other member, in body order (unmodifiable)
 */
public record Problem(String type, String title, int status, String detail, String instance,
        Map<String, Object> extensions) {
    /** Copies {@code extensions} into an unmodifiable map. */
    public Problem {
        extensions = extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(extensions));
    }

    /**
     * The {@code errors} member of a validation problem, as Aurora writes it for schema violations
     * and for JSON bodies with a member of the wrong type or an unknown one.
     *
     * @return each entry's {@code pointer}, {@code code} and {@code message}, in body order; empty
     *     if there is no {@code errors} member
     * @throws AssertionError if {@code errors} is not an array of such objects
     */
    public java.util.List<dev.aurora.schema.Violation> violations() {
        Object errors = extensions.get("errors");
        if (errors == null) {
            return java.util.List.of();
        }
        if (!(errors instanceof java.util.List<?> list)) {
            throw new AssertionError("errors is not an array: " + errors);
        }
        java.util.List<dev.aurora.schema.Violation> violations = new java.util.ArrayList<>(list.size());
        for (Object e : list) {
            if (!(e instanceof Map<?, ?> m) || !(m.get("pointer") instanceof String pointer)
                    || !(m.get("code") instanceof String code) || !(m.get("message") instanceof String message)) {
                throw new AssertionError("errors entry without pointer, code and message: " + e);
            }
            violations.add(new dev.aurora.schema.Violation(pointer, code, message));
        }
        return violations;
    }
}
