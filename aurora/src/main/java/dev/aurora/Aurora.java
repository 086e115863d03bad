package dev.aurora;

import dev.aurora.internal.routing.RouteTable;
import dev.aurora.internal.server.ServerRuntime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An Aurora application: routes, then a running HTTP/1.1 server.
 *
 * <pre>{@code
 * Aurora app = Aurora.create();
 * app.get("/", ctx -> ctx.send("Hello, World!"));
 * app.start(8080);
 * ...
 * app.stop();
 * }</pre>
 *
 * <p>Every connection runs on its own virtual thread, so handlers may block. Routes are registered
 * before {@link #start(int)}; a duplicate method and path fails at registration, naming both call
 * sites. Registration and lifecycle methods may be called from any thread.
 */
public final class Aurora implements AutoCloseable {
    private final ServerConfig config;
    private final RouteTable routes = new RouteTable();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private ServerRuntime runtime;
    private int port = -1;
    private boolean stopped;

    private Aurora(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return an application with {@link ServerConfig#defaults()} */
    public static Aurora create() {
        return new Aurora(ServerConfig.defaults());
    }

    /**
     * @param config the server configuration
     * @return an application with that configuration
     */
    public static Aurora create(ServerConfig config) {
        return new Aurora(config);
    }

    /** @return the configuration this application was created with */
    public ServerConfig config() {
        return config;
    }

    /**
     * Registers a handler for GET (and HEAD, which is answered by the GET handler without a body).
     *
     * @param path the exact request path, starting with {@code /}
     * @param handler the handler
     * @return this application
     */
    public Aurora get(String path, Handler handler) {
        return route("GET", path, handler);
    }

    /**
     * @param path the exact request path
     * @param handler the handler
     * @return this application
     */
    public Aurora post(String path, Handler handler) {
        return route("POST", path, handler);
    }

    /**
     * @param path the exact request path
     * @param handler the handler
     * @return this application
     */
    public Aurora put(String path, Handler handler) {
        return route("PUT", path, handler);
    }

    /**
     * @param path the exact request path
     * @param handler the handler
     * @return this application
     */
    public Aurora patch(String path, Handler handler) {
        return route("PATCH", path, handler);
    }

    /**
     * @param path the exact request path
     * @param handler the handler
     * @return this application
     */
    public Aurora delete(String path, Handler handler) {
        return route("DELETE", path, handler);
    }

    /**
     * Registers an explicit HEAD handler (otherwise HEAD is served by the GET handler).
     *
     * @param path the exact request path
     * @param handler the handler
     * @return this application
     */
    public Aurora head(String path, Handler handler) {
        return route("HEAD", path, handler);
    }

    /**
     * Registers an OPTIONS handler (otherwise OPTIONS is answered with {@code Allow}).
     *
     * @param path the exact request path
     * @param handler the handler
     * @return this application
     */
    public Aurora options(String path, Handler handler) {
        return route("OPTIONS", path, handler);
    }

    /**
     * Registers a handler for any method token.
     *
     * @param method the method, case-sensitive (e.g. {@code "PROPFIND"})
     * @param path the exact request path
     * @param handler the handler
     * @return this application
     * @throws IllegalStateException if the route exists or the server was started
     */
    public Aurora route(String method, String path, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        String site = callSite();
        lifecycle.lock();
        try {
            if (runtime != null || stopped) {
                throw new IllegalStateException("Routes must be registered before start()");
            }
            routes.add(method, path, handler, site);
        } finally {
            lifecycle.unlock();
        }
        return this;
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
     * Binds {@code port} on {@link ServerConfig#host()} and starts serving.
     *
     * @param port a TCP port, or 0 for a free ephemeral port (see {@link #port()})
     * @return this application
     * @throws IllegalStateException if already started or stopped
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public Aurora start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        lifecycle.lock();
        try {
            if (runtime != null || stopped) {
                throw new IllegalStateException("Aurora can be started once");
            }
            routes.freeze();
            ServerRuntime started = new ServerRuntime(config, routes);
            this.port = started.start(port);
            this.runtime = started;
        } finally {
            lifecycle.unlock();
        }
        return this;
    }

    /**
     * @return the bound port (useful after {@code start(0)})
     * @throws IllegalStateException if the server is not running
     */
    public int port() {
        lifecycle.lock();
        try {
            if (runtime == null) {
                throw new IllegalStateException("Aurora is not running");
            }
            return port;
        } finally {
            lifecycle.unlock();
        }
    }

    /** Stops gracefully within {@link ServerConfig#shutdownTimeout()}. */
    public void stop() {
        stop(config.shutdownTimeout());
    }

    /**
     * Stops gracefully: stops accepting, closes idle connections at once, lets in-flight requests
     * finish until {@code grace} has passed, then closes the rest. Idempotent.
     *
     * @param grace how long in-flight requests may take to finish
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        ServerRuntime running;
        lifecycle.lock();
        try {
            stopped = true;
            running = runtime;
            runtime = null;
        } finally {
            lifecycle.unlock();
        }
        if (running != null) {
            running.stop(grace);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private static String callSite() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Aurora.class.getName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown"));
    }
}
