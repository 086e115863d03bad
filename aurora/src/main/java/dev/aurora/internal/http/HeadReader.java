package dev.aurora.internal.http;

import dev.aurora.ServerConfig;
import dev.aurora.TargetCharacters;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Receives one request head: reads until the empty line that ends it, splitting lines as bytes
 * arrive, then hands the lines to {@link RequestLineParser} and {@link HeaderParser}.
 *
 * <p>Rules enforced while bytes arrive, so a hostile client cannot make the server buffer more than
 * the limits: every line ends in CRLF (a bare LF is refused); leading empty lines before the request
 * line are skipped (RFC 9112 section 2.2); the request line is at most
 * {@link ServerConfig#maxRequestLineLength()} ({@code 414}); the header section at most
 * {@link ServerConfig#maxHeaderSize()} bytes and {@link ServerConfig#maxHeaderCount()} fields
 * ({@code 431}); the whole head must arrive before a deadline ({@code 408}), which is what cuts off a
 * slowloris client that sends one byte every few seconds.
 *
 * <p>Runs on the connection's virtual thread.
 */
public final class HeadReader {
    private static final long NANOS_PER_MILLI = 1_000_000;
    private final ServerConfig config;
    private final boolean[] targetChars;

    private static final byte TLS_HANDSHAKE_RECORD = 0x16;

    public HeadReader(ServerConfig config) {
        this.config = config;
        this.targetChars = Ascii.targetChars(config.targetCharacters() == TargetCharacters.STRICT);
    }

    /**
     * Reads and parses the next head into {@code head}.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which the whole head must have arrived
     * @return false when the stream ended before a complete head (the connection just closes);
     *     true for a head that parsed, also one that is to be refused once routed
     *     ({@link RequestHead#refusal()})
     * @throws ProtocolException for malformed input, exceeded limits and the header deadline
     */
    public boolean read(InputBuffer in, RequestHead head, long deadlineNanos) throws IOException {
        head.reset();
        in.beginRequest();
        int maxLine = config.maxRequestLineLength();
        int maxHeaderBytes = config.maxHeaderSize();
        int maxLines = head.lineStart.length;
        int scan = 0;
        int lineStart = 0;
        int lines = 0;
        int headersStart = -1;
        while (true) {
            byte[] b = in.array();
            int base = in.base();
            int limit = in.end() - base;
            for (; scan < limit; scan++) {
                if (b[base + scan] != Ascii.LF) {
                    continue;
                }
                if (scan == lineStart || b[base + scan - 1] != Ascii.CR) {
                    throw new ProtocolException(400, "Bare LF in request head");
                }
                int contentEnd = scan - 1;
                if (contentEnd == lineStart) {
                    if (lines > 0) {
                        head.lineCount = lines;
                        head.headLength = scan + 1;
                        in.headParsed(scan + 1);
                        RequestLineParser.parse(b, base, head, targetChars);
                        HeaderParser.parse(b, base, head, config);
                        return true;
                    }
                    if (scan + 1 > maxLine) {
                        throw new ProtocolException(400, "Too many empty lines before the request line");
                    }
                } else {
                    if (lines == 0) {
                        if (contentEnd - lineStart > maxLine) {
                            throw new ProtocolException(414, "URI Too Long");
                        }
                        headersStart = scan + 1;
                    } else if (scan + 1 - headersStart > maxHeaderBytes) {
                        throw new ProtocolException(431, "Request Header Fields Too Large");
                    }
                    if (lines == maxLines) {
                        throw new ProtocolException(431, "Too many header fields");
                    }
                    head.lineStart[lines] = lineStart;
                    head.lineEnd[lines] = contentEnd;
                    lines++;
                }
                lineStart = scan + 1;
            }
            // A TLS ClientHello (a handshake record, 0x16) never ends in a line: answer it now
            // rather than wait for a CRLF that will not come.
            if (lines == 0 && limit > lineStart && b[base + lineStart] == TLS_HANDSHAKE_RECORD) {
                throw new ProtocolException(400, "TLS handshake sent to a plain HTTP port: use http://, or the HTTPS port");
            }
            // A pending CR may end the request line, or be the final empty line: neither counts.
            if (lines == 0 && limit - lineStart > maxLine + 1) {
                throw new ProtocolException(414, "URI Too Long");
            }
            if (lines > 0 && limit - headersStart > maxHeaderBytes + 1) {
                throw new ProtocolException(431, "Request Header Fields Too Large");
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new ProtocolException(408, "Request Timeout");
            }
            int n;
            try {
                n = in.fill(millisRoundedUp(remaining));
            } catch (SocketTimeoutException e) {
                throw new ProtocolException(408, "Request Timeout");
            }
            if (n < 0) {
                return false;
            }
        }
    }

    /** A read timeout in whole milliseconds that never ends before {@code nanos}, at least 1. */
    private static int millisRoundedUp(long nanos) {
        long millis = (nanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }
}
