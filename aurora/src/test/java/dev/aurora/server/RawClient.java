package dev.aurora.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately dumb HTTP/1.1 client over a plain socket: writes exactly the bytes it is given and
 * parses one response at a time, strictly (CRLF line endings, framing per RFC 9112 section 6.3).
 * Every read has a socket timeout, so no test can hang on it.
 */
public final class RawClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/(\\d\\.\\d) (\\d{3}) (.*)");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int timeoutMillis;

    public RawClient(int port) {
        this(port, DEFAULT_TIMEOUT);
    }

    public RawClient(int port, Duration readTimeout) {
        this(port, readTimeout, 0);
    }

    /**
     * @param receiveBuffer SO_RCVBUF to request before connecting, or 0 for the default
     */
    public RawClient(int port, Duration readTimeout, int receiveBuffer) {
        try {
            socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            timeoutMillis = (int) readTimeout.toMillis();
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET target HTTP/1.1} with a Host header and nothing else. */
    public static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    public Socket socket() {
        return socket;
    }

    /** Writes the string as ISO-8859-1 bytes (so any byte 0-255 can be expressed). */
    public RawClient send(String latin1) {
        return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Reads one complete response; fails on any framing error or truncation. */
    public Response readResponse() {
        return read(false, true);
    }

    /** Reads the response to a HEAD request: headers only, whatever Content-Length says. */
    public Response readHeadResponse() {
        return read(true, true);
    }

    /**
     * Reads one response but tolerates the connection ending inside the body; the result then has
     * {@code complete == false}. The status line and headers must still be complete.
     */
    public Response readPartialResponse() {
        return read(false, false);
    }

    /** Asserts that the server closes the connection (EOF or reset) within the default timeout. */
    public void assertClosedByServer() {
        assertClosedByServer(DEFAULT_TIMEOUT);
    }

    /** Asserts that the next read sees EOF or a reset, within {@code timeout}, and no further data. */
    public void assertClosedByServer(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            int b = in.read();
            if (b >= 0) {
                byte[] more = new byte[4096];
                int n = Math.max(0, in.available() > 0 ? in.read(more) : 0);
                fail("Expected the server to close the connection, but it sent more data: "
                        + escape((char) b + new String(more, 0, n, StandardCharsets.ISO_8859_1)));
            }
        } catch (SocketTimeoutException e) {
            fail("The server did not close the connection within " + timeout);
        } catch (SocketException e) {
            // connection reset: closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restoreTimeout();
        }
    }

    /** Asserts that nothing arrives (and the connection stays open) for {@code window}. */
    public void assertNoDataWithin(Duration window) {
        try {
            socket.setSoTimeout((int) window.toMillis());
            int b = in.read();
            if (b < 0) {
                fail("The server closed the connection while it was expected to wait");
            }
            byte[] more = new byte[4096];
            int n = in.available() > 0 ? in.read(more) : 0;
            fail("Expected no data within " + window + ", but received: "
                    + escape((char) b + new String(more, 0, Math.max(0, n), StandardCharsets.ISO_8859_1)));
        } catch (SocketTimeoutException e) {
            // nothing arrived: as expected
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restoreTimeout();
        }
    }

    /** Reads and counts everything until the connection ends (EOF or reset) or {@code timeout} passes per read. */
    public long drainUntilClosed(Duration timeout) {
        long total = 0;
        byte[] buf = new byte[65536];
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            fail("The server did not close the connection within " + timeout + " (read " + total + " bytes)");
        } catch (SocketException e) {
            // reset: closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restoreTimeout();
        }
        return total;
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

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // ignore
        }
    }

    // ---- parsing ----

    private Response read(boolean headRequest, boolean strict) {
        try {
            String statusLine = readLine();
            if (statusLine == null) {
                throw new EOFException("Connection closed before a status line");
            }
            Matcher m = STATUS_LINE.matcher(statusLine);
            if (!m.matches()) {
                throw new IOException("Malformed status line: " + escape(statusLine));
            }
            int status = Integer.parseInt(m.group(2));
            List<String[]> headers = new ArrayList<>();
            String line;
            while (!(line = requireLine()).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon <= 0 || Character.isWhitespace(line.charAt(colon - 1)) || Character.isWhitespace(line.charAt(0))) {
                    throw new IOException("Malformed header line: " + escape(line));
                }
                headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
            }
            Response head = new Response(m.group(1), status, m.group(3), List.copyOf(headers), new byte[0], false, true);
            if (headRequest || status / 100 == 1 || status == 204 || status == 304) {
                return head;
            }
            String te = head.header("Transfer-Encoding");
            if (te != null) {
                if (!te.toLowerCase(Locale.ROOT).endsWith("chunked")) {
                    throw new IOException("Unsupported Transfer-Encoding: " + te);
                }
                return readChunked(head, strict);
            }
            String cl = head.header("Content-Length");
            if (cl != null) {
                int length = Integer.parseInt(cl);
                byte[] body = new byte[length];
                int got = 0;
                while (got < length) {
                    int n = in.read(body, got, length - got);
                    if (n < 0) {
                        if (strict) {
                            throw new EOFException("Connection closed after " + got + " of " + length + " body bytes");
                        }
                        return head.withBody(java.util.Arrays.copyOf(body, got), false, false);
                    }
                    got += n;
                }
                return head.withBody(body, false, true);
            }
            // close-delimited
            return head.withBody(in.readAllBytes(), false, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response readChunked(Response head, boolean strict) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            while (true) {
                String sizeLine = requireLine();
                int semicolon = sizeLine.indexOf(';');
                String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip();
                int size = Integer.parseInt(hex, 16);
                if (size == 0) {
                    while (!requireLine().isEmpty()) {
                        // trailer fields: ignored
                    }
                    return head.withBody(body.toByteArray(), true, true);
                }
                byte[] data = in.readNBytes(size);
                body.write(data);
                if (data.length < size) {
                    throw new EOFException("Connection closed inside a chunk");
                }
                String end = requireLine();
                if (!end.isEmpty()) {
                    throw new IOException("Chunk data not followed by CRLF");
                }
            }
        } catch (EOFException | SocketException e) {
            if (strict) {
                throw new EOFException("Chunked body truncated after " + body.size() + " bytes: " + e.getMessage());
            }
            return head.withBody(body.toByteArray(), true, false);
        }
    }

    private String requireLine() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new EOFException("Connection closed inside a response head");
        }
        return line;
    }

    /** One CRLF-terminated line without its CRLF; null on EOF before any byte. Bare LF is an error. */
    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (sb.isEmpty()) {
                    return null;
                }
                throw new EOFException("Connection closed inside a line: " + escape(sb.toString()));
            }
            if (b == '\n') {
                if (sb.isEmpty() || sb.charAt(sb.length() - 1) != '\r') {
                    throw new IOException("Bare LF in response after: " + escape(sb.toString()));
                }
                sb.setLength(sb.length() - 1);
                return sb.toString();
            }
            sb.append((char) b);
            if (sb.length() > 65536) {
                throw new IOException("Response line too long");
            }
        }
    }

    public static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    /**
     * One parsed response.
     *
     * @param chunked whether the body came in chunked coding
     * @param complete false when the connection ended inside the body (only from readPartialResponse)
     */
    public record Response(String version, int status, String reason, List<String[]> headerList, byte[] body,
            boolean chunked, boolean complete) {

        public Response withBody(byte[] bytes, boolean isChunked, boolean isComplete) {
            return new Response(version, status, reason, headerList, bytes, isChunked, isComplete);
        }

        /** The first value of the header (case-insensitive), or null. */
        public String header(String name) {
            for (String[] h : headerList) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        /** Every value of the header, in order. */
        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String[] h : headerList) {
                if (h[0].equalsIgnoreCase(name)) {
                    values.add(h[1]);
                }
            }
            return values;
        }

        public boolean hasHeader(String name) {
            return header(name) != null;
        }

        /** Whether a Connection header lists the {@code close} option. */
        public boolean connectionClose() {
            for (String value : headers("Connection")) {
                for (String token : value.split(",")) {
                    if (token.strip().equalsIgnoreCase("close")) {
                        return true;
                    }
                }
            }
            return false;
        }

        public String bodyString() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("HTTP/" + version + " " + status + " " + reason + "\n");
            for (String[] h : headerList) {
                sb.append(h[0]).append(": ").append(h[1]).append('\n');
            }
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
            return sb.append('\n').append(escape(text)).append(body.length > 300 ? "..." : "").toString();
        }
    }
}
