package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.internal.server.ExchangeAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cross-origin resource sharing (the Fetch standard's CORS protocol): lets pages from other origins
 * call this server from a browser, and only the origins it names.
 *
 * <pre>{@code
 * app.use(Cors.builder()
 *         .allowOrigins("https://app.example.com", "https://*.example.com")
 *         .allowMethods("GET", "POST", "DELETE")
 *         .allowHeaders("Content-Type", "Authorization")
 *         .exposeHeaders("X-Request-Id")
 *         .allowCredentials(true)
 *         .maxAge(Duration.ofHours(1))
 *         .build());
 * }</pre>
 *
 * <ul>
 *   <li>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method})
 *       from an allowed origin, for an allowed method and headers, is answered here with
 *       {@code 204} and the {@code Access-Control-Allow-*} headers; it never reaches a route. A
 *       preflight that asks for something not allowed gets {@code 403} without CORS headers.</li>
 *   <li>Any other request from an allowed origin continues to its route, and its response carries
 *       {@code Access-Control-Allow-Origin} (plus {@code -Allow-Credentials} and
 *       {@code -Expose-Headers} when configured).</li>
 *   <li>A request from an origin not allowed continues without CORS headers, so the browser keeps
 *       the response from the page.</li>
 *   <li>Responses that depend on the origin carry {@code Vary: Origin}, so a shared cache never
 *       hands one origin's answer to another.</li>
 *   <li>The headers stay on the error response that replaces a failed handler's, so the page
 *       can read the {@code 500} rather than seeing a CORS failure.</li>
 * </ul>
 *
 * <p>Register it with {@code app.use(...)}, so it also sees preflights for paths that have no
 * {@code OPTIONS} route. Instances are immutable; the header values are built once.
 */
public final class Cors implements Middleware {
    /** Methods a browser sends without a preflight. */
    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

    private final Set<String> origins;
    private final List<Pattern> originPatterns;
    private final Predicate<String> originPredicate;
    private final boolean anyOrigin;
    private final Set<String> methods;
    private final String methodsValue;
    private final Set<String> headers;
    private final String headersValue;
    private final boolean anyHeader;
    private final String exposeValue;
    private final boolean credentials;
    private final String maxAgeValue;

    private Cors(Builder b) {
        this.origins = Set.copyOf(b.origins);
        this.originPatterns = List.copyOf(b.originPatterns);
        this.originPredicate = b.originPredicate;
        this.anyOrigin = b.anyOrigin;
        this.methods = Set.copyOf(b.methods);
        this.methodsValue = String.join(", ", b.methods);
        this.headers = b.headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.headersValue = String.join(", ", b.headers);
        this.anyHeader = b.anyHeader;
        this.exposeValue = b.exposed.isEmpty() ? null : String.join(", ", b.exposed);
        this.credentials = b.credentials;
        this.maxAgeValue = b.maxAge == null ? null : Long.toString(b.maxAge.toSeconds());
    }

    /** {@return a builder that allows nothing until told: no origins, GET/HEAD/POST, no extra headers} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        String origin = ctx.header("Origin");
        // With "*" and no credentials the answer is the same for every origin, so nothing varies.
        boolean constant = anyOrigin && !credentials;
        if (!constant) {
            ctx.header("Vary", "Origin");
        }
        boolean allowed = origin != null && allows(origin);
        if (origin != null && "OPTIONS".equals(ctx.method()) && ctx.header("Access-Control-Request-Method") != null) {
            preflight(ctx, origin, allowed);
            return;
        }
        if (allowed) {
            ctx.header("Access-Control-Allow-Origin", constant ? "*" : origin);
            if (credentials) {
                ctx.header("Access-Control-Allow-Credentials", "true");
            }
            if (exposeValue != null) {
                ctx.header("Access-Control-Expose-Headers", exposeValue);
            }
        }
        // A page must be able to read the 500 that replaces a failed handler's answer, too.
        ExchangeAccess.keepHeadersOnError(ctx);
        next.handle(ctx);
    }

    private void preflight(Context ctx, String origin, boolean allowed) {
        ctx.header("Vary", "Access-Control-Request-Method");
        ctx.header("Vary", "Access-Control-Request-Headers");
        String method = ctx.header("Access-Control-Request-Method").strip();
        String requested = ctx.header("Access-Control-Request-Headers");
        if (!allowed || !(methods.contains(method) || SAFELISTED_METHODS.contains(method)) || !headersAllowed(requested)) {
            ctx.status(403).send(new byte[0]);
            return;
        }
        ctx.header("Access-Control-Allow-Origin", anyOrigin && !credentials ? "*" : origin);
        ctx.header("Access-Control-Allow-Methods", methods.contains(method) ? methodsValue : method);
        String allowHeaders = anyHeader ? requested : headersValue;
        if (allowHeaders != null && !allowHeaders.isBlank()) {
            ctx.header("Access-Control-Allow-Headers", allowHeaders.strip());
        }
        if (credentials) {
            ctx.header("Access-Control-Allow-Credentials", "true");
        }
        if (maxAgeValue != null) {
            ctx.header("Access-Control-Max-Age", maxAgeValue);
        }
        ctx.status(204).send(new byte[0]);
    }

    private boolean allows(String origin) {
        if (anyOrigin) {
            return true;
        }
        String normalized = origin.toLowerCase(Locale.ROOT);
        if (origins.contains(normalized)) {
            return true;
        }
        for (Pattern pattern : originPatterns) {
            if (pattern.matcher(normalized).matches()) {
                return true;
            }
        }
        return originPredicate != null && originPredicate.test(origin);
    }

    private boolean headersAllowed(String requested) {
        if (anyHeader || requested == null || requested.isBlank()) {
            return true;
        }
        for (String name : requested.split(",")) {
            String header = name.strip().toLowerCase(Locale.ROOT);
            if (!header.isEmpty() && !headers.contains(header)) {
                return false;
            }
        }
        return true;
    }

    /** Collects a CORS policy; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

        private final Set<String> origins = new LinkedHashSet<>();
        private final List<Pattern> originPatterns = new ArrayList<>();
        private Predicate<String> originPredicate;
        private boolean anyOrigin;
        private final Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "POST"));
        private final Set<String> headers = new LinkedHashSet<>();
        private boolean anyHeader;
        private final Set<String> exposed = new LinkedHashSet<>();
        private boolean credentials;
        private Duration maxAge;

        private Builder() {
        }

        /**
         * Allows origins by exact value ({@code https://app.example.com}, port included when not the
         * default) or by pattern, where {@code *} stands for one or more subdomain labels:
         * {@code https://*.example.com} allows {@code https://a.example.com} and
         * {@code https://a.b.example.com} but not {@code https://example.com}.
         *
         * @param values origins or patterns, each {@code scheme://host[:port]}
         * @return this builder
         */
        public Builder allowOrigins(String... values) {
            for (String value : values) {
                String origin = Objects.requireNonNull(value, "origin").strip().toLowerCase(Locale.ROOT);
                int schemeEnd = origin.indexOf("://");
                if (schemeEnd <= 0 || origin.endsWith("/") || origin.indexOf('/', schemeEnd + 3) >= 0) {
                    throw new IllegalArgumentException("an origin is scheme://host[:port] without a path: '" + value + "'");
                }
                if (origin.indexOf('*') < 0) {
                    origins.add(origin);
                } else if (origin.startsWith("*.", schemeEnd + 3) && origin.indexOf('*', schemeEnd + 4) < 0) {
                    originPatterns.add(Pattern.compile(Pattern.quote(origin.substring(0, schemeEnd + 3))
                            + "[a-z0-9-]+(\\.[a-z0-9-]+)*" + Pattern.quote(origin.substring(schemeEnd + 4))));
                } else {
                    throw new IllegalArgumentException("'*' may only stand for the leading subdomains, as in "
                            + "https://*.example.com: '" + value + "'");
                }
            }
            return this;
        }

