package dev.aurora.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.JsonConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A {@link JsonConfig} reaches the codec: each limit is enforced and named in the refusal. */
class ConfiguredJsonLimitsTest {
    private static final JsonConfig D = JsonConfig.defaults();

    record Item(String name, int count) {
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String refused(JsonConfig config, String json, Class<?> type) {
        return assertThrows(BadRequestException.class, () -> HttpJson.of(config).read(bytes(json), type)).getMessage();
    }

    @Test
    void theDefaultConfigurationSharesOneCodec() {
        assertSame(JacksonCodec.defaults(), JacksonCodec.of(JsonConfig.defaults()));
        assertSame(JacksonCodec.defaults(), JacksonCodec.of(D.withMaxNestingDepth(256)));
        assertSame(JacksonCodec.defaults(), JacksonCodec.of(D.withStrictTypes(true)));
        assertNotSame(JacksonCodec.defaults(), JacksonCodec.of(D.withMaxNestingDepth(10)));
    }

    @Test
    void unknownPropertiesCanBeIgnored() {
        Item item = HttpJson.of(D.withFailOnUnknownProperties(false))
                .read(bytes("{\"name\":\"a\",\"count\":1,\"extra\":[1,{\"x\":2}]}"), Item.class);
        assertEquals(new Item("a", 1), item);
    }

    @Test
    void nestingDepthIsConfigurable() {
        JsonConfig ten = D.withMaxNestingDepth(10);
        assertEquals(List.of(), HttpJson.of(ten).<List<?>>read(bytes("[]"), List.class));
        HttpJson.of(ten).read(bytes(nested(10)), Object.class);
        assertTrue(refused(ten, nested(11), Object.class).startsWith("JSON nested deeper than 10 levels"));
    }

    @Test
    void theDeepestAllowedNestingDoesNotOverflowAVirtualThreadStack() throws Exception {
        HttpJson codec = HttpJson.of(D.withMaxNestingDepth(10_000));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                codec.read(bytes(nested(10_000)), Object.class);
                codec.read(bytes("{\"a\":".repeat(9_999) + "1" + "}".repeat(9_999)), Map.class);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        assertEquals(null, failure.get());
    }

    @Test
    void numberLengthIsConfigurable() {
        JsonConfig five = D.withMaxNumberLength(5);
        assertEquals(12345, HttpJson.of(five).<Integer>read(bytes("12345"), Integer.class));
        assertTrue(refused(five, "123456", Long.class).startsWith("JSON number longer than 5 characters"));
    }

    @Test
    void stringLengthIsConfigurable() {
        JsonConfig ten = D.withMaxStringLength(10);
        assertEquals("0123456789", HttpJson.of(ten).read(bytes("\"0123456789\""), String.class));
        String message = refused(ten, "{\"name\":\"" + "x".repeat(11) + "\",\"count\":1}", Item.class);
        assertTrue(message.startsWith("JSON string longer than 10 characters"), message);
    }

    @Test
    void theDefaultStringLengthIsAMillionCharacters() {
        String million = "x".repeat(1_000_000);
        assertEquals(million, HttpJson.defaults().read(bytes("\"" + million + "\""), String.class));
        String message = assertThrows(BadRequestException.class,
                () -> HttpJson.defaults().read(bytes("\"" + million + "x\""), String.class)).getMessage();
        assertTrue(message.startsWith("JSON string longer than 1000000 characters"), message);
    }

    @Test
    void nameLengthIsConfigurable() {
        JsonConfig four = D.withMaxNameLength(4);
        assertTrue(refused(four, "{\"named\":1}", Map.class).startsWith("JSON field name longer than 4 characters"));
    }

    @Test
    void tokenCountIsConfigurable() {
        JsonConfig hundred = D.withMaxTokenCount(100);
        String message = refused(hundred, "[" + "1,".repeat(199) + "1]", List.class);
        assertTrue(message.startsWith("JSON document has more than 100 tokens"), message);
    }

    @Test
    void aDocumentOverItsLengthIsA413() {
        HttpJson codec = HttpJson.of(D.withMaxDocumentLength(20));
        assertEquals(List.of(1, 2, 3), codec.read(bytes("[1, 2, 3]"), List.class));
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class,
                () -> codec.read(bytes("[" + "1,".repeat(20) + "1]"), List.class));
        assertEquals(413, e.status());
        assertEquals("JSON body longer than 20 bytes", e.getMessage());
    }

    @Test
    void anApplicationMapperIsRefusedWithItsOwnLimits() {
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(3).build())
                .build());
        String message = assertThrows(BadRequestException.class,
                () -> HttpJson.wrap(mapper).read(bytes(nested(4)), Object.class)).getMessage();
        assertTrue(message.startsWith("JSON nested deeper than 3 levels"), message);
    }
}
