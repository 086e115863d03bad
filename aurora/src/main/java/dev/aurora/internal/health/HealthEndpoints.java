package dev.aurora.internal.health;

import dev.aurora.Context;
import dev.aurora.health.Health;
import dev.aurora.health.HealthCheck;
import dev.aurora.health.HealthConfig;
import dev.aurora.health.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The liveness and readiness endpoints and the checks behind them. Checks are registered and the
 * endpoints enabled by the application's thread before start, under the application's lifecycle
 * lock; {@link #freeze} (at start) builds the runners; {@link #live} and {@link #ready} then run
 * on connection threads, and {@link #shutdownStarted} on the thread that stops the application.
 *
 * <p>A probe starts every check of its kind at once, then collects each result by that check's
 * own deadline, so it answers within the longest timeout. Readiness is {@code DOWN} without
 * running any check as soon as shutdown has started, so load balancers stop sending traffic while
 * in-flight requests finish.
 */
public final class HealthEndpoints {
    private static final Map<String, Object> SHUTTING_DOWN = Map.of(
            "status", Health.Status.DOWN.name(), "reason", "shutting down", "checks", Map.of());

    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    private HealthConfig config;
    private List<CheckRunner> runners = List.of();
    private volatile boolean shuttingDown;

    /** Turns the endpoints on; the caller registers the routes to {@link #live} and {@link #ready}. */
    public void enable(HealthConfig config) {
        Objects.requireNonNull(config, "config");
        if (this.config != null) {
            throw new IllegalStateException("Health endpoints are already enabled on "
                    + this.config.livePath() + " and " + this.config.readyPath());
        }
        this.config = config;
    }

    /**
     * @param timeout the check's own timeout, or {@code null} for {@link HealthConfig#checkTimeout()}
     * @throws IllegalArgumentException if a check of that name is already registered
     */
    public void add(String name, Probe probe, Duration timeout, HealthCheck check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(check, "check");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (timeout != null && (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("timeout must be between 1 ms and " + Integer.MAX_VALUE + " ms: " + timeout);
        }
        if (registrations.putIfAbsent(name, new Registration(probe, timeout, check)) != null) {
            throw new IllegalArgumentException("A health check named '" + name + "' is already registered");
        }
    }

    /**
     * Builds the runners, at start.
     *
     * @throws IllegalStateException if checks are registered but the endpoints are off
     */
    public void freeze() {
        if (config == null) {
            if (!registrations.isEmpty()) {
                throw new IllegalStateException("Health checks " + registrations.keySet()
                        + " are registered but the health endpoints are off; enable them with app.health()");
            }
            return;
        }
        List<CheckRunner> built = new ArrayList<>();
        registrations.forEach((name, r) -> built.add(new CheckRunner(name, r.probe,
                r.timeout == null ? config.checkTimeout() : r.timeout, r.check)));
        runners = List.copyOf(built);
    }

    /** From now on readiness is {@code DOWN}. */
    public void shutdownStarted() {
        shuttingDown = true;
    }

    /** Answers the liveness endpoint. */
    public void live(Context ctx) throws InterruptedException {
        respond(ctx, probe(Probe.LIVENESS));
    }

    /** Answers the readiness endpoint. */
    public void ready(Context ctx) throws InterruptedException {
        respond(ctx, shuttingDown ? SHUTTING_DOWN : probe(Probe.READINESS));
    }

    private Map<String, Object> probe(Probe probe) throws InterruptedException {
        List<CheckRunner> selected = runners.stream().filter(r -> r.probe() == probe).toList();
        List<CheckRunner.Run> runs = selected.stream().map(CheckRunner::start).toList();
        Map<String, Object> checks = new LinkedHashMap<>();
        Health.Status overall = Health.Status.UP;
        for (int i = 0; i < selected.size(); i++) {
            CheckResult result = selected.get(i).await(runs.get(i));
            if (result.status() == Health.Status.DOWN) {
                overall = Health.Status.DOWN;
            }
            checks.put(selected.get(i).name(), result.toJson());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", overall.name());
        body.put("checks", checks);
        return body;
    }

    private static void respond(Context ctx, Map<String, Object> body) {
        boolean up = Health.Status.UP.name().equals(body.get("status"));
        ctx.status(up ? 200 : 503).header("Cache-Control", "no-store").json(body);
    }

    private record Registration(Probe probe, Duration timeout, HealthCheck check) {
    }
}
