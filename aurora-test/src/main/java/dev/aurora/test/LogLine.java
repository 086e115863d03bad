package dev.aurora.test;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.slf4j.event.Level;

/**
 * One log event captured by {@link LogCapture}.
 *
 * @param time when it was logged
 * @param level its level
 * @param logger the logger name
 * @param thread the name of the thread that logged it
 * @param message the formatted message (arguments filled in)
 * @param mdc the MDC at the time (unmodifiable, possibly empty)
 * @param throwable the class name and message of the attached throwable, or {@code null}
 * @param keyValues the event's SLF4J key-value pairs ({@code addKeyValue}), in order
 *     (unmodifiable, possibly empty; a key given twice keeps its last value)
 */
public record LogLine(Instant time, Level level, String logger, String thread, String message,
                      Map<String, String> mdc, String throwable, Map<String, Object> keyValues) {

    /** A null {@code keyValues} is taken as empty. */
    public LogLine {
        keyValues = keyValues == null ? Map.of() : keyValues;
    }

    /**
     * A line without key-value pairs.
     *
     * @param time when it was logged
     * @param level its level
     * @param logger the logger name
     * @param thread the name of the thread that logged it
     * @param message the formatted message (arguments filled in)
     * @param mdc the MDC at the time (unmodifiable, possibly empty)
     * @param throwable the class name and message of the attached throwable, or {@code null}
     */
    public LogLine(Instant time, Level level, String logger, String thread, String message,
                   Map<String, String> mdc, String throwable) {
        this(time, level, logger, thread, message, mdc, throwable, Map.of());
    }

    /**
     * {@return its value as text ({@code String.valueOf}), or {@code null} when the event has no such key}
     *
     * @param key a key of the event's key-value pairs
     */
    public String keyValue(String key) {
        Object value = keyValues.get(Objects.requireNonNull(key, "key"));
        return value == null ? null : String.valueOf(value);
    }

    /** @return {@code LEVEL logger - message}, with the throwable if any */
    @Override
    public String toString() {
        return level + " " + logger + " - " + message + (throwable == null ? "" : " ! " + throwable);
    }
}
