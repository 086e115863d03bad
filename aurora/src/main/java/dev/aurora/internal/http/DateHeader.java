package dev.aurora.internal.http;

import java.time.LocalDate;
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
 *
 * <p>Writing a date is done by hand: {@code java.time.format} costs some 30 classes and a pattern
 * parse at the first response, which a command-line tool's start-up would pay. Reading one (a
 * conditional request's date) uses the formatters, loaded on first use.
 */
public final class DateHeader {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final int SECONDS_PER_DAY = 86_400;
    /** 1970-01-01 was a Thursday: index 3 of {@link #DAYS}. */
    private static final int EPOCH_DAY_OF_WEEK = 3;

    private record Line(long second, byte[] bytes) {
    }

    /** What {@link #parseHttpDate} returns for a text that is no HTTP date (any second is a date). */
    public static final long INVALID = Long.MIN_VALUE;

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
        long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int time = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(days);
        StringBuilder b = new StringBuilder(29);
        b.append(DAYS[(int) Math.floorMod(days + EPOCH_DAY_OF_WEEK, 7)]).append(", ");
        two(b, date.getDayOfMonth()).append(' ').append(MONTHS[date.getMonthValue() - 1]).append(' ');
        int year = date.getYear();
        if (year < 1000) {
            b.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        b.append(year).append(' ');
        two(b, time / 3600).append(':');
        two(b, time / 60 % 60).append(':');
        return two(b, time % 60).append(" GMT").toString();
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * Reads an HTTP date in any of the three forms RFC 9110 section 5.6.7 tells recipients to accept.
     *
     * @return epoch seconds, or {@link #INVALID} if {@code text} is none of them
     */
    public static long parseHttpDate(String text) {
        for (DateTimeFormatter format : Accepted.FORMATS) {
            try {
                return ZonedDateTime.parse(text.strip(), format).toEpochSecond();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return INVALID;
    }

    /** The formats a date is read in, built on the first date read. */
    private static final class Accepted {
        /** IMF-fixdate, then the obsolete RFC 850 and asctime forms. */
        static final DateTimeFormatter[] FORMATS = {
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC),
            // Two-digit years are read as 1950-2049 (RFC 9110: more than 50 years ahead means the past).
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
                    .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC),
        };

        private Accepted() {
        }
    }

    private static Line format(long second) {
        String text = "Date: " + httpDate(second) + "\r\n";
        return new Line(second, Ascii.bytes(text));
    }
}
