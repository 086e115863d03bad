package dev.aurora.internal.server;

import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.DateHeader;
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
        Runnable respond = () -> {
            try {
                // One write, so the answer leaves in one segment.
                byte[] status = StatusLine.of(503);
                byte[] date = DateHeader.line();
                byte[] answer = new byte[status.length + date.length + RESPONSE_TAIL.length];
                System.arraycopy(status, 0, answer, 0, status.length);
                System.arraycopy(date, 0, answer, status.length, date.length);
                System.arraycopy(RESPONSE_TAIL, 0, answer, status.length + date.length, RESPONSE_TAIL.length);
                socket.getOutputStream().write(answer);
                linger(socket);
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
