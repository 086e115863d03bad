package dev.aurora.internal.http;

import java.io.IOException;

/**
 * A response body in a content coding (RFC 9110 section 8.4.1), passed on encoded to the stream
 * that frames it. Made by a {@link ResponseEncoding} and kept by the connection's
 * {@link ResponseWriter} for reuse; runs on the connection's virtual thread.
 */
public abstract non-sealed class EncodingBodyStream extends ResponseBodyStream {
    protected EncodingBodyStream(OutputBuffer out) {
        super(out);
    }

    /**
     * Encodes a whole body known in advance, as far as one buffer holds it, before the head is
     * written.
     *
     * @return the complete encoded length if it all fit, so it can go with a {@code Content-Length};
     *     -1 when the body must be streamed instead
     */
    public abstract long encodeWhole(byte[] body, int length);

    /**
     * Starts the encoded body on {@code target}, which frames it; for a body given to
     * {@link #encodeWhole} also writes the rest and ends it.
     */
    public abstract EncodingBodyStream begin(ResponseBodyStream target, boolean wholeBody) throws IOException;

    /** Gives back whatever this body borrowed when it will never end normally. Idempotent. */
    public abstract void abandon();
}
