package dev.aurora.test;

import dev.aurora.Aurora;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A client for testing an {@link Aurora} application, either in-process ({@link #of(Aurora)}: no
 * socket, the real parser, router, middleware and writer) or over a real loopback socket
 * ({@link #http(Aurora)}). Both send the same bytes, so they give the same answers.
 *
 * <p>Each {@link TestRequest#send()} uses a connection of its own and ends with
 * {@code Connection: close}. A cookie jar keeps the {@code Set-Cookie} values of responses and
 * sends them back on later requests whose path matches the cookie's {@code Path}
 * ({@link #cookies()}, {@link #clearCookies()}). Raw mode
 * ({@link #raw(byte[])}) sends bytes as they are, for pipelined or malformed input; it neither sends
 * nor stores cookies.
 *
 * <p>In-process, {@link TestRequest#send()} returns once the server is done with the connection:
 * everything the handler and middleware did (also after writing the response) has happened, so
 * tests can assert on it without waiting. The peer address the application sees is the loopback
 * address with port 0. Over a socket, {@code send()} returns when the server has closed the
 * connection; work the application hands to other threads may still be running (see
 * {@link Eventually}).
 *
 * <p>Thread-safe: requests may be sent from many threads at once.
 *
 * <pre>{@code
 * try (AuroraTestClient client = AuroraTestClient.of(app)) {
 *     client.get("/hello").query("name", "Ada").send().assertStatus(200).assertBody("Hello, Ada");
 * }
 * }</pre>
 */
public final class AuroraTestClient implements TestTarget, AutoCloseable {
    /** How long a test WebSocket's read waits before the test fails. */
    private static final int WEBSOCKET_READ_TIMEOUT_MILLIS = 10_000;
    private final Transport transport;
    private final CookieJar cookies = new CookieJar();
    private final Aurora app;
    private final RequestSender sender;

    private AuroraTestClient(Transport transport, Aurora app) {
        this.transport = transport;
        this.app = app;
        this.sender = new RequestSender(this::send, false, app::jsonCodec);
    }

    /**
     * A client that runs requests in-process. The application need not be started; the first
     * request closes its registration (as {@code start()} does).
     *
     * @param app the application
     * @return the client; {@link #close()} does nothing
     */
    public static AuroraTestClient of(Aurora app) {
        return new AuroraTestClient(new InProcessTransport(Objects.requireNonNull(app, "app")), app);
    }

    /**
     * A client that sends requests over a loopback TCP connection. If the application is not
     * running it is started on an ephemeral port now, and {@link #close()} stops it; an application
     * that was already running is left running.
     *
     * @param app the application
     * @return the client
     * @throws IllegalStateException if the application cannot be started (e.g. it was stopped)
     */
    public static AuroraTestClient http(Aurora app) {
        return new AuroraTestClient(new LoopbackTransport(Objects.requireNonNull(app, "app")), app);
    }

    /**
     * @param method any method token, e.g. {@code PROPFIND}
     * @param path the request target path
     * @return a request with that method
     */
    @Override
    public TestRequest request(String method, String path) {
        return new TestRequest(sender, method, path);
    }

    /**
     * Opens one connection that stays open across requests (keep-alive), in the same mode as this
     * client and sharing its cookie jar: for tests of connection reuse, request limits per
     * connection, or state that must not leak from one request to the next.
     *
     * @return the connection; close it when done
     */
    public TestConnection connect() {
        try {
            return new TestConnection(transport.connect(), cookies, app::jsonCodec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code request} (ISO-8859-1: one byte per character) exactly as given as one
     * connection's input, followed by end of stream.
     *
     * @param request one or more requests, possibly malformed
     * @return what the server wrote
     */
    public RawResult raw(String request) {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends {@code request} exactly as given as one connection's input, followed by end of stream.
     *
     * @param request one or more requests, possibly malformed
     * @return what the server wrote
     */
    public RawResult raw(byte[] request) {
        return new RawResult(exchange(request.clone()));
    }

    /**
     * Opens a WebSocket to {@code path} (in-process or over a socket, as this client runs) and
     * checks that the server accepted it.
     *
     * @param path the request target, query included
     * @return the open WebSocket; close it when done
     * @throws AssertionError if the server answered anything but {@code 101}
     */
    public TestWebSocket websocket(String path) {
        return websocket(path, Map.of());
    }

    /**
     * Opens a WebSocket with extra (or replaced) upgrade headers, such as {@code Origin},
     * {@code Sec-WebSocket-Protocol} or {@code Sec-WebSocket-Extensions}; a null value removes a
     * standard header.
     *
     * @param path the request target
     * @param headers header names and values
     * @return the open WebSocket
     * @throws AssertionError if the server answered anything but {@code 101}
     */
    public TestWebSocket websocket(String path, Map<String, String> headers) {
        TestResponse[] refused = new TestResponse[1];
        TestWebSocket ws = upgrade(path, headers, refused);
        if (ws == null) {
            throw new AssertionError("WebSocket upgrade refused: " + refused[0].statusLine() + " " + refused[0].bodyString());
        }
        return ws;
    }

    /**
     * Sends an upgrade request that the server is expected to refuse, and returns its answer.
     *
     * @param path the request target
     * @param headers header names and values (null removes a standard one)
     * @return the server's answer
     * @throws AssertionError if the server accepted the upgrade
     */
    public TestResponse websocketRefused(String path, Map<String, String> headers) {
        TestResponse[] refused = new TestResponse[1];
        TestWebSocket ws = upgrade(path, headers, refused);
        if (ws != null) {
            ws.close();
            throw new AssertionError("WebSocket upgrade accepted, expected a refusal");
        }
        return refused[0];
    }

    private TestWebSocket upgrade(String path, Map<String, String> headers, TestResponse[] refused) {
        try {
            Transport.Stream stream = transport.stream(WEBSOCKET_READ_TIMEOUT_MILLIS);
            try {
                TestWebSocket ws = TestWebSocket.open(stream, path, headers, refused);
                if (ws == null) {
                    stream.close();
                }
                return ws;
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a plain socket to the application, for conversations {@link #raw(byte[])} cannot
     * express because their timing matters: a request sent in parts, a response read before the
     * rest is sent, a connection held open or never read. Socket clients only.
     *
     * @return the connection, with {@link RawConnection#DEFAULT_TIMEOUT} per read; close it when done
     * @throws IllegalStateException if this client runs in-process ({@link #of(Aurora)})
     */
    public RawConnection rawConnection() {
        return rawConnection(RawConnection.DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #rawConnection()}, with another read timeout.
     *
     * @param readTimeout how long each read may block before the test fails
     * @return the connection; close it when done
     * @throws IllegalStateException if this client runs in-process ({@link #of(Aurora)})
     */
    public RawConnection rawConnection(Duration readTimeout) {
        if (!(transport instanceof LoopbackTransport socket)) {
            throw new IllegalStateException("rawConnection() needs a socket; use AuroraTestClient.http(app)"
                    + " or @AuroraTest(server = true), or raw(...) for input that can be sent in one go");
        }
        return RawConnection.open(socket.address(), readTimeout, 0);
    }

    /** {@return whether requests go over a real socket ({@link #http(Aurora)}) rather than in-process} */
    public boolean overSocket() {
        return transport instanceof LoopbackTransport;
    }

    /** {@return a snapshot of the cookie jar (name to value, in the order first set; a name kept for several paths shows its last value)} */
    public Map<String, String> cookies() {
        return cookies.snapshot();
    }

    /** Empties the cookie jar. */
    public void clearCookies() {
        cookies.clear();
    }

    /** Stops the application if {@link #http(Aurora)} started it; otherwise does nothing. */
    @Override
    public void close() {
        transport.close();
    }

    private TestResponse send(TestRequest request) {
        byte[] answer = exchange(request.toBytes(cookies.header(request.path())));
        TestResponse response = ResponseParser.parseOne(answer, request.isHead()).readingJsonWith(app.jsonCodec());
        cookies.update(request.path(), response);
        return response;
    }

    private byte[] exchange(byte[] request) {
        try {
            return transport.exchange(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the response", e);
        }
    }
}
