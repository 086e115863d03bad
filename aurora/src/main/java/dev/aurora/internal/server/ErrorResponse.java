package dev.aurora.internal.server;

import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.DateHeader;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.StatusLine;
import java.io.IOException;

/**
 * The response to a request that could not be parsed: status, a short text body naming the problem,
 * and {@code Connection: close}. Written where no {@link Exchange} exists. Runs on the connection's
 * virtual thread.
 */
final class ErrorResponse {
    private static final byte[] HEADERS = Ascii.bytes("Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
            + "Content-Length: ");

    private ErrorResponse() {
    }

    static void write(OutputBuffer out, int status, String message) throws IOException {
        out.write(StatusLine.of(status));
        out.write(DateHeader.line());
        out.write(HEADERS);
        out.writeDecimal(message.length());
        out.crlf();
        out.crlf();
        out.writeLatin1(message);
    }
}
