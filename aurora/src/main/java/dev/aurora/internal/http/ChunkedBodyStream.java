package dev.aurora.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * A body in chunked transfer coding (RFC 9112 section 7.1), decoded as the handler reads it.
 *
 * <p>States: {@code SIZE} (a chunk-size line: hex digits, optional extensions, CRLF) ->
 * {@code DATA} (that many bytes) -> {@code DATA_END} (exactly CRLF) -> back to {@code SIZE}; a
 * zero size leads to {@code TRAILERS} (field lines until an empty line) -> {@code DONE}. Signs,
 * {@code 0x} prefixes, whitespace before the size, sizes that overflow, bare LF and a missing CRLF
 * after data are all {@code 400}; more decoded bytes than {@code maxBodySize} is {@code 413}, checked
 * against each chunk size before its data is read. Trailer fields are validated and dropped.
 *
 * <p>Runs on the connection's virtual thread.
 */
final class ChunkedBodyStream extends BodyStream {
    private static final int SIZE = 0;
    private static final int DATA = 1;
    private static final int DATA_END = 2;
    private static final int TRAILERS = 3;
    private static final int DONE = 4;
    private static final int MAX_SIZE_LINE = 4096;
    private static final int MAX_SIZE_DIGITS = 16;

    private final InputBuffer in;
    private final BodyDeadline deadline;
    private final long maxBodySize;
    private final int maxTrailerBytes;
    private final int maxTrailerCount;
    private int state;
    private long chunkRemaining;
    private long total;
    /** This request's limit: {@code maxBodySize} unless a route's {@code BodyLimit} set another. */
    private long limit;

    ChunkedBodyStream(InputBuffer in, BodyDeadline deadline, long maxBodySize, int maxTrailerBytes,
            int maxTrailerCount) {
        this.in = in;
        this.deadline = deadline;
        this.maxBodySize = maxBodySize;
        this.maxTrailerBytes = maxTrailerBytes;
        this.maxTrailerCount = maxTrailerCount;
    }

    /** Reuses this stream for the next request's body. */
    public ChunkedBodyStream restart() {
        state = SIZE;
        chunkRemaining = 0;
        total = 0;
        limit = maxBodySize;
        return this;
    }

    /** Sets this request's body limit (a route's own {@code BodyLimit}), above or below the server's. */
    public void limit(long max) {
        limit = max;
    }

    /** Body bytes announced by the chunk sizes read so far. */
    public long received() {
        return total;
    }

    @Override
    public boolean finished() {
        return state == DONE;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!advanceToData()) {
            return -1;
        }
        if (in.available() == 0 && deadline.fill(in) < 0) {
            throw new EOFException("Connection closed inside a chunk");
        }
        int n = in.take(b, off, (int) Math.min(len, chunkRemaining));
        consumed(n);
        return n;
    }

    @Override
    public boolean drain(long maxBytes, long deadlineNanos) throws IOException {
        long budget = maxBytes;
        long received = in.bytesRead();
        while (advanceToData()) {
            // Size lines and extensions count too, so framing cannot stretch the budget.
            if (chunkRemaining > budget || in.bytesRead() - received > maxBytes + MAX_SIZE_LINE
                    || System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            if (in.available() == 0 && deadline.fill(in) < 0) {
                return false;
            }
            int n = (int) Math.min(chunkRemaining, in.available());
            in.skip(n);
            budget -= n;
            consumed(n);
        }
        return true;
    }

    private void consumed(int n) {
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            state = DATA_END;
        }
    }

    /** Moves through size lines, chunk ends and trailers until data is next (true) or the body ends. */
    private boolean advanceToData() throws IOException {
        while (true) {
            switch (state) {
                case DATA -> {
                    return true;
                }
                case DONE -> {
                    return false;
                }
                case DATA_END -> {
                    int lineEnd = nextLine(Ascii.CRLF_LENGTH, 400);
                    if (lineEnd != in.pos()) {
                        throw new ProtocolException(400, "Chunk data not followed by CRLF");
                    }
                    in.skip(Ascii.CRLF_LENGTH);
                    state = SIZE;
                }
                case SIZE -> readSizeLine();
                case TRAILERS -> readTrailers();
                default -> throw new IllegalStateException();
            }
        }
    }

    private void readSizeLine() throws IOException {
        int lineEnd = nextLine(MAX_SIZE_LINE, 400);
        byte[] b = in.array();
        int i = in.pos();
        long size = 0;
        int digitsStart = i;
        while (i < lineEnd) {
            int v = Ascii.hexValue(b[i]);
            if (v < 0) {
                break;
            }
            if (i - digitsStart == MAX_SIZE_DIGITS) {
                throw new ProtocolException(400, "Chunk size overflow");
            }
            size = (size << 4) | v;
            i++;
        }
        if (i == digitsStart || size < 0) {
            throw new ProtocolException(400, "Malformed chunk size");
        }
        if (i < lineEnd) {
            chunkExtensions(b, i, lineEnd);
        }
        in.skip(lineEnd + Ascii.CRLF_LENGTH - in.pos());
        if (size > limit - total) {
            throw new ProtocolException(413, "Content Too Large");
        }
        total += size;
        if (size == 0) {
            state = TRAILERS;
        } else {
            chunkRemaining = size;
            state = DATA;
        }
    }

    /** chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] ); validated for shape and characters. */
    private static void chunkExtensions(byte[] b, int from, int to) {
        int i = Ascii.skipOws(b, from, to);
        if (i == to || b[i] != ';') {
            throw new ProtocolException(400, "Malformed chunk size");
        }
        HeaderParser.checkFieldValue(b, i, to);
    }

    private void readTrailers() throws IOException {
        int bytes = 0;
        int count = 0;
        while (true) {
            int lineEnd = nextLine(maxTrailerBytes - bytes + Ascii.CRLF_LENGTH, 431);
            byte[] b = in.array();
            int start = in.pos();
            if (lineEnd == start) {
                in.skip(Ascii.CRLF_LENGTH);
                state = DONE;
                return;
            }
            bytes += lineEnd - start + Ascii.CRLF_LENGTH;
            if (++count > maxTrailerCount || bytes > maxTrailerBytes) {
                throw new ProtocolException(431, "Trailer section too large");
            }
            int colon = HeaderParser.colonAfterName(b, start, lineEnd);
            HeaderParser.checkFieldValue(b, colon + 1, lineEnd);
            in.skip(lineEnd + Ascii.CRLF_LENGTH - start);
        }
    }

    /**
     * Waits until a CRLF-terminated line starting at the read position is buffered and returns the
     * absolute index of its CR. Bare LFs are refused with 400, lines longer than {@code maxLength}
     * with {@code tooLongStatus}.
     */
    private int nextLine(int maxLength, int tooLongStatus) throws IOException {
        int scanned = 0;
        while (true) {
            byte[] b = in.array();
            int start = in.pos();
            int end = in.end();
            for (int i = start + scanned; i < end; i++) {
                if (b[i] == Ascii.LF) {
                    if (i == start || b[i - 1] != Ascii.CR) {
                        throw new ProtocolException(400, "Bare LF in chunked body");
                    }
                    return i - 1;
                }
            }
            scanned = end - start;
            if (scanned > maxLength) {
                throw new ProtocolException(tooLongStatus, tooLongStatus == 431 ? "Trailer section too large"
                        : "Chunk line too long");
            }
            if (deadline.fill(in) < 0) {
                throw new EOFException("Connection closed inside a chunked body");
            }
        }
    }
}
