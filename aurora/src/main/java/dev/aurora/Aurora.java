package dev.aurora;

import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import dev.aurora.health.HealthCheck;
import dev.aurora.health.HealthConfig;
import dev.aurora.health.Probe;
import dev.aurora.internal.health.HealthEndpoints;
import dev.aurora.internal.json.AppJson;
import dev.aurora.internal.load.ConcurrencyLimit;
import dev.aurora.internal.observe.MicrometerMetrics;
import dev.aurora.internal.observe.RequestLogging;
import dev.aurora.internal.observe.RequestObserver;
import dev.aurora.internal.observe.ServerCounters;
import dev.aurora.internal.routing.MiddlewareChain;
import dev.aurora.internal.routing.RouteTree;
import dev.aurora.internal.server.Dispatcher;
import dev.aurora.internal.server.Lifecycle;
import dev.aurora.internal.server.RouteBodyLimits;
import dev.aurora.internal.server.ServerRuntime;
import dev.aurora.json.JacksonCodec;
import dev.aurora.json.JsonCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * An Aurora application: routes, middleware and error handling, then a running HTTP/1.1 server.
 *
 * <pre>{@code
 * Aurora app = Aurora.create();
 * app.use(accessLog);
 * app.get("/users/:id", ctx -> ctx.json(users.find(ctx.param("id"))));
 * app.includeRouter("/admin", adminRouter);
 * app.exception(NoSuchElementException.class, (e, ctx) -> ctx.status(404).send("gone"));
 * app.start(8080);
 * ...
 * app.stop();
 * }</pre>
 *
 * <p>Every connection runs on its own virtual thread, so handlers may block. Routes, middleware
 * and exception handlers are registered before {@link #start(int)}; the route tree and every
 * middleware chain are built at start, where conflicting routes fail naming both registrations.
 * The routing methods are those of {@link Routes}, shared with {@link Router} and applied to the
 * application's root router; middleware registered with {@link #use} also wraps the answers for
 * requests no route matches.
 * Registration and lifecycle methods may be called from any thread.
 */
public final class Aurora implements Routes<Aurora>, AutoCloseable {
    private final ServerConfig config;
    private final Router root = Router.create();
    private final List<Middleware> appMiddleware = new ArrayList<>();
    private final Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers = new LinkedHashMap<>();
    private final Lifecycle lifecycle = new Lifecycle(this::newRuntime);
    private final HealthEndpoints health = new HealthEndpoints();
    /** The server's counters, for the application's whole life (they outlive a runtime). */
    private final ServerCounters counters = new ServerCounters();
    /** Null for the default, built from {@link #jsonConfig} on first use. */
    private JsonCodec jsonCodec;
    /** Built on first use; a race builds two equal codecs, and either serves. */
    private volatile DefaultCodec defaultCodec;
    private JsonConfig jsonConfig = JsonConfig.defaults();
    private FormConfig formConfig = FormConfig.defaults();
    private RequestLogging requestLogging = RequestLogging.OFF;
    /** The application's own TLS context ({@link #tls(SSLContext)}), or null. */
    private SSLContext tlsContext;
    /** Null unless {@link #metrics} or {@link #prometheus} was called: only then is Micrometer loaded. */
    private volatile MicrometerMetrics metrics;
    private boolean jvmMetrics = true;

    private Aurora(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** {@return an application with {@link ServerConfig#defaults()}} */
    public static Aurora create() {
        return new Aurora(ServerConfig.defaults());
    }

    /**
     * {@return an application with that configuration}
     *
     * @param config the server configuration
     */
    public static Aurora create(ServerConfig config) {
        return new Aurora(config);
    }

    /**
     * Creates an application from a configuration file: its {@code [server]}, {@code [json]} and
     * {@code [forms]} sections, then {@code AURORA_SERVER_*}, {@code AURORA_JSON_*} and
     * {@code AURORA_FORMS_*} environment variables and {@code aurora.server.*},
     * {@code aurora.json.*} and {@code aurora.forms.*} system properties. Every problem of the
     * file is reported at once.
     *
     * @param file a {@code .toml} or {@code .json} file
     * @return an application with that configuration
     * @throws ConfigException naming the source, key and problem of each invalid value
     * @see Configuration
     */
    public static Aurora fromConfig(Path file) {
        return fromConfig(Configuration.load(file));
    }

    /**
     * Creates an application from the {@code server}, {@code json} and {@code forms} sections of a
     * configuration.
     *
     * @param config the configuration
     * @return an application with that configuration
     * @throws ConfigException naming the source, key and problem of each invalid value
     */
    public static Aurora fromConfig(Configuration config) {
        return new Aurora(config.server()).json(config.json()).forms(config.forms());
    }

    /** {@return the configuration this application was created with} */
    public ServerConfig config() {
        return config;
    }

    /**
     * Adds application-wide middleware: it runs first for every request, including those no route
     * matches (404, 405, OPTIONS). Order is registration order.
     *
     * @param middleware the middleware
     * @return this application
     */
    public Aurora use(Middleware middleware) {
        Objects.requireNonNull(middleware, "middleware");
        return register(() -> appMiddleware.add(middleware));
    }

    /** {@inheritDoc} */
    @Override
    public Aurora route(String method, String path, Handler handler, Middleware... middleware) {
        return register(() -> root.route(method, path, handler, middleware));
    }

    /**
     * Includes a router's routes under a prefix; its middleware applies to its routes only.
     *
     * @param prefix a path prefix such as {@code /api}; {@code ""} for none
     * @param router the router
     * @return this application
     */
    public Aurora includeRouter(String prefix, Router router) {
        return register(() -> root.includeRouter(prefix, router));
    }

    /**
     * Registers the annotated methods of a controller ({@link dev.aurora.annotation.Get} etc.).
     *
     * @param controller an instance of a class with route annotations
     * @return this application
     * @throws IllegalArgumentException naming class and method if the controller is invalid
     */
    public Aurora routes(Object controller) {
        return register(() -> root.routes(controller));
    }

    /**
     * Handles exceptions of {@code type} (and subtypes) thrown by handlers and middleware. The
     * handler registered for the most specific type wins.
     *
     * @param type the exception type
     * @param handler writes the response
     * @param <T> the exception type
     * @return this application
     */
    public <T extends Throwable> Aurora exception(Class<T> type, ExceptionHandler<? super T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        return register(() -> exceptionHandlers.put(type, handler));
    }

    /**
     * Binds Aurora's meters to a Micrometer registry: the {@code http.server.requests} timer (tags
     * {@code method}, {@code uri} = the route template, {@code status}, {@code outcome}, with a
     * percentile histogram), and the server's counters and gauges ({@code aurora.*}), which are
     * read from {@link #stats()}'s counters when the registry publishes, so they cost the request
     * path nothing, and the JVM's and the process's meters ({@link #jvmMetrics(boolean)}).
     * The application's own meters go on {@link #meterRegistry()}. May be called more than once.
     * Needs {@code io.micrometer:micrometer-core} on
     * the class path; without a registry, requests are not timed at all. See
     * {@code docs/observability.md} for every meter.
     *
     * @param registry the registry, for example a Prometheus, OTLP or simple registry
     * @return this application
     * @throws IllegalStateException if the application was started or used in-process already
     */
    public Aurora metrics(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return register(() -> micrometer().add(registry));
    }

    /**
     * Serves Aurora's meters for Prometheus at {@code GET /metrics}, in the text exposition format.
     *
     * @return this application
     * @see #prometheus(String)
     */
    public Aurora prometheus() {
        return prometheus("/metrics");
    }

    /**
     * Serves Aurora's meters for Prometheus at {@code GET path}: a
     * {@code PrometheusMeterRegistry} is created and bound as by {@link #metrics}, and the route
     * answers its scrape with {@code Content-Type: text/plain; version=0.0.4; charset=utf-8}. The
     * route is an ordinary route: it is timed too, and application middleware (authentication,
     * for example) wraps it. Register the application's own meters on {@link #meterRegistry()}
     * to have them in the scrape. Needs {@code io.micrometer:micrometer-registry-prometheus}.
     *
     * @param path the route, for example {@code /metrics}
     * @return this application
     * @throws IllegalStateException if the application was started or used in-process already
     */
    public Aurora prometheus(String path) {
        Objects.requireNonNull(path, "path");
        return register(() -> root.get(path, micrometer().prometheusScrape()));
    }

    /**
     * The registry to add the application's own meters to (a connection pool's, business
     * counters), so they are published with Aurora's: by the {@link #prometheus()} scrape and on
     * every registry given to {@link #metrics}. It forwards to all of them, including registries
     * bound after this call. May be called at any time, also after start, from any thread.
     *
     * <pre>{@code
     * app.prometheus();
     * hikariConfig.setMetricRegistry(app.meterRegistry());          // HikariCP's pool meters
     * Counter orders = app.meterRegistry().counter("orders.placed");
     * }</pre>
     *
     * @return the application's registry
     * @throws IllegalStateException if neither {@link #metrics} nor {@link #prometheus} was called
     */
    public MeterRegistry meterRegistry() {
        MicrometerMetrics bound = metrics;
        if (bound == null) {
            throw new IllegalStateException("No meter registry: call app.prometheus() or app.metrics(registry) first");
        }
        return bound.registry();
    }

    /**
     * Whether the JVM's and the process's standard meters are published with Aurora's when a
     * registry is bound ({@link #metrics}, {@link #prometheus}): Micrometer's memory, buffer pool,
     * GC, heap pressure, thread, class loading, JIT, JVM info, CPU ({@code process.cpu.usage},
     * {@code system.cpu.usage}), uptime and open file descriptor meters. On by default; turn it
     * off when something else already binds them to the same registry (two binders of one meter
     * would count twice). The binders that listen to the JVM are closed when the application stops.
     *
     * @param enabled false to bind only Aurora's own meters
     * @return this application
     * @throws IllegalStateException if the application was started or used in-process already
     */
    public Aurora jvmMetrics(boolean enabled) {
        return register(() -> jvmMetrics = enabled);
    }

    /**
     * The server's counters now: connections, requests, bytes, parse errors and the buffer pool.
     * Always available, with or without a meter registry, before start (all zero), while running
     * and after stop; the counters cover the application's whole life.
     *
     * @return an immutable snapshot
     */
    public ServerStats stats() {
        return counters.snapshot();
    }

    private MicrometerMetrics micrometer() {
        if (metrics == null) {
            metrics = new MicrometerMetrics();
        }
        return metrics;
    }

    /**
     * Sets the JSON codec used by {@code ctx.json(...)}, {@code ctx.bodyAs(...)}, {@code @Body},
     * {@link Validated#body}, problem bodies and the test client. Without one, Aurora uses {@link
     * JacksonCodec#of(JsonConfig)} with the configuration of {@link #json(JsonConfig)}; to add
     * Jackson modules or features and keep Aurora's read limits, pass {@link
     * JacksonCodec#of(JsonConfig, java.util.function.Consumer)}.
     *
     * @param codec the codec; thread-safe
     * @return this application
     */
    public Aurora json(JsonCodec codec) {
        Objects.requireNonNull(codec, "codec");
        return register(() -> jsonCodec = codec);
    }

    /**
     * Sets how request bodies are read as JSON: unknown properties, the parser's limits and
     * whether coercions are refused (see {@link JsonConfig} for the defaults). The limits configure
     * the default codec; a codec set with {@link #json(JsonCodec)} keeps its own, while {@code
     * strictTypes} applies to either. With the defaults, every application shares one codec, built
     * on first use.
     *
     * @param config the JSON configuration
     * @return this application
     */
    public Aurora json(JsonConfig config) {
        Objects.requireNonNull(config, "config");
        return register(() -> jsonConfig = config);
    }

    /**
     * The codec this application reads and writes JSON with: the one set with {@link
     * #json(JsonCodec)}, else the default for its {@link JsonConfig}. The test client reads
     * responses with it, so {@code response.json(Book.class)} reads what the application wrote.
     *
     * @return the codec
     */
    public JsonCodec jsonCodec() {
        JsonCodec codec = jsonCodec;
        return codec != null ? codec : defaultCodec(jsonConfig);
    }

    /** The default codec for {@code config}, one per configuration so server and test client share it. */
    private JsonCodec defaultCodec(JsonConfig config) {
        DefaultCodec last = defaultCodec;
        if (last == null || !last.config().equals(config)) {
            last = new DefaultCodec(config, JacksonCodec.of(config));
            defaultCodec = last;
        }
        return last.codec();
    }

    private record DefaultCodec(JsonConfig config, JsonCodec codec) {
    }

    /**
     * Sets how request bodies are read as forms ({@code ctx.form()}, {@code ctx.formStream()}):
     * part counts, field and file sizes, when files go to temporary files and where (see
     * {@link FormConfig} for the defaults).
     *
     * @param config the form configuration
     * @return this application
     */
    public Aurora forms(FormConfig config) {
        Objects.requireNonNull(config, "config");
        return register(() -> formConfig = config);
    }

    /**
     * Turns on the access log on the logger {@code dev.aurora.access}: see
     * {@link #accessLog(String)}.
     *
     * @return this application
     */
    public Aurora accessLog() {
        return accessLog(RequestLogging.ACCESS_LOGGER);
    }

    /**
     * Turns on the access log: one INFO event per request, also for requests that end in an error
     * ({@code 404}, {@code 500}, a client that went away), logged when the response is complete.
     * The event's SLF4J key-value pairs are {@code method}, {@code route} (the matched pattern,
     * absent when none matched), {@code path}, {@code status}, {@code durationUs},
     * {@code bytesIn}, {@code bytesOut}, {@code remote}, {@code userAgent} (if sent),
     * {@code requestId}, and {@code traceId} and {@code spanId} when the client sent a valid
     * {@code traceparent}; a JSON encoder writes them as fields. The message reads
     * {@code GET /users/42 200 153µs}. A request whose head cannot be parsed ({@code 400},
     * {@code 431}, ...) is logged with its status, duration, bytes out and remote address only.
     *
     * <p>The event is logged on the request's thread: route the logger to an asynchronous appender
     * that never blocks (Logback's {@code AsyncAppender} with {@code neverBlock}) so a slow disk
     * cannot slow requests down. While the logger is above INFO the access log costs nothing.
     *
     * @param loggerName the logger to log to
     * @return this application
     */
    public Aurora accessLog(String loggerName) {
        Objects.requireNonNull(loggerName, "loggerName");
        return register(() -> requestLogging = requestLogging.withAccessLog(loggerName));
    }

    /**
     * Makes every request's id visible: each response carries it in {@code X-Request-Id} (and
     * every problem body as the member {@code requestId}, not only a {@code 500}'s), and while
     * the handler, its middleware and error handling run the SLF4J MDC holds it as
     * {@code requestId}, plus {@code traceId} and {@code spanId} (the caller's span) when the
     * client sent a valid W3C {@code traceparent} (version {@code 00}; a malformed one is
     * ignored). The keys are removed when the request is done. The id is the client's
     * {@code X-Request-Id} when valid (see {@link Context#requestId()}), else a generated one.
     *
     * <p>Off by default because making an id and filling the MDC allocate on every request; the
     * id is always available through {@link Context#requestId()} and in problem bodies.
     *
     * @return this application
     */
    public Aurora requestIds() {
        return register(() -> requestLogging = requestLogging.withRequestIds());
    }

    /**
     * Starts the server on {@link ServerConfig#port()}.
     *
     * @return this application
     */
    public Aurora start() {
        return start(config.port());
    }

    /**
     * Builds the routes and binds {@code port} on {@link ServerConfig#host()}.
     *
     * @param port a TCP port, or 0 for a free ephemeral port (see {@link #port()})
     * @return this application
     * @throws IllegalStateException if already started or stopped, or if routes conflict
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public Aurora start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        lifecycle.start(port);
        return this;
    }

    /**
     * The runtime in-process requests go through: the running server's, or one built unstarted.
     * Called only by {@code dev.aurora.internal.inprocess.InProcess}, through a private lookup.
     */
    @SuppressWarnings("unused")
    private ServerRuntime inProcessRuntime() {
        return lifecycle.inProcessRuntime();
    }

    private ServerRuntime newRuntime() {
        Dispatcher dispatcher = dispatcher();
        RequestObserver observer = metrics == null ? null : metrics.bind(counters, jvmMetrics);
        ServerRuntime runtime = new ServerRuntime(config, dispatcher, counters, observer);
        runtime.useTlsContext(tlsContext);
        return runtime;
    }

    private Dispatcher dispatcher() {
        health.freeze();
        RouteTree.Builder<Handler> tree = RouteTree.builder();
        ConcurrencyLimit limit = ConcurrencyLimit.of(config, counters);
        // First the largest body any route's BodyLimit allows: above maxBodySize, each route checks its own.
        long[] bodyCeiling = {config.maxBodySize()};
        root.collect("", appMiddleware, (method, pattern, middleware, handler, site) ->
                bodyCeiling[0] = RouteBodyLimits.largest(middleware, bodyCeiling[0]));
        boolean raised = bodyCeiling[0] > config.maxBodySize();
        root.collect("", appMiddleware, (method, pattern, middleware, handler, site) -> {
            Handler chain = MiddlewareChain.compose(middleware,
                    Dispatcher.unlessRefused(raised ? RouteBodyLimits.enforced(handler) : handler));
            tree.add(method, pattern, limit == null ? chain : limit.guard(handler, chain), site);
        });
        // Resolved on first use: an application that never reads or writes JSON never loads Jackson.
        JsonCodec chosen = jsonCodec;
        JsonConfig settings = jsonConfig;
        AppJson json = new AppJson(() -> chosen != null ? chosen : defaultCodec(settings), settings.strictTypes());
        return new Dispatcher(tree.build(), List.copyOf(appMiddleware), config.trailingSlash(), exceptionHandlers, json,
                formConfig, requestLogging, bodyCeiling[0]);
    }

    /**
     * {@return the bound port (useful after {@code start(0)})}
     *
     * @throws IllegalStateException if the server is not running
     */
    public int port() {
        return lifecycle.port();
    }

    /**
     * {@return the bound HTTPS port when {@link ServerConfig#httpsPort()} gives HTTPS a listener of
     *     its own (useful with {@code withHttpsPort(0)}), else -1}
     *
     * @throws IllegalStateException if the server is not running
     */
    public int httpsPort() {
        return lifecycle.running().httpsPort();
    }

    /**
     * Serves HTTPS with a context of the application's own (its key managers, trust managers and
     * providers), instead of {@link ServerConfig#tls()}: TLS 1.3 and 1.2, ALPN {@code http/1.1},
     * never reloaded. Client authentication is then the context's and its {@code SSLParameters}
     * defaults.
     *
     * @param context an initialized server context
     * @return this application
     */
    public Aurora tls(SSLContext context) {
        Objects.requireNonNull(context, "context");
        return register(() -> tlsContext = context);
    }

    /**
     * Reads the certificate and key files of {@link ServerConfig#tls()} again, as a change to them
     * does by itself every {@link Tls#reloadInterval()}: new connections get the new certificate,
     * open ones finish with the old.
     *
     * @return true if the new certificate is in place; false without TLS files, or if they cannot
     *     be used (the previous certificate stays, and the reason is logged)
     * @throws IllegalStateException if the server is not running
     */
    public boolean reloadTls() {
        return lifecycle.running().reloadTls();
    }

    /** Stops gracefully within {@link ServerConfig#shutdownTimeout()}. */
    public void stop() {
        stop(config.shutdownTimeout());
    }

    /**
     * Stops gracefully: stops accepting, closes idle connections at once, lets in-flight requests
     * finish until {@code grace} has passed, then closes the rest. Idempotent. Health readiness
     * turns {@code DOWN} at once; with a {@link ServerConfig#drainDelay()}, the server first keeps
     * accepting for that long, and {@code grace} starts after it.
     *
     * @param grace how long in-flight requests may take to finish
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        health.shutdownStarted();
        lifecycle.stop(grace);
        MicrometerMetrics bound = metrics;
        if (bound != null) {
            bound.close();
        }
    }

    /**
     * Enables the health endpoints with {@link HealthConfig#defaults()}: {@code GET /health/live}
     * and {@code GET /health/ready}.
     *
     * @return this application
     * @see #health(HealthConfig)
     */
    public Aurora health() {
        return health(HealthConfig.defaults());
    }

    /**
     * Enables the health endpoints: {@code GET} (and {@code HEAD}) routes on {@link
     * HealthConfig#livePath()} and {@link HealthConfig#readyPath()} that answer {@code 200} when
     * every check of their kind is up, {@code 503} otherwise, with {@code Cache-Control: no-store}
     * and a JSON body: {@code {"status":"UP","checks":{"db":{"status":"UP","durationMs":1.2}}}}.
     * Readiness turns {@code DOWN} as soon as {@link #stop(Duration)} begins, while in-flight
     * requests still finish (see {@link ServerConfig#drainDelay()}). The routes go through the
     * application's middleware like any other.
     *
     * @param config the paths and the default check timeout
     * @return this application
     * @throws IllegalStateException if the endpoints are already enabled
     */
    public Aurora health(HealthConfig config) {
        Objects.requireNonNull(config, "config");
        return register(() -> {
            health.enable(config);
            root.get(config.livePath(), ConcurrencyLimit.exempt(health::live));
            root.get(config.readyPath(), ConcurrencyLimit.exempt(health::ready));
        });
    }

    /**
     * Registers a readiness check with {@link HealthConfig#checkTimeout()}.
     *
     * @param name the check's name in the JSON body, unique
     * @param check the check; it may block
     * @return this application
     * @see #healthCheck(String, Probe, Duration, HealthCheck)
     */
    public Aurora healthCheck(String name, HealthCheck check) {
        return register(() -> health.add(name, Probe.READINESS, null, check));
    }

    /**
     * Registers a health check. Each probe of its endpoint runs it on a virtual thread, concurrently
     * with the other checks; if it has not answered within {@code timeout} (or throws) it is
     * {@code DOWN}. Checks require the endpoints: start fails if {@link #health(HealthConfig)} was
     * not called.
     *
     * @param name the check's name in the JSON body, unique
     * @param probe the endpoint it belongs to
     * @param timeout how long a probe waits for it
     * @param check the check; it may block
     * @return this application
     * @throws IllegalArgumentException if the name is taken or the timeout is not positive
     */
    public Aurora healthCheck(String name, Probe probe, Duration timeout, HealthCheck check) {
        Objects.requireNonNull(timeout, "timeout");
        return register(() -> health.add(name, probe, timeout, check));
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private Aurora register(Runnable registration) {
        lifecycle.register(registration);
        return this;
    }
}
