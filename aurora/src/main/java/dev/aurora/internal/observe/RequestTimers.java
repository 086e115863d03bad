package dev.aurora.internal.observe;

import dev.aurora.internal.observe.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@code http.server.requests} timers, one per (method, route template, status), resolved
 * once and then found again without building tags or asking the registry.
 *
 * <p>Design: an open-addressing table of immutable entries in an {@link AtomicReferenceArray}.
 * A lookup hashes the three keys (a {@code String}'s hash is cached in the string, and the route
 * template and the method are the same instances on every request), probes at most
 * {@link #MAX_PROBES} slots, and compares by identity first. A miss builds the timer (the registry
 * deduplicates) and publishes it with a CAS into the first free slot; two threads racing on one
 * key both get the registry's one timer, and at worst both store it. Entries are never removed,
 * and the table never grows: when its probe window is full a lookup falls back to the registry,
 * which is correct, only slower. The tags themselves are bounded (see {@link #uri}), so the
 * number of timers is bounded whatever paths clients send.
 *
 * <p>{@link #observe} runs on connection threads; lock-free, no allocation once a key is cached.
 */
final class RequestTimers implements RequestObserver {
    static final String NAME = "http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String REDIRECTION = "REDIRECTION";
    static final String UNKNOWN = "UNKNOWN";
    private static final int CAPACITY = 4096;
    private static final int MAX_PROBES = 16;

    private record Entry(String method, String route, int status, Timer timer) {
    }

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Entry> table = new AtomicReferenceArray<>(CAPACITY);

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void observe(String method, String routePattern, int status, long nanos) {
        timer(method, routePattern, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    Timer timer(String rawMethod, String route, int status) {
        String method = method(rawMethod);
        int hash = spread((method.hashCode() * 31 + (route == null ? 0 : route.hashCode())) * 31 + status);
        int free = -1;
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int slot = (hash + probe) & (CAPACITY - 1);
            Entry e = table.get(slot);
            if (e == null) {
                free = slot;
                break;
            }
            if (e.status == status && e.method == method && (e.route == route || route != null && route.equals(e.route))) {
                return e.timer;
            }
        }
        Timer timer = register(method, route, status);
        if (free >= 0) {
            table.compareAndSet(free, null, new Entry(method, route, status, timer));
        }
        return timer;
    }

    private Timer register(String method, String route, int status) {
        return Timer.builder(NAME)
                .description("HTTP requests served, by method, route template, status and outcome")
                .tags(Tags.of("method", method, "uri", uri(route, status), "status", Integer.toString(status),
                        "outcome", Outcome.forStatus(status).name()))
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * The route template; with no matched route, Spring's names: {@code REDIRECTION} for a 3xx,
     * {@code NOT_FOUND} for a 404, else {@code UNKNOWN}. Never the raw path.
     */
    static String uri(String route, int status) {
        if (route != null) {
            return route;
        }
        if (status >= 300 && status < 400) {
            return REDIRECTION;
        }
        return status == 404 ? NOT_FOUND : UNKNOWN;
    }

    /** The standard methods as themselves (one constant each); any other token is {@code UNKNOWN}. */
    static String method(String method) {
        return switch (method) {
            case "GET" -> "GET";
            case "HEAD" -> "HEAD";
            case "POST" -> "POST";
            case "PUT" -> "PUT";
            case "PATCH" -> "PATCH";
            case "DELETE" -> "DELETE";
            case "OPTIONS" -> "OPTIONS";
            case "TRACE" -> "TRACE";
            case "CONNECT" -> "CONNECT";
            default -> UNKNOWN;
        };
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
