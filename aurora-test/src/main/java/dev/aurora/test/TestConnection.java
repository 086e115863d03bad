package dev.aurora.test;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One connection to the application that stays open across requests (HTTP/1.1 keep-alive), from
 * {@link AuroraTestClient#connect()}: in-process or over a socket, like its client. Requests go
 * out one at a time, each answered before the next is sent, without {@code Connection: close}
 * (unless the request sets a {@code Connection} header itself); cookies go through the client's
 * jar.
 *
 * <pre>{@code
 * try (TestConnection connection = client.connect()) {
 *     connection.get("/a").send().assertStatus(200);
 *     connection.get("/b").send().assertStatus(200);   // same connection
 *     assertTrue(connection.isOpen());
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use it from one thread.
 */
public final class TestConnection implements TestTarget, AutoCloseable {
    private final Transport.Channel channel;
    private final CookieJar cookies;
    private final RequestSender sender = new RequestSender(this::send, true);

    TestConnection(Transport.Channel channel, CookieJar cookies) {
        this.channel = channel;
        this.cookies = cookies;
    }

    @Override
    public TestRequest request(String method, String path) {
        return new TestRequest(sender, method, path);
    }

    private TestResponse send(TestRequest request) {
        TestResponse response;
        try {
            response = channel.exchange(request.toBytes(cookies.header(request.path())), request.isHead());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cookies.update(request.path(), response);
        return response;
    }

    /**
     * @return whether the server keeps the connection open: false once it answered with
     *     {@code Connection: close} (a request limit, a protocol error, shutdown) or closed it
     */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the connection as a client hanging up would; idempotent. */
    @Override
    public void close() {
        channel.close();
    }
}
