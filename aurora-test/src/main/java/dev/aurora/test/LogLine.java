package dev.aurora.test;

import java.time.Instant;
import java.util.Map;
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
 */
public record LogLine(Instant time, Level level, String logger, String thread, String message,
                      Map<String, String> mdc, String throwable) {

    /** @return {@code LEVEL logger - message}, with the throwable if any */
    @Override
    public String toString() {
        return level + " " + logger + " - " + message + (throwable == null ? "" : " ! " + throwable);
    }
}
