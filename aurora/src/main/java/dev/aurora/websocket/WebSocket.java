package dev.aurora.websocket;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One open WebSocket connection (RFC 6455), as its {@link WebSocketHandler} sees it.
 *
 * <p><b>Threads.</b> {@link #receive()} is for one thread at a time, normally the handler's. The
 * sending methods are safe from any thread: each message goes out whole under a lock, so messages
 * of several threads never interleave (control frames may go between the fragments of a streamed
 * message, as the protocol allows). A send blocks while the client is slow to read, at most for the
 * server's {@code writeTimeout}; nothing is queued without bound.
 *
 * <p><b>Closing.</b> {@link #close(int, String)} sends a close frame; the peer's reply (or its own
 * close) is what {@link #receive()} then returns as {@link Message.Close}. The connection also
 * closes when the handler returns ({@code 1000}) or throws ({@code 1011}), on a protocol error
 * ({@code 1002}, {@code 1007}, {@code 1009}), after {@code idleTimeout} without a frame
 * ({@code 1001}), and when the server stops ({@code 1001}, waiting for the client's reply up to
 * the shutdown deadline). Sends on a closed connection throw {@link IOException}.
 *
 * <p><b>The upgrade request.</b> {@link #path()}, {@link #param}, {@link #query}, {@link #header}
 * and {@link #attribute} read the HTTP request that opened the connection, including the
 * attributes its middleware set. They are valid while the handler runs.
 */
public interface WebSocket extends AutoCloseable {
    /**
     * Blocks until the next whole message arrives; pings are answered on the way.
     *
     * @return the message, or {@link Message.Close} once the connection is closed (then again on
     *     every later call); never null, and never an exception for a closed or broken connection
     */
    Message receive();

    /**
     * Sends a text message.
     *
     * @param text the text
     * @throws IOException if the connection is closed or the write failed (or timed out)
     */
    void send(String text) throws IOException;

    /**
     * Sends a binary message.
     *
     * @param data the payload
     * @throws IOException if the connection is closed or the write failed
     */
    void send(byte[] data) throws IOException;

    /**
     * Starts a binary message written in parts: each buffer-full goes out as a fragment, and
     * {@link OutputStream#close()} sends the last one. Other data sends wait until it is closed.
     *
     * @return the message's stream
     * @throws IOException if the connection is closed
     */
    OutputStream sendBinaryStream() throws IOException;

    /**
     * Starts a text message written in parts, as {@link #sendBinaryStream()}; the text goes out as
     * UTF-8 (a character split between writes is kept whole).
     *
     * @return the message's writer
     * @throws IOException if the connection is closed
     */
    Writer sendTextStream() throws IOException;

    /**
     * Sends a ping; the peer's pong is consumed by {@link #receive()}.
     *
     * @param payload at most 125 bytes
     * @throws IOException if the connection is closed or the write failed
     * @throws IllegalArgumentException if the payload is longer than 125 bytes
     */
    void ping(byte[] payload) throws IOException;

    /**
     * Starts the close handshake; does nothing if it started already. The peer's answer is read
     * by {@link #receive()} (or, if no thread receives, when the handler returns), waiting at most
     * the route's {@code closeTimeout}.
     *
     * @param code a close code that may be sent ({@link CloseCodes#sendable(int)})
     * @param reason why, at most 123 bytes as UTF-8
     * @throws IllegalArgumentException if the code may not be sent or the reason is too long
     */
    void close(int code, String reason);

    /** Closes with {@link CloseCodes#NORMAL_1000} and no reason. */
    @Override
    default void close() {
        close(CloseCodes.NORMAL_1000, "");
    }

    /**
     * Tells whether messages may still be sent.
     *
     * @return true while no close frame was sent or received and the connection is intact
     */
    boolean isOpen();

    /**
     * Blocks until the connection is closed, for a handler that hands the connection to other
     * threads and has nothing to receive itself. Reads (and answers pings) meanwhile, dropping data
     * messages; use {@link #receive()} to see them.
     *
     * @return how it closed
     */
    Message.Close awaitClose();

    /**
     * The subprotocol chosen in the handshake.
     *
     * @return the subprotocol both sides agreed on, or null when none
     */
    String subprotocol();

    /**
     * The extensions in use.
     *
     * @return the {@code Sec-WebSocket-Extensions} values of the {@code 101} response (empty when none)
     */
    List<String> extensions();

    /**
     * The path of the upgrade request.
     *
     * @return the path, without the query
     */
    String path();

    /**
     * A path parameter of the upgrade request.
     *
     * @param name a parameter of the route pattern
     * @return its value in the upgrade request's path, or null
     */
    String param(String name);

    /**
     * A query parameter of the upgrade request.
     *
     * @param name a query parameter name
     * @return the first value of that query parameter of the upgrade request, or null
     */
    String query(String name);

    /**
     * A header of the upgrade request.
     *
     * @param name a header name, any case
     * @return the first value of that header of the upgrade request, or null
     */
    String header(String name);

    /**
     * An attribute of the upgrade request.
     *
     * @param key an attribute name
     * @param <T> the expected type
     * @return the attribute the upgrade request's middleware set, or null
     */
    <T> T attribute(String key);

    /**
     * The client's address.
     *
     * @return the peer's address, or the one a trusted proxy named
     */
    InetSocketAddress remoteAddress();
}
