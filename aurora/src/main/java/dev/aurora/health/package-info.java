/**
 * Health endpoints for load balancers and orchestrators: {@link dev.aurora.health.HealthCheck}s
 * registered with {@code Aurora.healthCheck(...)}, answered on the liveness and readiness paths of
 * a {@link dev.aurora.health.HealthConfig} enabled with {@code Aurora.health(...)}.
 */
package dev.aurora.health;
