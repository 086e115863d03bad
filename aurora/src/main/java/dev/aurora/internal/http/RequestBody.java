package dev.aurora.internal.http;

import dev.aurora.ServerConfig;
import dev.aurora.error.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;

/**
 * The body of the current request: read whole ({@link #bytes()}) or as a stream, limited, and
 * dropped after the handler when it went unread.
 *
 * <p>A client that sent {@code Expect: 100-continue} holds its body back until told to go on: the
 * {@code 100 Continue} goes out the moment the body is first read, and never once the final response
 * has started. If the handler never reads it, nothing is sent, and the connection closes after the
 * response instead of waiting for a body that will not come.
 *
 * <p>One instance per connection, reset for every request; runs on the connection's virtual thread.
 */
public final class RequestBody {
    /** The largest body {@link #bytes()} can return as one array; larger ones need the stream. */
    private static final long MAX_ARRAY_BODY = Integer.MAX_VALUE - 8;
    /** Up to this declared length the array is made at once; beyond, it grows as bytes arrive. */
    private static final int EXACT_BODY_ARRAY = 64 * 1024;

    private final InputBuffer input;
    private final FixedLengthBodyStream fixed;
    private final ChunkedBodyStream chunked;
    private final BodyDeadline deadline;
    private final long maxDrainSize;
    private final long maxBodySize;
    private final long drainTimeoutNanos;
    private ResponseWriter writer;
    private RequestHead head;
    private BodyStream stream = BodyStream.EMPTY;
    private byte[] bytes;
    private boolean continueSent;
    /** This request's limit: {@code maxBodySize} unless a route's {@code BodyLimit} set another. */
    private long limit;

    public RequestBody(InputBuffer input, ServerConfig config) {
        this.input = input;
        this.deadline = new BodyDeadline(config);
        this.fixed = new FixedLengthBodyStream(input, deadline);
        this.chunked = new ChunkedBodyStream(input, deadline, config.maxBodySize(), config.maxHeaderSize(),
                config.maxHeaderCount());
        this.maxDrainSize = config.maxDrainSize();
        this.maxBodySize = config.maxBodySize();
        // The unread rest must arrive within one header timeout, not drip for days.
        this.drainTimeoutNanos = config.headerTimeout().toNanos();
    }

    /** The writer that sends {@code 100 Continue}; set once, as the two are made together. */
    void writer(ResponseWriter writer) {
        this.writer = writer;
    }

    /** Starts the body of a freshly parsed head. */
    public void begin(RequestHead head) {
        this.head = head;
        deadline.restart();
        this.stream = switch (head.bodyFraming()) {
            case LENGTH -> fixed.restart(head.contentLength());
            case CHUNKED -> chunked.restart();
            case NONE, CLOSE_DELIMITED -> BodyStream.EMPTY;
        };
        bytes = null;
        continueSent = false;
        limit = maxBodySize;
    }

    /**
     * Sets this request's body limit ({@code BodyLimit}), above or below the server's
     * {@code maxBodySize}. A declared length over it is refused at once, before any byte is read;
     * a chunked body is refused ({@code 413}) when its chunks pass it.
     */
    public void limit(long max) {
        limit = max;
        if (bytes != null && bytes.length > max) {
            throw tooLarge();
        }
        checkDeclaredLength();
        if (head.bodyFraming() == BodyFraming.CHUNKED) {
            chunked.limit(max);
        }
    }

    /** Refuses ({@code 413}) a declared length over this request's limit. */
    public void checkDeclaredLength() {
        if (head.bodyFraming() == BodyFraming.LENGTH && head.contentLength() > limit) {
            throw tooLarge();
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("Request body larger than " + limit + " bytes");
    }

    /** The whole body, read on first use; {@code 413} past what an array holds, {@code 408} on a stall. */
    public byte[] bytes() {
        if (bytes == null) {
            try {
                BodyStream in = start();
                if (head.contentLength() > MAX_ARRAY_BODY) {
                    throw new ProtocolException(413, "Content Too Large for an in-memory body");
                }
                bytes = head.bodyFraming() == BodyFraming.LENGTH ? readDeclared(in) : in.readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new ProtocolException(408, "Request body timed out");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    /** A small declared length gets one exact array; a large one grows as bytes actually arrive. */
    private byte[] readDeclared(BodyStream in) throws IOException {
        int length = (int) head.contentLength();
        byte[] body;
        int n;
        if (length <= EXACT_BODY_ARRAY) {
            body = new byte[length];
            n = in.readNBytes(body, 0, length);
        } else {
            body = in.readNBytes(length);
            n = body.length;
        }
        if (n < length) {
            throw new EOFException("Connection closed before the end of the body");
        }
        return body;
    }

    /** The body as a stream; after {@link #bytes()}, over the bytes already read. */
    public InputStream stream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body will be read: if the client waits for {@code 100 Continue}, send it now. */
    private BodyStream start() throws IOException {
        if (head.refusal() != null) {
            // A refused request's body is never read, whatever middleware asks for it.
            throw head.refusal();
        }
        // A route may have raised the pre-routing bound; middleware that reads before its BodyLimit gets this one.
        checkDeclaredLength();
        if (head.expectContinue() && !continueSent && !stream.finished() && input.available() == 0
                && head.minorVersion() == 1) {
            continueSent = writer.interimContinue();
        }
        return stream;
    }

    /** Whether every byte of the body has been read (or there was none). */
    public boolean finished() {
        return stream.finished();
    }

    /** Whether an unread body can be read and dropped after the handler, keeping the connection. */
    boolean skippable() {
        boolean clientWaitsForContinue = head.expectContinue() && !continueSent && input.available() == 0;
        return !clientWaitsForContinue && head.refusal() == null && stream.drainable(maxDrainSize);
    }

    /**
     * Reads and drops what the handler left unread.
     *
     * @return whether the connection can read the next request
     */
    boolean drain() {
        try {
            return stream.drain(maxDrainSize, System.nanoTime() + drainTimeoutNanos);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Body bytes as the client framed them: the declared length, or the chunk sizes read so far. */
    public long received() {
        return switch (head.bodyFraming()) {
            case LENGTH -> head.contentLength();
            case CHUNKED -> chunked.received();
            case NONE, CLOSE_DELIMITED -> 0;
        };
    }
}
