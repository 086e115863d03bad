package dev.aurora.internal.sse;

import dev.aurora.sse.SseEvent;

/**
 * Frames events in the {@code text/event-stream} format into one reusable UTF-8 byte array: one
 * {@code field: value} line per field, one {@code data:} line per line of data ({@code \r\n},
 * {@code \r} and {@code \n} all end a line, as the format defines), and an empty line that
 * dispatches the event. A lone surrogate is encoded as {@code ?}, as {@code String.getBytes} does.
 *
 * <p>Not thread-safe: its {@link SseStream} uses it under its lock.
 */
final class SseEncoder {
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't', ':', ' '};
    private static final byte[] ID = {'i', 'd', ':', ' '};
    private static final byte[] RETRY = {'r', 'e', 't', 'r', 'y', ':', ' '};
    private static final byte[] DATA = {'d', 'a', 't', 'a', ':', ' '};
    private static final byte[] COMMENT = {':', ' '};
    private static final int INITIAL = 256;
    /** A buffer grown past this by one large event is dropped after it, not kept per stream. */
    private static final int KEEP = 64 * 1024;

    private byte[] buf = new byte[INITIAL];
    private int size;

    /** Starts a new frame, dropping a buffer that one large event grew. */
    public SseEncoder reset() {
        if (buf.length > KEEP) {
            buf = new byte[INITIAL];
        }
        size = 0;
        return this;
    }

    /** Appends a whole event: its fields, its data lines and the empty line that dispatches it. */
    public SseEncoder event(SseEvent event) {
        if (event.event() != null) {
            line(EVENT, event.event(), 0, event.event().length());
        }
        if (event.id() != null) {
            line(ID, event.id(), 0, event.id().length());
        }
        if (event.retry() != null) {
            retry(event.retry().toMillis());
        }
        return data(event.data());
    }

    /**
     * Appends an event with only a type (or null) and data, without building an {@link SseEvent};
     * the caller has checked that {@code type} is one line.
     */
    public SseEncoder event(String type, String data) {
        if (type != null) {
            line(EVENT, type, 0, type.length());
        }
        return data(data);
    }

    private SseEncoder data(String data) {
        lines(DATA, data);
        return end();
    }

    /** Appends a {@code retry:} line. */
    public SseEncoder retry(long millis) {
        append(RETRY);
        String digits = Long.toString(millis);
        ascii(digits);
        return newline();
    }

    /** Appends {@code text} as comment lines. */
    public SseEncoder comment(String text) {
        lines(COMMENT, text);
        return this;
    }

    /** Appends the empty line that ends an event (or a block of comments). */
    public SseEncoder end() {
        return newline();
    }

    public byte[] array() {
        return buf;
    }

    public int size() {
        return size;
    }

    private void lines(byte[] prefix, String text) {
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                line(prefix, text, start, i);
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        line(prefix, text, start, length);
    }

    private void line(byte[] prefix, String text, int from, int to) {
        append(prefix);
        utf8(text, from, to);
        newline();
    }

    private SseEncoder newline() {
        ensure(1);
        buf[size++] = '\n';
        return this;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    private void utf8(String s, int from, int to) {
        ensure(3 * (to - from));
        byte[] b = buf;
        int n = size;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = n;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
