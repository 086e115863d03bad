package dev.aurora.internal.http;

import java.io.IOException;

/**
 * The response to a request that could not be parsed: status, a short text body naming the problem,
 * and {@code Connection: close}. Written where no exchange exists (a head that failed to parse, an overload refusal). Runs on the connection's
 * virtual thread.
 */
public final class ErrorResponse {
    private static final byte[] HEADERS = Ascii.bytes("Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
            + "Content-Length: ");

    private ErrorResponse() {
    }

    public static void write(OutputBuffer out, int status, String message) throws IOException {
        write(out, status, message, null);
    }

    /**
     * The same with extra header fields before the fixed ones.
     *
     * @param fieldLines whole header lines, each ending in CRLF, or null for none
     */
    public static void write(OutputBuffer out, int status, String message, byte[] fieldLines) throws IOException {
        out.write(StatusLine.of(status));
        out.write(DateHeader.line());
        if (fieldLines != null) {
            out.write(fieldLines);
        }
        out.write(HEADERS);
        out.writeDecimal(message.length());
        out.crlf();
        out.crlf();
        out.writeLatin1(message);
    }
}
