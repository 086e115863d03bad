package dev.aurora.internal.server;

import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.StatusLine;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Answers connections beyond {@code maxConnections} with a fast {@code 503} and closes them. The
 * answer is written on a short-lived virtual thread (so the acceptor never blocks) that also reads
 * and drops what the client sent for a moment, so the close does not reset the connection before
 * the client has read the 503. Those threads are bounded; past the bound a connection is closed
 * without an answer. Called on an acceptor thread.
 */
final class OverloadResponder {
    private static final byte[] RESPONSE_TAIL = Ascii.bytes(
            "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 19\r\nConnection: close\r\n\r\n"
                    + "Service Unavailable");
    private static final int MAX_IN_FLIGHT = 256;
    private static final int LINGER_MILLIS = 1000;

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ThreadFactory threads = Thread.ofVirtual().name("aurora-overload-", 0).factory();

    void reject(Socket socket) {
        if (!inFlight.tryAcquire()) {
            SocketTransport.closeQuietly(socket);
            return;
        }
        Runnable answer = () -> {
            try {
                var out = socket.getOutputStream();
                out.write(StatusLine.of(503));
                out.write(dev.aurora.internal.http.DateHeader.line());
                out.write(RESPONSE_TAIL);
                out.flush();
                linger(socket);
            } catch (IOException e) {
                // the client left first; nothing to answer
            } finally {
                SocketTransport.closeQuietly(socket);
                inFlight.release();
            }
        };
        try {
            threads.newThread(answer).start();
        } catch (RuntimeException | OutOfMemoryError e) {
            SocketTransport.closeQuietly(socket);
            inFlight.release();
        }
    }

    private static void linger(Socket socket) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MILLIS);
        InputStream in = socket.getInputStream();
        byte[] scratch = new byte[512];
        long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline && in.read(scratch) >= 0) {
            // drop input until the client closes
        }
    }
}
