package dev.aurora.internal.http;

/**
 * The body stream of a response that has no body on the wire ({@code HEAD}, {@code 204},
 * {@code 304}): the handler writes as for GET and the bytes are dropped. Runs on the connection's
 * virtual thread.
 */
final class DiscardingBodyOutputStream extends ResponseBodyStream {
    DiscardingBodyOutputStream(OutputBuffer out) {
        super(out);
    }

    @Override
    protected void writeBody(byte[] b, int off, int len) {
    }

    @Override
    protected boolean end() {
        return true;
    }
}
