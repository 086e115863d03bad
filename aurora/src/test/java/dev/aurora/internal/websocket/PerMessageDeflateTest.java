package dev.aurora.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.websocket.CloseCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerMessageDeflateTest {
    private static final DeflateNegotiation TAKEOVER = DeflateNegotiation.negotiate(List.of("permessage-deflate"));

    @Test
    void whatItCompressesItInflates() throws Exception {
        PerMessageDeflate sender = new PerMessageDeflate(TAKEOVER, 1 << 20);
        PerMessageDeflate receiver = new PerMessageDeflate(TAKEOVER, 1 << 20);
        try {
            for (int round = 0; round < 3; round++) {
                byte[] text = ("round " + round + ": " + "abc".repeat(1000)).getBytes(StandardCharsets.UTF_8);
                byte[] wire = Arrays.copyOf(sender.compress(text, 0, text.length), sender.compressedLength());
                assertArrayEquals(text, receiver.decompress(wire, wire.length));
            }
        } finally {
            sender.release();
            receiver.release();
        }
    }

    @Test
    void theTailIsStrippedOnTheWire() {
        PerMessageDeflate codec = new PerMessageDeflate(TAKEOVER, 1 << 20);
        byte[] out = codec.compress(new byte[] {1, 2, 3}, 0, 3);
        int n = codec.compressedLength();
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(out, n, n + 4));
        codec.release();
    }

    @Test
    void inflatingStopsAtTheMessageLimit() {
        PerMessageDeflate sender = new PerMessageDeflate(TAKEOVER, 64 << 20);
        byte[] zeros = new byte[16 << 20];
        byte[] wire = Arrays.copyOf(sender.compress(zeros, 0, zeros.length), sender.compressedLength());
        PerMessageDeflate receiver = new PerMessageDeflate(TAKEOVER, 1 << 20);
        ProtocolViolation e = assertThrows(ProtocolViolation.class, () -> receiver.decompress(wire, wire.length));
        assertEquals(CloseCodes.MESSAGE_TOO_BIG_1009, e.code());
        sender.release();
        receiver.release();
    }

    @Test
    void exactlyTheLimitIsAllowed() throws Exception {
        PerMessageDeflate sender = new PerMessageDeflate(TAKEOVER, 1 << 20);
        byte[] data = new byte[1000];
        byte[] wire = Arrays.copyOf(sender.compress(data, 0, data.length), sender.compressedLength());
        assertEquals(1000, new PerMessageDeflate(TAKEOVER, 1000).decompress(wire, wire.length).length);
        sender.release();
    }

    @Test
    void negotiationPicksTheFirstOfferItCanHonour() {
        assertEquals("permessage-deflate; client_no_context_takeover",
                DeflateNegotiation.negotiate(List.of("permessage-deflate; server_max_window_bits=9",
                        "permessage-deflate; client_no_context_takeover; client_max_window_bits=10")).response());
        assertNull(DeflateNegotiation.negotiate(List.of("permessage-deflate; client_max_window_bits=16")));
        assertNull(DeflateNegotiation.negotiate(List.of("permessage-deflate; server_no_context_takeover; server_no_context_takeover")));
        assertNull(DeflateNegotiation.negotiate(List.of("permessage-deflate; server_no_context_takeover=1")));
        assertEquals("permessage-deflate; server_max_window_bits=15",
                DeflateNegotiation.negotiate(List.of("permessage-deflate; server_max_window_bits=\"15\"")).response());
    }
}
