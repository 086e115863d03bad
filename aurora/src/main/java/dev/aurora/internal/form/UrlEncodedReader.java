package dev.aurora.internal.form;

import dev.aurora.FormConfig;
import dev.aurora.error.PayloadTooLargeException;
import dev.aurora.form.FormPart;
import dev.aurora.form.FormStream;
import dev.aurora.internal.http.PercentDecoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An {@code application/x-www-form-urlencoded} body read pair by pair: {@code name=value} split
 * on {@code &}, {@code +} and {@code %XX} decoded as UTF-8, a malformed escape kept as written (as
 * for queries), empty pairs skipped. One pair is held at a time, bounded by the field limits
 * before it is decoded. One thread at a time.
 */
final class UrlEncodedReader implements FormStream {
    /** Longest decoded field name; a name is a label, not data. */
    static final int MAX_NAME = 1024;
    private static final int CHUNK = 8192;
    /** Where the read buffer starts: a typical form fits, and a longer body grows it on its first full read. */
    private static final int FIRST_CHUNK = 512;

    private final InputStream body;
    private final FormConfig config;
    /** Encoded bytes of one pair at most: every byte of name and value could be a {@code %XX}. */
    private final int maxPairBytes;
    private byte[] chunk = new byte[FIRST_CHUNK];
    private int chunkPos;
    private int chunkLim;
    private boolean eof;
    private byte[] pair = new byte[256];
    private int parts;

    UrlEncodedReader(InputStream body, FormConfig config) {
        this.body = body;
        this.config = config;
        this.maxPairBytes = (int) Math.min(Integer.MAX_VALUE - 16, 3L * config.maxFieldSize() + 3L * MAX_NAME + 1);
    }

    @Override
    public FormPart next() throws IOException {
        while (true) {
            int n = readPair();
            if (n < 0) {
                return null;
            }
            if (n == 0) {
                continue;
            }
            if (++parts > config.maxParts()) {
                throw new PayloadTooLargeException("Form has more than " + config.maxParts() + " fields");
            }
            int eq = indexOf(pair, n, (byte) '=');
            String name = decode(0, eq < 0 ? n : eq);
            if (name.length() > MAX_NAME) {
                throw new PayloadTooLargeException("Form field name longer than " + MAX_NAME + " characters");
            }
            byte[] value = eq < 0 ? new byte[0] : decodeBytes(eq + 1, n);
            FieldPart part = new FieldPart(name, value, config.maxFieldSize());
            if (value.length > config.maxFieldSize()) {
                throw part.tooLarge();
            }
            return part;
        }
    }

    /** Reads bytes up to the next {@code &} into {@link #pair}; the count, or -1 at the end of the body. */
    private int readPair() throws IOException {
        int n = 0;
        while (true) {
            if (chunkPos == chunkLim) {
                if (eof) {
                    return n == 0 ? -1 : n;
                }
                if (chunkLim == chunk.length && chunk.length < CHUNK) {
                    chunk = new byte[CHUNK];
                }
                int r = body.read(chunk, 0, chunk.length);
                if (r < 0) {
                    eof = true;
                    continue;
                }
                chunkPos = 0;
                chunkLim = r;
            }
            byte b = chunk[chunkPos++];
            if (b == '&') {
                return n;
            }
            if (n == pair.length) {
                if (n >= maxPairBytes) {
                    int eq = indexOf(pair, n, (byte) '=');
                    throw eq < 0
                            ? new PayloadTooLargeException("Form field name longer than " + MAX_NAME + " characters")
                            : new FieldPart(decode(0, eq), new byte[0], config.maxFieldSize()).tooLarge();
                }
                pair = java.util.Arrays.copyOf(pair, (int) Math.min(maxPairBytes, 2L * n));
            }
            pair[n++] = b;
        }
    }

    private static int indexOf(byte[] b, int n, byte c) {
        for (int i = 0; i < n; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private byte[] decodeBytes(int start, int end) {
        byte[] out = new byte[end - start];
        int n = PercentDecoding.decode(pair, start, end, true, out, 0);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private String decode(int start, int end) {
        return new String(decodeBytes(start, end), StandardCharsets.UTF_8);
    }

    /** A decoded field. */
    private static final class FieldPart extends StreamedPart {
        private final byte[] value;

        FieldPart(String name, byte[] value, long limit) {
            super(name, null, null, limit);
            this.value = value;
        }

        @Override
        public InputStream inputStream() {
            return new ByteArrayInputStream(value);
        }

        @Override
        public String value() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
