package dev.aurora.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads a duration as people write it in config files and environment variables: {@code 30s},
 * {@code 250ms}, {@code 1h30m}, or ISO-8601 ({@code PT30S}). A bare number is refused, because
 * whether {@code 30} meant seconds or milliseconds is exactly the mistake worth catching.
 */
final class DurationText {
    static final String EXPECTED = "a duration such as 30s, 250ms, 1h30m or PT30S";

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the expected forms */
    static Duration parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got an empty value");
        }
        char first = value.charAt(0);
        if (first == 'P' || first == 'p' || first == '-' && value.length() > 1 && (value.charAt(1) == 'P' || value.charAt(1) == 'p')) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        return parseUnits(value, text);
    }

    /** A sequence of number+unit parts, largest units first by convention but not required. */
    private static Duration parseUnits(String value, String original) {
        Duration total = Duration.ZERO;
        int i = 0;
        int n = value.length();
        while (i < n) {
            int digitsStart = i;
            while (i < n && Character.isDigit(value.charAt(i))) {
                i++;
            }
            if (i == digitsStart) {
                throw invalid(original);
            }
            long amount;
            try {
                amount = Long.parseLong(value, digitsStart, i, 10);
            } catch (NumberFormatException e) {
                throw invalid(original);
            }
            while (i < n && value.charAt(i) == ' ') {
                i++;
            }
            int unitStart = i;
            while (i < n && Character.isLetter(value.charAt(i))) {
                i++;
            }
            if (unitStart == i) {
                throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + original
                        + "' (a number needs a unit)");
            }
            try {
                total = total.plus(part(amount, value.substring(unitStart, i).toLowerCase(Locale.ROOT), original));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("duration '" + original + "' is too long");
            }
            while (i < n && value.charAt(i) == ' ') {
                i++;
            }
        }
        return total;
    }

    private static Duration part(long amount, String unit, String original) {
        return switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "us", "µs" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "' in '" + original
                    + "': use ns, us, ms, s, m, h or d");
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
    }
}
