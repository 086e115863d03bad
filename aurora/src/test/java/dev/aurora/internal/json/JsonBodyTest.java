package dev.aurora.internal.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aurora.JsonConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.UnsupportedMediaTypeException;
import dev.aurora.json.JacksonCodec;
import dev.aurora.schema.ValidationException;
import dev.aurora.schema.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a body through a codec: the Content-Type check, strict types, and each problem's answer. */
class JsonBodyTest {
    private final HttpJson json = HttpJson.defaults();

    enum Colour { RED, GREEN }

    record Author(String name) {
    }

    record Book(String title, int year, List<Author> authors) {
    }

    record Scalars(int count, boolean flag, String text, Colour colour, Double ratio) {
    }

    record Dated(LocalDate published) {
    }

    record Positive(int n) {
        Positive {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive");
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Violation violation(Runnable read) {
        List<Violation> violations = assertThrows(ValidationException.class, read::run).violations();
        assertEquals(1, violations.size(), violations.toString());
        return violations.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
        "application/merge-patch+json", "application/problem+json;charset=UTF-8"})
    void jsonMediaTypesAreRead(String contentType) {
        assertDoesNotThrow(() -> JsonBody.requireJson(contentType, "POST"));
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJson() {
        assertDoesNotThrow(() -> JsonBody.requireJson(null, "POST"));
    }

    @ParameterizedTest
    @CsvSource({
        "text/plain, POST, Accept-Post",
        "application/x-www-form-urlencoded, PATCH, Accept-Patch",
        "text/json, POST, Accept-Post",
        "json, POST, Accept-Post"})
    void otherMediaTypesAre415NamingWhatIsAccepted(String contentType, String method, String header) {
        UnsupportedMediaTypeException e = assertThrows(UnsupportedMediaTypeException.class,
                () -> JsonBody.requireJson(contentType, method));
        assertEquals(415, e.status());
        assertEquals("Expected a JSON body (application/json), got " + contentType, e.getMessage());
        assertEquals(Map.of(header, "application/json"), e.headers());
    }

    @Test
    void aPutNamesNoAcceptHeader() {
        var e = assertThrows(UnsupportedMediaTypeException.class, () -> JsonBody.requireJson("text/csv; q=1", "PUT"));
        assertEquals("Expected a JSON body (application/json), got text/csv", e.getMessage());
        assertEquals(Map.of(), e.headers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\r\n\t"})
    void anEmptyBodyIsA400(String body) {
        var e = assertThrows(BadRequestException.class, () -> json.read(bytes(body), Book.class));
        assertEquals("Empty JSON body", e.getMessage());
    }

    @Test
    void contentAfterTheValueIsMalformed() {
        var e = assertThrows(BadRequestException.class, () -> json.read(bytes("{\"name\":\"a\"} {}"), Author.class));
        assertTrue(e.getMessage().startsWith("Content after the JSON value at line 1, column "), e.getMessage());
    }

    @Test
    void aWrongTypeDeepInsideIsAViolationAtItsPointer() {
        String body = "{\"title\":\"T\",\"year\":2026,\"authors\":[{\"name\":\"a\"},{\"name\":[1]}]}";
        assertEquals(new Violation("/authors/1/name", "type", "must be a string"),
                violation(() -> json.read(bytes(body), Book.class)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"count\":1.5}         | /count  | must be an integer",
        "{\"count\":1.0}         | /count  | must be an integer",
        "{\"count\":\"12\"}      | /count  | must be an integer",
        "{\"count\":null}        | /count  | must be an integer",
        "{\"flag\":1}            | /flag   | true or false",
        "{\"flag\":\"true\"}     | /flag   | true or false",
        "{\"text\":123}          | /text   | must be a string",
        "{\"text\":true}         | /text   | must be a string",
        "{\"colour\":0}          | /colour | must be one of RED, GREEN",
        "{\"ratio\":\"0.5\"}     | /ratio  | must be a number"})
    void strictReadsRefuseEachCoercion(String body, String pointer, String message) {
        Violation v = violation(() -> json.readStrict(bytes(body), Scalars.class));
        assertEquals(pointer, v.pointer());
        assertEquals("type", v.code());
        assertTrue(v.message().endsWith(message), v.message());
    }

    @Test
    void lenientReadsKeepJacksonsCoercions() {
        Scalars s = json.read(bytes("{\"count\":\"12\",\"flag\":\"true\",\"text\":123,\"colour\":1,\"ratio\":\"0.5\"}"),
                Scalars.class);
        assertEquals(new Scalars(12, true, "123", Colour.GREEN, 0.5), s);
        assertEquals(1, json.<Scalars>read(bytes("{\"count\":1.5}"), Scalars.class).count());
    }

    @Test
    void strictReadsStillTakeWhatIsNoCoercion() {
        Scalars s = json.readStrict(bytes("{\"count\":3,\"flag\":false,\"text\":\"x\",\"colour\":\"RED\",\"ratio\":2}"),
                Scalars.class);
        assertEquals(new Scalars(3, false, "x", Colour.RED, 2.0), s);
    }

    @Test
    void aDateThatDoesNotParseSaysWhatItMustBe() {
        assertEquals(new Violation("/published", "type", "must be an ISO-8601 date such as 2026-12-31"),
                violation(() -> json.read(bytes("{\"published\":\"2026-13-01\"}"), Dated.class)));
    }

    @Test
    void aRefusalFromTheConstructorIsInvalidWithItsMessage() {
        assertEquals(new Violation("", "invalid", "n must be positive"),
                violation(() -> json.read(bytes("{\"n\":0}"), Positive.class)));
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        Violation v = violation(() -> json.readStrict(bytes("{\"a/b~c\":\"x\"}"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() { }.getType()));
        assertEquals("/a~1b~0c", v.pointer());
    }

    @Test
    void aCustomizedMapperKeepsTheConfiguredLimitsAndIsBuiltOnFirstUse() throws Exception {
        AtomicInteger built = new AtomicInteger();
        JacksonCodec codec = JacksonCodec.of(JsonConfig.defaults().withMaxNestingDepth(3), b -> {
            built.incrementAndGet();
            b.enable(SerializationFeature.INDENT_OUTPUT);
        });
        assertEquals(0, built.get());
        HttpJson custom = new HttpJson(codec);
        assertEquals(List.of(List.of(List.of())), custom.read(bytes("[[[]]]"), List.class));
        var e = assertThrows(BadRequestException.class, () -> custom.read(bytes("[[[[]]]]"), List.class));
        assertTrue(e.getMessage().startsWith("JSON nested deeper than 3 levels"), e.getMessage());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(Map.of("a", 1), out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\n"), "INDENT_OUTPUT applies");
        custom.readStrict(bytes("[]"), List.class);
        assertEquals(1, built.get());
    }

    @Test
    void aJsonNullIsNull() {
        assertNull(json.read(bytes("null"), Book.class));
    }
}
