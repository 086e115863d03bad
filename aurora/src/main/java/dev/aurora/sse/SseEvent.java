package dev.aurora.sse;

import java.time.Duration;
import java.util.Objects;

/**
 * One Server-Sent Event with all its fields, for {@link SseEmitter#send(SseEvent)}. Start from
 * {@link #of(String)} and add fields with the {@code withX} copies:
 *
 * <pre>{@code
 * events.send(SseEvent.of(json).withEvent("order").withId("42"));
 * }</pre>
 *
 * @param event the event type ({@code event:} line), or null for the default {@code message}
 * @param id the event id ({@code id:} line) the client sends back as {@code Last-Event-ID} when it
 *     reconnects, or null for none
 * @param retry the reconnection delay the client should use from now on ({@code retry:} line), or
 *     null to leave it unchanged
 * @param data the payload; each line becomes its own {@code data:} line
 */
public record SseEvent(String event, String id, Duration retry, String data) {

    /**
     * Checks the fields: {@code event} and {@code id} must be single lines ({@code id} without NUL,
     * which clients ignore), {@code retry} must not be negative, {@code data} is required.
     */
    public SseEvent {
        Objects.requireNonNull(data, "data");
        checkSingleLine("event", event);
        checkSingleLine("id", id);
        if (id != null && id.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("SSE id must not contain NUL");
        }
        if (retry != null && retry.isNegative()) {
            throw new IllegalArgumentException("SSE retry must not be negative: " + retry);
        }
    }

    /**
     * {@return an event of the default type {@code message} with no id}
     *
     * @param data the payload; may span lines
     */
    public static SseEvent of(String data) {
        return new SseEvent(null, null, null, data);
    }

    /**
     * {@return a copy with {@code event} replaced}
     *
     * @param event the event type, a single line
     */
    public SseEvent withEvent(String event) {
        return new SseEvent(event, id, retry, data);
    }

    /**
     * {@return a copy with {@code id} replaced}
     *
     * @param id the event id, a single line
     */
    public SseEvent withId(String id) {
        return new SseEvent(event, id, retry, data);
    }

    /**
     * {@return a copy with {@code retry} replaced}
     *
     * @param retry the reconnection delay for the client (sent in milliseconds)
     */
    public SseEvent withRetry(Duration retry) {
        return new SseEvent(event, id, retry, data);
    }

    static void checkSingleLine(String field, String value) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("SSE " + field + " must be a single line: " + value);
        }
    }
}
