package dev.aurora.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aurora.JsonConfig;
import dev.aurora.internal.mem.Allocations;
import dev.aurora.json.JacksonCodec;
import dev.aurora.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing values through the generator a sink keeps: each value a whole document of its own. */
class JsonWriteTest {
    record Message(String message) {
    }

    /** A getter that fails half-way through the object. */
    public static final class Broken {
        public String getFirst() {
            return "x";
        }

        public String getSecond() {
            throw new IllegalStateException("no second");
        }
    }

    private final JsonCodec codec = JacksonCodec.defaults();
    private final JsonSink sink = new JsonSink();

    private String write(JsonCodec c, Object value) throws IOException {
        new AppJson(c, false).write(sink, value);
        return new String(sink.array(), 0, sink.size(), StandardCharsets.UTF_8);
    }

    @Test
    void successiveValuesAreSeparateDocumentsWithoutSeparator() throws IOException {
        assertEquals("{\"message\":\"a\"}", write(codec, new Message("a")));
        assertEquals("[1,2]", write(codec, List.of(1, 2)));
        assertEquals("\"x\"", write(codec, "x"));
        assertEquals("{\"message\":\"b\"}", write(codec, new Message("b")));
    }

    @Test
    void aValueThatFailsHalfWayLeavesNothingForTheNextOne() throws IOException {
        JsonCodec failing = JacksonCodec.wrap(JsonMapper.builder().build());
        write(failing, new Message("before"));
        assertThrows(JsonMappingException.class, () -> write(failing, Map.of("inner", new Broken())));
        assertEquals("{\"message\":\"after\"}", write(failing, new Message("after")));
    }

    @Test
    void aPrettyPrintingMapperWritesEachValueAlone() throws IOException {
        JsonCodec pretty = JacksonCodec.wrap(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
        String first = write(pretty, new Message("a"));
        String second = write(pretty, new Message("a"));
        assertEquals(first, second);
        assertTrue(first.startsWith("{") && first.contains("\n"), first);
    }

    @Test
    void aSinkServesTwoCodecsInTurn() throws IOException {
        JsonCodec unknownAllowed = JacksonCodec.of(JsonConfig.defaults().withFailOnUnknownProperties(false));
        assertEquals("{\"message\":\"a\"}", write(codec, new Message("a")));
        assertEquals("{\"message\":\"b\"}", write(unknownAllowed, new Message("b")));
        assertEquals("{\"message\":\"c\"}", write(codec, new Message("c")));
    }

    @Test
    void aStreamOtherThanTheSinkIsWrittenAndLeftOpen() throws IOException {
        boolean[] closed = {false};
        var out = new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        codec.write(new Message("a"), out);
        assertEquals("{\"message\":\"a\"}", out.toString(StandardCharsets.UTF_8));
        assertTrue(!closed[0], "the codec closed a stream it does not own");
    }

    @Test
    void writingASmallValueAllocatesLittleOnceWarm() throws IOException {
        assumeTrue(Allocations.supported());
        Message m = new Message("Hello, World!");
        for (int i = 0; i < 100_000; i++) {
            codec.write(m, sink);
            sink.reset();
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = Allocations.allocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                codec.write(m, sink);
                sink.reset();
            }
            least = Math.min(least, Allocations.allocatedBytes() - before);
        }
        // 72 bytes measured; a fresh generator per value made it 368.
        assertTrue(least / 10_000 <= 120, "bytes per value: " + least / 10_000);
    }
}
