package dev.aurora.test;

import dev.aurora.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

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
    private final Supplier<JsonCodec> json;
    private final RequestSender sender;

    TestConnection(Transport.Channel channel, CookieJar cookies, Supplier<JsonCodec> json) {
        this.channel = channel;
        this.cookies = cookies;
        this.json = json;
        this.sender = new RequestSender(this::send, true, json);
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
        response = response.readingJsonWith(json.get());
        cookies.update(request.path(), response);
        return response;
    }

    /**
     * {@return whether the server keeps the connection open: false once it answered with
     *     {@code Connection: close} (a request limit, a protocol error, shutdown) or closed it}
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
