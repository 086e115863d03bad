package dev.aurora.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes one response into the connection's output buffer: commits the head with the framing
 * {@link Framing} decides, sends whole bodies or hands out a body stream, finishes the response
 * after the handler, and discards an unsent response so an error response can replace it.
 *
 * <p>The connection closes after this response when the client or the handler asked for it, the
 * server is draining, the connection's request limit is reached, an HTTP/1.0 body is
 * close-delimited, or the unread request body is too large to skip.
 *
 * <p>A {@link ResponseEncoding} on the request is consulted as the response commits; the body then
 * goes through its {@link EncodingBodyStream} in front of the framing stream.
 *
 * <p>One instance per connection, reset for every request; runs on the connection's virtual thread.
 */
public final class ResponseWriter {
    /** The default {@code Content-Type} of a whole body, as a header line and as the media type encodings see. */
    public enum BodyType {
        TEXT("text/plain; charset=utf-8", "text/plain"),
        BYTES("application/octet-stream", null),
        JSON("application/json", "application/json");

        final byte[] line;
        final String mediaType;

        BodyType(String value, String mediaType) {
            this.line = Ascii.bytes("Content-Type: " + value + "\r\n");
            this.mediaType = mediaType;
        }
    }

    private final OutputBuffer out;
    private final ResponseHead head;
    private final RequestBody body;
    private final BooleanSupplier draining;
    private final Consumer<ResponseHead> beforeCommit;
    private final ChunkedBodyOutputStream chunkedOut;
    private final FixedLengthBodyOutputStream fixedOut;
    private final CloseDelimitedBodyOutputStream closeDelimitedOut;
    private final DiscardingBodyOutputStream discardingOut;
    /** Made by the first encoding this connection used, and offered back to every later one. */
    private EncodingBodyStream encodedOut;
    private ResponseEncoding encoding;
    private RequestHead request;
    private boolean keepAllowed;
    private boolean closeAfter;
    /** A response failed after part of it left: it must not be ended as if complete. */
    private boolean broken;
    private ResponseBodyStream stream;
    /** Where this response starts, counted in all bytes this connection has ever produced. */
    private long responseStart;

    /**
     * @param draining whether the server is stopping, asked as each response commits
     * @param beforeCommit called with the head just before it is written, or null
     */
    public ResponseWriter(OutputBuffer out, ResponseHead head, RequestBody body, BooleanSupplier draining,
            Consumer<ResponseHead> beforeCommit) {
        this.out = out;
        this.head = head;
        this.body = body;
        this.draining = draining;
        this.beforeCommit = beforeCommit;
        this.chunkedOut = new ChunkedBodyOutputStream(out);
        this.fixedOut = new FixedLengthBodyOutputStream(out);
        this.closeDelimitedOut = new CloseDelimitedBodyOutputStream(out);
        this.discardingOut = new DiscardingBodyOutputStream(out);
        body.writer(this);
    }

    /**
     * Starts the response to a freshly parsed request.
     *
     * @param keepAllowed whether the connection may serve another request after this one
     */
    public void begin(RequestHead request, boolean keepAllowed) {
        this.request = request;
        this.keepAllowed = keepAllowed;
        this.encoding = null;
        this.broken = false;
        reset(0);
    }

    private void reset(int keepFields) {
        closeAfter = false;
        stream = null;
        if (encodedOut != null) {
            encodedOut.abandon();
        }
        if (keepFields < 0) {
            head.resetForError();
        } else {
            head.reset(keepFields);
        }
        responseStart = out.bytesWritten() + out.pending();
    }

    /** Lets this response be encoded, if {@code encoding} finds it should be when it commits. */
    public void encoding(ResponseEncoding encoding) {
        this.encoding = encoding;
    }

    /** Whether an encoding was put on this request: its response may be encoded. */
    public boolean encodingOffered() {
        return encoding != null;
    }

    /** Whether body bytes follow this response's head. */
    public boolean bodySent() {
        return Framing.bodySent(head.status(), "HEAD".equals(request.method()));
    }

