package dev.aurora.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.json.JacksonCodec;
import dev.aurora.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The application's codec is resolved on the first JSON read or write, not when the server is built. */
class AppJsonTest {
    private final AtomicInteger resolved = new AtomicInteger();
    private final JsonCodec codec = JacksonCodec.defaults();
    private final AppJson json = new AppJson(() -> {
        resolved.incrementAndGet();
        return codec;
    }, false);

    @Test
    void nothingIsResolvedUntilTheFirstUse() throws Exception {
        assertEquals(0, resolved.get());
        JsonSink sink = new JsonSink();
        json.write(sink, Map.of("a", 1));
        assertEquals("{\"a\":1}", new String(sink.array(), 0, sink.size(), StandardCharsets.UTF_8));
        assertEquals(1, resolved.get());
    }

    @Test
    void theResolvedCodecIsKept() throws Exception {
        json.write(new JsonSink(), 1);
        Object read = json.readBody("{\"b\":2}".getBytes(StandardCharsets.UTF_8), Map.class, "application/json", "POST", false);
        assertEquals(Map.of("b", 2), read);
        assertSame(codec, json.codec());
        assertEquals(1, resolved.get());
    }

    @Test
    void aResolverThatGivesNothingFailsClearly() {
        AppJson none = new AppJson(() -> null, false);
        NullPointerException e = assertThrows(NullPointerException.class, none::codec);
        assertEquals("resolved codec", e.getMessage());
    }
}