        /**
         * Allows origins a predicate accepts (for example, looked up in a database).
         *
         * @param predicate called with the request's {@code Origin} value as sent
         * @return this builder
         */
        public Builder allowOrigin(Predicate<String> predicate) {
            this.originPredicate = Objects.requireNonNull(predicate, "predicate");
            return this;
        }

        /**
         * Allows every origin: {@code Access-Control-Allow-Origin: *}. Cannot be combined with
         * credentials, which the standard forbids.
         *
         * @return this builder
         */
        public Builder allowAnyOrigin() {
            this.anyOrigin = true;
            return this;
        }

        /**
         * Sets the methods a preflight may ask for.
         *
         * @param values the methods a preflight may ask for (replacing the default GET, HEAD, POST)
         * @return this builder
         */
        public Builder allowMethods(String... values) {
            methods.clear();
            for (String method : values) {
                methods.add(token(method, "method"));
            }
            return this;
        }

        /**
         * Adds request headers a preflight may ask for.
         *
         * @param values request headers a preflight may ask for, beyond the CORS-safelisted ones
         * @return this builder
         */
        public Builder allowHeaders(String... values) {
            for (String header : values) {
                headers.add(token(header, "header"));
            }
            return this;
        }

        /**
         * Allows whatever request headers a preflight asks for (they are echoed back).
         *
         * @return this builder
         */
        public Builder allowAnyHeader() {
            this.anyHeader = true;
            return this;
        }

        /**
         * Adds response headers a page may read ({@code Access-Control-Expose-Headers}).
         *
         * @param values response headers a page may read, beyond the CORS-safelisted ones
         * @return this builder
         */
        public Builder exposeHeaders(String... values) {
            for (String header : values) {
                exposed.add(token(header, "header"));
            }
            return this;
        }

        /**
         * Sets whether requests may carry credentials.
         *
         * @param allow whether requests may carry cookies and HTTP authentication
         *     ({@code Access-Control-Allow-Credentials: true})
         * @return this builder
         */
        public Builder allowCredentials(boolean allow) {
            this.credentials = allow;
            return this;
        }

        /**
         * Sets how long a preflight's answer may be cached ({@code Access-Control-Max-Age}).
         *
         * @param duration how long a browser may cache a preflight's answer (whole seconds)
         * @return this builder
         */
        public Builder maxAge(Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative: " + duration);
            }
            this.maxAge = duration;
            return this;
        }

        /**
         * {@return the middleware}
         *
         * @throws IllegalStateException for a policy the standard does not allow or that allows nothing
         */
        public Cors build() {
            if (anyOrigin && credentials) {
                throw new IllegalStateException("allowAnyOrigin() cannot be combined with allowCredentials(true): "
                        + "browsers refuse '*' with credentials; list the origins or use a pattern");
            }
            if (!anyOrigin && origins.isEmpty() && originPatterns.isEmpty() && originPredicate == null) {
                throw new IllegalStateException("no origin is allowed: call allowOrigins(...), allowOrigin(predicate) "
                        + "or allowAnyOrigin()");
            }
            return new Cors(this);
        }

        private static String token(String value, String what) {
            Objects.requireNonNull(value, what);
            if (!TOKEN.matcher(value).matches()) {
                throw new IllegalArgumentException("not a valid " + what + " name: '" + value + "'");
            }
            return value;
        }
    }
}
