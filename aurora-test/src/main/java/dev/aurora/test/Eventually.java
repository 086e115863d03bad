package dev.aurora.test;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for asynchronous effects (a counter reaching a value, a log line, a health check
 * turning red) without sleeping: polls a probe on the calling thread until a condition holds, and on
 * timeout fails with the last value seen.
 *
 * <pre>{@code
 * long shipped = Eventually.until(orders::shippedCount, n -> n >= 3);
 * client.get("/health/ready").sendUntil(r -> r.status() == 503);
 * }</pre>
 */
public final class Eventually {
    /** How long the methods without a timeout wait. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_POLL = Duration.ofMillis(5);
    private static final Duration MAX_POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /**
     * Polls {@code probe} until {@code condition} holds, for up to {@link #DEFAULT_TIMEOUT}.
     *
     * @param probe reads the current value (called on the calling thread)
     * @param condition what the value must satisfy
     * @param <T> the value type
     * @return the first value that satisfied the condition
     * @throws AssertionError with the last value seen if the condition never held
     */
    public static <T> T until(Supplier<? extends T> probe, Predicate<? super T> condition) {
        return until(DEFAULT_TIMEOUT, probe, condition, "condition");
    }

    /**
     * Polls {@code probe} until {@code condition} holds, for up to {@code timeout}.
     *
     * @param timeout how long to wait
     * @param probe reads the current value (called on the calling thread)
     * @param condition what the value must satisfy
     * @param <T> the value type
     * @return the first value that satisfied the condition
     * @throws AssertionError with the last value seen if the condition never held
     */
    public static <T> T until(Duration timeout, Supplier<? extends T> probe, Predicate<? super T> condition) {
        return until(timeout, probe, condition, "condition");
    }

    static <T> T until(Duration timeout, Supplier<? extends T> probe, Predicate<? super T> condition, String what) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(condition, "condition");
        // Same thread: probes may use thread-confined objects (a TestRequest) and thread locals.
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration interval = FIRST_POLL;
        T last;
        while (true) {
            last = probe.get();
            if (condition.test(last)) {
                return last;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(interval.toNanos(), left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what + "; last value:\n" + last, e);
            }
            interval = next(interval);
        }
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                + "; last value:\n" + last);
    }

    /** Polls quickly at first, then backs off so a long wait does not burn a core. */
    private static Duration next(Duration interval) {
        Duration doubled = interval.multipliedBy(2);
        return doubled.compareTo(MAX_POLL) > 0 ? MAX_POLL : doubled;
    }
}
