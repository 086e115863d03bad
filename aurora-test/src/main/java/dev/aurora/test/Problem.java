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
}
