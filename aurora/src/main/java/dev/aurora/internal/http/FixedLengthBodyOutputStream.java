package dev.aurora.internal.http;

import java.io.IOException;

/**
 * A streamed body whose length the handler declared with {@code Content-Length}: writing more is an
 * error, ending with less closes the connection (the client would otherwise wait for the rest).
 * Runs on the connection's virtual thread.
 */
public final class FixedLengthBodyOutputStream extends ResponseBodyStream {
    private long remaining;

    public FixedLengthBodyOutputStream(OutputBuffer out) {
        super(out);
    }

    public FixedLengthBodyOutputStream length(long length) {
        reset();
        remaining = length;
        return this;
    }

    @Override
    protected void writeBody(byte[] b, int off, int len) throws IOException {
        if (len > remaining) {
            throw new IOException("Body exceeds the declared Content-Length by " + (len - remaining) + " bytes");
        }
        remaining -= len;
        out.write(b, off, len);
    }

    @Override
    protected boolean end() {
        return remaining == 0;
    }
}
