package dev.aurora.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurora.JsonConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.schema.ValidationException;
import dev.aurora.schema.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default codec's read limits: hostile bodies get a 400 that says which limit, never a crash. */
class JsonReadLimitsTest {
    private static final JsonConfig LIMITS = JsonConfig.defaults();
    private final HttpJson codec = HttpJson.defaults();

    record Item(String name, int count) {
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private String refused(String json, Class<?> type) {
        return assertThrows(BadRequestException.class, () -> codec.read(bytes(json), type)).getMessage();
    }

    @Test
    void twentyLevelsAndTheLimitItselfAreFine() {
        JsonNode twenty = codec.read(bytes(nested(20)), JsonNode.class);
        assertEquals(20, depth(twenty));
        JsonNode deepest = codec.read(bytes(nested(LIMITS.maxNestingDepth())), JsonNode.class);
        assertEquals(LIMITS.maxNestingDepth(), depth(deepest));
    }

    private static int depth(JsonNode node) {
        int d = 0;
        for (JsonNode n = node; n != null; n = n.isArray() && !n.isEmpty() ? n.get(0) : null) {
            d++;
        }
        return d;
    }

    @Test
    void deeperNestingIsRefusedWithTheLimit() {
        String message = refused(nested(LIMITS.maxNestingDepth() + 1), JsonNode.class);
        assertTrue(message.startsWith("JSON nested deeper than 256 levels"), message);
    }

    @Test
    void aMillionOpenBracketsIsA400NotAStackOverflow() {
        String message = refused("[".repeat(1_000_000), Object.class);
        assertTrue(message.startsWith("JSON nested deeper than 256 levels"), message);
    }

    @Test
    void longNumbersAreRefusedBeforeBigNumberParsing() {
        BigDecimal big = codec.read(bytes("1".repeat(200)), BigDecimal.class);
        assertEquals(new BigDecimal("1".repeat(200)), big);
        String message = refused("{\"n\":" + "9".repeat(LIMITS.maxNumberLength() + 1) + "}", Map.class);
        assertTrue(message.startsWith("JSON number longer than 256 characters"), message);
    }

    @Test
    void longFieldNamesAreRefused() {
        String message = refused("{\"" + "k".repeat(LIMITS.maxNameLength() + 1) + "\":1}", Map.class);
        assertTrue(message.startsWith("JSON field name longer than 1024 characters"), message);
    }

    @Test
    void tenThousandElementsAreFine() {
        String array = "[" + "1,".repeat(9_999) + "1]";
        List<?> list = codec.read(bytes(array), List.class);
        assertEquals(10_000, list.size());
    }

    @Test
    void unknownFieldsAreRefusedByDefault() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> codec.read(bytes("{\"name\":\"a\",\"count\":1,\"extra\":true}"), Item.class));
        assertEquals(List.of(new Violation("/extra", "unknown", "is not a known field")), e.violations());
        Item item = codec.read(bytes("{\"name\":\"a\",\"count\":1}"), Item.class);
        assertEquals(new Item("a", 1), item);
    }
}
