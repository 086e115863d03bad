package dev.aurora.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.middleware.BodyLimit;
import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link BodyLimit} over real sockets: fixed-length and chunked bodies, and the connection after a 413. */
@AuroraTest(server = true)
class BodyLimitTest {
    static final AtomicInteger HANDLED = new AtomicInteger();

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .post("/small", ctx -> {
                    HANDLED.incrementAndGet();
                    ctx.send("got " + ctx.body().length);
                }, BodyLimit.of(10))
                .post("/big", ctx -> ctx.send("got " + ctx.body().length));
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheHandlerAndKeepsTheConnection(AuroraTestClient client) {
        int before = HANDLED.get();
        try (TestConnection connection = client.connect()) {
            connection.post("/small").body("0123456789", "text/plain").send().assertStatus(200).assertBody("got 10");
            connection.post("/small").body("0123456789A", "text/plain").send().assertStatus(413);
            assertTrue(connection.isOpen(), "a small unread body is skipped, the connection stays");
            connection.post("/big").body("0123456789A", "text/plain").send().assertStatus(200).assertBody("got 11");
        }
        assertEquals(before + 1, HANDLED.get(), "the refused request never reached its handler");
    }

    @Test
    void aChunkedBodyIsRefusedWhenItsChunksPassTheLimit(dev.aurora.Aurora app) throws IOException {
        assertEquals(413, chunked(app.port(), "/small", "5", "01234", "6", "567890"));
        assertEquals(200, chunked(app.port(), "/small", "5", "01234", "5", "56789"));
        assertEquals(200, chunked(app.port(), "/big", "5", "01234", "6", "567890"), "other routes keep the server's limit");
    }

    /** Sends a chunked POST on a fresh socket; returns the response status. */
    private static int chunked(int port, String path, String... sizesAndData) throws IOException {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n");
        for (int i = 0; i < sizesAndData.length; i += 2) {
            request.append(sizesAndData[i]).append("\r\n").append(sizesAndData[i + 1]).append("\r\n");
        }
        request.append("0\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.US_ASCII);
            return Integer.parseInt(text.substring(9, 12));
        }
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BodyLimit.of(-1));
    }
}
