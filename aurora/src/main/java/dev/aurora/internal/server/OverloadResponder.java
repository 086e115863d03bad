package dev.aurora.internal.server;

import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.ErrorResponse;
import dev.aurora.internal.http.OutputBuffer;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Answers connections beyond {@code maxConnections} with a fast {@code 503} ({@code Retry-After: 1})
 * and closes them. The answer is written on a short-lived virtual thread (so the acceptor never blocks) that also reads
 * and drops what the client sent for a moment, so the close does not reset the connection before
 * the client has read the 503. Those threads are bounded; past the bound a connection is closed
 * without an answer. Called on an acceptor thread.
 */
final class OverloadResponder {
    /** Holds the whole answer, so it leaves in one write and one segment. */
    private static final int ANSWER_BUFFER = 256;
    private static final int MAX_IN_FLIGHT = 256;
    private static final int LINGER_MILLIS = 1000;
    /** A client may retry after a second (RFC 9110 section 10.2.3); the refusal lasts about as long. */
    private static final byte[] RETRY_AFTER = Ascii.bytes("Retry-After: 1\r\n");

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ThreadFactory threads = Thread.ofVirtual().name("aurora-overload-", 0).factory();

    void reject(Socket socket) {
        if (!inFlight.tryAcquire()) {
            SocketTransport.closeQuietly(socket);
            return;
        }
        Runnable respond = () -> {
            try {
                OutputBuffer answer = new OutputBuffer(socket.getOutputStream(), ANSWER_BUFFER);
                ErrorResponse.write(answer, 503, "Service Unavailable", RETRY_AFTER);
                answer.flush();
                // Unbounded bytes, but bounded time: the client is dropped after a second.
                SocketTransport.lingeringDrain(socket, LINGER_MILLIS, Long.MAX_VALUE);
            } catch (IOException e) {
                // the client left first; nothing to answer
            } finally {
                SocketTransport.closeQuietly(socket);
                inFlight.release();
            }
        };
        try {
            threads.newThread(respond).start();
        } catch (RuntimeException | OutOfMemoryError e) {
            SocketTransport.closeQuietly(socket);
            inFlight.release();
        }
    }
}
