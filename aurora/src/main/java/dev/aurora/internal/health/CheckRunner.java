package dev.aurora.internal.health;

import dev.aurora.health.Health;
import dev.aurora.health.HealthCheck;
import dev.aurora.health.Probe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one registered {@link HealthCheck} on its own virtual thread, at most one run at a time:
 * a probe that finds a run still going waits for that run (up to the run's own deadline) instead
 * of starting another, so a hung check holds one thread however often it is probed. A run is not
 * interrupted at its timeout, because interrupting a virtual thread blocked on a socket closes the
 * socket, which may be a pooled connection the check only borrowed.
 *
 * <p>{@link #start} and {@link #await} run on the probing request's connection thread; the check
 * runs on a virtual thread named {@code aurora-health-<name>}.
 */
final class CheckRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);

    private final String name;
    private final Probe probe;
    private final Duration timeout;
    private final HealthCheck check;
    private final AtomicReference<Run> current = new AtomicReference<>();

    CheckRunner(String name, Probe probe, Duration timeout, HealthCheck check) {
        this.name = name;
        this.probe = probe;
        this.timeout = timeout;
        this.check = check;
    }

    String name() {
        return name;
    }

    Probe probe() {
        return probe;
    }

    /** @return the run in progress, or a new one if the last has finished */
    Run start() {
        while (true) {
            Run last = current.get();
            if (last != null && !last.result.isDone()) {
                return last;
            }
            Run next = new Run(System.nanoTime(), new CompletableFuture<>());
            if (current.compareAndSet(last, next)) {
                Thread.ofVirtual().name("aurora-health-" + name).start(() -> execute(next));
                return next;
            }
        }
    }

    /** Waits for {@code run} until its deadline; an overrun or a failure is {@code DOWN}. */
    CheckResult await(Run run) throws InterruptedException {
        long remaining = run.startNanos + timeout.toNanos() - System.nanoTime();
        try {
            return run.result.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return CheckResult.down(nanosSince(run.startNanos),
                    "timed out: still running after its " + timeout.toMillis() + " ms timeout");
        } catch (ExecutionException e) {
            // execute() completes normally whatever the check does; kept for completeness.
            return CheckResult.down(nanosSince(run.startNanos), describe(e.getCause()));
        }
    }

    private void execute(Run run) {
        CheckResult result;
        try {
            Health health = check.check();
            result = health == null
                    ? CheckResult.down(nanosSince(run.startNanos), "the check returned null")
                    : CheckResult.of(health, nanosSince(run.startNanos));
        } catch (Throwable t) {
            LOG.debug("Health check '{}' failed", name, t);
            result = CheckResult.down(nanosSince(run.startNanos), describe(t));
        }
        run.result.complete(result);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }

    private static long nanosSince(long startNanos) {
        return System.nanoTime() - startNanos;
    }

    /** One execution of the check: when it started and what it found. */
    record Run(long startNanos, CompletableFuture<CheckResult> result) {
    }
}
