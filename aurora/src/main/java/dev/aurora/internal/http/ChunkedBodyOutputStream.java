package dev.aurora.internal.http;

import java.io.IOException;

/**
 * Streams a response body in chunked coding: each write becomes one chunk in the output buffer;
 * {@link #finish()} writes the last chunk. Runs on the connection's virtual thread.
 */
public final class ChunkedBodyOutputStream extends ResponseBodyStream {
    public ChunkedBodyOutputStream(OutputBuffer out) {
        super(out);
    }

    @Override
    protected void writeBody(byte[] b, int off, int len) throws IOException {
        out.writeHex(len);
        out.crlf();
        out.write(b, off, len);
        out.crlf();
    }

    @Override
    protected boolean end() throws IOException {
        out.write('0');
        out.crlf();
        out.crlf();
        return true;
    }
}
