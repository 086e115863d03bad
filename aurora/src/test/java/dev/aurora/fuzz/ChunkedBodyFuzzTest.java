package dev.aurora.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aurora.ServerConfig;
import dev.aurora.internal.http.BodyFraming;
import dev.aurora.internal.http.HeadReader;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.ProtocolException;
import dev.aurora.internal.http.RequestBody;
import dev.aurora.internal.http.RequestHead;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Chunked request bodies: a fixed head announcing {@code Transfer-Encoding: chunked}, then the
 * fuzzer's bytes as the body, read through {@link RequestBody} as a handler would (or drained, as
 * the connection does with a body the handler left unread). A body either decodes, or fails with a
 * {@link ProtocolException} of a documented status or an {@link EOFException} when the input ends
 * inside it. A decoded body never has more bytes than were sent, and equals what a plain reading of
 * RFC 9112 section 7.1 (below) makes of the same bytes.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ChunkedBodyFuzzTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults()
            .withMaxHeaderSize(512)
            .withMaxHeaderCount(8)
            .withMaxBodySize(64 * 1024);
    private static final byte[] HEAD = "POST /upload HTTP/1.1\r\nHost: fuzz\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final Set<Integer> REFUSALS = Set.of(400, 413, 431);
    /**
     * {@code BodyStream#drain(long, long)}, what the connection runs on a body the handler left
     * unread: public, but on a package-private class, hence looked up reflectively.
     */
    private static final MethodHandle DRAIN = drainHandle();

    @FuzzTest
    void decodeChunked(FuzzedDataProvider data) throws IOException {
        int piece = data.consumeInt(1, 64);
        int initialCapacity = data.consumeInt(HEAD.length, 1024);
        int readSize = data.consumeInt(1, 4096);
        boolean drain = data.consumeBoolean();
        long maxDrain = data.consumeLong(0, 2 * CONFIG.maxBodySize());
        // Sometimes a route's own, lower limit, as RequestBody#limit sets it.
        long routeLimit = data.consumeBoolean() ? data.consumeLong(0, CONFIG.maxBodySize()) : -1;
        byte[] body = data.consumeRemainingAsBytes();

        InputBuffer in = Wire.buffer(Wire.concat(HEAD, body), piece, initialCapacity, CONFIG);
        RequestHead head = new RequestHead(CONFIG.maxHeaderCount());
        assertTrue(new HeadReader(CONFIG).read(in, head, Wire.farDeadline()));
        assertEquals(BodyFraming.CHUNKED, head.bodyFraming());
        RequestBody requestBody = new RequestBody(in, CONFIG);
        requestBody.begin(head);
        long limit = CONFIG.maxBodySize();
        if (routeLimit >= 0) {
            requestBody.limit(routeLimit);
            limit = routeLimit;
        }

        if (drain) {
            try {
                boolean done = drain(requestBody.stream(), maxDrain);
                if (done) {
                    assertTrue(requestBody.received() <= body.length, "drained more bytes than were sent");
                    assertTrue(requestBody.finished(), "drained to the end but not finished");
                    assertTrue(requestBody.received() <= maxDrain, "drained past the drain budget");
                }
            } catch (ProtocolException e) {
                assertTrue(REFUSALS.contains(e.status()), () -> "undocumented status " + e.status());
            } catch (EOFException e) {
                // Input ended inside the body.
            }
            return;
        }

        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        try {
            InputStream s = requestBody.stream();
            byte[] buf = new byte[readSize];
            for (int n; (n = s.read(buf, 0, buf.length)) >= 0; ) {
                assertTrue(n > 0, "read returned 0 for a non-empty buffer");
                decoded.write(buf, 0, n);
                assertTrue(decoded.size() <= body.length, "decoded more bytes than were sent");
            }
        } catch (ProtocolException e) {
            assertTrue(REFUSALS.contains(e.status()), () -> "undocumented status " + e.status());
            assertTrue(decoded.size() <= limit, "more than the limit delivered before the 413");
            return;
        } catch (EOFException e) {
            return;
        }
        assertTrue(requestBody.finished(), "end of body reported but not finished");
        assertEquals(decoded.size(), requestBody.received(), "received() disagrees with the bytes read");
        assertTrue(decoded.size() <= limit, "body over the limit accepted");
        byte[] expected = Reference.decode(body);
        assertNotNull(expected, "accepted a body that RFC 9112 chunked coding does not allow");
        assertArrayEquals(expected, decoded.toByteArray(), "decoded bytes differ from the reference");
    }

    private static boolean drain(InputStream stream, long maxBytes) throws IOException {
        try {
            return (boolean) DRAIN.invoke(stream, maxBytes, Wire.farDeadline());
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static MethodHandle drainHandle() {
        try {
            Method m = Class.forName("dev.aurora.internal.http.BodyStream").getMethod("drain", long.class, long.class);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * A plain reading of chunked coding: hex size, optional {@code ;extensions}, CRLF, data, CRLF;
     * size 0 ends the chunks, then trailer lines up to an empty line. Returns null for anything
     * else. Stricter details (digits limit, extension syntax, trailer syntax and limits) are the
     * decoder's to refuse; the reference only has to agree on what an accepted body means.
     */
    static final class Reference {
        private Reference() {
        }

        static byte[] decode(byte[] b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (true) {
                int lineEnd = crlf(b, i);
                if (lineEnd < 0) {
                    return null;
                }
                int j = i;
                long size = 0;
                while (j < lineEnd && Character.digit(b[j], 16) >= 0) {
                    size = size * 16 + Character.digit(b[j], 16);
                    if (size > Integer.MAX_VALUE) {
                        return null;
                    }
                    j++;
                }
                if (j == i) {
                    return null;
                }
                String rest = Wire.latin1(b, j, lineEnd - j).strip();
                if (!rest.isEmpty() && rest.charAt(0) != ';') {
                    return null;
                }
                i = lineEnd + 2;
                if (size == 0) {
                    break;
                }
                if (b.length - i < size + 2) {
                    return null;
                }
                out.write(b, i, (int) size);
                i += (int) size;
                if (b[i] != '\r' || b[i + 1] != '\n') {
                    return null;
                }
                i += 2;
            }
            // Trailer lines, then the empty line that ends the body.
            while (true) {
                int lineEnd = crlf(b, i);
                if (lineEnd < 0) {
                    return null;
                }
                boolean empty = lineEnd == i;
                i = lineEnd + 2;
                if (empty) {
                    return out.toByteArray();
                }
            }
        }

        /** Index of the CR of the first CRLF at or after {@code from}, or -1 (also for a bare LF first). */
        private static int crlf(byte[] b, int from) {
            for (int k = from; k < b.length; k++) {
                if (b[k] == '\n') {
                    return k > from && b[k - 1] == '\r' ? k - 1 : -1;
                }
            }
            return -1;
        }
    }
}