    /** Sends text as the whole body, as UTF-8 ({@code text/plain} unless the handler set a type). */
    public void send(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                send(text.getBytes(StandardCharsets.UTF_8), BodyType.TEXT);
                return;
            }
        }
        try {
            // Pure ASCII: written char by char into the buffer, never encoded into an array first.
            if (encoding != null && negotiate(length, BodyType.TEXT) != null) {
                sendEncoded(text.getBytes(StandardCharsets.ISO_8859_1), length, BodyType.TEXT);
                return;
            }
            commit(length, BodyType.TEXT);
            if (bodySent()) {
                out.writeLatin1(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code bytes} as the whole body. */
    public void send(byte[] bytes, BodyType type) {
        send(bytes, bytes.length, type);
    }

    /** Sends the first {@code length} of {@code bytes} as the whole body. */
    public void send(byte[] bytes, int length, BodyType type) {
        try {
            if (encoding != null && negotiate(length, type) != null) {
                sendEncoded(bytes, length, type);
                return;
            }
            commit(length, type);
            if (bodySent()) {
                out.write(bytes, 0, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a whole body encoded: with a {@code Content-Length} when it fits one buffer, else streamed. */
    private void sendEncoded(byte[] bytes, int length, BodyType type) throws IOException {
        long encoded = encodedOut.encodeWhole(bytes, length);
        if (encoded >= 0) {
            commit(encoded, type);
            encodedOut.begin(fixedOut.length(encoded), true);
        } else {
            encodedOut.begin(streamOfUnknownLength(type), true);
        }
    }

    /** The stream for a body the handler writes itself; the same one on every call. */
    public OutputStream stream() {
        if (stream != null) {
            return stream;
        }
        try {
            EncodingBodyStream encoded = encoding == null ? null : negotiate(head.declaredLength(), null);
            if (!bodySent()) {
                commit(head.declaredLength(), null);
                discardingOut.reset();
                stream = discardingOut;
            } else if (encoded != null) {
                stream = encoded.begin(streamOfUnknownLength(null), false);
            } else if (head.declaredLength() >= 0) {
                commit(head.declaredLength(), null);
                stream = fixedOut.length(head.declaredLength());
            } else {
                stream = streamOfUnknownLength(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stream;
    }

    /**
     * Commits a head for a body of {@code length} that the caller writes straight to the socket,
     * past the buffer ({@link FileBody}).
     *
     * @return false, having changed nothing, when the response cannot go that way: already started,
     *     to be encoded, or without a body
     */
    boolean commitForDirectBody(long length) throws IOException {
        if (head.committed() || stream != null || encoding != null || !bodySent()) {
            return false;
        }
        commit(length, null);
        stream = fixedOut.length(0);
        return true;
    }

    /** Commits a body of unknown length: chunked, or close-delimited for HTTP/1.0. */
    private ResponseBodyStream streamOfUnknownLength(BodyType type) throws IOException {
        commit(-1, type);
        if (request.minorVersion() == 0) {
            closeDelimitedOut.reset();
            return closeDelimitedOut;
        }
        chunkedOut.reset();
        return chunkedOut;
    }

    /** Asks the encoding whether this body is encoded; if so, its stream is ready in {@link #encodedOut}. */
    private EncodingBodyStream negotiate(long length, BodyType type) {
        head.checkNotCommitted();
        String contentType = head.contentType();
        if (contentType == null && type != null) {
            contentType = type.mediaType;
        }
        // A 304 stands for the 200 it revalidates: judged by that one's declared length, not its own 0.
        long judged = Framing.statusAllowsBody(head.status()) ? length : head.declaredLength();
        EncodingBodyStream encoded = encoding.open(head, contentType, judged, bodySent(), encodedOut, out);
        if (encoded != null) {
            encodedOut = encoded;
            head.forgetDeclaredLength();
        }
        return encoded;
    }

    /**
     * Writes the head.
     *
     * @param length the body length, or -1 for a body of unknown length
     * @param type the default {@code Content-Type}, or null for none; used only when there is content
     */
    private void commit(long length, BodyType type) throws IOException {
        head.checkNotCommitted();
        if (beforeCommit != null) {
            beforeCommit.accept(head);
        }
        int status = head.status();
        BodyFraming framing = Framing.response(status, length, request.minorVersion());
        if (!keepAllowed || !request.keepAlive() || head.closeRequested() || draining.getAsBoolean()
                || !body.finished() && !body.skippable()
                || framing == BodyFraming.CLOSE_DELIMITED && bodySent()) {
            closeAfter = true;
        }
        // A default type describes content: none for an empty body or a status without one.
        byte[] defaultType = type == null || !Framing.hasContent(status, length) ? null : type.line;
        head.writeTo(out, defaultType, framing, Framing.declaredLength(status, length), closeAfter,
                request.minorVersion() == 0);
    }

    /**
     * Sends {@code 100 Continue} unless the final response has started.
     *
     * @return whether it was sent
     */
    boolean interimContinue() throws IOException {
        if (head.committed()) {
            return false;
        }
        out.write(StatusLine.continue100());
        out.flush();
        responseStart = out.bytesWritten() + out.pending();
        return true;
    }

    /**
     * Completes the response after the handler returned: sends an empty one if none was sent, ends a
     * streamed body, and skips an unread request body.
     *
     * @return whether the connection can serve another request
     */
    public boolean finish() throws IOException {
        if (broken) {
            return false;
        }
        if (!head.committed() && stream == null) {
            commit(0, null);
        }
        if (stream != null && !stream.finish()) {
            closeAfter = true;
        }
        if (closeAfter || out.failed()) {
            return false;
        }
        return body.finished() || body.drain();
    }

    /**
     * Prepares to answer a failure: if nothing of this response has left the buffer, it is
     * discarded (keeping the fields marked to survive) so an error response can replace it;
     * otherwise the stream is beyond repair and the connection must close without completing it.
     *
     * @param close whether the connection closes after the error response
     * @return whether an error response can be written
     */
    public boolean resetForError(boolean close) {
        if (out.failed() || out.bytesWritten() > responseStart) {
            abandon();
            return false;
        }
        out.truncate((int) (responseStart - out.bytesWritten()));
        reset(-1);
        closeAfter = close;
        return true;
    }

    /** The client is gone or the response broke off: end the connection without completing it. */
    public void abandon() {
        closeAfter = true;
        broken = true;
    }

    /** The connection is closing: gives back what an encoded body that never ended still holds. */
    public void release() {
        if (encodedOut != null) {
            encodedOut.abandon();
        }
    }

    /** Response bytes so far, status line and headers included. */
    public long bytesOut() {
        return out.bytesWritten() + out.pending() - responseStart;
    }

    /** Whether a socket write of this connection failed. */
    public boolean outputFailed() {
        return out.failed();
    }

    OutputBuffer output() {
        return out;
    }
}
