package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.error.BadRequestException;
import dev.aurora.internal.server.ExchangeAccess;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Sends requests that arrived over plain HTTP to the same target over HTTPS with a {@code 308}
 * (which keeps the method and body, unlike a {@code 301}), for an application that listens on both
 * ({@link dev.aurora.ServerConfig#withHttpsPort(int)}), or behind a proxy whose
 * {@code X-Forwarded-Proto} {@link ForwardedHeaders} trusts. Requests already on HTTPS pass.
 *
 * <pre>{@code
 * app.use(HttpsRedirect.to(443).except("/health"));   // probes stay on plain HTTP
 * }</pre>
 *
 * <p>The {@code Location} is built from the request's host name (its port replaced), path and
 * query as sent. Immutable; one instance serves any number of requests at once.
 */
public final class HttpsRedirect implements Middleware {
    private final int httpsPort;
    private final List<String> exempt;

    private HttpsRedirect(int httpsPort, List<String> exempt) {
        this.httpsPort = httpsPort;
        this.exempt = exempt;
    }

    /**
     * {@return the middleware}
     *
     * @param httpsPort the port clients reach HTTPS on; 443 is left out of the {@code Location}
     */
    public static HttpsRedirect to(int httpsPort) {
        if (httpsPort < 1 || httpsPort > 65_535) {
            throw new IllegalArgumentException("httpsPort must be between 1 and 65535: " + httpsPort);
        }
        return new HttpsRedirect(httpsPort, List.of());
    }

    /**
     * {@return a copy that lets these through}
     *
     * @param pathPrefixes paths served on plain HTTP too, such as health probes ({@code "/health"}
     *     matches {@code /health} and {@code /health/ready})
     */
    public HttpsRedirect except(String... pathPrefixes) {
        for (String p : pathPrefixes) {
            if (!Objects.requireNonNull(p, "pathPrefix").startsWith("/")) {
                throw new IllegalArgumentException("A path prefix starts with '/': " + p);
            }
        }
        List<String> all = new java.util.ArrayList<>(exempt);
        all.addAll(Arrays.asList(pathPrefixes));
        return new HttpsRedirect(httpsPort, List.copyOf(all));
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        if ("https".equals(ctx.scheme()) || exempt(ctx.path())) {
            next.handle(ctx);
            return;
        }
        String host = ctx.host();
        if (host == null || host.isEmpty()) {
            throw new BadRequestException("A Host header is needed to redirect to HTTPS");
        }
        String query = ExchangeAccess.rawQuery(ctx, "HttpsRedirect");
        String location = "https://" + hostName(host) + (httpsPort == 443 ? "" : ":" + httpsPort) + ctx.path()
                + (query == null ? "" : "?" + query);
        ctx.redirect(location, 308);
    }

    private boolean exempt(String path) {
        for (String prefix : exempt) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** {@code shop.example:8080} to {@code shop.example}; an IPv6 literal keeps its brackets. */
    static String hostName(String host) {
        int close = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        return colon > close ? host.substring(0, colon) : host;
    }
}
