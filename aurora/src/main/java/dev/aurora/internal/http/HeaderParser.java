package dev.aurora.internal.http;

import dev.aurora.ServerConfig;

/**
 * Parses the header field lines of a request head (RFC 9112 section 5).
 *
 * <p>Field rules: the name is a non-empty token immediately followed by a colon (whitespace before
 * the colon is refused, as it is a known smuggling vector); a line starting with whitespace is
 * obsolete line folding and refused; the value has its optional whitespace trimmed and may hold
 * only visible characters, spaces, tabs and obs-text: NUL, bare CR and every other control is
 * refused. {@code Host} must appear exactly once in HTTP/1.1 and be syntactically valid.
 *
 * <p>{@code Content-Length} is digits only; repeated values (in one field or several) must be
 * identical, else {@code 400}; a value too long to hold reads as {@code Long.MAX_VALUE}, over any
 * limit. How the body is then framed is {@link Framing}'s decision.
 * {@code Expect: 100-continue} is recorded; any other expectation gets {@code 417}.
 *
 * <p>What breaks the syntax or the framing throws {@link ProtocolException}: the connection cannot
 * be trusted and gets a plain answer. A head that is sound but cannot be served (no {@code Host}
 * in HTTP/1.1, {@code 417}, and {@link Framing#refusal}'s {@code 413} and {@code 501}) is parsed to
 * its end and marked {@link RequestHead#refusal()} instead, so the application answers it.
 *
 * <p>Stateless; runs on the connection's virtual thread.
 */
final class HeaderParser {
    private static final byte[] HOST = Ascii.bytes("host");
    private static final byte[] CONTENT_LENGTH = Ascii.bytes("content-length");
    private static final byte[] TRANSFER_ENCODING = Ascii.bytes("transfer-encoding");
    private static final byte[] CONNECTION = Ascii.bytes("connection");
    private static final byte[] EXPECT = Ascii.bytes("expect");
    private static final byte[] CLOSE = Ascii.bytes("close");
    private static final byte[] KEEP_ALIVE = Ascii.bytes("keep-alive");
    private static final byte[] CONTINUE = Ascii.bytes("100-continue");
    private static final int MAX_LENGTH_DIGITS = 18;

    private HeaderParser() {
    }

    static void parse(byte[] b, int base, RequestHead head, ServerConfig config) {
        TransferCodings codings = null;
        boolean unknownExpectation = false;
        for (int line = 1; line < head.lineCount; line++) {
            int start = base + head.lineStart[line];
            int end = base + head.lineEnd[line];
            if (Ascii.isOws(b[start])) {
                throw new ProtocolException(400, "Obsolete line folding is not allowed");
            }
            int colon = colonAfterName(b, start, end);
            int valueStart = Ascii.skipOws(b, colon + 1, end);
            int valueEnd = Ascii.trimOwsEnd(b, valueStart, end);
            checkFieldValue(b, valueStart, valueEnd);
            int i = head.headerCount++;
            head.nameStart[i] = start - base;
            head.nameEnd[i] = colon - base;
            head.valueStart[i] = valueStart - base;
            head.valueEnd[i] = valueEnd - base;

            int nameLength = colon - start;
            // Dispatch on the name's length first: most fields are none of these five.
            switch (nameLength) {
                case 4 -> {
                    if (Ascii.equalsLower(b, start, nameLength, HOST)) {
                        if (++head.hostCount > 1) {
                            throw new ProtocolException(400, "Multiple Host header fields");
                        }
                        if (!HostSyntax.isValid(b, valueStart, valueEnd)) {
                            throw new ProtocolException(400, "Invalid Host header field");
                        }
                        head.hostStart = valueStart - base;
                        head.hostEnd = valueEnd - base;
                    }
                }
                case 6 -> {
                    if (Ascii.equalsLower(b, start, nameLength, EXPECT)) {
                        if (Ascii.equalsLower(b, valueStart, valueEnd - valueStart, CONTINUE)) {
                            head.expectContinue = true;
                        } else {
                            unknownExpectation = true;
                        }
                    }
                }
                case 10 -> {
                    if (Ascii.equalsLower(b, start, nameLength, CONNECTION)) {
                        connectionOptions(b, valueStart, valueEnd, head);
                    }
                }
                case 14 -> {
                    if (Ascii.equalsLower(b, start, nameLength, CONTENT_LENGTH)) {
                        contentLength(b, valueStart, valueEnd, head);
                    }
                }
                case 17 -> {
                    if (Ascii.equalsLower(b, start, nameLength, TRANSFER_ENCODING)) {
                        if (codings == null) {
                            codings = new TransferCodings();
                        }
                        codings.add(b, valueStart, valueEnd);
                    }
                }
                default -> {
                }
            }
        }
        if (head.minorVersion == 1 && head.hostCount == 0) {
            head.refuse(new ProtocolException(400, "Missing Host header field"));
        }
        head.bodyFraming = Framing.request(codings, head.contentLength, head.minorVersion);
        ProtocolException bodyRefused = Framing.refusal(codings, head.contentLength, config.maxBodySize());
        if (bodyRefused != null) {
            head.refuse(bodyRefused);
        }
        if (unknownExpectation) {
            head.refuse(new ProtocolException(417, "Expectation Failed"));
        }
    }

