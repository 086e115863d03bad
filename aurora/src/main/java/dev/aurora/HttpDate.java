package dev.aurora;

import dev.aurora.internal.http.DateHeader;
import java.time.Instant;
import java.util.Optional;

/**
 * Formats and reads HTTP dates (RFC 9110 section 5.6.7), for fields such as {@code Last-Modified},
 * {@code Expires} and {@code Retry-After}.
 *
 * <pre>{@code
 * ctx.setHeader("Last-Modified", HttpDate.format(changed.updatedAt()));
 * HttpDate.parse(ctx.header("If-Modified-Since")).ifPresent(since -> ...);
 * }</pre>
 */
public final class HttpDate {
    private HttpDate() {
    }

    /**
     * Formats an instant as an IMF-fixdate; the fraction of its second is dropped.
     *
     * @param instant the time to format
     * @return the date, such as {@code Sun, 06 Nov 1994 08:49:37 GMT}
     */
    public static String format(Instant instant) {
        return DateHeader.httpDate(instant.getEpochSecond());
    }

    /**
     * Reads an HTTP date in any of the three forms recipients must accept: IMF-fixdate, the obsolete
     * RFC 850 form and asctime.
     *
     * @param text a field value, or null
     * @return the instant, or empty when {@code text} is null or not one valid HTTP date
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        long second = DateHeader.parseHttpDate(text);
        return second == DateHeader.INVALID ? Optional.empty() : Optional.of(Instant.ofEpochSecond(second));
    }
}
