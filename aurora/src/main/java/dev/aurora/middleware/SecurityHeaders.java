package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.internal.http.ResponseHeaders;
import dev.aurora.internal.server.ExchangeAccess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Response headers that make browsers safer with what this server sends: no content sniffing, no
 * framing by other sites, a careful referrer, isolated browsing contexts, and, when asked for, a
 * content security policy and HSTS.
 *
 * <pre>{@code
 * app.use(SecurityHeaders.defaults()
 *         .contentSecurityPolicy("default-src 'self'")
 *         .strictTransportSecurity(Duration.ofDays(365), true));
 * // one route may be framed by pages of the same origin:
 * app.get("/widget", widget, SecurityHeaders.none().frameOptions("SAMEORIGIN"));
 * }</pre>
 *
 * <table class="striped">
 * <caption>{@link #defaults()}</caption>
 * <thead><tr><th>header</th><th>value</th></tr></thead>
 * <tbody>
 * <tr><td>{@code X-Content-Type-Options}</td><td>{@code nosniff}</td></tr>
 * <tr><td>{@code X-Frame-Options}</td><td>{@code DENY}</td></tr>
 * <tr><td>{@code Referrer-Policy}</td><td>{@code strict-origin-when-cross-origin}</td></tr>
 * <tr><td>{@code Cross-Origin-Opener-Policy}</td><td>{@code same-origin}</td></tr>
 * <tr><td>{@code Cross-Origin-Resource-Policy}</td><td>{@code same-origin}</td></tr>
 * </tbody>
 * </table>
 *
 * <p>{@code Content-Security-Policy}, {@code Strict-Transport-Security} and
 * {@code Cross-Origin-Embedder-Policy} are not sent unless set: each can break a site that did not
 * plan for it. Each instance manages only the headers it names, so a second instance on a router
 * or a route overrides the application's for those headers alone; a header set to {@code null}
 * is removed. A handler can still override any of them with {@link Context#setHeader}.
 *
 * <p>The headers are set before the handler runs and stay on error responses, including a
 * {@code 500} from a handler that threw. Instances are immutable.
 */
public final class SecurityHeaders implements Middleware {
    private static final String[] NONE = new String[0];

    /** Header name to value; a null value removes the header. */
    private final Map<String, String> managed;
    private final String[] names;
    private final String[] values;

    private SecurityHeaders(Map<String, String> managed) {
        this.managed = managed;
        this.names = managed.keySet().toArray(NONE);
        this.values = managed.values().toArray(NONE);
    }

    /** {@return the defaults in the table above} */
    public static SecurityHeaders defaults() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        return new SecurityHeaders(headers);
    }

    /** {@return an instance that manages no header until told: for overrides on one route} */
    public static SecurityHeaders none() {
        return new SecurityHeaders(new LinkedHashMap<>());
    }

    /**
     * {@return a copy}
     *
     * @param value {@code DENY}, {@code SAMEORIGIN}, or null to send none (for pages meant to be
     *     framed; prefer {@code frame-ancestors} in the CSP)
     */
    public SecurityHeaders frameOptions(String value) {
        return with("X-Frame-Options", value);
    }

    /**
     * {@return a copy}
     *
     * @param value a policy such as {@code default-src 'self'; img-src 'self' data:}, or null for none
     */
    public SecurityHeaders contentSecurityPolicy(String value) {
        return with("Content-Security-Policy", value);
    }

    /**
     * {@return a copy}
     *
     * @param value a policy such as {@code no-referrer} or {@code same-origin}, or null for none
     */
    public SecurityHeaders referrerPolicy(String value) {
        return with("Referrer-Policy", value);
    }

    /**
     * Tells browsers to use only HTTPS for this host for {@code maxAge}. Send it only when every
     * request really arrives over HTTPS (at the load balancer), or browsers will refuse the site.
     *
     * @param maxAge how long browsers remember it (whole seconds)
     * @param includeSubDomains whether it covers every subdomain too
     * @return a copy
     */
    public SecurityHeaders strictTransportSecurity(Duration maxAge, boolean includeSubDomains) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
        }
        return with("Strict-Transport-Security", "max-age=" + maxAge.toSeconds() + (includeSubDomains ? "; includeSubDomains" : ""));
    }

    /**
     * {@return a copy}
     *
     * @param value {@code same-origin}, {@code same-origin-allow-popups}, {@code unsafe-none}, or null
     */
    public SecurityHeaders crossOriginOpenerPolicy(String value) {
        return with("Cross-Origin-Opener-Policy", value);
    }

    /**
     * {@return a copy}
     *
     * @param value {@code same-origin}, {@code same-site}, {@code cross-origin}, or null
     */
    public SecurityHeaders crossOriginResourcePolicy(String value) {
        return with("Cross-Origin-Resource-Policy", value);
    }

    /**
     * {@return a copy}
     *
     * @param value {@code require-corp}, {@code credentialless}, or null (the default: none)
     */
    public SecurityHeaders crossOriginEmbedderPolicy(String value) {
        return with("Cross-Origin-Embedder-Policy", value);
    }

    /**
     * Manages any other header the same way.
     *
     * @param name a header name
     * @param value its value, or null to remove it
     * @return a copy
     */
    public SecurityHeaders header(String name, String value) {
        return with(name, value);
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null) {
                ctx.removeHeader(names[i]);
            } else {
                ctx.setHeader(names[i], values[i]);
            }
        }
        ExchangeAccess.keepHeadersOnError(ctx);
        next.handle(ctx);
    }

    private SecurityHeaders with(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value != null) {
            ResponseHeaders.checkField(name, value);
        }
        Map<String, String> copy = new LinkedHashMap<>(managed);
        copy.remove(name);
        copy.put(name, value);
        return new SecurityHeaders(copy);
    }
}
