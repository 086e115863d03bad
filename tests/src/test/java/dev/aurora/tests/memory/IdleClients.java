package dev.aurora.tests.memory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Many keep-alive client connections driven by one thread and one selector, so that a test can hold
 * 100,000 of them without 100,000 threads. Connections come from several loopback source addresses
 * (127.0.0.2, 127.0.0.3, ...): one source address has only about 28,000 ephemeral ports.
 */
final class IdleClients implements AutoCloseable {
    private static final int SOURCES = 8;
    private static final byte[] REQUEST =
            "GET /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Room for one response head and its short body. */
    private static final int MAX_RESPONSE = 1024;

    /** What became of the requests of one round. */
    record Outcome(int ok, int overloaded, int closed, int unanswered) {
        int total() {
            return ok + overloaded + closed + unanswered;
        }
    }

    private final Selector selector;
    private final SocketChannel[] channels;
    private int opened;
    private int refused;

    private IdleClients(int count) throws IOException {
        this.selector = Selector.open();
        this.channels = new SocketChannel[count];
    }

    /**
     * Opens {@code count} connections to {@code 127.0.0.1:port}; connections the server refuses (or
     * the kernel cannot make) are counted, not thrown.
     */
    static IdleClients open(int port, int count) throws IOException {
        IdleClients clients = new IdleClients(count);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < count; i++) {
            SocketChannel ch = SocketChannel.open();
            try {
                ch.bind(new InetSocketAddress("127.0.0." + (2 + i % SOURCES), 0));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.connect(server);
                ch.configureBlocking(false);
                clients.channels[clients.opened++] = ch;
            } catch (IOException e) {
                ch.close();
                clients.refused++;
            }
        }
        return clients;
    }

    int opened() {
        return opened;
    }

    /** Connections whose connect failed. */
    int refused() {
        return refused;
    }

    /**
     * Sends one {@code GET /plaintext} on every open connection and waits up to {@code timeout} for
     * the answers: a complete {@code 200}, a {@code 503}, or the connection closed without one.
     */
    Outcome roundTrip(Duration timeout) throws IOException {
        byte[][] received = new byte[opened][];
        int[] length = new int[opened];
        int[] status = new int[opened];
        for (int i = 0; i < opened; i++) {
            SocketChannel ch = channels[i];
            if (ch == null) {
                continue;
            }
            try {
                if (ch.write(ByteBuffer.wrap(REQUEST)) != REQUEST.length) {
                    throw new IOException("short write");
                }
                received[i] = new byte[MAX_RESPONSE];
                ch.register(selector, SelectionKey.OP_READ, i);
            } catch (IOException e) {
                status[i] = -1;
                drop(i);
            }
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        long deadline = System.nanoTime() + timeout.toNanos();
        int waiting = selector.keys().size();
        while (waiting > 0 && System.nanoTime() < deadline) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                int i = (Integer) key.attachment();
                buf.clear();
                int n;
                try {
                    n = channels[i].read(buf);
                } catch (IOException e) {
                    n = -1;
                }
                if (n < 0) {
                    status[i] = -1;
                    key.cancel();
                    drop(i);
                    waiting--;
                    continue;
                }
                buf.flip();
                int room = Math.min(n, MAX_RESPONSE - length[i]);
                buf.get(received[i], length[i], room);
                length[i] += room;
                int s = complete(received[i], length[i]);
                if (s != 0) {
                    status[i] = s;
                    key.interestOps(0);
                    waiting--;
                }
            }
            selector.selectedKeys().clear();
        }
        for (SelectionKey key : selector.keys()) {
            key.cancel();
        }
        selector.selectNow();
        int ok = 0;
        int overloaded = 0;
        int closed = 0;
        int unanswered = 0;
        for (int i = 0; i < opened; i++) {
            if (received[i] == null && status[i] == 0) {
                continue;
            }
            switch (status[i]) {
                case 200 -> ok++;
                case 503 -> overloaded++;
                case -1 -> closed++;
                case 0 -> unanswered++;
                default -> throw new AssertionError("unexpected status " + status[i] + ": "
                        + new String(received[i], 0, length[i], StandardCharsets.US_ASCII));
            }
        }
        return new Outcome(ok, overloaded, closed, unanswered);
    }

    /** The status of a complete response in {@code b[0, n)}, or 0 while it is incomplete. */
    private static int complete(byte[] b, int n) {
        int headEnd = -1;
        for (int i = 3; i < n; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                headEnd = i + 1;
                break;
            }
        }
        if (headEnd < 0) {
            if (n == MAX_RESPONSE) {
                throw new AssertionError("response head over " + MAX_RESPONSE + " bytes");
            }
            return 0;
        }
        String head = new String(b, 0, headEnd, StandardCharsets.US_ASCII);
        if (!head.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("not an HTTP/1.1 response: " + head);
        }
        int status = Integer.parseInt(head.substring(9, 12));
        int bodyLength = 0;
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                bodyLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        return n >= headEnd + bodyLength ? status : 0;
    }

    private void drop(int i) {
        try {
            channels[i].close();
        } catch (IOException e) {
            // gone already
        }
        channels[i] = null;
    }

    /** Connections still open. */
    int open() {
        return (int) Arrays.stream(channels, 0, opened).filter(c -> c != null).count();
    }

    @Override
    public void close() throws IOException {
        for (int i = 0; i < opened; i++) {
            if (channels[i] != null) {
                drop(i);
            }
        }
        selector.close();
    }
}
