package dev.aurora.internal.observe;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids: a client's {@code X-Request-Id} when it is safe to echo into logs and headers,
 * otherwise one made here. A made id is a per-process random prefix and a counter, so ids are
 * unique across restarts and cost one atomic increment; they are only made when something asks.
 * Any thread.
 */
public final class RequestIds {
    private static final int MAX_LENGTH = 128;
    private static final String PREFIX = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    private static final AtomicLong COUNTER = new AtomicLong();

    private RequestIds() {
    }

    public static String next() {
        return PREFIX + "-" + Long.toHexString(COUNTER.incrementAndGet());
    }

    /** Whether a client-supplied id may be used: 1-128 characters of {@code [A-Za-z0-9._:-]}. */
    public static boolean acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
