package dev.aurora.internal.http;

/**
 * A content coding a response may be sent in, put on a request before its handler runs (by
 * {@code Compression}) and consulted by the {@link ResponseWriter} once, as the response commits:
 * only then are status, type and length all known. Without one, a response costs one null check.
 *
 * <p>Implementations are shared by every connection; any thread.
 */
public interface ResponseEncoding {
    /**
     * Decides whether this response is encoded, and may edit its head to say so ({@code Vary},
     * {@code Content-Encoding}, a weakened {@code ETag}).
     *
     * @param contentType the {@code Content-Type} the response will have, or null
     * @param length the body length, or -1 when unknown
     * @param bodySent whether body bytes follow the head at all ({@link Framing#bodySent})
     * @param reusable the stream this connection used for an earlier encoded body, or null
     * @return a stream ready for {@link EncodingBodyStream#encodeWhole} or
     *     {@link EncodingBodyStream#begin}, or null to send the body as it is
     */
    EncodingBodyStream open(ResponseHead head, String contentType, long length, boolean bodySent,
            EncodingBodyStream reusable, OutputBuffer out);
}
