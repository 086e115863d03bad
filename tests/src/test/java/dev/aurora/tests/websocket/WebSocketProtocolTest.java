package dev.aurora.tests.websocket;

import static dev.aurora.test.TestWebSocket.BINARY;
import static dev.aurora.test.TestWebSocket.CLOSE;
import static dev.aurora.test.TestWebSocket.CONTINUATION;
import static dev.aurora.test.TestWebSocket.PING;
import static dev.aurora.test.TestWebSocket.PONG;
import static dev.aurora.test.TestWebSocket.TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestWebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every frame rule of RFC 6455 that a client can break, sent as raw frames (in-process and over a
 * socket), and the close code each gets.
 */
@AuroraTest
class WebSocketProtocolTest {
    private static final byte[] BAD_UTF8 = {(byte) 0xCE, (byte) 0xBA, (byte) 0xE1, (byte) 0xBD, (byte) 0xB9,
            (byte) 0xCF, (byte) 0x83, (byte) 0xCE, (byte) 0xBC, (byte) 0xCE, (byte) 0xB5, (byte) 0xED, (byte) 0xA0,
            (byte) 0x80, 0x65, 0x64, 0x69, 0x74, 0x65, 0x64};

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .ws("/echo", WebSocketOptions.defaults().withMaxFrameSize(1000).withMaxMessageSize(2000),
                        WebSocketEchoTest.ECHO);
    }

    private static void assertClosedWith(TestWebSocket ws, int code) {
        TestWebSocket.Frame close = ws.awaitClose();
        assertEquals(code, close.closeCode(), close.closeReason());
        assertFalse(close.masked(), "server frames are not masked");
        assertTrue(ws.connectionEnded(), "the server ends the connection after a protocol error");
    }

    @BothTransports
    void anUnmaskedClientFrameIsAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | TEXT, "hi".getBytes(StandardCharsets.UTF_8), false);
            assertClosedWith(ws, 1002);
        }
    }

    @BothTransports
    void anUnknownOpcodeIsAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | 0x3, new byte[0], true);
            assertClosedWith(ws, 1002);
        }
    }

    @BothTransports
    void aFragmentedControlFrameIsAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(PING, new byte[] {1}, true);
            assertClosedWith(ws, 1002);
        }
    }

    @BothTransports
    void aControlFrameOver125BytesIsAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | PING, new byte[126], true);
            assertClosedWith(ws, 1002);
        }
    }

    @BothTransports
    void reservedBitsWithoutAnExtensionAreAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | 0x40 | TEXT, "x".getBytes(StandardCharsets.UTF_8), true);
            assertClosedWith(ws, 1002);
        }
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | 0x20 | BINARY, new byte[1], true);
            assertClosedWith(ws, 1002);
        }
    }

    @BothTransports
    void invalidUtf8TextIsRefusedWith1007(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | TEXT, BAD_UTF8, true);
            assertClosedWith(ws, 1007);
        }
    }

    @BothTransports
    void invalidUtf8IsFoundAcrossFragmentsBeforeTheMessageEnds(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(TEXT, new byte[] {'a', (byte) 0xE2}, true);
            ws.sendFrame(CONTINUATION, new byte[] {(byte) 0x28}, true); // not a continuation byte
            assertClosedWith(ws, 1007);
        }
    }

    @BothTransports
    void aCharacterSplitBetweenFragmentsIsJoined(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
            ws.sendFrame(TEXT, new byte[] {euro[0]}, true);
            ws.sendFrame(0x80 | PING, "mid".getBytes(StandardCharsets.UTF_8), true); // control between fragments
            ws.sendFrame(0x80 | CONTINUATION, new byte[] {euro[1], euro[2]}, true);
            TestWebSocket.Frame pong = ws.receiveFrame();
            assertEquals(PONG, pong.opcode());
            assertEquals("mid", pong.text());
            assertEquals("€", ws.receiveText());
        }
    }

    @BothTransports
    void aContinuationOutsideAMessageIsAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | CONTINUATION, new byte[1], true);
            assertClosedWith(ws, 1002);
        }
    }

    @BothTransports
    void aNewMessageInsideAFragmentedOneIsAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(TEXT, new byte[] {'a'}, true);
            ws.sendFrame(0x80 | TEXT, new byte[] {'b'}, true);
            assertClosedWith(ws, 1002);
        }
    }

    @BothTransports
    void aFrameOverTheLimitGets1009(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | BINARY, new byte[1001], true);
            assertClosedWith(ws, 1009);
        }
    }

    @BothTransports
    void aMessageOverTheLimitGets1009EvenInSmallFragments(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(BINARY, new byte[900], true);
            ws.sendFrame(CONTINUATION, new byte[900], true);
            ws.sendFrame(0x80 | CONTINUATION, new byte[900], true);
            assertClosedWith(ws, 1009);
        }
    }

    @BothTransports
    void pingsAreAnsweredWithTheirPayload(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | PING, new byte[] {9, 8, 7}, true);
            TestWebSocket.Frame pong = ws.receiveFrame();
            assertEquals(PONG, pong.opcode());
            assertArrayEquals(new byte[] {9, 8, 7}, pong.payload());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000})
    void closeCodesThatMayNotBeSentAreAProtocolError(int code) {
        try (AuroraTestClient client = AuroraTestClient.of(app()); TestWebSocket ws = client.websocket("/echo")) {
            assertEquals(1002, ws.close(code, "").closeCode());
        }
    }

    @BothTransports
    void aValidCloseIsEchoedAndTheServerEndsTheConnection(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            TestWebSocket.Frame close = ws.close(3001, "app-defined");
            assertEquals(3001, close.closeCode());
            assertTrue(ws.connectionEnded());
        }
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | CLOSE, new byte[0], true);
            TestWebSocket.Frame close = ws.awaitClose();
            assertEquals(0, close.payload().length, "no code received: none echoed (1005 is never sent)");
        }
    }

    @BothTransports
    void aBadCloseFrameGetsAProtocolError(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | CLOSE, new byte[] {3}, true);
            assertClosedWith(ws, 1002);
        }
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | CLOSE, new byte[] {0x03, (byte) 0xE8, (byte) 0xFF}, true);
            assertClosedWith(ws, 1007);
        }
    }
}
