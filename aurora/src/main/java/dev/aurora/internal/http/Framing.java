package dev.aurora.internal.http;

/**
 * The message framing rules of RFC 9112 section 6, for both directions in one place: how a request
 * body is delimited, which responses carry a body, how a response body is delimited, and whether a
 * connection survives an exchange.
 *
 * <p>Requests (section 6.3), checked in that order:
 * <ul>
 *   <li>{@code Transfer-Encoding} and {@code Content-Length} together: {@code 400}, so the CL.TE and
 *       TE.CL smuggling shapes never reach a handler;</li>
 *   <li>{@code Transfer-Encoding} in HTTP/1.0: {@code 400};</li>
 *   <li>{@code Transfer-Encoding} whose final coding is not {@code chunked}, or that names
 *       {@code chunked} twice: {@code 400}; any other coding before it: {@code 501} (none is
 *       decoded);</li>
 *   <li>a {@code Content-Length} over the body limit: {@code 413}; zero or absent: no body.</li>
 * </ul>
 * The {@code 400}s leave the message's end unknown: the head is answered as unparseable. The
 * {@code 501} and {@code 413} come with a sound head, so they are {@linkplain RequestHead#refusal()
 * refusals} the application's middleware answers.
 *
 * <p>Responses: {@code 1xx}, {@code 204} and {@code 304} have no body and no framing header
 * (RFC 9110 sections 15.2, 15.3.5, 15.4.5); {@code 205} has an empty body, declared as
 * {@code Content-Length: 0}; a response to {@code HEAD} has its headers but no body. A body of known
 * length gets {@code Content-Length}; one of unknown length is chunked, or close-delimited for an
 * HTTP/1.0 client, which cannot read chunks.
 *
 * <p>Stateless; any thread.
 */
public final class Framing {
    private Framing() {
    }

    /**
     * Decides the request body's framing from its parsed fields.
     *
     * @param codings the transfer codings across all {@code Transfer-Encoding} fields, or null if
     *     there were none
     * @param contentLength the {@code Content-Length} value, or -1 if there was none
     * @throws ProtocolException when the framing itself is refused, so the message's end is unknown
     */
    static BodyFraming request(TransferCodings codings, long contentLength, int minorVersion) {
        if (codings != null) {
            if (contentLength >= 0) {
                throw new ProtocolException(400, "Both Transfer-Encoding and Content-Length");
            }
            if (minorVersion == 0) {
                throw new ProtocolException(400, "Transfer-Encoding is not allowed in HTTP/1.0");
            }
            if (!codings.endsWithSingleChunked()) {
                throw new ProtocolException(400, "Transfer-Encoding must end with a single chunked");
            }
            return BodyFraming.CHUNKED;
        }
        return contentLength > 0 ? BodyFraming.LENGTH : BodyFraming.NONE;
    }

    /**
     * Why a body whose framing {@link #request} accepted is refused all the same: a coding before
     * {@code chunked} ({@code 501}; none is decoded) or a declared length over the limit
     * ({@code 413}). The head is sound, so the application may answer it.
     *
     * @return the refusal, or null when the body may be read
     */
    static ProtocolException refusal(TransferCodings codings, long contentLength, long maxBodySize) {
        if (codings != null && codings.count() > 1) {
            return new ProtocolException(501, "Transfer coding not implemented");
        }
        // Long.MAX_VALUE stands for more digits than a long holds: over any limit.
        if (contentLength > maxBodySize || contentLength == Long.MAX_VALUE) {
            return new ProtocolException(413, "Content Too Large");
        }
        return null;
    }

    /** Whether a response with this status may have content at all: not 1xx, 204 or 304. */
    public static boolean statusAllowsBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    /**
     * Whether a response has content, sent or not (a {@code HEAD} response describes the content
     * its {@code GET} would have): not for 1xx, 204, 205 and 304, nor for an empty body.
     *
     * @param length the body length, or -1 when unknown (streamed)
     */
    public static boolean hasContent(int status, long length) {
        return statusAllowsBody(status) && status != 205 && length != 0;
    }

    /** Whether body bytes follow this response's head on the wire. */
    public static boolean bodySent(int status, boolean headRequest) {
        return statusAllowsBody(status) && status != 205 && !headRequest;
    }

    /**
     * The framing of a response.
     *
     * @param length the body length, or -1 when unknown (streamed)
     * @param minorVersion the request's HTTP minor version
     */
    public static BodyFraming response(int status, long length, int minorVersion) {
        if (!statusAllowsBody(status)) {
            return BodyFraming.NONE;
        }
        if (status == 205 || length >= 0) {
            return BodyFraming.LENGTH;
        }
        return minorVersion == 0 ? BodyFraming.CLOSE_DELIMITED : BodyFraming.CHUNKED;
    }

    /** The {@code Content-Length} a response declares: 0 for {@code 205}, else the body's length. */
    public static long declaredLength(int status, long length) {
        return status == 205 ? 0 : length;
    }
}
