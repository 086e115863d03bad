package dev.aurora.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.JsonConfig;
import dev.aurora.json.JacksonCodec;
import dev.aurora.json.JsonCodec;
import dev.aurora.json.JsonReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jackson 3 codec answers every document as the default Jackson 2 codec does: the same value,
 * or the same problem at the same pointer with the same message, strict and lenient alike.
 */
class CodecParityTest {
    private static final JsonConfig LIMITS = JsonConfig.defaults().withMaxNestingDepth(8).withMaxStringLength(32)
            .withMaxNumberLength(12).withMaxNameLength(16).withMaxDocumentLength(400);
    private static final JsonCodec JACKSON2 = JacksonCodec.of(LIMITS);
    private static final JsonCodec JACKSON3 = Jackson3Codec.of(LIMITS);

    public enum Genre { FICTION, POETRY }

    public record Author(String name, Optional<String> country) {
    }

    public record Book(String title, int year, Integer pages, boolean inPrint, double rating, Genre genre,
            LocalDate published, List<Author> authors) {
    }

    public record Event(Instant at, OffsetDateTime local, Duration length) {
    }

    public record Positive(int n) {
        public Positive {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive");
            }
        }
    }

    static Stream<Arguments> documents() {
        String book = "{\"title\":\"Dune\",\"year\":1965,\"pages\":412,\"inPrint\":true,\"rating\":4.5,"
                + "\"genre\":\"FICTION\",\"published\":\"1965-08-01\",\"authors\":[{\"name\":\"Frank\",\"country\":null}]}";
        return Stream.of(
                Arguments.of(book, Book.class),
                Arguments.of("{\"title\":\"Dune\",\"year\":1965.5}", Book.class),
                Arguments.of("{\"title\":\"Dune\",\"year\":\"1965\"}", Book.class),
                Arguments.of("{\"title\":1965}", Book.class),
                Arguments.of("{\"title\":true}", Book.class),
                Arguments.of("{\"year\":null}", Book.class),
                Arguments.of("{\"inPrint\":1}", Book.class),
                Arguments.of("{\"inPrint\":\"true\"}", Book.class),
                Arguments.of("{\"rating\":\"4.5\"}", Book.class),
                Arguments.of("{\"rating\":4}", Book.class),
                Arguments.of("{\"genre\":1}", Book.class),
                Arguments.of("{\"genre\":\"DRAMA\"}", Book.class),
                Arguments.of("{\"published\":\"1965-02-30\"}", Book.class),
                Arguments.of("{\"authors\":[{\"name\":\"a\"},{\"name\":[1]}]}", Book.class),
                Arguments.of("{\"authors\":[{\"nom\":\"a\"}]}", Book.class),
                Arguments.of("{\"title\":\"Dune\"} []", Book.class),
                Arguments.of("{\"title\":", Book.class),
                Arguments.of("{\"title\" \"Dune\"}", Book.class),
                Arguments.of("[[[[[[[[[]]]]]]]]]", Object.class),
                Arguments.of("\"" + "x".repeat(33) + "\"", String.class),
                Arguments.of("1234567890123", Long.class),
                Arguments.of("{\"" + "k".repeat(17) + "\":1}", Map.class),
                Arguments.of("[" + "1,".repeat(200) + "1]", List.class),
                Arguments.of("{\"n\":0}", Positive.class),
                Arguments.of("{\"n\":3}", Positive.class),
                Arguments.of("{\"at\":\"2026-12-04T10:15:30Z\",\"local\":\"2026-12-05T09:00:00+02:00\",\"length\":\"PT14H\"}",
                        Event.class),
                Arguments.of("{\"a/b~c\":\"x\"}", MAP_OF_INTEGERS),
                Arguments.of("null", Book.class));
    }

    private static final Type MAP_OF_INTEGERS = new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {
    }.getType();

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void lenientReadsAgree(String json, Type type) {
        assertEquals(outcome(JACKSON2, json, type, false), outcome(JACKSON3, json, type, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void strictReadsAgree(String json, Type type) {
        assertEquals(outcome(JACKSON2, json, type, true), outcome(JACKSON3, json, type, true));
    }

    @org.junit.jupiter.api.Test
    void aPrimitiveComponentLeftOutTakesItsDefaultInStrictModeToo() throws Exception {
        byte[] json = "{\"title\":\"Dune\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (JsonCodec codec : List.of(JACKSON2, JACKSON3)) {
            Book book = (Book) codec.readStrict(json, Book.class);
            assertEquals(new Book("Dune", 0, null, false, 0.0, null, null, null), book, codec.toString());
            JsonReadException refused = org.junit.jupiter.api.Assertions.assertThrows(JsonReadException.class,
                    () -> codec.readStrict("{\"title\":\"Dune\",\"year\":null}".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8), Book.class));
            assertEquals("/year", refused.pointer(), codec.toString());
            assertEquals(JsonReadException.Problem.WRONG_TYPE, refused.problem(), codec.toString());
        }
    }

    static Stream<Object> values() {
        return Stream.of(
                new Event(Instant.parse("2026-12-04T10:15:30Z"), OffsetDateTime.parse("2026-12-05T09:00:00+02:00"),
                        Duration.ofMinutes(90)),
                new Author("Frank", Optional.empty()),
                new Author("Ursula", Optional.of("US")),
                Map.of("genre", Genre.POETRY),
                List.of(1, 2.5, "x", true));
    }

    @ParameterizedTest
    @MethodSource("values")
    void writesAgree(Object value) throws IOException {
        assertEquals(written(JACKSON2, value), written(JACKSON3, value));
    }

    private static String written(JsonCodec codec, Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The value read, or the problem with its pointer and message. */
    private static String outcome(JsonCodec codec, String json, Type type, boolean strict) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            Object value = strict ? codec.readStrict(bytes, type) : codec.read(bytes, type);
            return "value " + value;
        } catch (JsonReadException e) {
            // Where a member is at fault its pointer says where; a line is only compared for syntax.
            String at = e.problem() == JsonReadException.Problem.MALFORMED ? " line " + e.line() : "";
            return e.problem() + " " + e.pointer() + " " + e.getMessage() + at;
        }
    }
}
