package dev.aurora.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code text/event-stream} framing of events, comments and retry lines. */
class SseEncoderTest {
    private final SseEncoder encoder = new SseEncoder();

    private String text() {
        return new String(encoder.array(), 0, encoder.size(), StandardCharsets.UTF_8);
    }

    @Test
    void dataOnlyEventIsOneDataLineAndABlankLine() {
        encoder.reset().event(SseEvent.of("hello"));
        assertEquals("data: hello\n\n", text());
    }

    @Test
    void allFieldsInOrder() {
        encoder.reset().event(SseEvent.of("x").withEvent("update").withId("7").withRetry(Duration.ofSeconds(3)));
        assertEquals("event: update\nid: 7\nretry: 3000\ndata: x\n\n", text());
    }

    @Test
    void everyLineBreakStartsANewDataLine() {
        encoder.reset().event(SseEvent.of("a\nb\r\nc\rd\n"));
        assertEquals("data: a\ndata: b\ndata: c\ndata: d\ndata: \n\n", text());
    }

    @Test
    void emptyDataIsOneEmptyDataLine() {
        encoder.reset().event(SseEvent.of(""));
        assertEquals("data: \n\n", text());
    }

    @Test
    void commentsPrefixEveryLine() {
        encoder.reset().comment("one\ntwo").end();
        assertEquals(": one\n: two\n\n", text());
    }

    @Test
    void utf8IncludingSurrogatePairsAndLoneSurrogates() {
        String data = "é€😀" + '\uD800' + "z";
        encoder.reset().event(SseEvent.of(data));
        assertEquals("data: é€😀?z\n\n", text());
    }

    @Test
    void resetStartsOverAndLargeEventsGrowTheBuffer() {
        String big = "x".repeat(100_000);
        encoder.reset().event(SseEvent.of(big));
        assertEquals("data: " + big + "\n\n", text());
        encoder.reset().retry(5).end();
        assertEquals("retry: 5\n\n", text());
    }

    @Test
    void fieldsThatWouldBreakTheFramingAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SseEvent.of("x").withEvent("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> SseEvent.of("x").withId("a\rb"));
        assertThrows(IllegalArgumentException.class, () -> SseEvent.of("x").withId("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> SseEvent.of("x").withRetry(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> SseEvent.of(null));
    }
}
