package dev.aurora.internal.http;

/**
 * How a message body is delimited on the wire (RFC 9112 section 6). Requests use the first three;
 * responses all four. Decided by {@link Framing}.
 */
public enum BodyFraming {
    /** No body at all: no framing header, nothing follows the head. */
    NONE,
    /** {@code Content-Length} bytes follow the head. */
    LENGTH,
    /** {@code Transfer-Encoding: chunked}; the last chunk ends the body. */
    CHUNKED,
    /** The body runs until the connection closes: responses to HTTP/1.0 of unknown length. */
    CLOSE_DELIMITED
}
