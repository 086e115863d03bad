package dev.aurora.json;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What was wrong with a JSON document, in the terms Aurora answers with: a {@link JsonCodec}
 * throws it, and Aurora turns it into a {@code 400} (with an {@code errors} entry whose {@code
 * pointer} names the member for {@link Problem#WRONG_TYPE}, {@link Problem#UNKNOWN_FIELD} and
 * {@link Problem#INVALID_VALUE}), or a {@code 413} for {@link Problem#TOO_LONG}.
 *
 * <p>Messages go to the client, so they describe the document, never the server's classes:
 * {@code "must be an integer"}, not {@code "Cannot deserialize value of type int"}.
 */
public final class JsonReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Enum constants listed in an error at most; a longer list is cut with an ellipsis. */
    private static final int MAX_CONSTANTS = 12;

    /** What kind of problem, which decides the status and the shape of the error. */
    public enum Problem {
        /** Not one JSON document: a syntax error, or content after the value ({@code 400}). */
        MALFORMED,
        /** A value whose JSON type the target does not take, or a text it cannot parse ({@code 400}, code {@code type}). */
        WRONG_TYPE,
        /** A member the target type does not declare ({@code 400}, code {@code unknown}). */
        UNKNOWN_FIELD,
        /** A value the target's constructor refused, such as a record's compact constructor ({@code 400}, code {@code invalid}). */
        INVALID_VALUE,
        /** A parser limit broken: nesting depth, number, string or name length, token count ({@code 400}). */
        LIMIT,
        /** A document longer than the codec's maximum length ({@code 413}). */
        TOO_LONG
    }

    /** The parser limits a document can break, each with the message that names it. */
    public enum Limit {
        /** Arrays and objects nested too deep. */
        NESTING_DEPTH("JSON nested deeper than %d levels"),
        /** One number with too many characters. */
        NUMBER_LENGTH("JSON number longer than %d characters"),
        /** One string value with too many characters. */
        STRING_LENGTH("JSON string longer than %d characters"),
        /** One member name with too many characters. */
        NAME_LENGTH("JSON field name longer than %d characters"),
        /** Too many tokens in the document. */
        TOKEN_COUNT("JSON document has more than %d tokens");

        private final String message;

        Limit(String message) {
            this.message = message;
        }
    }

    /** The kind of problem. */
    private final Problem problem;
    /** The JSON Pointer of the member at fault. */
    private final String pointer;
    /** The 1-based line, or -1. */
    private final long line;
    /** The 1-based column, or -1. */
    private final long column;

    /**
     * A failure to read a JSON body, with where it happened.
     *
     * @param problem the kind of problem
     * @param message what is wrong, for the client: for a member, relative to it ({@code "must be
     *     an integer"})
     * @param pointer the RFC 6901 JSON Pointer of the member ({@code "/authors/0/name"}), {@code ""}
     *     for the whole document
     * @param line the 1-based line where the problem was found, or -1 if unknown
     * @param column the 1-based column, or -1 if unknown
     */
    public JsonReadException(Problem problem, String message, String pointer, long line, long column) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.line = line;
        this.column = column;
    }

    /** {@return the kind of problem} */
    public Problem problem() {
        return problem;
    }

    /** {@return the JSON Pointer of the member at fault, {@code ""} for the document} */
    public String pointer() {
        return pointer;
    }

    /** {@return the 1-based line, or -1 if unknown} */
    public long line() {
        return line;
    }

    /** {@return the 1-based column, or -1 if unknown} */
    public long column() {
        return column;
    }

    /**
     * A {@link Problem#WRONG_TYPE} problem with a message saying what the target takes.
     *
     * @param pointer the member's JSON Pointer
     * @param target the type the member binds to
     * @param line the line, or -1
     * @param column the column, or -1
     * @return the exception
     */
    public static JsonReadException wrongType(String pointer, Type target, long line, long column) {
        return new JsonReadException(Problem.WRONG_TYPE, "must be " + expected(target), pointer, line, column);
    }

    /**
     * A {@link Problem#LIMIT} problem whose message names the limit and its value.
     *
     * @param limit which limit
     * @param max its value
     * @param line the line, or -1
     * @param column the column, or -1
     * @return the exception
     */
    public static JsonReadException limit(Limit limit, long max, long line, long column) {
        return new JsonReadException(Problem.LIMIT, limit.message.formatted(max), "", line, column);
    }

    /**
     * A {@link Problem#TOO_LONG} problem.
     *
     * @param maxBytes the maximum document length
     * @return the exception
     */
    public static JsonReadException tooLong(long maxBytes) {
        return new JsonReadException(Problem.TOO_LONG, "JSON body longer than " + maxBytes + " bytes", "", -1, -1);
    }

    /**
     * Appends one reference token to a JSON Pointer, escaping {@code ~} and {@code /} (RFC 6901).
     *
     * @param pointer the pointer so far, {@code ""} for the root
     * @param token a member name, or an array index as text
     * @return the longer pointer
     */
    public static String pointer(String pointer, String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return pointer + "/" + token;
        }
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Describes what JSON a target type takes, for error messages: {@code "an integer"}, {@code
     * "a string"}, {@code "an ISO-8601 date such as 2026-12-31"}, {@code "one of RED, GREEN"}.
     *
     * @param target a class or parameterized type; {@code Optional<T>} is described as {@code T}
     * @return the description, with its article
     */
    public static String expected(Type target) {
        if (target instanceof ParameterizedType p) {
            if (p.getRawType() == Optional.class) {
                return expected(p.getActualTypeArguments()[0]);
            }
            return expected(p.getRawType());
        }
        if (target instanceof GenericArrayType) {
            return "an array";
        }
        if (!(target instanceof Class<?> c)) {
            return "a JSON value";
        }
        if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
                || c == Long.class || c == Short.class || c == Byte.class || c == BigInteger.class) {
            return "an integer";
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class
                || c == BigDecimal.class || c == Number.class) {
            return "a number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == String.class || c == CharSequence.class || c == char.class || c == Character.class) {
            return "a string";
        }
        if (c == UUID.class) {
            return "a UUID string such as 123e4567-e89b-12d3-a456-426614174000";
        }
        if (c == LocalDate.class) {
            return "an ISO-8601 date such as 2026-12-31";
        }
        if (c == LocalDateTime.class) {
            return "an ISO-8601 date and time such as 2026-12-31T23:59:30";
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return "an ISO-8601 date and time with an offset such as 2026-12-31T23:59:30Z";
        }
        if (c == LocalTime.class) {
            return "an ISO-8601 time such as 23:59:30";
        }
        if (c == Duration.class) {
            return "an ISO-8601 duration such as PT30S";
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            String listed = Arrays.stream(constants).limit(MAX_CONSTANTS).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return "one of " + listed + (constants.length > MAX_CONSTANTS ? ", ..." : "");
        }
        if (c == byte[].class) {
            return "a base64 string";
        }
        if (c.isArray() || Collection.class.isAssignableFrom(c)) {
            return "an array";
        }
        if (c == Object.class) {
            return "a JSON value";
        }
        if (Map.class.isAssignableFrom(c) || !c.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another type";
    }
}
