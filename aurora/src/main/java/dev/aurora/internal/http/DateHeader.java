package dev.aurora.internal.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The {@code Date: <IMF-fixdate>\r\n} header line (RFC 9110 section 5.6.7), formatted at most once a
 * second and shared by all connections. Any thread.
 */
public final class DateHeader {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** IMF-fixdate, then the obsolete RFC 850 and asctime forms. */
    private static final DateTimeFormatter[] ACCEPTED = {
        IMF_FIXDATE,
        // Two-digit years are read as 1950-2049 (RFC 9110: more than 50 years ahead means the past).
        new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
                .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
        DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC),
    };

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

    /** @return {@code second} as an IMF-fixdate, such as {@code Sun, 06 Nov 1994 08:49:37 GMT} */
    public static String httpDate(long epochSecond) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
    }

    /**
     * Reads an HTTP date in any of the three forms RFC 9110 section 5.6.7 tells recipients to accept.
     *
     * @return epoch seconds, or -1 if {@code text} is none of them
     */
    public static long parseHttpDate(String text) {
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return ZonedDateTime.parse(text.strip(), format).toEpochSecond();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return -1;
    }

    private static Line format(long second) {
        String text = "Date: " + httpDate(second) + "\r\n";
        return new Line(second, Ascii.bytes(text));
    }
}
