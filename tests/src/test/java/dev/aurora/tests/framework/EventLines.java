package dev.aurora.tests.framework;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A client reading an event stream over a real socket: {@link HttpClient} with
 * {@code BodyHandlers.ofLines()}, every line collected as it arrives by a virtual thread, so tests
 * wait for lines with Awaitility instead of blocking on the stream.
 */
final class EventLines implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;
    private volatile boolean ended;
    private volatile boolean failed;

    /** Opens the stream; returns once the response head arrived. */
    EventLines(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                failed = true;
            } finally {
                ended = true;
            }
        });
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    List<String> lines() {
        return lines;
    }

    /** Whether the server ended the response (or the connection). */
    boolean ended() {
        return ended;
    }

    /** Whether the response broke off instead of ending with its last chunk. */
    boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        reader.interrupt();
        http.shutdownNow();
    }
}
