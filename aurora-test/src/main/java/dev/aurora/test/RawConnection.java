package dev.aurora.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A plain socket to a running server for tests that need to control the timing of the bytes:
 * send part of a request, read one response, send more ({@code Expect: 100-continue}), hold a
 * connection open (connection limits, graceful shutdown), never read (write timeouts), or watch
 * the server close the connection. {@link AuroraTestClient#raw(String)} covers everything that
 * can be sent in one go; use this only when the conversation is interactive.
 *
 * <p>Writes exactly the bytes it is given and parses responses strictly, one at a time, with
 * {@link ResponseParser} (CRLF line endings, framing per RFC 9112 section 6.3). Every read has a
 * socket timeout (5 seconds unless given), so no test hangs on it.
 *
 * <pre>{@code
 * try (RawConnection c = client.rawConnection()) {      // client from AuroraTestClient.http(app)
 *     c.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
 *     c.readResponse().assertStatus(100);
 *     c.send("abc");
 *     c.readResponse().assertStatus(200);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use it from one thread.
 */
public final class RawConnection implements AutoCloseable {
    /** The read timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int timeoutMillis;
    /** Bytes read from the socket but not yet part of a returned response. */
    private byte[] unread = new byte[0];
    private boolean ended;

    private RawConnection(InetSocketAddress address, Duration readTimeout, int receiveBuffer) {
        socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(address, 2000);
            timeoutMillis = Math.toIntExact(readTimeout.toMillis());
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects to {@code port} on the loopback interface with the default read timeout.
     *
     * @param port the server's port
     * @return the connection
     * @throws UncheckedIOException if the connection cannot be made
     */
    public static RawConnection open(int port) {
        return open(port, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to {@code port} on the loopback interface.
     *
     * @param port the server's port
     * @param readTimeout how long each read may block before the test fails
     * @return the connection
     * @throws UncheckedIOException if the connection cannot be made
     */
    public static RawConnection open(int port, Duration readTimeout) {
        return open(port, readTimeout, 0);
    }

    /**
     * Connects to {@code port} on the loopback interface with a small receive buffer, for tests
     * that need the server's writes to block soon on a client that does not read.
     *
     * @param port the server's port
     * @param readTimeout how long each read may block before the test fails
     * @param receiveBuffer {@code SO_RCVBUF} to ask for before connecting, or 0 for the default
     * @return the connection
     * @throws UncheckedIOException if the connection cannot be made
     */
    public static RawConnection open(int port, Duration readTimeout, int receiveBuffer) {
        return open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), readTimeout, receiveBuffer);
    }

    static RawConnection open(InetSocketAddress address, Duration readTimeout, int receiveBuffer) {
        Objects.requireNonNull(readTimeout, "readTimeout");
        return new RawConnection(address, readTimeout, receiveBuffer);
    }

    /**
     * {@return {@code GET target HTTP/1.1} with a {@code Host} header and nothing else}
     *
     * @param target the request target
     */
    public static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** {@return the socket, e.g. to half-close it or to read its local port} */
    public Socket socket() {
        return socket;
    }

    /**
     * Writes {@code latin1} as ISO-8859-1 bytes (so any byte 0-255 can be written).
     *
     * @param latin1 the bytes as text
     * @return this connection
     */
    public RawConnection send(String latin1) {
        return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Writes {@code bytes} as they are.
     *
     * @param bytes the bytes
     * @return this connection
     */
    public RawConnection send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Reads one complete response.
     *
     * @return the response
     * @throws UncheckedIOException if the connection ends or times out before the response is complete
     * @throws IllegalArgumentException on a framing error
     */
    public TestResponse readResponse() {
        return read(false);
    }

    /**
     * Reads the response to a {@code HEAD} request: the head only, whatever {@code Content-Length} says.
     *
     * @return the response, with an empty body
     */
    public TestResponse readHeadResponse() {
        return read(true);
    }

    /**
     * Reads one response but tolerates the connection ending inside the body, as after a handler
     * failed mid-stream. The status line and header fields must be complete.
     *
     * @return the response with the body bytes that arrived (de-chunked), and whether it was complete
     */
    public Partial readPartialResponse() {
        try {
            while (true) {
                try {
                    ResponseParser.Prefix head = ResponseParser.parseFirst(unread, true, ended);
                    try {
                        ResponseParser.Prefix full = ResponseParser.parseFirst(unread, false, ended);
                        unread = Arrays.copyOfRange(unread, full.length(), unread.length);
                        return new Partial(full.response(), true);
                    } catch (ResponseParser.Incomplete truncated) {
                        if (ended) {
                            TestResponse r = head.response();
                            String[] status = r.statusLine().split(" ", 3);
                            byte[] body = partialBody(r, head.length());
                            unread = new byte[0];
                            return new Partial(new TestResponse(status[0], r.status(),
                                    status.length == 3 ? status[2] : "", r.headerFields(), body), false);
                        }
                    }
                } catch (ResponseParser.Incomplete incompleteHead) {
                    if (ended) {
                        throw new IOException("The server closed the connection inside a response head: "
                                + incompleteHead.getMessage());
                    }
                }
                fill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A response read by {@link #readPartialResponse()}.
     *
     * @param response the status, headers and the body bytes that arrived
     * @param complete {@code false} if the connection ended inside the body
     */
    public record Partial(TestResponse response, boolean complete) {
    }

    /** Asserts that the server closes the connection (end of stream or reset) within {@link #DEFAULT_TIMEOUT}. */
    public void assertClosedByServer() {
        assertClosedByServer(DEFAULT_TIMEOUT);
    }

    /**
     * Asserts that the next read sees end of stream or a reset within {@code timeout}, and no more data.
     *
     * @param timeout how long to wait
     * @throws AssertionError if data arrives or the connection stays open
     */
    public void assertClosedByServer(Duration timeout) {
        if (unread.length > 0) {
            throw new AssertionError("Expected the server to close the connection, but it sent more data: "
                    + escape(new String(unread, StandardCharsets.ISO_8859_1)));
        }
        try {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            int b = in.read();
            if (b >= 0) {
                throw new AssertionError("Expected the server to close the connection, but it sent more data: "
                        + escape((char) b + available()));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close the connection within " + timeout);
        } catch (SocketException e) {
            // connection reset: closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restoreTimeout();
        }
    }

    /**
     * Asserts that nothing arrives, and the connection stays open, for {@code window}.
     *
     * @param window how long to watch
     * @throws AssertionError if data arrives or the server closes the connection
     */
    public void assertNoDataWithin(Duration window) {
        if (unread.length > 0) {
            throw new AssertionError("Expected no data within " + window + ", but received: "
                    + escape(new String(unread, StandardCharsets.ISO_8859_1)));
        }
        try {
            socket.setSoTimeout(Math.toIntExact(window.toMillis()));
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("The server closed the connection while it was expected to wait");
            }
            throw new AssertionError("Expected no data within " + window + ", but received: "
                    + escape((char) b + available()));
        } catch (SocketTimeoutException e) {
            // nothing arrived: as expected
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restoreTimeout();
        }
    }

    /**
     * Reads and counts everything until the connection ends (end of stream or reset).
     *
     * @param timeout how long each read may block
     * @return the number of bytes read (including any read but not yet returned)
     * @throws AssertionError if a read times out
     */
    public long drainUntilClosed(Duration timeout) {
        long total = unread.length;
        unread = new byte[0];
        byte[] buf = new byte[65536];
        try {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close the connection within " + timeout
                    + " (read " + total + " bytes)");
        } catch (SocketException e) {
            // reset: closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restoreTimeout();
        }
        ended = true;
        return total;
    }

    /** Closes the socket, as a client hanging up would; idempotent. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    // ---- reading ----

    private TestResponse read(boolean headRequest) {
        try {
            while (true) {
                try {
                    ResponseParser.Prefix prefix = ResponseParser.parseFirst(unread, headRequest, ended);
                    unread = Arrays.copyOfRange(unread, prefix.length(), unread.length);
                    return prefix.response();
                } catch (ResponseParser.Incomplete incomplete) {
                    if (ended) {
                        throw new UncheckedIOException(new IOException(
                                "The server closed the connection mid-response: " + incomplete.getMessage()));
                    }
                }
                fill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what the socket has (at least one byte, or end of stream). */
    private void fill() throws IOException {
        byte[] chunk = new byte[8192];
        int n;
        try {
            n = in.read(chunk);
        } catch (SocketException reset) {
            n = -1;
        }
        if (n < 0) {
            ended = true;
            return;
        }
        byte[] more = Arrays.copyOf(unread, unread.length + n);
        System.arraycopy(chunk, 0, more, unread.length, n);
        unread = more;
    }

    /** The body bytes that arrived before the end of stream, de-chunked if the response is chunked. */
    private byte[] partialBody(TestResponse head, int headLength) {
        byte[] rest = Arrays.copyOfRange(unread, headLength, unread.length);
        String te = head.header("Transfer-Encoding");
        if (te == null || !te.toLowerCase(java.util.Locale.ROOT).endsWith("chunked")) {
            String cl = head.header("Content-Length");
            int length = cl == null ? rest.length : (int) Math.min(rest.length, Long.parseLong(cl));
            return Arrays.copyOf(rest, length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < rest.length) {
            int eol = indexOfCrlf(rest, pos);
            if (eol < 0) {
                break;
            }
            String sizeLine = new String(rest, pos, eol - pos, StandardCharsets.ISO_8859_1);
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip(), 16);
            pos = eol + 2;
            int available = Math.min(size, rest.length - pos);
            body.write(rest, pos, available);
            pos += available + 2;
            if (size == 0 || available < size) {
                break;
            }
        }
        return body.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String available() throws IOException {
        byte[] more = new byte[4096];
        int n = in.available() > 0 ? in.read(more) : 0;
        return new String(more, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
    }

    private void restoreTimeout() {
        try {
            if (!socket.isClosed()) {
                socket.setSoTimeout(timeoutMillis);
            }
        } catch (SocketException e) {
            // closed meanwhile
        }
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
