package dev.aurora.health;

/**
 * One health check, such as a database ping. Each probe of the endpoint the check belongs to runs
 * it on its own virtual thread, concurrently with the other checks, so it may block.
 *
 * <p>A check that throws is {@link Health.Status#DOWN DOWN} with the exception as its error. A check
 * that overruns its timeout is {@code DOWN} too; it is not interrupted, and until it returns later
 * probes report it {@code DOWN} without starting it again, so a hung dependency costs one thread
 * per check, however often the endpoint is probed.
 */
@FunctionalInterface
public interface HealthCheck {
    /**
     * {@return the check's status, with optional details}
     *
     * @throws Exception when the check fails; the probe reports it {@code DOWN} with the exception
     */
    Health check() throws Exception;
}
