package dev.aurora.internal.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date: <IMF-fixdate>\r\n} header line (RFC 9110 section 5.6.7), formatted at most once a
 * second and shared by all connections. Any thread.
 */
public final class DateHeader {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Line(long second, byte[] bytes) {
    }

    private static volatile Line current = format(System.currentTimeMillis() / 1000);

    private DateHeader() {
    }

    /** The complete header line for the current second, CRLF included. */
    public static byte[] line() {
        long second = System.currentTimeMillis() / 1000;
        Line line = current;
        if (line.second != second) {
            line = format(second);
            current = line;
        }
        return line.bytes;
    }

    private static Line format(long second) {
        String text = "Date: " + IMF_FIXDATE.format(Instant.ofEpochSecond(second)) + "\r\n";
        return new Line(second, Ascii.bytes(text));
    }
}
