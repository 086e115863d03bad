package dev.aurora.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Aurora's JSON encoding through Jackson: one shared, thread-safe {@link ObjectMapper}, and a reusable
 * per-connection {@link Sink} so serializing a response does not allocate a fresh byte array. Any
 * thread (the mapper); a sink belongs to one connection.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serializes {@code value} into {@code sink} (which is cleared first). */
    public static void write(Sink sink, Object value) throws IOException {
        sink.reset();
        MAPPER.writeValue(sink, value);
    }

    /** A growable byte array output stream that is reused; shrinks back after an outlier. */
    public static final class Sink extends OutputStream {
        private static final int INITIAL = 1024;
        private static final int KEEP_AT_MOST = 256 * 1024;
        private byte[] buf = new byte[INITIAL];
        private int count;

        public void reset() {
            if (buf.length > KEEP_AT_MOST) {
                buf = new byte[INITIAL];
            }
            count = 0;
        }

        public byte[] array() {
            return buf;
        }

        public int size() {
            return count;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        @Override
        public void close() {
            // Jackson closes the target after writeValue; the sink stays usable.
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }
}
