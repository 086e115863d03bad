package dev.aurora.internal.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.internal.mem.ObjectPool;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.internal.inprocess.InProcessConnection;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every deflater a compressed response borrows goes back, whichever way the response ends, and none outlives the pool. */
class CompressorPoolTest {
    private static final byte[] BODY = "compress me, please. ".repeat(4000).getBytes(StandardCharsets.US_ASCII);

    /** A compression policy over a pool whose statistics the test reads. */
    private record Policy(ResponseCompression compression, ObjectPool<Compressor> pool) {
        static Policy retaining(int retained) {
            ObjectPool<Compressor> pool = new ObjectPool<>(() -> new Compressor(6), Compressor::reset, Compressor::end,
                    retained);
            return new Policy(new ResponseCompression(0, List.of("text/*"), pool), pool);
        }

        /** Compressors out on loan to responses now. */
        long outstanding() {
            return pool.stats().outstanding();
        }

        /** Compressors made and not yet ended: on loan plus idle in the pool. */
        long alive() {
            ObjectPool.Stats s = pool.stats();
            return s.misses() - s.drops();
        }
    }

    private static Aurora app(Policy policy) {
        Aurora app = Aurora.create();
        return app
                .use((ctx, next) -> {
                    policy.compression().use(ctx);
                    next.handle(ctx);
                })
                .get("/send", ctx -> ctx.contentType("text/plain").send(BODY))
                .get("/stream", ctx -> {
                    ctx.contentType("text/plain");
                    try (OutputStream out = ctx.outputStream()) {
                        out.write(BODY);
                    }
                })
                .get("/nested/:depth", ctx -> {
                    // Holds its deflater while a response on another connection borrows one.
                    ctx.contentType("text/plain");
                    try (OutputStream out = ctx.outputStream()) {
                        out.write(BODY);
                        int depth = Integer.parseInt(ctx.param("depth"));
                        if (depth > 0) {
                            try (InProcessConnection inner = InProcess.connect(app)) {
                                get(inner, "/nested/" + (depth - 1));
                            }
                        }
                    }
                })
                .get("/twice", ctx -> {
                    ctx.contentType("text/plain").outputStream().write(BODY, 0, 10);
                    ctx.send(BODY);
                })
                .get("/fails-early", ctx -> {
                    ctx.contentType("text/plain");
                    ctx.outputStream().write(BODY, 0, 10);
                    throw new IllegalStateException("before anything left");
                })
                .get("/fails-late", ctx -> {
                    ctx.contentType("text/plain");
                    OutputStream out = ctx.outputStream();
                    out.write(BODY);
                    out.flush();
                    throw new IllegalStateException("half-way through the body");
                });
    }

    private static String get(InProcessConnection connection, String path) {
        return new String(connection.exchange(("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void oneDeflaterServesResponseAfterResponse() {
        Policy policy = Policy.retaining(1);
        try (InProcessConnection connection = InProcess.connect(app(policy))) {
            for (int i = 0; i < 5; i++) {
                assertTrue(get(connection, i % 2 == 0 ? "/send" : "/stream").contains("Content-Encoding: gzip"));
                assertEquals(0, policy.outstanding());
            }
        }
        assertEquals(1, policy.alive(), "one deflater made and kept");
    }

    @Test
    void failedResponsesGiveTheirDeflaterBack() {
        Policy policy = Policy.retaining(0);
        try (InProcessConnection connection = InProcess.connect(app(policy))) {
            assertTrue(get(connection, "/fails-early").startsWith("HTTP/1.1 500"));
            assertEquals(0, policy.outstanding());
            assertTrue(get(connection, "/twice").startsWith("HTTP/1.1 500"));
            assertEquals(0, policy.outstanding());
            assertTrue(connection.isOpen());
            get(connection, "/fails-late");
            assertFalse(connection.isOpen(), "a broken body ends the connection");
        }
        assertEquals(0, policy.outstanding());
        assertEquals(0, policy.alive(), "with no room in the pool every deflater was ended");
    }

    @Test
    void aPoolKeepsNoMoreThanItsBound() {
        Policy policy = Policy.retaining(2);
        try (InProcessConnection connection = InProcess.connect(app(policy))) {
            assertTrue(get(connection, "/nested/4").contains("Content-Encoding: gzip"));
        }
        assertEquals(0, policy.outstanding());
        assertEquals(2, policy.alive(), "five made at once, two kept, three ended");
    }
}
