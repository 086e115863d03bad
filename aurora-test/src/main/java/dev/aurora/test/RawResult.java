package dev.aurora.test;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the server wrote in answer to raw request bytes ({@link AuroraTestClient#raw(byte[])}):
 * the bytes as they are, and parsed into responses. Immutable; any thread.
 */
public final class RawResult {
    private final byte[] bytes;
    private volatile List<TestResponse> responses;

    /**
     * A result holding a copy of these bytes.
     *
     * @param bytes every byte the server wrote on the connection
     */
    public RawResult(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** {@return a copy of every byte the server wrote} */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@return those bytes as ISO-8859-1 text (one character per byte)} */
    public String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses the bytes with {@link ResponseParser#parseAll(byte[])} (on first call).
     *
     * @return the responses in the order written
     * @throws IllegalArgumentException if the bytes are not well-framed responses
     */
    public List<TestResponse> responses() {
        List<TestResponse> parsed = responses;
        if (parsed == null) {
            parsed = ResponseParser.parseAll(bytes);
            responses = parsed;
        }
        return parsed;
    }

    /** @return {@link #text()} */
    @Override
    public String toString() {
        return text();
    }
}
