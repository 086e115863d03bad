package dev.aurora.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The stream a handler writes a streamed response body to. Subclasses frame the bytes (chunked,
 * fixed length, close-delimited, discarded for HEAD). Writes land in the connection's output buffer
 * and go out when it fills or on {@link #flush()}. Runs on the connection's virtual thread.
 */
public abstract sealed class ResponseBodyStream extends OutputStream
        permits ChunkedBodyOutputStream, FixedLengthBodyOutputStream, CloseDelimitedBodyOutputStream,
        DiscardingBodyOutputStream, EncodingBodyStream {
    protected final OutputBuffer out;
    private boolean finished;

    protected ResponseBodyStream(OutputBuffer out) {
        this.out = out;
    }

    /** Reuses the stream for a new response. */
    public void reset() {
        finished = false;
    }

    /** Reused by {@link #write(int)}, so byte-at-a-time writers do not allocate per byte. */
    private final byte[] one = new byte[1];

    @Override
    public final void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            throw new IOException("Response body already finished");
        }
        if (len > 0) {
            writeBody(b, off, len);
        }
    }

    @Override
    public final void flush() throws IOException {
        if (!finished) {
            flushBody();
            out.flush();
        }
    }

    /** Ends the body; later writes fail. Idempotent. */
    @Override
    public final void close() throws IOException {
        finish();
    }

    /**
     * Ends the body once.
     *
     * @return false if the body was incomplete and the connection must close
     */
    public final boolean finish() throws IOException {
        if (finished) {
            return true;
        }
        finished = true;
        return end();
    }

    public final boolean finished() {
        return finished;
    }

    /** Moves bytes the stream holds back into the output buffer before it is flushed. */
    protected void flushBody() throws IOException {
    }

    protected abstract void writeBody(byte[] b, int off, int len) throws IOException;

    /** Writes whatever ends the body; false if the body is incomplete. */
    protected abstract boolean end() throws IOException;
}
