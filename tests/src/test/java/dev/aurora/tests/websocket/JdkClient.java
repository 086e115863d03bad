package dev.aurora.tests.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's {@link java.net.http.WebSocket} client, collecting what it receives into a queue. */
final class JdkClient implements WebSocket.Listener {
    /** What arrived: a whole text (String), a whole binary (byte[]), or the close (Closed). */
    record Closed(int code, String reason) {
    }

    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    WebSocket ws;

    static JdkClient connect(int port, String path, String... subprotocols) throws Exception {
        JdkClient client = new JdkClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port + path), client).get(5, TimeUnit.SECONDS);
        return client;
    }

    /** Connects with {@code http}'s settings (its TLS context, for a {@code wss://} URI). */
    static JdkClient connect(HttpClient http, URI uri) throws Exception {
        JdkClient client = new JdkClient();
        client.ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    Object next() throws InterruptedException {
        Object o = received.poll(10, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("Nothing received in 10 s");
        }
        return o;
    }

    Closed awaitClosed() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        binary.writeBytes(b);
        if (last) {
            received.add(binary.toByteArray());
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
