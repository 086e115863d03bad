package dev.aurora;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable server configuration. Start from {@link #defaults()} and derive copies with the
 * {@code withX} methods; every value is checked at construction and an invalid one fails with a
 * message naming the field.
 *
 * <table class="striped">
 * <caption>Fields and defaults</caption>
 * <thead><tr><th>field</th><th>default</th><th>meaning</th></tr></thead>
 * <tbody>
 * <tr><td>{@code host}</td><td>0.0.0.0</td><td>Interface to bind; {@code 0.0.0.0} is every IPv4 interface.</td></tr>
 * <tr><td>{@code port}</td><td>8080</td><td>TCP port for {@link Aurora#start()}; 0 picks a free ephemeral port.</td></tr>
 * <tr><td>{@code acceptorThreads}</td><td>1</td><td>Platform threads accepting connections; each connection then runs on its own virtual thread.</td></tr>
 * <tr><td>{@code backlog}</td><td>1024</td><td>Accept queue length requested from the OS.</td></tr>
 * <tr><td>{@code maxConnections}</td><td>10_000</td><td>Open connections at most; beyond it a new connection gets {@code 503} and is closed.</td></tr>
 * <tr><td>{@code maxRequestLineLength}</td><td>8192</td><td>Bytes in the request line at most, CRLF excluded ({@code 414}).</td></tr>
 * <tr><td>{@code maxHeaderSize}</td><td>16_384</td><td>Bytes in the header section at most ({@code 431}); also bounds chunked trailers.</td></tr>
 * <tr><td>{@code maxHeaderCount}</td><td>100</td><td>Header fields at most ({@code 431}).</td></tr>
 * <tr><td>{@code maxBodySize}</td><td>10 MiB</td><td>Request body bytes at most ({@code 413}), checked against Content-Length before reading and while decoding chunked bodies.</td></tr>
 * <tr><td>{@code maxDrainSize}</td><td>64 KiB</td><td>Unread request body bytes the server reads and discards after a handler to keep the connection; a larger remainder closes it.</td></tr>
 * <tr><td>{@code maxRequestsPerConnection}</td><td>0</td><td>Requests served on one connection before it is closed; 0 means no limit.</td></tr>
 * <tr><td>{@code maxConcurrentRequests}</td><td>0</td><td>Requests whose handlers run at once at most; beyond it (and a full wait queue) a request gets {@code 503} with {@code Retry-After}; 0 means no limit.</td></tr>
 * <tr><td>{@code maxQueuedRequests}</td><td>0</td><td>Requests that may wait for a slot of {@code maxConcurrentRequests}; 0 refuses at once when every slot is taken.</td></tr>
 * <tr><td>{@code requestQueueTimeout}</td><td>1 s</td><td>Time a queued request waits for a slot before it gets {@code 503}.</td></tr>
 * <tr><td>{@code firstRequestTimeout}</td><td>10 s</td><td>Time a new connection may stay silent before its first request starts; then it is closed.</td></tr>
 * <tr><td>{@code headerTimeout}</td><td>10 s</td><td>Time to receive a whole request head from its first byte ({@code 408}); cuts off slowloris clients.</td></tr>
 * <tr><td>{@code bodyReadTimeout}</td><td>30 s</td><td>Time a body read waits for the next bytes ({@code 408} if no response started).</td></tr>
 * <tr><td>{@code minBodyRate}</td><td>240 B/s</td><td>Bytes per second a request body must arrive at, on average over the time the server waited for it, once {@code bodyRateGrace} has passed ({@code 408}); 0 means no minimum.</td></tr>
 * <tr><td>{@code bodyRateGrace}</td><td>5 s</td><td>Waiting time a request body gets before {@code minBodyRate} applies.</td></tr>
 * <tr><td>{@code keepAliveTimeout}</td><td>30 s</td><td>Time an idle keep-alive connection waits for its next request before it is closed.</td></tr>
 * <tr><td>{@code writeTimeout}</td><td>30 s</td><td>Time one socket write may block (a client that stops reading) before the connection is closed.</td></tr>
 * <tr><td>{@code trailingSlash}</td><td>IGNORE</td><td>Whether {@code /users/} reaches the route {@code /users}: ignored, strict, or a 308 redirect.</td></tr>
 * <tr><td>{@code targetCharacters}</td><td>LENIENT</td><td>Which characters a request target may hold: {@code LENIENT} also takes what browsers send unencoded ({@code " < > [ \ ] ^ ` { | }} and bytes of 0x80 and above), {@code STRICT} only what RFC 3986 allows; either refuses controls and spaces ({@code 400}).</td></tr>
 * <tr><td>{@code shutdownTimeout}</td><td>10 s</td><td>Grace period of {@link Aurora#stop()} for in-flight requests.</td></tr>
 * <tr><td>{@code tls}</td><td>null</td><td>HTTPS: certificate, key and options ({@link Tls}); null serves plain HTTP.</td></tr>
 * <tr><td>{@code httpsPort}</td><td>-1</td><td>With {@code tls}: -1 serves HTTPS on {@code port}; a port number (0 for an ephemeral one) serves HTTPS there and plain HTTP on {@code port}.</td></tr>
 * <tr><td>{@code drainDelay}</td><td>0 s</td><td>Time {@link Aurora#stop()} keeps accepting with readiness down before it closes the listener, so load balancers stop routing first; 0 means none.</td></tr>
 * </tbody>
 * </table>
 *
 * @param host Interface to bind; {@code 0.0.0.0} is every IPv4 interface.
 * @param port TCP port for {@link Aurora#start()}; 0 picks a free ephemeral port.
 * @param acceptorThreads Platform threads accepting connections; each connection then runs on its own virtual thread.
 * @param backlog Accept queue length requested from the OS.
 * @param maxConnections Open connections at most; beyond it a new connection gets {@code 503} and is closed.
 * @param maxRequestLineLength Bytes in the request line at most, CRLF excluded ({@code 414}).
 * @param maxHeaderSize Bytes in the header section at most ({@code 431}); also bounds chunked trailers.
 * @param maxHeaderCount Header fields at most ({@code 431}).
 * @param maxBodySize Request body bytes at most ({@code 413}), checked against Content-Length before reading and while decoding chunked bodies.
 * @param maxDrainSize Unread request body bytes the server reads and discards after a handler to keep the connection; a larger remainder closes it.
 * @param maxRequestsPerConnection Requests served on one connection before it is closed; 0 means no limit.
 * @param maxConcurrentRequests Requests whose handlers run at once at most; beyond it (and a full wait queue) a request gets {@code 503} with {@code Retry-After}; 0 means no limit.
 * @param maxQueuedRequests Requests that may wait for a slot of {@code maxConcurrentRequests}; 0 refuses at once when every slot is taken.
 * @param requestQueueTimeout Time a queued request waits for a slot before it gets {@code 503}.
 * @param firstRequestTimeout Time a new connection may stay silent before its first request starts; then it is closed.
 * @param headerTimeout Time to receive a whole request head from its first byte ({@code 408}); cuts off slowloris clients.
 * @param bodyReadTimeout Time a body read waits for the next bytes ({@code 408} if no response started).
 * @param minBodyRate Bytes per second a request body must arrive at, on average over the time the server waited for it, once {@code bodyRateGrace} has passed ({@code 408}); 0 means no minimum.
 * @param bodyRateGrace Waiting time a request body gets before {@code minBodyRate} applies.
 * @param keepAliveTimeout Time an idle keep-alive connection waits for its next request before it is closed.
 * @param writeTimeout Time one socket write may block (a client that stops reading) before the connection is closed.
 * @param trailingSlash Whether {@code /users/} reaches the route {@code /users}: ignored, strict, or a 308 redirect.
 * @param targetCharacters Which characters a request target may hold: {@code LENIENT} also takes what browsers send unencoded ({@code " < > [ \ ] ^ ` { | }} and bytes of 0x80 and above), {@code STRICT} only what RFC 3986 allows; either refuses controls and spaces ({@code 400}).
 * @param shutdownTimeout Grace period of {@link Aurora#stop()} for in-flight requests.
 * @param tls HTTPS: certificate, key and options ({@link Tls}); null serves plain HTTP.
 * @param httpsPort With {@code tls}: -1 serves HTTPS on {@code port}; a port number (0 for an ephemeral one) serves HTTPS there and plain HTTP on {@code port}.
 * @param drainDelay Time {@link Aurora#stop()} keeps accepting with readiness down before it closes the listener, so load balancers stop routing first; 0 means none.
 */
public record ServerConfig(
        String host,
        int port,
        int acceptorThreads,
        int backlog,
        int maxConnections,
        int maxRequestLineLength,
        int maxHeaderSize,
        int maxHeaderCount,
        long maxBodySize,
        long maxDrainSize,
        int maxRequestsPerConnection,
        int maxConcurrentRequests,
        int maxQueuedRequests,
        Duration requestQueueTimeout,
        Duration firstRequestTimeout,
        Duration headerTimeout,
        Duration bodyReadTimeout,
        long minBodyRate,
        Duration bodyRateGrace,
        Duration keepAliveTimeout,
        Duration writeTimeout,
        TrailingSlash trailingSlash,
        TargetCharacters targetCharacters,
        Duration shutdownTimeout,
        Duration drainDelay,
        Tls tls,
        int httpsPort) {

    private static final ServerConfig DEFAULTS = new ServerConfig(
            "0.0.0.0",
            8080,
            1,
            1024,
            10_000,
            8192,
            16_384,
            100,
            10L * 1024 * 1024,
            64L * 1024,
            0,
            0,
            0,
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            240,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            TrailingSlash.IGNORE,
            TargetCharacters.LENIENT,
            Duration.ofSeconds(10),
            Duration.ZERO,
            null,
            -1);

    /** Validates every field; the message names the offending one. */
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        check("port", port, 0, 65535);
        check("acceptorThreads", acceptorThreads, 1, 64);
        check("backlog", backlog, 1, 65535);
        check("maxConnections", maxConnections, 1, 10_000_000);
        check("maxRequestLineLength", maxRequestLineLength, 64, 1_048_576);
        check("maxHeaderSize", maxHeaderSize, 256, 1_048_576);
        check("maxHeaderCount", maxHeaderCount, 1, 10_000);
        check("maxBodySize", maxBodySize, 0, Long.MAX_VALUE);
        check("maxDrainSize", maxDrainSize, 0, Long.MAX_VALUE);
        check("maxRequestsPerConnection", maxRequestsPerConnection, 0, Integer.MAX_VALUE);
        check("maxConcurrentRequests", maxConcurrentRequests, 0, 10_000_000);
        check("maxQueuedRequests", maxQueuedRequests, 0, 10_000_000);
        checkDuration("requestQueueTimeout", requestQueueTimeout);
        checkDuration("firstRequestTimeout", firstRequestTimeout);
        checkDuration("headerTimeout", headerTimeout);
        checkDuration("bodyReadTimeout", bodyReadTimeout);
        check("minBodyRate", minBodyRate, 0, Long.MAX_VALUE);
        checkDuration("bodyRateGrace", bodyRateGrace);
        checkDuration("keepAliveTimeout", keepAliveTimeout);
        checkDuration("writeTimeout", writeTimeout);
        Objects.requireNonNull(trailingSlash, "trailingSlash");
        Objects.requireNonNull(targetCharacters, "targetCharacters");
        checkDuration("shutdownTimeout", shutdownTimeout);
        Objects.requireNonNull(drainDelay, "drainDelay");
        if (drainDelay.isNegative() || drainDelay.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("drainDelay must be between 0 ms and " + Integer.MAX_VALUE + " ms: " + drainDelay);
        }
        check("httpsPort", httpsPort, -1, 65_535);
        if (httpsPort >= 0 && tls == null) {
            throw new IllegalArgumentException("httpsPort needs tls: set a certificate with withTls(...)");
        }
        if (httpsPort > 0 && httpsPort == port) {
            throw new IllegalArgumentException("httpsPort must differ from port: " + httpsPort);
        }
    }

    /** {@return the defaults listed in the table above} */
    public static ServerConfig defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a copy with {@code host} replaced}
     *
     * @param host Interface to bind; {@code 0.0.0.0} is every IPv4 interface.
     */
    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code port} replaced}
     *
     * @param port TCP port for {@link Aurora#start()}; 0 picks a free ephemeral port.
     */
    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code acceptorThreads} replaced}
     *
     * @param acceptorThreads Platform threads accepting connections; each connection then runs on its own virtual thread.
     */
    public ServerConfig withAcceptorThreads(int acceptorThreads) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code backlog} replaced}
     *
     * @param backlog Accept queue length requested from the OS.
     */
    public ServerConfig withBacklog(int backlog) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxConnections} replaced}
     *
     * @param maxConnections Open connections at most; beyond it a new connection gets {@code 503} and is closed.
     */
    public ServerConfig withMaxConnections(int maxConnections) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxRequestLineLength} replaced}
     *
     * @param maxRequestLineLength Bytes in the request line at most, CRLF excluded ({@code 414}).
     */
    public ServerConfig withMaxRequestLineLength(int maxRequestLineLength) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxHeaderSize} replaced}
     *
     * @param maxHeaderSize Bytes in the header section at most ({@code 431}); also bounds chunked trailers.
     */
    public ServerConfig withMaxHeaderSize(int maxHeaderSize) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxHeaderCount} replaced}
     *
     * @param maxHeaderCount Header fields at most ({@code 431}).
     */
    public ServerConfig withMaxHeaderCount(int maxHeaderCount) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxBodySize} replaced}
     *
     * @param maxBodySize Request body bytes at most ({@code 413}), checked against Content-Length before reading and while decoding chunked bodies.
     */
    public ServerConfig withMaxBodySize(long maxBodySize) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxDrainSize} replaced}
     *
     * @param maxDrainSize Unread request body bytes the server reads and discards after a handler to keep the connection; a larger remainder closes it.
     */
    public ServerConfig withMaxDrainSize(long maxDrainSize) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxRequestsPerConnection} replaced}
     *
     * @param maxRequestsPerConnection Requests served on one connection before it is closed; 0 means no limit.
     */
    public ServerConfig withMaxRequestsPerConnection(int maxRequestsPerConnection) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxConcurrentRequests} replaced}
     *
     * @param maxConcurrentRequests Requests whose handlers run at once at most; beyond it (and a full wait queue) a request gets {@code 503} with {@code Retry-After}; 0 means no limit.
     */
    public ServerConfig withMaxConcurrentRequests(int maxConcurrentRequests) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code maxQueuedRequests} replaced}
     *
     * @param maxQueuedRequests Requests that may wait for a slot of {@code maxConcurrentRequests}; 0 refuses at once when every slot is taken.
     */
    public ServerConfig withMaxQueuedRequests(int maxQueuedRequests) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code requestQueueTimeout} replaced}
     *
     * @param requestQueueTimeout Time a queued request waits for a slot before it gets {@code 503}.
     */
    public ServerConfig withRequestQueueTimeout(Duration requestQueueTimeout) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code firstRequestTimeout} replaced}
     *
     * @param firstRequestTimeout Time a new connection may stay silent before its first request starts; then it is closed.
     */
    public ServerConfig withFirstRequestTimeout(Duration firstRequestTimeout) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code headerTimeout} replaced}
     *
     * @param headerTimeout Time to receive a whole request head from its first byte ({@code 408}); cuts off slowloris clients.
     */
    public ServerConfig withHeaderTimeout(Duration headerTimeout) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code bodyReadTimeout} replaced}
     *
     * @param bodyReadTimeout Time a body read waits for the next bytes ({@code 408} if no response started).
     */
    public ServerConfig withBodyReadTimeout(Duration bodyReadTimeout) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code minBodyRate} replaced}
     *
     * @param minBodyRate Bytes per second a request body must arrive at, on average over the time the server waited for it, once {@code bodyRateGrace} has passed ({@code 408}); 0 means no minimum.
     */
    public ServerConfig withMinBodyRate(long minBodyRate) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code bodyRateGrace} replaced}
     *
     * @param bodyRateGrace Waiting time a request body gets before {@code minBodyRate} applies.
     */
    public ServerConfig withBodyRateGrace(Duration bodyRateGrace) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code keepAliveTimeout} replaced}
     *
     * @param keepAliveTimeout Time an idle keep-alive connection waits for its next request before it is closed.
     */
    public ServerConfig withKeepAliveTimeout(Duration keepAliveTimeout) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code writeTimeout} replaced}
     *
     * @param writeTimeout Time one socket write may block (a client that stops reading) before the connection is closed.
     */
    public ServerConfig withWriteTimeout(Duration writeTimeout) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code trailingSlash} replaced}
     *
     * @param trailingSlash Whether {@code /users/} reaches the route {@code /users}: ignored, strict, or a 308 redirect.
     */
    public ServerConfig withTrailingSlash(TrailingSlash trailingSlash) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code targetCharacters} replaced}
     *
     * @param targetCharacters Which characters a request target may hold: {@code LENIENT} also takes what browsers send unencoded ({@code " < > [ \ ] ^ ` { | }} and bytes of 0x80 and above), {@code STRICT} only what RFC 3986 allows; either refuses controls and spaces ({@code 400}).
     */
    public ServerConfig withTargetCharacters(TargetCharacters targetCharacters) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code shutdownTimeout} replaced}
     *
     * @param shutdownTimeout Grace period of {@link Aurora#stop()} for in-flight requests.
     */
    public ServerConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code drainDelay} replaced}
     *
     * @param drainDelay Time {@link Aurora#stop()} keeps accepting with readiness down before it closes the listener, so load balancers stop routing first; 0 means none.
     */
    public ServerConfig withDrainDelay(Duration drainDelay) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code tls} replaced}
     *
     * @param tls HTTPS: certificate, key and options; null serves plain HTTP
     */
    public ServerConfig withTls(Tls tls) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    /**
     * {@return a copy with {@code httpsPort} replaced}
     *
     * @param httpsPort with {@code tls}: -1 serves HTTPS on {@code port}; a port number (0 for an
     *     ephemeral one) serves HTTPS there and plain HTTP on {@code port}
     */
    public ServerConfig withHttpsPort(int httpsPort) {
        return new ServerConfig(host, port, acceptorThreads, backlog, maxConnections, maxRequestLineLength, maxHeaderSize, maxHeaderCount, maxBodySize, maxDrainSize, maxRequestsPerConnection, maxConcurrentRequests, maxQueuedRequests, requestQueueTimeout, firstRequestTimeout, headerTimeout, bodyReadTimeout, minBodyRate, bodyRateGrace, keepAliveTimeout, writeTimeout, trailingSlash, targetCharacters, shutdownTimeout, drainDelay, tls, httpsPort);
    }

    private static void check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ": " + value);
        }
    }

    private static void checkDuration(String field, Duration value) {
        Objects.requireNonNull(value, field);
        // Timeouts are enforced in whole milliseconds; below one they would mean "no time at all".
        if (value.toMillis() < 1 || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be between 1 ms and "
                    + Integer.MAX_VALUE + " ms: " + value);
        }
    }
}
