package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonConfigTest {
    private static final JsonConfig D = JsonConfig.defaults();

    @Test
    void defaultsHaveTheDocumentedValues() {
        assertTrue(D.failOnUnknownProperties());
        assertEquals(256, D.maxNestingDepth());
        assertEquals(256, D.maxNumberLength());
        assertEquals(1_000_000, D.maxStringLength());
        assertEquals(1024, D.maxNameLength());
        assertEquals(1_000_000, D.maxTokenCount());
        assertEquals(Long.MAX_VALUE, D.maxDocumentLength());
        assertSame(D, JsonConfig.defaults());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid("maxNestingDepth must be between 1 and 10000: 0", c -> c.withMaxNestingDepth(0)),
                invalid("maxNestingDepth must be between 1 and 10000: 10001", c -> c.withMaxNestingDepth(10_001)),
                invalid("maxNumberLength must be between 1 and 2147483647: -1", c -> c.withMaxNumberLength(-1)),
                invalid("maxStringLength must be between 1 and 2147483647: 0", c -> c.withMaxStringLength(0)),
                invalid("maxNameLength must be between 1 and 2147483647: 0", c -> c.withMaxNameLength(0)),
                invalid("maxTokenCount must be between 1 and 9223372036854775807: 0", c -> c.withMaxTokenCount(0)),
                invalid("maxDocumentLength must be between 1 and 9223372036854775807: -1",
                        c -> c.withMaxDocumentLength(-1)));
    }

    private static Arguments invalid(String message, UnaryOperator<JsonConfig> change) {
        return Arguments.of(message, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void invalidValueFailsWithAMessageStartingWithTheComponent(String message, UnaryOperator<JsonConfig> change) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> change.apply(D)).getMessage());
    }

    @Test
    void boundaryValuesAreAccepted() {
        JsonConfig c = D.withMaxNestingDepth(1).withMaxNestingDepth(10_000).withMaxNumberLength(1)
                .withMaxStringLength(Integer.MAX_VALUE).withMaxTokenCount(1).withMaxDocumentLength(1);
        assertEquals(10_000, c.maxNestingDepth());
        assertEquals(1, c.maxDocumentLength());
    }

    static Stream<Arguments> withers() {
        return Stream.of(
                Arguments.of("failOnUnknownProperties", (UnaryOperator<JsonConfig>) c -> c.withFailOnUnknownProperties(false)),
                Arguments.of("maxNestingDepth", (UnaryOperator<JsonConfig>) c -> c.withMaxNestingDepth(10)),
                Arguments.of("maxNumberLength", (UnaryOperator<JsonConfig>) c -> c.withMaxNumberLength(10)),
                Arguments.of("maxStringLength", (UnaryOperator<JsonConfig>) c -> c.withMaxStringLength(10)),
                Arguments.of("maxNameLength", (UnaryOperator<JsonConfig>) c -> c.withMaxNameLength(10)),
                Arguments.of("maxTokenCount", (UnaryOperator<JsonConfig>) c -> c.withMaxTokenCount(10)),
                Arguments.of("maxDocumentLength", (UnaryOperator<JsonConfig>) c -> c.withMaxDocumentLength(10)),
                Arguments.of("strictTypes", (UnaryOperator<JsonConfig>) c -> c.withStrictTypes(true)));
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("withers")
    void withCopyChangesOnlyThatComponent(String component, UnaryOperator<JsonConfig> change) throws Exception {
        RecordCopies.assertOnlyChanged(D, change.apply(D), component);
    }

    @Test
    void everyComponentHasAWither() {
        assertEquals(JsonConfig.class.getRecordComponents().length, withers().count());
    }

    @Test
    void jsonConfigCannotBeChangedAfterStart() {
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1")).start(0);
        try {
            assertThrows(IllegalStateException.class, () -> app.json(D));
        } finally {
            app.stop();
        }
        assertThrows(NullPointerException.class, () -> Aurora.create().json((JsonConfig) null));
    }
}
