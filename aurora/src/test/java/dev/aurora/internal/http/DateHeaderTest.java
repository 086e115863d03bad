package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code Date} line (RFC 9110 section 5.6.7, IMF-fixdate). */
class DateHeaderTest {
    private static final Pattern IMF_FIXDATE_LINE = Pattern.compile(
            "^Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} GMT\r\n$");

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.US_ASCII);
    }

    @Test
    void lineIsAnImfFixdateWithCrlf() {
        String line = text(DateHeader.line());
        assertTrue(IMF_FIXDATE_LINE.matcher(line).matches(), line);
    }

    @Test
    void lineIsTheCurrentTime() {
        String line = text(DateHeader.line());
        String date = line.substring("Date: ".length(), line.length() - 2);
        Instant parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration skew = Duration.between(parsed, Instant.now()).abs();
        assertTrue(skew.compareTo(Duration.ofSeconds(3)) < 0, "Date " + date + " is " + skew + " off");
    }

    @Test
    void sameArrayWithinOneSecond() {
        // Retry if a second boundary happens to fall between the two calls.
        for (int attempt = 0; attempt < 5; attempt++) {
            long before = System.currentTimeMillis() / 1000;
            byte[] first = DateHeader.line();
            byte[] second = DateHeader.line();
            long after = System.currentTimeMillis() / 1000;
            if (before == after) {
                assertSame(first, second);
                return;
            }
        }
        throw new AssertionError("could not call twice within one second");
    }

    @Test
    void everyLineIsWellFormed() {
        long end = System.nanoTime() + Duration.ofMillis(50).toNanos();
        while (System.nanoTime() < end) {
            String line = text(DateHeader.line());
            assertTrue(IMF_FIXDATE_LINE.matcher(line).matches(), line);
        }
    }
}
