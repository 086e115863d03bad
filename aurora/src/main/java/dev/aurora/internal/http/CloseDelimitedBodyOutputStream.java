package dev.aurora.internal.http;

import java.io.IOException;

/**
 * A streamed body for an HTTP/1.0 client, which cannot receive chunked coding: the body ends when
 * the connection closes. Runs on the connection's virtual thread.
 */
public final class CloseDelimitedBodyOutputStream extends ResponseBodyStream {
    public CloseDelimitedBodyOutputStream(OutputBuffer out) {
        super(out);
    }

    @Override
    protected void writeBody(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    protected boolean end() {
        return false;
    }
}