    /** Index of the colon ending a field name (a non-empty token directly followed by ':'), or 400. */
    static int colonAfterName(byte[] b, int start, int end) {
        int colon = start;
        while (colon < end && Ascii.isTchar(b[colon])) {
            colon++;
        }
        if (colon == start || colon == end || b[colon] != ':') {
            throw new ProtocolException(400, "Malformed header field name");
        }
        return colon;
    }

    /** Refuses controls (NUL, CR, DEL, ...) in a field value; SP, HTAB, VCHAR and obs-text pass. */
    static void checkFieldValue(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Ascii.isFieldChar(b[i])) {
                throw new ProtocolException(400, "Invalid character in header field value");
            }
        }
    }

    /** Content-Length = 1*DIGIT, possibly repeated as a list of identical values. */
    private static void contentLength(byte[] b, int start, int end, RequestHead head) {
        int i = start;
        do {
            i = Ascii.skipOws(b, i, end);
            int digitsStart = i;
            long value = 0;
            while (i < end && Ascii.isDigit(b[i])) {
                // Past 18 digits no body limit can be met: saturate (a 413 refusal) instead of overflowing.
                value = i - digitsStart >= MAX_LENGTH_DIGITS ? Long.MAX_VALUE : value * 10 + (b[i] - '0');
                i++;
            }
            if (i == digitsStart) {
                throw new ProtocolException(400, "Invalid Content-Length");
            }
            i = Ascii.skipOws(b, i, end);
            if (i < end && b[i] != ',') {
                throw new ProtocolException(400, "Invalid Content-Length");
            }
            if (head.contentLength >= 0 && head.contentLength != value) {
                throw new ProtocolException(400, "Conflicting Content-Length values");
            }
            head.contentLength = value;
            if (i == end - 1) {
                throw new ProtocolException(400, "Invalid Content-Length");
            }
            i++;
        } while (i < end);
    }

    private static void connectionOptions(byte[] b, int start, int end, RequestHead head) {
        int i = start;
        while (i < end) {
            while (i < end && (b[i] == ',' || Ascii.isOws(b[i]))) {
                i++;
            }
            int tokenStart = i;
            while (i < end && b[i] != ',' && !Ascii.isOws(b[i])) {
                i++;
            }
            int length = i - tokenStart;
            if (Ascii.equalsLower(b, tokenStart, length, CLOSE)) {
                head.connectionClose = true;
            } else if (Ascii.equalsLower(b, tokenStart, length, KEEP_ALIVE)) {
                head.connectionKeepAlive = true;
            }
        }
    }
}
