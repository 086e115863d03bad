package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aurora.ServerConfig;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test-side plumbing for the HTTP/1.1 parsers: in-memory byte sources (optionally delivering at most
 * N bytes per read, optionally stalling with {@link SocketTimeoutException} once exhausted), input
 * buffers built over them, and a {@link #parse} that reads one request head and returns either the
 * parsed head or the {@link ProtocolException} status.
 */
final class Wire {
    static final String CRLF = "\r\n";
    static final ServerConfig DEFAULTS = ServerConfig.defaults();
    /** Timeout handed to body streams; the in-memory sources never wait. */
    static final int BODY_TIMEOUT_MILLIS = 1_000;

    /** Status reported by {@link #parse} when {@link HeadReader#read} returned false (stream ended). */
    static final int EOF = -1;

    private Wire() {
    }

    /** ISO-8859-1: every char 0-255 becomes exactly one byte, so tests can write any octet. */
    static byte[] bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("not a byte string: " + s);
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** An in-memory source: at most {@code piece} bytes per read, -1 once exhausted. */
    static Source source(byte[] data, int piece) {
        return new Source(data, piece, false);
    }

    /** Like {@link #source} but throws {@link SocketTimeoutException} once exhausted (a stalled peer). */
    static Source stalling(byte[] data, int piece) {
        return new Source(data, piece, true);
    }

    /** The input buffer the server would build for {@code config}, with a small initial capacity. */
    static InputBuffer buffer(ByteSource source, ServerConfig config) {
        return new InputBuffer(source, 256, maxReadBuffer(config), () -> {
        });
    }

    static InputBuffer buffer(byte[] data, int piece) {
        return buffer(source(data, piece), DEFAULTS);
    }

    static InputBuffer buffer(String data, int piece) {
        return buffer(bytes(data), piece);
    }

    /** Same formula as the connection uses for its read buffer limit. */
    static int maxReadBuffer(ServerConfig config) {
        return 2 * config.maxRequestLineLength() + config.maxHeaderSize() + 8192;
    }

    static long farDeadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    }

    static ChunkedBodyStream chunked(InputBuffer in, ServerConfig config) {
        return new ChunkedBodyStream(in, new BodyDeadline(BODY_TIMEOUT_MILLIS, 0, 0), config.maxBodySize(), config.maxHeaderSize(),
                config.maxHeaderCount()).restart();
    }

    static FixedLengthBodyStream fixed(InputBuffer in, long length) {
        return new FixedLengthBodyStream(in, new BodyDeadline(BODY_TIMEOUT_MILLIS, 0, 0)).restart(length);
    }

    static Parsed parse(String raw) {
        return parse(bytes(raw), DEFAULTS, Integer.MAX_VALUE);
    }

    static Parsed parse(String raw, ServerConfig config) {
        return parse(bytes(raw), config, Integer.MAX_VALUE);
    }

    static Parsed parse(String raw, ServerConfig config, int piece) {
        return parse(bytes(raw), config, piece);
    }

    /** Reads one head from {@code raw} delivered in pieces of at most {@code piece} bytes. */
    static Parsed parse(byte[] raw, ServerConfig config, int piece) {
        InputBuffer in = buffer(source(raw, piece), config);
        return next(in, new RequestHead(config.maxHeaderCount()), config);
    }

    /** Reads the next head from {@code in} into {@code head}. */
    static Parsed next(InputBuffer in, RequestHead head, ServerConfig config) {
        try {
            boolean read = new HeadReader(config).read(in, head, farDeadline());
            if (read && head.refusal() != null) {
                return new Parsed(in, head, head.refusal().status(), head.refusal());
            }
            return new Parsed(in, head, read ? 0 : EOF, null);
        } catch (ProtocolException e) {
            return new Parsed(in, head, e.status(), e);
        } catch (IOException e) {
            throw new AssertionError("unexpected I/O failure from an in-memory source", e);
        }
    }

    /** Parses {@code raw} and asserts that it is accepted. */
    static Parsed ok(String raw) {
        return ok(raw, DEFAULTS);
    }

    static Parsed ok(String raw, ServerConfig config) {
        Parsed p = parse(raw, config);
        p.assertOk(raw);
        return p;
    }

    /** Parses {@code raw} and asserts that it is refused with {@code status}. */
    static void rejects(int status, String raw) {
        rejects(status, raw, DEFAULTS);
    }

    static void rejects(int status, String raw, ServerConfig config) {
        Parsed p = parse(raw, config);
        assertEquals(status, p.status, () -> "status for " + escape(raw)
                + (p.error == null ? "" : " (message: " + p.error.getMessage() + ")"));
    }

    /**
     * Parses {@code raw} and asserts that the head parses but is marked refused with {@code status}
     * ({@link RequestHead#refusal()}), so the application's middleware answers it.
     */
    static Parsed refuses(int status, String raw, ServerConfig config) {
        Parsed p = parse(raw, config);
        assertEquals(status, p.status, () -> "status for " + escape(raw));
        assertEquals(p.error, p.head.refusal(), () -> escape(raw) + " must parse and be refused after routing, "
                + "not be refused as unparseable: " + p.error.getMessage());
        return p;
    }

    static Parsed refuses(int status, String raw) {
        return refuses(status, raw, DEFAULTS);
    }

    /** Parses {@code raw} and asserts that it is refused as unparseable: no head to route. */
    static void unparseable(int status, String raw) {
        unparseable(status, raw, DEFAULTS);
    }

    static void unparseable(int status, String raw, ServerConfig config) {
        Parsed p = parse(raw, config);
        assertEquals(status, p.status, () -> "status for " + escape(raw));
        assertEquals(null, p.head.refusal(), () -> escape(raw) + " must be refused before routing");
    }

    /** Printable form of raw bytes for failure messages. */
    static String escape(String raw) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String escape(byte[] raw) {
        return escape(latin1(raw, 0, raw.length));
    }

    /** The outcome of one {@link HeadReader#read}: status 0 = parsed, {@link #EOF}, or the error status. */
    static final class Parsed {
        final InputBuffer in;
        final RequestHead head;
        final int status;
        final ProtocolException error;

        Parsed(InputBuffer in, RequestHead head, int status, ProtocolException error) {
            this.in = in;
            this.head = head;
            this.status = status;
            this.error = error;
        }

        Parsed assertOk(String raw) {
            if (status != 0) {
                fail("expected " + escape(raw) + " to parse, got " + status
                        + (error == null ? "" : " (" + error.getMessage() + ")"));
            }
            return this;
        }

        private String slice(int start, int length) {
            return start < 0 ? null : latin1(in.array(), in.base() + start, length);
        }

        String method() {
            return head.method();
        }

        String target() {
            return slice(head.targetStart(), head.targetLength());
        }

        String path() {
            return slice(head.pathStart(), head.pathLength());
        }

        String query() {
            return head.queryStart() < 0 ? null : slice(head.queryStart(), head.queryLength());
        }

        String authority() {
            return head.authorityStart() < 0 ? null : slice(head.authorityStart(), head.authorityLength());
        }

        String name(int i) {
            return slice(head.nameStart(i), head.nameLength(i));
        }

        String value(int i) {
            return slice(head.valueStart(i), head.valueLength(i));
        }

        /** Every value of {@code name} (case-insensitive), in order. */
        List<String> values(String name) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < head.headerCount(); i++) {
                if (name(i).equalsIgnoreCase(name)) {
                    out.add(value(i));
                }
            }
            return out;
        }

        /** The first value of {@code name}, or null. */
        String header(String name) {
            List<String> v = values(name);
            return v.isEmpty() ? null : v.get(0);
        }
    }

    /** See {@link #source} and {@link #stalling}. Records the timeouts it was asked to wait. */
    static final class Source implements ByteSource {
        private final byte[] data;
        private final int piece;
        private final boolean stallAtEnd;
        private int at;
        final List<Integer> timeouts = new ArrayList<>();
        int reads;

        Source(byte[] data, int piece, boolean stallAtEnd) {
            if (piece < 1) {
                throw new IllegalArgumentException("piece " + piece);
            }
            this.data = data;
            this.piece = piece;
            this.stallAtEnd = stallAtEnd;
        }

        @Override
        public int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
            reads++;
            timeouts.add(timeoutMillis);
            if (len <= 0) {
                throw new AssertionError("read asked for " + len + " bytes (buffer full?)");
            }
            if (at == data.length) {
                if (stallAtEnd) {
                    throw new SocketTimeoutException("Read timed out");
                }
                return -1;
            }
            int n = Math.min(Math.min(len, piece), data.length - at);
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }

        int delivered() {
            return at;
        }
    }
}
