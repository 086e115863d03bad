package dev.aurora.internal.observe;

/**
 * Told about every request a connection served, with how long it took: from a parsed head to a
 * finished response. Set only when a meter registry is bound, so without one no request reads
 * the clock. Called on the connection's virtual thread; implementations must not block and
 * should not allocate in steady state.
 */
@FunctionalInterface
public interface RequestObserver {
    /**
     * @param method the request method
     * @param routePattern the matched route's template, or null when no route matched
     * @param status the response status
     * @param nanos the time taken
     */
    void observe(String method, String routePattern, int status, long nanos);
}
