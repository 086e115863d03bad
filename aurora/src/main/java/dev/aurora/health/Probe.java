package dev.aurora.health;

/** Which endpoint a {@link HealthCheck} belongs to. */
public enum Probe {
    /**
     * The process works and should not be restarted. Keep these rare and cheap: a failing
     * liveness check gets the instance restarted, so never check shared dependencies here.
     */
    LIVENESS,
    /** The instance can serve traffic now (dependencies reachable, caches warm). */
    READINESS
}
