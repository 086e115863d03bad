package dev.aurora.internal.controller;

import dev.aurora.error.BadRequestException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the text of one path parameter, query parameter or header into the type of the controller
 * parameter (or query record component, see {@link QueryRecordBinder}) it binds to: String, int,
 * long, double, boolean (or their wrappers), BigDecimal, UUID, the ISO-8601 {@code java.time} types
 * (LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration) or an enum.
 *
 * <p>Built at registration, one per controller parameter, with its failure message written out
 * already; immutable, then used by every connection's virtual thread.
 */
final class ValueConverter {
    /** For registration errors: what {@link #of} accepts. */
    static final String SUPPORTED = "String, int, long, double, boolean (or their wrappers), BigDecimal, UUID, "
            + "LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration or an enum";

    private final Function<String, Object> parse;
    private final String expectation;
    private final String failure;

    private ValueConverter(Function<String, Object> parse, String label, String expectation) {
        this.parse = parse;
        this.expectation = expectation;
        this.failure = expectation.isEmpty() ? label : label + " " + expectation;
    }

    /**
     * @param type the controller parameter's type
     * @param label how the value is named to clients, e.g. {@code Path parameter id}
     * @return a converter to {@code type}, or {@code null} if the type is not supported
     */
    static ValueConverter of(Class<?> type, String label) {
        if (type == String.class) {
            return new ValueConverter(s -> s, label, "");
        }
        if (type == int.class || type == Integer.class) {
            return new ValueConverter(s -> Integer.parseInt(integer(s)), label, "must be an int");
        }
        if (type == long.class || type == Long.class) {
            return new ValueConverter(s -> Long.parseLong(integer(s)), label, "must be a long");
        }
        if (type == double.class || type == Double.class) {
            return new ValueConverter(ValueConverter::parseDouble, label, "must be a number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new ValueConverter(ValueConverter::parseBoolean, label, "must be true or false");
        }
        if (type == UUID.class) {
            return new ValueConverter(ValueConverter::parseUuid, label, "must be a UUID");
        }
        if (type == BigDecimal.class) {
            return new ValueConverter(ValueConverter::parseDecimal, label, "must be a decimal number");
        }
        if (type == LocalDate.class) {
            return new ValueConverter(LocalDate::parse, label, "must be a date like 2026-12-31");
        }
        if (type == LocalTime.class) {
            return new ValueConverter(LocalTime::parse, label, "must be a time like 23:59 or 23:59:30");
        }
        if (type == LocalDateTime.class) {
            return new ValueConverter(LocalDateTime::parse, label, "must be a date-time like 2026-12-31T23:59:30");
        }
        if (type == OffsetDateTime.class) {
            return new ValueConverter(OffsetDateTime::parse, label, "must be a date-time with offset like 2026-12-31T23:59:30+01:00");
        }
        if (type == Instant.class) {
            return new ValueConverter(Instant::parse, label, "must be an instant like 2026-12-31T23:59:30Z");
        }
        if (type == Duration.class) {
            return new ValueConverter(Duration::parse, label, "must be an ISO-8601 duration like PT30S");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            String names = Stream.of(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
            return new ValueConverter(enumParser(constants), label, "must be one of " + names);
        }
        return null;
    }

    /**
     * Converts a request value.
     *
     * @throws BadRequestException naming the value and the expected type when it does not fit
     */
    Object convert(String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            // The client sent it, so it is a 400 with a message the client can act on, never a 500.
            throw new BadRequestException(failure);
        }
    }

    /**
     * Converts a value written in the controller (a query default), at registration.
     *
     * @throws IllegalArgumentException when it does not fit
     */
    Object parse(String value) {
        try {
            return parse.apply(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** What a value must look like, e.g. {@code must be a long}; empty when every string fits. */
    String expectation() {
        return expectation;
    }

    /** The message sent when a value does not fit, e.g. {@code Path parameter id must be a long}. */
    String failure() {
        return failure;
    }

    // Integer.parseInt also takes non-ASCII digits such as "١٢"; a URL should not.
    private static String integer(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && (c == '-' || c == '+') && s.length() > 1)) {
                throw new NumberFormatException(s);
            }
        }
        return s;
    }

    // new BigDecimal also takes exponents in the billions, which later arithmetic would choke on.
    private static Object parseDecimal(String s) {
        if (s.length() > 100) {
            throw new NumberFormatException("too long");
        }
        BigDecimal d = new BigDecimal(s);
        if (Math.abs(d.scale()) > 1_000) {
            throw new NumberFormatException(s);
        }
        return d;
    }

    // Double.parseDouble also takes "NaN", "Infinity", hex floats, "1d" and surrounding blanks.
    private static Object parseDouble(String s) {
        if (s.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        for (int i = 0; i < s.length(); i++) {
            if ("0123456789+-.eE".indexOf(s.charAt(i)) < 0) {
                throw new NumberFormatException(s);
            }
        }
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException(s);
        }
        return d;
    }

    private static Object parseBoolean(String s) {
        return switch (s) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    // UUID.fromString also takes short forms such as "1-1-1-1-1".
    private static Object parseUuid(String s) {
        if (s.length() != 36) {
            throw new IllegalArgumentException(s);
        }
        return UUID.fromString(s);
    }

    /** Exact name first, then case-insensitive unless two constants differ only in case. */
    private static Function<String, Object> enumParser(Object[] constants) {
        Map<String, Object> exact = new HashMap<>();
        Map<String, Object> folded = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Object c : constants) {
            String name = ((Enum<?>) c).name();
            exact.put(name, c);
            String key = name.toLowerCase(Locale.ROOT);
            if (folded.putIfAbsent(key, c) != null) {
                ambiguous.add(key);
            }
        }
        folded.keySet().removeAll(ambiguous);
        Map<String, Object> exactNames = Map.copyOf(exact);
        Map<String, Object> foldedNames = Map.copyOf(folded);
        return s -> {
            Object c = exactNames.get(s);
            if (c == null) {
                c = foldedNames.get(s.toLowerCase(Locale.ROOT));
            }
            if (c == null) {
                throw new IllegalArgumentException(s);
            }
            return c;
        };
    }
}
