package dev.aurora.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The options of one WebSocket route ({@code app.ws(path, options, handler)}). Immutable; start
 * from {@link #defaults()} and change what differs with the {@code withX} copies.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code origins}</td><td>empty: same origin</td><td>which browser pages may connect: an
 *       empty list allows a request whose {@code Origin} names the request's own host (or that has
 *       no {@code Origin}: not a browser); otherwise the listed origins, such as
 *       {@code https://app.example.com}, or {@code *} for any; others get {@code 403}</td></tr>
 *   <tr><td>{@code subprotocols}</td><td>none</td><td>the server's subprotocols, preferred first;
 *       the first the client also offers is chosen</td></tr>
 *   <tr><td>{@code maxFrameSize}</td><td>1 MiB</td><td>largest frame payload the client may send
 *       ({@code 1009} above)</td></tr>
 *   <tr><td>{@code maxMessageSize}</td><td>1 MiB</td><td>largest message, fragments joined and
 *       inflated ({@code 1009} above)</td></tr>
 *   <tr><td>{@code idleTimeout}</td><td>2 minutes</td><td>longest wait for a frame of the client
 *       (any frame, pongs too); then the server closes with {@code 1001}</td></tr>
 *   <tr><td>{@code pingInterval}</td><td>30 seconds</td><td>how often a ping goes to a connection
 *       that sent nothing meanwhile; {@code 0} for never</td></tr>
 *   <tr><td>{@code closeTimeout}</td><td>5 seconds</td><td>longest wait for the client's answer to
 *       the server's close frame</td></tr>
 *   <tr><td>{@code perMessageDeflate}</td><td>false</td><td>accept the {@code permessage-deflate}
 *       extension (RFC 7692) when the client offers it</td></tr>
 * </table>
 *
 * @param origins allowed origins ({@code *} for any), or empty for the same origin only
 * @param subprotocols the server's subprotocols, preferred first
 * @param maxFrameSize largest frame payload accepted, in bytes
 * @param maxMessageSize largest message accepted, in bytes
 * @param idleTimeout longest wait for a client frame
 * @param pingInterval ping period, or zero for none
 * @param closeTimeout longest wait for the close reply
 * @param perMessageDeflate whether permessage-deflate is accepted
 */
public record WebSocketOptions(List<String> origins, List<String> subprotocols, int maxFrameSize,
        int maxMessageSize, Duration idleTimeout, Duration pingInterval, Duration closeTimeout,
        boolean perMessageDeflate) {
    private static final int MIB = 1 << 20;
    private static final WebSocketOptions DEFAULTS = new WebSocketOptions(List.of(), List.of(), MIB, MIB,
            Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(5), false);

    /**
     * Checks every option.
     *
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public WebSocketOptions {
        origins = List.copyOf(origins);
        subprotocols = List.copyOf(subprotocols);
        for (String p : subprotocols) {
            if (p.isEmpty() || !p.chars().allMatch(dev.aurora.internal.http.Ascii::isTchar)) {
                throw new IllegalArgumentException("subprotocols: not a token: '" + p + "'");
            }
        }
        if (maxFrameSize < 125) {
            throw new IllegalArgumentException("maxFrameSize must be at least 125: " + maxFrameSize);
        }
        if (maxMessageSize < maxFrameSize) {
            throw new IllegalArgumentException("maxMessageSize (" + maxMessageSize
                    + ") must be at least maxFrameSize (" + maxFrameSize + ")");
        }
        positive("idleTimeout", idleTimeout);
        positive("closeTimeout", closeTimeout);
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative() || !pingInterval.isZero() && pingInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pingInterval must be 0 (off) or at least 1 ms: " + pingInterval);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms: " + d);
        }
    }

    /** {@return the defaults of the table above} */
    public static WebSocketOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a copy with these allowed origins}
     *
     * @param allowed origins such as {@code https://app.example.com}, or {@code *}; none for the same origin only
     */
    public WebSocketOptions withOrigins(String... allowed) {
        return new WebSocketOptions(List.of(allowed), subprotocols, maxFrameSize, maxMessageSize, idleTimeout,
                pingInterval, closeTimeout, perMessageDeflate);
    }

    /**
     * {@return a copy with these subprotocols}
     *
     * @param preferred the server's subprotocols, preferred first
     */
    public WebSocketOptions withSubprotocols(String... preferred) {
        return new WebSocketOptions(origins, List.of(preferred), maxFrameSize, maxMessageSize, idleTimeout,
                pingInterval, closeTimeout, perMessageDeflate);
    }

    /**
     * {@return a copy with this frame limit}
     *
     * @param bytes largest frame payload accepted
     */
    public WebSocketOptions withMaxFrameSize(int bytes) {
        return new WebSocketOptions(origins, subprotocols, bytes, maxMessageSize, idleTimeout, pingInterval,
                closeTimeout, perMessageDeflate);
    }

    /**
     * {@return a copy with this message limit}
     *
     * @param bytes largest message accepted
     */
    public WebSocketOptions withMaxMessageSize(int bytes) {
        return new WebSocketOptions(origins, subprotocols, maxFrameSize, bytes, idleTimeout, pingInterval,
                closeTimeout, perMessageDeflate);
    }

    /**
     * {@return a copy with this idle timeout}
     *
     * @param timeout longest wait for a client frame
     */
    public WebSocketOptions withIdleTimeout(Duration timeout) {
        return new WebSocketOptions(origins, subprotocols, maxFrameSize, maxMessageSize, timeout, pingInterval,
                closeTimeout, perMessageDeflate);
    }

    /**
     * {@return a copy with this ping interval}
     *
     * @param interval ping period, or zero for none
     */
    public WebSocketOptions withPingInterval(Duration interval) {
        return new WebSocketOptions(origins, subprotocols, maxFrameSize, maxMessageSize, idleTimeout, interval,
                closeTimeout, perMessageDeflate);
    }

    /**
     * {@return a copy with this close timeout}
     *
     * @param timeout longest wait for the close reply
     */
    public WebSocketOptions withCloseTimeout(Duration timeout) {
        return new WebSocketOptions(origins, subprotocols, maxFrameSize, maxMessageSize, idleTimeout, pingInterval,
                timeout, perMessageDeflate);
    }

    /**
     * {@return a copy with this setting}
     *
     * @param enabled whether permessage-deflate is accepted
     */
    public WebSocketOptions withPerMessageDeflate(boolean enabled) {
        return new WebSocketOptions(origins, subprotocols, maxFrameSize, maxMessageSize, idleTimeout, pingInterval,
                closeTimeout, enabled);
    }
}
