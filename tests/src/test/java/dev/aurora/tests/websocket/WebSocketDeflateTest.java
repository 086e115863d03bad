package dev.aurora.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestWebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** permessage-deflate (RFC 7692): negotiation, both directions, context takeover, and the inflate limit. */
@AuroraTest
class WebSocketDeflateTest {
    private static final String OFFER = "permessage-deflate; client_max_window_bits";

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .ws("/echo", WebSocketOptions.defaults().withPerMessageDeflate(true).withMaxMessageSize(1 << 20),
                        WebSocketEchoTest.ECHO)
                .ws("/plain", WebSocketEchoTest.ECHO);
    }

    /** Compresses as a client: raw DEFLATE, sync flush, the 00 00 ff ff tail removed. */
    static byte[] compress(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, all.length - 4);
    }

    static byte[] inflate(Inflater inflater, byte[] payload) throws Exception {
        byte[] withTail = Arrays.copyOf(payload, payload.length + 4);
        withTail[payload.length + 2] = (byte) 0xFF;
        withTail[payload.length + 3] = (byte) 0xFF;
        inflater.setInput(withTail);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = inflater.inflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @BothTransports
    void compressedMessagesGoBothWaysWithContextTakeover(AuroraTestClient client) throws Exception {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        Inflater inflater = new Inflater(true);
        try (TestWebSocket ws = client.websocket("/echo", Map.of("Sec-WebSocket-Extensions", OFFER))) {
            assertEquals("permessage-deflate", ws.handshake().header("Sec-WebSocket-Extensions"));
            String text = "the quick brown fox jumps over the lazy dog, ".repeat(20);
            for (int round = 0; round < 3; round++) {
                // The second and later messages refer back into the first: the contexts carry over.
                ws.sendFrame(0x80 | 0x40 | TestWebSocket.TEXT, compress(deflater, text.getBytes(StandardCharsets.UTF_8)), true);
                TestWebSocket.Frame echo = ws.receiveFrame();
                assertEquals(0x4, echo.rsv(), "the echo is compressed (RSV1)");
                assertEquals(text, new String(inflate(inflater, echo.payload()), StandardCharsets.UTF_8));
            }
            ws.send("short");
            TestWebSocket.Frame small = ws.receiveFrame();
            assertEquals(0, small.rsv(), "small messages go uncompressed");
            assertEquals("short", small.text());
        }
    }

    @BothTransports
    void noContextTakeoverIsEchoedAndHonoured(AuroraTestClient client) throws Exception {
        try (TestWebSocket ws = client.websocket("/echo", Map.of("Sec-WebSocket-Extensions",
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover"))) {
            assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                    ws.handshake().header("Sec-WebSocket-Extensions"));
            String text = "abcdefghij".repeat(30);
            for (int round = 0; round < 2; round++) {
                Deflater fresh = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                ws.sendFrame(0x80 | 0x40 | TestWebSocket.TEXT, compress(fresh, text.getBytes(StandardCharsets.UTF_8)), true);
                // A fresh inflater per message works only if the server reset its compressor.
                assertEquals(text, new String(inflate(new Inflater(true), ws.receiveFrame().payload()), StandardCharsets.UTF_8));
            }
        }
    }

    @BothTransports
    void offersTheServerCannotHonourAreDeclined(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo", Map.of("Sec-WebSocket-Extensions",
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; server_max_window_bits=15"))) {
            assertEquals("permessage-deflate; server_max_window_bits=15", ws.handshake().header("Sec-WebSocket-Extensions"));
        }
        try (TestWebSocket ws = client.websocket("/echo", Map.of("Sec-WebSocket-Extensions",
                "permessage-deflate; unknown_param, x-webkit-deflate-frame"))) {
            assertNull(ws.handshake().header("Sec-WebSocket-Extensions"));
        }
        try (TestWebSocket ws = client.websocket("/plain", Map.of("Sec-WebSocket-Extensions", OFFER))) {
            assertNull(ws.handshake().header("Sec-WebSocket-Extensions"), "not enabled on this route");
            ws.sendFrame(0x80 | 0x40 | TestWebSocket.TEXT, new byte[] {1}, true);
            assertEquals(1002, ws.awaitClose().closeCode());
        }
    }

    @BothTransports
    void aZipBombGets1009(AuroraTestClient client) {
        byte[] zeros = new byte[64 << 20];
        byte[] bomb = compress(new Deflater(Deflater.BEST_COMPRESSION, true), zeros);
        try (TestWebSocket ws = client.websocket("/echo", Map.of("Sec-WebSocket-Extensions", OFFER))) {
            ws.sendFrame(0x80 | 0x40 | TestWebSocket.BINARY, bomb, true);
            assertEquals(1009, ws.awaitClose().closeCode());
        }
    }

    @BothTransports
    void dataThatIsNotDeflateGets1007(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo", Map.of("Sec-WebSocket-Extensions", OFFER))) {
            ws.sendFrame(0x80 | 0x40 | TestWebSocket.BINARY, new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2}, true);
            assertEquals(1007, ws.awaitClose().closeCode());
        }
    }
}
